package dev.headroom.ingest.system;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.advice.Advisor;
import dev.headroom.model.BadInputException;
import dev.headroom.model.SystemSpec;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/**
 * Any bytes given as a system file end in advice or in {@link BadInputException} (exit 2 with a
 * position): no other exception, no error, no hang.
 *
 * <p><b>Regression mode</b> (every {@code mvn verify}): Jazzer replays each file under {@code
 * src/test/resources/dev/headroom/ingest/system/SystemFileFuzzTestInputs/systemFile/}: the shipped
 * examples as seeds, and every input that once crashed ({@code crash-*}), named for what it broke.
 *
 * <p><b>Fuzzing mode</b>, locally (Linux or macOS; the native driver comes with the dependency):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -ntp -pl headroom-core -am test -Dtest=SystemFileFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=5m
 * </pre>
 *
 * The test's own {@code maxDuration} bounds a run that does not set {@code jazzer.max_duration}. A
 * finding is written to {@code headroom-core/src/test/resources/.../systemFile/crash-<sha1>} (the
 * inputs directory): fix the cause, give the file a name that says what it broke, and commit it, so
 * that every build replays it. The generated corpus goes to {@code .cifuzz-corpus/} (git-ignored).
 */
class SystemFileFuzzTest {

  /** Relative {@code capacity.from} globs resolve here, so the examples' load tests are found. */
  private static final Path BASE = Path.of("..", "examples", "measured-capacity");

  @FuzzTest(maxDuration = "2m")
  void systemFile(byte[] data) {
    SystemSpec spec;
    try {
      // no file extension: the content decides between JSON and YAML, so both parsers are fuzzed
      spec = SystemFileReader.read(new ByteArrayInputStream(data), "fuzz");
      Advisor.advise(spec, BASE);
    } catch (BadInputException expected) {
      // refused with a position: what bad input must end in
    }
  }
}
