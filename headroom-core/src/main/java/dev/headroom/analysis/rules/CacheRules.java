package dev.headroom.analysis.rules;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules about caches and CDNs. */
final class CacheRules {

  private CacheRules() {}

  static List<Rule> all() {
    return List.of(
        new Rule(
            "HR-CACHE-001",
            Layer.CACHE,
            "Cache hit ratio is low",
            "An application cache should serve 70-85% of lookups (cache-aside needs over 95% to pay off); below"
                + " that it adds a network hop to most requests without sparing the database.",
            List.of("M7", "M8", "P4"),
            List.of(
                new Threshold("warning", Dimension.RATIO, 0.70, "M7", "application cache 70-85%"),
                new Threshold(
                    "cache_aside", Dimension.RATIO, 0.95, "M8", "cache-aside needs over 95%")),
            List.of("<cache>.hit_ratio"),
            List.of("increase-cache-memory", "tune-eviction-policy"),
            CacheRules::hitRatio),
        new Rule(
            "HR-CACHE-002",
            Layer.CACHE,
            "Cache is full and evicting",
            "Evictions with memory full mean the working set does not fit: hot keys are pushed out and the hit ratio"
                + " falls (thrashing).",
            List.of("C4", "P5"),
            List.of(
                new Threshold(
                    "memory", Dimension.RATIO, 0.90, "C4", "cache memory above 90% of maxmemory")),
            List.of("<cache>.evictions", "<cache>.memory_used"),
            List.of("increase-cache-memory", "tune-eviction-policy"),
            CacheRules::evicting),
        new Rule(
            "HR-CACHE-003",
            Layer.CACHE,
            "Cache refuses writes when full",
            "With noeviction, a full cache returns errors on writes instead of dropping cold keys; allkeys-lru is"
                + " the usual default for a cache.",
            List.of("P5"),
            List.of(),
            List.of("<cache>.eviction_policy"),
            List.of("tune-eviction-policy"),
            CacheRules::noEviction),
        new Rule(
            "HR-CACHE-004",
            Layer.CACHE,
            "Cache smaller than the working set",
            "Cache memory should hold the working set (usually 10-20% of the data) with about 1.5x overhead.",
            List.of("C4", "C4.resolve"),
            List.of(),
            List.of("<cache>.memory (declared size)", "workload.data_size"),
            List.of("increase-cache-memory"),
            CacheRules::undersized),
        new Rule(
            "HR-CACHE-005",
            Layer.CACHE,
            "Busy read-heavy database without a cache",
            "Caching cuts database load by 80-95% and response time by 70-90% for read-heavy work.",
            List.of("C8", "D5", "X1"),
            List.of(
                new Threshold(
                    "read_share", Dimension.RATIO, 0.80, "P8", "read-heavy from 80% reads"),
                new Threshold(
                    "cpu", Dimension.RATIO, 0.70, "M3", "the database is busy above 70% CPU")),
            List.of("read share", "<db>.cpu"),
            List.of("add-app-cache"),
            CacheRules::noCache),
        new Rule(
            "HR-CACHE-006",
            Layer.CACHE,
            "CDN hit ratio is low",
            "A CDN should serve 80-90% of requests from the edge; less means short TTLs, cache-busting query strings"
                + " or uncached HTML.",
            List.of("M7", "P7"),
            List.of(new Threshold("warning", Dimension.RATIO, 0.80, "M7", "CDN 80-90%")),
            List.of("<cdn>.hit_ratio"),
            List.of("tune-cdn-caching"),
            CacheRules::cdnHitRatio));
  }

