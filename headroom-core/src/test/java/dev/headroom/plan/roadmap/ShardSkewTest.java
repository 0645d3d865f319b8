package dev.headroom.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.plan.roadmap.ShardSkew.Strategy;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hottest shard's share under Zipf keys against closed forms. */
class ShardSkewTest {

  @Test
  void hottestKey_isOneOverTheHarmonicNumber() {
    // H(100000, 1) = ln(100000) + Euler-Mascheroni + 1/(2N) - 1/(12 N^2) + ...
    double h = Math.log(100_000) + 0.5772156649015329 + 1.0 / 200_000;
    assertThat(new ShardSkew(100_000, 1).hottestKey()).isCloseTo(1 / h, within(1e-9));
  }

  @Test
  void uniformKeys_splitEvenlyUnderEveryStrategy() {
    ShardSkew s = new ShardSkew(1000, 0);
    assertThat(s.hottestShare(Strategy.HASH, 4)).isCloseTo(0.001 + 0.999 / 4, within(1e-12));
    assertThat(s.hottestShare(Strategy.RANGE, 4)).isCloseTo(0.25, within(1e-12));
    assertThat(s.hottestShare(Strategy.DIRECTORY, 4)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void range_withSkew_putsTheTopKeysOnOneShard() {
    // N = 4, s = 1, two shards: the first range holds keys 1 and 2: (1 + 1/2) / (1 + 1/2 + 1/3 +
    // 1/4)
    ShardSkew s = new ShardSkew(4, 1);
    assertThat(s.hottestShare(Strategy.RANGE, 2)).isCloseTo(1.5 / (25.0 / 12), within(1e-12));
    // directory cannot split the hottest key: 12/25 > 1/2? no: 0.48 < 0.5, so 1/2
    assertThat(s.hottestShare(Strategy.DIRECTORY, 2)).isCloseTo(0.5, within(1e-12));
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 20).boxed();
  }

  /** More shards never raise the hottest share; no strategy beats max(p1, 1/S). */
  @ParameterizedTest
  @MethodSource("seeds")
  void moreShards_neverRaiseTheHottestShare_andNothingBeatsTheBound(int seed) {
    Random r = new Random(seed);
    ShardSkew s = new ShardSkew(1 + r.nextInt(5000), r.nextDouble() * 2);
    for (Strategy st : Strategy.values()) {
      double last = 1;
      for (int n = 2; n <= 64; n++) {
        double share = s.hottestShare(st, n);
        assertThat(share).as("%s %d", st, n).isLessThanOrEqualTo(last + 1e-12);
        assertThat(share).isGreaterThanOrEqualTo(Math.max(s.hottestKey(), 1.0 / n) - 1e-12);
        last = share;
      }
    }
  }
}
