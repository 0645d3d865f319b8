package dev.headroom.report.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.trace.TraceAnalysis;
import dev.headroom.analysis.trace.TraceAnalyzer;
import dev.headroom.analysis.trace.TraceFixtures;
import dev.headroom.analysis.trace.TraceSettings;
import dev.headroom.ingest.trace.TraceFormat;
import dev.headroom.ingest.trace.TraceReader;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden output of {@code headroom collect traces} in every format, under {@link Locale#ROOT} and
 * de-DE: the two real Zipkin samples read together (database share, clock skew, a call between own
 * services), and the hand-built N+1 request in OTLP. Regenerate with {@code
 * -Dheadroom.updateGolden=true} and review the diff.
 */
class TraceRendererGoldenTest {

  private static final Path TRACES = Path.of("src", "test", "resources", "ingest", "trace");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "trace");
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");

  static Stream<Arguments> cases() {
    return Stream.of(OutputFormat.values())
        .flatMap(f -> Stream.of(Arguments.of("zipkin-samples", f), Arguments.of("n-plus-one", f)));
  }

  static TraceAnalysis analysis(String name) {
    if (name.equals("n-plus-one")) {
      return TraceAnalyzer.analyze(
          TraceFixtures.read(TraceFormat.OTLP_JSON), TraceSettings.defaults());
    }
    // relative names, so the golden files do not depend on where the build runs
    return TraceAnalyzer.analyze(
        TraceReader.read(
            List.of(
                TRACES.resolve("zipkin-v2-simple-db-p6.json"),
                TRACES.resolve("zipkin-v2-skew.json"))),
        TraceSettings.defaults());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void render_matchesGoldenUnderRootAndGermanLocales(String name, OutputFormat format)
      throws IOException {
    Path file =
        GOLDEN.resolve(
            name
                + switch (format) {
                  case TEXT -> ".txt";
                  case MARKDOWN -> ".md";
                  case JSON -> ".json";
                });
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = TraceRenderer.render(analysis(name), format);
      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      String german = TraceRenderer.render(analysis(name), format);
      assertThat(german).isEqualTo(root);
      if (UPDATE) {
        Files.createDirectories(GOLDEN);
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
