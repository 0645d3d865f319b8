package dev.headroom.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Settings;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.SystemSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ForecastSettingsTest {

  static SystemSpec shop(String thresholds) throws IOException {
    String text =
        Files.readString(
            Path.of("..", "examples", "acme-shop", "system.yaml"), StandardCharsets.UTF_8);
    return SystemFileReader.read(
        "examples/acme-shop/system.yaml",
        thresholds.isEmpty() ? text : text + "\nthresholds:\n  capacity:\n" + thresholds);
  }

  @Test
  void defaults_areEightyPercent_twelveMonths_twoWeeks_dailyMax() throws IOException {
    ForecastSettings s = ForecastSettings.of(new Settings(Advisor.thresholds(shop(""))));
    assertThat(s.level()).isEqualTo(0.80);
    assertThat(s.horizonDays()).isEqualTo(365);
    assertThat(s.minDays()).isEqualTo(14);
    assertThat(s.peak()).isEqualTo(DailyPeak.MAX);
  }

  @Test
  void overrides_moveLevelHorizonAndHistory() throws IOException {
    ForecastSettings s =
        ForecastSettings.of(
            new Settings(
                Advisor.thresholds(
                    shop(
                        "    forecast_level: 90%\n    horizon: 6 months\n    forecast_history:"
                            + " 21d\n"))));
    assertThat(s.level()).isEqualTo(0.90);
    assertThat(s.horizonDays()).isEqualTo(183);
    assertThat(s.minDays()).isEqualTo(21);
  }

  @Test
  void historyUnderTwoWeeks_isRefused_sayingWhatIsAllowed() {
    assertThatThrownBy(() -> Advisor.thresholds(shop("    forecast_history: 7d\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("thresholds.capacity.forecast_history")
        .hasMessageContaining("of at least 336h: a weekly season needs two of each weekday");
  }

  @Test
  void levelOfOneHundredPercent_isRefused() {
    assertThatThrownBy(() -> Advisor.thresholds(shop("    forecast_level: 100%\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("forecast_level from 0% up to, not including, 100%");
  }
}
