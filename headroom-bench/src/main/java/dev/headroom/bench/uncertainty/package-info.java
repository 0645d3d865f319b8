/**
 * Benchmarks of the uncertainty sampler: drawing the systems and capacities a 1,000-draw roadmap
 * evaluates, beside the floor of copying a system that many times.
 */
package dev.headroom.bench.uncertainty;
