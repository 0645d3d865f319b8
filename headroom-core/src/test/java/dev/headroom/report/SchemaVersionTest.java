package dev.headroom.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.compare.Comparison;
import dev.headroom.analysis.queueing.MM1;
import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.report.advice.AdviceRenderer;
import dev.headroom.report.compare.CompareRenderer;
import dev.headroom.report.fit.FitRenderer;
import dev.headroom.report.fit.FitReport;
import dev.headroom.report.queueing.QueueRenderer;
import dev.headroom.report.queueing.QueueReport;
import dev.headroom.report.reference.ReferenceRenderer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every JSON document carries the one schema version, and every published schema says so. */
class SchemaVersionTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void everyJsonWriter_stampsTheCurrentVersionFirst() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put(
        "advice",
        AdviceRenderer.of(OutputFormat.JSON)
            .render(Advisor.advise(Path.of("..", "examples", "acme-shop", "system.yaml"))));
    docs.put(
        "fit",
        FitRenderer.render(
            FitReport.of(
                LoadTestFiles.readAll(
                    List.of(Path.of("..", "examples", "fit", "cisco-mysql.csv")),
                    null,
                    new ReadOptions(null)),
                List.of(),
                List.of()),
            OutputFormat.JSON));
    LoadTestCurve cisco =
        LoadTestCurve.of(
            LoadTestFiles.readAll(
                List.of(Path.of("..", "examples", "fit", "cisco-mysql.csv")),
                null,
                new ReadOptions(null)),
            List.of("cisco-mysql.csv"));
    docs.put(
        "compare",
        CompareRenderer.render(
            Comparison.of(cisco, "a", cisco, "b", List.of(), Comparison.DEFAULT_SEED),
            OutputFormat.JSON));
    docs.put(
        "queue",
        QueueRenderer.render(new QueueReport.Open(MM1.of(4, 0.2), List.of()), OutputFormat.JSON));
    docs.put("rules", ReferenceRenderer.rules(OutputFormat.JSON));
    docs.put("explain", ReferenceRenderer.explain("C2", OutputFormat.JSON).orElseThrow());
    docs.forEach(
        (name, json) -> {
          JsonNode root = MAPPER.readTree(json);
          assertThat(root.propertyNames().iterator().next()).as(name).isEqualTo("schemaVersion");
          assertThat(root.get("schemaVersion").asString())
              .as(name)
              .isEqualTo(SchemaVersion.CURRENT.toString());
        });
  }

  @Test
  void everyPublishedReportSchema_pinsTheCurrentVersion() throws IOException {
    List<Path> schemas = new ArrayList<>();
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(Path.of("..", "docs"), "*report*schema.json")) {
      ds.forEach(schemas::add);
    }
    schemas.add(Path.of("..", "docs", "reference-schema.json"));
    assertThat(schemas).hasSizeGreaterThanOrEqualTo(4);
    for (Path p : schemas) {
      JsonNode version =
          MAPPER.readTree(Files.readString(p)).get("properties").get("schemaVersion");
      assertThat(version.get("const").asString())
          .as(p.toString())
          .isEqualTo(SchemaVersion.CURRENT.toString());
    }
  }

  @Test
  void version_isMajorDotMinor_andRefusesNonsense() {
    assertThat(new SchemaVersion(2, 3)).hasToString("2.3");
    assertThatThrownBy(() -> new SchemaVersion(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SchemaVersion(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
