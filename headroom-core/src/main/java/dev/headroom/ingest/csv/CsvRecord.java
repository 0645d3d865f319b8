package dev.headroom.ingest.csv;

/**
 * The current record of a CSV tokenizer, as a reader interprets it: the same questions whether the
 * fields are characters ({@link CsvTokenizer}) or bytes of UTF-8 ({@link ByteCsvTokenizer}), so one
 * reader's row logic serves both. The {@code fieldIs} and {@code fieldDigits} shortcuts answer the
 * common cases without making a String of the field; a reader falls back to {@link #field(int)} for
 * everything else, so the answers never differ from those the String would give.
 */
public interface CsvRecord {

  /** Number of fields in the current record. */
  int size();

  /** Field {@code i} (0-based) of the current record, unquoted. */
  String field(int i);

  /** Whether field {@code i} starts with {@code prefix} (ASCII), without making a String of it. */
  boolean fieldStartsWith(int i, String prefix);

  /** Whether field {@code i} is exactly {@code ascii} (ASCII), without making a String of it. */
  boolean fieldIs(int i, String ascii);

  /**
   * Field {@code i} as a number when it is 1 to 18 ASCII digits and nothing else, or -1 otherwise
   * (then {@link #field(int)} says what it is): 18 digits always fit a long.
   */
  long fieldDigits(int i);

  /** Whether field {@code i} is empty. */
  boolean fieldEmpty(int i);

  /**
   * The 1-based column (in characters) where field {@code i} starts, on the line where it starts.
   */
  int column(int i);

  /** The 1-based line where the current record starts. */
  long line();

  /** Whether the current record ended inside a quoted field (the input stopped mid-record). */
  boolean unterminatedQuote();

  /** Whether the current record is an empty line. */
  boolean blank();
}
