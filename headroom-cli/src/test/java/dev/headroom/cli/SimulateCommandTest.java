package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code headroom simulate}: a short run prints every format; bad options exit 2 and say why. */
class SimulateCommandTest {

  private static final String[] SHORT = {
    "--duration", "60s", "--warmup", "10s", "--replications", "3", "--seed", "7"
  };

  private static String[] args(String... more) {
    String[] out = new String[SHORT.length + more.length];
    System.arraycopy(more, 0, out, 0, more.length);
    System.arraycopy(SHORT, 0, out, more.length, SHORT.length);
    return out;
  }

  @Test
  void shortRun_printsClassesComponentsAndWhereEachInputCameFrom() {
    Cli.Run r = Cli.run(args("simulate", Cli.example("acme-shop"), "--load", "1x"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Simulation of acme-shop at 1x")
        .contains("db-primary")
        .contains("WHERE EACH INPUT CAME FROM")
        .contains("assumed: 30 s, HikariCP's default connectionTimeout");
  }

  @Test
  void json_carriesTheSchemaVersionAndIsTheSameForTheSameSeed() {
    Cli.Run a =
        Cli.run(args("simulate", Cli.example("global-users"), "--load", "2x", "-f", "json"));
    Cli.Run b =
        Cli.run(args("simulate", Cli.example("global-users"), "--load", "2x", "-f", "json"));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).startsWith("{\n  \"schemaVersion\"").contains("\"command\" : \"simulate\"");
    assertThat(b.out()).isEqualTo(a.out());
  }

  @Test
  void failureAndSpike_areInjectedAndListed() {
    Cli.Run r =
        Cli.run(
            args(
                "simulate",
                Cli.example("acme-shop"),
                "--load",
                "1x",
                "--fail",
                "web@20s..40s",
                "--spike",
                "2x@30s+10s"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Injected: failure web@20s..40s; spike 2x@30s+10s.");
  }

  @Test
  void failingSomethingThatCannotDie_exitsTwoNamingWhatCan() {
    Cli.Run r = Cli.run(args("simulate", Cli.example("acme-shop"), "--fail", "cache@1min"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "--fail: \"cache\" is not simulated as something that can die; allowed web (app)");
  }

  @Test
  void malformedSpike_exitsTwoWithTheShape() {
    Cli.Run r = Cli.run(args("simulate", Cli.example("acme-shop"), "--spike", "5x"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--spike: found \"5x\"; allowed MULTIPLE@TIME+DURATION");
  }

  @Test
  void oneReplication_isRefused() {
    Cli.Run r =
        Cli.run("simulate", Cli.example("acme-shop"), "--replications", "1", "--duration", "10s");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--replications: found 1; allowed at least 2");
  }
}
