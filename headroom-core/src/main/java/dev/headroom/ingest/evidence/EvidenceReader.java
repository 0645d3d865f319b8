package dev.headroom.ingest.evidence;

import dev.headroom.ingest.system.SystemFileSchema;
import dev.headroom.ingest.yaml.Node;
import dev.headroom.ingest.yaml.YamlTree;
import dev.headroom.model.BadInputException;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads evidence files. The format (docs/evidence.md, docs/evidence-schema.json):
 *
 * <pre>
 * { "schema_version": 1,
 *   "collector": "redis INFO",                      what produced it
 *   "collected_at": "2026-12-01T23:40:00Z",         ISO-8601 UTC, when collection finished
 *   "source": "redis://127.0.0.1:6380",             what was measured; never a password
 *   "observations": [
 *     { "key": "cache.hit_ratio",                   kind.metric, or a system-wide metric
 *       "component": "cache",                       optional: the system file's component
 *       "value": 0.91, "unit": "ratio",             a unit of the metric's dimension
 *       "window": { "start": "…", "end": "…", "seconds": 60 },
 *       "how": "keyspace_hits/(hits+misses) over the window, INFO stats" } ],
 *   "settings": [ { "key": "cache.eviction_policy", "value": "allkeys-lru" } ],     optional
 *   "not_evaluated": [ { "key": "database.slowest_query", "needs": "…" } ],        optional
 *   "series": [ { "key": "database.cpu", "unit": "ratio", "start": "…",            optional
 *                 "step_seconds": 300, "values": [0.41, null, 0.43], "how": "…" } ] }
 * </pre>
 *
 * Every problem is reported at once, each at file:line:column with what was found and what is
 * allowed; unknown keys list the catalogue's keys.
 */
public final class EvidenceReader {

  /** What the YAML/JSON tree reader calls these files in its own messages. */
  static final YamlTree.Kind KIND =
      new YamlTree.Kind("an evidence file", "an evidence file (docs/evidence.md)");

  private static final List<String> TOP =
      List.of(
          "schema_version",
          "collector",
          "collected_at",
          "source",
          "observations",
          "settings",
          "not_evaluated",
          "series");
  private static final List<String> OBSERVATION =
      List.of("key", "component", "value", "unit", "window", "how");
  private static final List<String> WINDOW = List.of("start", "end", "seconds");
  private static final List<String> SETTING = List.of("key", "component", "value");
  private static final List<String> UNSEEN = List.of("key", "needs");
  private static final List<String> SERIES =
      List.of("key", "component", "unit", "start", "step_seconds", "values", "how");

  /** The window's stated seconds may differ from end - start by this much (clocks round). */
  private static final double WINDOW_SLACK_SECONDS = 1.0;

  /** A series' step below a second is not a scrape interval any monitoring system uses. */
  private static final double MIN_STEP_SECONDS = 1.0;

