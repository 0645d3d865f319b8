package dev.headroom.advice;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.forecast.ForecastSettings;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Series;
import dev.headroom.ingest.evidence.Setting;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.SystemSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges evidence files into a system's facts, before any analysis. The rules (docs/evidence.md):
 *
 * <ul>
 *   <li>An observation belongs to the component it names ({@code "component": "cache"}), which must
 *       exist and be of the key's kind; without a name, to the first component of that kind in the
 *       system file. System-wide keys ({@code latency_p95}) belong to the system.
 *   <li>Measured beats declared: evidence replaces a declared value ({@code db.max_connections}).
 *   <li>Between evidence files, the newer {@code collected_at} wins (on a tie, the one named
 *       later).
 *   <li>A series ({@code series[]}) belongs to a component by the same rule as an observation, and
 *       between files the newer collection's series of a key wins.
 *   <li>An {@code rps} series long enough to forecast replaces {@code workload.growth} with its
 *       measured growth interval ({@link MeasuredGrowth}).
 *   <li>Against the system file's own {@code observations}: the newer wins, the file's side dated
 *       by {@code observations_at}; undated observations lose to evidence.
 * </ul>
 */
final class MeasuredEvidence {

  /**
   * What evidence made of a specification: its new facts and settings, and what it could not see.
   */
  record Applied(SystemSpec spec, List<NotEvaluated> unseen, List<MeasuredSeries> series) {
    Applied {
      unseen = List.copyOf(unseen);
      series = List.copyOf(series);
    }
  }

  /** The {@code rule} column of "not evaluated" entries that come from collectors. */
  static final String UNSEEN_OWNER = "evidence";

  private MeasuredEvidence() {}

