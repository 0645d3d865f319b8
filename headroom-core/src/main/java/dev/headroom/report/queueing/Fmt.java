package dev.headroom.report.queueing;

import dev.headroom.model.Units;
import java.math.BigDecimal;
import java.math.MathContext;

/** Number formats for the human reports, all in {@link java.util.Locale#ROOT}. */
final class Fmt {
  private Fmt() {}

  /** Seconds in the unit that keeps the number readable, five significant digits: 15.221s. */
  static String seconds(double s) {
    double a = Math.abs(s);
    if (a == 0) {
      return "0s";
    }
    if (a < 1e-3) {
      return Units.format(s * 1e6, 5) + "µs";
    }
    if (a < 1.0) {
      return Units.format(s * 1e3, 5) + "ms";
    }
    if (a < 120.0) {
      return Units.format(s, 5) + "s";
    }
    if (a < 7200.0) {
      return Units.format(s / 60.0, 5) + "min";
    }
    return Units.format(s / 3600.0, 5) + "h";
  }

  /** Per second, six significant digits. */
  static String rate(double perSecond) {
    return Units.format(perSecond, 6) + "/s";
  }

  /** A plain number, six significant digits. */
  static String number(double v) {
    return Units.format(v, 6);
  }

  /** A fraction as a percentage, four significant digits: 59.04%. */
  static String percent(double fraction) {
    return Units.format(fraction * 100.0, 4) + "%";
  }

  /** A small positive number in scientific notation when below 0.001: 1e-10, 2.5e-7. */
  static String small(double v) {
    if (v == 0 || Math.abs(v) >= 1e-3) {
      return Units.format(v, 3);
    }
    int exp = (int) Math.floor(Math.log10(Math.abs(v)));
    double mantissa = v / Math.pow(10, exp);
    if (Math.abs(mantissa) >= 9.995) {
      mantissa /= 10;
      exp++;
    }
    return Units.format(mantissa, 3) + "e" + exp;
  }

  /** "p95" for 0.95, "p99.9" for 0.999. */
  static String p(double fraction) {
    return "p"
        + new BigDecimal(Double.toString(fraction * 100.0))
            .round(new MathContext(6))
            .stripTrailingZeros()
            .toPlainString();
  }
}
