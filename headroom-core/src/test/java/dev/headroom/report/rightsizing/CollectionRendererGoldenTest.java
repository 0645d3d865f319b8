package dev.headroom.report.rightsizing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.rightsizing.ContainerUsage;
import dev.headroom.analysis.rightsizing.Prices;
import dev.headroom.analysis.rightsizing.RightSizer;
import dev.headroom.analysis.rightsizing.RightSizerTest;
import dev.headroom.analysis.rightsizing.RightSizingPolicy;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.ObservationWindow;
import dev.headroom.ingest.evidence.Series;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.SourceLocation;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden output of {@code headroom collect prometheus}'s report in every format, under {@link
 * Locale#ROOT} and de-DE. Regenerate with {@code -Dheadroom.updateGolden=true} and review the diff.
 */
class CollectionRendererGoldenTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "rightsizing");
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");
  static final double MIB = 1024.0 * 1024;

  static CollectionReport report() {
    Instant end = Instant.parse("2026-12-01T00:00:00Z");
    Instant start = end.minus(Duration.ofDays(14));
    SourceLocation at = new SourceLocation("http://prom:9090", 0, 0);
    ObservationWindow w = new ObservationWindow(start, end);
    List<Observation> obs =
        List.of(
            new Observation(
                Metric.RPS,
                null,
                "",
                400,
                w,
                "peak over the range of sum(rate(http_server_requests_seconds_count{application=\"checkout\"}[5m]))",
                at),
            new Observation(
                Metric.ERROR_RATE,
                null,
                "",
                0.01,
                w,
                "5xx share of all requests over the range",
                at),
            new Observation(
                Metric.LATENCY_P95,
                null,
                "",
                0.4875,
                new ObservationWindow(end.minusSeconds(7200), end.minusSeconds(3600)),
                "histogram_quantile(0.95, …) over the hour that starts with the busiest 5m",
                at),
            new Observation(
                Metric.CPU,
                ComponentKind.APP,
                "web",
                0.8,
                w,
                "peak over the range: max_over_time((1 - avg(rate(node_cpu_seconds_total{mode=\"idle\"}[5m])))[1209600s:300s])",
                at));
    double[] v = new double[] {100, 110, Double.NaN, 130};
    List<Series> series =
        List.of(
            new Series(Metric.RPS, null, "", start, Duration.ofMinutes(5), v, "range query", at));
    EvidenceFile e =
        new EvidenceFile(
            "http://prom:9090",
            "prometheus HTTP API (engine 2.42.0)",
            end,
            "http://prom:9090",
            obs,
            List.of(),
            List.of(new Unseen("app.memory_used", "node_exporter or cAdvisor series")),
            series);
    ContainerUsage checkout =
        RightSizerTest.usage(
            0.5,
            0.6,
            900 * MIB,
            1.2,
            Optional.of(
                new Figure(1, Dimension.NUMBER, new Provenance.Declared("kube-state-metrics"))),
            Optional.of(
                new Figure(
                    512 * MIB, Dimension.DATA_SIZE, new Provenance.Declared("kube-state-metrics"))),
            Optional.of(
                new Figure(
                    512 * MIB, Dimension.DATA_SIZE, new Provenance.Declared("kube-state-metrics"))),
            Optional.of(new ContainerUsage.Autoscaler("checkout", 2, 2, 2, Optional.empty())));
    Prices prices =
        new Prices(
            new Figure(20, Dimension.MONTHLY_COST, new Provenance.Declared("--cpu-price")),
            new Figure(3, Dimension.MONTHLY_COST, new Provenance.Declared("--memory-price")));
    RightSizingPolicy policy = RightSizingPolicy.defaults();
    return new CollectionReport(
        "checkout",
        e,
        RightSizer.recommend(List.of(checkout), policy, Optional.of(prices)),
        policy,
        List.of("requests: http_server_requests_seconds selected by application=\"checkout\""),
        "prices: --cpu-price 20 USD/month per vCPU, --memory-price 3 USD/month per GiB (declared)");
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void render_matchesGoldenUnderRootAndGermanLocales(OutputFormat format) throws IOException {
    Path file =
        GOLDEN.resolve(
            "checkout"
                + switch (format) {
                  case TEXT -> ".txt";
                  case MARKDOWN -> ".md";
                  case JSON -> ".json";
                });
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = CollectionRenderer.render(report(), format);
      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      assertThat(CollectionRenderer.render(report(), format)).isEqualTo(root);
      if (UPDATE) {
        Files.writeString(file, root, StandardCharsets.UTF_8);
      }
      assertThat(root)
          .as(file + " is stale: regenerate with -Dheadroom.updateGolden=true")
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
