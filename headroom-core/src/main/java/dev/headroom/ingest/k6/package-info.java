/**
 * Readers for Grafana k6 results: the end-of-test summaries ({@link
 * dev.headroom.ingest.k6.K6SummaryReader} for {@code --summary-export}, {@link
 * dev.headroom.ingest.k6.K6HandleSummaryReader} for {@code handleSummary()}), which give one step
 * with k6's own figures, and the per-sample outputs ({@link dev.headroom.ingest.k6.K6JsonReader}
 * for {@code --out json}, {@link dev.headroom.ingest.k6.K6CsvReader} for {@code --out csv}), which
 * give one step per number of active VUs. k6 files do not say which executor ran, so the load model
 * is decided in one place, {@link dev.headroom.ingest.k6.K6LoadModel}.
 */
package dev.headroom.ingest.k6;
