package dev.headroom.advice;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.Thresholds;
import dev.headroom.analysis.bottleneck.BottleneckRanker;
import dev.headroom.analysis.bottleneck.Bottlenecks;
import dev.headroom.analysis.capacity.Capacity;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.capacity.CapacityPlanner;
import dev.headroom.analysis.capacity.LoadProjection;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.analysis.cost.CostAnalyzer;
import dev.headroom.analysis.cost.CostModel;
import dev.headroom.analysis.cost.CostReport;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.analysis.forecast.ForecastSettings;
import dev.headroom.analysis.forecast.Forecaster;
import dev.headroom.analysis.health.Health;
import dev.headroom.analysis.health.HealthAnalyzer;
import dev.headroom.analysis.rules.RuleEngine;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.analysis.stage.StageAnalyzer;
import dev.headroom.analysis.stage.StageAssessment;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Figure;
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
   * Advises on the system at {@code load} times today's load, with the components it has now (see
   * {@link LoadProjection}); 1x is {@link #advise(SystemSpec, Path)}.
   *
   * @throws BadInputException when the system file, thresholds or prices are invalid
   */
  public static Advice advise(SystemSpec spec, Path baseDir, Figure load) {
    return advise(spec, baseDir, load, List.of());
  }

  /**
   * As {@link #advise(SystemSpec, Path, Figure)}, with evidence files or directories beyond those
   * the system file names ({@code advise --evidence}), merged as {@link MeasuredEvidence} says.
   *
   * @throws BadInputException when the system file, thresholds, prices or evidence are invalid
   */
  public static Advice advise(SystemSpec spec, Path baseDir, Figure load, List<Path> evidence) {
    check(spec);
    return advise(
        spec, PriceTable.of(spec), EvidenceBundle.assemble(spec, baseDir, evidence), load);
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
    check(spec);
    return advise(spec, PriceTable.of(spec), baseDir);
  }

  /** Checks thresholds and prices together, so one run reports every problem in both sections. */
  private static void check(SystemSpec spec) {
    List<dev.headroom.model.InputProblem> problems = new ArrayList<>();
    try {
      new Thresholds(declaredThresholds(), spec);
    } catch (BadInputException e) {
      problems.addAll(e.problems());
    }
    try {
      PriceTable.of(spec);
    } catch (BadInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      problems.sort(
          java.util.Comparator.comparingInt(dev.headroom.model.InputProblem::line)
              .thenComparingInt(dev.headroom.model.InputProblem::column));
      throw new BadInputException(problems);
    }
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
    declared.put(Settings.OWNER, Settings.DEFAULTS);
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
    return advise(spec, prices, EvidenceBundle.assemble(spec, baseDir), CapacityModel.today());
  }

  /**
   * Advises on {@code spec} with evidence already assembled (a server or a collector hands it over
   * this way), at {@code load} times today's load.
   */
  public static Advice advise(
      SystemSpec declared, PriceTable prices, EvidenceBundle evidence, Figure load) {
    Modelled built = model(declared, evidence, load);
    LoadProjection.Result projected = built.projected();
    SystemView view = built.view();
    Thresholds thresholds = built.thresholds();
    CapacityModel model = built.model();
    StageAssessment stage = StageAnalyzer.assess(view, thresholds);
    Health health = HealthAnalyzer.assess(view, thresholds);
    CostModel costs = new CostModel(view, prices);
    CostReport cost = CostAnalyzer.assess(model, costs, stage.stage());
    RuleEngine.Result rules = RuleEngine.run(view, thresholds, stage);
    boolean dbMeasured =
        view.primaries().stream()
            .anyMatch(
                db ->
                    view.fact(db.fact("cpu")).isPresent()
                        || view.fact(db.fact("connections_in_use")).isPresent());
    Bottlenecks bottlenecks =
        BottleneckRanker.rank(rules.findings(), rules.notEvaluated(), dbMeasured);
    Planner planner = new Planner(model, stage, costs, cost.now());
    Plan plan = planner.plan(rules.findings());
    // the growth target is sized for the system the plan leaves (a cache it adds takes its reads)
    Capacity capacity = CapacityPlanner.plan(planner.model());
    List<NotEvaluated> missing = new ArrayList<>(built.unseen());
    missing.addAll(projected.notEvaluated());
    missing.addAll(rules.notEvaluated());
    missing.addAll(capacity.notEvaluated());
    missing.addAll(cost.notEvaluated());
    List<Forecast> forecasts = forecasts(built, thresholds);
    return new Advice(
        view.spec(),
        stage,
        health,
        bottlenecks,
        rules.findings(),
        plan,
        capacity,
        cost,
        dedupe(missing),
        model,
        planner.model(),
        load,
        forecasts);
  }

  /**
   * The forecast of every measured series, each held against the threshold its metric's rule uses
   * ({@link ForecastLimits}), with the forecast settings in force.
   */
  private static List<Forecast> forecasts(Modelled built, Thresholds thresholds) {
    ForecastSettings settings = ForecastSettings.of(new Settings(thresholds));
    List<Forecast> out = new ArrayList<>();
    for (MeasuredSeries s : built.series()) {
      out.add(
          Forecaster.forecast(
              s.subject(),
              s.series(),
              s.source(),
              ForecastLimits.of(s, built.view(), thresholds),
              settings));
    }
    return out;
  }

  /**
   * The capacity model of {@code declared} with {@code evidence} at {@code load} times today's
   * load, and the steps that built it: the one way headroom turns a system file and its evidence
   * into a model. {@code advise} builds its model here, and so does every draw of the roadmap's
   * uncertainty engine, so a drawn system is modelled exactly as the advised one is.
   *
   * @throws BadInputException when the thresholds in the spec are invalid
   */
  public static Modelled model(SystemSpec declared, EvidenceBundle evidence, Figure load) {
    MeasuredEvidence.Applied applied = MeasuredEvidence.apply(declared, evidence.files());
    SystemSpec spec = applied.spec();
    Map<String, MeasuredCapacity> measured = evidence.capacities();
    Map<String, dev.headroom.model.Figure> modelled = new LinkedHashMap<>();
    measured.forEach((name, m) -> modelled.put(name + ".max_rps_per_instance", m.perInstance()));
    LoadProjection.Result projected = LoadProjection.at(spec.withFacts(modelled), load);
    SystemView view = new SystemView(projected.spec());
    Thresholds thresholds = new Thresholds(declaredThresholds(), view.spec());
    CapacityModel model = new CapacityModel(view, new Settings(thresholds), measured);
    return new Modelled(applied.unseen(), projected, view, thresholds, model, applied.series());
  }

  /**
   * {@code declared} with the growth the evidence measured ({@link MeasuredGrowth}): what the
   * roadmap's uncertainty engine draws from, so it draws the measured growth interval.
   */
  public static SystemSpec withMeasuredGrowth(SystemSpec declared, EvidenceBundle evidence) {
    return MeasuredGrowth.apply(
        declared,
        MeasuredEvidence.apply(declared, evidence.files()).series(),
        ForecastSettings.of(new Settings(thresholds(declared))));
  }

  /**
   * A model and what built it ({@link #model}).
   *
   * @param unseen what the evidence files could not see
   * @param projected that system projected to the load asked for
   * @param view the projected system
   * @param thresholds the thresholds in force (defaults and the file's overrides)
   * @param model the capacity model
   * @param series the evidence's time series, matched to their components
   */
  public record Modelled(
      List<NotEvaluated> unseen,
      LoadProjection.Result projected,
      SystemView view,
      Thresholds thresholds,
      CapacityModel model,
      List<MeasuredSeries> series) {
    public Modelled {
      unseen = List.copyOf(unseen);
      series = List.copyOf(series);
      java.util.Objects.requireNonNull(projected, "projected");
      java.util.Objects.requireNonNull(view, "view");
      java.util.Objects.requireNonNull(thresholds, "thresholds");
      java.util.Objects.requireNonNull(model, "model");
    }
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
    Settings.DEFAULTS.forEach(t -> c.add("capacity default " + t.name(), List.of(t.knowledge())));
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
