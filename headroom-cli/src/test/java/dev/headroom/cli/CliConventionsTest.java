package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.report.SchemaVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every command shares: {@code -f/--format} with JSON carrying the one schema version, help
 * that gives every option's unit and an example, a top-level help listing every command, and a real
 * {@code --version}.
 */
class CliConventionsTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

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

  /** Every command line that prints a result, without its format option. */
  static Stream<List<String>> printingCommands() {
    return Stream.of(
        List.of("advise", "../examples/startup-not-yet/system.yaml"),
        List.of("rules"),
        List.of("rules", "--actions"),
        List.of("rules", "--coverage"),
        List.of("explain", "HR-DB-003"),
        List.of("explain", "add-read-replicas"),
        List.of("explain", "C2"),
        List.of("queue", "little", "--arrival", "1200/s", "--time", "40ms"),
        List.of("queue", "mm1", "--arrival", "4/s", "--service", "200ms"),
        List.of("queue", "mmc", "--arrival", "240/h", "--service", "15s", "--servers", "2"),
        List.of("queue", "mg1", "--arrival", "4/s", "--service", "200ms"),
        List.of(
            "queue", "size", "--arrival", "1200/s", "--service", "40ms", "--target-p99", "200ms"),
        List.of("queue", "mva", "../examples/queueing/jain-central-server.yaml"),
        List.of("fit", "src/test/resources/fit/cisco_schwartz.csv", "--throughput", "12000/s"),
        List.of(
            "simulate",
            "../examples/startup-not-yet/system.yaml",
            "--duration",
            "20s",
            "--warmup",
            "5s",
            "--replications",
            "2"));
  }

  private static String[] with(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("printingCommands")
  void shortFormatJson_writesJsonWithTheOneSchemaVersion(List<String> command) {
    Run r = run(with(command, "-f", "json"));
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.propertyNames().iterator().next()).isEqualTo("schemaVersion");
    assertThat(json.get("schemaVersion").asString()).isEqualTo(SchemaVersion.CURRENT.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("printingCommands")
  void longFormatMarkdown_startsWithAHeadingOrTable(List<String> command) {
    Run r = run(with(command, "--format", "md"));
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).matches("(?s)^(#|\\|).*");
    Run text = run(with(command, "--format", "TEXT"));
    assertThat(text.out()).isEqualTo(run(command.toArray(String[]::new)).out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("printingCommands")
  void misspeltFormat_exitsTwoWithDidYouMean(List<String> command) {
    Run r = run(with(command, "-f", "jsn"));
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("unknown output format \"jsn\"; allowed: text, markdown, json")
        .contains("did you mean \"json\"?");
  }

  /** Every command and subcommand, depth first. */
  private static List<CommandLine> allCommands(CommandLine cl) {
    List<CommandLine> all = new ArrayList<>(List.of(cl));
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!all.contains(sub)) {
        all.addAll(allCommands(sub));
      }
    }
    return all;
  }

  @Test
  void everyOptionThatTakesAValue_saysWhatItLooksLike() {
    List<String> missing = new ArrayList<>();
    for (CommandLine cl : allCommands(Headroom.commandLine())) {
      CommandSpec spec = cl.getCommandSpec();
      for (OptionSpec o : spec.options()) {
        if (o.arity().max() == 0) {
          continue; // a flag: nothing to spell
        }
        String text = String.join(" ", o.description());
        if (!text.contains("such as")) {
          missing.add(spec.qualifiedName() + " " + o.longestName() + ": " + text);
        }
      }
    }
    assertThat(missing).as("options without an example (\"such as ...\")").isEmpty();
  }

  @Test
  void everyPrintingCommand_takesTheSameFormatOption() {
    List<String> printing = new ArrayList<>();
    for (CommandLine cl : allCommands(Headroom.commandLine())) {
      CommandSpec spec = cl.getCommandSpec();
      OptionSpec f = spec.findOption("--format");
      if (f == null) {
        continue;
      }
      printing.add(spec.qualifiedName());
      assertThat(f.names()).as(spec.qualifiedName()).containsExactly("-f", "--format");
      assertThat(f.converters()[0]).isInstanceOf(Converters.OutputFormatConverter.class);
    }
    assertThat(printing)
        .contains(
            "headroom advise",
            "headroom rules",
            "headroom explain",
            "headroom fit",
            "headroom queue mmc",
            "headroom queue mva",
            "headroom queue little",
            "headroom queue size");
  }

  @Test
  void topLevelHelp_listsEveryCommandAndTheExitCodes() {
    Run r = run("--help");
    assertThat(r.exit()).isZero();
    for (String name : Headroom.commandLine().getSubcommands().keySet()) {
      assertThat(r.out()).containsPattern("(?m)^  " + name + "\\s");
    }
    assertThat(r.out())
        .contains("Exit codes:")
        .contains("2   bad usage or bad input")
        .contains("3   an internal error");
  }

  @Test
  void version_printsTheMavenVersionAndTheJavaRuntime() {
    String expected = System.getProperty("headroom.expectedVersion");
    assertThat(expected).as("set by the surefire configuration in the POM").isNotBlank();
    for (String flag : List.of("--version", "-V")) {
      Run r = run(flag);
      assertThat(r.exit()).isZero();
      String[] lines = r.out().split("\n");
      assertThat(lines[0]).isEqualTo("headroom " + expected);
      assertThat(lines[1])
          .startsWith("Java " + System.getProperty("java.version") + " (")
          .contains(System.getProperty("os.arch"));
      assertThat(r.err()).isEmpty();
    }
  }
}
