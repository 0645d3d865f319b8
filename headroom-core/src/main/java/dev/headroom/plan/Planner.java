package dev.headroom.plan;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.capacity.Change;
import dev.headroom.analysis.cost.CostModel;
import dev.headroom.analysis.rules.Finding;
import dev.headroom.analysis.stage.Stage;
import dev.headroom.analysis.stage.StageAssessment;
import dev.headroom.analysis.stage.Trigger;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns findings into an ordered plan. Order: severity first; at equal severity, measuring before
 * optimising before scaling before architectural change (X3), then the ladder step (X1: first,
 * then, finally). A "first" step is never ordered after a later step of its own ladder: it takes
 * the highest severity of the steps after it. Each step is priced, and the cost after each step is
 * carried forward.
 */
public final class Planner {

  /**
   * The knowledge the ordering and the proactive warnings carry (for {@code headroom rules
   * --coverage}).
   */
  public static final List<String> KNOWLEDGE =
      List.of("X1", "X3", "X4", "S4", "P9", "P10", "P14", "P15", "S7", "P3", "P13", "M5");

  private static final class Draft {
    final Action action;
    Severity severity = Severity.INFO;
    final Set<String> why = new LinkedHashSet<>();
    final Map<String, Evidence> evidence = new LinkedHashMap<>();
    final Set<String> findings = new LinkedHashSet<>();
    final Set<String> knowledge = new LinkedHashSet<>();
    final Set<String> components = new LinkedHashSet<>();
    int layer = Integer.MAX_VALUE;

    Draft(Action action) {
      this.action = action;
    }

    void add(Finding f) {
      if (f.severity().compareTo(severity) > 0) {
        severity = f.severity();
      }
      why.add(f.message());
      f.evidence().forEach(e -> evidence.putIfAbsent(e.label(), e));
      findings.add(f.ruleId());
      knowledge.addAll(f.knowledge());
      if (!f.component().isEmpty()) {
        components.add(f.component());
      }
      layer = Math.min(layer, f.layer().ordinal());
    }
  }

  private final SystemView view;
  private final StageAssessment stage;
  private final CostModel costs;
  private final Figure costNow;
  private final Settings settings;

  /**
   * The capacity model as the steps so far leave it: each step is sized on it, then applied to it
   * ({@link Change}), so a later step is sized for the system after the earlier ones.
   */
  private CapacityModel model;

  public Planner(CapacityModel model, StageAssessment stage, CostModel costs, Figure costNow) {
    this.model = model;
    this.view = model.view();
    this.settings = model.settings();
    this.stage = stage;
    this.costs = costs;
    this.costNow = costNow;
  }

  /** The capacity model after the steps of the last {@link #plan(List)}. */
  public CapacityModel model() {
    return model;
  }

  public Plan plan(List<Finding> findings) {
    Map<String, Draft> recs = new LinkedHashMap<>();
    Map<String, Draft> warns = new LinkedHashMap<>();
    for (Finding f : findings) {
      for (String id : f.actions()) {
        Action a = Actions.get(id);
        Map<String, Draft> target = a.kind() == ActionKind.WARNING ? warns : recs;
        target.computeIfAbsent(id, k -> new Draft(a)).add(f);
      }
    }
    proactiveWarnings(warns, recs);
    autoscaleBeforeBiggerMachine(recs);
    promoteFirstSteps(recs);
    List<Draft> ordered = new ArrayList<>(recs.values());
    ordered.sort(
        Comparator.<Draft, Severity>comparing(d -> d.severity)
            .reversed()
            .thenComparing(d -> d.action.kind())
            .thenComparing(d -> d.action.step())
            .thenComparing(Comparator.<Draft>comparingInt(d -> d.findings.size()).reversed())
            .thenComparingInt(d -> d.layer)
            .thenComparing(d -> d.action.id()));
    keepLadderOrder(ordered);
    List<Recommendation> out = new ArrayList<>();
    Figure running = costNow;
    for (Draft d : ordered) {
      CapacityModel before = model;
      CostDelta delta = price(d);
      checkEffect(d.action.key(), before, model);
      String outcome = outcome(before, model);
      Figure after = null;
      if (running != null && delta.delta() != null) {
        after =
            new Figure(
                running.value() + delta.delta().value(),
                Dimension.MONTHLY_COST,
                new Provenance.Derived(
                    "cost before this step + its delta",
                    List.of(
                        "before = " + running.formatted(),
                        "delta = " + delta.delta().formatted())));
      }
      running = after;
      out.add(
          new Recommendation(
              out.size() + 1,
              d.action,
              d.severity,
              List.copyOf(d.why),
              List.copyOf(d.evidence.values()),
              List.copyOf(d.findings),
              knowledge(d),
              delta,
              after,
              outcome));
    }
    List<Recommendation> warnings = new ArrayList<>();
    for (Draft d : warns.values()) {
      warnings.add(
          new Recommendation(
              warnings.size() + 1,
              d.action,
              d.severity,
              List.copyOf(d.why),
              List.copyOf(d.evidence.values()),
              List.copyOf(d.findings),
              knowledge(d),
              CostDelta.of(zero(d.action.knowledge().get(0), "a move not made costs nothing")),
              null,
              ""));
    }
    return new Plan(out, warnings);
  }

