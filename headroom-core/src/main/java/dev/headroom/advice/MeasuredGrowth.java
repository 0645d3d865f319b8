package dev.headroom.advice;

import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.analysis.forecast.ForecastSettings;
import dev.headroom.analysis.forecast.Forecaster;
import dev.headroom.model.Dimension;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.Range;
import dev.headroom.model.SystemSpec;
import java.util.List;
import java.util.Optional;

/**
 * Measured beats declared, for growth too: a request-rate series ({@code rps}) long enough to
 * forecast gives the workload's growth per month with an interval, and that interval replaces the
 * system file's {@code workload.growth} as a range, so every figure that reads the growth (the
 * growth target, the roadmap's dates) reads the measured one, and the roadmap's uncertainty engine
 * draws from the measured interval.
 */
final class MeasuredGrowth {

  static final String KEY = "workload.growth";

  private MeasuredGrowth() {}

  /**
   * {@code spec} with {@code workload.growth} measured, when an {@code rps} series can be forecast;
   * {@code spec} itself otherwise, and when it already carries the measured range (a system drawn
   * from it keeps its drawn value).
   */
  static SystemSpec apply(SystemSpec spec, List<MeasuredSeries> series, ForecastSettings settings) {
    Optional<MeasuredSeries> rps =
        series.stream().filter(s -> s.series().metric() == Metric.RPS).findFirst();
    if (rps.isEmpty()) {
      return spec;
    }
    Optional<Forecast.Growth> growth = Forecaster.growth(rps.get().series(), settings);
    if (growth.isEmpty()) {
      return spec;
    }
    Forecast.Growth g = growth.get();
    Range range =
        new Range(
            g.low().value(),
            g.high().value(),
            Dimension.GROWTH_RATE,
            g.low().formatted() + ".." + g.high().formatted(),
            rps.get().series().location());
    if (range.equals(spec.ranges().get(KEY))) {
      return spec;
    }
    String replaced =
        spec.facts().get(KEY).map(d -> "; replaces the declared " + d.formatted()).orElse("");
    return spec.withRange(
        KEY,
        range,
        new Provenance.Measured(
            rps.get().source(),
            "growth per month of the rps series' daily peaks, "
                + Math.round(g.level() * 100)
                + "% interval "
                + range.formatted()
                + " (median "
                + g.median().formatted()
                + "; the figure is the interval's midpoint), window "
                + rps.get().series().window().start()
                + ".."
                + rps.get().series().window().end()
                + replaced));
  }
}
