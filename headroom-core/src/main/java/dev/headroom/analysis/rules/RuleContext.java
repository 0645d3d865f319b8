package dev.headroom.analysis.rules;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Thresholds;
import dev.headroom.analysis.stage.StageAssessment;
import dev.headroom.model.Component;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a rule sees while it runs, and where it reports. */
public final class RuleContext {

  private final SystemView view;
  private final Thresholds thresholds;
  private final StageAssessment stage;
  private final List<Finding> findings;
  private final List<NotEvaluated> notEvaluated;
  private final java.util.Set<String> keysUsed = new java.util.TreeSet<>();
  private Rule rule;

  RuleContext(
      SystemView view,
      Thresholds thresholds,
      StageAssessment stage,
      List<Finding> findings,
      List<NotEvaluated> notEvaluated) {
    this.view = view;
    this.thresholds = thresholds;
    this.stage = stage;
    this.findings = findings;
    this.notEvaluated = notEvaluated;
  }

  void setRule(Rule rule) {
    this.rule = rule;
  }

  public SystemView view() {
    return view;
  }

  public StageAssessment stage() {
    return stage;
  }

  /**
   * A metric measured on {@code component}: typed, so a misspelt key cannot leave a rule silently
   * unevaluated.
   *
   * @throws IllegalArgumentException when the metric is not one the component's kind can carry
   */
  public Optional<Figure> measured(Component component, Metric metric) {
    if (!metric.kinds().contains(component.kind())) {
      throw new IllegalArgumentException(
          rule.id()
              + " reads "
              + metric.key()
              + " on "
              + component.name()
              + ", but a "
              + component.kind().id()
              + " has no such metric (allowed on "
              + metric.kinds()
              + ")");
    }
    return read(component.fact(metric.key()));
  }

  /**
   * A system-wide metric ({@code latency_p95}).
   *
   * @throws IllegalArgumentException for a component metric
   */
  public Optional<Figure> measured(Metric metric) {
    if (!metric.systemWide()) {
      throw new IllegalArgumentException(
          rule.id() + " reads " + metric.key() + " system-wide, but it is a component metric");
    }
    return read(metric.key());
  }

  /**
   * A number declared on {@code component} ({@code instances}, {@code pool.size}, {@code
   * max_connections}, …).
   *
   * @throws IllegalArgumentException when the component's kind has no such key
   */
  public Optional<Figure> declared(Component component, String key) {
    FactKeys.componentProblem(component, key).ifPresent(p -> fail(p));
    return read(component.fact(key));
  }

  /**
   * A number declared under {@code workload:} or {@code slo:} ({@code workload.growth}, {@code
   * slo.availability}).
   *
   * @throws IllegalArgumentException for any other key
   */
  public Optional<Figure> declared(String key) {
    if (!key.startsWith("workload.") && !key.startsWith("slo.")) {
      fail("\"" + key + "\" is no workload or slo key");
    }
    FactKeys.problem(view.spec(), key).ifPresent(this::fail);
    return read(key);
  }

  /** Every fact key the rules read or named as needed so far, for the keys contract test. */
  java.util.Set<String> keysUsed() {
    return java.util.Collections.unmodifiableSet(keysUsed);
  }

  private Optional<Figure> read(String key) {
    keysUsed.add(key);
    return view.fact(key);
  }

  private void check(String key) {
    FactKeys.problem(view.spec(), key).ifPresent(this::fail);
    keysUsed.add(key);
  }

  private void fail(String problem) {
    throw new IllegalArgumentException(rule.id() + " uses an unknown fact key: " + problem);
  }

  /** The rule's threshold in force (default or override), with provenance. */
  public Figure threshold(String name) {
    return thresholds.get(rule.id(), name);
  }

  /**
   * Another owner's threshold in force, for a rule that reads a level another rule declares (the
   * slow-query level when deciding whether indexes are fine): one default, one override, wherever
   * it is read.
   */
  public Figure threshold(String owner, String name) {
    return thresholds.get(owner, name);
  }

  /**
   * The figures for {@code keys}, or empty after recording the rule as not evaluated for {@code
   * component} with what each missing key needs.
   */
  public Optional<Map<String, Figure>> require(Component component, String... keys) {
    Map<String, Figure> out = new LinkedHashMap<>();
    List<String> needs = new ArrayList<>();
    List<String> how = new ArrayList<>();
    for (String k : keys) {
      check(k);
      Optional<Figure> f = view.fact(k);
      if (f.isPresent()) {
        out.put(k, f.get());
      } else {
        needs.add(k);
        how.add(howTo(k));
      }
    }
    if (!needs.isEmpty()) {
      notEvaluated(component, needs, how);
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /** Records the rule as not evaluated with explicit needs. */
  public void notEvaluated(Component component, List<String> needs, List<String> how) {
    needs.forEach(this::check);
    String title = rule.title() + (component == null ? "" : " (" + component.name() + ")");
    notEvaluated.add(new NotEvaluated(rule.id(), title, needs, how));
  }

  /** How to measure or declare a fact key. */
  public String howTo(String key) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      return Metric.system(key)
          .map(m -> "measure " + key + " (" + m.description() + "): " + m.howToMeasure())
          .orElse("declare " + key);
    }
    String owner = key.substring(0, dot);
    String rest = key.substring(dot + 1);
    if (owner.equals("workload") || owner.equals("slo")) {
      return "declare " + key + " in the system file";
    }
    Optional<Component> c = view.spec().component(owner);
    if (c.isPresent()) {
      Optional<Metric> m = Metric.forKind(c.get().kind(), rest);
      if (m.isPresent()) {
        return "measure observations."
            + key
            + " ("
            + m.get().description()
            + "): "
            + m.get().howToMeasure();
      }
      return "declare " + rest + " on component " + owner + " in the system file";
    }
    return "declare " + key;
  }

  /** Reports a finding of the current rule. */
  public void finding(
      Severity severity,
      Component component,
      String message,
      List<Evidence> evidence,
      List<String> actions) {
    findings.add(
        new Finding(
            rule.id(),
            severity,
            rule.layer(),
            rule.title(),
            message,
            component == null ? "" : component.name(),
            evidence,
            rule.knowledge(),
            actions));
  }

  /**
   * Severity for a value above two levels: critical above {@code critical}, warning above {@code
   * warning}.
   */
  public static Optional<Severity> above(double value, double warning, double critical) {
    if (value > critical) {
      return Optional.of(Severity.CRITICAL);
    }
    if (value > warning) {
      return Optional.of(Severity.WARNING);
    }
    return Optional.empty();
  }
}
