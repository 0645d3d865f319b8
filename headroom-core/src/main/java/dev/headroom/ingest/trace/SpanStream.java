package dev.headroom.ingest.trace;

import dev.headroom.model.InputProblem;
import dev.headroom.model.SourceLocation;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * One file being read: the token stream, where the spans go, and the problems found so far. The
 * format readers share its small helpers for the value shapes all three use (ids, numbers that may
 * be strings, nested objects to skip).
 */
final class SpanStream {

  /** Problems kept before reading stops: enough to see a pattern, few enough to read. */
  static final int MAX_PROBLEMS = 20;

  final JsonParser p;
  final String file;
  private final List<Span> out;
  private final List<InputProblem> problems;
  private final long maxSpans;
  long spans;
  long incomplete;

  /** Service names, kept once each: a file has few services and many spans. */
  private final java.util.Map<String, String> services = new java.util.HashMap<>();

  SpanStream(
      JsonParser p, String file, List<Span> out, List<InputProblem> problems, long maxSpans) {
    this.p = p;
    this.file = file;
    this.out = out;
    this.problems = problems;
    this.maxSpans = maxSpans;
  }

  SourceLocation here() {
    TokenStreamLocation l = p.currentTokenLocation();
    return new SourceLocation(
        file,
        l == null ? 0 : Math.max(0, l.getLineNr()),
        l == null ? 0 : Math.max(0, l.getColumnNr()));
  }

  /** Records a problem at the current token; true while reading may go on. */
  boolean problem(String key, String found, String allowed) {
    return problem(here(), key, found, allowed);
  }

  /** Records a problem at {@code at}; true while reading may go on. */
  boolean problem(SourceLocation at, String key, String found, String allowed) {
    problems.add(new InputProblem(file, at.line(), at.column(), key, found, allowed, null));
    return problems.size() < MAX_PROBLEMS;
  }

  boolean full() {
    return problems.size() >= MAX_PROBLEMS;
  }

  /**
   * The current scalar as text (a number's digits as written), or empty after recording a problem
   * for anything else.
   */
  Optional<String> scalar(String key, String allowed) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    if (t != null && t.isScalarValue()) {
      return Optional.of(p.getText());
    }
    problem(key, describe(t), allowed);
    p.skipChildren();
    return Optional.empty();
  }

  /** An id (hex, or base64 for OTLP), lower-case hex; empty after recording a problem. */
  Optional<String> id(String key) {
    SourceLocation at = here();
    Optional<String> raw = scalar(key, "a hex id of 16 or 32 digits");
    if (raw.isEmpty() || raw.get().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = Ids.normalise(raw.get());
    if (id.isEmpty()) {
      problems.add(
          new InputProblem(
              file,
              at.line(),
              at.column(),
              key,
              "\"" + shorten(raw.get()) + "\"",
              "a hex id of 16 or 32 digits (or base64 of 8 or 16 bytes)",
              null));
    }
    return id;
  }

  /**
   * A whole number (a JSON number or a decimal string, as OTLP writes 64-bit integers), scaled by
   * {@code toNanos}; null after recording a problem.
   */
  Long nanos(String key, long toNanos) {
    JsonToken t = p.currentToken();
    String text;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
      text = p.getText().trim();
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      // some encoders write microseconds with a fraction; keep it to the nanosecond
      double v = p.getDoubleValue();
      if (Double.isFinite(v) && v >= 0 && v * toNanos < Long.MAX_VALUE) {
        return Math.round(v * toNanos);
      }
      problem(key, p.getText(), "a whole number of at least 0");
      return null;
    } else if (t == JsonToken.VALUE_NULL) {
      return null;
    } else {
      problem(key, describe(t), "a whole number, or a string of digits");
      p.skipChildren();
      return null;
    }
    try {
      long v = Long.parseLong(text);
      if (v < 0 || v > Long.MAX_VALUE / toNanos) {
        problem(key, text, "a whole number from 0 to " + Long.MAX_VALUE / toNanos);
        return null;
      }
      return v * toNanos;
    } catch (NumberFormatException e) {
      problem(key, "\"" + shorten(text) + "\"", "a whole number, or a string of digits");
      return null;
    }
  }

  /** Expects {@code token} now; otherwise records a problem, skips the value and says false. */
  boolean expect(JsonToken token, String key, String allowed) {
    JsonToken t = p.currentToken();
    if (t == token) {
      return true;
    }
    if (t != JsonToken.VALUE_NULL) {
      problem(key, describe(t), allowed);
    }
    p.skipChildren();
    return false;
  }

  /**
   * Turns a draft into a span: ids and times present; a span without a start or an end (Zipkin
   * allows both for incomplete spans) is counted and left out.
   */
  void emit(SpanDraft d) {
    if (d.traceId == null || d.spanId == null) {
      problems.add(
          new InputProblem(
              file,
              d.location.line(),
              d.location.column(),
              d.traceId == null ? "traceId" : "spanId",
              "a span without " + (d.traceId == null ? "a trace id" : "a span id"),
              "every span with its trace id and span id",
              null));
      return;
    }
    long duration;
    if (d.startNanos == null) {
      incomplete++;
      return;
    }
    if (d.durationNanos != null) {
      duration = d.durationNanos;
    } else if (d.endNanos != null && d.endNanos >= d.startNanos) {
      duration = d.endNanos - d.startNanos;
    } else {
      incomplete++; // no end, or an end before the start: no duration to attribute
      return;
    }
    if (out.size() >= maxSpans) {
      problems.add(
          new InputProblem(
              file,
              d.location.line(),
              d.location.column(),
              "",
              "more than " + maxSpans + " spans",
              "at most " + maxSpans + " spans in one run (split the files by time)",
              null));
      return;
    }
    out.add(
        new Span(
            d.traceId,
            d.spanId,
            d.parentId,
            d.name,
            d.kind,
            d.startNanos,
            duration,
            services.computeIfAbsent(d.service, x -> x),
            services.computeIfAbsent(d.remoteService, x -> x),
            d.tags,
            d.shared,
            d.location));
    spans++;
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
