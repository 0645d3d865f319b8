package dev.headroom.analysis.cost;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.stage.Stage;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the cost section from the components, the price table and the capacity model: the app
 * tier's size at the growth target is the model's instance count, so this section, the capacity
 * section and the plan name one number.
 */
public final class CostAnalyzer {

  /** The knowledge this analysis carries (for {@code headroom rules --coverage}). */
  public static final List<String> KNOWLEDGE =
      List.of("$1", "$2", "$3", "$4", "$.resolve", "D5", "P13", "C1", "X2");

  private CostAnalyzer() {}

  public static CostReport assess(CapacityModel model, CostModel costs, Stage stage) {
    SystemView view = model.view();
    Settings settings = model.settings();
    List<CostLine> lines = new ArrayList<>();
    List<NotEvaluated> missing = new ArrayList<>();
    double total = 0;
    boolean complete = true;
    List<String> inputs = new ArrayList<>();
    List<String> unpriced = new ArrayList<>();
    for (Component c : view.spec().components()) {
      if (c.kind() == ComponentKind.EXTERNAL) {
        continue; // priced by their providers per call; outside the system's own bill
      }
      Optional<Figure> m = costs.monthly(c);
      if (m.isPresent()) {
        lines.add(new CostLine(c.name(), m.get(), null));
        total += m.get().value();
        inputs.add(c.name() + " = " + m.get().formatted());
      } else {
        complete = false;
        unpriced.add(c.name());
        lines.add(new CostLine(c.name(), null, costs.needs(c)));
        missing.add(
            new NotEvaluated(
                "$.resolve",
                "monthly cost of " + c.name(),
                List.of(costs.needs(c)),
                List.of(
                    "declare cost per instance (140 USD/month), or vcpu and memory to price it from the table")));
      }
    }
    Figure now =
        complete
            ? new Figure(
                total,
                Dimension.MONTHLY_COST,
                new Provenance.Derived("sum of the components' monthly costs", inputs))
            : null;
    Figure pricedPart =
        !complete && !inputs.isEmpty()
            ? new Figure(
                total,
                Dimension.MONTHLY_COST,
                new Provenance.Derived(
                    "sum of the priced components only (not priced: "
                        + String.join(", ", unpriced)
                        + "): the bill is at least this",
                    inputs))
            : null;
    String band =
        "typical for the "
            + stage.id()
            + " stage: "
            + (Double.isInfinite(stage.costTo())
                ? Units.format(stage.costFrom(), 6) + " USD/month and more ($1)"
                : Units.format(stage.costFrom(), 6)
                    + "-"
                    + Units.format(stage.costTo(), 6)
                    + " USD/month ($1)");
    if (now != null) {
      String where =
          total < stage.costFrom() ? "below" : total > stage.costTo() ? "above" : "within";
      band = now.formatted() + " is " + where + " the band " + band;
    }
    List<Scenario> vh = new ArrayList<>();
    List<Scenario> av = new ArrayList<>();
    String choice = "";
    Figure needed = neededVcpu(model, missing);
    if (needed != null) {
      double v = needed.value();
      Component app = model.app().orElseThrow();
      Figure shape = view.fact(app.fact("vcpu")).orElseThrow();
      Figure count = model.appInstancesAt(model.targetMultiple()).orElseThrow();
      Figure one = costs.machine(v, 0, "one machine with " + Units.format(v, 4) + " vCPU");
      // horizontal: the model's instance count, at the price actually paid for one instance
      Figure each =
          costs
              .perInstance(app)
              .orElse(costs.machine(shape.value(), 0, "one " + app.name() + " instance"));
      Figure many =
          new Figure(
              each.value() * count.value(),
              Dimension.MONTHLY_COST,
              new Provenance.Derived(
                  "instances needed at the growth target x one "
                      + app.name()
                      + " instance ("
                      + shape.formatted()
                      + " vCPU)",
                  List.of("instances = " + count.withKind(), "one instance = " + each.withKind())));
      Figure single = settings.singleMachineAvailability();
      boolean beyond = v > costs.largestVcpu();
      vh.add(
          new Scenario(
              "vertical",
              1,
              v,
              one,
              single,
              beyond
                  ? "beyond the largest machine in the price table ("
                      + Units.format(costs.largestVcpu(), 4)
                      + " vCPU): not possible as one machine"
                  : ""));
      vh.add(
          new Scenario(
              "horizontal",
              (long) count.value(),
              shape.value(),
              many,
              count.value() > 1 ? assumed(0.99995, "$3", "many small machines: 99.995%") : single,
              "behind a load balancer (its price is not included)"));
      choice = choose(model, one, beyond, settings);
      int[] counts = {1, 4, 16};
      double[] availability = {single.value(), 0.9999, 0.99995};
      String[] names = {"one large machine", "four medium machines", "sixteen small machines"};
      for (int i = 0; i < counts.length; i++) {
        double perMachine = Math.max(1, Math.ceil(v / counts[i]));
        Figure price = costs.machine(perMachine, 0, names[i]);
        Figure all =
            new Figure(
                price.value() * counts[i],
                Dimension.MONTHLY_COST,
                new Provenance.Derived(
                    counts[i]
                        + " x the smallest machine with "
                        + Units.format(perMachine, 4)
                        + " vCPU",
                    List.of(
                        "each = "
                            + price.formatted()
                            + " ("
                            + price.provenance().describe()
                            + ")")));
        av.add(
            new Scenario(
                names[i],
                counts[i],
                perMachine,
                all,
                i == 0
                    ? single
                    : assumed(
                        availability[i],
                        "$3",
                        names[i] + ": " + Units.format(availability[i] * 100, 6) + "%"),
                counts[i] == 1 && beyond ? "beyond the largest machine in the price table" : ""));
      }
    }
    return new CostReport(now, pricedPart, lines, band, needed, vh, choice, av, missing);
  }

