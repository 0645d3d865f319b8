/**
 * The Universal Scalability Law (Gunther): X(N) = λN / (1 + σ(N−1) + κN(N−1)), fitted to measured
 * (concurrency, throughput) points by bounded nonlinear least squares, with standard errors,
 * two-sided confidence intervals, a delta-method confidence band, the peak, the Amdahl limit and
 * the full two-branch inverse. {@link dev.headroom.analysis.usl.UslFitter#fit(java.util.List)} is
 * the entry point; {@link dev.headroom.analysis.usl.UslModel} is the result.
 *
 * <p>Notation follows Gunther, <i>Guerrilla Capacity Planning</i> (2007), ch. 4–5, and Schwartz,
 * <i>Practical Scalability Analysis with the Universal Scalability Law</i> (VividCortex, 2015): σ
 * is contention (the serial fraction), κ is coherency (crosstalk), λ is the throughput of one unit
 * of concurrency. The R package {@code usl} calls them α, β, γ.
 */
package dev.headroom.analysis.usl;
