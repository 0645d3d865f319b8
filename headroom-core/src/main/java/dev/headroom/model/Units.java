package dev.headroom.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses quantities written by people ({@code 250ms}, {@code 16GiB}, {@code 70%}, {@code 1200 rps},
 * {@code 140 USD/month}, {@code 15%/month}, {@code 10x}) into canonical values, and formats them
 * back. Parsing and printing use {@link Locale#ROOT}: a comma is never a decimal separator.
 *
 * <p>Decimal prefixes (KB, MB, GB, TB) are powers of 1000 and binary prefixes (KiB, MiB, GiB, TiB)
 * powers of 1024, as IEC 80000-13 defines them; Kubernetes' binary suffixes (Ki, Mi, Gi, Ti, Pi)
 * are read as the same powers of 1024, so a manifest's {@code memory: 4Gi} can be pasted as is. A
 * bare K, M, G, T or P after a size is refused: Kubernetes reads {@code 4G} as 10^9 bytes but the
 * JVM's {@code -Xmx4G} means 2^30, and a 7% difference in memory is not a guess to make silently. A
 * month is 730 hours (8760 h / 12), the figure cloud providers bill by.
 */
public final class Units {

  /**
   * The largest magnitude a quantity may have in its canonical unit (a zettabyte, 10^21 requests
   * per second): beyond any real system, and far enough below {@link Double#MAX_VALUE} that
   * products and quotients of several figures stay finite. Growth rates are bounded by what they
   * compound to over the horizon instead (the system-file reader's check).
   */
  static final double LARGEST = 1e21;

  /**
   * The smallest non-zero magnitude (a picosecond), for the same reason: its reciprocal is 10^12.
   */
  static final double SMALLEST = 1e-12;

  /** Hours in the billing month used to turn hourly prices into monthly ones (8760 / 12). */
  public static final double HOURS_PER_MONTH = 730.0;

  private static final Pattern NUMBER_UNIT =
      Pattern.compile("^\\s*([-+]?(?:\\d[\\d_]*)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*$");

  private static final Map<String, Double> DURATION = new LinkedHashMap<>();
  private static final Map<String, Double> DATA = new LinkedHashMap<>();
  private static final Map<String, Double> RATE_PER = new LinkedHashMap<>();
  private static final Map<String, Double> COUNT_SUFFIX = new LinkedHashMap<>();
  private static final Map<String, Double> PERIOD_MONTHS = new LinkedHashMap<>();

  static {
    DURATION.put("ns", 1e-9);
    DURATION.put("us", 1e-6);
    DURATION.put("µs", 1e-6);
    DURATION.put("ms", 1e-3);
    DURATION.put("s", 1.0);
    DURATION.put("sec", 1.0);
    DURATION.put("min", 60.0);
    DURATION.put("h", 3600.0);
    DURATION.put("d", 86400.0);
    DURATION.put("day", 86400.0);
    DURATION.put("days", 86400.0);
    DURATION.put("week", 7 * 86400.0);
    DURATION.put("weeks", 7 * 86400.0);
    // a month is a twelfth of a Julian year (365.25 d), so 12 months = 1 year exactly
    DURATION.put("month", 365.25 * 86400.0 / 12);
    DURATION.put("months", 365.25 * 86400.0 / 12);
    DURATION.put("year", 365.25 * 86400.0);
    DURATION.put("years", 365.25 * 86400.0);

    DATA.put("B", 1.0);
    DATA.put("KB", 1e3);
    DATA.put("MB", 1e6);
    DATA.put("GB", 1e9);
    DATA.put("TB", 1e12);
    DATA.put("PB", 1e15);
    DATA.put("KiB", 1024.0);
    DATA.put("MiB", 1024.0 * 1024);
    DATA.put("GiB", 1024.0 * 1024 * 1024);
    DATA.put("TiB", 1024.0 * 1024 * 1024 * 1024);
    DATA.put("PiB", 1024.0 * 1024 * 1024 * 1024 * 1024);
    // Kubernetes quantity suffixes (resources.limits.memory: 4Gi): binary, like KiB
    DATA.put("Ki", 1024.0);
    DATA.put("Mi", 1024.0 * 1024);
    DATA.put("Gi", 1024.0 * 1024 * 1024);
    DATA.put("Ti", 1024.0 * 1024 * 1024 * 1024);
    DATA.put("Pi", 1024.0 * 1024 * 1024 * 1024 * 1024);

    // per-second multipliers for "N/<period>" and named rates
    RATE_PER.put("s", 1.0);
    RATE_PER.put("sec", 1.0);
    RATE_PER.put("min", 1.0 / 60);
    RATE_PER.put("h", 1.0 / 3600);
    RATE_PER.put("d", 1.0 / 86400);

    COUNT_SUFFIX.put("K", 1e3);
    COUNT_SUFFIX.put("k", 1e3);
    COUNT_SUFFIX.put("M", 1e6);
    COUNT_SUFFIX.put("G", 1e9);
    COUNT_SUFFIX.put("B", 1e9);

    PERIOD_MONTHS.put("month", 1.0);
    PERIOD_MONTHS.put("mo", 1.0);
    PERIOD_MONTHS.put("quarter", 3.0);
    PERIOD_MONTHS.put("year", 12.0);
    PERIOD_MONTHS.put("yr", 12.0);
    PERIOD_MONTHS.put("week", 12.0 / 52.1775);
    PERIOD_MONTHS.put("day", 12.0 / 365.25);
  }

  /** Size suffixes that mean powers of 1000 to one tool and of 1024 to another. */
  private static final List<String> AMBIGUOUS_SIZE =
      List.of("K", "k", "M", "m", "G", "g", "T", "t", "P", "p");

  private static final List<String> RATE_NAMES =
      List.of(
          "rps", "qps", "tps", "ops/s", "req/s", "requests/s", "/s", "/sec", "/min", "/h", "/d");

  private Units() {}

  /**
   * Parses {@code text} as a quantity of {@code dimension}.
   *
   * @throws UnitException naming what was found, what is allowed and, where one is close, the unit
   *     the user probably meant
   */
  public static Quantity parse(String text, Dimension dimension) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new UnitException("an empty value", dimension.example(), null);
    }
    Matcher m = NUMBER_UNIT.matcher(trimmed);
    if (!m.matches() || m.group(1).isEmpty() || m.group(1).equals(".")) {
      throw new UnitException('"' + trimmed + '"', dimension.example(), null);
    }
    double number;
    try {
      number = Double.parseDouble(m.group(1).replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UnitException('"' + trimmed + '"', dimension.example(), null);
    }
    if (!Double.isFinite(number)) {
      // 1e400 parses to Infinity, which the unit arithmetic below cannot take (BigDecimal refuses)
      throw new UnitException(
          '"' + trimmed + "\" (a number too large to represent)",
          dimension.example() + ", with a number below 1e308",
          null);
    }
    String unit = m.group(2);
    if (unit.matches("^,\\d{3}.*")) {
      String digits = trimmed.replaceAll("(?<=\\d),(?=\\d{3})", "");
      throw new UnitException(
          '"' + trimmed + "\" (a thousands separator)",
          dimension.example()
              + ", without thousands separators (commas are not decimal points either)",
          digits);
    }
    double value =
        switch (dimension) {
          case DURATION -> number * factor(trimmed, unit, DURATION, dimension, false);
          case DATA_SIZE -> number * factor(trimmed, unit, DATA, dimension, false);
          case RATIO -> ratio(trimmed, number, unit);
          case RATE -> number * rate(trimmed, unit);
          case MONTHLY_COST -> number * cost(trimmed, unit);
          case COUNT -> count(trimmed, number, unit);
          case NUMBER -> plainNumber(trimmed, number, unit);
          case GROWTH_RATE -> growth(trimmed, number, unit);
          case MULTIPLIER -> multiplier(trimmed, number, unit);
        };
    if (!Double.isFinite(value)) {
      throw new UnitException('"' + trimmed + '"', "a finite " + dimension.example(), null);
    }
    if (value < 0 && dimension != Dimension.GROWTH_RATE) {
      throw new UnitException(
          '"' + trimmed + "\" (negative)", dimension.example() + ", not negative", null);
    }
    return new Quantity(value, dimension, trimmed);
  }

  /**
   * {@link #parse}, refusing also finite values beyond {@link #LARGEST} or below {@link #SMALLEST}
   * (zero aside): for documents such as system files and queueing models, whose figures are
   * multiplied and divided together (1e300 rps times a price is Infinity, an internal error).
   * Command-line options check their own, narrower ranges.
   */
  public static Quantity parseBounded(String text, Dimension dimension) {
    Quantity q = parse(text, dimension);
    double magnitude = Math.abs(q.value());
    if (dimension != Dimension.GROWTH_RATE
        && (magnitude > LARGEST || (magnitude > 0 && magnitude < SMALLEST))) {
      throw new UnitException(
          '"' + text.strip() + "\" (" + (magnitude > LARGEST ? "too large" : "too small") + ")",
          dimension.example()
              + ", between 1e-12 and 1e21 "
              + (dimension.canonicalUnit().isEmpty() ? "" : dimension.canonicalUnit() + " ")
              + "(or 0)",
          null);
    }
    return q;
  }

  /** What separates the two ends of a range: {@code 700..900}. */
  public static final String RANGE_SEPARATOR = "..";

  /** The two ends of a range read by {@link #parseRange}, in canonical units. */
  public record RangeEnds(Quantity low, Quantity high) {
    public RangeEnds {
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }
  }

  /** Whether {@code text} is written as a range, {@code LOW..HIGH}. */
  public static boolean isRange(String text) {
    return text != null && text.contains(RANGE_SEPARATOR);
  }

  /**
   * Parses a range {@code LOW..HIGH} of {@code dimension}, each end as {@link #parseBounded} reads
   * a value. The unit is written after the high end and applies to both ({@code 700..900 rps},
   * {@code 8..15%/month}, {@code 0.7..0.8}); or on both ends ({@code 70%..80%}, {@code 1.5K..2K},
   * {@code 250ms..1s}). When the low end's unit is the beginning of the high end's, the rest of the
   * high end's completes it: {@code 8%..15%/month} reads as 8%/month to 15%/month. Equal ends are
   * allowed (a range of width zero); a low end above the high end is not.
   *
   * @throws UnitException for a missing end, an end that does not parse, or ends in the wrong order
   */
  public static RangeEnds parseRange(String text, Dimension dimension) {
    String trimmed = text == null ? "" : text.strip();
    int at = trimmed.indexOf(RANGE_SEPARATOR);
    String allowed =
        "a range LOW..HIGH of "
            + dimension.example()
            + " (the unit after the high end applies to both, e.g. 700..900 rps, 8..15%/month)";
    if (at < 0) {
      throw new UnitException('"' + trimmed + "\" (not a range)", allowed, null);
    }
    String lowText = trimmed.substring(0, at).strip();
    String highText = trimmed.substring(at + RANGE_SEPARATOR.length()).strip();
    if (lowText.isEmpty() || highText.isEmpty()) {
      throw new UnitException(
          '"' + trimmed + "\" (no " + (lowText.isEmpty() ? "low" : "high") + " end)",
          allowed,
          null);
    }
    if (highText.contains(RANGE_SEPARATOR)) {
      throw new UnitException('"' + trimmed + "\" (more than two ends)", allowed, null);
    }
    Matcher lowParts = NUMBER_UNIT.matcher(lowText);
    Matcher highParts = NUMBER_UNIT.matcher(highText);
    if (lowParts.matches() && highParts.matches()) {
      String lowUnit = lowParts.group(2);
      String highUnit = highParts.group(2);
      if (highUnit.startsWith(lowUnit) && !highUnit.equals(lowUnit)) {
        // the unit written once, after the high end (or its beginning on the low end) covers both
        lowText = lowParts.group(1) + highUnit;
      }
    }
    // the high end first: it carries the unit, so its mistake is the one to name
    Quantity high = end(highText, "high", trimmed, dimension);
    Quantity low = end(lowText, "low", trimmed, dimension);
    if (low.value() > high.value()) {
      throw new UnitException(
          '"' + trimmed + "\" (the low end is above the high end)",
          "a range with its low end first, LOW..HIGH (equal ends are allowed)",
          null);
    }
    return new RangeEnds(low, high);
  }

  private static Quantity end(String text, String which, String range, Dimension dimension) {
    try {
      return parseBounded(text, dimension);
    } catch (UnitException e) {
      throw new UnitException(
          "the " + which + " end of \"" + range + "\": " + e.found(),
          e.allowed() + ", at both ends of a range",
          e.suggestion());
    }
  }

  private static double factor(
      String text, String unit, Map<String, Double> units, Dimension dimension, boolean bareOk) {
    if (unit.isEmpty()) {
      if (bareOk) {
        return 1.0;
      }
      throw new UnitException('"' + text + "\" (no unit)", dimension.example(), null);
    }
    if (dimension == Dimension.DATA_SIZE && AMBIGUOUS_SIZE.contains(unit)) {
      String upper = unit.toUpperCase(Locale.ROOT);
      throw new UnitException(
          '"' + text + "\" (\"" + unit + "\" is ambiguous: 1000s in Kubernetes, 1024s in -Xmx)",
          "a size with an explicit prefix: "
              + upper
              + "B for powers of 1000, "
              + upper
              + "iB or "
              + upper
              + "i for powers of 1024",
          null);
    }
    Double f = units.get(unit);
    if (f != null) {
      return f;
    }
    // tolerate case slips that cannot be ambiguous (MS -> ms, gib -> GiB)
    for (Map.Entry<String, Double> e : units.entrySet()) {
      if (e.getKey().equalsIgnoreCase(unit)
          && !(dimension == Dimension.DATA_SIZE && unit.equals("b"))) {
        return e.getValue();
      }
    }
    throw new UnitException(
        '"' + text + "\" (unknown unit \"" + unit + "\")",
        dimension.example() + "; units: " + String.join(", ", units.keySet()),
        Suggest.closest(unit, units.keySet()).orElse(null));
  }

  private static double ratio(String text, double number, String unit) {
    double v;
    if (unit.equals("%")) {
      // decimal shift, not a binary division: 99.99 / 100.0 is 0.99989999…, below the 0.9999 it
      // means
      v = BigDecimal.valueOf(number).movePointLeft(2).doubleValue();
    } else if (unit.isEmpty()) {
      if (number > 1.0) {
        throw new UnitException(
            '"' + text + "\" (a bare number above 1)",
            "a percentage such as 70% or a fraction between 0 and 1",
            format(number, 6) + "%");
      }
      v = number;
    } else {
      throw new UnitException(
          '"' + text + "\" (unknown unit \"" + unit + "\")",
          "a percentage such as 70% or a fraction such as 0.7",
          unit.startsWith("per") || unit.equalsIgnoreCase("pct") ? format(number, 6) + "%" : null);
    }
    if (v < 0 || v > 1.0) {
      throw new UnitException(
          '"' + text + "\" (outside 0%..100%)", "a percentage between 0% and 100%", null);
    }
    return v;
  }

  private static double rate(String text, String unit) {
    if (unit.isEmpty()) {
      return 1.0; // a bare rate is per second; the keys that take rates say so (peak_rps)
    }
    String u = unit.replace(" ", "");
    switch (u) {
      case "rps", "qps", "tps", "ops/s", "req/s", "requests/s", "/s", "/sec", "msg/s" -> {
        return 1.0;
      }
      default -> {}
    }
    int slash = u.lastIndexOf('/');
    if (slash >= 0) {
      Double per = RATE_PER.get(u.substring(slash + 1));
      if (per != null) {
        return per;
      }
    }
    throw new UnitException(
        '"' + text + "\" (unknown rate unit \"" + unit + "\")",
        "a rate such as 1200 rps, 1200/s, 50/min or 240/h",
        Suggest.closest(u, RATE_NAMES).orElse(null));
  }

  private static double cost(String text, String unit) {
    String u = unit.replace(" ", "");
    String currency = null;
    String period = null;
    if (u.startsWith("$")) {
      currency = "USD";
      u = u.substring(1);
    }
    int slash = u.indexOf('/');
    if (slash >= 0) {
      if (currency == null) {
        currency = u.substring(0, slash);
      }
      period = u.substring(slash + 1);
    } else if (currency == null) {
      currency = u;
    }
    if (currency == null || currency.isEmpty()) {
      currency = "USD";
    }
    if (!currency.equalsIgnoreCase("USD")) {
      throw new UnitException(
          '"' + text + '"',
          "a cost in USD such as 140 USD/month or 0.19 USD/hour (convert other currencies first)",
          null);
    }
    if (period == null || period.isEmpty()) {
      throw new UnitException(
          '"' + text + "\" (no period)",
          "a cost with its period, such as 140 USD/month or 0.19 USD/hour",
          text.strip() + (text.strip().endsWith("USD") ? "/month" : " USD/month"));
    }
    return switch (period.toLowerCase(Locale.ROOT)) {
      case "month", "mo" -> 1.0;
      case "hour", "h", "hr" -> HOURS_PER_MONTH;
      case "day", "d" -> HOURS_PER_MONTH / 24.0;
      case "year", "yr" -> 1.0 / 12.0;
      default ->
          throw new UnitException(
              '"' + text + "\" (unknown period \"" + period + "\")",
              "USD/month, USD/hour, USD/day or USD/year",
              Suggest.closest(period, List.of("month", "hour", "day", "year"))
                  .map(p -> "USD/" + p)
                  .orElse(null));
    };
  }

  private static double count(String text, double number, String unit) {
    double v = number;
    if (!unit.isEmpty()) {
      Double f = COUNT_SUFFIX.get(unit);
      if (f == null) {
        throw new UnitException(
            '"' + text + "\" (unknown suffix \"" + unit + "\")",
            "a whole number such as 45000 or 45K, 1.2M",
            null);
      }
      v = number * f;
    }
    if (v < 0) {
      throw new UnitException('"' + text + "\" (negative)", "a count of zero or more", null);
    }
    if (Math.abs(v - Math.rint(v)) > 1e-9) {
      throw new UnitException('"' + text + "\" (not whole)", "a whole number", null);
    }
    return Math.rint(v);
  }

  private static double plainNumber(String text, double number, String unit) {
    if (!unit.isEmpty()) {
      throw new UnitException(
          '"' + text + "\" (unexpected unit \"" + unit + "\")",
          "a plain number such as 12 or 3.5",
          format(number, 12));
    }
    if (number < 0) {
      throw new UnitException('"' + text + "\" (negative)", "a number of zero or more", null);
    }
    return number;
  }

  private static double growth(String text, double number, String unit) {
    String u = unit.replace(" ", "");
    int slash = u.indexOf('/');
    if (slash < 0) {
      throw new UnitException(
          '"' + text + "\" (no period)",
          "a growth rate such as 15%/month, 40%/year or 2x/year",
          u.equals("%") || u.isEmpty() ? format(number, 6) + "%/month" : null);
    }
    String head = u.substring(0, slash);
    String period = u.substring(slash + 1).toLowerCase(Locale.ROOT);
    Double months = PERIOD_MONTHS.get(period);
    if (months == null) {
      throw new UnitException(
          '"' + text + "\" (unknown period \"" + period + "\")",
          "per month, quarter, year or week",
          Suggest.closest(period, PERIOD_MONTHS.keySet()).map(p -> head + "/" + p).orElse(null));
    }
    double factorPerPeriod;
    if (head.equals("%")) {
      factorPerPeriod = 1.0 + number / 100.0;
    } else if (head.equalsIgnoreCase("x")) {
      factorPerPeriod = number;
    } else {
      throw new UnitException('"' + text + '"', "a growth rate such as 15%/month or 2x/year", null);
    }
    if (factorPerPeriod <= 0) {
      throw new UnitException(
          '"' + text + "\" (shrinks to nothing)", "a growth above -100% per period", null);
    }
    // compound: (1+g_month)^months = factorPerPeriod
    return Math.pow(factorPerPeriod, 1.0 / months) - 1.0;
  }

  private static double multiplier(String text, double number, String unit) {
    if (!(unit.isEmpty() || unit.equalsIgnoreCase("x") || unit.equals("×"))) {
      throw new UnitException(
          '"' + text + "\" (unknown unit \"" + unit + "\")", "a multiplier such as 10x", null);
    }
    if (number <= 0) {
      throw new UnitException('"' + text + "\" (not positive)", "a multiplier above 0", null);
    }
    return number;
  }

  /**
   * The unit spellings {@link #parse} accepts for {@code dimension}, for documentation and the JSON
   * Schema: each entry is what may follow the number ({@code ""} for a bare number).
   */
  public static List<String> accepted(Dimension dimension) {
    return switch (dimension) {
      case DURATION -> List.copyOf(DURATION.keySet());
      case DATA_SIZE -> List.copyOf(DATA.keySet());
      case RATIO -> List.of("%", "");
      case RATE -> {
        List<String> out =
            new ArrayList<>(
                List.of("", "rps", "qps", "tps", "ops/s", "req/s", "requests/s", "msg/s"));
        RATE_PER.keySet().forEach(p -> out.add("/" + p));
        yield List.copyOf(out);
      }
      case MONTHLY_COST ->
          List.of(
              "USD/month",
              "USD/mo",
              "USD/hour",
              "USD/h",
              "USD/hr",
              "USD/day",
              "USD/d",
              "USD/year",
              "USD/yr");
      case COUNT -> {
        List<String> out = new ArrayList<>(List.of(""));
        out.addAll(COUNT_SUFFIX.keySet());
        yield List.copyOf(out);
      }
      case NUMBER -> List.of("");
      case GROWTH_RATE -> {
        List<String> out = new ArrayList<>();
        for (String head : List.of("%", "x")) {
          PERIOD_MONTHS.keySet().forEach(p -> out.add(head + "/" + p));
        }
        yield List.copyOf(out);
      }
      case MULTIPLIER -> List.of("x", "×", "");
    };
  }

  /** Formats a canonical value for humans, in {@link Locale#ROOT}. */
  public static String format(double value, Dimension dimension) {
    return switch (dimension) {
      case DURATION -> formatDuration(value);
      case DATA_SIZE -> formatBytes(value);
      case RATIO -> format(value * 100.0, value >= 0.99 && value < 1 ? 6 : 3) + "%";
      case RATE -> format(value, 4) + "/s";
      case MONTHLY_COST -> format(value, 6) + " USD/month";
      case COUNT -> format(value, 12);
      case NUMBER -> format(value, 4);
      case GROWTH_RATE -> format(value * 100.0, 3) + "%/month";
      case MULTIPLIER -> format(value, 4) + "x";
    };
  }

  /** Formats seconds with the unit that keeps the number readable (µs, ms, s, min). */
  public static String formatDuration(double seconds) {
    double a = Math.abs(seconds);
    if (a == 0) {
      return "0s";
    }
    if (a < 1e-3) {
      return format(seconds * 1e6, 3) + "µs";
    }
    if (a < 1.0) {
      return format(seconds * 1e3, 3) + "ms";
    }
    if (a < 120.0) {
      return format(seconds, 3) + "s";
    }
    if (a < 7200.0) {
      return format(seconds / 60.0, 3) + "min";
    }
    return format(seconds / 3600.0, 3) + "h";
  }

  /** Formats bytes with binary prefixes. */
  public static String formatBytes(double bytes) {
    String[] names = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int i = 0;
    while (Math.abs(v) >= 1024 && i < names.length - 1) {
      v /= 1024;
      i++;
    }
    return format(v, 3) + names[i];
  }

  /**
   * Formats {@code value} to at most {@code significant} significant digits, without trailing
   * zeros, without exponent, in {@link Locale#ROOT}. Deterministic across platforms.
   */
  public static String format(double value, int significant) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    if (Math.abs(value) >= 1e15) {
      // beyond any real system: an exponent is easier to read than sixteen digits
      BigDecimal e =
          new BigDecimal(value).round(new MathContext(significant, RoundingMode.HALF_EVEN));
      return e.stripTrailingZeros().toString().replace("E+", "e");
    }
    // never round into the integer digits: 81857/s, not 81860/s
    int integerDigits = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
    significant = Math.max(significant, integerDigits);
    String fast = formatFast(value, significant, significant - integerDigits);
    if (fast != null) {
      return fast;
    }
    return formatExact(value, significant);
  }

  /** Powers of ten that a double holds exactly (10^0 to 10^22). */
  private static final double[] EXACT_POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < EXACT_POWERS_OF_TEN.length; i++) {
      EXACT_POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  /**
   * {@link #format(double, int)} without {@link BigDecimal}, or null when it cannot be sure to give
   * the same digits. Every figure's provenance is formatted, so this is most of a roadmap draw's
   * time (issue 8: 1,000 draws in under 2 s); the exact expansion of a double costs microseconds.
   *
   * <p>Why it is exact: {@code value × 10^decimals} with 10^decimals exact (decimals ≤ 22) is the
   * correctly rounded product, within half an ulp of the true one; when that product is more than
   * two ulps from a half-way point, rounding it to an integer rounds the true product the same way,
   * which is what half-even rounding of the exact decimal expansion to {@code significant} digits
   * does. The product must have exactly {@code significant} integer digits, or the digit count from
   * the logarithm was off by one and the exact path decides.
   */
  static String formatFast(double value, int significant, int decimals) {
    if (decimals < 0
        || decimals >= EXACT_POWERS_OF_TEN.length
        || significant < 1
        || significant > 15) {
      return null;
    }
    double scaled = Math.abs(value) * EXACT_POWERS_OF_TEN[decimals];
    if (!(scaled >= EXACT_POWERS_OF_TEN[significant - 1]
        && scaled < EXACT_POWERS_OF_TEN[significant])) {
      return null;
    }
    double floor = Math.floor(scaled);
    double fraction = scaled - floor;
    if (Math.abs(fraction - 0.5) <= 2 * Math.ulp(scaled)) {
      return null; // too near a tie for the rounded product to decide it
    }
    long digits = (long) floor + (fraction > 0.5 ? 1 : 0);
    int shown = decimals;
    while (shown > 0 && digits % 10 == 0) {
      digits /= 10;
      shown--;
    }
    String text = Long.toString(digits);
    StringBuilder out = new StringBuilder(text.length() + shown + 3);
    if (value < 0) {
      out.append('-');
    }
    if (shown == 0) {
      out.append(text);
    } else if (text.length() > shown) {
      out.append(text, 0, text.length() - shown)
          .append('.')
          .append(text, text.length() - shown, text.length());
    } else {
      out.append("0.");
      for (int i = text.length(); i < shown; i++) {
        out.append('0');
      }
      out.append(text);
    }
    return out.toString();
  }

  /** {@link #format(double, int)} by the exact decimal expansion of {@code value}. */
  static String formatExact(double value, int significant) {
    BigDecimal bd =
        new BigDecimal(value).round(new MathContext(significant, RoundingMode.HALF_EVEN));
    // keep integers that are large but exact (45000, not 4.5E+4)
    String s = bd.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /** Formats with a fixed number of decimals in {@link Locale#ROOT}, trailing zeros removed. */
  public static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    String s =
        new BigDecimal(value)
            .setScale(decimals, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /** Did-you-mean suggestions by edit distance. */
  public static final class Suggest {
    private Suggest() {}

    /** The closest candidate within a small edit distance, if any. */
    public static Optional<String> closest(String found, Iterable<String> candidates) {
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      String lower = found.toLowerCase(Locale.ROOT);
      for (String c : candidates) {
        // only a candidate closer than the best so far can win (ties keep the first): bounding
        // the distance keeps a did-you-mean over 19,000 component names cheap per lookup
        if (Math.abs(c.length() - lower.length()) >= bestDistance) {
          continue;
        }
        int d = distance(lower, c.toLowerCase(Locale.ROOT), bestDistance - 1);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      int limit = Math.max(1, Math.min(3, found.length() / 3 + 1));
      if (bestDistance <= limit) {
        return Optional.ofNullable(best);
      }
      // an abbreviation ("warn" for "warning") is far by edit distance but plain to a reader;
      // suggest the one candidate it begins, if only one does
      String prefix = found.toLowerCase(Locale.ROOT);
      String only = null;
      int starting = 0;
      for (String c : candidates) {
        if (prefix.length() >= 3 && c.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          only = c;
          starting++;
        }
      }
      return starting == 1 ? Optional.of(only) : Optional.empty();
    }

    /** Candidates sorted by distance, for listing alternatives. */
    public static List<String> ranked(String found, List<String> candidates) {
      List<String> out = new ArrayList<>(candidates);
      out.sort(
          (a, b) ->
              Integer.compare(
                  distance(found.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT)),
                  distance(found.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT))));
      return out;
    }

    /** Damerau–Levenshtein (optimal string alignment) distance. */
    static int distance(String a, String b) {
      return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * The optimal-string-alignment distance of {@code a} and {@code b}, or some value above {@code
     * max} as soon as it is certain to exceed it: values never decrease along an alignment, and an
     * alignment skips at most one row (a transposition), so two rows whose minimum exceeds {@code
     * max} settle it.
     */
    static int distance(String a, String b, int max) {
      int[][] d = new int[a.length() + 1][b.length() + 1];
      int previousRowMin = 0;
      for (int i = 0; i <= a.length(); i++) {
        d[i][0] = i;
      }
      for (int j = 0; j <= b.length(); j++) {
        d[0][j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
          if (i > 1
              && j > 1
              && a.charAt(i - 1) == b.charAt(j - 2)
              && a.charAt(i - 2) == b.charAt(j - 1)) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
        int rowMin = Integer.MAX_VALUE;
        for (int v : d[i]) {
          rowMin = Math.min(rowMin, v);
        }
        if (rowMin > max && previousRowMin > max) {
          return max + 1;
        }
        previousRowMin = rowMin;
      }
      return d[a.length()][b.length()];
    }
  }
}
