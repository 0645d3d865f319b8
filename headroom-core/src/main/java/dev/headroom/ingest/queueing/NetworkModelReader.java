package dev.headroom.ingest.queueing;

import dev.headroom.analysis.queueing.ClosedNetwork;
import dev.headroom.analysis.queueing.CustomerClass;
import dev.headroom.analysis.queueing.QueueInputException;
import dev.headroom.analysis.queueing.Station;
import dev.headroom.analysis.queueing.StationKind;
import dev.headroom.ingest.yaml.Node;
import dev.headroom.ingest.yaml.YamlTree;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Dimension;
import dev.headroom.model.InputProblem;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a closed queueing network from YAML.
 *
 * <pre>
 * name: Central server (Jain Ex. 34.2)       # optional label
 * classes:                                   # one or more
 *   - name: users                            # unique
 *     population: 20                         # customers, a whole number ≥ 0
 *     think-time: 4s                         # a duration, default 0s
 * stations:                                  # one or more
 *   - name: CPU                              # unique
 *     kind: queue                            # queue (FCFS) or delay; default queue
 *     servers: 1                             # queue only, default 1 (m &gt; 1: Seidmann)
 *     service-time: 125ms                    # per visit, a duration ...
 *     visits: 16                             # ... and visits per request, default 1
 *   - name: DiskA
 *     demand: 3s                             # or the demand V·S directly
 * </pre>
 *
 * With several classes, {@code demand}, {@code service-time} and {@code visits} may be a mapping
 * from class name to value ({@code demand: {batch: 2s, web: 30ms}}); a class left out has no demand
 * there. A plain value applies to every class. Durations need their unit ({@link Units#parse}).
 * Unknown keys, wrong types and bad values are reported together, each with its file, line and
 * column and, for a misspelt key, the key meant.
 */
public final class NetworkModelReader {

  private static final Set<String> TOP_KEYS = Set.of("name", "classes", "stations");
  private static final Set<String> CLASS_KEYS = Set.of("name", "population", "think-time");
  private static final Set<String> STATION_KEYS =
      Set.of("name", "kind", "servers", "demand", "service-time", "visits");

  private final String file;
  private final List<InputProblem> problems = new ArrayList<>();

  private NetworkModelReader(String file) {
    this.file = file;
  }

  /** What {@link YamlTree} calls a queueing model in its messages. */
  static final YamlTree.Kind KIND =
      new YamlTree.Kind("a queueing model", "a queueing model with classes and stations");

  /** Reads {@code path}; every problem found is in the exception. */
  public static ClosedNetwork read(Path path) {
    return interpret(path.toString(), YamlTree.read(path, KIND));
  }

  /**
   * Reads a model from {@code in} (standard input), at most {@link YamlTree#MAX_BYTES}; {@code
   * displayName} names it in messages. The stream is left open.
   */
  public static ClosedNetwork read(InputStream in, String displayName) {
    return interpret(displayName, YamlTree.read(in, displayName, KIND));
  }

  /** Reads a model from text, as if it were the file {@code name}. */
  public static ClosedNetwork read(String name, String text) {
    return interpret(name, YamlTree.parse(name, text.getBytes(StandardCharsets.UTF_8), KIND));
  }

  private static ClosedNetwork interpret(String file, Node tree) {
    NetworkModelReader r = new NetworkModelReader(file);
    ClosedNetwork network = r.interpret(toYamlNode(tree));
    if (!r.problems.isEmpty() || network == null) {
      throw new BadInputException(r.problems);
    }
    return network;
  }

  /**
   * The shared reader's tree in the shape this interpreter reads: keys as entries with their own
   * positions, and a YAML null as a null text.
   */
  private static YamlNode toYamlNode(Node node) {
    int line = node.location().line();
    int column = node.location().column();
    if (node instanceof Node.MapNode m) {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      m.entries()
          .forEach(
              (key, value) -> {
                SourceLocation at = m.keys().get(key);
                entries.put(
                    key, new YamlNode.Entry(key, at.line(), at.column(), toYamlNode(value)));
              });
      return new YamlNode.Mapping(entries, line, column);
    }
    if (node instanceof Node.ListNode l) {
      List<YamlNode> items = new ArrayList<>(l.items().size());
      l.items().forEach(i -> items.add(toYamlNode(i)));
      return new YamlNode.Sequence(items, line, column);
    }
    Node.Scalar s = (Node.Scalar) node;
    return new YamlNode.Scalar(s.kind().equals("null") ? null : s.text(), line, column);
  }

  // ---- interpreting: the tree to a network ----

  private ClosedNetwork interpret(YamlNode root) {
    YamlNode.Mapping top = mapping(root, "", "a mapping with classes and stations");
    if (top == null) {
      return null;
    }
    unknownKeys(top, "", TOP_KEYS);
    String name = text(top, "name", "");
    List<CustomerClass> classes = new ArrayList<>();
    YamlNode.Sequence cs =
        sequence(top, "classes", "a list of classes (name, population, think-time)");
    if (cs != null) {
      for (int i = 0; i < cs.items().size(); i++) {
        CustomerClass c = customerClass(cs.items().get(i), "classes[" + i + "]");
        if (c != null) {
          classes.add(c);
        }
      }
    }
    duplicates(cs, classes.stream().map(CustomerClass::name).toList(), "classes");
    // names of every class written, even one refused for another reason, so that demands by
    // class name are checked against what the author meant
    List<String> classNames = new ArrayList<>();
    if (cs != null) {
      for (YamlNode item : cs.items()) {
        if (item instanceof YamlNode.Mapping m
            && m.entries().get("name") != null
            && m.entries().get("name").value() instanceof YamlNode.Scalar s
            && s.text() != null) {
          classNames.add(s.text().strip());
        }
      }
    }
    List<Station> stations = new ArrayList<>();
    YamlNode.Sequence ss =
        sequence(
            top, "stations", "a list of stations (name, kind, demand or service-time and visits)");
    if (ss != null) {
      for (int i = 0; i < ss.items().size(); i++) {
        Station s = station(ss.items().get(i), "stations[" + i + "]", classNames);
        if (s != null) {
          stations.add(s);
        }
      }
    }
    duplicates(ss, stations.stream().map(Station::name).toList(), "stations");
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new ClosedNetwork(name, classes, stations);
    } catch (QueueInputException e) {
      problems.add(
          new InputProblem(
              file,
              top.line(),
              top.column(),
              "",
              "a model that cannot be solved (" + e.getMessage() + ")",
              "a closed network in which every class with customers has demand or think time",
              null));
      return null;
    }
  }

  private CustomerClass customerClass(YamlNode node, String path) {
    YamlNode.Mapping m = mapping(node, path, "a class with name, population and think-time");
    if (m == null) {
      return null;
    }
    unknownKeys(m, path, CLASS_KEYS);
    String name = requiredText(m, path, "name", "a class name");
    YamlNode.Entry pop = required(m, path, "population", "a whole number of customers ≥ 0");
    Integer population =
        pop == null ? null : wholeNumber(pop, path, 0, "a whole number of customers ≥ 0");
    double think =
        m.entries().containsKey("think-time") ? duration(m.entries().get("think-time"), path) : 0.0;
    if (name == null || population == null || Double.isNaN(think)) {
      return null;
    }
    return new CustomerClass(name, population, think);
  }

  private Station station(YamlNode node, String path, List<String> classNames) {
    YamlNode.Mapping m =
        mapping(node, path, "a station with name, kind and demand (or service-time and visits)");
    if (m == null) {
      return null;
    }
    unknownKeys(m, path, STATION_KEYS);
    String name = requiredText(m, path, "name", "a station name");
    StationKind kind = StationKind.QUEUE;
    YamlNode.Entry k = m.entries().get("kind");
    if (k != null) {
      String text = scalarText(k, path);
      List<String> kinds = List.of("queue", "delay");
      if (text != null && kinds.contains(text.toLowerCase(Locale.ROOT))) {
        kind = StationKind.valueOf(text.toUpperCase(Locale.ROOT));
      } else if (text != null) {
        problem(
            k,
            path,
            '"' + text + '"',
            "queue or delay",
            Units.Suggest.closest(text, kinds).orElse(null));
        return null;
      } else {
        return null;
      }
    }
    int servers = 1;
    YamlNode.Entry sv = m.entries().get("servers");
    if (sv != null) {
      Integer v = wholeNumber(sv, path, 1, "a whole number of servers ≥ 1");
      if (v == null) {
        return null;
      }
      if (kind == StationKind.DELAY && v != 1) {
        problem(
            sv,
            path,
            v + " servers on a delay",
            "servers only on a queue: a delay never makes anyone wait",
            null);
        return null;
      }
      servers = v;
    }
    YamlNode.Entry demand = m.entries().get("demand");
    YamlNode.Entry service = m.entries().get("service-time");
    YamlNode.Entry visits = m.entries().get("visits");
    int n = classNames.size();
    List<Double> times;
    List<Double> counts;
    if (demand != null) {
      if (service != null || visits != null) {
        YamlNode.Entry other = service != null ? service : visits;
        problem(
            other,
            path,
            "both demand and " + other.key(),
            "either demand, or service-time with visits",
            null);
        return null;
      }
      times = perClass(demand, path, classNames, true, 0.0);
      counts = times == null ? null : new ArrayList<>(java.util.Collections.nCopies(n, 1.0));
    } else if (service != null) {
      times = perClass(service, path, classNames, true, 0.0);
      counts =
          visits == null
              ? new ArrayList<>(java.util.Collections.nCopies(n, 1.0))
              : perClass(visits, path, classNames, false, 1.0);
    } else {
      problems.add(
          new InputProblem(
              file,
              m.line(),
              m.column(),
              path,
              "a station with no demand",
              "demand, or service-time (with visits, default 1)",
              null));
      return null;
    }
    if (name == null || times == null || counts == null) {
      return null;
    }
    return new Station(name, kind, servers, times, counts);
  }

  /** A value per class: one plain value for all, or a mapping from class name to value. */
  private List<Double> perClass(
      YamlNode.Entry e, String path, List<String> classNames, boolean isDuration, double missing) {
    String key = path + "." + e.key();
    List<Double> out = new ArrayList<>();
    if (e.value() instanceof YamlNode.Mapping m) {
      for (int r = 0; r < classNames.size(); r++) {
        out.add(missing);
      }
      boolean ok = true;
      for (YamlNode.Entry c : m.entries().values()) {
        int r = classNames.indexOf(c.key());
        if (r < 0) {
          problems.add(
              new InputProblem(
                  file,
                  c.line(),
                  c.column(),
                  key,
                  "the class \"" + c.key() + "\", which is not in classes",
                  "one of " + classNames,
                  Units.Suggest.closest(c.key(), classNames).orElse(null)));
          ok = false;
          continue;
        }
        double v = isDuration ? duration(c, key) : number(c, key);
        if (Double.isNaN(v)) {
          ok = false;
        } else {
          out.set(r, v);
        }
      }
      return ok ? out : null;
    }
    double v = isDuration ? duration(e, path) : number(e, path);
    if (Double.isNaN(v)) {
      return null;
    }
    for (int r = 0; r < classNames.size(); r++) {
      out.add(v);
    }
    return out;
  }

  // ---- small typed accessors that record problems and return null or NaN ----

  private YamlNode.Mapping mapping(YamlNode node, String path, String allowed) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    problems.add(
        new InputProblem(
            file, node.line(), node.column(), path, YamlNode.describe(node), allowed, null));
    return null;
  }

  private YamlNode.Sequence sequence(YamlNode.Mapping m, String key, String allowed) {
    YamlNode.Entry e = required(m, "", key, allowed);
    if (e == null) {
      return null;
    }
    if (e.value() instanceof YamlNode.Sequence s && !s.items().isEmpty()) {
      return s;
    }
    problem(
        e,
        "",
        e.value() instanceof YamlNode.Sequence ? "an empty list" : YamlNode.describe(e.value()),
        allowed,
        null);
    return null;
  }

  private YamlNode.Entry required(YamlNode.Mapping m, String path, String key, String allowed) {
    YamlNode.Entry e = m.entries().get(key);
    if (e == null) {
      problems.add(
          new InputProblem(
              file, m.line(), m.column(), join(path, key), "no " + key, allowed, null));
    }
    return e;
  }

  private String requiredText(YamlNode.Mapping m, String path, String key, String allowed) {
    YamlNode.Entry e = required(m, path, key, allowed);
    return e == null ? null : scalarText(e, path);
  }

  private String text(YamlNode.Mapping m, String key, String otherwise) {
    YamlNode.Entry e = m.entries().get(key);
    if (e == null) {
      return otherwise;
    }
    String s = scalarText(e, "");
    return s == null ? otherwise : s;
  }

  private String scalarText(YamlNode.Entry e, String path) {
    if (e.value() instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
      return s.text().strip();
    }
    problem(e, path, YamlNode.describe(e.value()), "a single value", null);
    return null;
  }

  private Integer wholeNumber(YamlNode.Entry e, String path, int min, String allowed) {
    String s = scalarText(e, path);
    if (s == null) {
      return null;
    }
    try {
      int v = Integer.parseInt(s.replace("_", ""));
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problem(e, path, '"' + s + '"', allowed, null);
    return null;
  }

  private double number(YamlNode.Entry e, String path) {
    String s = scalarText(e, path);
    if (s == null) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s.replace("_", ""));
      if (Double.isFinite(v) && v >= 0) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problem(e, path, '"' + s + '"', "a number ≥ 0 (visits per request, such as 16 or 0.5)", null);
    return Double.NaN;
  }

  private double duration(YamlNode.Entry e, String path) {
    String s = scalarText(e, path);
    if (s == null) {
      return Double.NaN;
    }
    try {
      double v = Units.parseBounded(s, Dimension.DURATION).value();
      if (v >= 0) {
        return v;
      }
      problem(e, path, '"' + s + "\" (negative)", "a duration ≥ 0", null);
    } catch (UnitException u) {
      problem(e, path, u.found(), u.allowed(), u.suggestion());
    }
    return Double.NaN;
  }

  private void unknownKeys(YamlNode.Mapping m, String path, Set<String> allowed) {
    List<String> sorted = allowed.stream().sorted().toList();
    for (YamlNode.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problems.add(
            new InputProblem(
                file,
                e.line(),
                e.column(),
                join(path, e.key()),
                "the unknown key \"" + e.key() + "\"",
                String.join(", ", sorted),
                Units.Suggest.closest(e.key(), sorted).orElse(null)));
      }
    }
  }

  private void duplicates(YamlNode.Sequence seq, List<String> names, String what) {
    if (seq == null) {
      return;
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.indexOf(names.get(i)) != i) {
        problems.add(
            new InputProblem(
                file,
                seq.line(),
                seq.column(),
                what,
                "the name \"" + names.get(i) + "\" twice",
                "unique " + what + " names",
                null));
      }
    }
  }

  private void problem(
      YamlNode.Entry e, String path, String found, String allowed, String suggestion) {
    YamlNode v = e.value();
    problems.add(
        new InputProblem(
            file, v.line(), v.column(), join(path, e.key()), found, allowed, suggestion));
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
