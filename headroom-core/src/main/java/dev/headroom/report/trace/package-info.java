/**
 * The report of {@code headroom collect traces}: where requests spend their time by layer, queries
 * per request and N+1 suspects, and what did not fit a clean trace; as text, Markdown or JSON.
 * Renderers only format; every figure comes from {@link dev.headroom.analysis.trace.TraceAnalysis}.
 */
package dev.headroom.report.trace;
