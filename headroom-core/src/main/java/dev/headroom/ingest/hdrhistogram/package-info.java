/**
 * Readers for HdrHistogram's outputs: the interval log ({@code .hlog}, written by {@code
 * HistogramLogWriter}, jHiccup and many load generators) and the percentile distribution text
 * ({@code .hgrm}, written by {@code outputPercentileDistribution} and {@code
 * HistogramLogProcessor}). {@link dev.headroom.ingest.hdrhistogram.PercentileDistribution} parses
 * the distribution table on its own, so other readers (wrk2, whose output embeds the same table)
 * can reuse it.
 */
package dev.headroom.ingest.hdrhistogram;
