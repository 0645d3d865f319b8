package dev.headroom.analysis.stage;

import java.util.Locale;

/** The canonical growth stages (S1), with their user range and typical monthly cost ($1). */
public enum Stage {
  STARTUP(
      0, 10_000, 100, 300, "one server; clean code, indexes on hot columns, basic monitoring (S4)"),
  GROWTH(10_000, 100_000, 1_000, 3_000, "a cache and read replicas behind a load balancer"),
  SCALE(
      100_000,
      1_000_000,
      10_000,
      30_000,
      "horizontal scaling, services split out, sharding where writes demand it"),
  ENTERPRISE(
      1_000_000,
      Double.POSITIVE_INFINITY,
      100_000,
      Double.POSITIVE_INFINITY,
      "several regions, global CDN, tested disaster recovery");

  private final double usersFrom;
  private final double usersTo;
  private final double costFrom;
  private final double costTo;
  private final String architecture;

  Stage(double usersFrom, double usersTo, double costFrom, double costTo, String architecture) {
    this.usersFrom = usersFrom;
    this.usersTo = usersTo;
    this.costFrom = costFrom;
    this.costTo = costTo;
    this.architecture = architecture;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public double usersFrom() {
    return usersFrom;
  }

  public double usersTo() {
    return usersTo;
  }

  /** Typical monthly cost band in USD ($1). */
  public double costFrom() {
    return costFrom;
  }

  public double costTo() {
    return costTo;
  }

  public String architecture() {
    return architecture;
  }

  public Stage next() {
    return this == ENTERPRISE ? null : values()[ordinal() + 1];
  }

  /** S1: the stage for a number of monthly active users. */
  public static Stage byUsers(double users) {
    for (Stage s : values()) {
      if (users < s.usersTo) {
        return s;
      }
    }
    return ENTERPRISE;
  }

  /**
   * S3 mapped onto the canonical ladder: under 100 rps startup; 100-1K growth (vertical plus a
   * cache); 1K-10K scale (horizontal, load balancer, replicas); 10K and more enterprise
   * (multi-region, sharding, fully distributed).
   */
  public static Stage byRps(double rps) {
    if (rps < 100) {
      return STARTUP;
    }
    if (rps < 1_000) {
      return GROWTH;
    }
    if (rps < 10_000) {
      return SCALE;
    }
    return ENTERPRISE;
  }
}
