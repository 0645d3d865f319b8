package dev.headroom.cli;

import dev.headroom.model.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code headroom} command: where a system stands, what limits it, what next, how far. */
@Command(
    name = "headroom",
    mixinStandardHelpOptions = true,
    versionProvider = Headroom.Version.class,
    description =
        "A scalability advisor: where a system stands, what limits it, what to do next, how far it will go.",
    subcommands = {
      AdviseCommand.class,
      InitCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      QueueCommand.class,
      FitCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Headroom {

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces for errors.")
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

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Headroom.class.getPackage().getImplementationVersion();
      return new String[] {"headroom " + (v == null ? "development build" : v)};
    }
  }
}
