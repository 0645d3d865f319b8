/**
 * Queueing models that size things: the operational laws (Little's law, the utilisation law), the
 * open single-station queues M/M/1, M/M/c (Erlang C) and M/G/1 (Pollaczek–Khinchine), closed
 * networks solved by exact multi-class Mean Value Analysis and by the Bard–Schweitzer
 * approximation, and sizing in reverse (the fewest servers that keep a latency percentile under a
 * target, the largest arrival rate a pool sustains).
 *
 * <p>Every model is a record of plain numbers in canonical units (seconds, requests per second),
 * validated when built: rates and times are finite and non-negative, open queues are stable
 * (utilisation below 1) or refused with {@link
 * dev.headroom.analysis.queueing.UnstableQueueException}, which says what utilisation was computed.
 * Every result satisfies Little's law.
 *
 * <p>Assumptions of the open models: Poisson arrivals, first-come first-served, an unbounded queue,
 * steady state; M/M/1 and M/M/c add exponential service times, M/G/1 allows any service time
 * distribution with a finite variance.
 */
package dev.headroom.analysis.queueing;
