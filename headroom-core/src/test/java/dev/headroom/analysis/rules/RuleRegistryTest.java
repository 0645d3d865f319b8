package dev.headroom.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Threshold;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.plan.Actions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The registry's contract: stable, unique, well-formed ids that cite real knowledge and real
 * actions.
 */
class RuleRegistryTest {

  private static final Pattern ID = Pattern.compile("HR-[A-Z]+-\\d{3}");

  @Test
  void ids_areUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (Rule r : RuleRegistry.all()) {
      assertThat(r.id()).as("rule id").matches(ID);
      assertThat(seen.add(r.id())).as("%s is listed once", r.id()).isTrue();
      assertThat(RuleRegistry.byId(r.id().toLowerCase(java.util.Locale.ROOT))).contains(r);
    }
    assertThat(seen).hasSize(RuleRegistry.all().size()).hasSizeGreaterThanOrEqualTo(38);
  }

  @Test
  void rules_citeOnlyExistingKnowledgeAndActions() {
    for (Rule r : RuleRegistry.all()) {
      assertThat(r.knowledge())
          .as("knowledge of %s", r.id())
          .isNotEmpty()
          .allSatisfy(k -> assertThat(Knowledge.exists(k)).as("%s cites %s", r.id(), k).isTrue());
      assertThat(r.actions())
          .as("actions of %s", r.id())
          .isNotEmpty()
          .allSatisfy(a -> assertThat(Actions.byId(a)).as("%s suggests %s", r.id(), a).isPresent());
      assertThat(r.title()).isNotBlank();
      assertThat(r.why()).isNotBlank();
      assertThat(r.needs()).as("needs of %s", r.id()).isNotEmpty();
      Set<String> names = new HashSet<>();
      for (Threshold t : r.thresholds()) {
        assertThat(Knowledge.exists(t.knowledge()))
            .as("%s.%s cites %s", r.id(), t.name(), t.knowledge())
            .isTrue();
        assertThat(names.add(t.name())).as("%s has one threshold %s", r.id(), t.name()).isTrue();
        assertThat(t.note()).isNotBlank();
      }
    }
  }

  @Test
  void rules_sitOnTheLayerTheirIdNames() {
    for (Rule r : RuleRegistry.all()) {
      String prefix = r.id().substring(3, r.id().lastIndexOf('-'));
      String layer =
          switch (prefix) {
            case "DB" -> "DATABASE";
            case "APP" -> "APPLICATION";
            case "CACHE" -> "CACHE";
            case "NET" -> "NETWORK";
            case "STO" -> "STORAGE";
            case "EXT" -> "EXTERNAL";
            case "ARCH" -> "ARCHITECTURE";
            default -> "unknown prefix " + prefix;
          };
      assertThat(r.layer().name()).as("layer of %s", r.id()).isEqualTo(layer);
    }
  }

  @Test
  void thresholds_areKeyedByRuleId() {
    assertThat(RuleRegistry.thresholds().keySet())
        .containsExactlyElementsOf(RuleRegistry.all().stream().map(Rule::id).toList());
  }

  @Test
  void coverage_leavesNoKnowledgeIdUncarried() {
    assertThat(Advisor.coverage().uncovered()).isEmpty();
    assertThat(Advisor.coverage().byId().keySet())
        .containsExactlyElementsOf(Knowledge.all().keySet());
  }

  @Test
  void everyRegisteredRuleHasABoundaryTestClass() throws Exception {
    // each rule id must be exercised by name in the rule tests of its family
    List<String> sources = new java.util.ArrayList<>();
    for (String cls :
        List.of(
            "DatabaseRulesTest",
            "TraceRulesTest",
            "ApplicationRulesTest",
            "CacheRulesTest",
            "NetworkRulesTest",
            "ExternalRulesTest",
            "ArchitectureRulesTest")) {
      sources.add(
          java.nio.file.Files.readString(
              java.nio.file.Path.of("src/test/java/dev/headroom/analysis/rules/" + cls + ".java")));
    }
    String all = String.join("\n", sources);
    for (Rule r : RuleRegistry.all()) {
      assertThat(all).as("a test runs %s", r.id()).contains("\"" + r.id() + "\"");
    }
  }
}
