/**
 * Renderers of the growth roadmap ({@code headroom plan}): text and Markdown from one layout on the
 * document model, JSON following {@code docs/roadmap-report-schema.json}. They never compute.
 */
package dev.headroom.report.roadmap;
