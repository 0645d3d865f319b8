package dev.headroom.analysis.sim;

import java.util.List;

/**
 * Where customers come from: an open Poisson stream or a closed population cycling through a think
 * time. Every source has a unique name (it names the source's random streams, so adding a source
 * never shifts another's numbers) and entry probabilities over the network's stations.
 */
public sealed interface Source permits PoissonSource, ClosedPopulation {

  String name();

  /** Probability that a new customer (or one back from thinking) enters each station; sums to 1. */
  List<Double> entry();
}
