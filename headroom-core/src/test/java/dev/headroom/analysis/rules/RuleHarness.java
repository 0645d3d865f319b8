package dev.headroom.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.model.Provenance;
import dev.headroom.plan.Actions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one system file, given as text, through the advisor and picks out what one rule reported.
 * Every finding it hands back has been checked for the invariants all findings share.
 */
final class RuleHarness {

  private static final Set<String> PROVENANCE_KINDS =
      Set.of("measured", "declared", "derived", "assumed");

  private final Advice advice;
  private final String rule;

  private RuleHarness(Advice advice, String rule) {
    this.advice = advice;
    this.rule = rule;
  }

  /** The advice on {@code yaml}, seen through rule {@code ruleId}. */
  static RuleHarness run(String ruleId, SystemYaml yaml) {
    assertThat(RuleRegistry.byId(ruleId)).as("rule %s is registered", ruleId).isPresent();
    return new RuleHarness(Advisor.advise(yaml.spec()), ruleId);
  }

  Advice advice() {
    return advice;
  }

  List<Finding> findings() {
    List<Finding> out = advice.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    out.forEach(RuleHarness::checkWellFormed);
    return out;
  }

  /** The one finding of the rule; fails when there is none or several. */
  Finding finding() {
    List<Finding> fs = findings();
    assertThat(fs).as("findings of %s", rule).hasSize(1);
    return fs.get(0);
  }

  /** The severity of the one finding, or empty when the rule found nothing. */
  Optional<Severity> severity() {
    List<Finding> fs = findings();
    assertThat(fs).as("findings of %s", rule).hasSizeLessThanOrEqualTo(1);
    return fs.stream().findFirst().map(Finding::severity);
  }

  List<NotEvaluated> notEvaluated() {
    return advice.notEvaluated().stream().filter(n -> n.rule().equals(rule)).toList();
  }

  /** Neither a finding nor a not-evaluated entry: the rule did not apply. */
  void assertSilent() {
    assertThat(findings()).as("findings of %s", rule).isEmpty();
    assertThat(notEvaluated()).as("not-evaluated entries of %s", rule).isEmpty();
  }

  /**
   * Exactly one not-evaluated entry, needing exactly {@code needs}, with a how-to for each; no
   * finding.
   */
  void assertNotEvaluated(String... needs) {
    assertThat(findings()).as("findings of %s", rule).isEmpty();
    List<NotEvaluated> ne = notEvaluated();
    assertThat(ne).as("not-evaluated entries of %s", rule).hasSize(1);
    assertThat(ne.get(0).needs()).containsExactly(needs);
    assertThat(ne.get(0).how()).hasSize(needs.length).allSatisfy(h -> assertThat(h).isNotBlank());
  }

  /** The evidence figure labelled {@code label} in the one finding. */
  Evidence evidence(String label) {
    return finding().evidence().stream()
        .filter(e -> e.label().equals(label))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no evidence " + label + " in " + finding().evidence()));
  }

  /**
   * What every finding must satisfy: its rule's id, layer and knowledge; actions from the catalogue
   * and the rule's own list; every evidence figure with a known kind of provenance that says where
   * it came from.
   */
  static void checkWellFormed(Finding f) {
    Rule r = RuleRegistry.byId(f.ruleId()).orElseThrow();
    assertThat(f.layer()).isEqualTo(r.layer());
    assertThat(f.knowledge())
        .isEqualTo(r.knowledge())
        .allSatisfy(k -> assertThat(Knowledge.exists(k)).isTrue());
    assertThat(f.message()).isNotBlank();
    assertThat(f.actions())
        .as("actions of %s", f.ruleId())
        .isNotEmpty()
        .allSatisfy(a -> assertThat(Actions.byId(a)).as("action %s", a).isPresent())
        .allSatisfy(a -> assertThat(r.actions()).as("actions %s lists", f.ruleId()).contains(a));
    for (Evidence e : f.evidence()) {
      Provenance p = e.figure().provenance();
      assertThat(p).as("provenance of %s in %s", e.label(), f.ruleId()).isNotNull();
      assertThat(PROVENANCE_KINDS).contains(p.kind());
      assertThat(p.describe()).isNotBlank();
    }
  }
}
