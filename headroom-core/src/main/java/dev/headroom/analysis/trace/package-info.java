/**
 * Where a request's time goes, from its trace (INVENTORY D1: "where is the time spent (tracing)"
 * comes first in the search for a bottleneck): {@link dev.headroom.analysis.trace.TraceAnalyzer}
 * assembles spans into requests, attributes each request's time to the database, the cache,
 * external calls and the service's own code, and looks for N+1 query loops (INVENTORY M2). The
 * result, {@link dev.headroom.analysis.trace.TraceAnalysis}, is what the report and the evidence
 * file ({@link dev.headroom.analysis.trace.TraceEvidence}) read.
 */
package dev.headroom.analysis.trace;
