package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.Estimate;

/**
 * What retries do to an external service: the attempts per call the closed form expects with
 * independent failures, (1 − p^(r+1))/(1 − p), the attempts per call simulated (with timeouts and
 * the breaker), calls refused by the open breaker per second, and the share of time it was not
 * closed.
 */
public record RetryStorm(
    double expectedAttempts,
    Estimate attemptsPerCall,
    Estimate breakerRejectedPerSecond,
    Estimate breakerNotClosedShare) {}
