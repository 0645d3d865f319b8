package dev.headroom.ingest.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.analysis.trace.TraceAnalyzer;
import dev.headroom.analysis.trace.TraceSettings;
import dev.headroom.model.BadInputException;
import java.io.ByteArrayInputStream;

/**
 * Any bytes given as a trace file end in an analysis or in {@link BadInputException} (exit 2):
 * never an internal error. Both the reader and the analysis run, since hostile span trees (loops,
 * skew, orphans) reach the analysis only through the reader.
 *
 * <p><b>Regression mode</b> (every {@code mvn verify}) replays the files under {@code
 * src/test/resources/dev/headroom/ingest/trace/TraceFuzzTestInputs/traces/}: the real OTLP, Jaeger
 * and Zipkin samples and any input that once crashed. <b>Fuzzing mode</b>, locally: {@code
 * JAZZER_FUZZ=1 mvn -B -ntp -pl headroom-core -am test -Dtest=TraceFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TraceFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void traces(byte[] data) {
    TraceInput in;
    try {
      in = TraceReader.read("fuzz.json", new ByteArrayInputStream(data));
    } catch (BadInputException expected) {
      assertThat(expected.problems()).isNotEmpty();
      return;
    }
    if (in.spans().isEmpty()) {
      return; // `collect traces` refuses this with exit 2 before analysing, as a bad input
    }
    assertThat(TraceAnalyzer.analyze(in, TraceSettings.defaults())).isNotNull();
  }
}
