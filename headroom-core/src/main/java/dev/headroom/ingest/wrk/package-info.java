/**
 * Reader for the text reports of wrk and wrk2 (one run at a fixed number of connections per file),
 * with the auto-scaled units those tools print.
 */
package dev.headroom.ingest.wrk;
