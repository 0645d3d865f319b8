package dev.headroom.analysis.sim.system;

import java.util.Arrays;
import java.util.List;

/**
 * Where requests come from: a Poisson process at {@code ratePerSecond}, modulated by a diurnal
 * profile (one multiplier per hour of the simulated day, hour 0 at time 0; empty for a flat rate)
 * and by flash spikes. A share {@code cdnShare} is answered by a CDN or the browser cache and never
 * reaches the load balancer. A non-homogeneous Poisson process is sampled by thinning (Lewis &amp;
 * Shedler 1979): candidates at the peak rate, each kept with probability rate(t)/peak.
 *
 * @param clients distinct clients (for IP hash / sticky balancing), each request from one drawn
 *     uniformly
 */
public record Arrivals(
    double ratePerSecond, double[] hourly, List<Spike> spikes, double cdnShare, int clients) {

  public Arrivals {
    Check.positive("arrivals.rate (requests/s)", ratePerSecond);
    hourly = hourly == null ? new double[0] : hourly.clone();
    if (hourly.length != 0 && hourly.length != 24) {
      throw Check.bad(
          "arrivals.diurnal", hourly.length + " multipliers", "none or 24 (one per hour)");
    }
    for (int h = 0; h < hourly.length; h++) {
      Check.nonNegative("arrivals.diurnal[" + h + "]", hourly[h]);
    }
    if (hourly.length > 0 && Arrays.stream(hourly).max().orElse(0) <= 0) {
      throw Check.bad("arrivals.diurnal", "all zero", "at least one hour with a multiplier > 0");
    }
    spikes = List.copyOf(spikes);
    Check.share("arrivals.cdn_share", cdnShare);
    if (cdnShare >= 1) {
      throw Check.bad("arrivals.cdn_share", cdnShare, "below 1 (some requests must reach the LB)");
    }
    Check.atLeast("arrivals.clients", clients, 1);
  }

  /** A flat Poisson stream at {@code rate}, nothing cached in front, 10,000 clients. */
  public static Arrivals poisson(double rate) {
    return new Arrivals(rate, new double[0], List.of(), 0, DEFAULT_CLIENTS);
  }

  /** Distinct clients when none is given: enough that IP hashing spreads like random. */
  public static final int DEFAULT_CLIENTS = 10_000;

  @Override
  public double[] hourly() {
    return hourly.clone();
  }

  /** The rate multiplier at {@code t}: the hour's multiplier times every spike covering t. */
  double multiplier(double t) {
    double m = hourly.length == 0 ? 1 : hourly[(int) ((t / 3600) % 24)];
    for (Spike s : spikes) {
      if (s.covers(t)) {
        m *= s.multiplier();
      }
    }
    return m;
  }

  /** The highest multiplier at any time: the thinning envelope. */
  double peakMultiplier() {
    double h = hourly.length == 0 ? 1 : Arrays.stream(hourly).max().orElse(1);
    double s = 1;
    for (Spike sp : spikes) {
      s *= Math.max(1, sp.multiplier());
    }
    return h * s;
  }

  public Arrivals withSpikes(List<Spike> more) {
    List<Spike> all = new java.util.ArrayList<>(spikes);
    all.addAll(more);
    return new Arrivals(ratePerSecond, hourly, all, cdnShare, clients);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Arrivals a
        && a.ratePerSecond == ratePerSecond
        && Arrays.equals(a.hourly, hourly)
        && a.spikes.equals(spikes)
        && a.cdnShare == cdnShare
        && a.clients == clients;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(ratePerSecond) * 31 + Arrays.hashCode(hourly) + spikes.hashCode();
  }

  @Override
  public String toString() {
    return "Arrivals[" + ratePerSecond + "/s, cdn " + cdnShare + ", spikes " + spikes + "]";
  }
}
