package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Any bytes given as a load-test result end in a {@link LoadTest} or in {@link BadInputException}:
 * never an internal error, never an out-of-memory error. The first byte picks the path: below the
 * number of formats it forces that format on the rest ({@code --input-format X}), otherwise the
 * whole input goes through detection by content, as {@code headroom fit FILE} does. Real files
 * start with a printable byte or 0x00 / 0x1f (Gatling binary, gzip), so the seeds are detected.
 *
 * <p><b>Regression mode</b> (every {@code mvn verify}): Jazzer replays each file under {@code
 * src/test/resources/dev/headroom/ingest/loadtest/LoadTestFuzzTestInputs/loadTest/}: real files of
 * every format (the {@code seed-*}, most cut to their first lines) and every input that once
 * crashed a reader ({@code crash-*}, renamed for what it broke).
 *
 * <p><b>Fuzzing mode</b>, locally:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -ntp -pl headroom-core -am test -Dtest=LoadTestFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=5m
 * </pre>
 */
class LoadTestFuzzTest {

  private static final LoadTestFormat[] FORMATS = LoadTestFormat.values();

  @FuzzTest(maxDuration = "2m")
  void loadTest(byte[] data) throws IOException {
    LoadTestFormat forced = null;
    byte[] content = data;
    if (data.length > 0 && (data[0] & 0xff) < FORMATS.length) {
      // 0x00 and 0x01 also start real inputs (a Gatling binary log's RUN record), hence both paths
      forced = FORMATS[data[0] & 0xff];
      content = Arrays.copyOfRange(data, 1, data.length);
    }
    Path file = Files.createTempFile("headroom-fuzz-", ".in");
    try {
      Files.write(file, content);
      read(file, forced);
      if (forced != null) {
        Files.write(file, data);
        read(file, null);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void read(Path file, LoadTestFormat forced) {
    LoadTest t;
    try {
      t = LoadTestFiles.read(file, forced, ReadOptions.DEFAULTS);
    } catch (BadInputException expected) {
      assertThat(expected.problems()).isNotEmpty();
      return;
    } catch (UncheckedIOException e) {
      throw new AssertionError("an I/O failure escaped as " + e, e);
    }
    assertThat(t.steps()).isNotNull();
    for (Step s : t.steps()) {
      assertThat(Double.isFinite(s.throughput()) && s.throughput() >= 0)
          .as("throughput %s", s.throughput())
          .isTrue();
    }
  }
}
