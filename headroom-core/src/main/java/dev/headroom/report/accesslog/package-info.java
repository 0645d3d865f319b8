/**
 * The report of {@code headroom collect log}: what an access log says (rates, errors, per-route
 * latency percentiles, bytes by content type, bots), as text, Markdown or JSON.
 */
package dev.headroom.report.accesslog;
