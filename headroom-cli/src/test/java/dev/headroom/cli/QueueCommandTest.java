package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QueueCommandTest {

  /** Exit code, standard output and standard error of one run. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Headroom.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void mmc_printsTheAirportWithItsPercentile() {
    Run r =
        run(
            "queue",
            "mmc",
            "--arrival",
            "240/h",
            "--service",
            "15s",
            "--servers",
            "2",
            "--percentile",
            "95");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("M/M/2 queue")
        .contains("utilisation ρ            50%")
        .contains("mean number waiting Lq   0.333333")
        .contains("mean response time W     20s")
        .contains("p95")
        .contains("57.247s");
  }

  @Test
  void mm1_json_usesSecondsAndTheAdvisorsFieldNames() {
    Run r = run("queue", "mm1", "--arrival", "4/s", "--service", "200ms", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"model\" : \"M/M/1\"")
        .contains("\"utilization\" : 0.8")
        .contains("\"probabilityOfWaiting\" : 0.8")
        .contains("\"meanQueueLength\" : 3.2")
        .contains("\"meanWaitingTime\" : 0.8")
        .contains("\"meanResponseTime\" : 1.0")
        .contains("\"percentile\" : 0.99");
  }

  @Test
  void mg1_takesTheServiceTimeVariability() {
    Run r =
        run(
            "queue",
            "mg1",
            "--arrival",
            "4/s",
            "--service",
            "200ms",
            "--service-cv",
            "1.5",
            "--format",
            "markdown");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("# M/G/1 queue").contains("| mean waiting time Wq | 1.3s |");
    Run sd = run("queue", "mg1", "--arrival", "4/s", "--service", "200ms", "--service-sd", "300ms");
    assertThat(sd.out()).contains("service-time CV      1.5");
  }

  @Test
  void little_computesTheMissingTerm() {
    Run r = run("queue", "little", "--arrival", "1200/s", "--time", "40ms");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("mean number in system L      48");
    Run w = run("queue", "little", "--population", "48", "--arrival", "1200/s", "--format", "json");
    assertThat(w.out())
        .contains("\"solvedFor\" : \"time-in-system\"")
        .contains("\"timeInSystem\" : 0.04");
    Run bad = run("queue", "little", "--population", "48");
    assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err())
        .contains("give exactly two of --population, --arrival and --time (found 1)");
  }

  @Test
  void size_findsTheFewestServersForAWaitTarget() {
    Run r =
        run(
            "queue",
            "size",
            "--arrival",
            "1200/s",
            "--service",
            "40ms",
            "--of",
            "waiting",
            "--target-p99",
            "5ms",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"report\" : \"servers\"")
        .contains("\"servers\" : 61")
        .contains("\"metric\" : \"waiting-time\"");
  }

  @Test
  void size_withServersFindsTheLargestArrivalRate() {
    Run r =
        run(
            "queue",
            "size",
            "--servers",
            "60",
            "--service",
            "40ms",
            "--target",
            "150ms",
            "--percentile",
            "95");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("largest arrival rate     1459.67/s");
  }

  @Test
  void size_refusesATargetBelowTheServiceTimeItselfWithExitTwo() {
    Run r =
        run("queue", "size", "--arrival", "1200/s", "--service", "40ms", "--target-p95", "100ms");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .contains("no number of servers meets a p95 response time")
        .contains("p95 = 0.119829 s");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unstableInput_exitsTwoSayingTheUtilisation() {
    Run r = run("queue", "mmc", "--arrival", "100/s", "--service", "50ms", "--servers", "4");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("unstable queue").contains("= 1.25,").contains("at least 6");
  }

  @Test
  void badQuantities_exitTwoWithWhatIsAllowed() {
    Run unit = run("queue", "mm1", "--arrival", "4/fortnight", "--service", "200ms");
    assertThat(unit.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unit.err()).contains("--arrival").contains("a rate per second").contains("240/h");
    Run bare = run("queue", "mm1", "--arrival", "4/s", "--service", "200");
    assertThat(bare.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bare.err()).contains("(no unit)");
    Run negative = run("queue", "mm1", "--arrival", "-4/s", "--service", "200ms");
    assertThat(negative.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(negative.err()).contains("negative");
    Run fraction =
        run("queue", "mm1", "--arrival", "4/s", "--service", "200ms", "--percentile", "0.95");
    assertThat(fraction.err()).contains("did you mean \"95\"?");
    Run format = run("queue", "mm1", "--arrival", "1/s", "--service", "200ms", "--format", "jsn");
    assertThat(format.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(format.err()).contains("did you mean \"json\"?");
  }

  @Test
  void mva_solvesTheShippedJainExample() {
    Run r = run("queue", "mva", "../examples/queueing/jain-central-server.yaml");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("exact MVA").contains("0.333247/s").contains("56.016s");
    Run j =
        run(
            "queue",
            "mva",
            "../examples/queueing/jmt-two-class.yaml",
            "--approximate",
            "--format",
            "json");
    assertThat(j.exit()).as(j.err()).isZero();
    assertThat(j.out())
        .contains("\"algorithm\" : \"bard-schweitzer\"")
        .contains("\"throughput\" : 0.6384")
        .contains("\"queueLength\"");
  }

  @Test
  void mva_badModelExitsTwoNamingFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("m.yaml");
    Files.writeString(
        f, "classes:\n  - name: u\n    population: 2\nstations:\n  - name: cpu\n    demnd: 1s\n");
    Run r = run("queue", "mva", f.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .contains(f + ":6:5: stations[0].demnd: found the unknown key \"demnd\"")
        .contains("did you mean \"demand\"?");
    Run missing = run("queue", "mva", dir.resolve("nope.yaml").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("nope.yaml").contains("found no such file");
  }

  @Test
  void queue_isRegisteredAndListsItsSubcommands() {
    Run r = run("queue", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("little")
        .contains("mm1")
        .contains("mmc")
        .contains("mg1")
        .contains("size")
        .contains("mva");
  }
}
