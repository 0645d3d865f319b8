/**
 * The discrete-event simulation engine ({@code dev.headroom.analysis.sim}) raced against SSJ and a
 * JDK {@code PriorityQueue} baseline on the same models, in events per second on one core.
 */
package dev.headroom.bench.sim;
