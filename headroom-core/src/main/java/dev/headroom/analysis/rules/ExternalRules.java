package dev.headroom.analysis.rules;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.Threshold;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rules about third-party services the system calls. */
final class ExternalRules {

  private ExternalRules() {}

  static List<Rule> all() {
    return List.of(
        new Rule(
            "HR-EXT-001",
            Layer.EXTERNAL,
            "External service times out",
            "Timeouts from a third party hold threads and connections and spread into your own latency; move the"
                + " call off the request path and guard it with a circuit breaker.",
            List.of("D2", "X1", "P12"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    0.001,
                    "M5",
                    "more than the 0.1% error budget of calls time out")),
            List.of("<external>.timeout_rate"),
            List.of("add-job-queue", "add-circuit-breakers"),
            ExternalRules::timeouts),
        new Rule(
            "HR-EXT-002",
            Layer.EXTERNAL,
            "External service rate-limits calls",
            "Rate-limited calls fail or retry; cache the responses and queue the calls that can wait.",
            List.of("D2"),
            List.of(
                new Threshold(
                    "warning", Dimension.RATIO, 0.0, "D2", "any call refused by the rate limit")),
            List.of("<external>.rate_limited"),
            List.of("add-app-cache", "add-job-queue"),
            ExternalRules::rateLimited),
        new Rule(
            "HR-EXT-003",
            Layer.EXTERNAL,
            "External calls without circuit breakers",
            "Without a circuit breaker a slow dependency takes the whole service down with it.",
            List.of("P16", "P17", "D2"),
            List.of(),
            List.of("external components, and circuit_breakers on the apps that call them"),
            List.of("add-circuit-breakers"),
            ExternalRules::noBreakers));
  }

  private static void timeouts(RuleContext ctx) {
    for (Component c : ctx.view().spec().components(ComponentKind.EXTERNAL)) {
      Optional<Figure> r = ctx.view().fact(c.fact("timeout_rate"));
      if (r.isEmpty()) {
        ctx.notEvaluated(
            c, List.of(c.fact("timeout_rate")), List.of(ctx.howTo(c.fact("timeout_rate"))));
        continue;
      }
      Figure t = ctx.threshold("warning");
      if (r.get().value() > t.value()) {
        List<String> actions = new ArrayList<>(List.of("add-job-queue"));
        if (!c.flag("circuit_breaker")) {
          actions.add("add-circuit-breakers");
        }
        ctx.finding(
            Severity.WARNING,
            c,
            r.get().formatted() + " of calls to " + c.name() + " time out.",
            List.of(new Evidence(c.fact("timeout_rate"), r.get()), new Evidence("threshold", t)),
            actions);
      }
    }
  }

  private static void rateLimited(RuleContext ctx) {
    for (Component c : ctx.view().spec().components(ComponentKind.EXTERNAL)) {
      Optional<Figure> r = ctx.view().fact(c.fact("rate_limited"));
      if (r.isPresent() && r.get().value() > ctx.threshold("warning").value()) {
        ctx.finding(
            Severity.WARNING,
            c,
            r.get().formatted() + " of calls to " + c.name() + " are rate-limited.",
            List.of(new Evidence(c.fact("rate_limited"), r.get())),
            List.of("add-app-cache", "add-job-queue"));
      }
    }
  }

  private static void noBreakers(RuleContext ctx) {
    for (Component ext : ctx.view().spec().components(ComponentKind.EXTERNAL)) {
      if (ext.flag("circuit_breaker")) {
        continue;
      }
      for (Component app : ctx.view().spec().components()) {
        if ((app.kind() == ComponentKind.APP || app.kind() == ComponentKind.WORKER)
            && app.uses().contains(ext.name())
            && !app.flag("circuit_breakers")) {
          ctx.finding(
              Severity.INFO,
              app,
              app.name() + " calls " + ext.name() + " without a circuit breaker.",
              List.of(
                  new Evidence(
                      app.name() + ".uses",
                      new Figure(
                          1,
                          Dimension.COUNT,
                          new Provenance.Declared(
                              app.location()
                                  + " "
                                  + app.name()
                                  + ".uses includes "
                                  + ext.name())))),
              List.of("add-circuit-breakers"));
        }
      }
    }
  }
}
