/**
 * One document model for every human report: a {@link dev.headroom.report.doc.Document} of
 * sections, paragraphs, item lists, tables and notes, whose inline text carries figures with their
 * provenance. A layout builds a document once from a result; a {@link
 * dev.headroom.report.doc.DocumentWriter} draws it (text for a terminal of a given width,
 * Markdown), so a new output format is one more writer, not another copy of the layout. Writers
 * format what the document holds and compute nothing.
 */
package dev.headroom.report.doc;
