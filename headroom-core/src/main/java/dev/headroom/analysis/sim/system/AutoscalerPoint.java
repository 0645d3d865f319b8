package dev.headroom.analysis.sim.system;

/**
 * One autoscaler evaluation: when, the instances provisioned after it (ready or starting), those
 * ready, the app tier's utilisation over the last period, and the raw recommendation
 * ceil(n·U/target) before windows and step limits.
 */
public record AutoscalerPoint(
    double timeSeconds, int instances, int ready, double utilization, int recommended) {}
