package dev.headroom.cli;

import static dev.headroom.cli.Cli.example;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.cli.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advise, init, rules and explain commands as a user runs them: output and exit codes. */
class CommandsTest {

  @TempDir Path tmp;

  @Test
  void advise_printsTheAssessment_andExitsZero() {
    Run r = run("advise", example("read-heavy-growth"));
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("WHERE IT STANDS", "Stage: growth", "add-app-cache", "add-read-replicas");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void advise_failOn_exitsOneWhenAFindingIsAtOrAboveTheSeverity() {
    assertThat(run("advise", example("write-heavy-scale"), "--fail-on", "critical").code())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(run("advise", example("read-heavy-growth"), "--fail-on", "critical").code())
        .isEqualTo(ExitCodes.OK);
    assertThat(run("advise", example("read-heavy-growth"), "--fail-on", "warning").code())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(run("advise", example("startup-not-yet"), "--fail-on", "info").code())
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void advise_badFailOnValue_exitsTwoAndSaysWhatIsAllowed() {
    Run r = run("advise", example("startup-not-yet"), "--fail-on", "severe");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("info, warning, critical");
  }

  @Test
  void advise_jsonAndMarkdownFormats() {
    assertThat(run("advise", example("cpu-bound-app"), "--format", "json").out())
        .startsWith("{")
        .contains("\"schemaVersion\" : \"1.0\"", "\"recommendations\"");
    assertThat(run("advise", example("cpu-bound-app"), "-f", "markdown").out())
        .startsWith("# Scalability assessment");
    Run bad = run("advise", example("cpu-bound-app"), "--format", "yaml");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("text, markdown, json");
  }

  @Test
  void init_writesATemplateThatAdvisesCleanly() throws IOException {
    Run init = run("init");
    assertThat(init.code()).isZero();
    Path file = tmp.resolve("system.yaml");
    Files.writeString(file, init.out(), StandardCharsets.UTF_8);
    Run advise = run("advise", file.toString());
    assertThat(advise.code()).isZero();
    assertThat(advise.err()).isEmpty();
  }

  @Test
  void rules_listsEveryRuleWithLayerAndKnowledge() {
    Run r = run("rules");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("HR-DB-001\tdatabase", "HR-CACHE-001\tcache", "HR-ARCH-001\tarchitecture");
  }

  @Test
  void rulesActions_listsTheStableActionIds() {
    Run r = run("rules", "--actions");
    for (String id :
        new String[] {
          "optimize-queries",
          "add-indexes",
          "fix-n-plus-one",
          "add-app-cache",
          "add-cdn",
          "add-read-replicas",
          "add-connection-pooler",
          "resize-pools",
          "scale-vertically",
          "scale-horizontally",
          "add-load-balancer",
          "add-autoscaling",
          "add-job-queue",
          "add-circuit-breakers",
          "partition-tables",
          "shard-database",
          "multi-region",
          "split-services",
          "edge-compute",
          "increase-cache-memory",
          "tune-eviction-policy",
          "fix-memory-leaks",
          "add-monitoring",
          "stateless-sessions",
          "avoid-premature-microservices",
          "avoid-premature-sharding",
          "avoid-premature-multi-region",
          "avoid-premature-caching",
          "avoid-sticky-sessions"
        }) {
      assertThat(r.out()).contains(id + "\t");
    }
  }

  @Test
  void rulesCoverage_coversEveryKnowledgeId() {
    Run r = run("rules", "--coverage");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("NOT COVERED").contains(" 0 not covered");
  }

  @Test
  void explain_ruleShowsThresholdsAndKnowledge() {
    Run r = run("explain", "HR-DB-003");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("HR-DB-003", "warning = 10", "critical = 20", "M2:");
  }

  @Test
  void explain_actionAndKnowledgeIds() {
    assertThat(run("explain", "add-read-replicas").out()).contains("C7", "measure afterwards");
    assertThat(run("explain", "C2").out()).contains("cores x 2");
  }

  @Test
  void explain_unknownId_exitsTwoWithDidYouMean() {
    Run r = run("explain", "HR-DB-0O1");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("did you mean \"HR-DB-001\"");
  }
}
