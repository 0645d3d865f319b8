package dev.headroom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values an operator pastes from other tools: Kubernetes memory quantities, and numbers too large
 * for a double, which must be refused as bad input rather than end in a NumberFormatException.
 */
class UnitsInputDomainTest {

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
    "4Gi, 4294967296",
    "512Mi, 536870912",
    "64Ki, 65536",
    "2Ti, 2199023255552",
    "4GiB, 4294967296",
    "4GB, 4000000000"
  })
  void parse_readsKubernetesBinarySuffixesAsPowersOf1024(String text, double bytes) {
    assertThat(Units.parse(text, Dimension.DATA_SIZE).value()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4G", "4g", "512M", "64K", "2T"})
  void parse_refusesABareSizeLetterAsAmbiguous(String text) {
    UnitException e =
        catchThrowableOfType(UnitException.class, () -> Units.parse(text, Dimension.DATA_SIZE));
    assertThat(e.found()).startsWith('"' + text + "\" (").contains("is ambiguous");
    assertThat(e.allowed()).contains("for powers of 1000").contains("for powers of 1024");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400%", "1e400", "-1e400", "1e309ms", "1e400 rps", "1e999 USD/month"})
  void parse_refusesNumbersBeyondADoubleInEveryDimension(String text) {
    for (Dimension d : Dimension.values()) {
      UnitException e = catchThrowableOfType(UnitException.class, () -> Units.parse(text, d));
      assertThat(e).as("%s as %s", text, d).isNotNull();
      assertThat(e.found()).as("%s as %s", text, d).contains(text);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1e22 rps, RATE, too large",
    "1e300, COUNT, too large",
    "2e21 B, DATA_SIZE, too large",
    "1e-13s, DURATION, too small",
    "1e-300, RATIO, too small"
  })
  void parse_refusesFiniteValuesThatWouldOverflowLater(String text, Dimension d, String why) {
    // plain parse takes them: command-line options check their own ranges
    assertThat(Units.parse(text, d).value()).isPositive();
    UnitException e = catchThrowableOfType(UnitException.class, () -> Units.parseBounded(text, d));
    assertThat(e.found()).isEqualTo('"' + text + "\" (" + why + ")");
    assertThat(e.allowed()).contains("between 1e-12 and 1e21");
  }

  @ParameterizedTest
  @CsvSource({"1e21 B, DATA_SIZE", "1e-12s, DURATION", "0, RATIO", "1ns, DURATION"})
  void parse_acceptsTheBoundsAndZero(String text, Dimension d) {
    assertThat(Units.parseBounded(text, d).value()).isBetween(0.0, 1e21);
  }
}
