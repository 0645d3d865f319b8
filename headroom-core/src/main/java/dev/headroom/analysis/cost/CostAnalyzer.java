package dev.headroom.analysis.cost;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.Capacity;
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

/** Builds the cost section from the components, the price table and the capacity plan. */
public final class CostAnalyzer {

  /** The knowledge this analysis carries (for {@code headroom rules --coverage}). */
  public static final List<String> KNOWLEDGE =
      List.of("$1", "$2", "$3", "$4", "$.resolve", "D5", "P13", "C1");

  /** $4 and D5: vertical scaling is the cheap first move up to about this monthly cost. */
  static final double VERTICAL_LIMIT_USD = 500;

  /** P13: the utilisation servers are planned to run at. */
  static final double TARGET_UTILISATION = 0.70;

  private CostAnalyzer() {}

  public static CostReport assess(
      SystemView view, CostModel costs, Capacity capacity, Stage stage) {
    List<CostLine> lines = new ArrayList<>();
    List<NotEvaluated> missing = new ArrayList<>();
    double total = 0;
    boolean complete = true;
    List<String> inputs = new ArrayList<>();
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
    Figure needed = neededVcpu(view, capacity, missing);
    if (needed != null) {
      double v = needed.value();
      Figure one = costs.machine(v, 0, "one machine with " + Units.format(v, 4) + " vCPU");
      // horizontal: more of the instances the app already runs, at the price actually paid for them
      Component app = view.frontApp().orElseThrow();
      double shape = view.fact(app.fact("vcpu")).map(Figure::value).orElse(4.0);
      Figure each =
          costs.perInstance(app).orElse(costs.machine(shape, 0, "one " + app.name() + " instance"));
      long count = (long) Math.max(2, Math.ceil(v / shape));
      Figure many =
          new Figure(
              each.value() * count,
              Dimension.MONTHLY_COST,
              new Provenance.Derived(
                  count
                      + " x one "
                      + app.name()
                      + " instance ("
                      + Units.format(shape, 4)
                      + " vCPU)",
                  List.of("one instance = " + each.withKind())));
      boolean beyond = v > 64;
      vh.add(
          new Scenario(
              "vertical",
              1,
              v,
              one,
              assumed(0.999, "$3", "one machine: 99.9%"),
              beyond
                  ? "beyond the largest machine in the price table (64 vCPU): not possible as one machine"
                  : ""));
      vh.add(
          new Scenario(
              "horizontal",
              count,
              shape,
              many,
              assumed(0.99995, "$3", "many small machines: 99.995%"),
              "behind a load balancer (its price is not included)"));
      boolean vertical = !beyond && one.value() <= VERTICAL_LIMIT_USD;
      choice =
          vertical
              ? "vertical: one machine at "
                  + one.formatted()
                  + " stays under about 500 USD/month ($4, D5); go horizontal"
                  + " when availability or the next step demands it"
              : "horizontal: "
                  + (beyond
                      ? "no single machine is big enough"
                      : "one machine would cost " + one.formatted() + ", over about 500 USD/month")
                  + " ($4, D5)";
      int[] counts = {1, 4, 16};
      double[] availability = {0.999, 0.9999, 0.99995};
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
                assumed(
                    availability[i],
                    "$3",
                    names[i] + ": " + Units.format(availability[i] * 100, 6) + "%"),
                counts[i] == 1 && v > 64 ? "beyond the largest machine in the price table" : ""));
      }
    }
    return new CostReport(now, lines, band, needed, vh, choice, av, missing);
  }

  /**
   * vCPUs the app tier needs at the growth target: today's vCPUs x (CPU now / 70%) x growth when
   * CPU is measured, else today's vCPUs x growth x the safety margin.
   */
  private static Figure neededVcpu(SystemView view, Capacity capacity, List<NotEvaluated> missing) {
    List<Component> apps = view.spec().components(ComponentKind.APP);
    if (apps.isEmpty()) {
      return null;
    }
    Component app = apps.get(0);
    Optional<Figure> vcpu = view.fact(app.fact("vcpu"));
    if (vcpu.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "$2",
              "vertical vs horizontal for " + app.name(),
              List.of(app.name() + ".vcpu"),
              List.of("declare vcpu per instance on " + app.name())));
      return null;
    }
    double instances = view.spec().instances(app);
    double growth = capacity.value("growth_factor", 1);
    Optional<Figure> cpu = view.fact(app.fact("cpu"));
    double now = vcpu.get().value() * instances;
    if (cpu.isPresent()) {
      return new Figure(
          Math.ceil(now * cpu.get().value() / TARGET_UTILISATION * growth),
          Dimension.COUNT,
          new Provenance.Derived(
              "ceil(vCPUs now x CPU now / 70% x growth factor) (P13, C1)",
              List.of(
                  "vCPUs now = " + Units.format(now, 6),
                  app.fact("cpu") + " = " + cpu.get().formatted(),
                  "growth factor = " + Units.format(growth, 4))));
    }
    return new Figure(
        Math.ceil(now * growth * 1.5),
        Dimension.COUNT,
        new Provenance.Derived(
            "ceil(vCPUs now x growth factor x safety margin 1.5) (C1)",
            List.of(
                "vCPUs now = " + Units.format(now, 6),
                "growth factor = " + Units.format(growth, 4))));
  }

  private static Figure assumed(double v, String k, String note) {
    return new Figure(v, Dimension.RATIO, new Provenance.Assumed(k, note));
  }
}