  /**
   * Vertical while one machine stays under the vertical limit ($4, D5), unless one machine cannot
   * meet the availability SLO ($3) or the traffic is spiky enough that autoscaling pays (X2, P13).
   */
  private static String choose(CapacityModel model, Figure one, boolean beyond, Settings s) {
    SystemView view = model.view();
    Figure limit = s.verticalLimit();
    Figure single = s.singleMachineAvailability();
    Optional<Figure> slo = view.fact("slo.availability");
    if (beyond) {
      return "horizontal: no single machine is big enough ($4, D5)";
    }
    if (slo.isPresent() && slo.get().value() > single.value()) {
      return "horizontal: one machine gives "
          + single.formatted()
          + " availability ($3), below the promised "
          + slo.get().formatted()
          + "; several instances behind a load balancer are needed whatever the price";
    }
    Optional<Figure> spiky = spikiness(view, s);
    if (spiky.isPresent()) {
      return "horizontal with autoscaling: the peak is "
          + spiky.get().formatted()
          + " the average (X2: traffic spikes call for horizontal autoscaling, P13), so a"
          + " machine sized for the peak idles most of the day";
    }
    if (one.value() <= limit.value()) {
      return "vertical: one machine at "
          + one.formatted()
          + " stays under about "
          + limit.formatted()
          + " ($4, D5; "
          + limit.provenance().kind()
          + "); go horizontal when availability or the next step demands it";
    }
    return "horizontal: one machine would cost "
        + one.formatted()
        + ", over about "
        + limit.formatted()
        + " ($4, D5; "
        + limit.provenance().kind()
        + ")";
  }

  /**
   * The peak-to-average ratio when it is at or above HR-APP-006's spike threshold (the rule that
   * recommends autoscaling, so both say "spiky" at the same level): measured, or declared peak /
   * average.
   */
  private static Optional<Figure> spikiness(SystemView view, Settings settings) {
    Optional<Figure> ratio = view.peakToAverage();
    double spike = settings.thresholds().value("HR-APP-006", "spike");
    return ratio.filter(r -> r.value() >= spike);
  }

  /**
   * vCPUs the app tier needs at the growth target: the model's instance count there x vCPUs per
   * instance.
   */
  private static Figure neededVcpu(CapacityModel model, List<NotEvaluated> missing) {
    Optional<Component> app = model.app();
    if (app.isEmpty()) {
      return null;
    }
    Optional<Figure> vcpu = model.view().fact(app.get().fact("vcpu"));
    if (vcpu.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "$2",
              "vertical vs horizontal for " + app.get().name(),
              List.of(app.get().name() + ".vcpu"),
              List.of("declare vcpu per instance on " + app.get().name())));
      return null;
    }
    Optional<Figure> count = model.appInstancesAt(model.targetMultiple());
    if (count.isEmpty()) {
      return null;
    }
    return new Figure(
        count.get().value() * vcpu.get().value(),
        Dimension.COUNT,
        new Provenance.Derived(
            "instances needed at the growth target x vCPUs per instance (C1, C5)",
            List.of(
                "instances = " + count.get().withKind(),
                app.get().fact("vcpu") + " = " + vcpu.get().formatted())));
  }

  private static Figure assumed(double v, String k, String note) {
    return new Figure(v, Dimension.RATIO, new Provenance.Assumed(k, note));
  }
}
