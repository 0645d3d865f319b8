package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Content detection picks the right reader for every real k6 and JMeter sample, and no other. */
class K6AndJMeterDetectionTest {

  private static final Set<LoadTestFormat> MINE =
      EnumSet.of(
          LoadTestFormat.K6_SUMMARY,
          LoadTestFormat.K6_HANDLE_SUMMARY,
          LoadTestFormat.K6_JSON,
          LoadTestFormat.K6_CSV,
          LoadTestFormat.JMETER_CSV,
          LoadTestFormat.JMETER_XML);

  private static final Map<String, LoadTestFormat> SAMPLES =
      Map.ofEntries(
          Map.entry("k6/k6-summary-export.json", LoadTestFormat.K6_SUMMARY),
          Map.entry("k6/k6-csv-run-summary-export.json", LoadTestFormat.K6_SUMMARY),
          Map.entry("k6/k6-handlesummary.json", LoadTestFormat.K6_HANDLE_SUMMARY),
          Map.entry(
              "k6/k6-handlesummary-k6reporter-testdata.json", LoadTestFormat.K6_HANDLE_SUMMARY),
          Map.entry("k6/k6-points.ndjson.gz", LoadTestFormat.K6_JSON),
          Map.entry("k6/k6-csv-run-points.ndjson.gz", LoadTestFormat.K6_JSON),
          Map.entry("k6/k6-points.csv.gz", LoadTestFormat.K6_CSV),
          Map.entry("k6/k6-unixmilli-points.csv.gz", LoadTestFormat.K6_CSV),
          Map.entry("jmeter/jmeter.jtl.csv", LoadTestFormat.JMETER_CSV),
          Map.entry("jmeter/jmeter-HTMLReportTestFile.jtl.csv", LoadTestFormat.JMETER_CSV),
          Map.entry("jmeter/jmeter-sample_log1-head500.jtl.xml", LoadTestFormat.JMETER_XML));

  /** Real files of other producers that none of these readers may claim. */
  private static final String[] OTHERS = {
    "detection/gatling-3.10.5-stats.json",
    "detection/gatling-3.10.5-global_stats.json",
    "detection/otlp-traces-example.json",
    "detection/zipkin-v2-simple-db-p6.json",
    "detection/jaeger-api-traces.json",
    "jmeter/jmeter-api.jmx",
    "k6/k6-script.js"
  };

  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(K6AndJMeterDetectionTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> samples() {
    return SAMPLES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void detect_picksTheProducersFormat(String sample, LoadTestFormat expected) {
    assertThat(LoadTestFiles.detect(resource(sample))).isEqualTo(expected);
    LoadTestReader.Head head = LoadTestReader.head(resource(sample));
    for (LoadTestFormat f : MINE) {
      assertThat(f.newReader().accepts(head))
          .as("%s accepts %s", f.id(), sample)
          .isEqualTo(f == expected);
    }
    assertThat(LoadTestFormat.PLAIN_CSV.newReader().accepts(head)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void read_detectedFormatReadsTheSample(String sample, LoadTestFormat expected) {
    LoadTest t = LoadTestFiles.read(resource(sample), null, ReadOptions.DEFAULTS);
    assertThat(t.format()).isEqualTo(expected);
    assertThat(t.steps()).isNotEmpty();
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void accepts_noOtherProducersFiles() {
    for (String other : OTHERS) {
      LoadTestReader.Head head = LoadTestReader.head(resource(other));
      for (LoadTestFormat f : MINE) {
        assertThat(f.newReader().accepts(head)).as("%s accepts %s", f.id(), other).isFalse();
      }
    }
  }

  @Test
  void detect_rejectsEmptyAndBinaryFiles() throws IOException {
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);
    assertThatThrownBy(() -> LoadTestFiles.detect(empty))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("found an empty file");
    byte[] garbage = new byte[8192];
    new Random(1).nextBytes(garbage);
    Path binary = Files.write(dir.resolve("garbage.bin"), garbage);
    assertThatThrownBy(() -> LoadTestFiles.detect(binary))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(binary + ":1: found content that matches no known format");
  }

  @Test
  void formats_plainCsvStaysLastAndIdsAreAsDocumented() {
    LoadTestFormat[] all = LoadTestFormat.values();
    assertThat(all[all.length - 1]).isEqualTo(LoadTestFormat.PLAIN_CSV);
    assertThat(MINE)
        .extracting(LoadTestFormat::id)
        .containsExactlyInAnyOrder(
            "k6-summary", "k6-handle-summary", "k6-json", "k6-csv", "jmeter-csv", "jmeter-xml");
    for (LoadTestFormat f : MINE) {
      assertThat(LoadTestFormat.byId(f.id())).isEqualTo(f);
      assertThat(f.newReader().format()).isEqualTo(f);
    }
  }
}
