/**
 * Renderers for an {@link dev.headroom.advice.Advice}. {@link
 * dev.headroom.report.advice.AdviceLayout} lays the assessment out once as a {@link
 * dev.headroom.report.doc.Document}, which the document writers draw as text for the terminal and
 * Markdown for documents and pull requests; JSON (docs/report-schema.json) is written for tools by
 * {@link dev.headroom.report.advice.JsonAdviceRenderer}, following its schema.
 */
package dev.headroom.report.advice;
