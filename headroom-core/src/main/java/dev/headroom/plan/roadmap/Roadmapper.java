package dev.headroom.plan.roadmap;

import dev.headroom.advice.Advice;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.capacity.Change;
import dev.headroom.analysis.capacity.LoadProjection;
import dev.headroom.analysis.cost.CostModel;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.analysis.stage.Stage;
import dev.headroom.analysis.stage.StageAnalyzer;
import dev.headroom.analysis.stage.StageAssessment;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import dev.headroom.plan.Action;
import dev.headroom.plan.Actions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the capacity model from today's load to a target multiple (the roadmap). At each row it
 * finds what breaks on the way to the row's load on the system the earlier rows leave, applies the
 * remedy the decision matrices give as a {@link Change} on the model (cheapest sufficient first: a
 * pooler before anything else for connections, read replicas before sharding for the primary, X1
 * and D5), re-evaluates, and goes on. Every size it shows is read from the model's functions, so
 * the growth target's row is {@code advise}'s capacity section.
 *
 * <p>Pure: no I/O, no clock; today's date is a parameter. One walk costs a few stage assessments
 * and model evaluations per row, so the uncertainty engine can run it per sampled system.
 */
public final class Roadmapper {

  /** The load steps of the walk (the ladder), up to the target multiple asked for. */
  static final double[] LADDER = {
    1, 1.25, 1.5, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10_000
  };

  /** Remedies a row may apply before what is left is reported as open (a bound on the loop). */
  private static final int MAX_REMEDIES_PER_ROW = 12;

  /** The most shards the walk considers; past it the hottest key alone is beyond one primary. */
  private static final int MAX_SHARDS = 4096;

  /**
   * A p95 more than this many times the SLO is shown as the busiest tier's utilisation instead:
   * near saturation M/M/1 scaling says only that the queue runs away.
   */
  private static final double LATENCY_SHOWN_UP_TO = 10;

  /** Relative precision of the multiple where the stage moves (bisection on a step function). */
  private static final double STAGE_TOLERANCE = 1e-4;

  /** Days in a mean Gregorian month (365.2425 / 12), to turn months into a date. */
  private static final double DAYS_PER_MONTH = 365.2425 / 12;

  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  private Roadmapper() {}

  /**
   * The date the walk starts from: the last ISO date in the system's observations window (the day
   * its measurements end), else {@code fallback} (the caller's clock).
   */
  public static Start start(SystemView view, LocalDate fallback) {
    Matcher m = ISO_DATE.matcher(view.spec().observationsWindow());
    LocalDate last = null;
    while (m.find()) {
      try {
        last =
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
      } catch (java.time.DateTimeException e) {
        // not a date (2026-13-40): keep looking
      }
    }
    if (last != null) {
      return new Start(last, "the end of the observations window");
    }
    return new Start(fallback, "today's date (no date in an observations window)");
  }

  /** Today's date and where it comes from. */
  public record Start(LocalDate date, String source) {
    public Start {
      java.util.Objects.requireNonNull(date, "date");
      java.util.Objects.requireNonNull(source, "source");
    }
  }

