package dev.headroom.ingest.hdrhistogram;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LatencyUnit;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram interval log ({@code .hlog}), log format versions 1.01 to 1.3, as written by
 * {@code HistogramLogWriter} (jHiccup, many load generators). Plain or gzip-compressed.
 *
 * <p>Layout ({@code HistogramLogReader} Javadoc, {@code HistogramLogWriter}):
 *
 * <pre>
 * #[Logged with jHiccup version 2.0.7-SNAPSHOT]         optional free comments
 * #[Histogram log format version 1.2]
 * #[StartTime: 1441812279.474 (seconds since epoch), …]
 * #[BaseTime: …]                                         optional
 * "StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
 * [Tag=name,]start,length,max,base64
 * </pre>
 *
 * {@code start} and {@code length} are seconds ({@code start} usually relative to StartTime; in the
 * 1.01 legend the second column is called EndTimestamp but holds the length). {@code max} is the
 * interval's largest value divided by the writer's {@code maxValueUnitRatio} (1e6 by default),
 * informational only. The payload is a base64 compressed histogram (cookie, zlib counts), decoded
 * here with the HdrHistogram library ({@link Histogram#decodeFromCompressedByteBuffer});
 * DoubleHistogram payloads are not read.
 *
 * <p><b>Value unit.</b> A log stores whatever unit was recorded, and does not name it. Give it
 * ({@link ReadOptions#latencyUnit()}, {@code --latency-unit}; or to the constructor), or it is
 * detected from the producer's comment:
 *
 * <ul>
 *   <li>jHiccup ({@code #[Logged with jHiccup version …]}) records nanoseconds;
 *   <li>YCSB ({@code #[Logging for: READ]}, its {@code OneMeasurementHdrHistogram} with {@code
 *       hdrhistogram.fileoutput=true}) records <b>microseconds</b> ({@code measure(int
 *       latencyInMicros)}) but writes {@code Interval_Max} with HistogramLogWriter's default ratio
 *       1e6, so the ratio below would call them nanoseconds, 1000× too small;
 * </ul>
 *
 * otherwise the ratio of a decoded histogram's max to its line's {@code Interval_Max}, which
 * writers choose so that the column reads in ms, gives it (1e6 → ns, 1e3 → µs, 1 → ms); failing
 * all, nanoseconds are assumed with a warning.
 *
 * <p><b>Tags.</b> Only one tag is read: the one given ({@link ReadOptions#tag()}, {@code --tag}; or
 * to the constructor), by default untagged lines. Lines of other tags are counted in a warning. If
 * a log has no untagged lines and a single tag, that tag is read with a warning; with several tags,
 * {@code --tag} names one.
 *
 * <p><b>What is derived.</b> The intervals' histograms are merged losslessly: one {@link Step} with
 * the total count, the mean (HdrHistogram's median-equivalent values), the percentiles and the max
 * (highest equivalent value) of the merge. Throughput is the total count over the summed interval
 * lengths; per interval it is count ÷ length ({@link #scan}). The log records no concurrency: it is
 * the given one ({@link ReadOptions#concurrency()}), or Little's law N = X·R, and the step says
 * which.
 *
 * <p><b>Corrupt lines.</b> HdrHistogram's own {@code HistogramLogReader} stops silently at a line
 * it cannot decode. This reader counts such lines as skipped (with line number and reason) and goes
 * on.
 */
public final class HlogReader extends LoadTestReader {

  /** The unit of the values recorded in the log. */
  public enum ValueUnit {
    NANOSECONDS(1e-6),
    MICROSECONDS(1e-3),
    MILLISECONDS(1.0),
    SECONDS(1000.0);

    private final double msPerUnit;

    ValueUnit(double msPerUnit) {
      this.msPerUnit = msPerUnit;
    }

    public double msPerUnit() {
      return msPerUnit;
    }
  }

  private static final Pattern TIME_COMMENT =
      Pattern.compile("^#\\[(StartTime|BaseTime):\\s*([-+0-9.eE]+).*");
  private static final Pattern VERSION =
      Pattern.compile("^#\\[Histogram log format version ([^\\]]+)].*");
  private static final Pattern JHICCUP =
      Pattern.compile("^#\\[Logged with jHiccup version ([^,\\]]+).*");
  private static final Pattern YCSB = Pattern.compile("^#\\[Logging for: ([^\\]]*)].*");
  private static final int MAX_EXAMPLES = 5;

  private final String tag;
  private final ValueUnit unit;

  /** Untagged lines, value unit detected. */
  public HlogReader() {
    this(null, null);
  }

  /**
   * @param tag the tag to read; null for untagged lines (falling back to a log's only tag)
   * @param unit the unit of the recorded values; null to detect it
   */
  public HlogReader(String tag, ValueUnit unit) {
    this.tag = tag;
    this.unit = unit;
  }

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.HLOG;
  }

  @Override
  public boolean accepts(Head head) {
    for (String line : head.text().split("\\R", 30)) {
      if (line.startsWith("#[Histogram log format version")
          || line.startsWith("\"StartTimestamp\",\"Interval_Length\"")
          || line.startsWith("\"StartTimestamp\",\"EndTimestamp\"")) {
        return true;
      }
    }
    return false;
  }

  /** What a scan of a log found: its header, the merged histogram per tag, and skipped lines. */
  public static final class Scan {
    private final Map<String, TagTotals> tags = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private long skipped;
    private String formatVersion = "";
    private String jHiccupVersion;
    private String ycsbMeasurement;
    private Double startTime;
    private ValueUnit unit;
    private boolean unitDetected;
    private long dataLines;

    /** The log format version from its comment, or "". */
    public String formatVersion() {
      return formatVersion;
    }

    /** The StartTime comment in epoch seconds, or null. */
    public Double startTimeEpochSeconds() {
      return startTime;
    }

    /** The value unit used (given, detected, or assumed). */
    public ValueUnit unit() {
      return unit;
    }

    /** Tags seen, in order of first appearance; "" stands for untagged lines. */
    public List<String> tags() {
      return List.copyOf(tags.keySet());
    }

    /** The merge of all intervals of {@code tag} ("" for untagged), or null if none. */
    public Histogram merged(String tag) {
      TagTotals t = tags.get(tag);
      return t == null ? null : t.histogram;
    }

    /** The number of intervals of {@code tag}. */
    public long intervals(String tag) {
      TagTotals t = tags.get(tag);
      return t == null ? 0 : t.intervals;
    }

    /** The summed interval lengths of {@code tag}, in seconds. */
    public double seconds(String tag) {
      TagTotals t = tags.get(tag);
      return t == null ? 0 : t.seconds;
    }

    public SkippedRecords skipped() {
      return new SkippedRecords(skipped, examples);
    }

    private void skip(long line, String reason) {
      skipped++;
      if (examples.size() < MAX_EXAMPLES) {
        examples.add("line " + line + ": " + reason);
      }
    }
  }

  private static final class TagTotals {
    Histogram histogram;
    long intervals;
    double seconds;
  }

  /**
   * Reads {@code file} once, in constant memory (one merged histogram per tag), calling {@code
   * each} for every interval line decoded, whatever its tag.
   */
  public Scan scan(Path file, Consumer<HlogInterval> each) {
    Scan scan = new Scan();
    scan.unit = unit;
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String raw;
      while ((raw = r.readLine()) != null) {
        lineNo++;
        String line = raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("#")) {
          comment(line, scan);
          continue;
        }
        if (line.startsWith("\"StartTimestamp\"")
            || line.startsWith("\"EndTimestamp\"")
            || line.startsWith("StartTimestamp")) {
          continue; // the legend
        }
        interval(line, lineNo, scan, each);
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (lineNo == 0) {
      throw problem(file, 0, "an empty file", "an HdrHistogram interval log");
    }
    if (scan.unit == null) {
      scan.unit = ValueUnit.NANOSECONDS;
    }
    return scan;
  }

  private static void comment(String line, Scan scan) {
    Matcher m = TIME_COMMENT.matcher(line);
    if (m.matches()) {
      if (m.group(1).equals("StartTime")) {
        try {
          scan.startTime = Double.parseDouble(m.group(2));
        } catch (NumberFormatException e) {
          // an unreadable StartTime only loses the absolute start; intervals are still read
        }
      }
      return;
    }
    m = VERSION.matcher(line);
    if (m.matches()) {
      scan.formatVersion = m.group(1).strip();
      return;
    }
    m = YCSB.matcher(line);
    if (m.matches()) {
      scan.ycsbMeasurement = m.group(1).strip();
      if (scan.unit == null) {
        // YCSB's OneMeasurementHdrHistogram.measure(int latencyInMicros) records microseconds
        scan.unit = ValueUnit.MICROSECONDS;
        scan.unitDetected = true;
      }
      return;
    }
    m = JHICCUP.matcher(line);
    if (m.matches()) {
      scan.jHiccupVersion = m.group(1).strip();
      if (scan.unit == null) {
        // jHiccup records its hiccups in nanoseconds (jHiccup README, HiccupMeter)
        scan.unit = ValueUnit.NANOSECONDS;
        scan.unitDetected = true;
      }
    }
  }

  private static void interval(String line, long lineNo, Scan scan, Consumer<HlogInterval> each) {
    String tagName = "";
    String rest = line;
    if (line.startsWith("Tag=")) {
      int comma = line.indexOf(',');
      if (comma < 0) {
        scan.skip(lineNo, "a Tag= prefix without data");
        return;
      }
      tagName = line.substring(4, comma);
      rest = line.substring(comma + 1);
    }
    String[] f = rest.split(",", -1);
    if (f.length != 4) {
      scan.skip(
          lineNo, f.length + " comma-separated fields; expected start,length,max,base64-histogram");
      return;
    }
    double start;
    double length;
    double max;
    try {
      start = Double.parseDouble(f[0]);
      length = Double.parseDouble(f[1]);
      max = Double.parseDouble(f[2]);
    } catch (NumberFormatException e) {
      scan.skip(lineNo, "start, length or max is not a number (\"" + abbreviate(rest) + "\")");
      return;
    }
    if (!(length >= 0) || !Double.isFinite(length) || !Double.isFinite(start)) {
      scan.skip(lineNo, "interval length " + f[1] + " is not a finite number >= 0");
      return;
    }
    Histogram h;
    try {
      byte[] bytes = Base64.getDecoder().decode(f[3].strip());
      h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    } catch (IllegalArgumentException e) {
      scan.skip(
          lineNo,
          "the histogram is not valid base64 or not an integer histogram (" + e.getMessage() + ")");
      return;
    } catch (DataFormatException | RuntimeException e) {
      scan.skip(
          lineNo,
          "the histogram payload cannot be decoded ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")");
      return;
    }
    if (scan.unit == null && max > 0 && h.getMaxValue() > 0) {
      scan.unit = unitFromRatio(h.getMaxValue() / max);
      scan.unitDetected = scan.unit != null;
    }
    TagTotals t = scan.tags.computeIfAbsent(tagName, k -> new TagTotals());
    if (t.histogram == null) {
      // same lowest discernible value and precision as the logged histograms, so that adding them
      // keeps their buckets (a finer merge would move counts to lowest-equivalent values and
      // shift the mean and percentiles away from what HdrHistogram's own tools print)
      t.histogram =
          new Histogram(
              h.getLowestDiscernibleValue(),
              Math.max(h.getHighestTrackableValue(), 2 * h.getLowestDiscernibleValue()),
              h.getNumberOfSignificantValueDigits());
      t.histogram.setAutoResize(true);
    }
    t.histogram.add(h);
    t.intervals++;
    t.seconds += length;
    scan.dataLines++;
    double msPer = (scan.unit == null ? ValueUnit.NANOSECONDS : scan.unit).msPerUnit();
    each.accept(
        new HlogInterval(
            lineNo, tagName, start, length, h.getTotalCount(), h.getMaxValue() * msPer));
  }

  /**
   * The unit whose values, divided by {@code ratio}, read in ms: writers pick maxValueUnitRatio so
   * that Interval_Max is in ms (HistogramLogWriter's default 1e6 over ns).
   */
  private static ValueUnit unitFromRatio(double ratio) {
    double decades = Math.log10(ratio);
    if (Math.abs(decades - 6) < 0.3) {
      return ValueUnit.NANOSECONDS;
    }
    if (Math.abs(decades - 3) < 0.3) {
      return ValueUnit.MICROSECONDS;
    }
    if (Math.abs(decades) < 0.3) {
      return ValueUnit.MILLISECONDS;
    }
    return null;
  }

  /** The value unit of {@code u}. */
  public static ValueUnit valueUnit(LatencyUnit u) {
    return switch (u) {
      case NS -> ValueUnit.NANOSECONDS;
      case US -> ValueUnit.MICROSECONDS;
      case MS -> ValueUnit.MILLISECONDS;
      case S -> ValueUnit.SECONDS;
    };
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    if (options != null && (options.latencyUnit() != null || options.tag() != null)) {
      HlogReader given =
          new HlogReader(
              options.tag() != null ? options.tag() : tag,
              options.latencyUnit() != null ? valueUnit(options.latencyUnit()) : unit);
      return given.readScanned(file, options);
    }
    return readScanned(file, options);
  }

  private LoadTest readScanned(Path file, ReadOptions options) {
    Scan scan = scan(file, i -> {});
    List<String> warnings = new ArrayList<>();
    if (scan.dataLines == 0) {
      String found =
          scan.skipped > 0
              ? "no readable interval line ("
                  + scan.skipped
                  + " skipped; first "
                  + scan.examples.get(0)
                  + ")"
              : "no interval lines";
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              "",
              found,
              "lines [Tag=t,]start,length,max,base64-histogram",
              null));
    }
    String chosen = chooseTag(file, scan, warnings);
    Histogram merged = scan.merged(chosen);
    double msPer = scan.unit.msPerUnit();
    long count = merged.getTotalCount();
    double seconds = scan.seconds(chosen);
    if (count == 0 || !(seconds > 0)) {
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              "",
              count
                  + " values over "
                  + seconds
                  + " s"
                  + (chosen.isEmpty() ? "" : " for tag " + chosen),
              "intervals with values and a positive length",
              null));
    }
    double throughput = count / seconds;
    LatencySummary latency =
        new LatencySummary(
            merged.getMean() * msPer,
            merged.getValueAtPercentile(50) * msPer,
            merged.getValueAtPercentile(90) * msPer,
            merged.getValueAtPercentile(95) * msPer,
            merged.getValueAtPercentile(99) * msPer,
            merged.getMaxValue() * msPer,
            "hdrhistogram");
    if (unit == null) {
      warnings.add(
          "value unit "
              + scan.unit.name().toLowerCase(Locale.ROOT)
              + (scan.unitDetected
                  ? (scan.ycsbMeasurement != null
                      ? " (a YCSB log, \"Logging for: "
                          + scan.ycsbMeasurement
                          + "\": YCSB records microseconds; --latency-unit overrides)"
                      : scan.jHiccupVersion != null
                          ? " (jHiccup log; --latency-unit overrides)"
                          : " (detected from Interval_Max; --latency-unit overrides)")
                  : " assumed: the log does not say, and Interval_Max gave no clear ratio;"
                      + " give --latency-unit"));
    }
    if (scan.jHiccupVersion != null) {
      warnings.add(
          "a jHiccup log: its values are platform pauses seen by a sleeping thread, and its"
              + " count is samples, not requests");
    }
    double n;
    ConcurrencyOrigin origin;
    if (options != null && options.concurrency() != null) {
      n = options.concurrency();
      origin = ConcurrencyOrigin.GIVEN;
    } else {
      // Little's law N = X·R (Little 1961), R the mean in seconds
      n = throughput * latency.meanMs() / 1000.0;
      origin = ConcurrencyOrigin.LITTLES_LAW;
      warnings.add(
          String.format(
              Locale.ROOT,
              "the log holds no concurrency: N = X*R = %.3f/s * %.3f ms = %.4g (Little's law); give --concurrency"
                  + " for the run's setting",
              throughput,
              latency.meanMs(),
              n));
      if (!(n > 0)) {
        throw new BadInputException(
            new InputProblem(
                file.toString(),
                0,
                0,
                "",
                "a mean of 0, which gives no concurrency by Little's law",
                "a given concurrency (--concurrency N)",
                null));
      }
    }
    Step step = new Step(n, origin, count, 0, seconds, throughput, latency);
    String producer =
        scan.jHiccupVersion != null
            ? "jHiccup " + scan.jHiccupVersion
            : scan.ycsbMeasurement != null
                ? "YCSB HdrHistogram log (" + scan.ycsbMeasurement + ")"
                : "HdrHistogram log";
    return new LoadTest(
        file.toString(),
        format(),
        producer,
        LoadModel.UNKNOWN,
        List.of(step),
        warnings,
        scan.skipped());
  }

  private String chooseTag(Path file, Scan scan, List<String> warnings) {
    List<String> tags = scan.tags();
    String chosen;
    if (tag != null) {
      if (!tags.contains(tag)) {
        throw new BadInputException(
            new InputProblem(
                file.toString(),
                0,
                0,
                "",
                "no lines tagged \"" + tag + "\"",
                "--tag with one of the tags in the log: " + describe(tags),
                null));
      }
      chosen = tag;
    } else if (tags.contains("")) {
      chosen = "";
    } else if (tags.size() == 1) {
      chosen = tags.get(0);
      warnings.add("no untagged lines: read the only tag, \"" + chosen + "\"");
    } else {
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              "",
              "no untagged lines and several tags (" + describe(tags) + ")",
              "--tag NAME to choose the tag to read",
              null));
    }
    for (String t : tags) {
      if (!t.equals(chosen)) {
        warnings.add(
            scan.intervals(t)
                + " interval lines "
                + (t.isEmpty() ? "without a tag" : "tagged \"" + t + "\"")
                + " were not read (one tag is read at a time)");
      }
    }
    return chosen;
  }

  private static String describe(List<String> tags) {
    List<String> out = new ArrayList<>();
    for (String t : tags) {
      out.add(t.isEmpty() ? "(untagged)" : "\"" + t + "\"");
    }
    return String.join(", ", out);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
