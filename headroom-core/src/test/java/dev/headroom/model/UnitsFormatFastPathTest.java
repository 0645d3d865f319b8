package dev.headroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast formatting path gives the exact path's text for every value it answers, and leaves ties
 * to the exact path.
 */
class UnitsFormatFastPathTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void format_fastPathAgreesWithExactExpansionOverMagnitudes(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int answered = 0;
    for (int i = 0; i < 20_000; i++) {
      // magnitudes 1e-9 to 1e14, both signs, and short decimals that sit on ties
      double value =
          i % 4 == 0
              ? Math.round(random.nextDouble() * 1e5) / 1e3
              : Math.pow(10, random.nextDouble(-9, 14)) * (random.nextBoolean() ? 1 : -1);
      int significant = 1 + random.nextInt(12);
      String expected = exact(value, significant);
      assertThat(Units.format(value, significant))
          .as("%s to %d", value, significant)
          .isEqualTo(expected);
      int integerDigits = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
      int s = Math.max(significant, integerDigits);
      if (Units.formatFast(value, s, s - integerDigits) != null) {
        answered++;
      }
    }
    // the fast path must answer most values, or it buys nothing
    assertThat(answered).isGreaterThan(15_000);
  }

  @Test
  void formatFast_leavesExactTiesToTheExactPath() {
    // 0.125 is exactly representable: to 2 digits it is a tie, half-even gives 0.12
    assertThat(Units.formatFast(0.125, 2, 2)).isNull();
    assertThat(Units.format(0.125, 2)).isEqualTo("0.12");
    assertThat(Units.format(2.675, 3)).isEqualTo("2.67"); // 2.67499999... in binary
  }

  @Test
  void formatFast_leavesDigitCountsItCannotHoldToTheExactPath() {
    assertThat(Units.formatFast(1.5, 0, 0)).isNull();
    assertThat(Units.formatFast(1.5, 16, 15)).isNull();
    assertThat(Units.formatFast(1e-30, 4, 33)).isNull();
  }

  @Test
  void format_keepsIntegerDigitsAndStripsZeros() {
    assertThat(Units.format(81857, 4)).isEqualTo("81857");
    assertThat(Units.format(9.99996, 4)).isEqualTo("10");
    assertThat(Units.format(0.000123456, 3)).isEqualTo("0.000123");
    assertThat(Units.format(-1.5, 4)).isEqualTo("-1.5");
  }

  private static String exact(double value, int significant) {
    int integerDigits = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
    return Units.formatExact(value, Math.max(significant, integerDigits));
  }
}
