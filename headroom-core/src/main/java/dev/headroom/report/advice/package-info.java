/**
 * Renderers for an {@link dev.headroom.advice.Advice}: text for the terminal, Markdown for
 * documents and pull requests, and versioned JSON (docs/report-schema.json) for tools.
 */
package dev.headroom.report.advice;
