package dev.headroom.ingest.queueing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.analysis.queueing.ClosedNetwork;
import dev.headroom.analysis.queueing.Mva;
import dev.headroom.analysis.queueing.MvaSolution;
import dev.headroom.analysis.queueing.QueueInputException;
import dev.headroom.model.BadInputException;
import java.io.ByteArrayInputStream;

/**
 * Any bytes given as a queueing model end in a solved network (finite, non-negative throughput) or
 * in {@link BadInputException}; the solver may refuse a readable model only with {@link
 * QueueInputException} (too many states for exact MVA), which the CLI reports with the file.
 *
 * <p><b>Regression mode</b> (every {@code mvn verify}): Jazzer replays each file under {@code
 * src/test/resources/dev/headroom/ingest/queueing/NetworkModelFuzzTestInputs/networkModel/}: the
 * shipped examples and every input that once crashed.
 *
 * <p><b>Fuzzing mode</b>, locally:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -ntp -pl headroom-core -am test -Dtest=NetworkModelFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=5m
 * </pre>
 *
 * A finding is written as {@code crash-<sha1>} into that inputs directory: fix the cause, rename
 * the file for what it broke, and commit it.
 */
class NetworkModelFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void networkModel(byte[] data) {
    ClosedNetwork network;
    try {
      network = NetworkModelReader.read(new ByteArrayInputStream(data), "fuzz");
    } catch (BadInputException expected) {
      return;
    }
    check(() -> Mva.bardSchweitzer(network));
    check(() -> Mva.exact(network));
  }

  private static void check(java.util.function.Supplier<MvaSolution> solve) {
    MvaSolution s;
    try {
      s = solve.get();
    } catch (QueueInputException refused) {
      return;
    }
    double x = s.atFullPopulation().totalThroughput();
    assertThat(Double.isFinite(x) && x >= 0).as("throughput %s", x).isTrue();
  }
}
