/**
 * JMH benchmarks: headroom's readers and models against a baseline (the least work that touches the
 * same bytes) and, where one exists, the peer they race.
 */
package dev.headroom.bench;
