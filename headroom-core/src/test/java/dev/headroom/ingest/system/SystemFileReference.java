package dev.headroom.ingest.system;

import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.ingest.system.SystemFileSchema.Key;
import dev.headroom.ingest.system.SystemFileSchema.Type;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Metric;
import dev.headroom.model.Units;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the parts of {@code docs/system-file.md} that restate the code (keys, units, metrics,
 * thresholds, prices) and the whole of {@code docs/system-file.schema.json} from {@link
 * SystemFileSchema}, {@link Units}, {@link Metric}, the rule registry and {@link PriceTable}. The
 * tests compare the files with these renderings; run them with {@code -Dheadroom.docs.write=true}
 * to rewrite the files after a change to the code.
 */
final class SystemFileReference {

  static final String DOC = "docs/system-file.md";
  static final String SCHEMA = "docs/system-file.schema.json";

  private SystemFileReference() {}

  /**
   * The repository root: the nearest directory above the working directory holding {@code
   * examples/}.
   */
  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null
        && !(Files.isDirectory(p.resolve("examples"))
            && Files.isRegularFile(p.resolve("pom.xml")))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "no repository root with examples/ above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  static boolean writeRequested() {
    return Boolean.getBoolean("headroom.docs.write");
  }

  static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(String relative, String text) {
    try {
      Files.writeString(root().resolve(relative), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------ markdown

  /** Every generated block of the markdown reference, by the id in its markers. */
  static Map<String, String> markdownBlocks() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("top", keyTable(SystemFileSchema.TOP));
    out.put("units", unitTable());
    out.put("workload", keyTable(SystemFileSchema.WORKLOAD));
    out.put("slo", keyTable(SystemFileSchema.SLO));
    out.put("components-common", keyTable(SystemFileSchema.commonComponentKeys()));
    out.put("components-by-kind", kindTables());
    out.put("metrics-system", systemMetricTable());
    out.put("metrics-components", componentMetricTable());
    out.put("thresholds", thresholdTable());
    out.put("prices", priceTable());
    out.put("error-example", errorExample());
    return out;
  }

  static String begin(String id) {
    return "<!-- BEGIN GENERATED " + id + " (SystemFileReference; do not edit by hand) -->";
  }

  static String end(String id) {
    return "<!-- END GENERATED " + id + " -->";
  }

  /** {@code doc} with every generated block replaced by its current rendering. */
  static String regenerate(String doc) {
    String out = doc;
    for (Map.Entry<String, String> e : markdownBlocks().entrySet()) {
      int b = out.indexOf(begin(e.getKey()));
      int en = out.indexOf(end(e.getKey()));
      if (b < 0 || en < b) {
        throw new IllegalStateException(DOC + " has no block " + e.getKey());
      }
      out = out.substring(0, b) + begin(e.getKey()) + "\n" + e.getValue() + out.substring(en);
    }
    return out;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  static String typeOf(Key k) {
    return switch (k.type()) {
      case TEXT -> "text";
      case BOOLEAN -> "true / false";
      case CHOICE ->
          "one of "
              + k.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
      case QUANTITY -> dimensionName(k.dimension()) + (k.ranged() ? ", or a range" : "");
      case TEXT_LIST -> "list of texts (or one)";
      case REFERENCE_LIST -> "list of component names (or one)";
      case REFERENCE -> "a component name";
      case MAP -> "map";
      case LIST -> "list";
    };
  }

  static String dimensionName(Dimension d) {
    return d.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String keyTable(List<Key> keys) {
    StringBuilder sb =
        new StringBuilder("| key | type | required | meaning |\n|---|---|---|---|\n");
    for (Key k : keys) {
      sb.append("| `")
          .append(k.name())
          .append("` | ")
          .append(cell(typeOf(k)))
          .append(" | ")
          .append(k.required() ? "**yes**" : "no")
          .append(" | ")
          .append(cell(k.description()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String kindTables() {
    StringBuilder sb = new StringBuilder();
    for (ComponentKind kind : ComponentKind.values()) {
      sb.append("#### `kind: ")
          .append(kind.id())
          .append("` (")
          .append(kind.description())
          .append(")\n\n");
      List<Key> own = SystemFileSchema.kindKeys(kind);
      if (own.isEmpty()) {
        sb.append("Only the common keys.\n\n");
      } else {
        sb.append(keyTable(own)).append('\n');
      }
    }
    return sb.toString();
  }

  private static final Map<Dimension, String> UNIT_NOTES = new LinkedHashMap<>();

  static {
    UNIT_NOTES.put(
        Dimension.DURATION,
        "A unit is required: a bare `300` is refused. A month is 1/12 of 365.25 days.");
    UNIT_NOTES.put(
        Dimension.DATA_SIZE,
        "A unit is required. KB, MB, GB, TB, PB are powers of 1000; KiB, MiB, GiB, TiB, PiB and Kubernetes'"
            + " Ki, Mi, Gi, Ti, Pi powers of 1024. A bare K, M, G, T is refused as ambiguous (10^9 in"
            + " Kubernetes, 2^30 in -Xmx).");
    UNIT_NOTES.put(
        Dimension.RATIO,
        "`70%` or a fraction `0.7`, between 0% and 100%. A bare number above 1 (`90`) is refused with \"did you mean"
            + " 90%?\".");
    UNIT_NOTES.put(
        Dimension.RATE,
        "A bare number is per second. Any word may stand before `/s`, `/sec`, `/min`, `/h`, `/d` (`240 jobs/h`).");
    UNIT_NOTES.put(
        Dimension.MONTHLY_COST,
        "US dollars only (`140 $/month` is read as USD), always with a period; hourly prices are multiplied by 730 hours"
            + " a month.");
    UNIT_NOTES.put(
        Dimension.COUNT,
        "A whole number of zero or more; `K`/`k` = 1,000, `M` = 1,000,000, `G`/`B` = 10⁹.");
    UNIT_NOTES.put(Dimension.NUMBER, "A plain number of zero or more, fractions allowed.");
    UNIT_NOTES.put(
        Dimension.GROWTH_RATE,
        "`%` or `x` per period, always with a period (`15%` alone is refused: did you mean `15%/month`?)."
            + " Converted to a compound monthly rate; may be negative.");
    UNIT_NOTES.put(Dimension.MULTIPLIER, "A number above 0, with or without `x`.");
  }

  private static String unitTable() {
    StringBuilder sb =
        new StringBuilder(
            "| value kind | looks like | what may follow the number | stored as | rules |\n|---|---|---|---|---|\n");
    for (Dimension d : Dimension.values()) {
      String units =
          Units.accepted(d).stream()
              .map(u -> u.isEmpty() ? "(nothing)" : "`" + u + "`")
              .collect(Collectors.joining(", "));
      sb.append("| ")
          .append(dimensionName(d))
          .append(" | ")
          .append(cell(d.example()))
          .append(" | ")
          .append(cell(units))
          .append(" | ")
          .append(d.canonicalUnit().isEmpty() ? "plain number" : "`" + d.canonicalUnit() + "`")
          .append(" | ")
          .append(cell(UNIT_NOTES.get(d)))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String systemMetricTable() {
    StringBuilder sb =
        new StringBuilder("| key | value | what it is | how to measure it |\n|---|---|---|---|\n");
    for (Metric m : Metric.values()) {
      if (m.systemWide()) {
        sb.append("| `")
            .append(m.key())
            .append("` | ")
            .append(dimensionName(m.dimension()))
            .append(" | ")
            .append(cell(m.description()))
            .append(" | ")
            .append(cell(m.howToMeasure()))
            .append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String componentMetricTable() {
    StringBuilder sb =
        new StringBuilder(
            "| key (after `<component>.`) | on kinds | value | what it is | how to measure it |\n|---|---|---|---|---|\n");
    for (Metric m : Metric.values()) {
      if (!m.systemWide()) {
        String kinds =
            m.kinds().stream().map(k -> "`" + k.id() + "`").collect(Collectors.joining(", "));
        sb.append("| `")
            .append(m.key())
            .append("` | ")
            .append(kinds)
            .append(" | ")
            .append(dimensionName(m.dimension()))
            .append(" | ")
            .append(cell(m.description()))
            .append(" | ")
            .append(cell(m.howToMeasure()))
            .append(" |\n");
      }
    }
    return sb.toString();
  }

  /** Owners (rule ids and the capacity calculator) with their thresholds, in registry order. */
  static Map<String, List<Threshold>> thresholdOwners() {
    Map<String, List<Threshold>> out = new LinkedHashMap<>();
    RuleRegistry.thresholds()
        .forEach(
            (owner, list) -> {
              if (!list.isEmpty()) {
                out.put(owner, list);
              }
            });
    out.put(dev.headroom.analysis.Settings.OWNER, dev.headroom.analysis.Settings.DEFAULTS);
    return out;
  }

  private static String thresholdTable() {
    StringBuilder sb =
        new StringBuilder(
            "| owner | threshold | value | default | source | note |\n|---|---|---|---|---|---|\n");
    thresholdOwners()
        .forEach(
            (owner, list) -> {
              for (Threshold t : list) {
                sb.append("| `")
                    .append(owner)
                    .append("` | `")
                    .append(t.name())
                    .append("` | ")
                    .append(dimensionName(t.dimension()))
                    .append(" | ")
                    .append(Units.format(t.defaultValue(), t.dimension()))
                    .append(" | ")
                    .append(t.knowledge())
                    .append(" | ")
                    .append(cell(t.note()))
                    .append(" |\n");
              }
            });
    return sb.toString();
  }

  private static String priceTable() {
    PriceTable defaults = PriceTable.defaults();
    StringBuilder sb = new StringBuilder("| key | prices | default |\n|---|---|---|\n");
    PriceTable.keys()
        .forEach(
            (key, what) ->
                sb.append("| `")
                    .append(key)
                    .append("` | ")
                    .append(cell(what))
                    .append(" | ")
                    .append(
                        defaults
                            .price(key)
                            .map(f -> Units.format(f.value(), Dimension.MONTHLY_COST))
                            .orElse("none: not priced until given"))
                    .append(" |\n"));
    return sb.toString();
  }

  /** A file with several mistakes, as the doc shows it, and the reader's answer to it. */
  static final String BAD_EXAMPLE =
      """
      name: shop
      workload:
        peak_rps: 850 furlongs
        read_ratio: 90
        growth: 15%
      components:
        - { name: web, kind: app, instances: 0, uses: [dbb] }
        - { name: db, kind: databse }
      observations:
        web.cpuu: 82%
      """;

  private static String errorExample() {
    String message;
    try {
      SystemFileReader.read("system.yaml", BAD_EXAMPLE);
      throw new IllegalStateException("the bad example reads cleanly");
    } catch (dev.headroom.model.BadInputException e) {
      message = e.getMessage();
    }
    return "```yaml\n"
        + BAD_EXAMPLE
        + "```\n\nis refused with:\n\n```\nheadroom: "
        + message
        + "\n```\n";
  }

  // ------------------------------------------------------------------------------------ JSON
  // Schema

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A number as the reader's {@code Units} pattern takes it, without sign. */
  private static final String N = "(?:[0-9][0-9_]*(?:\\.[0-9]+)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?";

  /** A number above zero, without sign or exponent, for the values the reader refuses at 0. */
  private static final String NONZERO = "(?:0*[1-9][0-9_]*(?:\\.[0-9]+)?|0*\\.[0-9]*[1-9][0-9]*)";

  static String jsonSchema() {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("title", "headroom system file");
    root.put(
        "description",
        "A system described by hand for `headroom advise`: workload, SLO, components and what was measured."
            + " Generated from the reader's own tables (SystemFileSchema, Units, Metric, rule registry, PriceTable);"
            + " see docs/system-file.md. The reader also tolerates a few case slips this schema does not"
            + " (`DB.CPU`, `16gib`, `Round_Robin`).");
    root.put("type", "object");
    root.set("required", names(List.of("name", "components")));
    ObjectNode props = root.putObject("properties");
    for (Key k : SystemFileSchema.TOP) {
      ObjectNode p;
      switch (k.name()) {
        case "workload" -> p = section(SystemFileSchema.WORKLOAD);
        case "slo" -> p = section(SystemFileSchema.SLO);
        case "components" -> p = components();
        case "observations" -> p = observations();
        case "thresholds" -> p = thresholds();
        case "prices" -> p = prices();
        default -> p = value(k);
      }
      p.put("description", k.description());
      props.set(k.name(), p);
    }
    root.put("additionalProperties", false);
    root.set("$defs", defs());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static ArrayNode names(List<String> names) {
    ArrayNode a = JSON.createArrayNode();
    names.forEach(a::add);
    return a;
  }

  /** A value of {@code def}, or a range of it (whose ends the reader checks). */
  private static ObjectNode orRange(String def) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode a = o.putArray("anyOf");
    a.add(ref(def));
    a.add(ref("range"));
    return o;
  }

  private static ObjectNode ref(String def) {
    ObjectNode o = JSON.createObjectNode();
    o.put("$ref", "#/$defs/" + def);
    return o;
  }

  static String defName(Dimension d) {
    return d.name().toLowerCase(Locale.ROOT);
  }

  private static ObjectNode section(List<Key> keys) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "object");
    ObjectNode props = o.putObject("properties");
    for (Key k : keys) {
      props.set(k.name(), value(k));
    }
    o.put("additionalProperties", false);
    return o;
  }

  /** The schema of one key's value (not for the sections that have their own builders). */
  private static ObjectNode value(Key k) {
    ObjectNode o;
    switch (k.type()) {
      case QUANTITY ->
          o =
              k.name().equals("instances")
                  ? ref("instance_count")
                  : k.ranged() ? orRange(defName(k.dimension())) : ref(defName(k.dimension()));
      case TEXT -> o = ref(k.required() ? "required_text" : "text");
      case BOOLEAN -> o = ref("flag");
      case CHOICE -> {
        o = JSON.createObjectNode();
        o.set("enum", names(choiceSpellings(k.choices())));
      }
      case TEXT_LIST, REFERENCE_LIST, LIST -> o = ref("name_list");
      case REFERENCE -> o = ref("text");
      case MAP -> o = JSON.createObjectNode().put("type", "object");
      default -> throw new IllegalStateException(k.name());
    }
    ObjectNode d = o.deepCopy();
    d.put("description", k.description());
    return d;
  }

  /** The reader takes a choice lower-case, with '-' for '_' ({@code round-robin}). */
  static List<String> choiceSpellings(List<String> choices) {
    List<String> out = new ArrayList<>(choices);
    for (String c : choices) {
      if (c.contains("_")) {
        out.add(c.replace('_', '-'));
      }
    }
    return out;
  }

  private static ObjectNode components() {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "array");
    o.put("minItems", 1);
    ObjectNode item = o.putObject("items");
    item.put("type", "object");
    item.set("required", names(List.of("name", "kind")));
    ObjectNode base = item.putObject("properties");
    base.set("name", ref("component_name"));
    List<String> kinds = new ArrayList<>();
    for (ComponentKind k : ComponentKind.values()) {
      kinds.addAll(choiceSpellings(List.of(k.id())));
    }
    base.putObject("kind").set("enum", names(kinds));
    ArrayNode allOf = item.putArray("allOf");
    for (ComponentKind kind : ComponentKind.values()) {
      ObjectNode branch = allOf.addObject();
      ObjectNode ifs = branch.putObject("if");
      ifs.set("required", names(List.of("kind")));
      ifs.putObject("properties")
          .putObject("kind")
          .set("enum", names(choiceSpellings(List.of(kind.id()))));
      ObjectNode then = branch.putObject("then");
      ObjectNode props = then.putObject("properties");
      List<Key> keys = SystemFileSchema.componentKeys(kind);
      for (Key k : keys) {
        if (k.name().contains(".")) {
          continue;
        }
        if (k.name().equals("name")) {
          props.set("name", ref("component_name").put("description", k.description()));
        } else if (k.name().equals("kind")) {
          props.putObject("kind").put("description", k.description());
        } else if (k.type() == Type.MAP) {
          ObjectNode m = JSON.createObjectNode();
          m.put("type", "object");
          m.put("description", k.description());
          ObjectNode sub = m.putObject("properties");
          for (Key s : keys) {
            if (s.name().startsWith(k.name() + ".")) {
              sub.set(s.name().substring(k.name().length() + 1), value(s));
            }
          }
          m.put("additionalProperties", false);
          props.set(k.name(), m);
        } else {
          props.set(k.name(), value(k));
        }
      }
      then.put("additionalProperties", false);
    }
    return o;
  }

  static String regexQuote(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static ObjectNode observations() {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "object");
    ObjectNode props = o.putObject("properties");
    ObjectNode patterns = o.putObject("patternProperties");
    Map<String, Dimension> componentMetrics = new LinkedHashMap<>();
    Map<String, List<String>> kindsOf = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      if (m.systemWide()) {
        props.set(m.key(), orRange(defName(m.dimension())).put("description", m.description()));
      } else {
        Dimension before = componentMetrics.putIfAbsent(m.key(), m.dimension());
        if (before != null && before != m.dimension()) {
          throw new IllegalStateException("metric " + m.key() + " has two dimensions");
        }
        m.kinds()
            .forEach(k -> kindsOf.computeIfAbsent(m.key(), x -> new ArrayList<>()).add(k.id()));
      }
    }
    componentMetrics.forEach(
        (key, dim) ->
            patterns.set(
                "^[a-z][a-z0-9_-]*\\." + regexQuote(key) + "$",
                orRange(defName(dim))
                    .put("description", "on " + String.join(", ", kindsOf.get(key)))));
    o.put("additionalProperties", false);
    return o;
  }

  private static ObjectNode thresholds() {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "object");
    ObjectNode props = o.putObject("properties");
    thresholdOwners()
        .forEach(
            (owner, list) -> {
              ObjectNode r = props.putObject(owner);
              r.put("type", "object");
              r.put("minProperties", 1);
              ObjectNode rp = r.putObject("properties");
              for (Threshold t : list) {
                rp.set(
                    t.name(),
                    ref(defName(t.dimension()))
                        .put(
                            "description",
                            t.note()
                                + " (default "
                                + Units.format(t.defaultValue(), t.dimension())
                                + ", "
                                + t.knowledge()
                                + ")"));
              }
              r.put("additionalProperties", false);
            });
    o.put("additionalProperties", false);
    return o;
  }

  private static ObjectNode prices() {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "object");
    ObjectNode props = o.putObject("properties");
    PriceTable.keys()
        .forEach((key, what) -> props.set(key, ref("monthly_cost").put("description", what)));
    o.put("additionalProperties", false);
    return o;
  }

  /** Case-insensitive spelling of a word as a character-class regex ({@code [Uu][Ss][Dd]}). */
  private static String anyCase(String word) {
    StringBuilder sb = new StringBuilder();
    for (char c : word.toCharArray()) {
      if (Character.isLetter(c)) {
        sb.append('[')
            .append(Character.toUpperCase(c))
            .append(Character.toLowerCase(c))
            .append(']');
      } else {
        sb.append(regexQuote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  private static String alternatives(List<String> words, boolean anyCase) {
    return words.stream()
        .filter(w -> !w.isEmpty())
        .map(w -> anyCase ? anyCase(w) : regexQuote(w))
        .collect(Collectors.joining("|"));
  }

  private static ObjectNode pattern(String description, String regex) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "string");
    o.put("pattern", "^\\s*" + regex + "\\s*$");
    o.put("description", description);
    return o;
  }

  private static ObjectNode anyOf(String description, ObjectNode... options) {
    ObjectNode o = JSON.createObjectNode();
    o.put("description", description);
    ArrayNode a = o.putArray("anyOf");
    for (ObjectNode x : options) {
      a.add(x);
    }
    return o;
  }

  private static ObjectNode number(double minimum, boolean exclusive) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "number");
    o.put(exclusive ? "exclusiveMinimum" : "minimum", minimum);
    return o;
  }

  private static ObjectNode defs() {
    ObjectNode d = JSON.createObjectNode();
    d.set(
        defName(Dimension.DURATION),
        pattern(
            Dimension.DURATION.example(),
            "\\+?"
                + N
                + "\\s*(?:"
                + alternatives(Units.accepted(Dimension.DURATION), false)
                + ")"));
    d.set(
        defName(Dimension.DATA_SIZE),
        pattern(
            Dimension.DATA_SIZE.example(),
            "\\+?"
                + N
                + "\\s*(?:"
                + alternatives(Units.accepted(Dimension.DATA_SIZE), false)
                + ")"));
    ObjectNode fraction = number(0, false).put("maximum", 1);
    String percent = "(?:100(?:\\.0+)?|[0-9]{1,2}(?:\\.[0-9]+)?|\\.[0-9]+)";
    d.set(
        defName(Dimension.RATIO),
        anyOf(
            Dimension.RATIO.example() + " (0% to 100%)",
            fraction,
            pattern("a percentage from 0% to 100%", "\\+?" + percent + "\\s*%"),
            pattern("a fraction from 0 to 1", "\\+?(?:0?\\.[0-9]+|[01](?:\\.0+)?)")));
    List<String> namedRates =
        Units.accepted(Dimension.RATE).stream().filter(u -> !u.startsWith("/")).toList();
    List<String> periods =
        Units.accepted(Dimension.RATE).stream()
            .filter(u -> u.startsWith("/"))
            .map(u -> u.substring(1))
            .toList();
    d.set(
        defName(Dimension.RATE),
        anyOf(
            Dimension.RATE.example() + "; a bare number is per second",
            number(0, false),
            pattern(
                "a rate",
                "\\+?"
                    + N
                    + "\\s*(?:"
                    + alternatives(namedRates, false)
                    + "|[^\\s/]*\\s*/\\s*(?:"
                    + alternatives(periods, false)
                    + "))?")));
    List<String> costPeriods = new ArrayList<>();
    for (String u : Units.accepted(Dimension.MONTHLY_COST)) {
      costPeriods.add(u.substring(u.indexOf('/') + 1));
    }
    d.set(
        defName(Dimension.MONTHLY_COST),
        pattern(
            Dimension.MONTHLY_COST.example() + " (USD, with a period)",
            "\\+?"
                + N
                + "\\s*(?:"
                + anyCase("usd")
                + "|\\$)?\\s*/\\s*(?:"
                + alternatives(costPeriods, true)
                + ")"));
    String suffixes = alternatives(Units.accepted(Dimension.COUNT), false);
    d.set(
        defName(Dimension.COUNT),
        anyOf(
            Dimension.COUNT.example(),
            JSON.createObjectNode().put("type", "integer").put("minimum", 0),
            pattern(
                "a whole number, or a number with K, M, G or B",
                "\\+?(?:[0-9][0-9_]*(?:\\.0+)?|" + N + "\\s*(?:" + suffixes + "))")));
    d.set(
        "instance_count",
        anyOf(
            "a whole number of at least 1",
            JSON.createObjectNode().put("type", "integer").put("minimum", 1),
            pattern(
                "a whole number of at least 1, or a number with K, M, G or B",
                "\\+?(?:0*[1-9][0-9_]*(?:\\.0+)?|" + N + "\\s*(?:" + suffixes + "))")));
    d.set(
        defName(Dimension.NUMBER),
        anyOf(Dimension.NUMBER.example(), number(0, false), pattern("a plain number", "\\+?" + N)));
    List<String> growthPeriods =
        Units.accepted(Dimension.GROWTH_RATE).stream()
            .filter(u -> u.startsWith("%/"))
            .map(u -> u.substring(2))
            .toList();
    // a growth of -100% or less, or a factor of 0x or less, leaves nothing: the reader refuses it
    String shrink = "-(?:[0-9]{1,2}(?:\\.[0-9]+)?|\\.[0-9]+)";
    d.set(
        defName(Dimension.GROWTH_RATE),
        pattern(
            Dimension.GROWTH_RATE.example() + " (with a period)",
            "(?:(?:\\+?"
                + N
                + "|"
                + shrink
                + ")\\s*%|\\+?"
                + NONZERO
                + "\\s*[xX])\\s*/\\s*(?:"
                + alternatives(growthPeriods, true)
                + ")"));
    d.set(
        defName(Dimension.MULTIPLIER),
        anyOf(
            Dimension.MULTIPLIER.example(),
            number(0, true),
            pattern(
                "a multiplier above 0",
                "\\+?"
                    + NONZERO
                    + "\\s*(?:"
                    + alternatives(Units.accepted(Dimension.MULTIPLIER), false)
                    + ")?")));
    // the shape only: the unit after the high end applies to both, so each end is checked by the
    // reader (Units.parseRange) against the key's own kind of value, with its position
    d.set(
        "range",
        pattern(
            "a range LOW..HIGH in the key's unit (700..900 rps, 8..15%/month, 70%..80%); the"
                + " figure is its midpoint",
            "[-+]?" + N + "[^.]*?\\s*\\.\\.\\s*[-+]?" + N + "[^.]*"));
    List<String> flags = new ArrayList<>();
    for (String w : List.of("true", "false", "yes", "no", "on", "off")) {
      flags.add(w);
      flags.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
      flags.add(w.toUpperCase(Locale.ROOT));
    }
    ObjectNode flagWords = JSON.createObjectNode();
    flagWords.set("enum", names(flags));
    d.set(
        "flag",
        anyOf(
            "true or false (also yes/no, on/off)",
            JSON.createObjectNode().put("type", "boolean"),
            flagWords));
    ObjectNode text = JSON.createObjectNode();
    text.set("type", names(List.of("string", "number", "boolean")));
    text.put("description", "a single value (not a list or map)");
    d.set("text", text);
    ObjectNode requiredText = JSON.createObjectNode();
    requiredText.set("type", names(List.of("string", "number", "boolean")));
    requiredText.put("pattern", "\\S");
    requiredText.put("description", "a single non-empty value");
    d.set("required_text", requiredText);
    ObjectNode componentName = JSON.createObjectNode();
    componentName.put("type", "string");
    componentName.put("pattern", "^[a-z][a-z0-9_-]*$");
    componentName.put(
        "description", "lower-case letters, digits, '-' and '_', starting with a letter (no dots)");
    d.set("component_name", componentName);
    ObjectNode list = JSON.createObjectNode();
    list.put("type", "array");
    list.set("items", ref("text"));
    d.set("name_list", anyOf("a list of names ([db, cache]) or a single name", list, ref("text")));
    return d;
  }
}
