/**
 * Benchmarks of the growth roadmap: the deterministic walk, and the whole roadmap with the
 * uncertainty engine's 1,000 draws against issue 8's budget of 2 s on the 2-core machine.
 */
package dev.headroom.bench.roadmap;
