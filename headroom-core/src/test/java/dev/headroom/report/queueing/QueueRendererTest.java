package dev.headroom.report.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.analysis.queueing.ClosedNetwork;
import dev.headroom.analysis.queueing.CustomerClass;
import dev.headroom.analysis.queueing.LatencyMetric;
import dev.headroom.analysis.queueing.LittlesLaw;
import dev.headroom.analysis.queueing.MG1;
import dev.headroom.analysis.queueing.MM1;
import dev.headroom.analysis.queueing.MMc;
import dev.headroom.analysis.queueing.Mva;
import dev.headroom.analysis.queueing.Sizing;
import dev.headroom.analysis.queueing.Station;
import dev.headroom.analysis.queueing.StationKind;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden output: every report in every format equals the file under {@code
 * src/test/resources/report/queueing/}, under {@link Locale#ROOT} and under de-DE (whose decimal
 * comma must not leak in). Run with {@code -Dheadroom.golden.write=true} to rewrite the files after
 * a deliberate change, then review the diff.
 */
class QueueRendererTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "queueing");

  static Map<String, QueueReport> reports() {
    Map<String, QueueReport> m = new TreeMap<>();
    m.put(
        "mmc-airport-8",
        new QueueReport.Open(MMc.of(960 / 3600.0, 15, 8), List.of(0.5, 0.95, 0.99)));
    m.put("mm1", new QueueReport.Open(MM1.of(4, 0.2), List.of(0.95)));
    m.put("mg1", new QueueReport.Open(MG1.of(4, 0.2, 1.5), List.of(0.95)));
    m.put(
        "little",
        new QueueReport.Little(
            LittlesLaw.fromRateAndTime(1200, 0.040), QueueReport.Term.POPULATION));
    m.put(
        "servers",
        new QueueReport.Servers(
            Sizing.serversFor(1200, 0.040, 0.99, 0.005, LatencyMetric.WAITING_TIME)));
    m.put("max-rate", new QueueReport.MaxRate(Sizing.maxArrivalRate(0.040, 60, 0.95, 0.150)));
    m.put("mva-jain", new QueueReport.Network(Mva.exact(jain())));
    m.put("mva-jmt-schweitzer", new QueueReport.Network(Mva.bardSchweitzer(jmt())));
    m.put("mva-tomcat", new QueueReport.Network(Mva.exact(tomcat())));
    m.put(
        "mva-tomcat-schweitzer",
        new QueueReport.Network(Mva.bardSchweitzer(tomcat().withPopulations(40))));
    return m;
  }

  static ClosedNetwork jain() {
    return ClosedNetwork.singleClass(
        "Central server (Jain Ex. 34.2)",
        20,
        4.0,
        List.of(
            new Station("CPU", StationKind.QUEUE, 1, List.of(0.125), List.of(16.0)),
            new Station("DiskA", StationKind.QUEUE, 1, List.of(0.3), List.of(10.0)),
            new Station("DiskB", StationKind.QUEUE, 1, List.of(0.2), List.of(5.0))));
  }

  static ClosedNetwork jmt() {
    return new ClosedNetwork(
        "JMT linearizer example",
        List.of(new CustomerClass("class0", 8, 0.0), new CustomerClass("class1", 1, 0.0)),
        List.of(
            Station.ofDemands("Station1", StationKind.DELAY, 8.0, 0.0),
            Station.ofDemands("Station2", StationKind.QUEUE, 1.0, 1.0)));
  }

  static ClosedNetwork tomcat() {
    return ClosedNetwork.singleClass(
        "Tomcat with 300 threads (PDQ)",
        400,
        0.0,
        List.of(new Station("tomcat", StationKind.QUEUE, 300, List.of(0.444), List.of(1.0))));
  }

  static Stream<Arguments> cases() {
    return reports().entrySet().stream()
        .flatMap(
            e ->
                Stream.of(OutputFormat.values())
                    .map(f -> Arguments.of(e.getKey(), f, e.getValue())));
  }

  private static String extension(OutputFormat f) {
    return switch (f) {
      case TEXT -> "txt";
      case MARKDOWN -> "md";
      case JSON -> "json";
    };
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("cases")
  void render_matchesGoldenFileUnderRootAndGermanLocales(
      String name, OutputFormat format, QueueReport report) throws IOException {
    Path file = GOLDEN.resolve(name + "." + extension(format));
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = QueueRenderer.render(report, format);
      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      String german = QueueRenderer.render(report, format);
      assertThat(german).as("same output under de-DE").isEqualTo(root);
      if (Boolean.getBoolean("headroom.golden.write")) {
        Files.writeString(file, root, StandardCharsets.UTF_8);
      }
      assertThat(root).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void json_followsThePublishedSchema(String name) throws IOException {
    Schema schema;
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "queue-report-schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    String json = QueueRenderer.render(reports().get(name), OutputFormat.JSON);
    List<Error> errors = schema.validate(JsonMapper.builder().build().readTree(json));
    assertThat(errors).as(json).isEmpty();
  }

  static Stream<String> names() {
    return reports().keySet().stream();
  }

  @Test
  void json_namesTheFieldsTheAdvisorReads() {
    String open = QueueRenderer.render(reports().get("mmc-airport-8"), OutputFormat.JSON);
    assertThat(open)
        .contains("\"utilization\" : 0.5")
        .contains("\"probabilityOfWaiting\"")
        .contains("\"meanQueueLength\"")
        .contains("\"meanWaitingTime\"")
        .contains("\"meanResponseTime\" : 15.22141498");
    String mva = QueueRenderer.render(reports().get("mva-jain"), OutputFormat.JSON);
    assertThat(mva)
        .contains("\"throughput\"")
        .contains("\"responseTime\"")
        .contains("\"queueLength\"");
  }

  @Test
  void text_longPopulationSweepsAreSampledAndSaySo() {
    String text = QueueRenderer.render(reports().get("mva-tomcat"), OutputFormat.TEXT);
    assertThat(text)
        .contains("Populations in steps of 14 shown, and the last")
        .contains("solved exactly as load-dependent queues")
        .doesNotContain("Seidmann");
    assertThat(text.lines().filter(l -> l.matches("\\s+\\d+\\s+\\d.*/s.*")).count())
        .isLessThanOrEqualTo(31);
  }
}
