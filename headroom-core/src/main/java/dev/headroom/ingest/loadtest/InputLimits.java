package dev.headroom.ingest.loadtest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * The bounds every load-test reader keeps, so that memory does not grow with hostile input: a line
 * that never ends (a 400 MB CSV without a newline, {@code /dev/zero}) or a quoted CSV field that is
 * never closed stops at a fixed length with a {@link LimitExceeded} naming the line, instead of
 * being read into memory whole. No producer headroom reads writes lines near these lengths: the
 * longest real lines are JTL rows with a response message and k6 NDJSON points, a few kB.
 */
public final class InputLimits {

  /** The longest line a text reader accepts, in characters (1 Mi). */
  public static final int MAX_LINE_CHARS = 1 << 20;

  /** The longest CSV field (which may span lines when quoted) a reader accepts, in characters. */
  public static final int MAX_FIELD_CHARS = 1 << 20;

  /**
   * The longest run of XML characters without a {@code <} or {@code >} (an attribute value, a text
   * node) that a reader accepts (16 Mi): the streaming parser keeps one such run whole. JMeter's
   * saved response data can reach megabytes, so this is larger than a text line.
   */
  public static final int MAX_XML_RUN_CHARS = 1 << 24;

  private InputLimits() {}

  /**
   * A bound was exceeded at {@code line} (1-based) and {@code column} (1-based, 0 when unknown). An
   * {@link IOException} so that it travels through {@link java.io.BufferedReader} and the readers'
   * I/O handling, which turns it into a bad-input problem at that position.
   */
  public static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final int column;
    private final String found;
    private final String allowed;

    public LimitExceeded(long line, int column, String found, String allowed) {
      super(found + " at line " + line);
      this.line = line;
      this.column = column;
      this.found = found;
      this.allowed = allowed;
    }

    public long line() {
      return line;
    }

    public int column() {
      return column;
    }

    public String found() {
      return found;
    }

    public String allowed() {
      return allowed;
    }
  }

  /**
   * Wraps text so that a line longer than {@link #MAX_LINE_CHARS} fails while it is read (before a
   * {@link java.io.BufferedReader} gathers it whole), and drops a leading UTF-8 byte-order mark
   * (U+FEFF), which Windows tools write and which would otherwise hide the first line's keyword.
   */
  static Reader guard(Reader in) {
    return new LineGuard(in);
  }

  /**
   * Wraps XML text so that a run of more than {@link #MAX_XML_RUN_CHARS} characters without markup
   * ({@code <} or {@code >}) fails while it is read: an attribute that is never closed would
   * otherwise be gathered whole by the parser.
   */
  public static Reader markupGuard(Reader in) {
    return new MarkupGuard(in);
  }

  /**
   * A reader that sees every character it passes on, one run of {@link #read(char[], int, int)} at
   * a time: the single-character read and skip go through it too, and marks are not supported (a
   * reset would count characters twice).
   */
  private abstract static class CheckingReader extends FilterReader {
    CheckingReader(Reader in) {
      super(in);
    }

    @Override
    public final int read() throws IOException {
      char[] one = new char[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0];
    }

    @Override
    public final long skip(long n) throws IOException {
      char[] b = new char[(int) Math.min(n, 8192)];
      int r = read(b, 0, b.length);
      return Math.max(r, 0);
    }

    @Override
    public final boolean markSupported() {
      return false;
    }
  }

  private static final class MarkupGuard extends CheckingReader {
    private long line = 1;
    private int run;

    MarkupGuard(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = in.read(cbuf, off, len);
      for (int i = off; i < off + n; i++) {
        char c = cbuf[i];
        if (c == '<' || c == '>') {
          run = 0;
        } else {
          if (c == '\n') {
            line++;
          }
          if (++run > MAX_XML_RUN_CHARS) {
            throw new LimitExceeded(
                line,
                0,
                String.format(
                    Locale.ROOT,
                    "more than %,d characters without XML markup (an unclosed attribute or tag?)",
                    MAX_XML_RUN_CHARS),
                "attribute values and text of at most " + MAX_XML_RUN_CHARS + " characters");
          }
        }
      }
      return n;
    }
  }

  private static final class LineGuard extends CheckingReader {
    private long line = 1;
    private int lineChars;
    private boolean first = true;
    private boolean afterCr;

    LineGuard(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = in.read(cbuf, off, len);
      if (n > 0 && first) {
        first = false;
        if (cbuf[off] == '\uFEFF') {
          System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
          n--;
          if (n == 0) {
            return read(cbuf, off, len);
          }
        }
      }
      for (int i = off; i < off + n; i++) {
        char c = cbuf[i];
        if (c == '\n') {
          if (!afterCr) {
            line++;
          }
          lineChars = 0;
          afterCr = false;
        } else if (c == '\r') {
          line++;
          lineChars = 0;
          afterCr = true;
        } else {
          afterCr = false;
          if (++lineChars > MAX_LINE_CHARS) {
            throw new LimitExceeded(
                line,
                0,
                String.format(
                    Locale.ROOT,
                    "a line longer than %,d characters (no line break)",
                    MAX_LINE_CHARS),
                "lines of at most " + MAX_LINE_CHARS + " characters");
          }
        }
      }
      return n;
    }
  }
}
