/** Reader for the plain {@code concurrency,throughput[,latency]} CSV people write by hand. */
package dev.headroom.ingest.csv;
