package dev.headroom.advice;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.Thresholds;
import dev.headroom.analysis.bottleneck.BottleneckRanker;
import dev.headroom.analysis.bottleneck.Bottlenecks;
import dev.headroom.analysis.capacity.Capacity;
import dev.headroom.analysis.capacity.CapacityPlanner;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.analysis.cost.CostAnalyzer;
import dev.headroom.analysis.cost.CostModel;
import dev.headroom.analysis.cost.CostReport;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.analysis.health.Health;
import dev.headroom.analysis.health.HealthAnalyzer;
import dev.headroom.analysis.rules.RuleEngine;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.analysis.stage.StageAnalyzer;
import dev.headroom.analysis.stage.StageAssessment;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.SystemSpec;
import dev.headroom.plan.Plan;
import dev.headroom.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the whole assessment, in one direction: thresholds, stage, health, capacity, cost, rules,
 * bottlenecks, plan. Deterministic: the same specification gives the same advice.
 */
public final class Advisor {

  private Advisor() {}

  /** Reads {@code systemFile} and advises on it; load tests it names are found beside it. */
  public static Advice advise(Path systemFile) {
    Path dir = systemFile.toAbsolutePath().getParent();
    return advise(SystemFileReader.read(systemFile), dir);
  }

  /**
   * Advises on {@code spec}; {@code capacity.from} paths resolve against the working directory.
   *
   * @throws BadInputException when thresholds, prices or capacity evidence in the spec are invalid
   */
  public static Advice advise(SystemSpec spec) {
    return advise(spec, Path.of("").toAbsolutePath());
  }

  /** Advises on {@code spec}, resolving {@code capacity.from} paths against {@code baseDir}. */
  public static Advice advise(SystemSpec spec, Path baseDir) {
    // check thresholds and prices together, so one run reports every problem in both sections
    List<dev.headroom.model.InputProblem> problems = new ArrayList<>();
    PriceTable prices = null;
    try {
      new Thresholds(declaredThresholds(), spec);
    } catch (BadInputException e) {
      problems.addAll(e.problems());
    }
    try {
      prices = PriceTable.of(spec);
    } catch (BadInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      problems.sort(
          java.util.Comparator.comparingInt(dev.headroom.model.InputProblem::line)
              .thenComparingInt(dev.headroom.model.InputProblem::column));
      throw new BadInputException(problems);
    }
    return advise(spec, prices, baseDir);
  }

  /**
   * The thresholds in force for {@code spec}: every rule's and calculator's defaults, with its
   * overrides.
   */
  public static Thresholds thresholds(SystemSpec spec) {
    return new Thresholds(declaredThresholds(), spec);
  }

  private static Map<String, List<Threshold>> declaredThresholds() {
    Map<String, List<Threshold>> declared = new LinkedHashMap<>(RuleRegistry.thresholds());
    declared.put(CapacityPlanner.OWNER, CapacityPlanner.DEFAULTS);
    return declared;
  }

  /** Advises with an explicit price table (tests scale prices this way). */
  public static Advice advise(SystemSpec spec, PriceTable prices) {
    return advise(spec, prices, Path.of("").toAbsolutePath());
  }

  /**
   * The full form: explicit prices and the directory {@code capacity.from} paths are relative to.
   */
  public static Advice advise(SystemSpec spec, PriceTable prices, Path baseDir) {
    Map<String, MeasuredCapacity> measured =
        CapacityEvidence.load(new SystemView(spec), baseDir.toAbsolutePath());
    Map<String, dev.headroom.model.Figure> modelled = new LinkedHashMap<>();
    measured.forEach((name, m) -> modelled.put(name + ".max_rps_per_instance", m.perInstance()));
    SystemView view = new SystemView(spec.withFacts(modelled));
    Thresholds thresholds = new Thresholds(declaredThresholds(), view.spec());
    StageAssessment stage = StageAnalyzer.assess(view, thresholds);
    Health health = HealthAnalyzer.assess(view, thresholds);
    Capacity capacity = CapacityPlanner.plan(view, thresholds, measured);
    CostModel costs = new CostModel(view, prices);
    CostReport cost = CostAnalyzer.assess(view, costs, capacity, stage.stage());
    RuleEngine.Result rules = RuleEngine.run(view, thresholds, stage);
    boolean dbMeasured =
        view.primaries().stream()
            .anyMatch(
                db ->
                    view.fact(db.fact("cpu")).isPresent()
                        || view.fact(db.fact("connections_in_use")).isPresent());
    Bottlenecks bottlenecks =
        BottleneckRanker.rank(rules.findings(), rules.notEvaluated(), dbMeasured);
    Plan plan = new Planner(view, stage, capacity, costs, cost.now()).plan(rules.findings());
    List<NotEvaluated> missing = new ArrayList<>(rules.notEvaluated());
    missing.addAll(capacity.notEvaluated());
    missing.addAll(cost.notEvaluated());
    return new Advice(
        view.spec(),
        stage,
        health,
        bottlenecks,
        rules.findings(),
        plan,
        capacity,
        cost,
        dedupe(missing));
  }

  /** Which rule, action, calculator or report section carries each knowledge id. */
  public static dev.headroom.knowledge.Coverage coverage() {
    dev.headroom.knowledge.Coverage c = new dev.headroom.knowledge.Coverage();
    for (dev.headroom.analysis.rules.Rule r : RuleRegistry.all()) {
      c.add("rule " + r.id(), r.knowledge());
      r.thresholds()
          .forEach(t -> c.add("rule " + r.id() + " threshold " + t.name(), List.of(t.knowledge())));
    }
    for (dev.headroom.plan.Action a : dev.headroom.plan.Actions.all()) {
      c.add("action " + a.id(), a.knowledge());
    }
    c.add("stage section (StageAnalyzer)", StageAnalyzer.KNOWLEDGE);
    c.add("health section (HealthAnalyzer)", HealthAnalyzer.KNOWLEDGE);
    c.add("capacity section (CapacityPlanner)", CapacityPlanner.KNOWLEDGE);
    CapacityPlanner.DEFAULTS.forEach(
        t -> c.add("capacity default " + t.name(), List.of(t.knowledge())));
    c.add("cost section (CostAnalyzer)", CostAnalyzer.KNOWLEDGE);
    c.add("price table (PriceTable)", List.of("$2", "$3", "$.resolve"));
    c.add("bottlenecks section (BottleneckRanker)", BottleneckRanker.KNOWLEDGE);
    c.add("plan ordering and warnings (Planner)", Planner.KNOWLEDGE);
    c.add(
        "observation catalogue: seq_scan_tables from pg_stat_user_tables (Metric)",
        List.of("D3", "D3.resolve"));
    return c;
  }

  private static List<NotEvaluated> dedupe(List<NotEvaluated> in) {
    Set<String> seen = new LinkedHashSet<>();
    List<NotEvaluated> out = new ArrayList<>();
    for (NotEvaluated n : in) {
      if (seen.add(n.rule() + "|" + n.title() + "|" + n.needs())) {
        out.add(n);
      }
    }
    return out;
  }
}
