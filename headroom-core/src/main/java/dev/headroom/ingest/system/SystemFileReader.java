package dev.headroom.ingest.system;

import dev.headroom.ingest.loadtest.Globs;
import dev.headroom.ingest.system.SystemFileSchema.Key;
import dev.headroom.ingest.system.SystemFileSchema.Type;
import dev.headroom.ingest.yaml.Node;
import dev.headroom.ingest.yaml.YamlTree;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Facts;
import dev.headroom.model.Figure;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.Quantity;
import dev.headroom.model.Range;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.SystemSpec;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a system file into a {@link SystemSpec}, checking every key against {@link
 * SystemFileSchema} and every value against its unit. All problems are collected and reported
 * together, each with file, line, column, what was found, what is allowed and, where one is close,
 * a did-you-mean. Missing optional data is not a problem: the rules that need it are listed as not
 * evaluated later.
 */
public final class SystemFileReader {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /**
   * The most workers per instance the M/M/c sizing takes: Erlang C costs O(workers) per evaluation
   * and the sizing bisects, so 10^9 workers ran for minutes; no instance runs more threads.
   */
  static final int MAX_WORKERS = 100_000;

  private final String file;
  private final List<InputProblem> problems = new ArrayList<>();
  private final Map<String, Figure> facts = new LinkedHashMap<>();

  /**
   * The values written as ranges, by fact key; each key's figure in {@link #facts} is its midpoint.
   */
  private final Map<String, Range> ranges = new LinkedHashMap<>();

  private final List<SystemSpec.Override> overrides = new ArrayList<>();

  /** Where each component value was written ({@code web.autoscaling.min}), for cross-checks. */
  private final Map<String, SourceLocation> valueAt = new LinkedHashMap<>();

  private String observationsWindow = "";

  /** Every component name given, including components with errors of their own. */
  private final java.util.Set<String> namedComponents = new java.util.LinkedHashSet<>();

  private SystemFileReader(String file) {
    this.file = file;
  }

  /** What {@link YamlTree} calls a system file in its messages. */
  static final YamlTree.Kind KIND =
      new YamlTree.Kind(
          "a system file", "a system file; run `headroom init` for a commented template");

  /** Reads and checks {@code path}; throws {@link BadInputException} listing every problem. */
  public static SystemSpec read(Path path) {
    return new SystemFileReader(path.toString()).build(YamlTree.read(path, KIND));
  }

  /**
   * Reads and checks a system file from {@code in} (standard input, an upload), at most {@link
   * YamlTree#MAX_BYTES}; {@code displayName} names it in messages. The stream is left open.
   */
  public static SystemSpec read(InputStream in, String displayName) {
    return new SystemFileReader(displayName).build(YamlTree.read(in, displayName, KIND));
  }

  /** Reads a system file from text, as if it were the file {@code name}. */
  public static SystemSpec read(String name, String text) {
    return new SystemFileReader(name)
        .build(YamlTree.parse(name, text.getBytes(StandardCharsets.UTF_8), KIND));
  }

