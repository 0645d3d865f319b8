package dev.headroom.ingest.yaml;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML or JSON into {@link Node}s that remember their positions; every hand-written input
 * (system files, queueing models) goes through here, so all get the same limits and messages.
 * Refuses, with a clear message, what is not a readable text document: a missing file, a directory,
 * an empty, binary, non-UTF-8 (at the bad byte's line and column) or oversized input, a syntax
 * error (placed at the parser's problem mark), a key given twice in one map, a second YAML
 * document, or a YAML alias or merge key (the streaming parser would hand an alias over as its
 * anchor's name, silently). An input named {@code .json}, or not named {@code .yaml}/{@code .yml}
 * and starting with <code>{</code>, is read as JSON; anything else as YAML.
 *
 * <p>Every read stops after {@link #MAX_BYTES} + 1 bytes, whatever the file system says of the
 * size: a device such as {@code /dev/zero} or a pipe reports 0 and never ends.
 */
public final class YamlTree {

  /** Inputs are written by hand; anything larger is not one (or not meant to be). */
  public static final long MAX_BYTES = 1L << 20;

  /** Jackson's default nesting limit ({@code StreamReadConstraints}), which this reader keeps. */
  static final int MAX_NESTING = 500;

  /**
   * What the document is, for messages.
   *
   * @param noun the document with its article, {@code "a system file"}
   * @param whenEmpty what is allowed instead of an empty document
   */
  public record Kind(String noun, String whenEmpty) {
    public Kind {
      Objects.requireNonNull(noun, "noun");
      Objects.requireNonNull(whenEmpty, "whenEmpty");
    }
  }

  private final String fileName;
  private final List<InputProblem> problems = new ArrayList<>();

  private YamlTree(String fileName) {
    this.fileName = fileName;
  }

  /** Reads {@code file}; throws {@link BadInputException} for anything unreadable. */
  public static Node read(Path file, Kind kind) {
    String name = file.toString();
    byte[] bytes;
    if (Files.isDirectory(file)) {
      throw fail(name, 0, 0, "a directory", "the path of " + kind.noun() + " (YAML or JSON)");
    }
    try {
      // a regular file's size is known: refuse a 50 MiB file without reading it
      if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
        throw tooLarge(name, humanBytes(Files.size(file)), kind);
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = readBounded(in, name, kind);
      }
    } catch (NoSuchFileException e) {
      throw fail(name, 0, 0, "no such file", "the path of " + kind.noun() + " (YAML or JSON)");
    } catch (AccessDeniedException e) {
      throw fail(name, 0, 0, "a file you may not read", "a readable " + nounOnly(kind));
    } catch (IOException e) {
      throw fail(
          name,
          0,
          0,
          "an unreadable file (" + e.getMessage() + ")",
          "a readable " + nounOnly(kind));
    }
    return parse(name, bytes, kind);
  }

  /**
   * Reads a document from {@code in} (standard input, an upload), at most {@link #MAX_BYTES};
   * {@code name} stands for the file in messages. The stream is not closed: it belongs to the
   * caller.
   */
  public static Node read(InputStream in, String name, Kind kind) {
    byte[] bytes;
    try {
      bytes = readBounded(in, name, kind);
    } catch (IOException e) {
      throw fail(
          name,
          0,
          0,
          "an unreadable input (" + e.getMessage() + ")",
          "a readable " + nounOnly(kind));
    }
    return parse(name, bytes, kind);
  }

  private static byte[] readBounded(InputStream in, String name, Kind kind) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(name, "more than 1 MiB (reading stopped there)", kind);
    }
    return bytes;
  }

  private static BadInputException tooLarge(String name, String size, Kind kind) {
    return fail(name, 0, 0, "a file of " + size, kind.noun() + " of at most 1 MiB");
  }

  /** "system file" from "a system file", for "a readable system file". */
  private static String nounOnly(Kind kind) {
    String n = kind.noun();
    return n.startsWith("a ") ? n.substring(2) : n.startsWith("an ") ? n.substring(3) : n;
  }

  /** Reads {@code bytes} as if they were the file {@code name}. */
  public static Node parse(String name, byte[] bytes, Kind kind) {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(name, humanBytes(bytes.length), kind);
    }
    if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw fail(name, 0, 0, "an empty file", kind.whenEmpty());
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw fail(
            name,
            0,
            0,
            "binary content (a NUL byte at offset " + i + ")",
            "a text file in YAML or JSON");
      }
    }
    String text;
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(in)
              .toString();
    } catch (CharacterCodingException e) {
      // the decoder stops at the first bad byte: say where it is, as a text editor would count
      int offset = Math.min(in.position(), bytes.length - 1);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column =
          1 + new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length();
      throw fail(
          name,
          line,
          column,
          String.format(
              java.util.Locale.ROOT,
              "the byte 0x%02X, which is not UTF-8 text (Latin-1 or Windows-1252?)",
              bytes[offset] & 0xff),
          "a UTF-8 text file in YAML or JSON; save it as UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    // A .yaml file may well start with a flow map ({name: shop, …}), which is YAML but not JSON.
    boolean yamlName = name.endsWith(".yaml") || name.endsWith(".yml");
    boolean json = name.endsWith(".json") || (!yamlName && text.stripLeading().startsWith("{"));
    TokenStreamFactory factory = json ? new JsonFactory() : new YAMLFactory();
    YamlTree reader = new YamlTree(name);
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw fail(name, 0, 0, "an empty document", kind.whenEmpty());
      }
      Node root;
      try {
        root = reader.value(p, "");
      } catch (StreamConstraintsException e) {
        // the exception has no location of its own; the parser knows where it stopped
        throw constraint(name, kind, e, p.currentLocation());
      }
      JsonToken next = p.nextToken();
      while (!json && next == JsonToken.VALUE_NULL) {
        next = p.nextToken(); // an empty document after a trailing `---` holds nothing to lose
      }
      if (next != null) {
        // a second YAML document would otherwise be ignored without a word
        throw fail(
            name,
            line(p),
            col(p),
            json ? "more content after the end of the JSON document" : "a second YAML document",
            json ? "one JSON object" : "one YAML document (no second `---`)");
      }
      if (!reader.problems.isEmpty()) {
        throw new BadInputException(reader.problems);
      }
      return root;
    } catch (StreamReadException e) {
      TokenStreamLocation l = e.getLocation();
      int[] mark = json ? null : problemMark(e.getOriginalMessage());
      throw fail(
          name,
          mark != null ? mark[0] : l == null ? 0 : Math.max(0, l.getLineNr()),
          mark != null ? mark[1] : l == null ? 0 : Math.max(0, l.getColumnNr()),
          "invalid "
              + (json ? "JSON" : "YAML")
              + " ("
              + (json ? firstLine(e.getOriginalMessage()) : yamlProblem(e.getOriginalMessage()))
              + ")",
          "well-formed "
              + (json ? "JSON" : "YAML")
              + "; check indentation, colons and quotes near this line");
    } catch (StreamConstraintsException e) {
      throw constraint(name, kind, e, e.getLocation());
    } catch (JacksonException e) {
      throw fail(
          name,
          0,
          0,
          "unreadable " + (json ? "JSON" : "YAML") + " (" + firstLine(e.getOriginalMessage()) + ")",
          "well-formed " + (json ? "JSON" : "YAML"));
    }
  }

  /**
   * One of the parser's own limits (nesting depth, number or name length), which keep a hostile
   * document from exhausting the stack, said in the document's terms rather than the parser's API.
   */
  private static BadInputException constraint(
      String name, Kind kind, StreamConstraintsException e, TokenStreamLocation l) {
    String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    boolean nesting = what.contains("nesting depth");
    return fail(
        name,
        l == null ? 0 : Math.max(0, l.getLineNr()),
        l == null ? 0 : Math.max(0, l.getColumnNr()),
        nesting
            ? "lists or maps nested more than " + MAX_NESTING + " levels deep"
            : "a value longer than the parser accepts ("
                + firstLine(what).replaceAll(" \\(from `[^`]*`\\)", "")
                + ")",
        nesting
            ? kind.noun() + " nested a few levels deep"
            : kind.noun() + " with values of ordinary length");
  }

  /** {@code path} names the value for messages: {@code components[2].pool}. */
  private Node value(JsonParser p, String path) {
    SourceLocation at = here(p);
    JsonToken t = p.currentToken();
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      // the streaming parser hands an alias over as its anchor's name: `*web` would read as "web"
      problems.add(
          new InputProblem(
              fileName,
              at.line(),
              at.column(),
              path,
              "a YAML alias (*" + p.getText() + ")",
              "the value written out in full; headroom does not expand anchors",
              null));
      return new Node.Scalar(at, "", "null");
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          SourceLocation keyAt = here(p);
          p.nextToken();
          String keyPath = path.isEmpty() ? key : path + "." + key;
          if (key.equals("<<") && p instanceof YAMLParser) {
            problems.add(
                new InputProblem(
                    fileName,
                    keyAt.line(),
                    keyAt.column(),
                    keyPath,
                    "a YAML merge key (<<)",
                    "the keys written out in full; headroom does not expand merge keys",
                    null));
            p.skipChildren();
            continue;
          }
          Node v = value(p, keyPath);
          if (entries.containsKey(key)) {
            problems.add(
                new InputProblem(
                    fileName,
                    keyAt.line(),
                    keyAt.column(),
                    keyPath,
                    "the key \""
                        + key
                        + "\" a second time (first at line "
                        + keys.get(key).line()
                        + ")",
                    "each key once per map",
                    null));
          } else {
            entries.put(key, v);
            keys.put(key, keyAt);
          }
        }
        return new Node.MapNode(at, entries, keys);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, path + "[" + items.size() + "]"));
        }
        return new Node.ListNode(at, items);
      }
      case VALUE_STRING -> {
        return new Node.Scalar(at, p.getString(), "string");
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node.Scalar(at, p.getText(), "number");
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(at, p.getText(), "boolean");
      }
      case VALUE_NULL -> {
        return new Node.Scalar(at, "", "null");
      }
      default -> {
        return new Node.Scalar(at, p.getText(), "string");
      }
    }
  }

  private SourceLocation here(JsonParser p) {
    return new SourceLocation(fileName, line(p), col(p));
  }

  private static int line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }

  private static int col(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getColumnNr());
  }

  private static BadInputException fail(
      String file, int line, int column, String found, String allowed) {
    return new BadInputException(new InputProblem(file, line, column, "", found, allowed, null));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    String l = s.strip();
    int nl = l.indexOf('\n');
    return nl < 0 ? l : l.substring(0, nl).strip();
  }

  /**
   * The YAML parser's message lists the context ("while parsing a flow sequence"), the problem
   * ("expected ',' or ']', but got }") and, after each, a "line N, column M" mark followed by the
   * source line and a caret. Jackson's own location for some of these errors is where the scanner
   * stopped (one column early, or the previous line for a tab), so the last mark, the problem's, is
   * the one to report.
   */
  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  static int[] problemMark(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = MARK.matcher(message);
    int[] last = null;
    while (m.find()) {
      last = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }
    return last;
  }

  /** The YAML parser's description lines without the position marks, source excerpts and carets. */
  static String yamlProblem(String message) {
    if (message == null) {
      return "syntax error";
    }
    List<String> parts = new ArrayList<>();
    for (String line : message.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        parts.add(line.strip());
      }
    }
    return parts.isEmpty() ? firstLine(message) : String.join("; ", parts);
  }

  private static String humanBytes(long size) {
    return dev.headroom.model.Units.formatBytes(size);
  }
}
