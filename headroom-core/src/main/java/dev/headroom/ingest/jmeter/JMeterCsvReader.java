package dev.headroom.ingest.jmeter;

import dev.headroom.ingest.csv.CsvRecord;
import dev.headroom.ingest.csv.CsvTokenizer;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Apache JMeter JTL results in CSV ({@code jmeter.save.saveservice.output_format=csv}, the default
 * since JMeter 2.x; checked against files written by JMeter 5.6.3 and the 2019 {@code
 * HTMLReportTestFile.csv} shipped with JMeter).
 *
 * <p><b>Layout.</b> A header names the columns JMeter was told to save ({@code
 * jmeter.save.saveservice.*}); they come in a fixed order but any may be missing. The 5.x default
 * is {@code timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,
 * failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect}; optional
 * extras are {@code SampleCount,ErrorCount,Hostname,Encoding,Filename} and sample variables.
 * Columns are found by name, so any selection works. Fields are RFC 4180 quoted when they hold the
 * delimiter (a Transaction Controller's message holds a comma). The delimiter is a comma by default
 * and may be changed ({@code default_delimiter}); a tab, semicolon or bar is recognised from the
 * header.
 *
 * <p><b>Files without a header.</b> JMeter before 2.13 wrote no header by default ({@code
 * jmeter.save.saveservice.print_field_names=false}); 2.13 made it the default. Such a file is
 * recognised (its first line starts with an epoch-millisecond time stamp and an integer elapsed
 * time) and refused with a message that says the header is missing and gives the default column
 * order to put as its first line. It is not read with an assumed order, because the columns depend
 * on the version and on every {@code jmeter.save.saveservice.*} switch (2.x wrote no {@code URL},
 * {@code sentBytes}, {@code IdleTime} or {@code Connect}, {@code thread_counts} was off before
 * 2.13's defaults), and a shifted column would be read silently as the wrong field: {@code success}
 * and {@code allThreads} move with every switch. Only the user, with the JMeter properties of the
 * run, can name them.
 *
 * <p><b>Fields used and units.</b>
 *
 * <ul>
 *   <li>{@code timeStamp}: epoch milliseconds at the sample's <em>start</em> (the shipped {@code
 *       sampleresult.timestamp.start=true}); required. A date string ({@code timestamp_format}) is
 *       not epoch ms and its row is skipped.
 *   <li>{@code elapsed}: milliseconds, integer; required. Latency percentiles come from it.
 *   <li>{@code success}: {@code true|false}; without it every sample counts as a success.
 *   <li>{@code allThreads}: active threads in all thread groups when the sample ended; it is the
 *       concurrency N of X(N). Without it the run is one step at {@code --concurrency} or at
 *       Little's law N = X·R.
 *   <li>{@code SampleCount}, {@code ErrorCount}: an aggregated row of SampleCount samples, each
 *       taken as elapsed/SampleCount ms, of which ErrorCount failed (JMeter's StatCalculator does
 *       the same).
 *   <li>{@code responseMessage}, {@code dataType}, {@code URL}: recognise Transaction Controller
 *       rows, whose message starts "Number of samples in transaction"; without a responseMessage
 *       column, a row with an empty dataType and a URL of {@code null} is taken as one. They are
 *       counted and left out, as JMeter's summariser does (the sample file has 582 rows, 435
 *       samples). A {@code null} URL alone does not make a transaction: Java Request samplers write
 *       it too.
 * </ul>
 *
 * <p>Rows are written when samples end but stamped with their start, so they are out of order; the
 * step recorder does not need them sorted. A row that cannot be read (a non-number, too few fields,
 * an unclosed quote) is skipped, counted and reported with its line; a missing header or required
 * column is an error.
 */
public final class JMeterCsvReader extends LoadTestReader {

