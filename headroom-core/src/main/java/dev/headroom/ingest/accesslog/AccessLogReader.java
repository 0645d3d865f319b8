package dev.headroom.ingest.accesslog;

import dev.headroom.ingest.accesslog.AccessLogSummary.BadLine;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Reads access logs into an {@link AccessLogSummary}, streaming: one buffer of bytes, one reused
 * {@link LineValues}, no regular expression and no allocation per line once the routes and types
 * are known. Gzip files ({@code access.log.2.gz}) are read through, recognised by their magic
 * bytes; several files (a rotated set) are read oldest first, ordered by their first line's time.
 *
 * <p>The format is a preset ({@link LogPreset}), an nginx {@code log_format} string, or detected
 * from the first lines (the first preset that reads all of them). A line that does not match is
 * counted and the first few are quoted with file:line:column and what was expected there; more than
 * {@link AccessLogSettings#maxBadShare()} of the lines is an error, as is a line longer than {@link
 * AccessLogSettings#maxLineBytes()}.
 */
public final class AccessLogReader {

  /** Lines sampled to detect the format. */
  private static final int DETECT_LINES = 20;

  /** Read buffer; at least twice the longest line. */
  private static final int BUFFER_BYTES = 1 << 20;

  /** After this many lines with none matching, stop: the format is not the file's. */
  private static final int GIVE_UP_LINES = 1_000;

  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private final AccessLogSettings settings;

  public AccessLogReader(AccessLogSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * A parser for a preset id or an nginx log_format string.
   *
   * @throws IllegalArgumentException naming what is wrong with the format
   */
  static LineParser parser(String format) {
    Optional<LogPreset> preset = LogPreset.byId(format);
    if (preset.isPresent()) {
      return parser(preset.get());
    }
    LogFormat f = LogFormat.compile(format);
    boolean time =
        f.fields().contains(Field.TIME_LOCAL)
            || f.fields().contains(Field.TIME_ISO8601)
            || f.fields().contains(Field.MSEC);
    if (!time || !f.fields().contains(Field.STATUS)) {
      throw new IllegalArgumentException(
          "found a format without "
              + (time ? "$status" : "a time ($time_local, $time_iso8601 or $msec)")
              + "; allowed a log_format with a time and $status, since rates and error ratios"
              + " need them");
    }
    return f;
  }

  /** Checks a preset id or log_format string; the message says what is wrong. */
  public static void checkFormat(String format) {
    parser(format);
  }

  private static LineParser parser(LogPreset p) {
    return p == LogPreset.JSON ? new JsonLines() : presetFormat(p);
  }

  private static LineParser presetFormat(LogPreset p) {
    LogFormat f = LogFormat.compile(p.format().orElseThrow());
    return new LineParser() {
      @Override
      public boolean parse(byte[] b, int s, int e, LineValues v) {
        return f.parse(b, s, e, v);
      }

      @Override
      public String describe() {
        return p.id();
      }
    };
  }

  /**
   * Reads {@code files} (at least one) with {@code format} (a preset id or a log_format string;
   * empty: detect).
   *
   * @throws BadInputException for a missing or unreadable file, an undetectable format, too many
   *     bad lines, or a line over the limit
   */
  public AccessLogSummary read(List<Path> files, Optional<String> format) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no log file given");
    }
    for (Path p : files) {
      if (!Files.isRegularFile(p)) {
        throw bad(p.toString(), 0, "no such file", "an access log, plain or .gz");
      }
    }
    boolean detected = format.isEmpty();
    LineParser parser;
    try {
      parser = format.map(AccessLogReader::parser).orElseGet(() -> detect(files.get(0)));
    } catch (IllegalArgumentException e) {
      throw bad("--log-format", 0, e.getMessage(), "see docs/formats.md");
    }
    List<Path> ordered = byFirstTime(files, parser);
    Aggregates agg = new Aggregates(settings);
    Counters c = new Counters();
    for (Path p : ordered) {
      readFile(p, parser, agg, c);
    }
    String formatText = parser.describe();
    if (c.lines == 0) {
      throw bad(files.get(0).toString(), 0, "no lines", "an access log with at least one request");
    }
    if (c.bad > c.lines * settings.maxBadShare()) {
      throw new BadInputException(tooManyBad(ordered.get(0).toString(), c, formatText));
    }
    if (agg.empty()) {
      throw bad(files.get(0).toString(), 0, "no line that matches", formatText);
    }
    return agg.finish(
        ordered.stream().map(Path::toString).toList(),
        formatText,
        detected,
        c.lines,
        c.bad,
        c.examples);
  }

  private List<InputProblem> tooManyBad(String file, Counters c, String format) {
    List<InputProblem> out = new ArrayList<>();
    out.add(
        new InputProblem(
            file,
            0,
            0,
            "",
            c.bad + " of " + c.lines + " lines that do not match the format " + quote(format),
            "at most "
                + Math.round(settings.maxBadShare() * 100 * 100) / 100.0
                + "% of the lines; give the server's own log_format with --log-format",
            null));
    for (BadLine b : c.examples) {
      out.add(
          new InputProblem(
              b.file(),
              (int) Math.min(Integer.MAX_VALUE, b.line()),
              b.column(),
              "",
              "a line that does not match: expected " + b.expected(),
              "lines in the format " + quote(format),
              null));
    }
    return out;
  }

  private static String quote(String format) {
    return format.contains(" ") ? "'" + format + "'" : format;
  }

  private static final class Counters {
    long lines;
    long bad;
    final List<BadLine> examples = new ArrayList<>();
  }

  /** The first preset that reads every one of the first lines. */
  private LineParser detect(Path file) {
    List<byte[]> sample = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    scan(
        file,
        (b, s, e, n) -> {
          sample.add(java.util.Arrays.copyOfRange(b, s, e));
          numbers.add(n);
          return sample.size() < DETECT_LINES;
        });
    if (sample.isEmpty()) {
      throw bad(file.toString(), 0, "no lines", "an access log with at least one request");
    }
    LineValues v = new LineValues();
    String firstError = null;
    for (LogPreset p : LogPreset.values()) {
      LineParser parser = parser(p);
      boolean all = true;
      for (byte[] line : sample) {
        v.reset(line);
        if (!parser.parse(line, 0, line.length, v)) {
          all = false;
          if (p == LogPreset.COMBINED && firstError == null) {
            firstError = "column " + v.errorColumn + ": not combined, which expects " + v.error;
          }
          break;
        }
      }
      if (all) {
        return parser;
      }
    }
    throw bad(
        file + ":" + numbers.get(0),
        0,
        "lines in none of the known formats "
            + LogPreset.ids()
            + (firstError == null ? "" : " (" + firstError + ")"),
        "one of them, or the server's own format with --log-format '<log_format from nginx.conf>'");
  }

  /**
   * Files ordered by the time of their first readable line; unreadable ones keep their place last.
   */
  private List<Path> byFirstTime(List<Path> files, LineParser parser) {
    if (files.size() == 1) {
      return files;
    }
    record Dated(Path path, long time, int index) {}
    List<Dated> dated = new ArrayList<>();
    LineValues v = new LineValues();
    for (int i = 0; i < files.size(); i++) {
      long[] t = {Long.MAX_VALUE};
      scan(
          files.get(i),
          (b, s, e, n) -> {
            v.reset(b);
            if (parser.parse(b, s, e, v)) {
              t[0] = v.epochMillis;
              return false;
            }
            return n < GIVE_UP_LINES;
          });
      dated.add(new Dated(files.get(i), t[0], i));
    }
    dated.sort(Comparator.comparingLong(Dated::time).thenComparingInt(Dated::index));
    return dated.stream().map(Dated::path).collect(Collectors.toList());
  }

  private void readFile(Path file, LineParser parser, Aggregates agg, Counters c) {
    LineValues v = new LineValues();
    String name = file.toString();
    int reported = settings.reportedBadLines();
    scan(
        file,
        (b, s, e, n) -> {
          c.lines++;
          v.reset(b);
          if (parser.parse(b, s, e, v) && v.epochMillis != Long.MIN_VALUE && v.status >= 0) {
            agg.accept(v);
          } else {
            c.bad++;
            if (c.examples.size() < reported) {
              c.examples.add(
                  new BadLine(
                      name,
                      n,
                      Math.max(1, v.errorColumn),
                      v.error == null ? "a time and a status" : v.error));
            }
            if (c.bad == c.lines && c.lines >= GIVE_UP_LINES) {
              throw new BadInputException(tooManyBad(name, c, parser.describe()));
            }
          }
          return true;
        });
  }

  /** Receives each non-blank line: the buffer, its bounds and its 1-based number. */
  @FunctionalInterface
  private interface LineSink {
    /** False to stop reading. */
    boolean line(byte[] b, int s, int e, long number);
  }

  /** Calls {@code sink} with each non-blank line of {@code file}, without its line end. */
  private void scan(Path file, LineSink sink) {
    int max = settings.maxLineBytes();
    byte[] buf = new byte[Math.max(BUFFER_BYTES, 2 * max + 2)];
    try (InputStream in = open(file)) {
      int start = 0;
      int end = 0;
      int scan = 0;
      long number = 0;
      boolean eof = false;
      while (true) {
        int nl = -1;
        for (int i = scan; i < end; i++) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        if (nl >= 0 || (eof && end > start)) {
          int lineEnd = nl >= 0 ? nl : end;
          number++;
          if (lineEnd - start > max) {
            throw tooLong(file, number, max);
          }
          int e = lineEnd;
          if (e > start && buf[e - 1] == '\r') {
            e--;
          }
          if (!blank(buf, start, e) && !sink.line(buf, start, e, number)) {
            return;
          }
          start = lineEnd + 1;
          scan = start;
          if (nl < 0) {
            return;
          }
          continue;
        }
        if (eof) {
          return;
        }
        if (end - start > max) {
          throw tooLong(file, number + 1, max);
        }
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        }
        scan = end;
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          eof = true;
        } else {
          end += n;
        }
      }
    } catch (NoSuchFileException e) {
      throw bad(file.toString(), 0, "no such file", "an access log, plain or .gz");
    } catch (IOException e) {
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              "",
              "a file that cannot be read (" + e.getMessage() + ")",
              "a readable access log, plain or .gz",
              null),
          e);
    } catch (UncheckedIOException e) {
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              "",
              "a file that cannot be read (" + e.getMessage() + ")",
              "a readable access log, plain or .gz",
              null),
          e);
    }
  }

  private static boolean blank(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static InputStream open(Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    if (a == GZIP_MAGIC_1 && b == GZIP_MAGIC_2) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  private static BadInputException tooLong(Path file, long line, int max) {
    return bad(
        file + ":" + line,
        0,
        "a line longer than " + max + " bytes (no line end within them)",
        "lines up to "
            + max
            + " bytes; an access log has one request per line (raise the limit"
            + " with --max-line-bytes)");
  }

  private static BadInputException bad(String where, int line, String found, String allowed) {
    return new BadInputException(new InputProblem(where, line, 0, "", found, allowed, null));
  }
}
