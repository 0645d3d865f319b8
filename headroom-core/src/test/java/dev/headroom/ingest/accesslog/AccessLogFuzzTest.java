package dev.headroom.ingest.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Any bytes given as an access log end in an {@link AccessLogSummary} or in {@link
 * BadInputException} (exit 2): never an internal error, never an out-of-memory error.
 *
 * <p><b>Regression mode</b> (every {@code mvn verify}) replays the files under {@code
 * src/test/resources/dev/headroom/ingest/accesslog/AccessLogFuzzTestInputs/accessLog/}: the real
 * nginx and Apache logs of the shared lab (cut), a JSON-lines log, and any input that once crashed
 * the reader. <b>Fuzzing mode</b>, locally: {@code JAZZER_FUZZ=1 mvn -B -ntp -pl headroom-core -am
 * test -Dtest=AccessLogFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AccessLogFuzzTest {

  private static final AccessLogReader READER = new AccessLogReader(AccessLogSettings.DEFAULTS);

  @FuzzTest(maxDuration = "2m")
  void accessLog(byte[] data) throws IOException {
    Path file = Files.createTempFile("headroom-fuzz-", ".log");
    try {
      Files.write(file, data);
      AccessLogSummary s;
      try {
        s = READER.read(List.of(file), Optional.empty());
      } catch (BadInputException expected) {
        assertThat(expected.problems()).isNotEmpty();
        return;
      } catch (UncheckedIOException e) {
        throw new AssertionError("an I/O failure escaped as " + e, e);
      }
      assertThat(s).isNotNull();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
