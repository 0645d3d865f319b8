package dev.headroom.ingest.loadtest;

import java.util.Locale;

/**
 * The unit of latency values in a file that does not name it (an HdrHistogram log or percentile
 * distribution records whatever its producer recorded), as given with {@code --latency-unit}.
 */
public enum LatencyUnit {
  NS("ns", 1e-6),
  US("us", 1e-3),
  MS("ms", 1.0),
  S("s", 1000.0);

  private final String id;
  private final double msPerUnit;

  LatencyUnit(String id, double msPerUnit) {
    this.id = id;
    this.msPerUnit = msPerUnit;
  }

  /** The name on the command line: ns, us, ms or s. */
  public String id() {
    return id;
  }

  /** Milliseconds in one unit. */
  public double msPerUnit() {
    return msPerUnit;
  }

  /** The unit named {@code id} (ns, us, µs, ms, s), case-insensitively. */
  public static LatencyUnit byId(String id) {
    String s = id.strip().toLowerCase(Locale.ROOT);
    if (s.equals("µs")) {
      return US;
    }
    for (LatencyUnit u : values()) {
      if (u.id.equals(s)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unknown latency unit " + id + "; one of ns, us, ms, s");
  }
}
