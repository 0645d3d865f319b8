package dev.headroom.ingest.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level conversions against the JDK's own, over seeded random inputs. */
class ValuesTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void timeLocalAndIso_agreeWithJavaTime_forRandomInstantsAndZones(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DateTimeFormatter local = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    for (int i = 0; i < 2_000; i++) {
      Instant t = Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L)); // 1970 to 2100
      ZoneOffset z = ZoneOffset.ofTotalSeconds(r.nextInt(-12 * 4, 14 * 4 + 1) * 900);
      String l = local.format(t.atOffset(z));
      String s = iso.format(t.atOffset(z));
      assertThat(Values.timeLocal(b(l), 0, l.length())).as(l).isEqualTo(t.toEpochMilli());
      assertThat(Values.timeIso(b(s), 0, s.length())).as(s).isEqualTo(t.toEpochMilli());
    }
  }

  @Test
  void timeIso_readsZuluAndFractions() {
    String s = "2026-11-23T05:26:35.250Z";
    assertThat(Values.timeIso(b(s), 0, s.length()))
        .isEqualTo(Instant.parse("2026-11-23T05:26:35.250Z").toEpochMilli());
  }

  @Test
  void badTimes_areRejected() {
    for (String s :
        new String[] {"23/Nvm/2026:05:26:35 +0000", "23/Nov/2026:25:26:35 +0000", "23/Nov/2026"}) {
      assertThat(Values.timeLocal(b(s), 0, s.length())).as(s).isEqualTo(Values.BAD);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void secondsToMicros_agreesWithBigDecimal(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      long micros = r.nextLong(0, 100_000_000_000L);
      int decimals = r.nextInt(0, 7);
      java.math.BigDecimal v =
          java.math.BigDecimal.valueOf(micros, 6).setScale(decimals, java.math.RoundingMode.DOWN);
      String s = v.toPlainString();
      long expected = v.movePointRight(6).longValueExact();
      assertThat(Values.secondsToMicros(b(s), 0, s.length())).as(s).isEqualTo(expected);
    }
  }

  @Test
  void secondsToMicros_rejectsWhatIsNotADecimal() {
    for (String s : new String[] {"", ".5", "1.", "1.2.3", "-", "0,5", "1e3"}) {
      assertThat(Values.secondsToMicros(b(s), 0, s.length())).as(s).isEqualTo(Values.BAD);
    }
  }

  @Test
  void daysFromCivil_matchesLocalDate() {
    for (int y = 1899; y <= 2101; y++) {
      for (int m = 1; m <= 12; m++) {
        assertThat(Values.daysFromCivil(y, m, 1))
            .isEqualTo(java.time.LocalDate.of(y, m, 1).toEpochDay());
      }
    }
  }
}
