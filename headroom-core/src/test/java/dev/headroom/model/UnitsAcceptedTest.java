package dev.headroom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every unit {@link Units#accepted} lists (the doc and JSON Schema show them) really parses. */
class UnitsAcceptedTest {

  @ParameterizedTest
  @EnumSource(Dimension.class)
  void accepted_everyListedUnitParses(Dimension d) {
    assertThat(Units.accepted(d)).isNotEmpty();
    for (String unit : Units.accepted(d)) {
      String number = d == Dimension.RATIO && unit.isEmpty() ? "0.5" : "12";
      String text = number + (unit.startsWith("/") || unit.isEmpty() ? "" : " ") + unit;
      assertThatCode(() -> Units.parse(text, d)).as("%s as %s", text, d).doesNotThrowAnyException();
    }
  }
}
