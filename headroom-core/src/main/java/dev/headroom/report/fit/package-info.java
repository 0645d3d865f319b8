/**
 * The result of {@code headroom fit}: a {@link dev.headroom.report.fit.FitReport} (the fitted USL,
 * the steps read from the load-test files, the readers' warnings and the predictions asked for) and
 * its renderers: text, Markdown, JSON (schema in {@code docs/fit-report-schema.json}) and an SVG
 * plot. Renderers only format; every figure comes from {@link dev.headroom.analysis.usl}.
 */
package dev.headroom.report.fit;
