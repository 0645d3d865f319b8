package dev.headroom.plan.roadmap;

import dev.headroom.advice.Advice;
import dev.headroom.analysis.sim.Estimate;
import dev.headroom.analysis.sim.system.ClassStatistics;
import dev.headroom.analysis.sim.system.ComponentStatistics;
import dev.headroom.analysis.sim.system.ModelSimulation;
import dev.headroom.analysis.sim.system.RequestClass;
import dev.headroom.analysis.sim.system.SystemSimulationResult;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roadmap confirmed by simulation (issue 8: "the roadmap uses [the simulator] to confirm its
 * critical steps"). A critical row is one that applies a remedy, and the growth-target row (C1):
 * for each, the system as the row leaves it (after its remedies) is simulated at the row's load
 * with {@link ModelSimulation#check} (a short run of a few seeded replications), and the row gets a
 * {@link SimulationCheck}: the simulated p95 with its confidence interval against the SLO's p95
 * (M1), and the simulated CPU of the front app and the primary against the utilisation law's figure
 * the row prints. Where the two disagree by more than the simulation's interval the check says so:
 * that is a finding about the analytic model, not noise.
 *
 * <p>A row the simulator cannot run (a model it does not map) keeps no check, and the roadmap's
 * notes say which and why, so a missing check is never silent.
 */
public final class RoadmapChecks {

  /** The simulated app tier's CPU component, as {@code SystemSimulator} names it. */
  static final String APP = "app";

  /** The single primary's component; with shards, {@link #SHARD} followed by the shard index. */
  static final String PRIMARY = "db-primary";

  static final String SHARD = "db-shard-";

  private RoadmapChecks() {}

  /**
   * The roadmap of {@link Roadmapper#of(Advice, Figure, LocalDate)} with its critical rows
   * simulated, each from {@code seed} (the same seed gives the same roadmap).
   */
  public static Roadmap of(Advice advice, Figure to, LocalDate fallbackToday, long seed) {
    Roadmapper.Walked walked = Roadmapper.walked(advice, to, fallbackToday);
    Figure slo = advice.model().view().p95Target();
    Roadmap r = walked.roadmap();
    List<RoadmapStep> steps = new ArrayList<>();
    List<String> notes = new ArrayList<>(r.notes());
    for (int i = 0; i < r.steps().size(); i++) {
      RoadmapStep step = r.steps().get(i);
      if (!critical(step)) {
        steps.add(step);
        continue;
      }
      try {
        SystemSimulationResult result =
            ModelSimulation.check(walked.models().get(i), step.multiple(), seed);
        steps.add(step.withSimulation(check(step, result, slo, seed)));
      } catch (BadInputException | IllegalArgumentException | IllegalStateException e) {
        steps.add(step);
        notes.add(
            "The simulation could not run the system the "
                + step.multiple().formatted()
                + " row leaves, so that row has no simulation check: "
                + e.getMessage());
      }
    }
    measuredLatencyNote(advice, steps).ifPresent(notes::add);
    return new Roadmap(
        r.system(),
        r.today(),
        r.todaySource(),
        r.monthlyGrowth(),
        r.to(),
        r.target(),
        steps,
        r.firstBreaks(),
        notes);
  }

  /**
   * When today's p95 is measured and the first checked row's simulated p95 is far below it, the
   * time the model leaves out (rendering, networks, calls the system file does not declare) is not
   * in any check's p95: the checks then confirm capacity and queueing, and the latency SLO is
   * judged on the measured figure. Said once, with both numbers.
   */
  private static Optional<String> measuredLatencyNote(Advice advice, List<RoadmapStep> steps) {
    Optional<Figure> measured = advice.model().view().fact("latency_p95");
    Optional<RoadmapStep> first = steps.stream().filter(s -> s.simulation() != null).findFirst();
    if (measured.isEmpty() || first.isEmpty()) {
      return Optional.empty();
    }
    Figure simulated = first.get().simulation().p95();
    if (simulated.value() * 2 >= measured.get().value()) {
      return Optional.empty();
    }
    return Optional.of(
        "The simulation checks' p95 is the modelled components' alone: "
            + simulated.formatted()
            + " at "
            + first.get().multiple().formatted()
            + " against today's measured "
            + measured.get().formatted()
            + ". Time outside the model (rendering, networks, calls the system file does not"
            + " declare) is not in it, so the checks confirm capacity and queueing; judge the p95"
            + " SLO on the measured figure (the p95 break's M/M/1 scaling starts from it).");
  }

  /** Whether the row is one the simulation confirms: it applies a remedy, or it is the target. */
  static boolean critical(RoadmapStep step) {
    return step.growthTarget() || !step.remedies().isEmpty();
  }

  /**
   * The check of one row from its simulation: the p95 of the slower of the read and write classes
   * (the SLO holds for every request, so the slower class decides), and each tier's simulated CPU
   * against the row's analytic figure after its remedies.
   */
  static SimulationCheck check(
      RoadmapStep step, SystemSimulationResult result, Figure slo, long seed) {
    ClassStatistics slowest = slowest(result);
    Estimate p95 = slowest.p95Seconds();
    String run =
        "ModelSimulation.check: "
            + p95.replications()
            + " replications of "
            + Units.formatDuration(result.plan().lengthSeconds())
            + " after "
            + Units.formatDuration(result.plan().warmupSeconds())
            + " warm-up, seed "
            + seed;
    List<String> inputs =
        List.of(
            "multiple = " + step.multiple().formatted(),
            "class = " + slowest.requestClass().id(),
            "level = " + Units.format(p95.confidence(), Dimension.RATIO));
    Figure mean =
        new Figure(
            p95.mean(),
            Dimension.DURATION,
            new Provenance.Derived(
                "mean of the replications' p95 on the system after the row's remedies ("
                    + run
                    + ")",
                inputs));
    Figure low =
        new Figure(
            Math.max(0, p95.mean() - p95.halfWidth()),
            Dimension.DURATION,
            new Provenance.Derived(
                "mean - t s / sqrt(n) over the replications' p95 (Law eq. 4.12)", inputs));
    Figure high =
        new Figure(
            p95.mean() + p95.halfWidth(),
            Dimension.DURATION,
            new Provenance.Derived(
                "mean + t s / sqrt(n) over the replications' p95 (Law eq. 4.12)", inputs));
    boolean meets = p95.mean() <= slo.value();
    List<String> parts = new ArrayList<>();
    parts.add(
        "The slower class is "
            + slowest.requestClass().id()
            + ", against the SLO's "
            + slo.formatted()
            + (low.value() <= slo.value() && slo.value() < high.value()
                ? " (its interval straddles the SLO: run simulate longer to decide)"
                : ""));
    tier(parts, "front app CPU", step.appUtilisationAfter(), appUtilisation(result));
    tier(parts, "primary CPU", step.primaryUtilisationAfter(), primaryUtilisation(result));
    return new SimulationCheck(mean, low, high, meets, String.join("; ", parts));
  }

  private static ClassStatistics slowest(SystemSimulationResult result) {
    ClassStatistics worst = null;
    for (ClassStatistics c : result.classes()) {
      if (c.requestClass() == RequestClass.ASYNC || c.throughputPerSecond().mean() <= 0) {
        continue;
      }
      if (worst == null || c.p95Seconds().mean() > worst.p95Seconds().mean()) {
        worst = c;
      }
    }
    if (worst == null) {
      throw new IllegalStateException("the simulation completed no read or write request");
    }
    return worst;
  }

  private static Optional<Estimate> appUtilisation(SystemSimulationResult result) {
    return result.components().stream()
        .filter(c -> c.name().equals(APP))
        .map(ComponentStatistics::utilization)
        .findFirst();
  }

  /**
   * The primary's simulated CPU; with shards, the mean over the shards (the analytic figure assumes
   * an even split, so the mean is what it predicts; a hot shard shows in {@code simulate}).
   */
  private static Optional<Estimate> primaryUtilisation(SystemSimulationResult result) {
    Optional<Estimate> one =
        result.components().stream()
            .filter(c -> c.name().equals(PRIMARY))
            .map(ComponentStatistics::utilization)
            .findFirst();
    if (one.isPresent()) {
      return one;
    }
    List<Estimate> shards =
        result.components().stream()
            .filter(c -> c.name().startsWith(SHARD))
            .map(ComponentStatistics::utilization)
            .toList();
    if (shards.isEmpty()) {
      return Optional.empty();
    }
    // the model's primary CPU is its hottest shard's (CapacityModel.hottestShard, P9): compare like
    // with like, the busiest simulated shard with its own interval
    return shards.stream().max(java.util.Comparator.comparingDouble(Estimate::mean));
  }

  /**
   * "front app CPU 61.2% simulated (60.8% to 61.6%) vs 61% analytic", and, when the analytic figure
   * falls outside the simulated interval, that the two disagree.
   */
  private static void tier(
      List<String> parts, String what, Figure analytic, Optional<Estimate> simulated) {
    if (analytic == null || simulated.isEmpty()) {
      return;
    }
    Estimate s = simulated.get();
    boolean agree = Math.abs(s.mean() - analytic.value()) <= s.halfWidth();
    parts.add(
        what
            + " "
            + Units.format(s.mean(), Dimension.RATIO)
            + " simulated ("
            + Units.format(Math.max(0, s.mean() - s.halfWidth()), Dimension.RATIO)
            + " to "
            + Units.format(s.mean() + s.halfWidth(), Dimension.RATIO)
            + ") vs "
            + Units.format(analytic.value(), Dimension.RATIO)
            + " by the utilisation law"
            + (agree
                ? ""
                : ": "
                    + Units.format(Math.abs(s.mean() - analytic.value()) * 100, 3)
                    + " points apart, beyond the interval: a finding about the model"));
  }
}
