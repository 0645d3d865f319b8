/**
 * Renderers of {@code headroom simulate}: a {@link dev.headroom.report.sim.SimReport} (the model
 * simulation and its result) as text or Markdown through the {@link dev.headroom.report.doc}
 * document model, or as JSON ({@code docs/simulate-report-schema.json}). They format what the
 * simulator measured and compute nothing.
 */
package dev.headroom.report.sim;
