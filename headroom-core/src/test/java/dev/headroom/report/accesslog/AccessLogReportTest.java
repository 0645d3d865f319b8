package dev.headroom.report.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.ingest.accesslog.AccessLogReader;
import dev.headroom.ingest.accesslog.AccessLogSettings;
import dev.headroom.ingest.accesslog.AccessLogSummary;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The access-log report of the shared lab's timed nginx log against golden files, and the same
 * bytes under another default locale. Regenerate with {@code -Dheadroom.updateGolden=true} and
 * review the diff.
 */
class AccessLogReportTest {

  private static final Path DIR = Path.of("src/test/resources/report/accesslog");
  // a relative path, so the golden files do not depend on where the checkout is
  private static final Path LOG = Path.of("src/test/resources/accesslog/nginx-access-timed.log");

  private static AccessLogSummary summary() {
    return new AccessLogReader(AccessLogSettings.DEFAULTS).read(List.of(LOG), Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void timedNginxLog_rendersAsTheGoldenFile_inAnyLocale(OutputFormat format) throws IOException {
    String actual = AccessLogReport.render(summary(), format);
    Path file = DIR.resolve("nginx-timed." + format.id());
    if (Boolean.getBoolean("headroom.updateGolden")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(file + " is stale: regenerate with -Dheadroom.updateGolden=true")
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(AccessLogReport.render(summary(), format)).isEqualTo(actual);
    } finally {
      Locale.setDefault(before);
    }
  }
}
