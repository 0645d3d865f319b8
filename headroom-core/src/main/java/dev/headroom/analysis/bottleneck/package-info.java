/**
 * Bottleneck ranking by layer (D1-D5): which layer limits the system, shown by which findings, and,
 * when evidence is thin, where to look first and what to measure next.
 */
package dev.headroom.analysis.bottleneck;
