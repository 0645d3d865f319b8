package dev.headroom.analysis.health;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import org.junit.jupiter.api.Test;

/**
 * The health table names its second level for what it does: past M4's 80% the status is critical,
 * so a row reading "warning 80%" beside a CRITICAL status contradicted itself.
 */
class HealthLevelLabelsTest {

  private static Advice advice() {
    return Advisor.advise(
        system()
            .component("name: db, kind: database, max_connections: 100")
            .observe("db.connections_in_use: 85")
            .spec());
  }

  @Test
  void text_labelsTheSecondLevelCritical() {
    String text = AdviceRenderer.of(OutputFormat.TEXT).render(advice());
    assertThat(text)
        .contains("critical above")
        .containsPattern("critical +db +85% +50% +80%")
        .containsPattern("status +metric +value +target +critical above")
        .doesNotContain("warning 80%");
  }

  @Test
  void markdownAndJson_labelTheSecondLevelCritical() {
    assertThat(AdviceRenderer.of(OutputFormat.MARKDOWN).render(advice()))
        .contains("| target | critical above |")
        .doesNotContain("| target | warning |");
    assertThat(AdviceRenderer.of(OutputFormat.JSON).render(advice()))
        .contains("\"critical\" : 0.8")
        .doesNotContain("\"warning\" : 0.8");
  }
}
