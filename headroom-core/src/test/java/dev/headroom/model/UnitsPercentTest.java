package dev.headroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Percentages parse to the double nearest the decimal fraction they mean, so "99.99%" meets 0.9999.
 */
class UnitsPercentTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "99.99%, 0.9999",
    "99.9%, 0.999",
    "99.95%, 0.9995",
    "70.1%, 0.701",
    "0.11%, 0.0011",
    "100%, 1.0",
    "0%, 0.0",
    "0.9999, 0.9999"
  })
  void parse_percentIsTheNearestDoubleToTheDecimalFraction(String text, double expected) {
    assertThat(Units.parse(text, Dimension.RATIO).value()).isEqualTo(expected);
  }
}
