/**
 * JMH benchmarks of the USL fit ({@link dev.headroom.analysis.usl.UslFitter}) against a baseline:
 * one unbounded Levenberg–Marquardt run on the same data, which is what usl4j does. usl4j itself is
 * not on Maven Central ({@code com.codahale:usl4j:0.7.0} and {@code 0.6.1} do not resolve), so it
 * cannot be raced here; its README reports 0.5 µs (10 points) to 72 µs (10,000 points).
 */
package dev.headroom.bench.usl;
