package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom simulate --plot PREFIX}: two charts, and no progress bar off a terminal. */
class SimulatePlotTest {

  @Test
  void plot_writesLatencyAndUtilisationCharts_andNothingOnStderrOffATerminal(@TempDir Path dir)
      throws IOException {
    Path prefix = dir.resolve("run");
    Cli.Run r =
        Cli.run(
            "simulate",
            Cli.example("acme-shop"),
            "--load",
            "1x",
            "--duration",
            "30s",
            "--warmup",
            "5s",
            "--replications",
            "2",
            "--spike",
            "2x@10s+5s",
            "--plot",
            prefix.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(dir.resolve("run-latency.svg"), StandardCharsets.UTF_8))
        .contains("p95 SLO 300ms")
        .contains("spike 2x at 10s for 5s");
    assertThat(Files.readString(dir.resolve("run-utilisation.svg"), StandardCharsets.UTF_8))
        .contains("db-primary")
        .contains("target 70%");
  }

  @Test
  void plot_intoAMissingDirectory_exitsTwoNamingTheOption(@TempDir Path dir) {
    Cli.Run r =
        Cli.run(
            "simulate",
            Cli.example("acme-shop"),
            "--duration",
            "10s",
            "--replications",
            "2",
            "--plot",
            dir.resolve("missing").resolve("run").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--plot").doesNotContain("Exception");
  }
}
