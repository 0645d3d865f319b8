package dev.headroom.cli;

import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Units;
import dev.headroom.plan.Actions;
import dev.headroom.report.reference.ReferenceRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom explain ID}: one rule, action or knowledge id in full. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain a rule (HR-DB-003), an action (add-read-replicas) or a knowledge id (C2): what it"
            + " checks or does, its thresholds, why, and where the numbers come from. JSON:"
            + " docs/reference-schema.json.",
    footerHeading = "%nExamples:%n",
    footer = {"  headroom explain HR-DB-003", "  headroom explain add-read-replicas -f json"})
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ID",
      description = "A rule id, action id or knowledge id, such as HR-DB-003, add-cdn or C2.")
  String id;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    String text =
        ReferenceRenderer.explain(id, output.format)
            .orElseThrow(
                () -> {
                  List<String> all = new ArrayList<>();
                  RuleRegistry.all().forEach(r -> all.add(r.id()));
                  Actions.all().forEach(a -> all.add(a.id()));
                  all.addAll(Knowledge.all().keySet());
                  return new BadInputException(
                      new InputProblem(
                          "command line",
                          0,
                          0,
                          "ID",
                          "\"" + id + "\"",
                          "a rule id (headroom rules), an action id (headroom rules --actions) or a"
                              + " knowledge id",
                          Units.Suggest.closest(id, all).orElse(null)));
                });
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return ExitCodes.OK;
  }
}
