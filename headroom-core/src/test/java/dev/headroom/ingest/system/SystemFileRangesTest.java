package dev.headroom.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.rules.Finding;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Range;
import dev.headroom.model.SystemSpec;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values written {@code LOW..HIGH}: every spelling the reference promises reads to the same ends,
 * the point figure is the midpoint (with a note saying so), the range is kept with its position,
 * and bad or meaningless ranges are refused at their position with what is allowed.
 */
class SystemFileRangesTest {

  private static final double EPS = 1e-12;

  private static String system(String workloadLine, String observationLine) {
    return "name: ranged\n"
        + "workload:\n"
        + "  "
        + workloadLine
        + "\n"
        + "components:\n"
        + "  - { name: web, kind: app, instances: 2 }\n"
        + "  - { name: db, kind: database, role: primary }\n"
        + "observations:\n"
        + "  "
        + observationLine
        + "\n";
  }

  static Stream<Arguments> spellings() {
    return Stream.of(
        Arguments.of("peak_rps: 700..900", "workload.peak_rps", 700.0, 900.0),
        Arguments.of("peak_rps: 700..900 rps", "workload.peak_rps", 700.0, 900.0),
        Arguments.of("peak_rps: 700 rps..900 rps", "workload.peak_rps", 700.0, 900.0),
        Arguments.of("peak_rps: 700 .. 900 rps", "workload.peak_rps", 700.0, 900.0),
        Arguments.of("peak_rps: 40..50/min", "workload.peak_rps", 40.0 / 60, 50.0 / 60),
        Arguments.of("growth: 8..15%/month", "workload.growth", 0.08, 0.15),
        Arguments.of("growth: 8%..15%/month", "workload.growth", 0.08, 0.15),
        Arguments.of("growth: -5..5%/month", "workload.growth", -0.05, 0.05),
        Arguments.of("active_users: 1.5K..2K", "workload.active_users", 1500.0, 2000.0),
        Arguments.of("active_users: 1.5..2K", "workload.active_users", 1500.0, 2000.0),
        Arguments.of("read_ratio: 0.85..0.95", "workload.read_ratio", 0.85, 0.95),
        Arguments.of("job_duration: 250ms..1s", "workload.job_duration", 0.25, 1.0),
        Arguments.of(
            "data_size: 300..500GiB", "workload.data_size", 300.0 * (1L << 30), 500.0 * (1L << 30)),
        Arguments.of("peak_rps: 800..800", "workload.peak_rps", 800.0, 800.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void range_readsBothEndsAndTheMidpointAsTheFigure(
      String line, String key, double low, double high) {
    SystemSpec spec = SystemFileReader.read("ranged.yaml", system(line, "db.cpu: 70%"));
    Range r = spec.ranges().get(key);
    assertThat(r).as(line).isNotNull();
    assertThat(r.low()).isCloseTo(low, within(EPS * Math.max(1, Math.abs(low))));
    assertThat(r.high()).isCloseTo(high, within(EPS * Math.max(1, Math.abs(high))));
    assertThat(r.location().line()).isEqualTo(3);
    assertThat(r.location().file()).isEqualTo("ranged.yaml");
    Figure f = spec.facts().get(key).orElseThrow();
    assertThat(f.value()).isEqualTo(r.midpoint());
    assertThat(f.provenance().describe()).contains("midpoint of " + r.text());
  }

  @Test
  void observationRange_isMeasuredWithTheMidpointNote() {
    SystemSpec spec =
        SystemFileReader.read("ranged.yaml", system("peak_rps: 850", "db.cpu: 70%..80%"));
    Figure f = spec.facts().get("db.cpu").orElseThrow();
    assertThat(f.value()).isCloseTo(0.75, within(EPS));
    assertThat(f.provenance().kind()).isEqualTo("measured");
    assertThat(f.provenance().describe()).contains("midpoint of 70%..80%");
    assertThat(spec.ranges()).containsOnlyKeys("db.cpu");
    assertThat(spec.ranges().get("db.cpu").dimension()).isEqualTo(Dimension.RATIO);
  }

  @Test
  void pointValues_giveNoRanges() {
    SystemSpec spec = SystemFileReader.read("ranged.yaml", system("peak_rps: 850", "db.cpu: 70%"));
    assertThat(spec.ranges()).isEmpty();
    assertThat(spec.facts().value("workload.peak_rps", 0)).isEqualTo(850);
  }

  @Test
  void rangedSystem_isAdvisedLikeItsMidpoints() {
    SystemSpec ranged =
        SystemFileReader.read("ranged.yaml", system("peak_rps: 700..1000", "db.cpu: 60%..90%"));
    SystemSpec point = SystemFileReader.read("ranged.yaml", system("peak_rps: 850", "db.cpu: 75%"));
    assertThat(ranged.facts().value("workload.peak_rps", 0))
        .isEqualTo(point.facts().value("workload.peak_rps", 0));
    // every section reads the midpoints: the advice runs through unchanged
    assertThat(Advisor.advise(ranged, Path.of(".")).findings())
        .extracting(Finding::ruleId, Finding::message)
        .isEqualTo(
            Advisor.advise(point, Path.of(".")).findings().stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.ruleId(), f.message()))
                .toList());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            system("peak_rps: 900..700", "db.cpu: 70%"),
            3,
            13,
            "workload.peak_rps",
            "\"900..700\" (the low end is above the high end)",
            "a range with its low end first"),
        Arguments.of(
            system("peak_rps: ..900", "db.cpu: 70%"),
            3,
            13,
            "workload.peak_rps",
            "\"..900\" (no low end)",
            "a range LOW..HIGH of a rate"),
        Arguments.of(
            system("peak_rps: 700..", "db.cpu: 70%"),
            3,
            13,
            "workload.peak_rps",
            "\"700..\" (no high end)",
            "a range LOW..HIGH of a rate"),
        Arguments.of(
            system("peak_rps: 700..9x0 rps", "db.cpu: 70%"),
            3,
            13,
            "workload.peak_rps",
            "the high end of \"700..9x0 rps\"",
            "at both ends of a range"),
        Arguments.of(
            system("peak_rps: 1..2..3", "db.cpu: 70%"),
            3,
            13,
            "workload.peak_rps",
            "(more than two ends)",
            "a range LOW..HIGH"),
        Arguments.of(
            system("growth: 8..15%", "db.cpu: 70%"),
            3,
            11,
            "workload.growth",
            "the high end of \"8..15%\": \"15%\" (no period)",
            "a growth rate such as 15%/month"),
        Arguments.of(
            // the unit after the high end applies to both: 1500K..2K, the wrong way round
            system("active_users: 1500..2K", "db.cpu: 70%"),
            3,
            17,
            "workload.active_users",
            "\"1500..2K\" (the low end is above the high end)",
            "a range with its low end first"),
        Arguments.of(
            system("peak_rps: 850", "db.cpu: 70%..120%"),
            8,
            11,
            "observations.db.cpu",
            "the high end of \"70%..120%\"",
            "at both ends of a range"),
        Arguments.of(
            system("target: 5x..10x", "db.cpu: 70%"),
            3,
            11,
            "workload.target",
            "(a range)",
            "a single value here"),
        Arguments.of(
            system("horizon: 6..12 months", "db.cpu: 70%"),
            3,
            12,
            "workload.horizon",
            "(a range)",
            "a single value here"),
        Arguments.of(
            system("growth: 10..900%/month", "db.cpu: 70%"),
            3,
            11,
            "workload.growth",
            "over 12 months",
            "growth that compounds to at most a million"),
        Arguments.of(
            "name: ranged\n"
                + "workload:\n"
                + "  peak_rps: 700..900\n"
                + "  average_rps: 300..750\n"
                + "components:\n"
                + "  - { name: web, kind: app }\n",
            4,
            16,
            "workload.average_rps",
            "above peak_rps 700..900",
            "the average's high end at or below the peak's low end"),
        Arguments.of(
            "name: ranged\n"
                + "slo:\n"
                + "  latency_p95: 200ms..300ms\n"
                + "components:\n"
                + "  - { name: web, kind: app }\n",
            3,
            16,
            "slo.latency_p95",
            "(a range)",
            "not for targets, the horizon, SLOs"),
        Arguments.of(
            "name: ranged\n" + "components:\n" + "  - { name: web, kind: app, instances: 2..4 }\n",
            3,
            40,
            "web.instances",
            "(a range)",
            "a component's configuration"));
  }

  @ParameterizedTest(name = "{3}: {4}")
  @MethodSource("refusals")
  void badRange_isRefusedAtItsPosition(
      String text, int line, int column, String key, String found, String allowed) {
    BadInputException e =
        catchThrowableOfType(
            BadInputException.class, () -> SystemFileReader.read("ranged.yaml", text));
    assertThat(e).as("refused").isNotNull();
    InputProblem p = e.problems().get(0);
    assertThat(p.file()).isEqualTo("ranged.yaml");
    assertThat(p.line()).isEqualTo(line);
    assertThat(p.column()).isEqualTo(column);
    assertThat(p.key()).isEqualTo(key);
    assertThat(p.found()).contains(found);
    assertThat(p.allowed()).contains(allowed);
  }
}
