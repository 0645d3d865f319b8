package dev.headroom.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.BadInputException;
import dev.headroom.model.SystemSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The system file's {@code evidence:} list and {@code observations_at}. */
class SystemFileEvidenceKeysTest {

  private static final String BASE = "name: shop\ncomponents:\n  - { name: cache, kind: cache }\n";

  @Test
  void evidenceAndObservationsAt_areReadWithTheirPositions() {
    SystemSpec s =
        SystemFileReader.read(
            "s.yaml", BASE + "evidence: [evidence/, more/db.json]\nobservations_at: 2026-11-22\n");
    assertThat(s.evidence())
        .extracting(SystemSpec.EvidencePath::path)
        .containsExactly("evidence/", "more/db.json");
    assertThat(s.evidence().get(1).location().line()).isEqualTo(4);
    assertThat(s.observedAt()).contains(Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(
            SystemFileReader.read("s.yaml", BASE + "observations_at: 2026-11-22T10:15:00Z\n")
                .observedAt())
        .contains(Instant.parse("2026-11-22T10:15:00Z"));
    assertThat(SystemFileReader.read("s.yaml", BASE).observedAt()).isEmpty();
  }

  @Test
  void aBadDateOrANonListEvidence_isRefusedAtItsPosition() {
    assertThatThrownBy(
            () ->
                SystemFileReader.read(
                    "s.yaml", BASE + "observations_at: last tuesday\nevidence: evidence/\n"))
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining(
            "s.yaml:4:18: observations_at: found \"last tuesday\"; allowed an ISO-8601 date")
        .hasMessageContaining("s.yaml:5:11: evidence: found \"evidence/\"; allowed a list");
  }
}
