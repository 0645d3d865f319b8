package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorder behind every per-request reader: steps, throughput, latency, order independence. */
class StepRecorderTest {

  private static final long S = 1_000_000L;

  @Test
  void steadyLevels_giveOneStepEach_withTheirRateAndExactMean() {
    StepRecorder r = new StepRecorder();
    // 10 s at 4 users doing 20/s, then 10 s at 8 users doing 40/s; every request takes 50 ms
    for (int i = 0; i < 200; i++) {
      r.record(4, 1000 * S + i * S / 20, 50_000, true);
    }
    for (int i = 0; i < 400; i++) {
      r.record(8, 1010 * S + i * S / 40, 50_000, i % 10 != 0);
    }
    List<Step> steps = r.steps(ConcurrencyOrigin.GAUGE, ReadOptions.DEFAULTS);
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).concurrency()).isEqualTo(4);
    assertThat(steps.get(0).throughput()).isCloseTo(20, within(0.5));
    assertThat(steps.get(1).throughput()).isCloseTo(40, within(1.0));
    assertThat(steps.get(1).errors()).isEqualTo(40);
    assertThat(steps.get(0).latency().meanMs()).isEqualTo(50.0);
    assertThat(steps.get(0).latency().p95Ms()).isCloseTo(50.0, within(0.05));
  }

  @Test
  void sparseRun_countsTheSecondsWithoutCompletions() {
    StepRecorder r = new StepRecorder();
    // one request every 2 s for 40 s: 0.5/s, not the 1/s that counting only busy seconds gives
    for (int i = 0; i <= 20; i++) {
      r.record(1, 500 * S + i * 2 * S, 10_000, true);
    }
    Step s = r.steps(ConcurrencyOrigin.GAUGE, ReadOptions.DEFAULTS).get(0);
    assertThat(s.throughput()).isCloseTo(21.0 / 40.0, within(0.02));
  }

  @Test
  void noConcurrency_usesLittlesLaw_orTheGivenOne() {
    StepRecorder r = new StepRecorder();
    for (int i = 0; i < 300; i++) {
      r.record(Double.NaN, 100 * S + i * S / 30, 200_000, true);
    }
    Step littles = r.steps(ConcurrencyOrigin.GAUGE, ReadOptions.DEFAULTS).get(0);
    assertThat(littles.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(littles.concurrency()).isCloseTo(30 * 0.2, within(0.2));
    Step given = r.steps(ConcurrencyOrigin.GAUGE, new ReadOptions(8.0)).get(0);
    assertThat(given.concurrency()).isEqualTo(8);
    assertThat(given.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void recordOrder_doesNotChangeTheSteps(long seed) {
    List<long[]> rows = new ArrayList<>();
    Random rnd = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      long level = 1 + i / 400;
      rows.add(
          new long[] {
            level, 10 * S + i * S / 50, 1000 + rnd.nextInt(200_000), rnd.nextInt(20) == 0 ? 0 : 1
          });
    }
    List<Step> inOrder = replay(rows);
    Collections.shuffle(rows, rnd);
    assertThat(replay(rows)).isEqualTo(inOrder);
  }

  private static List<Step> replay(List<long[]> rows) {
    StepRecorder r = new StepRecorder();
    rows.forEach(x -> r.record(x[0], x[1], x[2], x[3] == 1));
    return r.steps(ConcurrencyOrigin.GAUGE, ReadOptions.DEFAULTS);
  }

  @Test
  void skippedRecords_areCountedWithTheFirstExamples() {
    StepRecorder r = new StepRecorder();
    for (int i = 1; i <= 7; i++) {
      r.skip(i, "bad");
    }
    assertThat(r.skipped().count()).isEqualTo(7);
    assertThat(r.skipped().examples()).hasSize(5).first().isEqualTo("line 1: bad");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void add_ofPartsInOrder_equalsOneRecorderFedEveryRecord(int seed) {
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(3000);
    int parts = 1 + rnd.nextInt(6);
    StepRecorder whole = new StepRecorder();
    List<StepRecorder> pieces = new ArrayList<>();
    List<Long> firstLines = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      pieces.add(new StepRecorder());
      firstLines.add(0L);
    }
    for (int i = 0; i < n; i++) {
      int p = (int) ((long) i * parts / n);
      if (firstLines.get(p) == 0) {
        firstLines.set(p, (long) i + 1);
      }
      StepRecorder piece = pieces.get(p);
      long line = i + 1;
      if (rnd.nextInt(50) == 0) {
        whole.skip(line, "bad " + i);
        piece.skip(line - firstLines.get(p) + 1, "bad " + i);
        continue;
      }
      double level = rnd.nextInt(10) == 0 ? Double.NaN : 1 << rnd.nextInt(4);
      long end = 1000 * S + i * (S / 100) + rnd.nextInt(3_000_000);
      long latency = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(2_000_000);
      long count = 1 + rnd.nextInt(3);
      long errors = rnd.nextInt((int) count + 1);
      whole.record(level, end, latency, count, errors);
      piece.record(level, end, latency, count, errors);
    }
    StepRecorder merged = new StepRecorder();
    for (int p = 0; p < parts; p++) {
      merged.add(pieces.get(p), Math.max(0, firstLines.get(p) - 1));
    }

    assertThat(merged.steps(ConcurrencyOrigin.GAUGE, ReadOptions.DEFAULTS))
        .isEqualTo(whole.steps(ConcurrencyOrigin.GAUGE, ReadOptions.DEFAULTS));
    assertThat(merged.skipped()).isEqualTo(whole.skipped());
    assertThat(merged.requests()).isEqualTo(whole.requests());
    assertThat(merged.spanSeconds()).isEqualTo(whole.spanSeconds());
  }
}
