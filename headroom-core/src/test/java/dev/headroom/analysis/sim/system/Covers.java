package dev.headroom.analysis.sim.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.sim.Estimate;
import java.util.Locale;

/** The validation assertion: the exact value lies in the simulator's own interval, kept narrow. */
final class Covers {
  private Covers() {}

  static void assertCovers(String what, Estimate e, double exact, double maxRelativeHalfWidth) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "%s: exact %.5f, simulated %.5f ± %.5f (%.2f%%, %d replications, %.0f%% level)",
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
