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
public final class CsvTokenizer {

  private final Reader in;
  private final char delimiter;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private final StringBuilder field = new StringBuilder(64);
  private String[] fields = new String[32];
  private int[] columns = new int[32];
  private int size;
  private long line = 1;
  private int column = 1;
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
    int fieldColumn = column;
    int c = read();
    if (c < 0) {
      return false;
    }
    field.setLength(0);
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
            field.append('"');
          } else {
            inQuotes = false;
          }
        } else {
          append(c, fieldColumn);
        }
      } else if (c == delimiter) {
        add(fieldColumn);
        atFieldStart = true;
        fieldColumn = column;
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
      }
      c = read();
    }
  }

  /** Number of fields in the current record. */
  public int size() {
    return size;
  }

  /** Field {@code i} (0-based) of the current record, unquoted. */
  public String field(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
    return fields[i];
  }

  /** The 1-based column where field {@code i} starts, on the line where it starts. */
  public int column(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
    return columns[i];
  }

  /** The 1-based line where the current record starts. */
  public long line() {
    return recordLine;
  }

  /** Whether the current record ended inside a quoted field (the input stopped mid-record). */
  public boolean unterminatedQuote() {
    return unterminated;
  }

  /** Whether the current record is an empty line. */
  public boolean blank() {
    return size == 1 && fields[0].isEmpty();
  }

  /**
   * Appends to the current field, refusing one longer than {@link InputLimits#MAX_FIELD_CHARS}: a
   * quote that is never closed would otherwise gather the rest of the input, line breaks and all.
   */
  private void append(int c, int fieldColumn) throws InputLimits.LimitExceeded {
    if (field.length() >= InputLimits.MAX_FIELD_CHARS) {
      throw new InputLimits.LimitExceeded(
          recordLine,
          fieldColumn,
          String.format(
              Locale.ROOT,
              "a field longer than %,d characters (an unclosed quote?)",
              InputLimits.MAX_FIELD_CHARS),
          "fields of at most " + InputLimits.MAX_FIELD_CHARS + " characters");
    }
    field.append((char) c);
  }

  private void add(int fieldColumn) {
    if (size == fields.length) {
      fields = Arrays.copyOf(fields, size * 2);
      columns = Arrays.copyOf(columns, size * 2);
    }
    fields[size] = field.toString();
    columns[size] = fieldColumn;
    size++;
    field.setLength(0);
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    char c = buf[pos++];
    if (c == '\n') {
      line++;
      column = 1;
    } else {
      column++;
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
    pos = 0;
    limit = n;
    return true;
  }
}
