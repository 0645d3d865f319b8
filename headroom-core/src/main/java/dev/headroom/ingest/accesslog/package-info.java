/**
 * Reader for web-server access logs (nginx and Apache {@code combined}/{@code common}, their timed
 * variants, nginx {@code escape=json} logs and any nginx {@code log_format} string): a byte-level,
 * streaming parser and the aggregates the advisor needs (peak request rates, per-route latency
 * percentiles, error ratio, bytes by content type, bots apart), turned into evidence.
 */
package dev.headroom.ingest.accesslog;
