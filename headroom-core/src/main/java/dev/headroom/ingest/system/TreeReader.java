package dev.headroom.ingest.system;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML or JSON into {@link Node}s that remember their positions. Refuses, with a clear
 * message, what is not a readable text document: a missing, empty, binary, non-UTF-8 or oversized
 * file, a syntax error, or a key given twice in one map.
 */
final class TreeReader {

  /** System files are written by hand; anything larger is not one (or not meant to be). */
  static final long MAX_BYTES = 1L << 20;

  private final String fileName;
  private final List<InputProblem> problems = new ArrayList<>();

  private TreeReader(String fileName) {
    this.fileName = fileName;
  }

  /** Reads {@code file}; throws {@link BadInputException} for anything unreadable. */
  static Node read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fail(name, 0, 0, "a file of " + humanBytes(size), "a system file of at most 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw fail(name, 0, 0, "no such file", "the path of a system file (YAML or JSON)");
    } catch (IOException e) {
      throw fail(name, 0, 0, "an unreadable file (" + e.getMessage() + ")", "a readable system file");
    }
    return parse(name, bytes);
  }

  static Node parse(String name, byte[] bytes) {
    if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw fail(name, 0, 0, "an empty file", "a system file; run `headroom init` for a commented template");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw fail(name, 0, 0, "binary content (a NUL byte at offset " + i + ")", "a text file in YAML or JSON");
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw fail(name, 0, 0, "bytes that are not UTF-8 text", "a UTF-8 text file in YAML or JSON");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    boolean json = name.endsWith(".json") || text.stripLeading().startsWith("{");
    TokenStreamFactory factory = json ? new JsonFactory() : new YAMLFactory();
    TreeReader reader = new TreeReader(name);
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw fail(name, 0, 0, "an empty document", "a system file; run `headroom init` for a commented template");
      }
      Node root = reader.value(p);
      if (p.nextToken() != null && json) {
        throw fail(name, line(p), col(p), "more content after the end of the JSON document", "one JSON object");
      }
      if (!reader.problems.isEmpty()) {
        throw new BadInputException(reader.problems);
      }
      return root;
    } catch (StreamReadException e) {
      TokenStreamLocation l = e.getLocation();
      throw fail(
          name,
          l == null ? 0 : Math.max(0, l.getLineNr()),
          l == null ? 0 : Math.max(0, l.getColumnNr()),
          "invalid " + (json ? "JSON" : "YAML") + " (" + firstLine(e.getOriginalMessage()) + ")",
          "well-formed " + (json ? "JSON" : "YAML") + "; check indentation, colons and quotes near this line");
    } catch (JacksonException e) {
      throw fail(name, 0, 0, "unreadable " + (json ? "JSON" : "YAML") + " (" + firstLine(e.getOriginalMessage()) + ")",
          "well-formed " + (json ? "JSON" : "YAML"));
    }
  }

  private Node value(JsonParser p) {
    SourceLocation at = here(p);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          SourceLocation keyAt = here(p);
          p.nextToken();
          Node v = value(p);
          if (entries.containsKey(key)) {
            problems.add(
                new InputProblem(
                    fileName, keyAt.line(), keyAt.column(), key,
                    "the key \"" + key + "\" a second time (first at line " + keys.get(key).line() + ")",
                    "each key once per map", null));
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
          items.add(value(p));
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

  private static BadInputException fail(String file, int line, int column, String found, String allowed) {
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

  private static String humanBytes(long size) {
    return dev.headroom.model.Units.formatBytes(size);
  }
}
