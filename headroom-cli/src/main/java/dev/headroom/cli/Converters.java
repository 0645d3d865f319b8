package dev.headroom.cli;

import dev.headroom.analysis.Severity;
import dev.headroom.analysis.compare.Gate;
import dev.headroom.analysis.compare.Metric;
import dev.headroom.analysis.queueing.LatencyMetric;
import dev.headroom.analysis.run.Slo;
import dev.headroom.ingest.loadtest.LatencyUnit;
import dev.headroom.model.Dimension;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import dev.headroom.report.OutputFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option converters: every quantity on the command line is read by the project's one units parser
 * ({@link Units#parse}) and checked against its range here, at the edge, so a value no model can
 * use ends in exit 2 naming the option (picocli prefixes it), what was found and what is allowed,
 * never in an internal error deep in a model.
 *
 * <p>The upper bounds are far beyond any real system; they exist so that the models' arithmetic
 * stays finite. With a rate of at most 1e9/s and a duration of at most a year, the offered load λ·S
 * stays below 3.2e16 Erlangs (inside a {@code long} and a double's range), and with a concurrency
 * of at most 1e9 the USL's κN(N−1) stays below 1e18·κ: every model answers with a number or a clear
 * refusal. Each bound is written once, as a user would write it, and parsed by the same parser, so
 * help and messages quote it exactly.
 */
final class Converters {

  /** The largest rate an option takes: a billion events per second. */
  static final String MAX_RATE = "1e9/s";

  /** The longest duration an option takes. */
  static final String MAX_DURATION = "1 year";

  /** The largest concurrency or population an option takes. */
  static final String MAX_CONCURRENCY = "1e9";

  /**
   * The most servers an option takes: more than any pool or fleet, and the M/M/c sums (Erlang C)
   * cost time in proportion to c, so a million keeps {@code queue size --servers} under a second
   * where a billion took minutes.
   */
  static final String MAX_SERVERS = "1e6";

  /**
   * The largest service-time coefficient of variation: measured service times rarely exceed 10;
   * 1000 leaves room for any heavy tail while (1 + cv²) stays an ordinary number.
   */
  static final String MAX_CV = "1000";

  private static final String RATE_EXAMPLES =
      "1200/s, 1200 rps, 50/min or 240/h (a bare number is per second)";
  private static final String DURATION_EXAMPLES =
      "40ms, 1.5s or 2min (units: ns, us, ms, s, min, h, d)";

  private Converters() {}

  /**
   * {@code -f/--format text|markdown|json} (also {@code md}), case-insensitively, with a
   * did-you-mean.
   */
  static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      for (OutputFormat f : OutputFormat.values()) {
        if (f.id().equals(v) || (f == OutputFormat.MARKDOWN && v.equals("md"))) {
          return f;
        }
      }
      List<String> ids = new ArrayList<>();
      new OutputFormats().forEach(ids::add);
      throw new TypeConversionException(
          "unknown output format \""
              + value
              + "\"; allowed: "
              + String.join(", ", ids)
              + Units.Suggest.closest(v, ids).map(s -> "; did you mean \"" + s + "\"?").orElse("")
              + " (the input format of `fit` is --input-format)");
    }
  }

  /** {@code --latency-unit ns|us|ms|s} (also {@code µs}), case-insensitively. */
  static final class LatencyUnitConverter implements ITypeConverter<LatencyUnit> {
    @Override
    public LatencyUnit convert(String value) {
      try {
        return LatencyUnit.byId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "unknown latency unit \"" + value + "\"; allowed: ns, us, ms, s");
      }
    }
  }

  /** {@code --tag NAME}: an HdrHistogram log tag, which cannot hold a comma (it ends the tag). */
  static final class TagConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isEmpty() || value.contains(",") || value.length() > 200) {
        throw new TypeConversionException(
            "a tag is a non-empty name without commas, of at most 200 characters; got \""
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                + "\"");
      }
      return value;
    }
  }

  static final class OutputFormats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (OutputFormat f : OutputFormat.values()) {
        ids.add(f.id());
      }
      return ids.iterator();
    }
  }

  static final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "found \""
                + value
                + "\"; allowed a severity: info, warning, critical"
                + Units.Suggest.closest(value, List.of("info", "warning", "critical"))
                    .map(s -> "; did you mean \"" + s + "\"?")
                    .orElse(""));
      }
    }
  }

  /**
   * A quantity of one dimension within a range. The message says what was found and the whole of
   * what is allowed: the kind of value, its range and examples with units.
   */
  abstract static class QuantityConverter implements ITypeConverter<Double> {
    /** Every quantity option is a magnitude: nothing below zero means anything. */
    private static final double LOW = 0;

    private final Dimension dimension;
    private final String noun;
    private final boolean zeroAllowed;
    private final String highText;
    private final double high;
    private final String examples;

    /**
     * @param zeroAllowed whether zero is allowed: it is meaningless for a concurrency or a service
     *     time, meaningful for an idle arrival rate
     * @param highText the upper bound as a user writes it, parsed by {@link Units#parse}
     */
    QuantityConverter(
        Dimension dimension, String noun, boolean zeroAllowed, String highText, String examples) {
      this.dimension = dimension;
      this.noun = noun;
      this.zeroAllowed = zeroAllowed;
      this.highText = highText;
      this.high = Units.parse(highText, dimension).value();
      this.examples = examples;
    }

    /** What is allowed, for messages: kind, range and examples. */
    final String allowed() {
      return noun
          + (zeroAllowed ? " from 0 to " : " above 0 and at most ")
          + highText
          + ", such as "
          + examples;
    }

    @Override
    public Double convert(String value) {
      double v;
      try {
        v = Units.parse(value, dimension).value();
      } catch (UnitException e) {
        throw new TypeConversionException(
            "found "
                + e.found()
                + "; allowed "
                + allowed()
                + (e.suggestion() == null ? "" : "; did you mean \"" + e.suggestion() + "\"?"));
      }
      if (v < LOW || (v == LOW && !zeroAllowed)) {
        throw new TypeConversionException(
            "found \""
                + value.strip()
                + "\" ("
                + (v < LOW ? "negative" : "zero")
                + "); allowed "
                + allowed());
      }
      if (v > high) {
        throw new TypeConversionException(
            "found \"" + value.strip() + "\" (above " + highText + "); allowed " + allowed());
      }
      return v;
    }
  }

  /**
   * {@code plan --to}: a multiple of today's load ({@code 1000x}, at least 1x) or a number of
   * active users ({@code 2M-users}).
   */
  record PlanTarget(double value, boolean users, String text) {}

  static final class PlanTargetConverter implements ITypeConverter<PlanTarget> {
    private static final String ALLOWED =
        "a multiple of today's load from 1x to 1000000x, such as 1000x, or a number of active"
            + " users, such as 2M-users";
    private static final double HIGH = Units.parse("1000000x", Dimension.MULTIPLIER).value();

    @Override
    public PlanTarget convert(String value) {
      String t = value.strip();
      String lower = t.toLowerCase(java.util.Locale.ROOT);
      boolean users = lower.endsWith("-users") || lower.endsWith(" users");
      String number = users ? t.substring(0, t.length() - "-users".length()).strip() : t;
      double v;
      try {
        v = Units.parse(number, users ? Dimension.COUNT : Dimension.MULTIPLIER).value();
      } catch (UnitException e) {
        throw new TypeConversionException("found " + e.found() + "; allowed " + ALLOWED);
      }
      if (users ? !(v > 0) : !(v >= 1) || v > HIGH) {
        throw new TypeConversionException(
            "found \""
                + t
                + "\" ("
                + (users ? "no users" : "outside 1x-1000000x")
                + "); allowed "
                + ALLOWED);
      }
      return new PlanTarget(v, users, t);
    }
  }

  /** {@code plan --horizon}: how far ahead, up to ten years. */
  static final class HorizonConverter extends QuantityConverter {
    HorizonConverter() {
      super(
          Dimension.DURATION,
          "a horizon with its unit",
          false,
          "120 months",
          "24months or 2 years");
    }
  }

  /** A multiple of today's load ({@code advise --load}): zero asks about no load at all. */
  static final class LoadMultipleConverter extends QuantityConverter {
    LoadMultipleConverter() {
      super(Dimension.MULTIPLIER, "a multiple of today's load", false, "1000000x", "3x or 0.5x");
    }
  }

  /** An arrival rate (queue models): zero is an idle queue, so it is allowed. */
  static final class RateConverter extends QuantityConverter {
    RateConverter() {
      super(Dimension.RATE, "a rate per second", true, MAX_RATE, RATE_EXAMPLES);
    }
  }

  /** A throughput to reach (fit): zero asks nothing. */
  static final class PositiveRateConverter extends QuantityConverter {
    PositiveRateConverter() {
      super(Dimension.RATE, "a rate per second", false, MAX_RATE, RATE_EXAMPLES);
    }
  }

  /** A time that may be zero: a constant service (sd 0) or an empty system. */
  static final class DurationConverter extends QuantityConverter {
    DurationConverter() {
      super(Dimension.DURATION, "a duration with its unit", true, MAX_DURATION, DURATION_EXAMPLES);
    }
  }

  /** A service time or a latency target: zero is meaningless (no work, no time allowed). */
  static final class PositiveDurationConverter extends QuantityConverter {
    PositiveDurationConverter() {
      super(Dimension.DURATION, "a duration with its unit", false, MAX_DURATION, DURATION_EXAMPLES);
    }
  }

  /**
   * A collector's window ({@code collect --window}): counters are read twice this far apart, so it
   * must be above zero; an hour is already longer than any peak it should describe.
   */
  static final class WindowConverter extends QuantityConverter {
    WindowConverter() {
      super(Dimension.DURATION, "a duration with its unit", false, "1h", "60s or 5min");
    }
  }

  /** A connect and read timeout ({@code collect --timeout}): above zero, at most five minutes. */
  static final class TimeoutConverter extends QuantityConverter {
    TimeoutConverter() {
      super(Dimension.DURATION, "a duration with its unit", false, "5min", "5s or 500ms");
    }
  }

  /** A concurrency N (fit): requests in flight or virtual users; may be fractional (a mean). */
  static final class ConcurrencyConverter extends QuantityConverter {
    ConcurrencyConverter() {
      super(Dimension.NUMBER, "a concurrency", false, MAX_CONCURRENCY, "48 or 26.5");
    }
  }

  /**
   * {@code --concurrency} of fit: {@code N} for every input, or {@code FILE=N} for one of them (the
   * file as given among the inputs, or its file name alone when only one input has it).
   *
   * @param file the input it applies to, null for every input
   * @param concurrency the concurrency, above 0
   */
  record ConcurrencyAssignment(String file, double concurrency) {
    ConcurrencyAssignment {
      if (file != null && file.isEmpty()) {
        throw new IllegalArgumentException("an empty file name");
      }
      if (!(concurrency > 0) || !Double.isFinite(concurrency)) {
        throw new IllegalArgumentException("concurrency must be above 0, got " + concurrency);
      }
    }
  }

  /**
   * {@code N} or {@code FILE=N}: split at the last {@code =} (a file name may hold one, a number
   * never does), the number read like any concurrency.
   */
  static final class ConcurrencyAssignmentConverter
      implements ITypeConverter<ConcurrencyAssignment> {
    @Override
    public ConcurrencyAssignment convert(String value) {
      int eq = value.lastIndexOf('=');
      String file = eq < 0 ? null : value.substring(0, eq).strip();
      String number = eq < 0 ? value : value.substring(eq + 1);
      if (file != null && file.isEmpty()) {
        throw new TypeConversionException(
            "found \""
                + value
                + "\" (no file before '='); allowed N for every input, such as 8, or FILE=N for"
                + " one input, such as run-a.json=8");
      }
      double n;
      try {
        n = new ConcurrencyConverter().convert(number);
      } catch (TypeConversionException e) {
        throw new TypeConversionException(
            (file == null ? "" : "for " + file + ": ")
                + e.getMessage()
                + "; give N for every input or FILE=N for one, such as run-a.json=8");
      }
      return new ConcurrencyAssignment(file, n);
    }
  }

  /** A mean number in the system (Little's law): zero is an empty system. */
  static final class PopulationConverter extends QuantityConverter {
    PopulationConverter() {
      super(Dimension.NUMBER, "a mean number in the system", true, MAX_CONCURRENCY, "48 or 2.5");
    }
  }

  /** A coefficient of variation σ/S: 0 is a constant service time, 1 exponential. */
  static final class CvConverter extends QuantityConverter {
    CvConverter() {
      super(Dimension.NUMBER, "a coefficient of variation", true, MAX_CV, "0, 1 or 1.5");
    }
  }

  /**
   * The Bard–Schweitzer stopping tolerance, in customers: zero never stops, and a customer or more
   * is no precision at all.
   */
  static final class ToleranceConverter extends QuantityConverter {
    ToleranceConverter() {
      super(Dimension.NUMBER, "a tolerance in customers", false, "0.5", "1e-10 or 1e-6");
    }
  }

  /** A number of servers: a whole number, at least one, with K and M suffixes (2K). */
  static final class ServersConverter implements ITypeConverter<Integer> {
    private static final double HIGH = Units.parse(MAX_SERVERS, Dimension.COUNT).value();

    static String allowed() {
      return "a whole number of servers from 1 to " + MAX_SERVERS + ", such as 8, 60 or 2K";
    }

    @Override
    public Integer convert(String value) {
      double v;
      try {
        v = Units.parse(value, Dimension.COUNT).value();
      } catch (UnitException e) {
        throw new TypeConversionException("found " + e.found() + "; allowed " + allowed());
      }
      if (v < 1 || v > HIGH) {
        throw new TypeConversionException("found \"" + value.strip() + "\"; allowed " + allowed());
      }
      return (int) v;
    }
  }

  /**
   * {@code --slo p95=300ms}: a percentile the readers report and its limit, a duration through the
   * same converter as every other latency option (so units and bounds are the same everywhere).
   */
  static final class SloConverter implements ITypeConverter<Slo> {
    private static final String ALLOWED =
        "PERCENTILE=DURATION with PERCENTILE one of p50, p90, p95, p99, such as p95=300ms or"
            + " p99=1.5s";

    @Override
    public Slo convert(String value) {
      int eq = value.indexOf('=');
      if (eq < 0) {
        throw new TypeConversionException("found \"" + value + "\" (no '='); allowed " + ALLOWED);
      }
      Slo.Percentile p;
      try {
        p = Slo.Percentile.byId(value.substring(0, eq));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "found percentile \"" + value.substring(0, eq).strip() + "\"; allowed " + ALLOWED);
      }
      double seconds;
      try {
        seconds = new PositiveDurationConverter().convert(value.substring(eq + 1));
      } catch (TypeConversionException e) {
        throw new TypeConversionException("in \"" + value + "\": " + e.getMessage());
      }
      return new Slo(p, seconds * 1000.0);
    }
  }

  /** {@code --fail-on p95+10%} or {@code throughput-5%}: a metric, a signed percentage. */
  static final class GateConverter implements ITypeConverter<Gate> {
    private static final java.util.regex.Pattern GATE =
        java.util.regex.Pattern.compile(
            "\\s*([A-Za-z0-9]+)\\s*([+-])\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%\\s*");
    private static final String ALLOWED =
        "METRIC+PERCENT% or METRIC-PERCENT% with METRIC one of throughput, p50, p90, p95, p99"
            + " and PERCENT above 0 and at most 1000, such as p95+10% or throughput-5%";

    @Override
    public Gate convert(String value) {
      java.util.regex.Matcher m = GATE.matcher(value);
      if (!m.matches()) {
        throw new TypeConversionException("found \"" + value + "\"; allowed " + ALLOWED);
      }
      Metric metric;
      try {
        metric = Metric.byId(m.group(1));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "found metric \"" + m.group(1) + "\"; allowed " + ALLOWED);
      }
      double percent = Double.parseDouble(m.group(3));
      if (!(percent > 0 && percent <= 1000)) {
        throw new TypeConversionException("found \"" + value + "\"; allowed " + ALLOWED);
      }
      return new Gate(metric, m.group(2).equals("-") ? -percent : percent);
    }
  }

  /** 95, p95, 95% and 99.9 all mean a percentile; fractions below 1 are refused as ambiguous. */
  static final class PercentileConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String s = value.strip().toLowerCase(Locale.ROOT);
      if (s.startsWith("p")) {
        s = s.substring(1);
      }
      if (s.endsWith("%")) {
        s = s.substring(0, s.length() - 1);
      }
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "found \"" + value + "\"; allowed a percentile such as 95, p99 or 99.9");
      }
      if (v > 0 && v < 1) {
        throw new TypeConversionException(
            "found \""
                + value
                + "\" (a fraction?); allowed a percentile between 1 and 100, such as 95; did you"
                + " mean \""
                + Units.format(v * 100, 6)
                + "\"?");
      }
      // also refuses NaN, which fails every comparison
      if (!(v >= 1 && v < 100)) {
        throw new TypeConversionException(
            "found \""
                + value
                + "\"; allowed a percentile at least 1 and below 100, such as 95 or 99.9");
      }
      return v / 100.0;
    }
  }

  /** {@code --of response|waiting}. */
  static final class MetricConverter implements ITypeConverter<LatencyMetric> {
    @Override
    public LatencyMetric convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "response", "response-time" -> LatencyMetric.RESPONSE_TIME;
        case "waiting", "waiting-time", "wait" -> LatencyMetric.WAITING_TIME;
        default ->
            throw new TypeConversionException(
                "found \""
                    + value
                    + "\"; allowed response or waiting"
                    + Units.Suggest.closest(value, List.of("response", "waiting"))
                        .map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(""));
      };
    }
  }
}
