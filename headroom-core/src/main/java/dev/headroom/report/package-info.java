/**
 * Renderers: they read an immutable result and print it as text, Markdown or JSON (and SVG charts).
 * Renderers never compute a figure; they format what analysis produced, with its provenance. Output
 * is deterministic and uses {@link java.util.Locale#ROOT}.
 */
package dev.headroom.report;
