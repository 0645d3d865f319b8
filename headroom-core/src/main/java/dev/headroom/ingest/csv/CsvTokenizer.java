package dev.headroom.ingest.csv;

import dev.headroom.ingest.loadtest.InputLimits;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits delimited text into records of fields, following RFC 4180: a field that starts with a
 * double quote runs to the matching quote, may hold delimiters and line breaks, and writes a quote
 * as two quotes. Lines end with LF or CRLF. Unquoted fields are taken as they are (a stray quote
 * inside one is kept), so the tokenizer never fails; a quote still open at the end of the input is
 * reported by {@link #unterminatedQuote()} for the caller to count or reject.
 *
 * <p>It only tokenises: fields are strings, interpretation is the reader's. It reads through its
 * own buffer, so memory does not grow with the input, only with the longest record.
 */
public final class CsvTokenizer implements CsvRecord {

  private final Reader in;
  private final char delimiter;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;

  /**
   * The current record's characters, field after field; a field becomes a String only when asked
   * for ({@link #field(int)}): a JMeter row has 17 fields and a reader uses 6, and making Strings
   * of the rest was most of the time spent reading a large JTL.
   */
  private char[] rec = new char[256];

  private int recLength;
  private int fieldStart;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private String[] fields = new String[32];
  private int[] columns = new int[32];
  private int size;
  private long line = 1;

  /** Characters read before the buffer's first, so base + pos is the offset in the input. */
  private long base;

  /** The input offset where the current line starts: a column is an offset less this, plus 1. */
  private long lineStart;

  private long recordLine;
  private boolean unterminated;

  /** A tokenizer whose first record is on line 1. */
  public CsvTokenizer(Reader in, char delimiter) {
    this(in, delimiter, 1);
  }

  /**
   * A tokenizer whose first record is on line {@code firstLine}, for a reader that has already
   * consumed a header line itself.
   */
  public CsvTokenizer(Reader in, char delimiter, long firstLine) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
    }
    this.in = in;
    this.delimiter = delimiter;
    this.line = firstLine;
  }

  /**
   * Reads the next record. Returns false at the end of the input. An empty line is a record of one
   * empty field.
   */
  public boolean next() throws IOException {
    size = 0;
    unterminated = false;
    recordLine = line;
    int fieldColumn = column();
    int c = read();
    if (c < 0) {
      return false;
    }
    recLength = 0;
    fieldStart = 0;
    boolean inQuotes = false;
    boolean atFieldStart = true;
    while (true) {
      if (c < 0) {
        unterminated = inQuotes;
        add(fieldColumn);
        return true;
      }
      if (inQuotes) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            append('"', fieldColumn);
          } else {
            inQuotes = false;
          }
        } else {
          append(c, fieldColumn);
        }
      } else if (c == delimiter) {
        add(fieldColumn);
        atFieldStart = true;
        fieldColumn = column();
      } else if (c == '\n') {
        add(fieldColumn);
        return true;
      } else if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        add(fieldColumn);
        return true;
      } else if (c == '"' && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else {
        append(c, fieldColumn);
        atFieldStart = false;
        appendRun(fieldColumn);
      }
      c = read();
    }
  }

  /**
   * The fast path of an unquoted field: copies the rest of it that is already in the buffer, up to
   * the next delimiter or line break, in one bulk append instead of a character at a time. It stops
   * at the same characters the loop in {@link #next()} acts on outside quotes (a quote inside an
   * unquoted field is kept either way), so the result is the same; it is most of the time the
   * tokenizer spends on a large JTL's short fields.
   */
  private void appendRun(int fieldColumn) throws InputLimits.LimitExceeded {
    int start = pos;
    int i = start;
    char d = delimiter;
    while (i < limit) {
      char ch = buf[i];
      if (ch == d || ch == '\n' || ch == '\r') {
        break;
      }
      i++;
    }
    int run = i - start;
    if (run == 0) {
      return;
    }
    if (recLength - fieldStart + run > InputLimits.MAX_FIELD_CHARS) {
      // let the character-at-a-time path reach the limit and report it where it is
      return;
    }
    if (recLength + run > rec.length) {
      rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLength + run));
    }
    System.arraycopy(buf, start, rec, recLength, run);
    recLength += run;
    pos = i;
  }

  /** Number of fields in the current record. */
  @Override
  public int size() {
    return size;
  }

  /** Field {@code i} (0-based) of the current record, unquoted. */
  @Override
  public String field(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
    if (fields[i] == null) {
      fields[i] = new String(rec, starts[i], ends[i] - starts[i]);
    }
    return fields[i];
  }

  /** Whether field {@code i} starts with {@code prefix}, without making a String of the field. */
  @Override
  public boolean fieldStartsWith(int i, String prefix) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
    int n = prefix.length();
    if (ends[i] - starts[i] < n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (rec[starts[i] + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean fieldIs(int i, String ascii) {
    return fieldStartsWith(i, ascii) && ends[i] - starts[i] == ascii.length();
  }

  @Override
  public long fieldDigits(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
    int n = ends[i] - starts[i];
    if (n == 0 || n > 18) {
      return -1;
    }
    long v = 0;
    for (int k = starts[i]; k < ends[i]; k++) {
      int d = rec[k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  @Override
  public boolean fieldEmpty(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
    return ends[i] == starts[i];
  }

  /** The 1-based column where field {@code i} starts, on the line where it starts. */
  @Override
  public int column(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
    return columns[i];
  }

  /** The 1-based line where the current record starts. */
  @Override
  public long line() {
    return recordLine;
  }

  /** Whether the current record ended inside a quoted field (the input stopped mid-record). */
  @Override
  public boolean unterminatedQuote() {
    return unterminated;
  }

  /** Whether the current record is an empty line. */
  @Override
  public boolean blank() {
    return size == 1 && ends[0] == starts[0];
  }

  /**
   * Appends to the current field, refusing one longer than {@link InputLimits#MAX_FIELD_CHARS}: a
   * quote that is never closed would otherwise gather the rest of the input, line breaks and all.
   */
  private void append(int c, int fieldColumn) throws InputLimits.LimitExceeded {
    if (recLength - fieldStart >= InputLimits.MAX_FIELD_CHARS) {
      throw new InputLimits.LimitExceeded(
          recordLine,
          fieldColumn,
          String.format(
              Locale.ROOT,
              "a field longer than %,d characters (an unclosed quote?)",
              InputLimits.MAX_FIELD_CHARS),
          "fields of at most " + InputLimits.MAX_FIELD_CHARS + " characters");
    }
    if (recLength == rec.length) {
      rec = Arrays.copyOf(rec, rec.length * 2);
    }
    rec[recLength++] = (char) c;
  }

  private void add(int fieldColumn) {
    if (size == fields.length) {
      fields = Arrays.copyOf(fields, size * 2);
      columns = Arrays.copyOf(columns, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    fields[size] = null;
    starts[size] = fieldStart;
    ends[size] = recLength;
    columns[size] = fieldColumn;
    size++;
    fieldStart = recLength;
  }

  /** The 1-based column of the next character to read (kept from positions, not per character). */
  private int column() {
    return (int) Math.min(Integer.MAX_VALUE, base + pos - lineStart + 1);
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    char c = buf[pos++];
    if (c == '\n') {
      line++;
      lineStart = base + pos;
    }
    return c;
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    base += limit;
    pos = 0;
    limit = n;
    return true;
  }
}
