package dev.headroom.report.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md and docs/knowledge.md are generated from the code and must match it. */
class ReferenceDocsTest {

  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");

  private static void check(String file, String actual) throws IOException {
    Path p = Path.of("..", "docs", file);
    if (UPDATE) {
      Files.writeString(p, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(p + " is stale: regenerate with -Dheadroom.updateGolden=true")
        .isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
  }

  @Test
  void formatsPage_namesEveryRegisteredFormat() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "formats.md"), StandardCharsets.UTF_8);
    for (dev.headroom.ingest.loadtest.LoadTestFormat f :
        dev.headroom.ingest.loadtest.LoadTestFormat.values()) {
      assertThat(page).as("docs/formats.md lists " + f.id()).contains("| `" + f.id() + "` |");
    }
  }

  @Test
  void rulesReference_isCurrent() throws IOException {
    check("rules.md", ReferenceDocs.rules());
  }

  @Test
  void knowledgeReference_isCurrent_andEveryIdIsCarried() throws IOException {
    assertThat(Advisor.coverage().uncovered()).isEmpty();
    check("knowledge.md", ReferenceDocs.knowledge(Advisor.coverage()));
  }
}
