package dev.headroom.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.analysis.compare.Comparison;
import dev.headroom.analysis.compare.Gate;
import dev.headroom.analysis.compare.Metric;
import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CompareRendererTest {

  private static LoadTestCurve read(String resource) {
    LoadTest t =
        LoadTestFiles.read(Path.of("src/test/resources/" + resource), null, ReadOptions.DEFAULTS);
    return LoadTestCurve.of(List.of(t), List.of(resource));
  }

  private static Comparison jmeterSlower() {
    return Comparison.of(
        read("jmeter/jmeter.jtl.csv"),
        "base",
        read("jmeter/jmeter-slower-1.3x.jtl.csv"),
        "new",
        List.of(new Gate(Metric.P95, 10), new Gate(Metric.THROUGHPUT, -5)),
        Comparison.DEFAULT_SEED);
  }

  @Test
  void json_validatesAgainstThePublishedSchema() throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(Path.of("../docs/compare-report-schema.json")));
    JsonNode json =
        JsonMapper.builder()
            .build()
            .readTree(CompareRenderer.render(jmeterSlower(), OutputFormat.JSON));
    List<Error> errors = schema.validate(json);
    assertThat(errors).isEmpty();
    assertThat(json.get("failed").asBoolean()).isTrue();
    assertThat(json.get("steps")).hasSize(8);
  }

  @Test
  void textAndMarkdown_sayTheSameInEveryLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String text = CompareRenderer.render(jmeterSlower(), OutputFormat.TEXT);
      String md = CompareRenderer.render(jmeterSlower(), OutputFormat.MARKDOWN);
      Locale.setDefault(Locale.GERMANY);
      assertThat(CompareRenderer.render(jmeterSlower(), OutputFormat.TEXT)).isEqualTo(text);
      assertThat(text).contains("FAIL: p95+10% at N = 8").contains("pass: throughput-5%");
      assertThat(md).contains("**FAIL**: p95+10% at N = 8").contains("| p95 |");
      assertThat(text).contains("bootstrap: 95 % percentile bootstrap").contains("poisson: ");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