  private SystemSpec build(Node rootNode) {
    if (!(rootNode instanceof Node.MapNode root)) {
      throw new BadInputException(
          problem(
              rootNode.location(),
              "",
              rootNode.describe() + " at the top level",
              "a map with name, workload, slo, components and observations",
              null));
    }
    checkKeys(root, SystemFileSchema.TOP, "", "");
    String name = requiredText(root, "name", "");
    String description = optionalText(root, "description", "");
    Node windowNode = root.entries().get("observations_window");
    if (windowNode != null) {
      observationsWindow = text(windowNode, "observations_window").orElse("");
    }
    Instant observationsAt = null;
    Node atNode = root.entries().get("observations_at");
    if (atNode != null) {
      observationsAt = instant(atNode, "observations_at").orElse(null);
    }
    List<SystemSpec.EvidencePath> evidence = new ArrayList<>();
    Node evidenceNode = root.entries().get("evidence");
    if (evidenceNode != null) {
      evidencePaths(evidenceNode, evidence);
    }

    List<String> userRegions = new ArrayList<>();
    boolean residency = false;
    Node workloadNode = root.entries().get("workload");
    if (workloadNode != null) {
      Node.MapNode workload = asMap(workloadNode, "workload");
      if (workload != null) {
        checkKeys(workload, SystemFileSchema.WORKLOAD, "workload", "");
        declaredQuantities(workload, SystemFileSchema.WORKLOAD, "workload");
        workloadChecks(workload);
        Node regions = workload.entries().get("user_regions");
        if (regions != null) {
          userRegions.addAll(textList(regions, "workload.user_regions"));
        }
        Node r = workload.entries().get("data_residency");
        if (r != null) {
          residency = bool(r, "workload.data_residency").orElse(false);
        }
      }
    }
    Node sloNode = root.entries().get("slo");
    if (sloNode != null) {
      Node.MapNode slo = asMap(sloNode, "slo");
      if (slo != null) {
        checkKeys(slo, SystemFileSchema.SLO, "slo", "");
        declaredQuantities(slo, SystemFileSchema.SLO, "slo");
        sloChecks(slo);
      }
    }

    List<Component> components = components(root);
    Node obs = root.entries().get("observations");
    if (obs != null) {
      observations(obs, components);
    }
    for (String section : List.of("thresholds", "prices")) {
      Node n = root.entries().get(section);
      if (n != null) {
        overrides(section, n);
      }
    }
    if (!problems.isEmpty()) {
      // checks run section by section (references after all components); report in file order
      problems.sort(
          Comparator.comparingInt(InputProblem::line).thenComparingInt(InputProblem::column));
      throw new BadInputException(problems);
    }
    return new SystemSpec(
        name,
        description,
        file,
        components,
        new Facts(facts, java.util.Set.of(), ranges),
        userRegions,
        residency,
        observationsWindow,
        overrides,
        evidence,
        observationsAt);
  }

