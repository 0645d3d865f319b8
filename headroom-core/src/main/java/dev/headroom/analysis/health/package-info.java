/**
 * Health: every metric headroom knows, against its target and warning level (M1-M9), with the
 * system file's SLOs overriding the defaults, and the slow requests per second behind each latency
 * percentile (M6).
 */
package dev.headroom.analysis.health;
