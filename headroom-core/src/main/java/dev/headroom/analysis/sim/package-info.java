/**
 * The discrete-event simulation engine: queueing networks simulated event by event, for the shapes
 * the analytic models in {@link dev.headroom.analysis.queueing} cannot answer (non-exponential
 * service, multi-server stations inside closed networks, percentiles, later spikes, pools and
 * failures). The {@code simulate} command and the roadmap will drive it through a {@link
 * dev.headroom.analysis.sim.Network} built from the capacity model.
 *
 * <p>What it offers: open Poisson sources and closed populations with a think time ({@link
 * dev.headroom.analysis.sim.Source}); FCFS stations with c servers and delay stations ({@link
 * dev.headroom.analysis.sim.Station}); routing by probabilities; exponential, deterministic,
 * lognormal and empirical service times ({@link dev.headroom.analysis.sim.ServiceTime}).
 *
 * <p>How: one {@link dev.headroom.analysis.sim.Simulator} per replication holds its own clock,
 * state and random streams (nothing static); the event list is a flat array or a binary heap on
 * primitive arrays and the hot path allocates nothing. Every random source has its own named stream
 * whose seed depends only on the master seed, the replication and the name ({@link
 * dev.headroom.analysis.sim.Streams}), so a run is reproducible bit for bit and adding a source
 * shifts no other. {@link dev.headroom.analysis.sim.Simulation} runs independent replications in
 * parallel, deletes the warm-up, and reports every mean and percentile as an {@link
 * dev.headroom.analysis.sim.Estimate} with a Student t interval on n − 1 degrees of freedom;
 * results do not depend on the number of threads.
 *
 * <p>Bad input is refused with an {@link IllegalArgumentException} that names the value, where it
 * was and what is allowed. Validated against M/M/1, M/M/c (Erlang C), M/G/1 (Pollaczek–Khinchine)
 * and exact MVA of Jain's example 34.2, each within the simulator's own confidence interval.
 */
package dev.headroom.analysis.sim;
