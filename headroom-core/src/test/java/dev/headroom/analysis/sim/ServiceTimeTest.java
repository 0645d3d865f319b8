package dev.headroom.analysis.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sample moments of each distribution against its declared mean and squared cv. */
class ServiceTimeTest {

  @Test
  void sampleMoments_matchDeclaredMoments() {
    for (ServiceTime s :
        List.of(
            ServiceTime.exponential(0.2),
            ServiceTime.deterministic(0.3),
            ServiceTime.lognormal(0.05, 0.8),
            ServiceTime.empirical(1, 2, 2, 7))) {
      SplittableRandom rng = new SplittableRandom(11);
      int n = 400_000;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double x = s.sample(rng);
        assertThat(x).isNotNegative();
        sum += x;
        sumSq += x * x;
      }
      double mean = sum / n;
      double scv = (sumSq / n - mean * mean) / (mean * mean);
      assertThat(mean).as("%s mean", s).isCloseTo(s.mean(), within(0.01 * s.mean()));
      assertThat(scv).as("%s scv", s).isCloseTo(s.squaredCv(), within(0.03 + 0.03 * s.squaredCv()));
    }
  }

  @Test
  void lognormalParameters_followFromMeanAndCv() {
    // s² = ln(1 + cv²), m = ln(mean) − s²/2
    ServiceTime.Lognormal l = ServiceTime.lognormal(2.0, 1.0);
    assertThat(l.logSigma()).isCloseTo(Math.sqrt(Math.log(2)), within(1e-15));
    assertThat(l.logMu()).isCloseTo(Math.log(2) - Math.log(2) / 2, within(1e-15));
  }

  @Test
  void streams_dependOnNameAndReplicationOnly() {
    long r0 = Streams.replicationSeed(1, 0);
    assertThat(Streams.replicationSeed(1, 0)).isEqualTo(r0);
    assertThat(Streams.replicationSeed(1, 1)).isNotEqualTo(r0);
    assertThat(Streams.stream(r0, "service/db").nextLong())
        .isEqualTo(Streams.stream(r0, "service/db").nextLong())
        .isNotEqualTo(Streams.stream(r0, "service/app").nextLong());
  }
}
