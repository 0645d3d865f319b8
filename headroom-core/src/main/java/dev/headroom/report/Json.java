package dev.headroom.report;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every JSON renderer shares: deterministic field order (insertion order), numbers rounded to
 * 10 significant digits so floating-point noise never reaches a report, canonical unit names, and
 * one shape for figures and provenance.
 */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * The root of a JSON document: an object whose first field is {@code schemaVersion} ({@link
   * SchemaVersion#CURRENT}), the same in every document headroom writes.
   */
  public static ObjectNode document() {
    ObjectNode root = object();
    root.put("schemaVersion", SchemaVersion.CURRENT.toString());
    return root;
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * Pretty-printed with two-space indents and "\n" line ends on every platform, plus a final
   * newline.
   */
  public static String write(ObjectNode root) {
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return MAPPER.writer().with(pp).writeValueAsString(root) + "\n";
  }

  /** {@code value} rounded to 10 significant digits, as a plain decimal. */
  public static BigDecimal number(double value) {
    if (value == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal bd =
        new BigDecimal(value)
            .round(new MathContext(10, RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    return bd.scale() < 0 ? bd.setScale(0) : bd;
  }

  /** The canonical unit of a dimension as JSON names it. */
  public static String unit(Dimension d) {
    return switch (d) {
      case DURATION -> "s";
      case DATA_SIZE -> "B";
      case RATIO -> "ratio";
      case RATE -> "1/s";
      case MONTHLY_COST -> "USD/month";
      case COUNT -> "count";
      case NUMBER -> "number";
      case GROWTH_RATE -> "ratio/month";
      case MULTIPLIER -> "x";
    };
  }

  /** {value, unit, display, provenance}. */
  public static ObjectNode figure(Figure f) {
    ObjectNode n = object();
    n.put("value", number(f.value()));
    n.put("unit", unit(f.dimension()));
    n.put("display", f.formatted());
    n.set("provenance", provenance(f.provenance()));
    return n;
  }

  public static ObjectNode provenance(Provenance p) {
    ObjectNode n = object();
    n.put("kind", p.kind());
    if (p instanceof Provenance.Measured m) {
      n.put("source", m.source());
      n.put("window", m.window());
    } else if (p instanceof Provenance.Declared d) {
      n.put("source", d.source());
    } else if (p instanceof Provenance.Derived d) {
      n.put("formula", d.formula());
      ArrayNode in = n.putArray("inputs");
      d.inputs().forEach(in::add);
    } else if (p instanceof Provenance.Assumed a) {
      n.put("knowledge", a.knowledgeId());
      n.put("note", a.note());
    }
    return n;
  }
}
