package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every quantity option at its boundaries: the last value allowed runs (exit 0), the first value
 * beyond, zero where it means nothing, negatives, NaN, infinities and values that overflow a double
 * exit 2 naming the option, what was found and what is allowed, never an internal error (exit 3).
 */
class OptionBoundsTest {

  private static final String CISCO = "src/test/resources/fit/cisco_schwartz.csv";
  private static final String JAIN = "../examples/queueing/jain-central-server.yaml";

  record Run(int exit, String out, String err) {}

  static Run run(List<String> args) {
    CommandLine cl = Headroom.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * One option in a command line that works: {@code base} with {@code option value} appended runs
   * when the value is allowed.
   */
  record Case(String option, List<String> base, List<String> allowed, List<String> refused) {}

  /** Values no quantity option takes, whatever its dimension. */
  private static final List<String> NEVER = List.of("NaN", "Infinity", "-Infinity", "1e400", "");

  static List<Case> cases() {
    List<String> fit = List.of("fit", CISCO);
    return List.of(
        new Case(
            "--at",
            fit,
            List.of("0.001", "48", "1e9"),
            List.of("0", "-0", "-3", "1.000001e9", "1e308", "48x", "48/s")),
        new Case(
            "--concurrency",
            fit,
            List.of("0.001", "50", "1e9"),
            List.of("0", "-1", "1.1e9", "1e308", "50 users")),
        new Case(
            "--throughput",
            fit,
            List.of("1e-6", "1200", "1200/s", "72000/min", "1200 rps", "1e9/s"),
            List.of("0", "0/s", "-5/s", "1.1e9/s", "1e308", "5/fortnight")),
        new Case(
            "--arrival",
            List.of("queue", "mmc", "--service", "1ns", "--servers", "2"),
            List.of("0/s", "0", "240/h", "1e9/s"),
            List.of("-1/s", "1.1e9/s", "1e308/s", "4/fortnight")),
        new Case(
            "--service",
            List.of("queue", "mmc", "--arrival", "1e-9/s", "--servers", "2"),
            List.of("1ns", "15s", "1 year", "365.25d"),
            List.of("0s", "0", "-1s", "366d", "200", "15 parsecs")),
        new Case(
            "--servers",
            List.of("queue", "mmc", "--arrival", "1/s", "--service", "100ms"),
            List.of("1", "2K", "1e6"),
            List.of("0", "-1", "2.5", "1000001", "1e308", "2 servers")),
        new Case(
            "--percentile",
            List.of("queue", "mm1", "--arrival", "1/s", "--service", "100ms"),
            List.of("1", "p95", "99.9%", "99.9999"),
            List.of("0", "0.95", "100", "101", "-5")),
        new Case(
            "--population",
            List.of("queue", "little", "--time", "40ms"),
            List.of("0", "48", "1e9"),
            List.of("-1", "1.1e9", "1e308", "48ms")),
        new Case(
            // --time is an alias of --response-time, the name picocli reports
            "--response-time",
            List.of("queue", "little", "--arrival", "1200/s"),
            List.of("0s", "40ms", "1 year"),
            List.of("-1s", "2 years", "40", "1e308s")),
        new Case(
            "--service-cv",
            List.of("queue", "mg1", "--arrival", "1/s", "--service", "100ms"),
            List.of("0", "1.5", "1000"),
            List.of("-1", "1000.5", "1e200", "150%")),
        new Case(
            "--service-sd",
            List.of("queue", "mg1", "--arrival", "1/s", "--service", "100ms"),
            List.of("0s", "300ms", "1 year"),
            List.of("-1ms", "2 years", "300")),
        new Case(
            "--target-p99",
            List.of("queue", "size", "--arrival", "1200/s", "--service", "40ms"),
            List.of("200ms", "1 year"),
            List.of("0ms", "0", "-1ms", "2 years", "200")),
        new Case(
            "--target",
            List.of("queue", "size", "--servers", "60", "--service", "40ms"),
            List.of("150ms", "1 year"),
            List.of("0s", "-150ms", "2 years")),
        new Case(
            "--servers",
            List.of("queue", "size", "--service", "40ms", "--target", "150ms"),
            List.of("1", "60", "1e6"),
            List.of("0", "-60", "6.5", "1.1e6")),
        new Case(
            "--tolerance",
            List.of("queue", "mva", JAIN, "--approximate"),
            List.of("1e-12", "0.5"),
            List.of("0", "-1e-6", "0.6", "1e308")));
  }

  static Stream<Arguments> allowed() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : cases()) {
      for (String v : c.allowed()) {
        out.add(Arguments.of(c.base(), c.option(), v));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> refused() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : cases()) {
      List<String> values = new ArrayList<>(c.refused());
      values.addAll(NEVER);
      for (String v : values) {
        out.add(Arguments.of(c.base(), c.option(), v));
      }
    }
    return out.stream();
  }

  private static List<String> with(List<String> base, String option, String value) {
    List<String> args = new ArrayList<>(base);
    args.add(option);
    args.add(value);
    return args;
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("allowed")
  void allowedValue_runs(List<String> base, String option, String value) {
    Run r = run(with(base, option, value));
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} {1} \"{2}\"")
  @MethodSource("refused")
  void refusedValue_exitsTwoNamingOptionFoundAndAllowed(
      List<String> base, String option, String value) {
    Run r = run(with(base, option, value));
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("option '" + option + "'")
        .contains("found")
        .contains("allowed")
        .doesNotContain("Exception")
        .doesNotContain("internal error");
    if (!value.isEmpty()) {
      assertThat(r.err()).contains(value.strip());
    }
  }

  @Test
  void theIssuesCases_exitTwoWithTheRange() {
    Run at = run(List.of("fit", CISCO, "--at", "1e308"));
    assertThat(at.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(at.err())
        .contains(
            "option '--at' (N): found \"1e308\" (above 1e9); allowed a concurrency above 0 and at"
                + " most 1e9, such as 48");
    Run n = run(List.of("fit", CISCO, "--concurrency", "1e308"));
    assertThat(n.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(n.err()).contains("--concurrency").contains("found \"1e308\" (above 1e9)");
    Run zero = run(List.of("fit", CISCO, "--throughput", "0/s"));
    assertThat(zero.err()).contains("found \"0/s\" (zero); allowed a rate per second above 0");
    Run negative = run(List.of("fit", CISCO, "--at", "-3"));
    assertThat(negative.err()).contains("found \"-3\" (negative)");
  }

  @Test
  void throughputWithUnits_meansTheSameAsABareRatePerSecond() {
    Run bare = run(List.of("fit", CISCO, "--throughput", "12000", "-f", "json"));
    Run perSecond = run(List.of("fit", CISCO, "--throughput", "12000/s", "-f", "json"));
    Run perMinute = run(List.of("fit", CISCO, "--throughput", "720000/min", "-f", "json"));
    assertThat(bare.exit()).as(bare.err()).isZero();
    assertThat(perSecond.out()).isEqualTo(bare.out());
    assertThat(perMinute.out()).isEqualTo(bare.out());
  }

  @Test
  void unitSlip_suggestsTheUnitMeant() {
    Run r = run(List.of("queue", "mm1", "--arrival", "4/s", "--service", "200mss"));
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("unknown unit \"mss\"").contains("did you mean \"ms\"?");
  }
}
