/** The comparison of two load-test runs ({@code headroom compare}) as text, Markdown and JSON. */
package dev.headroom.report.compare;
