/**
 * Honest uncertainty for the roadmap (issue 8, item 4): draws of a system whose system file gives
 * some figures as ranges ({@link dev.headroom.analysis.uncertainty.Sampler}), draws of a load-test
 * capacity from its USL fit's covariance ({@link
 * dev.headroom.analysis.uncertainty.CapacitySampler}), and the summaries of a quantity computed per
 * draw: a central interval with its median and the share of draws that never reach it ({@link
 * dev.headroom.analysis.uncertainty.SampledInterval}), and the date a load multiple is reached at
 * each draw's growth ({@link dev.headroom.analysis.uncertainty.TimeToReach}).
 *
 * <p>Everything here is seeded and reproducible bit for bit: each ranged figure and each fitted
 * component draws from its own named stream, so adding a range elsewhere never moves the others'
 * draws. The method, the distribution and its limits are in {@code docs/uncertainty.md}.
 */
package dev.headroom.analysis.uncertainty;
