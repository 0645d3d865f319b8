package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.analysis.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

class ProgressBarTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long S = TimeUnit.SECONDS.toNanos(1);

  private final StringWriter out = new StringWriter();
  private final AtomicLong now = new AtomicLong(1_000 * S);
  private final ProgressBar bar = new ProgressBar(new PrintWriter(out), now::get);

  /** The lines drawn so far, each without its leading carriage return. */
  private List<String> frames() {
    List<String> frames = new ArrayList<>();
    for (String f : out.toString().split("\r")) {
      if (!f.isEmpty()) {
        frames.add(f);
      }
    }
    return frames;
  }

  @Test
  void start_drawsAnEmptyBarWithAnUnknownEta() {
    bar.start("replications", 1000);
    assertThat(out.toString())
        .isEqualTo(
            "\rreplications [------------------------]     0/1000    0%  elapsed 0:00  eta --:--");
  }

  @Test
  void advance_redrawsAtMostTenTimesASecond() {
    bar.start("draws", 10);
    for (int i = 0; i < 5; i++) {
      now.addAndGet(10 * MS);
      bar.advance();
    }
    assertThat(frames()).as("50 ms after the start: no redraw yet").hasSize(1);
    now.addAndGet(50 * MS);
    bar.advance();
    assertThat(frames()).hasSize(2);
    assertThat(frames().get(1)).startsWith("draws [##############----------]   6/10   60%");
  }

  @Test
  void advance_showsElapsedAndAnEtaFromTheAverageUnit() {
    bar.start("draws", 10);
    now.addAndGet(2 * S);
    bar.advance(4);
    // 4 units in 2 s: 6 more take 3 s
    // one space of padding clears the longer "--:--" drawn before
    assertThat(frames().get(1))
        .isEqualTo("draws [#########---------------]   4/10   40%  elapsed 0:02  eta 0:03 ");
  }

  @Test
  void finish_drawsTheLastStateAndEndsTheLine() {
    bar.start("draws", 3);
    bar.advance(3);
    bar.finish();
    assertThat(out.toString())
        .endsWith("\rdraws [########################]  3/3  100%  elapsed 0:00  eta 0:00 \n");
    String finished = out.toString();
    bar.advance();
    bar.finish();
    assertThat(out.toString()).as("nothing after finish").isEqualTo(finished);
  }

  @Test
  void draw_padsOverALongerPreviousLine() {
    bar.start("a rather long task name", 5);
    String first = frames().get(0);
    bar.start("t", 5);
    String second = frames().get(1);
    assertThat(second).hasSameSizeAs(first).startsWith("t [").endsWith(" ");
  }

  @Test
  void advance_fromManyThreads_countsEveryUnit() throws Exception {
    bar.start("replications", 8000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        jobs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    now.addAndGet(MS);
                    bar.advance();
                  }
                }));
      }
      for (Future<?> j : jobs) {
        j.get();
      }
    } finally {
      pool.shutdown();
    }
    bar.finish();
    List<String> frames = frames();
    assertThat(frames.get(frames.size() - 1)).contains("8000/8000  100%").endsWith("\n");
    // 8 s of injected time at one redraw per 100 ms at most, plus the first and the last
    assertThat(frames).hasSizeLessThanOrEqualTo(80 + 2);
    for (String f : frames) {
      assertThat(f.strip()).as("no frame interleaved with another").matches("replications \\[.*");
    }
  }

  @Test
  void line_forAnEmptyTask_isComplete() {
    assertThat(ProgressBar.line("", 0, 0, 0))
        .isEqualTo("[########################]  0/0  100%  elapsed 0:00  eta 0:00");
  }

  @Test
  void clock_readsMinutesAndHours() {
    assertThat(ProgressBar.clock(59 * S + 999 * MS)).isEqualTo("0:59");
    assertThat(ProgressBar.clock(61 * S)).isEqualTo("1:01");
    assertThat(ProgressBar.clock(3 * 3600 * S + 5 * 60 * S + 7 * S)).isEqualTo("3:05:07");
  }

  @ParameterizedTest(name = "option={0} terminal={1} env={2}={3} -> {4}")
  @CsvSource({
    "false, true,  NONE,                 '',   true",
    "true,  true,  NONE,                 '',   false",
    "false, false, NONE,                 '',   false",
    "false, true,  HEADROOM_NO_PROGRESS, 1,    false",
    "false, true,  HEADROOM_NO_PROGRESS, '',   true",
    "false, true,  TERM,                 dumb, false",
    "false, true,  TERM,                 xterm, true"
  })
  void shouldDraw_onlyOnATerminalNotTurnedOff(
      boolean option, boolean terminal, String key, String value, boolean expected) {
    Map<String, String> env = key.equals("NONE") ? Map.of() : Map.of(key, value);
    assertThat(ProgressBar.shouldDraw(option, terminal, env)).isEqualTo(expected);
  }

  @Command(name = "long")
  static final class LongCommand implements Runnable {
    @Mixin ProgressOption progressOption;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      Progress p = progressOption.progress(spec);
      p.start("work", 3);
      p.advance(3);
      p.finish();
    }
  }

  @Test
  void noProgressOption_orNoTerminal_printsNothingAtAll() {
    for (String[] args : new String[][] {{}, {"--no-progress"}}) {
      StringWriter err = new StringWriter();
      StringWriter stdout = new StringWriter();
      CommandLine cl = new CommandLine(new LongCommand());
      cl.setErr(new PrintWriter(err));
      cl.setOut(new PrintWriter(stdout));
      assertThat(cl.execute(args)).isZero();
      // tests run without a console, so even without the option nothing is drawn
      assertThat(err.toString()).isEmpty();
      assertThat(stdout.toString()).isEmpty();
    }
  }

  @Test
  void progress_refusesNegativeCounts() {
    assertThatThrownBy(() -> bar.start("x", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a task's total must be 0 or more units, got -1");
    assertThatThrownBy(() -> Progress.none().advance(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("progress advances by 0 or more units, got -2");
  }
}
