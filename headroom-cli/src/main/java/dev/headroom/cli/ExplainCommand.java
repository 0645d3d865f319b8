package dev.headroom.cli;

import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.rules.Rule;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Units;
import dev.headroom.plan.Action;
import dev.headroom.plan.Actions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom explain ID}: one rule, action or knowledge id in full. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain a rule (HR-DB-003), an action (add-read-replicas) or a knowledge id (C2): what it"
            + " checks or does, its thresholds, why, and where the numbers come from.")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "A rule id, action id or knowledge id.")
  String id;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Rule> rule = RuleRegistry.byId(id);
    if (rule.isPresent()) {
      Rule r = rule.get();
      out.println(r.id() + ": " + r.title());
      out.println("layer: " + r.layer().id());
      out.println();
      out.println(r.why());
      out.println();
      if (!r.thresholds().isEmpty()) {
        out.println(
            "thresholds (override under `thresholds: { " + r.id() + ": { name: value } }`):");
        for (Threshold t : r.thresholds()) {
          out.println(
              "  "
                  + t.name()
                  + " = "
                  + Units.format(t.defaultValue(), t.dimension())
                  + "  ("
                  + t.note()
                  + "; "
                  + t.knowledge()
                  + ")");
        }
        out.println();
      }
      out.println("needs: " + String.join("; ", r.needs()));
      out.println("may recommend: " + String.join(", ", r.actions()));
      out.println();
      out.println("knowledge:");
      for (String k : r.knowledge()) {
        out.println("  " + k + ": " + Knowledge.summary(k).orElse(""));
      }
      out.flush();
      return ExitCodes.OK;
    }
    Optional<Action> action = Actions.byId(id);
    if (action.isPresent()) {
      Action a = action.get();
      out.println(a.id() + ": " + a.title());
      out.println(
          "kind: "
              + a.kind().id()
              + "; ladder: "
              + a.ladder()
              + ", step "
              + a.step().id()
              + (a.ladderSteps().isEmpty()
                  ? ""
                  : " (" + String.join(" -> ", a.ladderSteps()) + ")"));
      out.println("expected effect: " + a.effect());
      out.println("measure afterwards: " + a.verify());
      out.println("knowledge:");
      for (String k : a.knowledge()) {
        out.println("  " + k + ": " + Knowledge.summary(k).orElse(""));
      }
      out.flush();
      return ExitCodes.OK;
    }
    Optional<String> k = Knowledge.summary(id);
    if (k.isPresent()) {
      out.println(id + ": " + k.get());
      out.flush();
      return ExitCodes.OK;
    }
    List<String> all = new ArrayList<>();
    RuleRegistry.all().forEach(r -> all.add(r.id()));
    Actions.all().forEach(a -> all.add(a.id()));
    all.addAll(Knowledge.all().keySet());
    throw new BadInputException(
        new InputProblem(
            "command line",
            0,
            0,
            "ID",
            "\"" + id + "\"",
            "a rule id (headroom rules), an action id (headroom rules --actions) or a knowledge id",
            Units.Suggest.closest(id, all).orElse(null)));
  }
}