  /**
   * The multiple at which the load serves {@code users} active users: users / {@code
   * workload.active_users} (load taken to grow with users).
   *
   * @throws IllegalArgumentException when the system declares no active users
   */
  public static Figure multipleForUsers(SystemView view, Figure users) {
    Figure now =
        view.fact("workload.active_users")
            .filter(u -> u.value() > 0)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a users target needs workload.active_users (above zero) in the system"
                            + " file"));
    return new Figure(
        users.value() / now.value(),
        Dimension.MULTIPLIER,
        new Provenance.Derived(
            "users target / active users (load grows with users)",
            List.of("users target = " + users.withKind(), "active users = " + now.withKind())));
  }

  /**
   * The multiple the load reaches after {@code horizon} at the stated growth: (1 + g)^months.
   *
   * @throws IllegalArgumentException when the system states no growth
   */
  public static Figure multipleForHorizon(CapacityModel model, Figure horizon) {
    Figure g =
        monthlyGrowth(model)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a horizon needs workload.growth (or workload.target with a horizon) in"
                            + " the system file"));
    double months = horizon.value() / (365.25 * 86400 / 12);
    return new Figure(
        Math.pow(1 + g.value(), months),
        Dimension.MULTIPLIER,
        new Provenance.Derived(
            "(1 + monthly growth) ^ months",
            List.of(
                "growth = " + g.withKind(), "horizon = " + Units.format(months, 4) + " months")));
  }

  /**
   * The monthly growth rate the dates follow: {@code workload.growth}, else the rate that reaches
   * {@code workload.target} over the horizon, else none.
   */
  public static Optional<Figure> monthlyGrowth(CapacityModel model) {
    SystemView view = model.view();
    Optional<Figure> rate = view.fact("workload.growth").filter(g -> g.value() > 0);
    if (rate.isPresent()) {
      return rate;
    }
    Optional<Figure> target = view.fact("workload.target").filter(t -> t.value() > 1);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Figure horizon = view.fact("workload.horizon").orElse(model.settings().horizon());
    double months = horizon.value() / (365.25 * 86400 / 12);
    return Optional.of(
        new Figure(
            Math.pow(target.get().value(), 1 / months) - 1,
            Dimension.RATIO,
            new Provenance.Derived(
                "target ^ (1 / months) - 1",
                List.of(
                    "target = " + target.get().withKind(),
                    "horizon = " + Units.format(months, 4) + " months"))));
  }

  /**
   * The roadmap of {@code model}'s system from today to {@code to} (and the growth target, always a
   * row).
   *
   * @param model the capacity model of the system as described, at today's load
   * @param todaysPlan the changes today's plan ({@code advise}) makes, applied at the 1x row so the
   *     walk starts from the system advise recommends
   * @param costs the prices
   * @param to the last multiple to walk to (at least 1x)
   * @param start today's date and its source
   */
  public static Roadmap walk(
      CapacityModel model, List<Change> todaysPlan, CostModel costs, Figure to, Start start) {
    if (!(to.value() >= 1) || !Double.isFinite(to.value())) {
      throw new IllegalArgumentException(
          "a roadmap goes up from today's load: the target multiple is at least 1x, got "
              + to.formatted());
    }
    return new Walk(model, costs, start).run(todaysPlan, to);
  }

  /**
   * The roadmap of an advised system: the walk starts from {@code advice}'s model at today's load,
   * applies its plan's changes at the 1x row, and prices with the system's price table.
   *
   * @param to the last multiple, or null for the growth target
   * @param fallbackToday today's date when the observations window states none (the caller's clock)
   */
  public static Roadmap of(Advice advice, Figure to, LocalDate fallbackToday) {
    CapacityModel m = advice.model();
    CostModel costs = new CostModel(m.view(), PriceTable.of(advice.system()));
    Figure last = to;
    if (last == null) {
      Figure target = m.targetMultiple();
      last = target.value() >= 1 ? target : CapacityModel.today();
    }
    return walk(m, advice.planned().changes(), costs, last, start(m.view(), fallbackToday));
  }

  /**
   * A roadmap with the capacity model each row leaves after its remedies, in row order: what the
   * simulation checks ({@link RoadmapChecks}) run, without widening the {@link RoadmapStep} record.
   */
  record Walked(Roadmap roadmap, List<CapacityModel> models) {
    Walked {
      models = List.copyOf(models);
      if (models.size() != roadmap.steps().size()) {
        throw new IllegalArgumentException(
            models.size() + " models for " + roadmap.steps().size() + " rows; one per row");
      }
    }
  }

  /** {@link #of(Advice, Figure, LocalDate)} with each row's model after its remedies. */
  static Walked walked(Advice advice, Figure to, LocalDate fallbackToday) {
    CapacityModel m = advice.model();
    CostModel costs = new CostModel(m.view(), PriceTable.of(advice.system()));
    Figure last = to;
    if (last == null) {
      Figure target = m.targetMultiple();
      last = target.value() >= 1 ? target : CapacityModel.today();
    }
    if (!(last.value() >= 1) || !Double.isFinite(last.value())) {
      throw new IllegalArgumentException(
          "a roadmap goes up from today's load: the target multiple is at least 1x, got "
              + last.formatted());
    }
    Walk walk = new Walk(m, costs, start(m.view(), fallbackToday));
    Roadmap roadmap = walk.run(advice.planned().changes(), last);
    return new Walked(roadmap, walk.rowModels);
  }

  /**
   * The day {@code months} after {@code start}, in the walk's mean Gregorian month: every date of a
   * roadmap, sampled or not, is placed this one way.
   */
  static LocalDate dateAfter(LocalDate start, double months) {
    return start.plusDays(Math.round(months * DAYS_PER_MONTH));
  }

  /** The rows' multiples: 1x, the ladder below {@code to}, {@code to}, and the growth target. */
  static List<Double> multiples(double to, double target) {
    TreeSet<Double> out = new TreeSet<>();
    out.add(1.0);
    for (double k : LADDER) {
      if (k > 1 && k < to * (1 - 1e-9)) {
        out.add(k);
      }
    }
    out.add(to);
    if (target >= 1) {
      out.add(target);
    }
    // a ladder value within a hair of the target or of 'to' is the same row
    List<Double> rows = new ArrayList<>();
    for (double k : out) {
      if (!rows.isEmpty() && Math.abs(k - rows.get(rows.size() - 1)) < 1e-9 * k) {
        continue;
      }
      rows.add(k);
    }
    return rows;
  }

  // ------------------------------------------------------------------------------------------

  /** One walk: the model as the rows so far leave it. */
  private static final class Walk {
    final CapacityModel today;
    final CostModel costs;
    final Start start;
    final SystemView view;
    final Settings settings;
    final Figure target;
    final Figure utilTarget;
    final Optional<Figure> growth;
    final Optional<Component> app;
    final Optional<Component> db;
    CapacityModel model;

    /** Cache memory the roadmap has sized the declared caches to (bytes), 0 with no cache. */
    double cacheBytes;

    final double declaredCacheBytes;
    ShardSkew skew;
    final List<String> notes = new ArrayList<>();

    /** The model each row leaves after its remedies, in row order (for the simulation checks). */
    final List<CapacityModel> rowModels = new ArrayList<>();

    Walk(CapacityModel model, CostModel costs, Start start) {
      this.today = model;
      this.model = model;
      this.costs = costs;
      this.start = start;
      this.view = model.view();
      this.settings = model.settings();
      this.target = model.targetMultiple();
      this.utilTarget = settings.targetUtilization();
      this.growth = monthlyGrowth(model);
      this.app = model.app();
      this.db = model.primary();
      double bytes = 0;
      for (Component c : view.spec().components(ComponentKind.CACHE)) {
        bytes += view.facts().value(c.fact("memory"), 0) * view.spec().instances(c);
      }
      this.declaredCacheBytes = bytes;
      this.cacheBytes = bytes;
    }

    /** The breaks still open at the end of the row before. */
    List<Breakpoint> openBefore = List.of();

    Roadmap run(List<Change> todaysPlan, Figure to) {
      List<RoadmapStep> steps = new ArrayList<>();
      Stage previous = null;
      double previousK = 1;
      for (double k : multiples(to.value(), target.value())) {
        boolean isTarget = Math.abs(k - target.value()) < 1e-9 * k;
        Figure multiple = rowMultiple(k, isTarget, to);
        RoadmapStep step =
            row(multiple, isTarget, k == 1 ? todaysPlan : List.of(), previous, previousK);
        steps.add(step);
        previous = step.stage();
        previousK = k;
      }
      addWarnings(steps);
      notes();
      return new Roadmap(
          view.spec().name(),
          start.date(),
          start.source(),
          growth.orElse(null),
          to,
          target,
          steps,
          firstBreaks(steps),
          notes);
    }

    Figure rowMultiple(double k, boolean isTarget, Figure to) {
      if (isTarget) {
        return target;
      }
      if (k == 1) {
        return CapacityModel.today();
      }
      if (Math.abs(k - to.value()) < 1e-9 * k) {
        return to;
      }
      return new Figure(
          k, Dimension.MULTIPLIER, new Provenance.Derived("the roadmap's load steps", List.of()));
    }

    RoadmapStep row(
        Figure k, boolean isTarget, List<Change> planned, Stage previous, double previousK) {
      CapacityModel before = model;
      double cacheBefore = cacheBytes;
      // what today's measurements show (a trigger such as users far away) does not go away with
      // more load, though the projection drops the measurement: the stage never falls on the way up
      Stage projected = stageAt(k.value());
      Stage stage =
          previous != null && previous.ordinal() > projected.ordinal() ? previous : projected;
      List<Breakpoint> found = breaks(k);
      if (previous != null && stage.ordinal() > previous.ordinal()) {
        found.add(stageBreak(previous, stage, previousK, k));
      }
      found.sort(Comparator.comparingDouble(b -> b.multiple().value()));
      List<Remedy> remedies = new ArrayList<>();
      List<Alternative> alternatives = new ArrayList<>();
      for (Change c : planned) {
        model = model.with(c);
        remedies.add(
            new Remedy(
                actionOf(c),
                "today's plan (advise): " + c.describe(),
                answers(c),
                List.of("X1", "X3")));
      }
      List<Breakpoint> open = breaks(k);
      // a break nothing in the model fixes stays open; the others are still remedied
      List<Breakpoint> unfixable = new ArrayList<>();
      int guard = 0;
      while (guard++ < MAX_REMEDIES_PER_ROW) {
        Breakpoint next =
            pick(open.stream().filter(b -> unfixable.stream().noneMatch(b::sameAs)).toList());
        if (next == null) {
          break;
        }
        if (!remedy(next, k, remedies, alternatives)) {
          unfixable.add(next);
          continue;
        }
        open = breaks(k);
      }
      List<Breakpoint> shown = new ArrayList<>();
      for (Breakpoint b : found) {
        boolean stillOpen = b.kind() != BreakKind.STAGE && open.stream().anyMatch(b::sameAs);
        Breakpoint x = stillOpen ? b.stillOpen() : b;
        shown.add(openBefore.stream().anyMatch(b::sameAs) ? x.carriedOver() : x);
      }
      // a break the remedies caused (a pool total after scale-out) shows too
      for (Breakpoint o : open) {
        if (shown.stream().noneMatch(o::sameAs)) {
          shown.add(o.stillOpen());
        }
      }
      openBefore = shown.stream().filter(Breakpoint::open).toList();
      shown.replaceAll(b -> b.dated(breakDate(b.multiple().value())));
      Figure months = months(k.value());
      rowModels.add(model);
      return new RoadmapStep(
          k,
          months,
          months == null ? null : date(months),
          isTarget,
          stage,
          before.appUtilisationAt(k).orElse(null),
          before.primaryUtilisationAt(k).orElse(null),
          shown,
          remedies,
          alternatives,
          List.of(),
          model.appUtilisationAt(k).orElse(null),
          model.primaryUtilisationAt(k).orElse(null),
          sizes(k),
          costOf(before, cacheBefore),
          costOf(model, cacheBytes),
          null);
    }

    // ------------------------------------------------------------------ dates

    Figure months(double k) {
      if (growth.isEmpty()) {
        return null;
      }
      if (k == 1) {
        return new Figure(0, Dimension.NUMBER, new Provenance.Derived("today", List.of()));
      }
      Figure g = growth.get();
      return new Figure(
          Math.log(k) / Math.log(1 + g.value()),
          Dimension.NUMBER,
          new Provenance.Derived(
              "months = ln(multiple) / ln(1 + monthly growth)",
              List.of("multiple = " + Units.format(k, 6) + "x", "growth = " + g.withKind())));
    }

    /** When the load reaches {@code k} (today for a break already passed); null without growth. */
    LocalDate breakDate(double k) {
      Figure m = months(Math.max(1, k));
      return m == null ? null : date(m);
    }

    LocalDate date(Figure months) {
      return dateAfter(start.date(), months.value());
    }

    // ------------------------------------------------------------------ stage

    /** Stages already assessed by load multiple: rows and bisections ask for the same loads. */
    final Map<Double, Stage> stages = new java.util.HashMap<>();

    Stage stageAt(double k) {
      return stages.computeIfAbsent(k, this::assessStage);
    }

    Stage assessStage(double k) {
      SystemView projected =
          k == 1
              ? view
              : new SystemView(
                  LoadProjection.at(
                          view.spec(),
                          new Figure(k, Dimension.MULTIPLIER, CapacityModel.today().provenance()))
                      .spec());
      StageAssessment a = StageAnalyzer.assess(projected, settings.thresholds());
      return a.stage();
    }

    Breakpoint stageBreak(Stage from, Stage to, double lowK, Figure k) {
      // the exact multiple where the stage moves, by bisection on the stage analyser (the stage is
      // a step function of the load)
      double lo = lowK;
      double hi = k.value();
      for (int i = 0; i < 30 && hi - lo > STAGE_TOLERANCE * hi; i++) {
        double mid = (lo + hi) / 2;
        if (stageAt(mid).ordinal() > from.ordinal()) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      Figure at =
          derived(
              hi,
              Dimension.MULTIPLIER,
              "the lowest multiple the stage analyser places at " + to.id() + " (bisection)",
              "stage before = " + from.id());
      Figure rate = model.rate(k).orElse(k);
      Figure threshold = model.rate(at).orElse(at);
      return new Breakpoint(
          BreakKind.STAGE,
          "",
          at,
          rate,
          threshold,
          false,
          false,
          from.id() + " -> " + to.id() + ": " + to.architecture(),
          null,
          null);
    }

    // ------------------------------------------------------------------ breaks

    List<Breakpoint> breaks(Figure k) {
      List<Breakpoint> out = new ArrayList<>();
      appCapacity(k).ifPresent(out::add);
      primaryCpu(k).ifPresent(out::add);
      replicaCapacity(k).ifPresent(out::add);
      serverConnections(k).ifPresent(out::add);
      clientPools(k).ifPresent(out::add);
      latency(k).ifPresent(out::add);
      cacheMemory(k).ifPresent(out::add);
      out.addAll(singlePoints());
      return out;
    }

    Optional<Breakpoint> appCapacity(Figure k) {
      if (app.isEmpty() || model.peak().isEmpty()) {
        return Optional.empty();
      }
      Component c = app.get();
      Figure needed = model.appInstancesAt(k).orElseThrow();
      Figure have = model.instancesNow(c);
      if (needed.value() <= have.value()) {
        return Optional.empty();
      }
      Figure per = model.perInstance(c);
      Figure peak = model.peak().get();
      Figure at =
          derived(
              have.value() * per.value() / peak.value(),
              Dimension.MULTIPLIER,
              "instances x per-instance capacity / today's peak (C5)",
              "instances = " + have.formatted(),
              "per instance = " + per.withKind(),
              "peak = " + peak.withKind());
      String note =
          model
                  .appUtilisationAt(k)
                  .map(u -> "CPU " + u.formatted() + " by the utilisation law; ")
                  .orElse("")
              + "needs "
              + needed.formatted()
              + " instances, has "
              + have.formatted();
      return Optional.of(
          new Breakpoint(
              BreakKind.APP_CAPACITY, c.name(), at, needed, have, false, false, note, null, null));
    }

    Optional<Breakpoint> primaryCpu(Figure k) {
      Optional<Figure> u = model.primaryUtilisationAt(k);
      if (db.isEmpty() || u.isEmpty() || u.get().value() <= utilTarget.value()) {
        return Optional.empty();
      }
      Figure at =
          derived(
              k.value() * utilTarget.value() / u.get().value(),
              Dimension.MULTIPLIER,
              "multiple x target / cpu at the multiple (U = cpu x k x share is linear in k)",
              "cpu at " + k.formatted() + " = " + u.get().formatted(),
              "target = " + utilTarget.withKind());
      return Optional.of(
          new Breakpoint(
              BreakKind.PRIMARY_CPU,
              db.get().name(),
              at,
              u.get(),
              utilTarget,
              false,
              false,
              "the primary's CPU by the utilisation law",
              null,
              null));
    }

    Optional<Breakpoint> replicaCapacity(Figure k) {
      if (db.isEmpty()) {
        return Optional.empty();
      }
      double have = model.replicasNow(db.get());
      Optional<Figure> needed = model.rate(k).flatMap(model::replicas);
      Optional<Figure> readsToday = model.peak().flatMap(model::readRate);
      if (have == 0
          || needed.isEmpty()
          || readsToday.isEmpty()
          || needed.get().value() <= have
          || readsToday.get().value() <= 0) {
        return Optional.empty();
      }
      Figure cap = model.replicaCapacity(db.get());
      Figure at =
          derived(
              have * cap.value() / readsToday.get().value(),
              Dimension.MULTIPLIER,
              "replicas x one replica's capacity / today's reads reaching the database (C3)",
              "replicas = " + Units.format(have, 6),
              "one replica = " + cap.withKind(),
              "reads today = " + readsToday.get().formatted());
      return Optional.of(
          new Breakpoint(
              BreakKind.REPLICA_CAPACITY,
              db.get().name(),
              at,
              needed.get(),
              count(have, "read replicas in place"),
              false,
              false,
              "needs " + needed.get().formatted() + " replicas, has " + Units.format(have, 6),
              null,
              null));
    }

    Optional<Breakpoint> serverConnections(Figure k) {
      if (db.isEmpty()) {
        return Optional.empty();
      }
      Optional<Figure> max = view.fact(db.get().fact("max_connections"));
      Optional<Figure> conn = model.serverConnectionsAt(k);
      if (max.isEmpty() || conn.isEmpty() || conn.get().value() <= max.get().value()) {
        return Optional.empty();
      }
      Optional<Figure> one = model.serverConnectionsAt(CapacityModel.today());
      double perUnit = conn.get().value() / k.value();
      boolean linear =
          one.isPresent() && Math.abs(one.get().value() - perUnit) < 1e-9 * (1 + perUnit);
      Figure at =
          linear
              ? derived(
                  max.get().value() / perUnit,
                  Dimension.MULTIPLIER,
                  "max_connections / connections per unit of load (Little's law, C2)",
                  "max_connections = " + max.get().withKind(),
                  "connections at " + k.formatted() + " = " + conn.get().formatted())
              : derived(
                  0,
                  Dimension.MULTIPLIER,
                  "the pooler's cap alone passes max_connections (C2)",
                  "server connections = " + conn.get().formatted());
      return Optional.of(
          new Breakpoint(
              BreakKind.SERVER_CONNECTIONS,
              db.get().name(),
              at,
              conn.get(),
              max.get(),
              false,
              false,
              "server connections by Little's law",
              null,
              null));
    }

    /**
     * The clients' pools opened against max_connections once the front app runs the instances the
     * row needs (M4): every instance opens its whole pool, busy or not, until a pooler holds them.
     */
    Optional<Breakpoint> clientPools(Figure k) {
      if (db.isEmpty() || pooled()) {
        return Optional.empty();
      }
      Optional<Figure> max = view.fact(db.get().fact("max_connections"));
      if (max.isEmpty()) {
        return Optional.empty();
      }
      double total = 0;
      double frontPool = 0;
      double others = 0;
      for (Component client : view.clientsOf(db.get())) {
        Optional<Figure> size = view.fact(client.fact("pool.size"));
        if (size.isEmpty()) {
          return Optional.empty();
        }
        boolean front = app.filter(a -> a.name().equals(client.name())).isPresent();
        double n =
            front
                ? Math.max(
                    model.instancesNow(client).value(),
                    model.appInstancesAt(k).map(Figure::value).orElse(0.0))
                : view.spec().instances(client);
        total += n * size.get().value();
        if (front) {
          frontPool = size.get().value();
        } else {
          others += n * size.get().value();
        }
      }
      if (total <= max.get().value()) {
        return Optional.empty();
      }
      Figure at;
      if (frontPool > 0 && app.isPresent() && model.peak().isPresent()) {
        // the most front instances that fit, and the load they carry
        double fit = Math.max(0, Math.floor((max.get().value() - others) / frontPool));
        Figure per = model.perInstance(app.get());
        at =
            derived(
                Math.max(0, fit * per.value() / model.peak().get().value()),
                Dimension.MULTIPLIER,
                "instances whose pools fit in max_connections x per-instance capacity / peak"
                    + " (C2, M4)",
                "max_connections = " + max.get().withKind(),
                app.get().name() + " pool = " + Units.format(frontPool, 6),
                "other clients' pools = " + Units.format(others, 6),
                "per instance = " + per.withKind());
      } else {
        at = derived(0, Dimension.MULTIPLIER, "the pools pass max_connections today (M4)");
      }
      return Optional.of(
          new Breakpoint(
              BreakKind.CLIENT_POOLS,
              db.get().name(),
              at,
              derived(
                  total,
                  Dimension.COUNT,
                  "sum over clients of instances at this load x pool size (M4)",
                  "clients of " + db.get().name()),
              max.get(),
              false,
              false,
              "pool connections opened by the instances this load needs",
              null,
              null));
    }

    boolean pooled() {
      return model.changes().stream().anyMatch(c -> c instanceof Change.AddPooler);
    }

    /**
     * The p95 at the row's load by M/M/1 response-time scaling of the busiest tier: R(k) = R0 (1 −
     * U0) / (1 − U(k)), with R0 the measured p95 and U0 the busiest tier's CPU today (derived, an
     * approximation: the queueing delay of one tier stands for the whole response).
     */
    Optional<Breakpoint> latency(Figure k) {
      Optional<Figure> r0 = view.fact("latency_p95");
      Optional<Double> u0 = busiest(today, CapacityModel.today());
      Optional<Double> uk = busiest(model, k);
      if (r0.isEmpty() || u0.isEmpty() || uk.isEmpty() || u0.get() >= 1) {
        return Optional.empty();
      }
      Figure slo = view.p95Target();
      double base = r0.get().value() * (1 - u0.get());
      double r = uk.get() >= 1 ? Double.POSITIVE_INFINITY : base / (1 - uk.get());
      if (r <= slo.value()) {
        return Optional.empty();
      }
      // U(k) is linear in k on this model: the break is where U reaches 1 - R0 (1 - U0) / SLO
      double cap = 1 - base / slo.value();
      double perUnit = uk.get() / k.value();
      double at = cap <= 0 || perUnit <= 0 ? 0 : cap / perUnit;
      Figure figure =
          r > LATENCY_SHOWN_UP_TO * slo.value()
              ? derived(
                  uk.get(),
                  Dimension.RATIO,
                  "busiest tier's CPU at the load: at or above 100%, the queue grows without bound",
                  "cpu = " + Units.format(uk.get(), Dimension.RATIO))
              : derived(
                  r,
                  Dimension.DURATION,
                  "R(k) = R0 (1 - U0) / (1 - U(k)), M/M/1 response-time scaling of the busiest tier"
                      + " (derived; an approximation)",
                  "R0 = p95 today = " + r0.get().withKind(),
                  "U0 = " + Units.format(u0.get(), Dimension.RATIO),
                  "U(k) = " + Units.format(uk.get(), Dimension.RATIO));
      return Optional.of(
          new Breakpoint(
              BreakKind.LATENCY_P95,
              "",
              derived(
                  at,
                  Dimension.MULTIPLIER,
                  "U(k) = 1 - R0 (1 - U0) / SLO, solved for k (U linear in k)",
                  "R0 = " + r0.get().formatted(),
                  "U0 = " + Units.format(u0.get(), Dimension.RATIO),
                  "SLO = " + slo.withKind()),
              figure,
              figure.dimension() == Dimension.RATIO ? saturation() : slo,
              false,
              false,
              latencyNote(cap),
              null,
              null));
    }

    /** Full utilisation: where a queue grows without bound. */
    Figure saturation() {
      return new Figure(
          1,
          Dimension.RATIO,
          new Provenance.Derived("a queue grows without bound at 100%", List.of()));
    }

    /**
     * What the p95 break means: the SLO holds while the busiest tier stays below {@code cap}; a cap
     * below the utilisation target means capacity sized for the target does not meet the SLO, so
     * the time is not queueing and optimising comes first (X2, X3).
     */
    String latencyNote(double cap) {
      if (cap <= 0) {
        return "the p95 is above the SLO even with idle tiers: not queueing; optimise first (X2,"
            + " X3)";
      }
      if (cap < utilTarget.value()) {
        return "the SLO holds only with the busiest tier below "
            + Units.format(cap, Dimension.RATIO)
            + ", under the "
            + utilTarget.formatted()
            + " target the tiers are sized for: optimise the slow path first (X2, X3)";
      }
      return "the SLO holds while the busiest tier stays below "
          + Units.format(cap, Dimension.RATIO)
          + "; the tier remedies bring it there";
    }

    /** The higher of the front app's and the primary's CPU at {@code k} on {@code m}. */
    Optional<Double> busiest(CapacityModel m, Figure k) {
      Optional<Figure> a = m.appUtilisationAt(k);
      Optional<Figure> p = m.primaryUtilisationAt(k);
      if (a.isEmpty() && p.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          Math.max(a.map(Figure::value).orElse(0.0), p.map(Figure::value).orElse(0.0)));
    }

    /**
     * The working set at {@code k}: C4 at the growth target, read from the model ({@link
     * CapacityModel#cacheMemory}); a working set measured or counted by users grows with the users,
     * k / safety margin (the margin is headroom on request peaks, not on data), never below
     * today's; one taken as a share of the data stays as the data is.
     */
    Optional<Figure> workingSet(Figure k) {
      Optional<Figure> atTarget =
          model.cacheMemory(settings.hotSetHitRatio().value(), new ArrayList<>());
      if (atTarget.isEmpty()) {
        return Optional.empty();
      }
      boolean grows =
          model.measuredWorkingSet(settings.hotSetHitRatio().value()).isPresent()
              || view.fact("workload.data_size").isEmpty();
      Figure growthFactor = model.growthFactor();
      if (!grows || growthFactor.value() <= 0 || Math.abs(k.value() - target.value()) < 1e-12) {
        return atTarget;
      }
      double users = Math.max(1, k.value() / settings.safetyMargin().value());
      return Optional.of(
          derived(
              atTarget.get().value() * users / growthFactor.value(),
              Dimension.DATA_SIZE,
              "C4 at the growth target x users at this load / users at the growth target",
              "C4 at the target = " + atTarget.get().formatted(),
              "users multiple = max(1, k / safety margin) = " + Units.format(users, 4),
              "growth factor = " + growthFactor.formatted()));
    }

    Optional<Breakpoint> cacheMemory(Figure k) {
      if (cacheBytes <= 0) {
        return Optional.empty();
      }
      Optional<Figure> ws = workingSet(k);
      if (ws.isEmpty() || ws.get().value() <= cacheBytes) {
        return Optional.empty();
      }
      Figure have =
          new Figure(
              cacheBytes,
              Dimension.DATA_SIZE,
              cacheBytes == declaredCacheBytes
                  ? new Provenance.Declared("the caches' declared memory")
                  : new Provenance.Derived("sized by an earlier row", List.of()));
      Optional<Figure> atTarget = workingSet(target);
      double perUnit = ws.get().value() / k.value();
      boolean constant =
          atTarget.isPresent() && Math.abs(atTarget.get().value() - ws.get().value()) < 1;
      if (constant && model.cachesHoldHotSet(settings.hotSetHitRatio().value())) {
        // C4's share of the data is an estimate; a measured hit ratio at the hot-set level says
        // today's cache holds what is read, as HR-CACHE-004 finds: not short today
        return Optional.empty();
      }
      Figure at =
          constant
              ? derived(
                  0,
                  Dimension.MULTIPLIER,
                  "the working set is a share of the data, not of the load: short today (C4)",
                  "working set = " + ws.get().formatted())
              : derived(
                  Math.max(1, cacheBytes / perUnit) * 1,
                  Dimension.MULTIPLIER,
                  "cache memory / working set per unit of load (C4)",
                  "cache = " + have.formatted(),
                  "working set at " + k.formatted() + " = " + ws.get().formatted());
      return Optional.of(
          new Breakpoint(
              BreakKind.CACHE_MEMORY,
              String.join(
                  ", ",
                  view.spec().components(ComponentKind.CACHE).stream()
                      .map(Component::name)
                      .toList()),
              at,
              ws.get(),
              have,
              false,
              false,
              "working set (C4) against the cache's memory",
              null,
              null));
    }

    /**
     * One machine where the availability SLO asks more than one gives ($3): the front app on one
     * instance, the primary with no replica to fail over to. Independent of the load: it breaks
     * today.
     */
    List<Breakpoint> singlePoints() {
      Optional<Figure> slo = view.fact("slo.availability");
      Figure one = settings.singleMachineAvailability();
      if (slo.isEmpty() || slo.get().value() <= one.value()) {
        return List.of();
      }
      List<Breakpoint> out = new ArrayList<>();
      Figure todayK =
          derived(0, Dimension.MULTIPLIER, "independent of the load: one machine today ($3)");
      if (app.isPresent() && model.instancesNow(app.get()).value() < 2) {
        out.add(
            new Breakpoint(
                BreakKind.SINGLE_POINT_OF_FAILURE,
                app.get().name(),
                todayK,
                one,
                slo.get(),
                false,
                false,
                "one instance gives about " + one.formatted(),
                null,
                null));
      }
      if (db.isPresent() && model.replicasNow(db.get()) < 1) {
        out.add(
            new Breakpoint(
                BreakKind.SINGLE_POINT_OF_FAILURE,
                db.get().name(),
                todayK,
                one,
                slo.get(),
                false,
                false,
                "no replica to fail over to",
                null,
                null));
      }
      return out;
    }

    // ------------------------------------------------------------------ remedies

    /**
     * The break to remedy next: connections first (a pooler is the cheapest fix and changes what
     * the database sees), then the database (replica capacity, the primary), then the app tier,
     * then single points of failure; latency and stage breaks follow from the others.
     */
    Breakpoint pick(List<Breakpoint> open) {
      List<BreakKind> order =
          List.of(
              BreakKind.SERVER_CONNECTIONS,
              BreakKind.CLIENT_POOLS,
              BreakKind.REPLICA_CAPACITY,
              BreakKind.PRIMARY_CPU,
              BreakKind.APP_CAPACITY,
              BreakKind.CACHE_MEMORY,
              BreakKind.SINGLE_POINT_OF_FAILURE,
              BreakKind.LATENCY_P95);
      for (BreakKind kind : order) {
        for (Breakpoint b : open) {
          if (b.kind() == kind) {
            return b;
          }
        }
      }
      return null;
    }

    /** Applies the remedy for {@code b}; false when nothing in the model fixes it. */
    boolean remedy(Breakpoint b, Figure k, List<Remedy> remedies, List<Alternative> alternatives) {
      switch (b.kind()) {
        case SERVER_CONNECTIONS, CLIENT_POOLS -> {
          if (pooled()) {
            return false;
          }
          model = model.with(new Change.AddPooler(db.get().name()));
          remedies.add(
              new Remedy(
                  "add-connection-pooler",
                  "a pooler in front of "
                      + db.get().name()
                      + " caps its server connections at the ones it works on at once (C2)",
                  b.kind(),
                  List.of("P11", "C2", "X3")));
          alternatives.add(
              new Alternative(
                  "raise max_connections on " + db.get().name(),
                  zero("M4"),
                  "each server connection costs the database memory and a process, and it works"
                      + " on only cores x 2 + spindles at once (C2): more connections queue"
                      + " inside the database instead of in a pooler"));
          return true;
        }
        case REPLICA_CAPACITY -> {
          double needed = model.rate(k).flatMap(model::replicas).orElseThrow().value();
          int add = (int) (needed - model.replicasNow(db.get()));
          model = model.with(new Change.AddReplicas(db.get().name(), add));
          remedies.add(
              new Remedy(
                  "add-read-replicas",
                  add
                      + (add == 1 ? " read replica" : " read replicas")
                      + " added to "
                      + db.get().name()
                      + ", "
                      + Units.format(needed, 6)
                      + " in all (C3)",
                  b.kind(),
                  List.of("C3", "P8")));
          return true;
        }
        case PRIMARY_CPU -> {
          return primaryRemedy(b, k, remedies, alternatives);
        }
        case APP_CAPACITY -> {
          Component c = app.get();
          int needed = (int) model.appInstancesAt(k).orElseThrow().value();
          int have = (int) model.instancesNow(c).value();
          model = model.with(new Change.ScaleOut(c.name(), Math.max(needed, have)));
          remedies.add(
              new Remedy(
                  "scale-horizontally",
                  c.name() + ": " + have + " -> " + needed + " instances (C5)",
                  b.kind(),
                  List.of("C5", "X1", "X2", "D5")));
          vertical(c, needed, have).ifPresent(alternatives::add);
          return true;
        }
        case CACHE_MEMORY -> {
          Figure ws = workingSet(k).orElseThrow();
          double was = cacheBytes;
          cacheBytes = ws.value();
          remedies.add(
              new Remedy(
                  "increase-cache-memory",
                  "cache memory "
                      + Units.formatBytes(was)
                      + " -> "
                      + Units.formatBytes(cacheBytes)
                      + " for the working set (C4)",
                  b.kind(),
                  List.of("C4")));
          return true;
        }
        case SINGLE_POINT_OF_FAILURE -> {
          if (app.isPresent() && b.component().equals(app.get().name())) {
            model = model.with(new Change.ScaleOut(app.get().name(), 2));
            remedies.add(
                new Remedy(
                    "scale-horizontally",
                    app.get().name() + ": a second instance behind the load balancer ($3)",
                    b.kind(),
                    List.of("$3", "P3")));
          } else {
            model = model.with(new Change.AddReplicas(db.get().name(), 1));
            remedies.add(
                new Remedy(
                    "add-read-replicas",
                    "a replica of " + db.get().name() + " to fail over to ($3)",
                    b.kind(),
                    List.of("$3", "P8")));
          }
          return true;
        }
        default -> {
          return false;
        }
      }
    }

    /**
     * The primary's CPU: take the reads off it first (read replicas, X1's "then" after indexes; D5
     * read-heavy), then, when the writes alone pass the target, shard (X1's "finally", P9).
     */
    boolean primaryRemedy(
        Breakpoint b, Figure k, List<Remedy> remedies, List<Alternative> alternatives) {
      Component d = db.get();
      double read = view.readRatio(d).map(Figure::value).orElse(0.0);
      if (model.replicasNow(d) == 0 && read > 0) {
        double needed =
            Math.max(1, model.rate(k).flatMap(model::replicas).map(Figure::value).orElse(1.0));
        Figure price = costs.perInstance(d).orElse(null);
        Optional<Double> cheap = biggerPrimary(d, b.figure().value());
        if (cheap.isPresent() && price != null) {
          // X1 (high CPU: vertical first), D5 ($4: vertical while under the limit): a bigger
          // primary wins when it stays under the limit and costs no more than the replicas
          double f = cheap.get();
          double each = price.value() * model.primarySize(d);
          double delta = each * (f - 1) * model.shards(d);
          double replicas = needed * price.value();
          if (each * f <= settings.verticalLimit().value() && delta <= replicas) {
            model = model.with(new Change.ResizePrimary(d.name(), f));
            remedies.add(
                new Remedy(
                    "scale-vertically",
                    d.name()
                        + "'s primary on a machine "
                        + Units.format(f, 4)
                        + "x the size ("
                        + Units.format(each * f, 6)
                        + " USD/month, under the vertical limit of "
                        + settings.verticalLimit().formatted()
                        + "): the cheapest step that brings its CPU to the target (X1, D5, $4)",
                    b.kind(),
                    List.of("X1", "D5", "$4")));
            alternatives.add(
                new Alternative(
                    Units.format(needed, 6) + " read replicas for the reads",
                    derived(
                        replicas,
                        Dimension.MONTHLY_COST,
                        "replicas x the primary's price",
                        "price = " + price.withKind()),
                    "cost more than the bigger machine ("
                        + Units.format(delta, 6)
                        + " USD/month more); replicas come when vertical scaling stops being"
                        + " the cheap move (D5)"));
            return true;
          }
        }
        model = model.with(new Change.AddReplicas(d.name(), (int) needed));
        remedies.add(
            new Remedy(
                "add-read-replicas",
                Units.format(needed, 6)
                    + (needed == 1 ? " read replica takes" : " read replicas take")
                    + " the reads ("
                    + Units.format(read, Dimension.RATIO)
                    + ") off "
                    + d.name()
                    + " (C3, C7)",
                b.kind(),
                List.of("X1", "D5", "C3", "C7", "P8")));
        cacheAlternative(needed, price).ifPresent(alternatives::add);
        verticalPrimary(d).ifPresent(alternatives::add);
        return true;
      }
      Optional<Double> bigger = biggerPrimary(d, b.figure().value());
      if (bigger.isPresent()) {
        double f = bigger.get();
        double vcpu = view.fact(d.fact("vcpu")).orElseThrow().value();
        double was = vcpu * model.primarySize(d);
        model = model.with(new Change.ResizePrimary(d.name(), f));
        remedies.add(
            new Remedy(
                "scale-vertically",
                d.name()
                    + "'s primary "
                    + Units.format(was, 4)
                    + " -> "
                    + Units.format(was * f, 4)
                    + " vCPU: the writes left on it pass the target, and a bigger machine is the"
                    + " cheaper step before sharding (X1, P9; utilisation law)",
                b.kind(),
                List.of("X1", "D5", "P9")));
        int n = shardsNeeded(ShardSkew.Strategy.HASH, b.figure().value() / model.hottestShard(d));
        Optional<Figure> price = costs.perInstance(d);
        alternatives.add(
            new Alternative(
                "shard " + d.name() + (n > 0 ? " by hash into " + n : ""),
                n > 0 && price.isPresent()
                    ? derived(
                        n * price.get().value() * model.primarySize(d) / f,
                        Dimension.MONTHLY_COST,
                        "shards x the primary's price",
                        "price = " + price.get().withKind())
                    : null,
                "sharding is the last resort (X1, P9): cross-shard queries and resharding for good,"
                    + " while a bigger machine still carries the writes"));
        return true;
      }
      return shard(b, k, remedies, alternatives);
    }

    /**
     * The factor (a power of two: the next sizes of the family) by which the primary's machine
     * grows to bring {@code cpu} to the target, if the price table has a machine that big; empty
     * when it has not or the primary's vCPUs or price are unknown.
     */
    Optional<Double> biggerPrimary(Component d, double cpu) {
      Optional<Figure> vcpu = view.fact(d.fact("vcpu"));
      if (vcpu.isEmpty() || costs.perInstance(d).isEmpty() || costs.largestVcpu() <= 0) {
        return Optional.empty();
      }
      double now = vcpu.get().value() * model.primarySize(d);
      double f = 2;
      while (cpu / f > utilTarget.value()) {
        f *= 2;
      }
      return now * f <= costs.largestVcpu() ? Optional.of(f) : Optional.empty();
    }

    boolean shard(Breakpoint b, Figure k, List<Remedy> remedies, List<Alternative> alternatives) {
      Component d = db.get();
      // the writes' utilisation on one unsharded primary at this load
      double hottestNow = model.hottestShard(d);
      double writes = b.figure().value() / hottestNow;
      int best = -1;
      ShardSkew.Strategy chosen = null;
      List<String> compared = new ArrayList<>();
      for (ShardSkew.Strategy s : ShardSkew.Strategy.values()) {
        int n = shardsNeeded(s, writes);
        double share = n < 0 ? skew.hottestShare(s, MAX_SHARDS) : skew.hottestShare(s, n);
        compared.add(
            s.id()
                + ": "
                + (n < 0 ? "no count up to " + MAX_SHARDS + " suffices" : n + " shards")
                + ", hottest shard "
                + Units.format(share, Dimension.RATIO));
        if (n > 0 && (best < 0 || n < best)) {
          best = n;
          chosen = s;
        }
      }
      if (chosen == null) {
        return false;
      }
      double share = skew.hottestShare(chosen, best);
      Figure shareFigure =
          derived(
              share,
              Dimension.RATIO,
              "the hottest shard's share under Zipf(s) keys, " + chosen.id() + " placement (P9)",
              "keys = " + settings.shardKeys().withKind(),
              "s = " + settings.shardKeySkew().withKind(),
              "shards = " + best);
      model = model.with(new Change.Shard(d.name(), best, chosen.id(), shareFigure));
      remedies.add(
          new Remedy(
              "shard-database",
              d.name()
                  + " sharded by "
                  + chosen.id()
                  + " into "
                  + best
                  + ": the writes alone pass the target, the hottest shard takes "
                  + shareFigure.formatted()
                  + " of them (P9)",
              b.kind(),
              List.of("X1", "D5", "P9")));
      for (ShardSkew.Strategy s : ShardSkew.Strategy.values()) {
        if (s == chosen) {
          continue;
        }
        int n = shardsNeeded(s, writes);
        String why =
            switch (s) {
              case HASH -> "spreads keys evenly but the hottest key's shard still carries it whole";
              case RANGE ->
                  "hot keys issued in sequence land on one range: the hottest shard carries "
                      + Units.format(skew.hottestShare(s, n < 0 ? MAX_SHARDS : n), Dimension.RATIO);
              case DIRECTORY -> "balances best but adds a lookup service on every query (P9)";
            };
        Figure price = costs.perInstance(d).orElse(null);
        alternatives.add(
            new Alternative(
                s.id() + " sharding" + (n < 0 ? " (no count suffices)" : " into " + n),
                n < 0 || price == null
                    ? null
                    : derived(
                        n * price.value(),
                        Dimension.MONTHLY_COST,
                        "shards x the primary's price",
                        "price = " + price.withKind()),
                why + (n > best ? "; needs more shards than " + chosen.id() : "")));
      }
      return true;
    }

    /** The fewest shards that keep the hottest shard's writes at the target; -1 when none. */
    int shardsNeeded(ShardSkew.Strategy s, double writes) {
      if (skew == null) {
        skew = ShardSkew.of((int) settings.shardKeys().value(), settings.shardKeySkew().value());
      }
      for (int n = 2; n <= MAX_SHARDS; n = n < 64 ? n + 1 : n * 2) {
        if (writes * skew.hottestShare(s, n) <= utilTarget.value()) {
          return n;
        }
      }
      return -1;
    }

    Optional<Alternative> cacheAlternative(double replicas, Figure replicaPrice) {
      if (model.addedCacheHitRatio() > 0) {
        return Optional.empty();
      }
      Optional<Figure> size =
          model.cacheMemory(settings.hotSetHitRatio().value(), new ArrayList<>());
      if (size.isEmpty() || costs.prices().price("cache_memory_gib").isEmpty()) {
        return Optional.empty();
      }
      Figure price = costs.cacheMemory(size.get().value());
      String cmp =
          replicaPrice == null
              ? ""
              : " (replicas: " + Units.format(replicas * replicaPrice.value(), 6) + " USD/month)";
      return Optional.of(
          new Alternative(
              "a cache for the reads (C8), sized for the working set (C4: "
                  + size.get().formatted()
                  + ")",
              price,
              "a new cache takes "
                  + settings.newCacheHitRatio().formatted()
                  + " of the reads at best (C8, assumed until measured) and leaves the primary"
                  + " without a failover target; replicas take all of them (C7)"
                  + cmp));
    }

    Optional<Alternative> verticalPrimary(Component d) {
      Optional<Figure> vcpu = view.fact(d.fact("vcpu"));
      Optional<Figure> price = costs.perInstance(d);
      if (vcpu.isEmpty() || price.isEmpty()) {
        return Optional.empty();
      }
      double size = vcpu.get().value() * 2;
      Figure bigger =
          derived(
              price.get().value() * 2,
              Dimension.MONTHLY_COST,
              "price now x 2 (the next size of the family, priced linearly in vCPUs)",
              "price now = " + price.get().withKind());
      String why =
          price.get().value() > settings.verticalLimit().value()
              ? "already past the vertical limit of "
                  + settings.verticalLimit().formatted()
                  + " per machine ($4, D5)"
              : "doubles the CPU once; replicas grow with the reads and add a failover target";
      return Optional.of(
          new Alternative("a bigger primary (" + Units.format(size, 4) + " vCPU)", bigger, why));
    }

    /** A bigger machine instead of more instances, priced like CostAnalyzer's $2 comparison. */
    Optional<Alternative> vertical(Component c, int needed, int have) {
      Optional<Figure> vcpu = view.fact(c.fact("vcpu"));
      Optional<Figure> each = costs.perInstance(c);
      if (vcpu.isEmpty() || each.isEmpty()) {
        return Optional.empty();
      }
      double v = vcpu.get().value() * needed;
      Figure one = costs.machine(v, 0, "one machine with " + Units.format(v, 4) + " vCPU");
      double horizontal = each.get().value() * needed;
      String why;
      if (v > costs.largestVcpu()) {
        why =
            "no machine in the price table has "
                + Units.format(v, 4)
                + " vCPU (largest "
                + Units.format(costs.largestVcpu(), 4)
                + ")";
      } else if (one.value() > settings.verticalLimit().value()) {
        why =
            "past the vertical limit of "
                + settings.verticalLimit().formatted()
                + " per machine ($4, D5); one machine is also a single point of failure ($3)";
      } else {
        why = "one machine is a single point of failure ($3); instances also follow the load (P13)";
      }
      return Optional.of(
          new Alternative(
              "one "
                  + Units.format(v, 4)
                  + "-vCPU machine (the "
                  + needed
                  + " instances cost "
                  + Units.format(horizontal, 6)
                  + " USD/month)",
              one,
              why));
    }

    // ------------------------------------------------------------------ sizes and cost

    Sizes sizes(Figure k) {
      Figure instances = model.appInstancesAt(k).orElse(null);
      Figure replicas = model.rate(k).flatMap(model::replicas).orElse(null);
      Figure cache =
          cacheBytes > 0 || model.addedCacheHitRatio() > 0 ? workingSet(k).orElse(null) : null;
      Figure shards =
          db.map(
                  d ->
                      new Figure(
                          model.shards(d),
                          Dimension.COUNT,
                          model.shards(d) == 1
                              ? new Provenance.Declared("one primary")
                              : new Provenance.Derived("after the roadmap's sharding", List.of())))
              .orElse(null);
      return new Sizes(instances, replicas, cache, shards);
    }

    /**
     * The monthly bill of {@code m}: every component but external services at its price per
     * instance (CostModel), the front app at the instances the model runs, the primary once per
     * shard, plus replicas the roadmap added at the primary's price, a cache it added at C4's size,
     * cache memory beyond what is declared, and a pooler at its table price.
     */
    MonthlyCost costOf(CapacityModel m, double cache) {
      double total = 0;
      List<String> inputs = new ArrayList<>();
      List<String> unpriced = new ArrayList<>();
      for (Component c : view.spec().components()) {
        if (c.kind() == ComponentKind.EXTERNAL) {
          continue;
        }
        double n = view.spec().instances(c);
        if (app.filter(a -> a.name().equals(c.name())).isPresent()) {
          n = m.instancesNow(c).value();
        } else if (db.filter(d -> d.name().equals(c.name())).isPresent()) {
          // each shard's primary on the machine the roadmap sized (priced linearly in vCPUs)
          n = m.shards(c) * m.primarySize(c);
        } else if (c.kind() == ComponentKind.CACHE) {
          n = 1; // priced by memory below
        }
        Optional<Figure> price = costs.perInstance(c);
        if (price.isEmpty()) {
          unpriced.add(c.name());
          continue;
        }
        if (c.kind() == ComponentKind.CACHE && cache > declaredCacheBytes) {
          continue; // the whole cache is priced by its sized memory below
        }
        double each =
            c.kind() == ComponentKind.CACHE
                ? costs.monthly(c).get().value()
                : price.get().value() * n;
        total += each;
        inputs.add(c.name() + " = " + Units.format(each, 6));
      }
      if (cache > declaredCacheBytes && declaredCacheBytes > 0) {
        if (costs.prices().price("cache_memory_gib").isPresent()) {
          Figure f = costs.cacheMemory(cache);
          total += f.value();
          inputs.add("caches at " + Units.formatBytes(cache) + " = " + f.formatted());
        } else {
          unpriced.add("cache memory");
        }
      }
      if (db.isPresent()) {
        Component d = db.get();
        double added = m.replicasNow(d) - view.replicaCount(d);
        if (added > 0) {
          Optional<Figure> p = costs.perInstance(d);
          if (p.isPresent()) {
            total += added * p.get().value();
            inputs.add("added replicas = " + Units.format(added, 6) + " x " + p.get().formatted());
          } else {
            unpriced.add("read replicas");
          }
        }
        if (m.changes().stream().anyMatch(c -> c instanceof Change.AddPooler)) {
          Optional<Figure> p = costs.prices().price("pooler");
          if (p.isPresent()) {
            total += p.get().value();
            inputs.add("pooler = " + p.get().formatted());
          } else {
            unpriced.add("pooler (prices.pooler)");
          }
        }
      }
      if (m.addedCacheHitRatio() > 0) {
        Optional<Figure> size = m.cacheMemory(settings.hotSetHitRatio().value(), new ArrayList<>());
        if (size.isPresent() && costs.prices().price("cache_memory_gib").isPresent()) {
          Figure f = costs.cacheMemory(size.get().value());
          total += f.value();
          inputs.add("added cache = " + f.formatted());
        } else {
          unpriced.add("the added cache");
        }
      }
      return new MonthlyCost(
          new Figure(
              total,
              Dimension.MONTHLY_COST,
              new Provenance.Derived(
                  unpriced.isEmpty()
                      ? "sum of the components' monthly costs"
                      : "sum of the priced part (at least this; not priced: "
                          + String.join(", ", unpriced)
                          + ")",
                  inputs)),
          unpriced);
    }

    // ------------------------------------------------------------------ warnings, notes

    /**
     * The premature-move warnings on the rows before the move is needed: sharding on the rows that
     * relieve the database before the roadmap shards (X1, P9); multi-region and microservices on a
     * row that enters a stage naming them, since the model needs neither up to its load (S4, S7,
     * P14, P15).
     */
    void addWarnings(List<RoadmapStep> steps) {
      int shardRow = -1;
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).remedies().stream().anyMatch(r -> r.action().equals("shard-database"))) {
          shardRow = i;
          break;
        }
      }
      String shardAt =
          shardRow < 0
              ? "not needed up to " + steps.get(steps.size() - 1).multiple().formatted()
              : "first needed at " + steps.get(shardRow).multiple().formatted();
      for (int i = 0; i < steps.size(); i++) {
        RoadmapStep s = steps.get(i);
        List<Warning> w = new ArrayList<>();
        boolean dbRelief =
            s.remedies().stream()
                .anyMatch(
                    r ->
                        r.action().equals("add-read-replicas")
                            || r.action().equals("add-connection-pooler"));
        if (dbRelief && (shardRow < 0 || i < shardRow)) {
          w.add(
              warning(
                  "avoid-premature-sharding",
                  "replicas and a pooler carry the database at this load; sharding is "
                      + shardAt
                      + " (X1, P9)"));
        }
        boolean entersStage = s.breaks().stream().anyMatch(b -> b.kind() == BreakKind.STAGE);
        if (entersStage && s.stage().ordinal() >= Stage.SCALE.ordinal()) {
          w.add(
              warning(
                  "avoid-premature-microservices",
                  "the "
                      + s.stage().id()
                      + " stage's ladder names services, but the model carries this load on one"
                      + " deployable; split where a part needs independent scaling (S6, P14)"));
        }
        if (entersStage
            && s.stage().ordinal() >= Stage.SCALE.ordinal()
            && view.userRegions().size() <= 1
            && !view.spec().dataResidency()) {
          w.add(
              warning(
                  "avoid-premature-multi-region",
                  "users are in one region and no residency rule applies: load alone does not"
                      + " call for a second region (S7, P15)"));
        }
        if (!w.isEmpty()) {
          steps.set(
              i,
              new RoadmapStep(
                  s.multiple(),
                  s.months(),
                  s.date(),
                  s.growthTarget(),
                  s.stage(),
                  s.appUtilisation(),
                  s.primaryUtilisation(),
                  s.breaks(),
                  s.remedies(),
                  s.alternatives(),
                  w,
                  s.appUtilisationAfter(),
                  s.primaryUtilisationAfter(),
                  s.sizes(),
                  s.costBefore(),
                  s.costAfter(),
                  s.simulation()));
        }
      }
    }

    Warning warning(String id, String why) {
      Action a = Actions.get(id);
      return new Warning(id, a.title(), why);
    }

    void notes() {
      notes.add(
          "Dates: months = ln(multiple) / ln(1 + monthly growth) from "
              + start.date()
              + " ("
              + start.source()
              + ")"
              + growth
                  .map(g -> ", at " + g.formatted() + ".")
                  .orElse("; no growth rate is stated, so no dates (workload.growth)."));
      notes.add(
          "The growth target "
              + target.formatted()
              + " includes C1's safety margin of "
              + settings.safetyMargin().formatted()
              + ": its date is when the peak itself reaches it; its sizes are advise's capacity"
              + " section.");
      notes.add(
          "Utilisations follow the utilisation law (U = X·S at today's service times); the p95 by"
              + " M/M/1 scaling of the busiest tier, R(k) = R0 (1 - U0) / (1 - U(k)): derived, an"
              + " approximation that ignores the other tiers and the service-time mix.");
      notes.add(
          "Not modelled: a bigger app-tier machine as a step (shown as an alternative with its"
              + " price; a bigger primary is a step),"
              + " queues, CDN, partitioning, services and regions (warned against where the"
              + " stage names them).");
      if (skew != null) {
        notes.add(
            "Shard keys: Zipf with s = "
                + settings.shardKeySkew().formatted()
                + " over "
                + settings.shardKeys().formatted()
                + " keys (assumed, P9; thresholds: { capacity: { shard_key_skew, shard_keys } });"
                + " the hottest key alone takes "
                + Units.format(skew.hottestKey(), Dimension.RATIO)
                + " of the writes.");
      }
    }

    List<Breakpoint> firstBreaks(List<RoadmapStep> steps) {
      Map<BreakKind, Breakpoint> first = new EnumMap<>(BreakKind.class);
      for (RoadmapStep s : steps) {
        for (Breakpoint b : s.breaks()) {
          first.putIfAbsent(b.kind(), b);
        }
      }
      return List.copyOf(first.values());
    }
  }

  // ------------------------------------------------------------------------------------------

  static String actionOf(Change c) {
    if (c instanceof Change.AddCache) {
      return "add-app-cache";
    }
    if (c instanceof Change.AddReplicas) {
      return "add-read-replicas";
    }
    if (c instanceof Change.ScaleOut) {
      return "scale-horizontally";
    }
    if (c instanceof Change.AddPooler) {
      return "add-connection-pooler";
    }
    if (c instanceof Change.ResizePrimary) {
      return "scale-vertically";
    }
    return "shard-database";
  }

  static BreakKind answers(Change c) {
    if (c instanceof Change.ScaleOut) {
      return BreakKind.APP_CAPACITY;
    }
    if (c instanceof Change.AddPooler) {
      return BreakKind.SERVER_CONNECTIONS;
    }
    return BreakKind.PRIMARY_CPU;
  }

  static Figure count(double n, String what) {
    return new Figure(n, Dimension.COUNT, new Provenance.Derived(what, List.of()));
  }

  static Figure zero(String knowledge) {
    return new Figure(
        0, Dimension.MONTHLY_COST, new Provenance.Assumed(knowledge, "a setting, no new machine"));
  }

  static Figure derived(double v, Dimension d, String formula, String... inputs) {
    return new Figure(v, d, new Provenance.Derived(formula, List.of(inputs)));
  }
}