  /**
   * {@code observations_at}: an ISO-8601 instant ({@code 2026-12-01T23:40:00Z}) or a date ({@code
   * 2026-12-01}, taken as its first second, UTC), compared with evidence files' {@code
   * collected_at}.
   */
  private Optional<Instant> instant(Node v, String path) {
    Optional<String> t = text(v, path);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(t.get()));
    } catch (DateTimeParseException notInstant) {
      try {
        return Optional.of(LocalDate.parse(t.get()).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notDate) {
        problems.add(
            problem(
                v.location(),
                path,
                '"' + t.get() + '"',
                "an ISO-8601 date or UTC time such as 2026-12-01 or 2026-12-01T23:40:00Z",
                null));
        return Optional.empty();
      }
    }
  }

  /** {@code evidence:}: a list of evidence files or directories, relative to the system file. */
  private void evidencePaths(Node v, List<SystemSpec.EvidencePath> out) {
    if (!(v instanceof Node.ListNode l)) {
      problems.add(
          problem(
              v.location(),
              "evidence",
              v.describe(),
              "a list of evidence files or directories relative to this file, e.g. [evidence/]",
              null));
      return;
    }
    for (Node item : l.items()) {
      text(item, "evidence")
          .ifPresent(
              p -> {
                if (p.isEmpty()) {
                  problems.add(
                      problem(
                          item.location(),
                          "evidence",
                          "an empty path",
                          "a path to an evidence file (*.json) or a directory of them",
                          null));
                } else {
                  out.add(new SystemSpec.EvidencePath(p, item.location()));
                }
              });
    }
  }

  // ---------------------------------------------------------------- components

  private List<Component> components(Node.MapNode root) {
    Node listNode = root.entries().get("components");
    if (listNode == null) {
      return List.of();
    }
    if (!(listNode instanceof Node.ListNode list)) {
      problems.add(
          problem(
              listNode.location(),
              "components",
              listNode.describe(),
              "a list of components, each `- { name: web, kind: app, … }`",
              null));
      return List.of();
    }
    if (list.items().isEmpty()) {
      problems.add(
          problem(
              list.location(),
              "components",
              "an empty list",
              "at least one component (an app, a database, …)",
              null));
    }
    List<Component> out = new ArrayList<>();
    Map<String, SourceLocation> seen = new LinkedHashMap<>();
    List<Runnable> referenceChecks = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String where = "components[" + i + "]";
      Node.MapNode m = asMap(item, where);
      if (m == null) {
        continue;
      }
      String name = requiredText(m, "name", where);
      ComponentKind kind = kind(m, where);
      if (name == null) {
        continue;
      }
      if (!NAME.matcher(name).matches()) {
        problems.add(
            problem(
                m.entries().get("name").location(),
                where + ".name",
                '"' + name + '"',
                "a name of lower-case letters, digits, '-' and '_', starting with a letter (no dots)",
                null));
        continue;
      }
      if (seen.containsKey(name)) {
        problems.add(
            problem(
                m.entries().get("name").location(),
                where + ".name",
                "the name \""
                    + name
                    + "\" a second time (first at line "
                    + seen.get(name).line()
                    + ")",
                "a unique name per component",
                null));
        continue;
      }
      seen.put(name, m.location());
      namedComponents.add(name);
      if (kind == null) {
        continue;
      }
      List<Key> keys = SystemFileSchema.componentKeys(kind);
      checkKeys(m, keys, name, "");
      Map<String, String> settings = new LinkedHashMap<>();
      List<String> uses = new ArrayList<>();
      componentValues(m, keys, name, "", settings, uses, referenceChecks, seen);
      for (String positive :
          List.of("instances", "vcpu", "max_connections", "pool.size", "capacity.workers")) {
        Figure f = facts.get(name + "." + positive);
        if (f != null && f.value() < 1) {
          Node at = valueNode(m, positive);
          problems.add(
              problem(
                  at == null ? m.location() : at.location(),
                  name + "." + positive,
                  at == null ? "0" : at.describe(),
                  "a whole number of at least 1 (" + positive + ")",
                  null));
        }
      }
      // a load test at zero concurrency, or a request served in no time, has no capacity to fit
      for (String above : List.of("capacity.concurrency", "capacity.service_time")) {
        Figure f = facts.get(name + "." + above);
        if (f != null && !(f.value() > 0)) {
          Node at = valueNode(m, above);
          problems.add(
              problem(
                  at.location(),
                  name + "." + above,
                  at.describe(),
                  above.equals("capacity.concurrency")
                      ? "a concurrency above 0 (the virtual users or connections the test ran)"
                      : "a service time above 0, such as 40ms",
                  null));
        }
      }
      Figure workers = facts.get(name + ".capacity.workers");
      if (workers != null && workers.value() > MAX_WORKERS) {
        Node at = valueNode(m, "capacity.workers");
        problems.add(
            problem(
                at.location(),
                name + ".capacity.workers",
                at.describe(),
                "at most " + MAX_WORKERS + " workers per instance (threads or processes)",
                null));
      }
      out.add(new Component(name, kind, settings, uses, m.location()));
    }
    referenceChecks.forEach(Runnable::run);
    crossChecks(out);
    return out;
  }

  private void componentValues(
      Node.MapNode m,
      List<Key> keys,
      String component,
      String prefix,
      Map<String, String> settings,
      List<String> uses,
      List<Runnable> referenceChecks,
      Map<String, SourceLocation> names) {
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String keyName = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      Optional<Key> key = SystemFileSchema.find(keys, keyName);
      if (key.isEmpty() || keyName.equals("name") || keyName.equals("kind")) {
        continue;
      }
      Node v = e.getValue();
      String path = component + "." + keyName;
      valueAt.put(path, v.location());
      switch (key.get().type()) {
        case QUANTITY ->
            quantity(v, key.get(), path, new Provenance.Declared(v.location() + " " + path))
                .ifPresent(f -> facts.put(path, f));
        case TEXT -> text(v, path).ifPresent(t -> settings.put(keyName, t));
        case BOOLEAN -> bool(v, path).ifPresent(b -> settings.put(keyName, b.toString()));
        case CHOICE -> choice(v, key.get(), path).ifPresent(c -> settings.put(keyName, c));
        case MAP -> {
          Node.MapNode sub = asMap(v, path);
          if (sub != null) {
            checkKeys(sub, keys, path, keyName);
            componentValues(sub, keys, component, keyName, settings, uses, referenceChecks, names);
          }
        }
        case REFERENCE ->
            text(v, path)
                .ifPresent(
                    ref -> {
                      settings.put(keyName, ref);
                      referenceChecks.add(() -> reference(v, path, ref, names));
                    });
        case REFERENCE_LIST -> {
          for (String ref : textList(v, path)) {
            uses.add(ref);
            referenceChecks.add(() -> reference(v, path, ref, names));
          }
        }
        case TEXT_LIST, LIST -> {
          List<String> items = textList(v, path);
          if (keyName.equals("capacity.from")) {
            // a glob is checked here, where its position is known, not when the files are read
            items.forEach(
                glob ->
                    Globs.problem(glob)
                        .ifPresent(
                            bad ->
                                problems.add(
                                    problem(
                                        v.location(),
                                        path,
                                        bad,
                                        "load-test result files, relative to this file (globs like"
                                            + " loadtests/api-*.jtl or loadtests/*.{csv,json})",
                                        null))));
          }
          items.forEach(t -> settings.merge(keyName, t, (a, b) -> a + "," + b));
        }
      }
    }
  }

  private void reference(Node at, String path, String ref, Map<String, SourceLocation> names) {
    if (!names.containsKey(ref)) {
      problems.add(
          problem(
              at.location(),
              path,
              "a reference to \"" + ref + "\", which is not a component",
              "one of the components' names: " + someNames(names.keySet()),
              Units.Suggest.closest(ref, names.keySet()).orElse(null)));
    }
  }

  /** The node of {@code key}, dotted keys looked up in nested maps (pool.size). */
  private static Node valueNode(Node.MapNode m, String key) {
    Node n = m;
    for (String part : key.split("\\.")) {
      if (!(n instanceof Node.MapNode map)) {
        return null;
      }
      n = map.entries().get(part);
    }
    return n;
  }

  /**
   * Workload figures that parse but cannot be meant: growth that explodes, a target below today.
   */
  private void workloadChecks(Node.MapNode workload) {
    Figure target = facts.get("workload.target");
    if (target != null && target.value() < 1) {
      Node at = workload.entries().get("target");
      problems.add(
          problem(
              at.location(),
              "workload.target",
              at.describe(),
              "a multiple of today's load of at least 1x (10x plans for ten times today)",
              null));
    }
    Figure growth = facts.get("workload.growth");
    if (growth != null) {
      Figure horizon = facts.get("workload.horizon");
      double months = horizon == null ? 12 : horizon.value() / (365.25 * 86400 / 12);
      // a range's fastest growth must compound to something meant too, not only its midpoint
      Range growthRange = ranges.get("workload.growth");
      double fastest = growthRange == null ? growth.value() : growthRange.high();
      double factor = Math.pow(1 + fastest, months);
      if (!(factor <= 1e6)) {
        Node at = workload.entries().get("growth");
        problems.add(
            problem(
                at.location(),
                "workload.growth",
                at.describe()
                    + " over "
                    + Units.format(months, 4)
                    + " months (a factor of "
                    + (Double.isFinite(factor) ? Units.format(factor, 3) : "infinity")
                    + ")",
                "growth that compounds to at most a million times today's load over the horizon",
                null));
      }
    }
    Figure peak = facts.get("workload.peak_rps");
    Figure average = facts.get("workload.average_rps");
    if (peak != null && average != null) {
      // ranges are drawn independently, so every draw keeps the average at or below the peak
      // only when the average's highest value is at or below the peak's lowest
      Range peakRange = ranges.get("workload.peak_rps");
      Range averageRange = ranges.get("workload.average_rps");
      double lowestPeak = peakRange == null ? peak.value() : peakRange.low();
      double highestAverage = averageRange == null ? average.value() : averageRange.high();
      if (highestAverage > lowestPeak) {
        Node at = workload.entries().get("average_rps");
        boolean ranged = peakRange != null || averageRange != null;
        problems.add(
            problem(
                at.location(),
                "workload.average_rps",
                at.describe()
                    + " above peak_rps "
                    + (peakRange == null ? peak.formatted() : peakRange.text()),
                ranged
                    ? "an average at or below the peak in every draw: the average's high end at"
                        + " or below the peak's low end"
                    : "an average at or below the peak",
                null));
      }
    }
  }

  /**
   * Percentile targets must not decrease with the percentile: a p99 below the p95 cannot be met by
   * any latency distribution, so one of the two is a typo. Both positions are named.
   */
  private void sloChecks(Node.MapNode slo) {
    List<String> order = List.of("latency_p50", "latency_p95", "latency_p99");
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        Figure lower = facts.get("slo." + order.get(i));
        Figure higher = facts.get("slo." + order.get(j));
        if (lower == null || higher == null || higher.value() >= lower.value()) {
          continue;
        }
        Node lowerAt = slo.entries().get(order.get(i));
        Node higherAt = slo.entries().get(order.get(j));
        problems.add(
            problem(
                higherAt.location(),
                "slo." + order.get(j),
                higherAt.describe()
                    + " below "
                    + order.get(i)
                    + " "
                    + lowerAt.describe()
                    + " (at line "
                    + lowerAt.location().line()
                    + ", column "
                    + lowerAt.location().column()
                    + ")",
                "a "
                    + order.get(j).substring("latency_".length())
                    + " target at or above the "
                    + order.get(i).substring("latency_".length())
                    + " target (a higher percentile is never faster)",
                null));
      }
    }
  }

  private void crossChecks(List<Component> components) {
    for (Component c : components) {
      c.setting("replica_of")
          .ifPresent(
              ref ->
                  components.stream()
                      .filter(o -> o.name().equals(ref))
                      .findFirst()
                      .ifPresent(
                          target -> {
                            if (target.kind() != ComponentKind.DATABASE || target.isReplica()) {
                              problems.add(
                                  problem(
                                      valueAt.getOrDefault(c.name() + ".replica_of", c.location()),
                                      c.name() + ".replica_of",
                                      "\"" + ref + "\", which is not a primary database",
                                      "the name of a database whose role is primary",
                                      null));
                            }
                          }));
      Figure min = facts.get(c.name() + ".autoscaling.min");
      Figure max = facts.get(c.name() + ".autoscaling.max");
      if (min != null && max != null && min.value() > max.value()) {
        problems.add(
            problem(
                valueAt.getOrDefault(c.name() + ".autoscaling.min", c.location()),
                c.name() + ".autoscaling",
                "min "
                    + Units.format(min.value(), 6)
                    + " above max "
                    + Units.format(max.value(), 6),
                "min <= max",
                null));
      }
    }
  }

  private ComponentKind kind(Node.MapNode m, String where) {
    Node k = m.entries().get("kind");
    if (k == null) {
      problems.add(
          problem(
              m.location(),
              where + ".kind",
              "no kind",
              "one of " + String.join(", ", kindIds()),
              null));
      return null;
    }
    Optional<String> t = text(k, where + ".kind");
    if (t.isEmpty()) {
      return null;
    }
    for (ComponentKind kind : ComponentKind.values()) {
      if (kind.id().equals(t.get().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'))) {
        return kind;
      }
    }
    problems.add(
        problem(
            k.location(),
            where + ".kind",
            "the kind \"" + t.get() + "\"",
            "one of " + String.join(", ", kindIds()),
            Units.Suggest.closest(t.get(), kindIds()).orElse(null)));
    return null;
  }

  private static List<String> kindIds() {
    List<String> out = new ArrayList<>();
    for (ComponentKind k : ComponentKind.values()) {
      out.add(k.id());
    }
    return out;
  }

  // ---------------------------------------------------------------- observations

  private void observations(Node node, List<Component> components) {
    Node.MapNode m = asMap(node, "observations");
    if (m == null) {
      return;
    }
    Map<String, Component> byName = new LinkedHashMap<>();
    components.forEach(c -> byName.put(c.name(), c));
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String key = e.getKey();
      SourceLocation keyAt = m.keys().get(key);
      Node v = e.getValue();
      int dot = key.indexOf('.');
      Metric metric;
      if (dot < 0) {
        Optional<Metric> sys = Metric.system(key);
        if (sys.isEmpty()) {
          List<String> candidates = new ArrayList<>();
          for (Metric mm : Metric.values()) {
            if (mm.systemWide()) {
              candidates.add(mm.key());
            }
          }
          byName.keySet().forEach(n -> candidates.add(n + ".…"));
          problems.add(
              problem(
                  keyAt,
                  "observations." + key,
                  "the metric \"" + key + "\"",
                  "a system-wide metric ("
                      + String.join(", ", candidates.subList(0, candidates.size() - byName.size()))
                      + ") or component.metric such as db.cpu",
                  Units.Suggest.closest(
                          key, candidates.subList(0, candidates.size() - byName.size()))
                      .orElse(null)));
          continue;
        }
        metric = sys.get();
      } else {
        String compName = key.substring(0, dot);
        String metricKey = key.substring(dot + 1);
        Component c = byName.get(compName);
        if (c == null && namedComponents.contains(compName)) {
          continue; // the component has problems of its own, reported where it is defined
        }
        if (c == null) {
          problems.add(
              problem(
                  keyAt,
                  "observations." + key,
                  "the component \"" + compName + "\", which is not defined",
                  "a component name from `components` (" + someNames(byName.keySet()) + ")",
                  Units.Suggest.closest(compName, byName.keySet())
                      .map(s -> s + "." + metricKey)
                      .orElse(null)));
          continue;
        }
        Optional<Metric> mm = Metric.forKind(c.kind(), metricKey);
        if (mm.isEmpty()) {
          List<String> allowed = new ArrayList<>();
          for (Metric x : Metric.values()) {
            if (x.kinds().contains(c.kind())) {
              allowed.add(x.key());
            }
          }
          List<String> kindsOfMetric = new ArrayList<>();
          for (Metric x : Metric.values()) {
            if (x.key().equals(metricKey)) {
              x.kinds().forEach(kk -> kindsOfMetric.add(kk.id()));
            }
          }
          problems.add(
              problem(
                  keyAt,
                  "observations." + key,
                  "the metric \""
                      + metricKey
                      + "\" on "
                      + c.kind().id()
                      + " \""
                      + compName
                      + "\""
                      + (kindsOfMetric.isEmpty()
                          ? ""
                          : " (it is measured on: " + String.join(", ", kindsOfMetric) + ")"),
                  "for "
                      + article(c.kind().id())
                      + " "
                      + c.kind().id()
                      + ": "
                      + String.join(", ", allowed),
                  Units.Suggest.closest(metricKey, allowed)
                      .map(s -> compName + "." + s)
                      .orElse(null)));
          continue;
        }
        metric = mm.get();
      }
      // a measurement may be uncertain, so every observation may be a range
      Key k =
          new Key(
              key, Type.QUANTITY, metric.dimension(), List.of(), false, metric.description(), true);
      Provenance p =
          new Provenance.Measured(
              "observations." + key + " in " + v.location(),
              observationsWindow.isEmpty() ? "window not stated" : observationsWindow);
      quantity(v, k, "observations." + key, p).ifPresent(f -> facts.put(key, f));
      // an observation's fact key has no section prefix; its range is kept under the same key
      Range r = ranges.remove("observations." + key);
      if (r != null) {
        ranges.put(key, r);
      }
    }
  }

  private void overrides(String section, Node node) {
    Node.MapNode m = asMap(node, section);
    if (m == null) {
      return;
    }
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      if (section.equals("thresholds")) {
        Node.MapNode rule = asMap(e.getValue(), section + "." + e.getKey());
        if (rule == null) {
          continue;
        }
        if (rule.entries().isEmpty()) {
          // nothing would be checked later, so a misspelt rule id would pass unseen
          problems.add(
              problem(
                  rule.location(),
                  section + "." + e.getKey(),
                  "an empty map",
                  "threshold overrides such as { warning: 65% } (`headroom explain "
                      + e.getKey()
                      + "` lists them)",
                  null));
          continue;
        }
        for (Map.Entry<String, Node> t : rule.entries().entrySet()) {
          scalarText(t.getValue(), section + "." + e.getKey() + "." + t.getKey())
              .ifPresent(
                  text ->
                      overrides.add(
                          new SystemSpec.Override(
                              section, e.getKey(), t.getKey(), text, t.getValue().location())));
        }
      } else {
        scalarText(e.getValue(), section + "." + e.getKey())
            .ifPresent(
                text ->
                    overrides.add(
                        new SystemSpec.Override(
                            section, "", e.getKey(), text, e.getValue().location())));
      }
    }
  }

  // ---------------------------------------------------------------- values

  private void declaredQuantities(Node.MapNode m, List<Key> keys, String section) {
    for (Key k : keys) {
      if (k.type() != Type.QUANTITY) {
        continue;
      }
      Node v = m.entries().get(k.name());
      if (v != null) {
        String path = section + "." + k.name();
        quantity(v, k, path, new Provenance.Declared(v.location() + " " + path))
            .ifPresent(f -> facts.put(path, f));
      }
    }
  }

  private static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  private Optional<Figure> quantity(Node v, Key k, String path, Provenance provenance) {
    Optional<String> t = scalarText(v, path);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (v instanceof Node.Scalar s && s.kind().equals("boolean")) {
      problems.add(problem(v.location(), path, v.describe(), k.dimension().example(), null));
      return Optional.empty();
    }
    try {
      if (Units.isRange(t.get())) {
        return range(v, t.get(), k, path, provenance);
      }
      Quantity q = Units.parseBounded(t.get(), k.dimension());
      return Optional.of(new Figure(q.value(), q.dimension(), provenance));
    } catch (UnitException e) {
      // a component runs on at least one instance: "zero or more" would mislead here
      String allowed =
          k.name().equals("instances") ? "a whole number of at least 1 (instances)" : e.allowed();
      problems.add(
          new InputProblem(
              file,
              v.location().line(),
              v.location().column(),
              path,
              e.found(),
              allowed,
              e.suggestion()));
      return Optional.empty();
    }
  }

  /**
   * A value written {@code LOW..HIGH}: kept whole in {@link #ranges}, and its midpoint becomes the
   * key's figure, so every calculation that reads one number reads the middle of the range.
   */
  private Optional<Figure> range(Node v, String text, Key k, String path, Provenance provenance) {
    if (!k.ranged()) {
      problems.add(
          problem(
              v.location(),
              path,
              v.describe() + " (a range)",
              "a single value here: ranges (LOW..HIGH) are for what is uncertain, the workload's"
                  + " figures and observations, not for targets, the horizon, SLOs or a"
                  + " component's configuration",
              null));
      return Optional.empty();
    }
    Units.RangeEnds ends = Units.parseRange(text, k.dimension());
    Range r =
        new Range(
            ends.low().value(), ends.high().value(), k.dimension(), text.strip(), v.location());
    ranges.put(path, r);
    String note = "midpoint of " + r.text();
    Provenance p = provenance;
    if (provenance instanceof Provenance.Declared d) {
      p = new Provenance.Declared(d.source() + ", " + note);
    } else if (provenance instanceof Provenance.Measured m) {
      p = new Provenance.Measured(m.source() + ", " + note, m.window());
    }
    return Optional.of(new Figure(r.midpoint(), k.dimension(), p));
  }

  private Optional<String> scalarText(Node v, String path) {
    if (v instanceof Node.Scalar s) {
      if (s.kind().equals("null")) {
        problems.add(
            problem(v.location(), path, "no value", "a value, or leave the key out", null));
        return Optional.empty();
      }
      return Optional.of(s.text());
    }
    problems.add(problem(v.location(), path, v.describe(), "a single value", null));
    return Optional.empty();
  }

  private Optional<String> text(Node v, String path) {
    return scalarText(v, path).map(String::strip);
  }

  private Optional<Boolean> bool(Node v, String path) {
    Optional<String> t = scalarText(v, path);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String s = t.get().strip().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("yes") || s.equals("on")) {
      return Optional.of(true);
    }
    if (s.equals("false") || s.equals("no") || s.equals("off")) {
      return Optional.of(false);
    }
    problems.add(problem(v.location(), path, '"' + t.get() + '"', "true or false", null));
    return Optional.empty();
  }

  private Optional<String> choice(Node v, Key k, String path) {
    Optional<String> t = text(v, path);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String s = t.get().toLowerCase(Locale.ROOT);
    if (k.choices().contains(s)) {
      return Optional.of(s);
    }
    String alt = s.replace('-', '_');
    if (k.choices().contains(alt)) {
      return Optional.of(alt);
    }
    problems.add(
        problem(
            v.location(),
            path,
            '"' + t.get() + '"',
            "one of " + String.join(", ", k.choices()),
            Units.Suggest.closest(s, k.choices()).orElse(null)));
    return Optional.empty();
  }

  private List<String> textList(Node v, String path) {
    List<String> out = new ArrayList<>();
    if (v instanceof Node.ListNode l) {
      for (Node item : l.items()) {
        text(item, path).ifPresent(out::add);
      }
    } else if (v instanceof Node.Scalar s && !s.kind().equals("null")) {
      out.add(s.text().strip());
    } else {
      problems.add(
          problem(v.location(), path, v.describe(), "a list of names, e.g. [db, cache]", null));
    }
    return out;
  }

  private String requiredText(Node.MapNode m, String key, String where) {
    Node v = m.entries().get(key);
    String path = where.isEmpty() ? key : where + "." + key;
    if (v == null) {
      problems.add(
          problem(m.location(), path, "no " + key, "a " + key + " (it is required)", null));
      return null;
    }
    Optional<String> t = text(v, path);
    if (t.isPresent() && t.get().isEmpty()) {
      problems.add(problem(v.location(), path, "an empty " + key, "a non-empty " + key, null));
      return null;
    }
    return t.orElse(null);
  }

  private String optionalText(Node.MapNode m, String key, String fallback) {
    Node v = m.entries().get(key);
    return v == null ? fallback : text(v, key).orElse(fallback);
  }

  private Node.MapNode asMap(Node n, String path) {
    if (n instanceof Node.MapNode m) {
      return m;
    }
    problems.add(problem(n.location(), path, n.describe(), "a map of `key: value` entries", null));
    return null;
  }

  private void checkKeys(Node.MapNode m, List<Key> keys, String path, String prefix) {
    List<String> allowed = SystemFileSchema.names(keys, prefix);
    for (Map.Entry<String, SourceLocation> e : m.keys().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        problems.add(
            problem(
                e.getValue(),
                path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                "the key \"" + e.getKey() + "\"",
                (path.isEmpty() ? "top-level keys: " : "keys here: ") + String.join(", ", allowed),
                Units.Suggest.closest(e.getKey(), allowed).orElse(null)));
      }
    }
  }

  /** Names shown in one message; a file of 19,000 components must not list all in each problem. */
  private static final int NAMES_SHOWN = 12;

  /**
   * The names, or the first {@link #NAMES_SHOWN} and how many more: every bad reference in a large
   * file would otherwise repeat the whole list, output growing with the square of the file.
   */
  static String someNames(java.util.Collection<String> names) {
    if (names.size() <= NAMES_SHOWN) {
      return String.join(", ", names);
    }
    return String.join(", ", names.stream().limit(NAMES_SHOWN).toList())
        + " and "
        + (names.size() - NAMES_SHOWN)
        + " more";
  }

  private InputProblem problem(
      SourceLocation at, String key, String found, String allowed, String suggestion) {
    return new InputProblem(file, at.line(), at.column(), key, found, allowed, suggestion);
  }
}
