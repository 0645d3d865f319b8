package dev.headroom.model;

/**
 * What a quantity measures. Each dimension has one canonical unit in which values are stored:
 * seconds, bytes, a fraction (0.7 for 70%), events per second, US dollars per month, a plain count,
 * a fraction per month, or a plain multiplier.
 */
public enum Dimension {
  DURATION("s", "a duration such as 250ms, 1.5s, 2min"),
  DATA_SIZE("B", "a size such as 512MiB, 16GiB, 2TB"),
  RATIO("", "a percentage such as 70% or a fraction such as 0.7"),
  RATE("/s", "a rate such as 1200 rps, 240/h, 50/min"),
  MONTHLY_COST("USD/month", "a monthly cost such as 140 USD/month"),
  COUNT("", "a whole number such as 12 or 45K"),
  NUMBER("", "a number of zero or more such as 12 or 3.5"),
  GROWTH_RATE("/month", "a growth rate such as 15%/month or 2x/year"),
  MULTIPLIER("x", "a multiplier such as 10x");

  private final String canonicalUnit;
  private final String example;

  Dimension(String canonicalUnit, String example) {
    this.canonicalUnit = canonicalUnit;
    this.example = example;
  }

  /** The unit values of this dimension are stored in. */
  public String canonicalUnit() {
    return canonicalUnit;
  }

  /** A short phrase saying what a value of this dimension looks like, for error messages. */
  public String example() {
    return example;
  }
}
