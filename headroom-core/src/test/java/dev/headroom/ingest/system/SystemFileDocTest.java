package dev.headroom.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.ingest.system.SystemFileSchema.Key;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/system-file.md} says what the code does: its tables are the code's, its example
 * reads.
 */
class SystemFileDocTest {

  @Test
  void generatedTables_matchTheCode() {
    String doc = SystemFileReference.read(SystemFileReference.DOC);
    String fresh = SystemFileReference.regenerate(doc);
    if (SystemFileReference.writeRequested()) {
      SystemFileReference.write(SystemFileReference.DOC, fresh);
      doc = fresh;
    }
    assertThat(doc)
        .as(
            "%s is stale: run the test with -Dheadroom.docs.write=true and review the diff",
            SystemFileReference.DOC)
        .isEqualTo(fresh);
  }

  static List<Key> everySchemaKey() {
    List<Key> keys = new ArrayList<>(SystemFileSchema.TOP);
    keys.addAll(SystemFileSchema.WORKLOAD);
    keys.addAll(SystemFileSchema.SLO);
    for (ComponentKind k : ComponentKind.values()) {
      keys.addAll(SystemFileSchema.componentKeys(k));
    }
    return keys;
  }

  @Test
  void doc_namesEveryKeyKindMetricPriceAndThresholdOwner() {
    String doc = SystemFileReference.read(SystemFileReference.DOC);
    List<String> names = new ArrayList<>();
    everySchemaKey().forEach(k -> names.add("`" + k.name() + "`"));
    for (ComponentKind k : ComponentKind.values()) {
      names.add("`kind: " + k.id() + "`");
    }
    for (Metric m : Metric.values()) {
      names.add("`" + m.key() + "`");
    }
    PriceTable.keys().keySet().forEach(p -> names.add("`" + p + "`"));
    SystemFileReference.thresholdOwners().keySet().forEach(o -> names.add("`" + o + "`"));
    List<String> missing =
        names.stream().distinct().filter(n -> !doc.contains(n)).collect(Collectors.toList());
    assertThat(missing).as("named in the code but not in %s", SystemFileReference.DOC).isEmpty();
  }

  /** The fenced YAML block right after {@code heading}. */
  static String yamlAfter(String doc, String heading) {
    int h = doc.indexOf(heading);
    assertThat(h).as("heading %s", heading).isNotNegative();
    int start = doc.indexOf("```yaml\n", h) + "```yaml\n".length();
    return doc.substring(start, doc.indexOf("```", start));
  }

  static String completeExample() {
    return yamlAfter(SystemFileReference.read(SystemFileReference.DOC), "## A complete example");
  }

  @Test
  void completeExample_advisesCleanlyAndShowsEveryKind(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("system.yaml");
    Files.writeString(file, completeExample());

    Advice advice = Advisor.advise(file);

    assertThat(advice.system().components().stream().map(Component::kind).distinct())
        .hasSizeGreaterThanOrEqualTo(ComponentKind.values().length - 1);
    assertThat(advice.system().overrides()).hasSize(2);
  }

  @Test
  void minimalExample_advisesCleanly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("system.yaml");
    Files.writeString(
        file, yamlAfter(SystemFileReference.read(SystemFileReference.DOC), "A minimal file"));

    assertThat(Advisor.advise(file).system().components()).hasSize(1);
  }
}
