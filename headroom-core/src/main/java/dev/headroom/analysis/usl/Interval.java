package dev.headroom.analysis.usl;

/** A closed interval [lower, upper], such as a confidence interval. */
public record Interval(double lower, double upper) {

  public Interval {
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
      throw new IllegalArgumentException(
          "need finite lower <= upper, got [" + lower + ", " + upper + "]");
    }
  }

  public boolean contains(double v) {
    return v >= lower && v <= upper;
  }
}