  static Applied apply(SystemSpec spec, List<EvidenceFile> files) {
    if (files.isEmpty()) {
      return new Applied(spec, List.of(), List.of());
    }
    List<InputProblem> problems = new ArrayList<>();
    Map<String, Figure> figures = new LinkedHashMap<>();
    Map<String, Instant> at = new LinkedHashMap<>();
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    List<NotEvaluated> unseen = new ArrayList<>();
    Map<String, MeasuredSeries> series = new LinkedHashMap<>();
    Map<String, Instant> seriesAt = new LinkedHashMap<>();
    for (EvidenceFile f : files) {
      for (Series s : f.series()) {
        // the same matching as an observation's, and the newer collection wins the same way
        Optional<String> owner =
            owner(spec, f, s.kind(), s.component(), s.location(), s.key(), problems);
        if (s.kind() != null && owner.isEmpty()) {
          continue;
        }
        String subject = owner.map(c -> c + "." + s.metric().key()).orElse(s.metric().key());
        Instant previous = seriesAt.get(subject);
        if (previous != null && previous.isAfter(f.collectedAt())) {
          continue;
        }
        series.put(subject, new MeasuredSeries(subject, owner.orElse(""), s, f.describeSource()));
        seriesAt.put(subject, f.collectedAt());
      }
      for (Observation o : f.observations()) {
        Optional<String> owner =
            owner(spec, f, o.kind(), o.component(), o.location(), o.key(), problems);
        if (o.kind() != null && owner.isEmpty()) {
          continue;
        }
        String key = owner.map(c -> c + "." + o.metric().key()).orElse(o.metric().key());
        Instant previous = at.get(key);
        if (previous != null && previous.isAfter(f.collectedAt())) {
          continue; // a newer evidence file already gave this figure
        }
        Optional<Figure> inFile = spec.facts().get(key);
        if (previous == null
            && inFile.isPresent()
            && inFile.get().provenance() instanceof Provenance.Measured
            && spec.observedAt().filter(d -> d.isAfter(f.collectedAt())).isPresent()) {
          continue; // the system file's observations are dated after this collection
        }
        String window = o.window().describe() + (o.how().isEmpty() ? "" : "; " + o.how());
        figures.put(
            key,
            new Figure(
                o.value(),
                o.metric().dimension(),
                new Provenance.Measured(f.describeSource(), window)));
        at.put(key, f.collectedAt());
      }
      for (Setting s : f.settings()) {
        owner(spec, f, s.kind(), s.component(), s.location(), s.key(), problems)
            .ifPresent(
                c ->
                    settings
                        .computeIfAbsent(c, k -> new LinkedHashMap<>())
                        .put(s.name(), s.value()));
      }
      for (Unseen u : f.unseen()) {
        unseen.add(
            new NotEvaluated(
                UNSEEN_OWNER,
                u.key() + " was not collected by " + f.describeSource(),
                List.of(u.key()),
                List.of(u.needs())));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    List<Component> components = new ArrayList<>();
    for (Component c : spec.components()) {
      Map<String, String> set = settings.get(c.name());
      if (set == null) {
        components.add(c);
      } else {
        Map<String, String> merged = new LinkedHashMap<>(c.settings());
        merged.putAll(set);
        components.add(new Component(c.name(), c.kind(), merged, c.uses(), c.location()));
      }
    }
    measuredDataSize(spec, figures);
    SystemSpec measured = spec.withComponents(components).withFacts(figures);
    List<MeasuredSeries> matched = List.copyOf(series.values());
    if (!matched.isEmpty()) {
      measured =
          MeasuredGrowth.apply(
              measured, matched, ForecastSettings.of(new Settings(Advisor.thresholds(spec))));
    }
    return new Applied(measured, unseen, List.copyOf(series.values()));
  }

  /**
   * The primaries' measured on-disk size is the workload's data size (C4's input, HR-DB-011's
   * figure): measured beats declared. Only when every primary was measured, so a sum never mixes
   * measured and missing parts; with several primaries the figure is their sum.
   */
  private static void measuredDataSize(SystemSpec spec, Map<String, Figure> figures) {
    List<Component> primaries =
        spec.components(ComponentKind.DATABASE).stream().filter(c -> !c.isReplica()).toList();
    if (primaries.isEmpty()) {
      return;
    }
    double total = 0;
    List<String> parts = new ArrayList<>();
    Figure only = null;
    for (Component db : primaries) {
      Figure size = figures.get(db.name() + "." + Metric.DATABASE_SIZE.key());
      if (size == null) {
        return;
      }
      total += size.value();
      parts.add(db.name() + ".database_size = " + size.formatted());
      only = size;
    }
    if (primaries.size() == 1) {
      Provenance.Measured m = (Provenance.Measured) only.provenance();
      figures.put(
          "workload.data_size",
          new Figure(
              only.value(),
              Dimension.DATA_SIZE,
              new Provenance.Measured(
                  m.source(),
                  m.window()
                      + "; the primary "
                      + primaries.get(0).name()
                      + "'s database_size, standing in for workload.data_size")));
    } else {
      figures.put(
          "workload.data_size",
          new Figure(
              total,
              Dimension.DATA_SIZE,
              new Provenance.Derived(
                  "sum of the primaries' measured database_size (workload.data_size)", parts)));
    }
  }

  /** The component an observation or setting belongs to, or empty (with a problem) if none fits. */
  private static Optional<String> owner(
      SystemSpec spec,
      EvidenceFile f,
      ComponentKind kind,
      String named,
      SourceLocation where,
      String key,
      List<InputProblem> problems) {
    if (kind == null) {
      return Optional.empty();
    }
    List<String> ofKind = spec.components(kind).stream().map(Component::name).toList();
    if (!named.isEmpty()) {
      Optional<Component> c = spec.component(named);
      if (c.isPresent() && c.get().kind() == kind) {
        return Optional.of(named);
      }
      problems.add(
          new InputProblem(
              f.name(),
              where.line(),
              where.column(),
              key,
              c.isPresent()
                  ? "the component \""
                      + named
                      + "\", which is "
                      + c.get().kind().id()
                      + " in "
                      + spec.source()
                  : "the component \"" + named + "\", which " + spec.source() + " does not define",
              ofKind.isEmpty()
                  ? "a " + kind.id() + " component of the system (it has none)"
                  : "a " + kind.id() + " component of the system: " + String.join(", ", ofKind),
              null));
      return Optional.empty();
    }
    if (ofKind.isEmpty()) {
      problems.add(
          new InputProblem(
              f.name(),
              where.line(),
              where.column(),
              key,
              "evidence about a "
                  + kind.id()
                  + ", but "
                  + spec.source()
                  + " has no "
                  + kind.id()
                  + " component",
              "evidence for the system's components, or a "
                  + kind.id()
                  + " component in the system file",
              null));
      return Optional.empty();
    }
    return Optional.of(ofKind.get(0));
  }
}