  private static void hitRatio(RuleContext ctx) {
    for (Component c : ctx.view().spec().components(ComponentKind.CACHE)) {
      Optional<Map<String, Figure>> f = ctx.require(c, c.fact("hit_ratio"));
      if (f.isEmpty()) {
        continue;
      }
      Figure hit = f.get().get(c.fact("hit_ratio"));
      Figure warn = ctx.threshold("warning");
      List<String> actions = new ArrayList<>();
      double fullAt = ctx.threshold("HR-CACHE-002", "memory").value(); // C4: 90% of maxmemory
      boolean full =
          ctx.measured(c, Metric.EVICTIONS).map(e -> e.value() > 0).orElse(false)
              || ctx.measured(c, Metric.MEMORY).map(m -> m.value() >= fullAt).orElse(false);
      if (full) {
        actions.add("increase-cache-memory");
      }
      if (!goodPolicy(c) || !full) {
        actions.add(
            "tune-eviction-policy"); // a good policy that is not full misses on TTLs or keys (P4,
        // P5)
      }
      if (hit.value() < warn.value()) {
        ctx.finding(
            Severity.WARNING,
            c,
            c.name()
                + " serves only "
                + hit.formatted()
                + " of lookups"
                + (full ? " while evicting: the working set does not fit" : "")
                + ".",
            List.of(new Evidence(c.fact("hit_ratio"), hit), new Evidence("target at least", warn)),
            actions);
      } else if (c.setting("strategy").orElse("").equals("cache-aside")
          && hit.value() < ctx.threshold("cache_aside").value()) {
        ctx.finding(
            Severity.INFO,
            c,
            c.name()
                + " is cache-aside at "
                + hit.formatted()
                + "; cache-aside pays off above "
                + ctx.threshold("cache_aside").formatted()
                + ".",
            List.of(
                new Evidence(c.fact("hit_ratio"), hit),
                new Evidence("cache-aside target", ctx.threshold("cache_aside"))),
            actions);
      }
    }
  }

  private static void evicting(RuleContext ctx) {
    for (Component c : ctx.view().spec().components(ComponentKind.CACHE)) {
      Optional<Map<String, Figure>> f = ctx.require(c, c.fact("evictions"), c.fact("memory_used"));
      if (f.isEmpty()) {
        continue;
      }
      Figure ev = f.get().get(c.fact("evictions"));
      Figure mem = f.get().get(c.fact("memory_used"));
      if (ev.value() > 0 && mem.value() >= ctx.threshold("memory").value()) {
        ctx.finding(
            Severity.WARNING,
            c,
            c.name() + " is " + mem.formatted() + " full and evicts " + ev.formatted() + ".",
            List.of(
                new Evidence(c.fact("evictions"), ev), new Evidence(c.fact("memory_used"), mem)),
            goodPolicy(c)
                ? List.of("increase-cache-memory")
                : List.of("increase-cache-memory", "tune-eviction-policy"));
      }
    }
  }

  /**
   * allkeys-lru and allkeys-lfu suit a cache (P5); anything else, or not knowing, is worth a look.
   */
  private static boolean goodPolicy(Component c) {
    return c.setting("eviction_policy")
        .filter(p -> p.equals("allkeys-lru") || p.equals("allkeys-lfu"))
        .isPresent();
  }

  private static void noEviction(RuleContext ctx) {
    for (Component c : ctx.view().spec().components(ComponentKind.CACHE)) {
      Optional<String> policy = c.setting("eviction_policy");
      if (policy.isEmpty()) {
        ctx.notEvaluated(
            c,
            List.of(c.name() + ".eviction_policy"),
            List.of(
                "declare eviction_policy on "
                    + c.name()
                    + " (Redis: CONFIG GET maxmemory-policy)"));
        continue;
      }
      if (policy.get().equals("noeviction")) {
        ctx.finding(
            Severity.WARNING,
            c,
            c.name() + " uses noeviction: when memory fills, writes fail.",
            List.of(
                new Evidence(
                    c.name() + ".eviction_policy",
                    new Figure(
                        1,
                        Dimension.COUNT,
                        new Provenance.Declared(
                            c.location() + " " + c.name() + ".eviction_policy = noeviction")))),
            List.of("tune-eviction-policy"));
      }
    }
  }