  /**
   * What a step changes on the model at today's peak and what it leaves: each tier's CPU before and
   * after (utilisation law on the capacity model), and the tiers still above the target
   * utilisation. Empty when the step does not change the model or no CPU is measured.
   */
  private String outcome(CapacityModel before, CapacityModel after) {
    if (before == after) {
      return "";
    }
    Figure today = CapacityModel.today();
    Figure target = settings.targetUtilization();
    List<String> changed = new ArrayList<>();
    List<String> left = new ArrayList<>();
    record Tier(String name, Optional<Figure> was, Optional<Figure> now) {}
    List<Tier> tiers = new ArrayList<>();
    before
        .app()
        .ifPresent(
            a ->
                tiers.add(
                    new Tier(
                        a.name(), before.appUtilisationAt(today), after.appUtilisationAt(today))));
    before
        .primary()
        .ifPresent(
            db ->
                tiers.add(
                    new Tier(
                        db.name(),
                        before.primaryUtilisationAt(today),
                        after.primaryUtilisationAt(today))));
    for (Tier t : tiers) {
      if (t.was().isEmpty() || t.now().isEmpty()) {
        continue;
      }
      double was = t.was().get().value();
      double now = t.now().get().value();
      if (Math.abs(was - now) > 1e-9) {
        changed.add(
            t.name()
                + " CPU "
                + t.was().get().formatted()
                + " -> "
                + t.now().get().formatted()
                + " (utilisation law)");
      }
      if (now > target.value()) {
        left.add(t.name() + " at " + t.now().get().formatted());
      }
    }
    Optional<Figure> connBefore = before.serverConnectionsAt(today);
    Optional<Figure> connAfter = after.serverConnectionsAt(today);
    if (connBefore.isPresent()
        && connAfter.isPresent()
        && connAfter.get().value() != connBefore.get().value()) {
      changed.add(
          before.primary().map(c -> c.name()).orElse("database")
              + " server connections "
              + connBefore.get().formatted()
              + " -> "
              + connAfter.get().formatted()
              + " (the pooler's cap, C2)");
    }
    if (changed.isEmpty()) {
      return "";
    }
    return "at today's peak, "
        + String.join(", ", changed)
        + (left.isEmpty()
            ? "; no tier left above the " + target.formatted() + " target"
            : "; still above the " + target.formatted() + " target: " + String.join(", ", left));
  }

  /** A step changes the model only as its action declares ({@link ActionId#effect()}). */
  private static void checkEffect(ActionId id, CapacityModel before, CapacityModel after) {
    List<Change> added = after.changes().subList(before.changes().size(), after.changes().size());
    for (Change c : added) {
      boolean declared =
          switch (id.effect()) {
            case ADD_CACHE -> c instanceof Change.AddCache;
            case ADD_REPLICAS -> c instanceof Change.AddReplicas;
            case SCALE_OUT -> c instanceof Change.ScaleOut;
            case ADD_POOLER -> c instanceof Change.AddPooler;
            case NONE -> false;
          };
      if (!declared) {
        throw new IllegalStateException(
            id.id() + " changed the model by " + c + " but declares " + id.effect());
      }
    }
  }

  private static List<String> knowledge(Draft d) {
    Set<String> k = new LinkedHashSet<>(d.knowledge);
    k.addAll(d.action.knowledge());
    return List.copyOf(k);
  }

