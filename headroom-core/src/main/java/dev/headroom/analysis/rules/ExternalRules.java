package dev.headroom.analysis.rules;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.Threshold;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
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
      Optional<Figure> r = ctx.measured(c, Metric.TIMEOUT_RATE);
      if (r.isEmpty()) {
        ctx.notEvaluated(
            c, List.of(c.fact("timeout_rate")), List.of(ctx.howTo(c.fact("timeout_rate"))));
        continue;
      }
      Figure t = ctx.threshold("warning");
      if (r.get().value() > t.value()) {
        List<String> actions = new ArrayList<>(List.of("add-job-queue"));
        List<Component> callers = callers(ctx, c);
        List<Optional<Boolean>> breakers =
            callers.isEmpty()
                ? List.of(breaker(c, null))
                : callers.stream().map(app -> breaker(c, app)).toList();
        boolean guarded = breakers.stream().allMatch(b -> b.orElse(false));
        boolean unknown = breakers.stream().anyMatch(Optional::isEmpty);
        if (!guarded) {
          actions.add("add-circuit-breakers");
        }
        ctx.finding(
            Severity.WARNING,
            c,
            r.get().formatted()
                + " of calls to "
                + c.name()
                + " time out"
                + (guarded
                    ? ""
                    : unknown
                        ? " (whether the calls go through a circuit breaker is not declared)"
                        : " and the calls go through no circuit breaker")
                + ".",
            List.of(new Evidence(c.fact("timeout_rate"), r.get()), new Evidence("threshold", t)),
            actions);
      }
    }
  }

  private static void rateLimited(RuleContext ctx) {
    for (Component c : ctx.view().spec().components(ComponentKind.EXTERNAL)) {
      Optional<Figure> r = ctx.measured(c, Metric.RATE_LIMITED);
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

  /**
   * Whether calls from {@code caller} to {@code ext} go through a circuit breaker, as declared on
   * either side ({@code circuit_breaker} on the service, {@code circuit_breakers} on the caller);
   * empty when neither says, which is not the same as "no" (P17: a missing breaker is a pitfall
   * only when it is known to be missing).
   */
  static Optional<Boolean> breaker(Component ext, Component caller) {
    Optional<Boolean> onService = ext.setting("circuit_breaker").map(Boolean::parseBoolean);
    Optional<Boolean> onCaller =
        caller == null
            ? Optional.empty()
            : caller.setting("circuit_breakers").map(Boolean::parseBoolean);
    if (onService.orElse(false) || onCaller.orElse(false)) {
      return Optional.of(true);
    }
    return onService.isPresent() || onCaller.isPresent() ? Optional.of(false) : Optional.empty();
  }

  private static List<Component> callers(RuleContext ctx, Component ext) {
    List<Component> out = new ArrayList<>();
    for (Component c : ctx.view().spec().components()) {
      if ((c.kind() == ComponentKind.APP || c.kind() == ComponentKind.WORKER)
          && c.uses().contains(ext.name())) {
        out.add(c);
      }
    }
    return out;
  }

  private static void noBreakers(RuleContext ctx) {
    for (Component ext : ctx.view().spec().components(ComponentKind.EXTERNAL)) {
      for (Component app : callers(ctx, ext)) {
        Optional<Boolean> b = breaker(ext, app);
        if (b.isEmpty()) {
          ctx.notEvaluated(
              app,
              List.of(app.fact("circuit_breakers")),
              List.of(
                  "declare circuit_breakers: true or false on "
                      + app.name()
                      + " (or circuit_breaker on "
                      + ext.name()
                      + ")"));
          continue;
        }
        if (b.get()) {
          continue;
        }
        boolean onCaller = app.setting("circuit_breakers").isPresent();
        Component where = onCaller ? app : ext;
        String key = onCaller ? "circuit_breakers" : "circuit_breaker";
        ctx.finding(
            Severity.INFO,
            app,
            app.name() + " calls " + ext.name() + " without a circuit breaker.",
            List.of(
                new Evidence(
                    where.name() + "." + key,
                    new Figure(
                        0,
                        Dimension.COUNT,
                        new Provenance.Declared(
                            where.location()
                                + " "
                                + where.name()
                                + "."
                                + key
                                + " = false; "
                                + app.name()
                                + ".uses includes "
                                + ext.name())))),
            List.of("add-circuit-breakers"));
      }
    }
  }
}
