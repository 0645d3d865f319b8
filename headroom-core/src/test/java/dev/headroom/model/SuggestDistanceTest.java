package dev.headroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounded edit distance that keeps did-you-mean linear over large name sets answers exactly
 * when the distance is within the bound, and something above the bound otherwise.
 */
class SuggestDistanceTest {

  private static String word(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(9);
    for (int i = 0; i < n; i++) {
      sb.append("abcde".charAt(r.nextInt(5)));
    }
    return sb.toString();
  }

  @Test
  void boundedDistance_agreesWithTheFullDistanceWithinTheBound() {
    Random r = new Random(20261201L);
    for (int k = 0; k < 20_000; k++) {
      String a = word(r);
      String b = word(r);
      int max = r.nextInt(5);
      int full = Units.Suggest.distance(a, b);
      int bounded = Units.Suggest.distance(a, b, max);
      if (full <= max) {
        assertThat(bounded).as("%s / %s within %d", a, b, max).isEqualTo(full);
      } else {
        assertThat(bounded).as("%s / %s beyond %d", a, b, max).isGreaterThan(max);
      }
    }
  }

  @Test
  void closest_keepsTheFirstOfEquallyCloseCandidates() {
    assertThat(Units.Suggest.closest("dbb", java.util.List.of("db1", "db2", "dbbb")))
        .contains("db1");
    assertThat(Units.Suggest.closest("cahce", java.util.List.of("app", "cache", "queue")))
        .contains("cache");
  }
}
