package dev.headroom.analysis.usl;

/** The three USL coefficients, in the order used by covariance matrices and gradients. */
public enum UslParameter {
  /** Contention: the fraction of work that is serialised (0 ≤ σ ≤ 1). R {@code usl}: α. */
  SIGMA("sigma", "σ", 0.0, 1.0),
  /**
   * Coherency: the cost of keeping each pair of workers consistent (0 ≤ κ ≤ 1). R {@code usl}: β.
   */
  KAPPA("kappa", "κ", 0.0, 1.0),
  /** Throughput of one unit of concurrency, X(1) (λ &gt; 0). R {@code usl}: γ. */
  LAMBDA("lambda", "λ", 0.0, Double.POSITIVE_INFINITY);

  private final String id;
  private final String symbol;
  private final double lowerBound;
  private final double upperBound;

  UslParameter(String id, String symbol, double lowerBound, double upperBound) {
    this.id = id;
    this.symbol = symbol;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  /** The name used in JSON: {@code sigma}, {@code kappa}, {@code lambda}. */
  public String id() {
    return id;
  }

  public String symbol() {
    return symbol;
  }

  public double lowerBound() {
    return lowerBound;
  }

  /** The upper bound; infinite for λ. */
  public double upperBound() {
    return upperBound;
  }
}
