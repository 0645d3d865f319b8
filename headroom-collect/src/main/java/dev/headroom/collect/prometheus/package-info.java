/**
 * The Prometheus collector: reads a service's golden signals (request rate, error ratio, latency
 * percentiles, CPU and memory) and Kubernetes containers' usage against their requests, limits and
 * HPA bounds from any engine that speaks the Prometheus HTTP API (Prometheus, VictoriaMetrics,
 * Thanos, Mimir, Cortex). Aggregation runs in the engine; only aggregated series come back. Only
 * GET requests to four read-only endpoints are ever sent.
 */
package dev.headroom.collect.prometheus;
