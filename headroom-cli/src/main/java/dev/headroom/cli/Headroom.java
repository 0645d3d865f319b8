package dev.headroom.cli;

import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code headroom} command: where a system stands, what limits it, what next, how far. */
@Command(
    name = "headroom",
    mixinStandardHelpOptions = true,
    versionProvider = Headroom.Version.class,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:a finding at or above --fail-on (advise), or a knowledge id not carried (rules"
          + " --coverage)",
      "2:bad usage or bad input: every problem with what was found and what is allowed",
      "3:an internal error, a bug in headroom: report it with the --debug trace"
    },
    description =
        "A scalability advisor: where a system stands, what limits it, what to do next, how far it will go.",
    subcommands = {
      AdviseCommand.class,
      PlanCommand.class,
      InitCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      QueueCommand.class,
      FitCommand.class,
      CompareCommand.class,
      SimulateCommand.class,
      CollectCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Headroom {

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces for errors (with exit code 2 or 3).")
  boolean debug;

  /** Builds the command line with every subcommand and the one exception handler. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Headroom());
    cl.setExecutionExceptionHandler(Headroom::handle);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("headroom: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.BAD_INPUT;
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    boolean debug = parseResult.hasMatchedOption("--debug");
    for (CommandLine.ParseResult sub = parseResult; sub != null; sub = sub.subcommand()) {
      debug |= sub.hasMatchedOption("--debug");
    }
    if (ex instanceof BadInputException bad) {
      err.println("headroom: " + bad.getMessage());
      if (debug) {
        ex.printStackTrace(err);
      }
      return ExitCodes.BAD_INPUT;
    }
    err.println("headroom: internal error: " + ex);
    if (debug) {
      ex.printStackTrace(err);
    } else {
      err.println("(run again with --debug for the stack trace, and report it)");
    }
    return ExitCodes.INTERNAL;
  }

  /**
   * {@code headroom --version}: the Maven project version (written into {@code version.properties}
   * by resource filtering at build time, so it is right in the jar and in tests alike) and the Java
   * runtime it runs on, the two facts a bug report needs.
   */
  static final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
      return new String[] {
        "headroom " + projectVersion(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.vm.version")
            + "), "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
      };
    }

    /** The version Maven filtered in, or a plain statement when this is not a Maven build. */
    static String projectVersion() {
      Properties p = new Properties();
      try (InputStream in = Headroom.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // an unreadable resource in our own jar: report the build as unknown below
      }
      String v = p.getProperty("version", "");
      // unfiltered (an IDE build that skipped Maven's resource filtering) counts as unknown
      return v.isBlank() || v.startsWith("${") ? "(unknown version: not built by Maven)" : v;
    }
  }
}
