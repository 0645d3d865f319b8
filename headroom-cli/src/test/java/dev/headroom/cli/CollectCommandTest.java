package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.collect.testing.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and unreachable servers: exit 2, a clear message, no stack trace, nothing written. */
class CollectCommandTest {

  @Test
  void anotherScheme_exitsTwoNamingWhatIsCollected(@TempDir Path dir) {
    Cli.Run r = Cli.run("collect", "mongodb://db:27017", "-o", dir.resolve("e.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("found the scheme \"mongodb\"; allowed redis://, postgres:// or mysql://");
    assertThat(r.err()).doesNotContain("at dev.headroom");
  }

  @Test
  void nothingListening_exitsTwo_writesNothing_andNeverShowsThePassword(@TempDir Path dir)
      throws Exception {
    int port = LocalRedis.freePort();
    Path out = dir.resolve("cache.json");
    Cli.Run r =
        Cli.run(
            "collect",
            "redis://app:hunter2-secret@127.0.0.1:" + port,
            "--timeout",
            "2s",
            "--window",
            "1s",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("redis://app@127.0.0.1:" + port + ": cannot connect")
        .contains("nothing written to " + out)
        .doesNotContain("hunter2")
        .doesNotContain("at dev.headroom");
    assertThat(r.out()).doesNotContain("hunter2");
    assertThat(Files.exists(out)).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aZeroWindowOrABadComponent_isBadUsageNamingTheOption(@TempDir Path dir) {
    Cli.Run w =
        Cli.run(
            "collect",
            "redis://127.0.0.1:1",
            "--window",
            "0s",
            "-o",
            dir.resolve("e.json").toString());
    assertThat(w.code()).isEqualTo(2);
    assertThat(w.err()).contains("--window").contains("above 0");
    Cli.Run c =
        Cli.run(
            "collect",
            "redis://127.0.0.1:1",
            "--component",
            "Cache!",
            "-o",
            dir.resolve("e.json").toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("--component: found \"Cache!\"");
  }

  @Test
  void adviseWithMissingEvidence_exitsTwoNamingThePath(@TempDir Path dir) {
    Cli.Run r =
        Cli.run("advise", Cli.example("acme-shop"), "--evidence", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(dir.resolve("nope") + ": found no such file or directory");
  }

  @Test
  void adviseWithBadEvidence_exitsTwoAtTheLineAndColumn(@TempDir Path dir) throws Exception {
    Path ev = dir.resolve("cache.json");
    Files.writeString(
        ev,
        """
        {"schema_version": 1, "collector": "x", "collected_at": "2026-12-01T23:40:00Z",
         "source": "redis://127.0.0.1:6380", "observations": [
         {"key": "cache.hit_rate", "value": 0.9, "unit": "ratio",
          "window": {"start": "2026-12-01T23:39:00Z", "end": "2026-12-01T23:40:00Z", "seconds": 60}}]}
        """);
    Cli.Run r = Cli.run("advise", Cli.example("acme-shop"), "--evidence", ev.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(ev + ":3:")
        .contains("found the metric \"cache.hit_rate\"")
        .contains("did you mean \"cache.hit_ratio\"");
  }
}
