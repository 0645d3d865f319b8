package dev.headroom.cli;

import dev.headroom.advice.Advisor;
import dev.headroom.knowledge.Coverage;
import dev.headroom.report.reference.ReferenceRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headroom rules}: every rule, every action, or the knowledge coverage. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "List every rule (id, layer, knowledge ids, data it needs), or the actions, or the coverage of"
            + " every knowledge id. JSON: docs/reference-schema.json.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  headroom rules -f json | jq '.rules[].id'",
      "  headroom rules --actions -f markdown"
    })
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--actions", description = "List the action ids recommendations use.")
  boolean actions;

  @Option(
      names = "--coverage",
      description =
          "List every knowledge id with what carries it; exit 1 if any is not" + " carried.")
  boolean coverage;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int exit = ExitCodes.OK;
    if (coverage) {
      Coverage c = Advisor.coverage();
      out.print(ReferenceRenderer.coverage(c, output.format));
      exit = c.uncovered().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    } else if (actions) {
      out.print(ReferenceRenderer.actions(output.format));
    } else {
      out.print(ReferenceRenderer.rules(output.format));
    }
    out.flush();
    return exit;
  }
}
