package dev.headroom.ingest.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes evidence files in the format {@link EvidenceReader} reads (schema version {@value
 * EvidenceFile#SCHEMA_VERSION}), values in each dimension's canonical unit, 10 significant digits.
 */
public final class EvidenceWriter {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Digits kept, so floating-point noise (0.9000000000000001) never reaches a file. */
  private static final int SIGNIFICANT_DIGITS = 10;

  private EvidenceWriter() {}

  /** The document as JSON text, two-space indents, "\n" line ends and a final newline. */
  public static String toJson(EvidenceFile e) {
    ObjectNode root = NODES.objectNode();
    root.put("schema_version", EvidenceFile.SCHEMA_VERSION);
    root.put("collector", e.collector());
    root.put("collected_at", e.collectedAt().toString());
    root.put("source", e.source());
    ArrayNode obs = root.putArray("observations");
    for (Observation o : e.observations()) {
      ObjectNode n = obs.addObject();
      n.put("key", o.key());
      o.componentName().ifPresent(c -> n.put("component", c));
      n.put("value", number(o.value()));
      n.put("unit", EvidenceUnits.canonical(o.metric().dimension()));
      ObjectNode w = n.putObject("window");
      w.put("start", o.window().start().toString());
      w.put("end", o.window().end().toString());
      w.put("seconds", number(o.window().seconds()));
      if (!o.how().isEmpty()) {
        n.put("how", o.how());
      }
    }
    if (!e.settings().isEmpty()) {
      ArrayNode set = root.putArray("settings");
      for (Setting s : e.settings()) {
        ObjectNode n = set.addObject();
        n.put("key", s.key());
        if (!s.component().isEmpty()) {
          n.put("component", s.component());
        }
        n.put("value", s.value());
      }
    }
    if (!e.unseen().isEmpty()) {
      ArrayNode un = root.putArray("not_evaluated");
      for (Unseen u : e.unseen()) {
        ObjectNode n = un.addObject();
        n.put("key", u.key());
        n.put("needs", u.needs());
      }
    }
    if (!e.series().isEmpty()) {
      ArrayNode all = root.putArray("series");
      for (Series s : e.series()) {
        ObjectNode n = all.addObject();
        n.put("key", s.key());
        s.componentName().ifPresent(c -> n.put("component", c));
        n.put("unit", EvidenceUnits.canonical(s.metric().dimension()));
        n.put("start", s.start().toString());
        n.put("step_seconds", number(s.step().toMillis() / 1000.0));
        ArrayNode values = n.putArray("values");
        for (int i = 0; i < s.size(); i++) {
          double v = s.value(i);
          if (Double.isNaN(v)) {
            values.addNull();
          } else {
            values.add(number(v));
          }
        }
        if (!s.how().isEmpty()) {
          n.put("how", s.how());
        }
      }
    }
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return MAPPER.writer().with(pp).writeValueAsString(root) + "\n";
  }

  /**
   * Writes {@code e} to {@code file} through a temporary file moved into place, so a reader never
   * sees half a file and a failed collection leaves no file that looks complete.
   */
  public static void write(EvidenceFile e, Path file) {
    Path abs = file.toAbsolutePath();
    try {
      Path dir = abs.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
      try {
        Files.writeString(tmp, toJson(e), StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
    }
  }

  private static BigDecimal number(double value) {
    if (value == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal bd =
        new BigDecimal(value)
            .round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    return bd.scale() < 0 ? bd.setScale(0) : bd;
  }
}
