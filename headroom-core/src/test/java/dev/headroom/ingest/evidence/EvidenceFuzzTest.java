package dev.headroom.ingest.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.model.BadInputException;

/**
 * Any bytes given as an evidence file end in an {@link EvidenceFile} or in {@link
 * BadInputException} (exit 2): never an internal error. Evidence files come from other people's
 * tooling, so the reader must hold against anything.
 *
 * <p><b>Regression mode</b> (every {@code mvn verify}) replays the files under {@code
 * src/test/resources/dev/headroom/ingest/evidence/EvidenceFuzzTestInputs/evidence/}: evidence the
 * collectors wrote (with series) and any input that once crashed. <b>Fuzzing mode</b>, locally:
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl headroom-core -am test -Dtest=EvidenceFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EvidenceFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void evidence(byte[] data) {
    EvidenceFile e;
    try {
      e = EvidenceReader.read("fuzz.json", data);
    } catch (BadInputException expected) {
      assertThat(expected.problems()).isNotEmpty();
      return;
    }
    assertThat(e.observations()).isNotNull();
  }
}