  /**
   * At equal severity the kind order can put a later step before an earlier one of the same ladder
   * (horizontal readiness: stateless-sessions is an architectural "first", add-load-balancer a
   * scaling "then"). Re-deals each ladder's steps, in step order, into the places its steps hold;
   * the severities at those places stay the same because earlier steps were promoted to at least
   * the severity of later ones.
   */
  private static void keepLadderOrder(List<Draft> ordered) {
    Map<String, List<Integer>> places = new LinkedHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      places.computeIfAbsent(ordered.get(i).action.ladder(), k -> new ArrayList<>()).add(i);
    }
    List<Draft> before = List.copyOf(ordered);
    for (List<Integer> at : places.values()) {
      List<Draft> ladder = new ArrayList<>();
      at.forEach(i -> ladder.add(before.get(i)));
      ladder.sort(
          Comparator.comparing(d -> d.action.step())); // stable: equal steps keep their order
      for (int k = 0; k < at.size(); k++) {
        ordered.set(at.get(k), ladder.get(k));
      }
    }
  }

  /**
   * Spiky traffic (HR-APP-006 recommends autoscaling) is served by instances that follow the load,
   * not by a machine sized for the peak that idles the rest of the day (X2, P13): a bigger machine
   * gives way to scaling out, which carries the findings that asked for it.
   */
  private static void autoscaleBeforeBiggerMachine(Map<String, Draft> recs) {
    Draft vertical = recs.get("scale-vertically");
    if (vertical == null || !recs.containsKey("add-autoscaling")) {
      return;
    }
    recs.remove("scale-vertically");
    Draft horizontal = recs.computeIfAbsent("scale-horizontally", k -> new Draft(Actions.get(k)));
    if (vertical.severity.compareTo(horizontal.severity) > 0) {
      horizontal.severity = vertical.severity;
    }
    horizontal.why.addAll(vertical.why);
    horizontal.why.add(
        "Traffic is spiky, so instances that autoscale replace a bigger machine sized for the"
            + " peak (X2, P13).");
    vertical.evidence.forEach(horizontal.evidence::putIfAbsent);
    horizontal.findings.addAll(vertical.findings);
    horizontal.knowledge.addAll(vertical.knowledge);
    horizontal.knowledge.add("X2");
    horizontal.components.addAll(vertical.components);
    horizontal.layer = Math.min(horizontal.layer, vertical.layer);
  }

  /** Raises each ladder's earlier steps to the severity of its later steps present in the plan. */
  private static void promoteFirstSteps(Map<String, Draft> recs) {
    for (Draft later : recs.values()) {
      for (Draft earlier : recs.values()) {
        if (earlier != later
            && earlier.action.ladder().equals(later.action.ladder())
            && earlier.action.step().compareTo(later.action.step()) < 0
            && earlier.severity.compareTo(later.severity) < 0) {
          earlier.severity = later.severity;
        }
      }
    }
  }

  /** Warnings the findings do not raise but the stage calls for (S4, X4, P9, P14). */
  private void proactiveWarnings(Map<String, Draft> warns, Map<String, Draft> recs) {
    Stage s = stage.stage();
    boolean capacityTriggers =
        stage.movedBy().stream().anyMatch(Trigger::capacity)
            || stage.nextTriggers().stream()
                .anyMatch(t -> t.status() == Trigger.Status.FIRED && t.capacity());
    if (s == Stage.STARTUP && !capacityTriggers) {
      if (!view.has(ComponentKind.CACHE) && !recs.containsKey("add-app-cache")) {
        warn(
            warns,
            "avoid-premature-caching",
            Severity.INFO,
            "At the startup stage with no measured capacity"
                + " trigger, a cache adds invalidation work before the database needs relief (S4, X4).");
      }
      if (view.services().size() <= 1) {
        warn(
            warns,
            "avoid-premature-microservices",
            Severity.INFO,
            "At the startup stage one deployable is the"
                + " cheapest to run and change (S4); microservices pay off at large scale (P14).");
      }
    }
    if (s.ordinal() <= Stage.GROWTH.ordinal()
        && view.services().size() <= 1
        && s != Stage.STARTUP) {
      warn(
          warns,
          "avoid-premature-microservices",
          Severity.INFO,
          "At the "
              + s.id()
              + " stage, scale the monolith"
              + " (replicas, cache, more instances) before splitting it (S1, P14).");
    }
    boolean dbPressure =
        recs.containsKey("add-read-replicas")
            || recs.containsKey("partition-tables")
            || recs.containsKey("add-app-cache");
    boolean sharded =
        view.primaries().stream()
            .anyMatch(db -> view.fact(db.fact("shards")).map(f -> f.value() > 1).orElse(false));
    if (dbPressure && !sharded && !recs.containsKey("shard-database")) {
      warn(
          warns,
          "avoid-premature-sharding",
          Severity.INFO,
          "The database is under pressure, but indexes,"
              + " replicas, caching and partitioning come before sharding (X1, P9, P10).");
    }
    if (view.userRegions().size() <= 1
        && !view.spec().dataResidency()
        && view.serverRegions().size() <= 1
        && s.ordinal() >= Stage.GROWTH.ordinal()
        && !recs.containsKey("multi-region")) {
      warn(
          warns,
          "avoid-premature-multi-region",
          Severity.INFO,
          "Users are in "
              + (view.userRegions().isEmpty() ? "no declared second region" : "one region")
              + " and no residency rule applies: one region with a CDN serves them (S7, P15).");
    }
    if (recs.containsKey("scale-horizontally") && !warns.containsKey("avoid-sticky-sessions")) {
      for (Component app : view.spec().components(ComponentKind.APP)) {
        if (app.setting("sessions").isEmpty()) {
          warn(
              warns,
              "avoid-sticky-sessions",
              Severity.INFO,
              "Before adding instances, keep sessions out of the"
                  + " app servers ("
                  + app.name()
                  + " does not say where its sessions live) (P3).");
          break;
        }
      }
    }
  }

  private static void warn(Map<String, Draft> warns, String id, Severity sev, String why) {
    Draft d = warns.computeIfAbsent(id, k -> new Draft(Actions.get(k)));
    d.why.add(why);
    if (sev.compareTo(d.severity) > 0) {
      d.severity = sev;
    }
  }

  // ------------------------------------------------------------------------ pricing

  private CostDelta price(Draft d) {
    ActionId id = d.action.key();
    switch (id.pricing()) {
      case ENGINEERING -> {
        return CostDelta.of(zero("X3", "engineering work; no infrastructure added"));
      }
      case MONITORING -> {
        return CostDelta.of(
            zero("M5", "open-source metrics on existing hosts; a hosted service costs extra"));
      }
      case AUTOSCALING -> {
        return CostDelta.of(
            zero(
                "P13",
                "no change at today's peak; instances follow the load and off-peak costs"
                    + " fall"));
      }
      case SESSION_STORE -> {
        return view.has(ComponentKind.CACHE)
            ? CostDelta.of(zero("P3", "sessions move to the existing cache"))
            : CostDelta.needs(
                "a session store (a cache component or prices.cache_memory_gib sizing)");
      }
      case HORIZONTAL -> {
        return horizontal(d);
      }
      case VERTICAL -> {
        return vertical(d);
      }
      case REPLICAS -> {
        return replicas();
      }
      case NEW_CACHE -> {
        return cache(false);
      }
      case MORE_CACHE -> {
        return cache(true);
      }
      case SHARD -> {
        return view.primaries().stream()
            .findFirst()
            .flatMap(costs::perInstance)
            .map(
                p ->
                    CostDelta.of(
                        new Figure(
                            p.value(),
                            Dimension.MONTHLY_COST,
                            new Provenance.Derived(
                                "one more primary (two shards)",
                                List.of("primary = " + p.formatted())))))
            .orElse(CostDelta.needs("the primary database's cost (cost, or vcpu and memory)"));
      }
      case SECOND_REGION -> {
        return costNow == null
            ? CostDelta.needs("every component's cost")
            : CostDelta.of(
                new Figure(
                    costNow.value(),
                    Dimension.MONTHLY_COST,
                    new Provenance.Derived(
                        "a second region with today's footprint",
                        List.of("cost now = " + costNow.formatted()))));
      }
      case LOAD_BALANCER -> {
        return priced("load_balancer");
      }
      case CDN -> {
        return priced("cdn");
      }
      case POOLER -> {
        model.primary().ifPresent(db -> model = model.with(new Change.AddPooler(db.name())));
        return priced("pooler");
      }
      case QUEUE -> {
        return priced("queue");
      }
      case UNPRICED -> {
        return CostDelta.needs("a price for " + id.id() + " (not in the price table)");
      }
      case NOT_DONE -> {
        return CostDelta.of(zero(d.action.knowledge().get(0), "a move not made costs nothing"));
      }
      default -> throw new IllegalStateException("no pricing for " + id.pricing());
    }
  }

  private CostDelta priced(String key) {
    return costs
        .prices()
        .price(key)
        .map(CostDelta::of)
        .orElse(CostDelta.needs("prices." + key + " (the seeds give no default)"));
  }

  private static Figure zero(String knowledge, String note) {
    return new Figure(0, Dimension.MONTHLY_COST, new Provenance.Assumed(knowledge, note));
  }

  private CostDelta horizontal(Draft d) {
    Optional<Component> app =
        d.components.stream()
            .map(n -> view.spec().component(n))
            .flatMap(Optional::stream)
            .filter(c -> c.kind() == ComponentKind.APP || c.kind() == ComponentKind.WORKER)
            .findFirst()
            .or(model::app);
    if (app.isEmpty()) {
      return CostDelta.needs("an app component");
    }
    Component c = app.get();
    Optional<Figure> price = costs.perInstance(c);
    if (price.isEmpty()) {
      return CostDelta.needs(costs.needs(c));
    }
    Figure now = model.instancesNow(c);
    double target = now.value() + 1;
    List<String> inputs = new ArrayList<>();
    inputs.add(c.name() + " instances now = " + now.withKind());
    boolean front = model.app().filter(f -> f.name().equals(c.name())).isPresent();
    Optional<Figure> today = front ? model.appInstancesAt(CapacityModel.today()) : Optional.empty();
    if (today.isPresent()) {
      // the capacity model's count for today's peak (C5 at the per-instance capacity it uses)
      target = Math.max(target, today.get().value());
      inputs.add("instances needed for today's peak = " + today.get().withKind());
    } else {
      Optional<Figure> cpu = view.fact(c.fact("cpu"));
      if (cpu.isPresent()) {
        Figure goal = settings.targetUtilization();
        double byCpu = Math.ceil(now.value() * cpu.get().value() / goal.value());
        target = Math.max(target, byCpu);
        inputs.add(
            "to bring CPU "
                + cpu.get().formatted()
                + " to "
                + goal.formatted()
                + " (P13): "
                + Units.format(byCpu, 6));
      }
    }
    double add = target - now.value();
    inputs.add("price per instance = " + price.get().withKind());
    model = model.with(new Change.ScaleOut(c.name(), (int) target));
    return CostDelta.of(
        new Figure(
            add * price.get().value(),
            Dimension.MONTHLY_COST,
            new Provenance.Derived(
                "added instances (" + Units.format(add, 6) + ") x price per instance", inputs)));
  }

  /**
   * A bigger machine: the next size of its family (vCPUs doubled until CPU would be at the target
   * utilisation), priced as the price actually paid scaled by vCPUs (instance families price
   * linearly in size); without a declared price, the price table at both sizes.
   */
  private CostDelta vertical(Draft d) {
    Optional<Component> comp =
        d.components.stream()
            .map(n -> view.spec().component(n))
            .flatMap(Optional::stream)
            .findFirst()
            .or(model::app);
    if (comp.isEmpty()) {
      return CostDelta.needs("a component to resize");
    }
    Component c = comp.get();
    Optional<Figure> vcpu = view.fact(c.fact("vcpu"));
    Optional<Figure> now = costs.perInstance(c);
    if (vcpu.isEmpty() || now.isEmpty()) {
      return CostDelta.needs(c.name() + ".vcpu and " + costs.needs(c));
    }
    Optional<Figure> cpu = view.fact(c.fact("cpu"));
    Figure goal = settings.targetUtilization();
    double wanted = cpu.map(u -> vcpu.get().value() * u.value() / goal.value()).orElse(0.0);
    double size = vcpu.get().value() * 2;
    while (size < wanted) {
      size *= 2;
    }
    double n = view.spec().instances(c);
    List<String> inputs = new ArrayList<>();
    inputs.add(c.fact("vcpu") + " = " + vcpu.get().formatted() + " -> " + Units.format(size, 4));
    cpu.ifPresent(
        u ->
            inputs.add(
                "vCPUs for CPU "
                    + u.formatted()
                    + " at "
                    + goal.formatted()
                    + " = "
                    + Units.format(wanted, 4)));
    inputs.add("instances = " + Units.format(n, 6));
    double delta;
    String formula;
    if (view.fact(c.fact("cost")).isPresent()) {
      delta = now.get().value() * (size / vcpu.get().value() - 1) * n;
      formula = "price now x (vCPUs after / vCPUs now - 1) x instances";
      inputs.add("price now = " + now.get().withKind());
    } else {
      double mem = view.fact(c.fact("memory")).map(m -> m.value() / CostModel.GIB).orElse(0.0);
      double ratio = size / vcpu.get().value();
      Figure big =
          costs.machine(size, mem * ratio, c.name() + " at " + Units.format(size, 4) + " vCPU");
      delta = (big.value() - now.get().value()) * n;
      formula = "(table price at the new size - price now) x instances";
      inputs.add("price now = " + now.get().withKind());
      inputs.add("new size = " + big.formatted());
    }
    return CostDelta.of(
        new Figure(delta, Dimension.MONTHLY_COST, new Provenance.Derived(formula, inputs)));
  }

  /**
   * Replicas for today's peak on the model as the earlier steps leave it (a cache added before
   * takes its share of reads first), at least one (the step was recommended: a replica to fail over
   * to, or to take the reads).
   */
  private CostDelta replicas() {
    Optional<Component> db = model.primary();
    if (db.isEmpty()) {
      return CostDelta.needs("a database component");
    }
    Optional<Figure> price = costs.perInstance(db.get());
    if (price.isEmpty()) {
      return CostDelta.needs(costs.needs(db.get()));
    }
    double have = model.replicasNow(db.get());
    Optional<Figure> needed = model.peak().flatMap(model::replicas);
    List<String> inputs = new ArrayList<>();
    inputs.add(
        "replicas needed for today's peak = "
            + needed.map(Figure::withKind).orElse("unknown (at least one)"));
    double add;
    if (have == 0) {
      // the first replica also gives the primary something to fail over to
      add = Math.max(1, needed.map(Figure::value).orElse(1.0));
    } else if (needed.isPresent() && needed.get().value() > have) {
      add = needed.get().value() - have;
    } else {
      // today's reads are covered: route them to the replicas in place; growth is sized by the
      // capacity section, not bought ahead of the traffic (X4)
      add = 0;
      Optional<Figure> atTarget = model.rate(model.targetMultiple()).flatMap(model::replicas);
      inputs.add(
          "today's peak is covered by the replicas in place: route reads to them (the growth"
              + " target needs "
              + atTarget.map(Figure::withKind).orElse("an unknown number")
              + ", X4)");
    }
    if (model.addedCacheHitRatio() > 0) {
      inputs.add("after the cache added by an earlier step");
    }
    inputs.add("replicas now = " + Units.format(have, 6));
    inputs.add("price = " + price.get().withKind());
    if (add > 0) {
      model = model.with(new Change.AddReplicas(db.get().name(), (int) add));
    }
    return CostDelta.of(
        new Figure(
            add * price.get().value(),
            Dimension.MONTHLY_COST,
            new Provenance.Derived(
                "replicas to add (" + Units.format(add, 6) + ") x the primary's price", inputs)));
  }

  private CostDelta cache(boolean increase) {
    Optional<Figure> size = model.cacheMemory(settings.hotSetHitRatio().value(), new ArrayList<>());
    if (size.isEmpty()) {
      return CostDelta.needs("workload.data_size or workload.active_users to size the cache (C4)");
    }
    Figure full = costs.cacheMemory(size.get().value());
    if (!increase) {
      model = model.with(new Change.AddCache(settings.newCacheHitRatio()));
      return CostDelta.of(full);
    }
    double have = 0;
    for (Component c : view.spec().components(ComponentKind.CACHE)) {
      have += view.facts().value(c.fact("memory"), 0) * view.spec().instances(c);
    }
    double extra = Math.max(size.get().value() - have, have);
    return CostDelta.of(
        new Figure(
            costs.cacheMemory(extra).value(),
            Dimension.MONTHLY_COST,
            new Provenance.Derived(
                "extra cache memory x cache_memory_gib",
                List.of(
                    "C4 size = " + size.get().formatted(),
                    "now = " + Units.formatBytes(have),
                    "extra = "
                        + Units.formatBytes(extra)
                        + (size.get().value() <= have ? " (C4 already met: doubling)" : "")))));
  }
}
