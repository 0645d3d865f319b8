package dev.headroom.analysis;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every threshold of every rule and calculator can be overridden, and the override says it is
 * declared.
 */
class ThresholdOverridesTest {

  private static Map<String, List<Threshold>> declared() {
    Map<String, List<Threshold>> d = new LinkedHashMap<>(RuleRegistry.thresholds());
    d.put(dev.headroom.analysis.Settings.OWNER, dev.headroom.analysis.Settings.DEFAULTS);
    return d;
  }

  static Stream<Arguments> everyThreshold() {
    List<Arguments> out = new ArrayList<>();
    declared()
        .forEach((owner, list) -> list.forEach(t -> out.add(Arguments.of(owner, t.name(), t))));
    return out.stream();
  }

  /** A value of the threshold's dimension other than its default, as a user would write it. */
  private static String another(Threshold t) {
    double v =
        switch (t.dimension()) {
          case RATIO -> t.defaultValue() / 2;
          case COUNT -> t.defaultValue() + 1;
          default -> t.defaultValue() * 2;
        };
    return Units.format(v, t.dimension());
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("everyThreshold")
  void override_replacesTheDefaultAndIsDeclared(String owner, String name, Threshold t) {
    SystemYaml y =
        system().component("name: web, kind: app").threshold(owner, name, "\"" + another(t) + "\"");
    Thresholds th = new Thresholds(declared(), y.spec());
    Figure f = th.get(owner, name);
    assertThat(f.value()).isEqualTo(Units.parse(another(t), t.dimension()).value());
    assertThat(f.provenance()).isInstanceOf(Provenance.Declared.class);
    assertThat(f.provenance().kind()).isEqualTo("declared");
    assertThat(f.provenance().describe())
        .contains("thresholds." + owner + "." + name)
        .contains(t.knowledge());
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("everyThreshold")
  void default_isAssumedWithItsKnowledgeId(String owner, String name, Threshold t) {
    Figure f =
        new Thresholds(declared(), system().component("name: web, kind: app").spec())
            .get(owner, name);
    assertThat(f.value()).isEqualTo(t.defaultValue());
    assertThat(f.provenance())
        .isInstanceOfSatisfying(
            Provenance.Assumed.class, a -> assertThat(a.knowledgeId()).isEqualTo(t.knowledge()));
  }

  @Test
  void override_ofAnUnknownRuleOrNameOrInTheWrongUnitIsBadInputWithItsPosition() {
    SystemYaml y =
        system()
            .component("name: web, kind: app")
            .threshold("HR-DB-01", "warning", "60%")
            .threshold("HR-DB-002", "warnig", "60%")
            .threshold("HR-DB-004", "warning", "5GiB");
    assertThatThrownBy(() -> new Thresholds(declared(), y.spec()))
        .isInstanceOfSatisfying(
            BadInputException.class,
            e -> {
              assertThat(e.problems()).hasSize(3);
              assertThat(e.problems())
                  .allSatisfy(
                      p -> {
                        assertThat(p.file()).isEqualTo("test.yaml");
                        assertThat(p.line()).isPositive();
                      });
              assertThat(e.problems().get(0).suggestion()).isEqualTo("HR-DB-001");
              assertThat(e.problems().get(1).suggestion()).isEqualTo("warning");
              assertThat(e.problems().get(2).key()).isEqualTo("thresholds.HR-DB-004.warning");
            });
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("everyThreshold")
  void default_asPrintedReadsBackAsTheSameThreshold(String owner, String name, Threshold t) {
    // what `headroom explain` prints can be pasted under thresholds: and means the same
    double back = Units.parse(Units.format(t.defaultValue(), t.dimension()), t.dimension()).value();
    assertThat(back)
        .isCloseTo(t.defaultValue(), org.assertj.core.data.Percentage.withPercentage(1));
  }
}
