package dev.headroom.ingest.trace;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads trace files of any {@link TraceFormat}, telling them apart by content (never by name): a
 * JSON array is Zipkin v2, an object with {@code resourceSpans} is OTLP JSON, an object with {@code
 * data} is Jaeger's. Files are streamed token by token, so memory grows with the spans kept (a few
 * hundred bytes each, {@link Span#KEPT_TAGS}), not with the file; at most {@link #MAX_SPANS} spans
 * are kept. Several root values in one file (the OTLP file exporter writes one batch per line) are
 * read one after the other.
 *
 * <p>Bad input stops with a {@link BadInputException} listing each problem at {@code
 * file:line:column} with what was found and what is allowed.
 */
public final class TraceReader {

  /**
   * The most spans one run keeps (2 million: a few hundred bytes each, well under the default heap
   * of a machine with 8 GB): a bound, so that a runaway export fails with a message instead of
   * exhausting memory. Split larger exports by time and collect them one by one.
   */
  public static final long MAX_SPANS = 2_000_000;

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String ALLOWED =
      "OTLP JSON ({\"resourceSpans\": …}), Jaeger JSON ({\"data\": …}) or Zipkin v2 JSON ([span, …])";

  private TraceReader() {}

  /** Reads every file, in order. */
  public static TraceInput read(List<Path> files) {
    return read(files, MAX_SPANS);
  }

  static TraceInput read(List<Path> files, long maxSpans) {
    List<Span> spans = new ArrayList<>();
    List<TraceInput.FileRead> reads = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = gunzipped(Files.newInputStream(f))) {
        read(f.toString(), in, spans, problems, maxSpans).ifPresent(reads::add);
      } catch (NoSuchFileException e) {
        problems.add(
            new InputProblem(f.toString(), 0, 0, "", "no such file", "a trace file", null));
      } catch (IOException | UncheckedIOException e) {
        problems.add(
            new InputProblem(
                f.toString(),
                0,
                0,
                "",
                "an unreadable file (" + e.getMessage() + ")",
                "a readable trace file",
                null));
      }
      if (problems.size() >= SpanStream.MAX_PROBLEMS) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return new TraceInput(spans, reads);
  }

  /** The stream, gunzipped when it starts with gzip's magic bytes 1f 8b (exports often are). */
  private static InputStream gunzipped(InputStream raw) throws IOException {
    java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new java.util.zip.GZIPInputStream(in) : in;
  }

  /** Reads one stream named {@code name} (for messages). */
  public static TraceInput read(String name, InputStream in) {
    List<Span> spans = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    java.util.Optional<TraceInput.FileRead> r = read(name, in, spans, problems, MAX_SPANS);
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return new TraceInput(spans, r.stream().toList());
  }

  private static java.util.Optional<TraceInput.FileRead> read(
      String name, InputStream in, List<Span> spans, List<InputProblem> problems, long maxSpans) {
    int before = problems.size();
    TraceFormat format = null;
    SpanStream s = null;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      s = new SpanStream(p, name, spans, problems, maxSpans);
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(new InputProblem(name, 0, 0, "", "an empty file", ALLOWED, null));
        return java.util.Optional.empty();
      }
      while (t != null && !s.full()) {
        TraceFormat here;
        if (t == JsonToken.START_ARRAY) {
          here = TraceFormat.ZIPKIN_V2;
          format = same(s, format, here);
          ZipkinJsonReader.spans(s);
        } else if (t == JsonToken.START_OBJECT) {
          dev.headroom.model.SourceLocation at = s.here();
          here = object(s, format);
          if (here == null) {
            s.problem(at, "", "an object without \"resourceSpans\" or \"data\"", ALLOWED);
            break;
          }
          format = here;
        } else {
          s.problem("", SpanStream.describe(t), ALLOWED);
          break;
        }
        t = p.nextToken();
      }
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      problems.add(
          new InputProblem(
              name,
              at == null ? 0 : Math.max(0, at.getLineNr()),
              at == null ? 0 : Math.max(0, at.getColumnNr()),
              "",
              "malformed JSON (" + e.getOriginalMessage() + ")",
              ALLOWED,
              null));
    }
    if (problems.size() > before || format == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new TraceInput.FileRead(name, format, s.spans, s.incomplete));
  }

  /** An object at the root: OTLP or Jaeger by the key it holds; null when neither. */
  private static TraceFormat object(SpanStream s, TraceFormat sofar) {
    TraceFormat found = null;
    String field;
    while ((field = s.p.nextName()) != null) {
      s.p.nextToken();
      switch (field) {
        case "resourceSpans" -> {
          found = same(s, sofar, TraceFormat.OTLP_JSON);
          OtlpJsonReader.resourceSpans(s);
        }
        case "data" -> {
          found = same(s, sofar, TraceFormat.JAEGER_JSON);
          JaegerJsonReader.data(s);
        }
        default -> s.p.skipChildren();
      }
      if (s.full()) {
        return found;
      }
    }
    return found;
  }

  private static TraceFormat same(SpanStream s, TraceFormat sofar, TraceFormat here) {
    if (sofar != null && sofar != here) {
      s.problem(
          "", here.title() + " after " + sofar.title() + " in one file", "one format per file");
    }
    return here;
  }
}