  private static final char[] DELIMITERS = {',', '\t', ';', '|'};

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.JMETER_CSV;
  }

  /**
   * The default columns of JMeter 5.x ({@code bin/jmeter.properties} with no switch changed), the
   * order every version writes its selected columns in.
   */
  static final String DEFAULT_COLUMNS =
      "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
          + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

  /** A sample row as a header-less JTL starts: epoch ms (13 digits), an integer elapsed time. */
  private static final java.util.regex.Pattern HEADERLESS_ROW =
      java.util.regex.Pattern.compile("1[0-9]{12}([,\t;|])[0-9]{1,10}\\1.*");

  @Override
  public boolean accepts(Head head) {
    String text = head.text();
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).strip();
    return delimiterOf(first) != 0 || isHeaderlessRow(first);
  }

  /**
   * Whether {@code line} is a sample row of a JTL written without its header; {@code accepts} takes
   * it so that {@code read} can say what is missing, where detection would only say "no format".
   */
  static boolean isHeaderlessRow(String line) {
    return HEADERLESS_ROW.matcher(line).matches()
        && (line.contains("true") || line.contains("false"));
  }

  /** The delimiter that splits {@code header} into JMeter column names, or 0 if none does. */
  static char delimiterOf(String header) {
    for (char d : DELIMITERS) {
      String[] names = header.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
      // JMeter writes "timeStamp" with this exact case; Locust's history starts "Timestamp"
      boolean startsLikeJtl =
          "timeStamp".equals(names[0].strip())
              && (contains(names, "elapsed") || contains(names, "label"));
      boolean namesLikeJtl =
          contains(names, "timeStamp") && contains(names, "label") && contains(names, "elapsed");
      if (names.length > 1 && (startsLikeJtl || namesLikeJtl)) {
        return d;
      }
    }
    return 0;
  }

  private static boolean contains(String[] names, String name) {
    for (String n : names) {
      if (n.strip().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    return read(file, options, null);
  }

  LoadTest read(Path file, ReadOptions options, RequestSink tap) {
    if (tap == null) {
      LoadTest parallel = JtlCsvParts.read(this, file, options, JtlCsvParts.Plan.DEFAULT);
      if (parallel != null) {
        return parallel;
      }
    }
    return readSequentially(file, options, tap);
  }

  /** Reads the file front to back on this thread: the reference the parallel read must equal. */
  LoadTest readSequentially(Path file, ReadOptions options, RequestSink tap) {
    JtlSamples samples = new JtlSamples(file, tap);
    long line = 0;
    try (BufferedReader in = openText(file)) {
      Header h = header(file, in.readLine());
      if (h.columns().responseMessage < 0 && h.columns().dataType < 0) {
        samples.transactionsUndetectable();
      }
      CsvTokenizer csv = new CsvTokenizer(in, h.delimiter(), 2);
      while (csv.next()) {
        line = csv.line();
        if (csv.blank()) {
          continue;
        }
        row(csv, h.columns(), samples);
      }
    } catch (IOException e) {
      throw ioProblem(file, line, e);
    }
    return samples.finish(format(), PRODUCER, options, line);
  }

  static final String PRODUCER = "Apache JMeter (JTL CSV)";

  /** The delimiter and the columns a header names. */
  record Header(char delimiter, Columns columns) {}

  /**
   * Reads the header line (as {@link BufferedReader#readLine()} gives it, a byte-order mark left at
   * its start dropped) or throws the problem with it.
   */
  static Header header(Path file, String first) {
    if (first == null || first.isBlank()) {
      throw problem(file, 1, "an empty file", "a JMeter JTL CSV starting with its header line");
    }
    if (first.startsWith("\uFEFF")) {
      first = first.substring(1);
    }
    char delimiter = delimiterOf(first);
    if (delimiter == 0 && isHeaderlessRow(first)) {
      throw problem(
          file,
          1,
          "a sample row where the header belongs (\""
              + preview(first)
              + "\"): the file has no header line, as JMeter before 2.13 wrote by default",
          "a JTL CSV whose first line names its columns: add the names in the order of the"
              + " columns as line 1; with JMeter 5's default properties that is "
              + DEFAULT_COLUMNS
              + " (older versions and changed jmeter.save.saveservice.* switches write a subset"
              + " in this order; headroom does not guess which), or set"
              + " jmeter.save.saveservice.print_field_names=true for the next run");
    }
    if (delimiter == 0) {
      throw problem(
          file,
          1,
          "a first line that is not a JTL header (\"" + preview(first) + "\")",
          "a JTL CSV whose first line names its columns, e.g. timeStamp,elapsed,label,…"
              + " (jmeter.save.saveservice.print_field_names=true, JMeter's default)");
    }
    // JMeter writes plain names in the header, so splitting it is enough; rows get the tokenizer
    return new Header(
        delimiter,
        Columns.of(
            file, first.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)));
  }

  static void row(CsvRecord csv, Columns c, JtlSamples samples) {
    long line = csv.line();
    if (csv.unterminatedQuote()) {
      samples.skip(line, "a quoted field that is never closed");
      return;
    }
    if (csv.size() <= c.needed) {
      samples.skip(line, csv.size() + " fields where the header names " + c.count);
      return;
    }
    if (c.isTransaction(csv)) {
      samples.transaction();
      return;
    }
    try {
      long timeStamp = integer(csv, c.timeStamp, "timeStamp", "epoch milliseconds");
      long elapsed = integer(csv, c.elapsed, "elapsed", "milliseconds >= 0");
      boolean ok = true;
      if (c.success >= 0) {
        // JMeter writes exactly "true" or "false"; the case-blind, stripped test is for edited
        // files
        String s;
        if (csv.fieldIs(c.success, "true")) {
          ok = true;
        } else if (csv.fieldIs(c.success, "false")) {
          ok = false;
        } else if ((s = csv.field(c.success).strip()).equalsIgnoreCase("false")) {
          ok = false;
        } else if (!s.equalsIgnoreCase("true")) {
          throw new BadField(csv, c.success, "success", s, "true or false");
        }
      }
      double allThreads =
          c.allThreads >= 0
              ? integer(csv, c.allThreads, "allThreads", "a thread count")
              : Double.NaN;
      long count =
          c.sampleCount >= 0 ? integer(csv, c.sampleCount, "SampleCount", "a count >= 1") : 1;
      if (count < 1) {
        throw new BadField(
            csv, c.sampleCount, "SampleCount", csv.field(c.sampleCount), "a count >= 1");
      }
      long errors = ok ? 0 : count;
      if (c.errorCount >= 0 && count > 1) {
        errors = integer(csv, c.errorCount, "ErrorCount", "a count from 0 to SampleCount");
        if (errors > count) {
          throw new BadField(
              csv,
              c.errorCount,
              "ErrorCount",
              csv.field(c.errorCount),
              "a count from 0 to SampleCount");
        }
      }
      samples.sample(timeStamp, elapsed, allThreads, count, errors);
      if (c.url >= 0 && !samples.hasTarget()) {
        samples.url(csv.field(c.url));
      }
    } catch (BadField e) {
      samples.skip(line, e.getMessage());
    }
  }

  private static long integer(CsvRecord csv, int index, String name, String allowed)
      throws BadField {
    long digits = csv.fieldDigits(index);
    if (digits >= 0) {
      // plain digits: what Long.parseLong gives, without the String
      return digits;
    }
    String s = csv.field(index).strip();
    try {
      long v = Long.parseLong(s);
      if (v < 0) {
        throw new BadField(csv, index, name, s, allowed);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadField(csv, index, name, s, allowed);
    }
  }

  static String preview(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 40; i++) {
      char ch = s.charAt(i);
      sb.append(ch < 0x20 || ch == 0xFFFD ? '?' : ch);
    }
    return sb.toString();
  }

  /** A field that is not what its column allows; the row is skipped with this message. */
  private static final class BadField extends Exception {
    private static final long serialVersionUID = 1L;

    BadField(CsvRecord csv, int index, String name, String found, String allowed) {
      super(
          String.format(
              Locale.ROOT,
              "column %d (%s): found \"%s\"; allowed %s",
              csv.column(index),
              name,
              preview(found),
              allowed),
          null,
          false,
          false);
    }
  }

  /** Column indexes found in the header; -1 when a column was not saved. */
  static final class Columns {
    int count;
    int needed;
    int timeStamp = -1;
    int elapsed = -1;
    int success = -1;
    int allThreads = -1;
    int sampleCount = -1;
    int errorCount = -1;
    int responseMessage = -1;
    int dataType = -1;
    int url = -1;

    static Columns of(Path file, String[] header) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        index.putIfAbsent(header[i].strip().replace("\"", "").toLowerCase(Locale.ROOT), i);
      }
      Columns c = new Columns();
      c.count = header.length;
      c.timeStamp = index.getOrDefault("timestamp", -1);
      c.elapsed = index.getOrDefault("elapsed", -1);
      c.success = index.getOrDefault("success", -1);
      c.allThreads = index.getOrDefault("allthreads", -1);
      c.sampleCount = index.getOrDefault("samplecount", -1);
      c.errorCount = index.getOrDefault("errorcount", -1);
      c.responseMessage = index.getOrDefault("responsemessage", -1);
      c.dataType = index.getOrDefault("datatype", -1);
      c.url = index.getOrDefault("url", -1);
      for (String required : new String[] {"timeStamp", "elapsed"}) {
        if (!index.containsKey(required.toLowerCase(Locale.ROOT))) {
          throw problem(
              file,
              1,
              "a header without a " + required + " column",
              "a JTL header with timeStamp (epoch ms) and elapsed (ms); save them with"
                  + " jmeter.save.saveservice.timestamp=true and time=true");
        }
      }
      int max = 0;
      for (int i :
          new int[] {
            c.timeStamp,
            c.elapsed,
            c.success,
            c.allThreads,
            c.sampleCount,
            c.errorCount,
            c.responseMessage,
            c.dataType,
            c.url
          }) {
        max = Math.max(max, i);
      }
      c.needed = max;
      return c;
    }

    boolean isTransaction(CsvRecord row) {
      if (responseMessage >= 0) {
        return row.fieldStartsWith(responseMessage, JtlSamples.TRANSACTION_MESSAGE);
      }
      return dataType >= 0 && row.fieldEmpty(dataType) && (url < 0 || row.fieldIs(url, "null"));
    }
  }
}
