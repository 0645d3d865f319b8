package dev.headroom.analysis.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

/** The validation tests' one assertion: the exact value lies in the simulator's own interval. */
final class Coverage {
  private Coverage() {}

  /**
   * Asserts that {@code exact} lies in {@code e}'s confidence interval and that the interval is
   * informative: its half-width at most {@code maxRelativeHalfWidth} of the mean (a sanity bound,
   * so a wide interval cannot pass by covering everything). Prints the comparison for the record.
   */
  static void assertCovers(String what, Estimate e, double exact, double maxRelativeHalfWidth) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "%s: exact %.4f, simulated %.4f ± %.4f (%.1f%%, %d replications, %.0f%% level)",
            what,
            exact,
            e.mean(),
            e.halfWidth(),
            100 * e.relativeHalfWidth(),
            e.replications(),
            100 * e.confidence()));
    assertThat(e.covers(exact))
        .as("%s: exact %s in [%s, %s]", what, exact, e.lower(), e.upper())
        .isTrue();
    assertThat(e.relativeHalfWidth())
        .as("%s relative half-width", what)
        .isLessThan(maxRelativeHalfWidth);
  }
}
