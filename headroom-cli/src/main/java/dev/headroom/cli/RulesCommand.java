package dev.headroom.cli;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.rules.Rule;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.knowledge.Coverage;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.model.Units;
import dev.headroom.plan.Action;
import dev.headroom.plan.Actions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headroom rules}: every rule, every action, or the knowledge coverage. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "List every rule (id, layer, knowledge ids, data it needs), or the actions, or the coverage of"
            + " every knowledge id.")
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--actions", description = "List the action ids recommendations use.")
  boolean actions;

  @Option(
      names = "--coverage",
      description =
          "List every knowledge id with what carries it; exit 1 if any is not" + " carried.")
  boolean coverage;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (coverage) {
      Coverage c = Advisor.coverage();
      for (Map.Entry<String, List<String>> e : c.byId().entrySet()) {
        out.println(
            e.getKey()
                + "\t"
                + (e.getValue().isEmpty() ? "NOT COVERED" : String.join("; ", e.getValue())));
      }
      out.println();
      out.println(c.byId().size() + " knowledge ids, " + c.uncovered().size() + " not covered");
      out.flush();
      return c.uncovered().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
    if (actions) {
      for (Action a : Actions.all()) {
        out.println(
            a.id()
                + "\t"
                + a.kind().id()
                + "\t"
                + a.ladder()
                + " ("
                + a.step().id()
                + ")\t"
                + a.title()
                + "\t["
                + String.join(", ", a.knowledge())
                + "]");
      }
      out.flush();
      return ExitCodes.OK;
    }
    out.println("id\tlayer\ttitle\tknowledge\tthresholds\tneeds");
    for (Rule r : RuleRegistry.all()) {
      StringBuilder th = new StringBuilder();
      for (Threshold t : r.thresholds()) {
        if (th.length() > 0) {
          th.append(", ");
        }
        th.append(t.name()).append('=').append(Units.format(t.defaultValue(), t.dimension()));
      }
      out.println(
          r.id()
              + "\t"
              + r.layer().id()
              + "\t"
              + r.title()
              + "\t"
              + String.join(",", r.knowledge())
              + "\t"
              + (th.length() == 0 ? "-" : th)
              + "\t"
              + String.join("; ", r.needs()));
    }
    out.println();
    out.println(
        RuleRegistry.all().size()
            + " rules; `headroom explain ID` for one; "
            + Knowledge.all().size()
            + " knowledge ids (`headroom rules --coverage`)");
    out.flush();
    return ExitCodes.OK;
  }
}
