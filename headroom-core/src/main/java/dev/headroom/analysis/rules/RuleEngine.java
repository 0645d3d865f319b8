package dev.headroom.analysis.rules;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Thresholds;
import dev.headroom.analysis.stage.StageAssessment;
import java.util.ArrayList;
import java.util.List;

/** Runs every registered rule against a system. */
public final class RuleEngine {

  /** Findings, and rules that could not run for lack of data. */
  public record Result(List<Finding> findings, List<NotEvaluated> notEvaluated) {
    public Result {
      findings = List.copyOf(findings);
      notEvaluated = List.copyOf(notEvaluated);
    }
  }

  private RuleEngine() {}

  public static Result run(SystemView view, Thresholds thresholds, StageAssessment stage) {
    List<Finding> findings = new ArrayList<>();
    List<NotEvaluated> missing = new ArrayList<>();
    RuleContext ctx = new RuleContext(view, thresholds, stage, findings, missing);
    for (Rule rule : RuleRegistry.all()) {
      ctx.setRule(rule);
      rule.check().run(ctx);
    }
    return new Result(findings, missing);
  }
}
