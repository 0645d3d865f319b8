/**
 * Renderers for the queueing models: {@link dev.headroom.report.queueing.QueueRenderer} prints a
 * {@link dev.headroom.report.queueing.QueueReport} (Little's law, an open queue, a sizing, a solved
 * closed network) as text, Markdown or JSON; text and Markdown are drawn from one {@link
 * dev.headroom.report.doc.Document} that {@code DocBuilder} lays out. Output is deterministic and
 * locale-independent; JSON uses seconds and requests per second and follows {@code
 * docs/queue-report-schema.json}.
 */
package dev.headroom.report.queueing;