  private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_-]*");

  /** {@code scheme://user:password@host}: a source naming a password is refused. */
  private static final Pattern PASSWORD_IN_URL =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]*:[^/@]*@");

  private final String file;
  private final List<InputProblem> problems = new ArrayList<>();

  private EvidenceReader(String file) {
    this.file = file;
  }

  /** Reads one evidence file. */
  public static EvidenceFile read(Path path) {
    return new EvidenceReader(path.toString()).build(YamlTree.read(path, KIND));
  }

  /** Reads evidence from bytes, as if from the file {@code name}. */
  public static EvidenceFile read(String name, byte[] json) {
    return new EvidenceReader(name).build(YamlTree.parse(name, json, KIND));
  }

  /**
   * Reads {@code path}: a file, or every {@code *.json} file directly in a directory, in name
   * order. A directory without evidence files is an error (a wrong path would otherwise pass).
   */
  public static List<EvidenceFile> readAll(Path path) {
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(path)) {
        files =
            s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                .sorted(Comparator.comparing(Path::toString))
                .toList();
      } catch (IOException e) {
        throw new BadInputException(
            new InputProblem(
                path.toString(),
                0,
                0,
                "",
                "an unreadable directory (" + e.getMessage() + ")",
                "a readable directory of evidence files",
                null),
            e);
      }
      if (files.isEmpty()) {
        throw new BadInputException(
            new InputProblem(
                path.toString(),
                0,
                0,
                "",
                "a directory without *.json files",
                "a directory holding evidence files (*.json)",
                null));
      }
      List<EvidenceFile> out = new ArrayList<>();
      List<InputProblem> all = new ArrayList<>();
      for (Path f : files) {
        try {
          out.add(read(f));
        } catch (BadInputException e) {
          all.addAll(e.problems());
        }
      }
      if (!all.isEmpty()) {
        throw new BadInputException(all);
      }
      return out;
    }
    if (!Files.exists(path)) {
      throw new BadInputException(
          new InputProblem(
              path.toString(),
              0,
              0,
              "",
              "no such file or directory",
              "an evidence file (*.json) or a directory of them",
              null));
    }
    return List.of(read(path));
  }

  private EvidenceFile build(Node rootNode) {
    if (!(rootNode instanceof Node.MapNode root)) {
      throw new BadInputException(
          problem(
              rootNode.location(),
              "",
              rootNode.describe(),
              "a JSON object with schema_version, collector, collected_at, source and observations"));
    }
    checkKeys(root, TOP, "");
    Optional<Node> version = required(root, "schema_version", "");
    version.ifPresent(
        v -> {
          if (!(v instanceof Node.Scalar s)
              || !s.kind().equals("number")
              || !s.text().strip().equals(Integer.toString(EvidenceFile.SCHEMA_VERSION))) {
            problems.add(
                problem(
                    v.location(),
                    "schema_version",
                    v.describe(),
                    EvidenceFile.SCHEMA_VERSION + " (the version this headroom reads)"));
          }
        });
    String collector = requiredText(root, "collector", "").orElse("");
    Instant collectedAt =
        required(root, "collected_at", "").flatMap(n -> instant(n, "collected_at")).orElse(null);
    String source = requiredText(root, "source", "").orElse("");
    Node sourceNode = root.entries().get("source");
    if (sourceNode != null && PASSWORD_IN_URL.matcher(source).find()) {
      problems.add(
          problem(
              sourceNode.location(),
              "source",
              "a URL with a password in it",
              "the source without credentials, such as redis://127.0.0.1:6379"));
    }
    List<Observation> observations = new ArrayList<>();
    required(root, "observations", "")
        .ifPresent(
            n -> list(n, "observations").forEach(o -> observation(o).ifPresent(observations::add)));
    List<Setting> settings = new ArrayList<>();
    Node s = root.entries().get("settings");
    if (s != null) {
      list(s, "settings").forEach(n -> setting(n).ifPresent(settings::add));
    }
    List<Unseen> unseen = new ArrayList<>();
    Node u = root.entries().get("not_evaluated");
    if (u != null) {
      list(u, "not_evaluated").forEach(n -> unseen(n).ifPresent(unseen::add));
    }
    List<Series> series = new ArrayList<>();
    Node ser = root.entries().get("series");
    if (ser != null) {
      list(ser, "series").forEach(n -> series(n).ifPresent(series::add));
    }
    if (!problems.isEmpty()) {
      problems.sort(
          Comparator.comparingInt(InputProblem::line).thenComparingInt(InputProblem::column));
      throw new BadInputException(problems);
    }
    return new EvidenceFile(
        file, collector, collectedAt, source, observations, settings, unseen, series);
  }

  private Optional<Observation> observation(Node n) {
    if (!(n instanceof Node.MapNode m)) {
      problems.add(
          problem(
              n.location(),
              "observations",
              n.describe(),
              "an object with key, value, unit and window"));
      return Optional.empty();
    }
    checkKeys(m, OBSERVATION, "observations");
    Optional<Node> keyNode = required(m, "key", "observations");
    Optional<ResolvedKey> key = keyNode.flatMap(k -> metricKey(k, "observations.key"));
    Optional<String> component = component(m, "observations");
    Optional<Double> raw =
        required(m, "value", "observations").flatMap(v -> number(v, "observations.value"));
    Optional<String> unit = requiredText(m, "unit", "observations");
    Optional<ObservationWindow> window =
        required(m, "window", "observations").flatMap(this::window);
    String how = optionalText(m, "how", "observations").orElse("");
    if (key.isEmpty() || raw.isEmpty() || unit.isEmpty() || window.isEmpty() || component == null) {
      return Optional.empty();
    }
    Metric metric = key.get().metric();
    Optional<Double> factor = EvidenceUnits.factor(metric.dimension(), unit.get());
    if (factor.isEmpty()) {
      problems.add(
          problem(
              m.entries().get("unit").location(),
              "observations.unit",
              "the unit \""
                  + unit.get()
                  + "\" for "
                  + key.get().text()
                  + " ("
                  + metric.dimension().example()
                  + ")",
              "one of " + String.join(", ", EvidenceUnits.allowed(metric.dimension()))));
      return Optional.empty();
    }
    double value = raw.get() * factor.get();
    if (value < 0) {
      problems.add(
          problem(
              m.entries().get("value").location(),
              "observations.value",
              Units.format(raw.get(), 6),
              "a measurement of zero or more"));
      return Optional.empty();
    }
    return Optional.of(
        new Observation(
            metric,
            key.get().kind(),
            component.orElse(""),
            value,
            window.get(),
            how,
            n.location()));
  }

  private Optional<Series> series(Node n) {
    if (!(n instanceof Node.MapNode m)) {
      problems.add(
          problem(
              n.location(),
              "series",
              n.describe(),
              "an object with key, unit, start, step_seconds and values"));
      return Optional.empty();
    }
    checkKeys(m, SERIES, "series");
    Optional<ResolvedKey> key =
        required(m, "key", "series").flatMap(k -> metricKey(k, "series.key"));
    Optional<String> component = component(m, "series");
    Optional<String> unit = requiredText(m, "unit", "series");
    Optional<Instant> start =
        required(m, "start", "series").flatMap(v -> instant(v, "series.start"));
    Optional<Double> step =
        required(m, "step_seconds", "series").flatMap(v -> number(v, "series.step_seconds"));
    Optional<Node> valuesNode = required(m, "values", "series");
    String how = optionalText(m, "how", "series").orElse("");
    if (step.isPresent() && step.get() < MIN_STEP_SECONDS) {
      problems.add(
          problem(
              m.entries().get("step_seconds").location(),
              "series.step_seconds",
              Units.format(step.get(), 6),
              "a step of at least " + Units.format(MIN_STEP_SECONDS, 3) + " s"));
      step = Optional.empty();
    }
    Optional<Double> factor = Optional.empty();
    if (key.isPresent() && unit.isPresent()) {
      Metric metric = key.get().metric();
      factor = EvidenceUnits.factor(metric.dimension(), unit.get());
      if (factor.isEmpty()) {
        problems.add(
            problem(
                m.entries().get("unit").location(),
                "series.unit",
                "the unit \""
                    + unit.get()
                    + "\" for "
                    + key.get().text()
                    + " ("
                    + metric.dimension().example()
                    + ")",
                "one of " + String.join(", ", EvidenceUnits.allowed(metric.dimension()))));
      }
    }
    double scale = factor.orElse(1.0);
    double[] values = valuesNode.map(v -> seriesValues(v, scale)).orElse(null);
    if (key.isEmpty()
        || component == null
        || factor.isEmpty()
        || start.isEmpty()
        || step.isEmpty()
        || values == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Series(
            key.get().metric(),
            key.get().kind(),
            component.orElse(""),
            start.get(),
            Duration.ofMillis(Math.round(step.get() * 1000)),
            values,
            how,
            n.location()));
  }

  /** The points of {@code series.values}, scaled to the canonical unit; null when refused. */
  private double[] seriesValues(Node n, double factor) {
    List<Node> items = list(n, "series.values");
    if (items.isEmpty() || items.size() > Series.MAX_POINTS) {
      problems.add(
          problem(
              n.location(),
              "series.values",
              items.size() + " points",
              "1 to " + Series.MAX_POINTS + " numbers (null for a gap)"));
      return null;
    }
    double[] out = new double[items.size()];
    boolean ok = true;
    for (int i = 0; i < out.length; i++) {
      Node v = items.get(i);
      if (v instanceof Node.Scalar s && s.kind().equals("null")) {
        out[i] = Double.NaN;
        continue;
      }
      Optional<Double> d = number(v, "series.values[" + i + "]");
      if (d.isEmpty()) {
        ok = false;
        continue;
      }
      if (d.get() < 0) {
        problems.add(
            problem(
                v.location(),
                "series.values[" + i + "]",
                Units.format(d.get(), 6),
                "a measurement of zero or more, or null for a gap"));
        ok = false;
        continue;
      }
      out[i] = d.get() * factor;
    }
    return ok ? out : null;
  }

  /** A metric key resolved against the catalogue. */
  private record ResolvedKey(Metric metric, ComponentKind kind, String text) {}

  private Optional<ResolvedKey> metricKey(Node n, String path) {
    Optional<String> text = text(n, path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String k = text.get();
    int dot = k.indexOf('.');
    if (dot < 0) {
      Optional<Metric> m = Metric.system(k);
      if (m.isPresent()) {
        return Optional.of(new ResolvedKey(m.get(), null, k));
      }
    } else {
      Optional<ComponentKind> kind = kind(k.substring(0, dot));
      if (kind.isPresent()) {
        Optional<Metric> m = Metric.forKind(kind.get(), k.substring(dot + 1));
        if (m.isPresent() && m.get().key().equals(k.substring(dot + 1))) {
          return Optional.of(new ResolvedKey(m.get(), kind.get(), k));
        }
        List<String> ofKind = catalogue(kind.get());
        problems.add(
            problem(
                n.location(),
                path,
                "the metric \"" + k + "\"",
                "for a " + kind.get().id() + ": " + String.join(", ", ofKind),
                Units.Suggest.closest(k, ofKind).orElse(null)));
        return Optional.empty();
      }
    }
    List<String> all = catalogue(null);
    problems.add(
        problem(
            n.location(),
            path,
            "the metric \"" + k + "\"",
            "a catalogue key, kind.metric or system-wide: " + String.join(", ", all),
            Units.Suggest.closest(k, all).orElse(null)));
    return Optional.empty();
  }

  /** Every key of the catalogue for {@code kind}, or for all kinds and system-wide when null. */
  static List<String> catalogue(ComponentKind only) {
    List<String> out = new ArrayList<>();
    if (only == null) {
      for (Metric m : Metric.values()) {
        if (m.systemWide()) {
          out.add(m.key());
        }
      }
    }
    for (ComponentKind kind : ComponentKind.values()) {
      if (only != null && kind != only) {
        continue;
      }
      for (Metric m : Metric.values()) {
        if (m.kinds().contains(kind)) {
          out.add(kind.id() + "." + m.key());
        }
      }
    }
    return out;
  }

  private static Optional<ComponentKind> kind(String id) {
    for (ComponentKind k : ComponentKind.values()) {
      if (k.id().equals(id)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The optional component name: empty when absent, null when given but invalid. */
  private Optional<String> component(Node.MapNode m, String where) {
    Node c = m.entries().get("component");
    if (c == null) {
      return Optional.empty();
    }
    Optional<String> t = text(c, where + ".component");
    if (t.isEmpty()) {
      return null;
    }
    if (!COMPONENT.matcher(t.get()).matches()) {
      problems.add(
          problem(
              c.location(),
              where + ".component",
              '"' + t.get() + '"',
              "a component name from the system file (lower case letters, digits, - and _)"));
      return null;
    }
    return t;
  }

  private Optional<ObservationWindow> window(Node n) {
    if (!(n instanceof Node.MapNode m)) {
      problems.add(
          problem(
              n.location(),
              "observations.window",
              n.describe(),
              "an object { start, end, seconds }"));
      return Optional.empty();
    }
    checkKeys(m, WINDOW, "observations.window");
    Optional<Instant> start =
        required(m, "start", "observations.window")
            .flatMap(v -> instant(v, "observations.window.start"));
    Optional<Instant> end =
        required(m, "end", "observations.window")
            .flatMap(v -> instant(v, "observations.window.end"));
    Optional<Double> seconds =
        required(m, "seconds", "observations.window")
            .flatMap(v -> number(v, "observations.window.seconds"));
    if (start.isEmpty() || end.isEmpty() || seconds.isEmpty()) {
      return Optional.empty();
    }
    if (end.get().isBefore(start.get())) {
      problems.add(
          problem(
              m.entries().get("end").location(),
              "observations.window.end",
              end.get() + ", before the start " + start.get(),
              "an end at or after the start"));
      return Optional.empty();
    }
    ObservationWindow w = new ObservationWindow(start.get(), end.get());
    if (Math.abs(w.seconds() - seconds.get()) > WINDOW_SLACK_SECONDS) {
      problems.add(
          problem(
              m.entries().get("seconds").location(),
              "observations.window.seconds",
              Units.format(seconds.get(), 6)
                  + " s, but end - start is "
                  + Units.format(w.seconds(), 6)
                  + " s",
              "the length of the window from start to end"));
      return Optional.empty();
    }
    return Optional.of(w);
  }

  private Optional<Setting> setting(Node n) {
    if (!(n instanceof Node.MapNode m)) {
      problems.add(problem(n.location(), "settings", n.describe(), "an object { key, value }"));
      return Optional.empty();
    }
    checkKeys(m, SETTING, "settings");
    Optional<Node> keyNode = required(m, "key", "settings");
    Optional<String> key = keyNode.flatMap(k -> text(k, "settings.key"));
    Optional<String> component = component(m, "settings");
    Optional<String> value = requiredText(m, "value", "settings");
    if (key.isEmpty() || value.isEmpty() || component == null) {
      return Optional.empty();
    }
    int dot = key.get().indexOf('.');
    Optional<ComponentKind> kind = dot < 0 ? Optional.empty() : kind(key.get().substring(0, dot));
    Optional<SystemFileSchema.Key> choice =
        kind.flatMap(
            k ->
                SystemFileSchema.componentKeys(k).stream()
                    .filter(sk -> sk.type() == SystemFileSchema.Type.CHOICE)
                    .filter(sk -> sk.name().equals(key.get().substring(dot + 1)))
                    .findFirst());
    if (choice.isEmpty()) {
      List<String> allowed = new ArrayList<>();
      for (ComponentKind k : ComponentKind.values()) {
        SystemFileSchema.componentKeys(k).stream()
            .filter(sk -> sk.type() == SystemFileSchema.Type.CHOICE && !sk.name().equals("kind"))
            .forEach(sk -> allowed.add(k.id() + "." + sk.name()));
      }
      problems.add(
          problem(
              keyNode.get().location(),
              "settings.key",
              "the setting \"" + key.get() + "\"",
              "a kind.setting with a fixed set of values: " + String.join(", ", allowed)));
      return Optional.empty();
    }
    String v = value.get().toLowerCase(Locale.ROOT);
    String alt = v.replace('-', '_');
    String chosen =
        choice.get().choices().contains(v) ? v : choice.get().choices().contains(alt) ? alt : null;
    if (chosen == null) {
      problems.add(
          problem(
              m.entries().get("value").location(),
              "settings.value",
              '"' + value.get() + '"',
              "for " + key.get() + ": one of " + String.join(", ", choice.get().choices())));
      return Optional.empty();
    }
    return Optional.of(
        new Setting(kind.get(), choice.get().name(), component.orElse(""), chosen, n.location()));
  }

  private Optional<Unseen> unseen(Node n) {
    if (!(n instanceof Node.MapNode m)) {
      problems.add(
          problem(n.location(), "not_evaluated", n.describe(), "an object { key, needs }"));
      return Optional.empty();
    }
    checkKeys(m, UNSEEN, "not_evaluated");
    Optional<String> key = requiredText(m, "key", "not_evaluated");
    Optional<String> needs = requiredText(m, "needs", "not_evaluated");
    if (key.isEmpty() || needs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Unseen(key.get(), needs.get()));
  }

  // ---------------------------------------------------------------- small readers

  private List<Node> list(Node n, String path) {
    if (n instanceof Node.ListNode l) {
      return l.items();
    }
    problems.add(problem(n.location(), path, n.describe(), "a JSON array"));
    return List.of();
  }

  private void checkKeys(Node.MapNode m, List<String> allowed, String path) {
    for (Map.Entry<String, SourceLocation> e : m.keys().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        problems.add(
            problem(
                e.getValue(),
                path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                "the key \"" + e.getKey() + "\"",
                (path.isEmpty() ? "at the top level" : "in " + path)
                    + ": "
                    + String.join(", ", allowed),
                Units.Suggest.closest(e.getKey(), allowed).orElse(null)));
      }
    }
  }

  private Optional<Node> required(Node.MapNode m, String key, String where) {
    Node v = m.entries().get(key);
    if (v == null) {
      problems.add(
          problem(
              m.location(),
              where.isEmpty() ? key : where + "." + key,
              "no " + key,
              key + " (it is required)"));
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private Optional<String> requiredText(Node.MapNode m, String key, String where) {
    String path = where.isEmpty() ? key : where + "." + key;
    Optional<String> t = required(m, key, where).flatMap(v -> text(v, path));
    if (t.isPresent() && t.get().isBlank()) {
      problems.add(
          problem(m.entries().get(key).location(), path, "an empty text", "a non-empty text"));
      return Optional.empty();
    }
    return t;
  }

  private Optional<String> optionalText(Node.MapNode m, String key, String where) {
    Node v = m.entries().get(key);
    return v == null ? Optional.empty() : text(v, where + "." + key);
  }

  private Optional<String> text(Node n, String path) {
    if (n instanceof Node.Scalar s && s.kind().equals("string")) {
      return Optional.of(s.text().strip());
    }
    problems.add(problem(n.location(), path, n.describe(), "a JSON string"));
    return Optional.empty();
  }

  private Optional<Double> number(Node n, String path) {
    if (n instanceof Node.Scalar s && s.kind().equals("number")) {
      try {
        double d = Double.parseDouble(s.text());
        if (Double.isFinite(d)) {
          return Optional.of(d);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.add(problem(n.location(), path, n.describe(), "a finite JSON number"));
    return Optional.empty();
  }

  private Optional<Instant> instant(Node n, String path) {
    Optional<String> t = text(n, path);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(t.get()));
    } catch (DateTimeParseException e) {
      problems.add(
          problem(
              n.location(),
              path,
              '"' + t.get() + '"',
              "an ISO-8601 UTC time such as 2026-12-01T23:40:00Z"));
      return Optional.empty();
    }
  }

  private InputProblem problem(SourceLocation at, String key, String found, String allowed) {
    return problem(at, key, found, allowed, null);
  }

  private InputProblem problem(
      SourceLocation at, String key, String found, String allowed, String suggestion) {
    return new InputProblem(file, at.line(), at.column(), key, found, allowed, suggestion);
  }
}
