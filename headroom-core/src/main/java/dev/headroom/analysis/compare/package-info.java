/**
 * Two load-test runs compared (did this release get slower?): the difference of throughput and of
 * each percentile both have, with an interval and whether it is significant, and the CI gates
 * ({@code --fail-on p95+10%}) it breaks.
 */
package dev.headroom.analysis.compare;
