/**
 * The plain {@code concurrency,throughput[,latency]} CSV people write by hand, and the RFC 4180
 * {@link dev.headroom.ingest.csv.CsvTokenizer} that every CSV-based reader (JMeter JTL, k6 CSV)
 * uses to split records before interpreting them.
 */
package dev.headroom.ingest.csv;
