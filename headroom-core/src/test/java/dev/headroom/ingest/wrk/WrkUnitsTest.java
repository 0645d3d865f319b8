package dev.headroom.ingest.wrk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WrkUnitsTest {

  /**
   * The rule wrk uses to print a value (src/units.c, format_units): divide while amt ≥ 0.85 ×
   * scale.
   */
  private record Printed(String text, double unitFactor) {}

  private static Printed printTimeMicros(double micros) {
    // format_time_us: from one second up wrk switches to the s/m/h table (scale 60)
    if (micros >= 1_000_000.0) {
      return print(micros / 1_000_000.0, 60, new String[] {"s", "m", "h"}, 1000.0);
    }
    return print(micros, 1000, new String[] {"us", "ms", "s"}, 1e-3);
  }

  /** Returns the text and the size, in ms (times) or bytes (sizes), of one printed unit. */
  private static Printed print(double n, double scale, String[] units, double baseFactor) {
    double amt = n;
    double factor = baseFactor;
    String unit = units[0];
    // the loop stops one before the last unit, as wrk's does (it needs units[i+1])
    for (int i = 1; i + 1 <= units.length - 1 && amt >= scale * 0.85; i++) {
      amt /= scale;
      factor *= scale;
      unit = units[i];
    }
    return new Printed(String.format(Locale.ROOT, "%.2f%s", amt, unit), factor);
  }

  static Stream<Long> seededMicros() {
    Random random = new Random(20261123L);
    // log-uniform from 1 µs to about 3 hours
    return LongStream.range(0, 500)
        .mapToObj(i -> Math.round(Math.pow(10, random.nextDouble() * 10.0)));
  }

  @ParameterizedTest
  @MethodSource("seededMicros")
  void timeMs_readsBackWhatWrkPrints_withinHalfTheLastDigit(long micros) {
    Printed p = printTimeMicros(micros);
    Double ms = WrkUnits.timeMs(p.text());
    assertThat(ms).as(p.text()).isNotNull();
    // two decimals are printed: the error is at most half of 0.01 of the unit
    assertThat(ms).as(p.text()).isCloseTo(micros / 1000.0, within(0.005 * p.unitFactor() + 1e-9));
  }

  static Stream<Long> seededBytes() {
    Random random = new Random(7L);
    return LongStream.range(0, 300)
        .mapToObj(i -> Math.round(Math.pow(10, random.nextDouble() * 13.0)));
  }

  @ParameterizedTest
  @MethodSource("seededBytes")
  void bytes_readsBackWhatWrkPrints_base1024(long bytes) {
    // format_binary: K, M, G, T, P are powers of 1024, then the caller appends "B"
    Printed p = print(bytes, 1024, new String[] {"", "K", "M", "G", "T", "P"}, 1.0);
    Double read = WrkUnits.bytes(p.text() + "B");
    assertThat(read).as(p.text()).isCloseTo((double) bytes, within(0.005 * p.unitFactor() + 1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12xs", "12", "1.5 ms", "-3ms", "ms", "1,5ms", "12MS"})
  void timeMs_rejectsWhatWrkNeverPrints(String token) {
    assertThat(WrkUnits.timeMs(token)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12KiB", "12kB", "12K", "1.2 MB"})
  void bytes_rejectsWhatWrkNeverPrints(String token) {
    assertThat(WrkUnits.bytes(token)).isNull();
  }
}