  /**
   * C4's working-set estimate is a rule of thumb: a measured hit ratio at or above HR-CACHE-001's
   * level (M7's 70%) shows the cache holds what is hot, and then the estimate is not held against
   * it. The working share and the overhead are the capacity calculator's settings ({@code
   * thresholds: capacity: working_set, cache_overhead}), so this finding and the capacity section
   * size the cache alike; the finding fires below the low end of C4's 10-20% range.
   */
  private static void undersized(RuleContext ctx) {
    Figure hot = ctx.threshold("HR-CACHE-001", "warning");
    Figure workingSet = ctx.threshold(Settings.OWNER, "working_set");
    Figure overhead = ctx.threshold(Settings.OWNER, "cache_overhead");
    double lowEnd = Math.min(0.10, workingSet.value()); // C4's range starts at 10%
    for (Component c : ctx.view().spec().components(ComponentKind.CACHE)) {
      if (ctx.measured(c, Metric.HIT_RATIO).map(h -> h.value() >= hot.value()).orElse(false)) {
        continue;
      }
      Optional<Map<String, Figure>> f = ctx.require(c, c.fact("memory"), "workload.data_size");
      if (f.isEmpty()) {
        continue;
      }
      Figure mem = f.get().get(c.fact("memory"));
      Figure data = f.get().get("workload.data_size");
      double total = mem.value() * ctx.view().spec().instances(c);
      double minimum = data.value() * lowEnd * overhead.value();
      if (total < minimum) {
        Figure need = CapacityModel.workingSetMemory(data, workingSet, overhead);
        ctx.finding(
            Severity.WARNING,
            c,
            c.name()
                + " has "
                + Units.formatBytes(total)
                + ", below even a "
                + Units.format(lowEnd * 100, 3)
                + "% working set of the data with overhead ("
                + Units.formatBytes(minimum)
                + "); C4 suggests "
                + need.formatted()
                + ".",
            List.of(
                new Evidence(c.fact("memory"), mem),
                new Evidence("workload.data_size", data),
                new Evidence("C4 cache size", need)),
            List.of("increase-cache-memory"));
      }
    }
  }

  private static void noCache(RuleContext ctx) {
    if (ctx.view().has(ComponentKind.CACHE)) {
      return;
    }
    for (Component db : ctx.view().primaries()) {
      Optional<Figure> read = ctx.view().readRatio(db);
      Optional<Figure> cpu = ctx.measured(db, Metric.CPU);
      if (read.isEmpty() || cpu.isEmpty()) {
        continue; // HR-DB-007 lists the same missing data
      }
      if (read.get().value() >= ctx.threshold("read_share").value()
          && cpu.get().value() > ctx.threshold("cpu").value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            db.name()
                + " is busy ("
                + cpu.get().formatted()
                + " CPU) with "
                + read.get().formatted()
                + " reads and nothing caches them.",
            List.of(
                new Evidence("read share", read.get()), new Evidence(db.fact("cpu"), cpu.get())),
            List.of("add-app-cache"));
      }
    }
  }

  private static void cdnHitRatio(RuleContext ctx) {
    for (Component c : ctx.view().spec().components(ComponentKind.CDN)) {
      Optional<Map<String, Figure>> f = ctx.require(c, c.fact("hit_ratio"));
      if (f.isEmpty()) {
        continue;
      }
      Figure hit = f.get().get(c.fact("hit_ratio"));
      Figure t = ctx.threshold("warning");
      if (hit.value() < t.value()) {
        ctx.finding(
            Severity.WARNING,
            c,
            c.name() + " serves " + hit.formatted() + " from the edge.",
            List.of(new Evidence(c.fact("hit_ratio"), hit), new Evidence("target at least", t)),
            List.of("tune-cdn-caching"));
      }
    }
  }
}
