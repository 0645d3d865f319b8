package dev.headroom.ingest.csv;

import dev.headroom.ingest.loadtest.InputLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records of one part of a UTF-8 file, tokenised as {@link CsvTokenizer} does (RFC 4180 quotes,
 * LF or CRLF line ends) but on the bytes: a field becomes a String only when asked for, numbers and
 * flags are read from the bytes, so a reader that looks at 6 of 17 fields decodes none of them.
 * Since the delimiter, quote and line breaks are ASCII and UTF-8 never uses ASCII byte values
 * inside a multi-byte character, splitting the bytes splits the characters at the same places.
 *
 * <p>It reads from {@code start}, which must be the start of a record (the caller checks that it
 * was, see {@link #offset()}), and returns every record that starts before {@code stop}; the last
 * one may run past {@code stop}. Memory is one buffer that grows only to hold the longest record.
 *
 * <p>Two inputs are not read here, and {@link NotSplittable} says so, for the caller to read the
 * file with {@link CsvTokenizer} instead, which gives the exact answer or error: a line that ends
 * with a carriage return alone (old Mac files; the character reader counts such lines differently
 * from records), and a record longer than {@link InputLimits#MAX_LINE_CHARS} bytes (where the
 * character reader's limits on lines and fields might apply).
 */
public final class ByteCsvTokenizer implements CsvRecord {

  /**
   * This part cannot be read here the same way {@link CsvTokenizer} reads it; read sequentially.
   */
  public static final class NotSplittable extends Exception {
    private static final long serialVersionUID = 1L;

    NotSplittable(String why) {
      super(why, null, false, false);
    }
  }

  private static final byte QUOTE = '"';
  private static final byte LF = '\n';
  private static final byte CR = '\r';

  /** Digits that always fit a long (10^18 - 1 < 2^63 - 1). */
  private static final int MAX_DIGITS = 18;

  private final FileChannel channel;
  private final byte delimiter;

  private final long stop;
  private final long end;
  private byte[] buf;

  /** File offset of {@code buf[0]}. */
  private long base;

  /** Index in {@code buf} where the next record starts (a line start: lone CRs are refused). */
  private int pos;

  private int limit;
  private long line = 1;

  private long recordLine;
  private boolean unterminated;
  private int size;
  private int[] rawStarts = new int[32];
  private int[] rawEnds = new int[32];
  private int[] lineStarts = new int[32];
  private boolean[] quoted = new boolean[32];
  private String[] fields = new String[32];

  /** A quoted field with its quotes taken out, for the field last asked about. */
  private byte[] scratch = new byte[256];

  private int scratchLength;
  private int scratchField = -1;

  /**
   * @param channel the file, read with positional reads (several tokenizers may share it)
   * @param start file offset of the first record's first byte
   * @param stop no record starting at or after this offset is returned
   * @param end the file's length: nothing at or after it is read
   * @param delimiter an ASCII field delimiter, not a quote or line break
   * @param bufferSize initial buffer size in bytes
   */
  public ByteCsvTokenizer(
      FileChannel channel, long start, long stop, long end, char delimiter, int bufferSize) {
    if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must be ASCII and not a quote or a line break");
    }
    if (start < 0 || start > end || bufferSize < 2) {
      throw new IllegalArgumentException(
          "need 0 <= start <= end and a buffer of 2 bytes or more; got start "
              + start
              + ", end "
              + end
              + ", buffer "
              + bufferSize);
    }
    this.channel = channel;
    this.delimiter = (byte) delimiter;
    this.stop = stop;
    this.end = end;
    this.base = start;
    this.buf = new byte[bufferSize];
  }

  /**
   * The offset of the first byte of {@code channel} at or after {@code from} that follows a line
   * feed, or {@code end} when none does: where a part of the file may start.
   */
  public static long nextLineStart(FileChannel channel, long from, long end) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    long at = from;
    while (at < end) {
      b.clear();
      b.limit((int) Math.min(b.capacity(), end - at));
      int n = channel.read(b, at);
      if (n <= 0) {
        return end;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) == LF) {
          return at + i + 1;
        }
      }
      at += n;
    }
    return end;
  }

  /** The file offset just after the last record returned: where the next part must start. */
  public long offset() {
    return base + pos;
  }

  /** Line feeds read so far, inside quoted fields too: the lines this part spans. */
  public long lineFeeds() {
    return line - 1;
  }

  /**
   * Reads the next record starting before {@code stop}. Returns false when there is none. Lines are
   * counted from 1 at {@code start}.
   */
  public boolean next() throws IOException, NotSplittable {
    size = 0;
    unterminated = false;
    scratchField = -1;
    if (pos == limit && !more()) {
      return false;
    }
    if (base + pos >= stop) {
      return false;
    }
    while (true) {
      int r = scan();
      if (r >= 0) {
        return true;
      }
      // the record runs past the buffer: keep it, read more, and tokenise it again from its start
      if (!more()) {
        scanToEnd();
        return true;
      }
    }
  }

  /**
   * Tokenises the record at {@code pos} if it ends inside the buffer (or the input ends with the
   * buffer); returns -1 when more input is needed, having changed nothing but the fields.
   */
  private int scan() throws NotSplittable {
    boolean eof = base + limit >= end;
    byte[] b = buf;
    byte d = delimiter;
    int lim = limit;
    int i = pos;
    long ln = line;
    int ls = pos;
    int fieldStart = i;
    int fieldLine = ls;
    boolean inQuotes = false;
    boolean atFieldStart = true;
    boolean quotedField = false;
    size = 0;
    while (true) {
      if (i >= lim) {
        if (!eof) {
          return -1;
        }
        unterminated = inQuotes;
        add(fieldStart, i, fieldLine, quotedField);
        return finish(i, ln, i);
      }
      byte c = b[i];
      if (inQuotes) {
        if (c == QUOTE) {
          if (i + 1 >= lim && !eof) {
            return -1;
          }
          if (i + 1 < lim && b[i + 1] == QUOTE) {
            i += 2;
          } else {
            inQuotes = false;
            i++;
          }
        } else {
          if (c == LF) {
            ln++;
            ls = i + 1;
          }
          i++;
        }
      } else if (c == d) {
        add(fieldStart, i, fieldLine, quotedField);
        i++;
        fieldStart = i;
        fieldLine = ls;
        atFieldStart = true;
        quotedField = false;
      } else if (c == LF) {
        add(fieldStart, i, fieldLine, quotedField);
        return finish(i, ln + 1, i + 1);
      } else if (c == CR) {
        if (i + 1 >= lim && !eof) {
          return -1;
        }
        if (i + 1 < lim && b[i + 1] == LF) {
          add(fieldStart, i, fieldLine, quotedField);
          return finish(i, ln + 1, i + 2);
        }
        if (i + 1 < lim) {
          throw new NotSplittable("a line that ends with a carriage return alone");
        }
        // a carriage return as the input's last byte ends the last record; no line follows
        add(fieldStart, i, fieldLine, quotedField);
        return finish(i, ln, i + 1);
      } else if (c == QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        quotedField = true;
        i++;
      } else {
        atFieldStart = false;
        i++;
        // the rest of an unquoted field: a quote inside it is kept, as CsvTokenizer keeps it. One
        // byte at a time: eight at a time (the zero-byte test on a long read through a VarHandle)
        // took 1.1 to 1.9 times as long under the client compiler, which the launcher runs this
        // with
        while (i < lim) {
          byte x = b[i];
          if (x == d || x == LF || x == CR) {
            break;
          }
          i++;
        }
      }
    }
  }

  private int finish(int contentEnd, long nextLine, int next) throws NotSplittable {
    if (contentEnd - pos > InputLimits.MAX_LINE_CHARS) {
      throw new NotSplittable("a record longer than " + InputLimits.MAX_LINE_CHARS + " bytes");
    }
    recordLine = line;
    line = nextLine;
    pos = next;
    return next;
  }

  /** The input ended inside a record that {@link #scan()} asked more for; scan it as the last. */
  private void scanToEnd() throws NotSplittable {
    int r = scan();
    if (r < 0) {
      throw new IllegalStateException("a record past the end of the input");
    }
  }

  /**
   * Reads more input after the current record's start, moving the record to the buffer's start (or
   * growing the buffer when the record fills it). Returns false at the end of the input.
   */
  private boolean more() throws IOException, NotSplittable {
    if (base + limit >= end) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    } else if (limit == buf.length) {
      if (buf.length > InputLimits.MAX_LINE_CHARS) {
        throw new NotSplittable("a record longer than " + InputLimits.MAX_LINE_CHARS + " bytes");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    ByteBuffer into =
        ByteBuffer.wrap(buf, limit, (int) Math.min(buf.length - limit, end - base - limit));
    int n = 0;
    while (n == 0) {
      n = channel.read(into, base + limit);
    }
    if (n < 0) {
      throw new IOException(
          "the file ended at byte " + (base + limit) + ", before its length " + end);
    }
    limit += n;
    return true;
  }

  private void add(int rawStart, int rawEnd, int lineStart, boolean isQuoted) {
    if (size == rawStarts.length) {
      int n = size * 2;
      rawStarts = Arrays.copyOf(rawStarts, n);
      rawEnds = Arrays.copyOf(rawEnds, n);
      lineStarts = Arrays.copyOf(lineStarts, n);
      quoted = Arrays.copyOf(quoted, n);
      fields = Arrays.copyOf(fields, n);
    }
    rawStarts[size] = rawStart;
    rawEnds[size] = rawEnd;
    lineStarts[size] = lineStart;
    quoted[size] = isQuoted;
    fields[size] = null;
    size++;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("field " + i + " of " + size);
    }
  }

  /**
   * Takes the quotes out of quoted field {@code i} into {@code scratch}, as {@link CsvTokenizer}
   * reads it: two quotes inside are one, the closing quote ends the quoted part, and what follows
   * it up to the delimiter is kept as it is.
   */
  private void unquote(int i) {
    if (scratchField == i) {
      return;
    }
    int from = rawStarts[i] + 1;
    int to = rawEnds[i];
    if (scratch.length < to - from) {
      scratch = new byte[Math.max(scratch.length * 2, to - from)];
    }
    int n = 0;
    boolean inQuotes = true;
    for (int k = from; k < to; k++) {
      byte c = buf[k];
      if (inQuotes && c == QUOTE) {
        if (k + 1 < to && buf[k + 1] == QUOTE) {
          scratch[n++] = QUOTE;
          k++;
        } else {
          inQuotes = false;
        }
      } else {
        scratch[n++] = c;
      }
    }
    scratchLength = n;
    scratchField = i;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String field(int i) {
    check(i);
    if (fields[i] == null) {
      if (quoted[i]) {
        unquote(i);
        fields[i] = new String(scratch, 0, scratchLength, StandardCharsets.UTF_8);
      } else {
        fields[i] =
            new String(buf, rawStarts[i], rawEnds[i] - rawStarts[i], StandardCharsets.UTF_8);
      }
    }
    return fields[i];
  }

  @Override
  public boolean fieldStartsWith(int i, String prefix) {
    check(i);
    byte[] b = buf;
    int from = rawStarts[i];
    int n = rawEnds[i] - from;
    if (quoted[i]) {
      unquote(i);
      b = scratch;
      from = 0;
      n = scratchLength;
    }
    int p = prefix.length();
    if (n < p) {
      return false;
    }
    // an ASCII character is the same byte in UTF-8, and no other character holds that byte
    for (int k = 0; k < p; k++) {
      if (b[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean fieldIs(int i, String ascii) {
    check(i);
    int n = quoted[i] ? -1 : rawEnds[i] - rawStarts[i];
    if (n < 0) {
      unquote(i);
      n = scratchLength;
    }
    return n == ascii.length() && fieldStartsWith(i, ascii);
  }

  @Override
  public long fieldDigits(int i) {
    check(i);
    byte[] b = buf;
    int from = rawStarts[i];
    int to = rawEnds[i];
    if (quoted[i]) {
      unquote(i);
      b = scratch;
      from = 0;
      to = scratchLength;
    }
    if (to == from || to - from > MAX_DIGITS) {
      return -1;
    }
    long v = 0;
    for (int k = from; k < to; k++) {
      int digit = b[k] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      v = v * 10 + digit;
    }
    return v;
  }

  @Override
  public boolean fieldEmpty(int i) {
    check(i);
    if (quoted[i]) {
      unquote(i);
      return scratchLength == 0;
    }
    return rawEnds[i] == rawStarts[i];
  }

  /**
   * Counts the characters from the start of the field's line, decoding the bytes (as the character
   * reader decoded them, a malformed sequence as one U+FFFD): only asked for when a field is
   * reported.
   */
  @Override
  public int column(int i) {
    check(i);
    int from = lineStarts[i];
    int chars = new String(buf, from, rawStarts[i] - from, StandardCharsets.UTF_8).length();
    return (int) Math.min(Integer.MAX_VALUE, chars + 1L);
  }

  @Override
  public long line() {
    return recordLine;
  }

  @Override
  public boolean unterminatedQuote() {
    return unterminated;
  }

  @Override
  public boolean blank() {
    return size == 1 && fieldEmpty(0);
  }
}
