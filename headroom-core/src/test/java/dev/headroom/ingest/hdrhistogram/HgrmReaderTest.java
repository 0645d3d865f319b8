package dev.headroom.ingest.hdrhistogram;

import static dev.headroom.ingest.hdrhistogram.HdrSamples.HGRM;
import static dev.headroom.ingest.hdrhistogram.HdrSamples.JHICCUP_LOG;
import static dev.headroom.ingest.hdrhistogram.HdrSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HgrmReaderTest {

  @TempDir Path dir;

  @Test
  void parse_hgrmFooterFromHistogramLogProcessor() throws IOException {
    PercentileDistribution d =
        PercentileDistribution.parse(HGRM, Files.readAllLines(sample(HGRM)), 1);
    assertThat(d.mean()).isEqualTo(67.81);
    assertThat(d.stdDeviation()).isEqualTo(258.95);
    assertThat(d.max()).isEqualTo(1803.55);
    assertThat(d.totalCount()).isEqualTo(48761);
    assertThat(d.rows().get(0)).isEqualTo(new PercentileDistribution.Row(0.02, 0.0, 356));
    assertThat(d.rows().get(d.rows().size() - 1))
        .isEqualTo(new PercentileDistribution.Row(1803.55, 1.0, 48761));
    assertThat(d.valueAt(10)).isEqualTo(0.10);
    assertThat(d.valueAt(100)).isEqualTo(1803.55);
  }

  @Test
  void read_givesOneStepAtTheGivenConcurrency() {
    LoadTest t = new HgrmReader().read(sample(HGRM), new ReadOptions(4.0));
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(4);
    assertThat(s.requests()).isEqualTo(48761);
    assertThat(s.latency().meanMs()).isEqualTo(67.81);
    assertThat(s.latency().maxMs()).isEqualTo(1803.55);
    assertThat(s.latency().p50Ms()).isEqualTo(0.34);
    assertThat(s.throughput()).isZero();
    assertThat(t.warnings()).anyMatch(w -> w.contains("no time span"));
  }

  @Test
  void read_agreesWithTheHlogItWasMadeFrom() {
    Step fromHgrm = new HgrmReader().read(sample(HGRM), new ReadOptions(1.0)).steps().get(0);
    Histogram merged = new HlogReader().scan(sample(JHICCUP_LOG), i -> {}).merged("");
    // the .hgrm prints two decimals
    assertThat(fromHgrm.latency().p50Ms())
        .isCloseTo(merged.getValueAtPercentile(50) / 1e6, within(0.005));
    assertThat(fromHgrm.latency().maxMs()).isCloseTo(merged.getMaxValue() / 1e6, within(0.005));
    assertThat(fromHgrm.requests()).isEqualTo(merged.getTotalCount());
    // rows exist only at percentile ticks (0.15625 % apart near p99): the table gives the first
    // row at or above the exact p99, 1451.23 ms for an exact 1434.45 ms
    assertThat(fromHgrm.latency().p99Ms()).isEqualTo(1451.23);
    assertThat(fromHgrm.latency().p99Ms())
        .isBetween(
            merged.getValueAtPercentile(99) / 1e6, merged.getValueAtPercentile(99.2) / 1e6 + 0.005);
  }

  @Test
  void read_withoutConcurrency_failsAndSaysWhatToGive() {
    assertThatThrownBy(() -> new HgrmReader().read(sample(HGRM), ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("records neither concurrency nor time")
        .hasMessageContaining("--concurrency");
  }

  @Test
  void read_csvVariantWrittenByTheLibrary() throws IOException {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i * 1000L); // 1..1000 ms in ns/1000 = µs
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.outputPercentileDistribution(
        new PrintStream(out, true, StandardCharsets.UTF_8), 5, 1000.0, true);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\"Value\",\"Percentile\",\"TotalCount\"").contains("Infinity");
    Path p = Files.writeString(dir.resolve("dist.csv.hgrm"), csv);
    assertThat(new HgrmReader().accepts(HgrmReader.head(p))).isTrue();
    LoadTest t = new HgrmReader().read(p, new ReadOptions(2.0));
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(1000);
    assertThat(s.latency().meanMs()).isNull();
    assertThat(s.latency().maxMs()).isCloseTo(1000, within(1.0));
    assertThat(s.latency().p50Ms()).isCloseTo(500, within(0.5));
    assertThat(t.warnings()).anyMatch(w -> w.contains("no footer"));
  }

  @Test
  void read_classicLayoutWrittenByTheLibrary_matchesTheHistogram() throws IOException {
    Histogram h = new Histogram(3);
    java.util.Random rnd = new java.util.Random(42);
    for (int i = 0; i < 10_000; i++) {
      h.recordValue(1_000_000L + (long) (rnd.nextDouble() * 50_000_000)); // 1–51 ms in ns
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.outputPercentileDistribution(new PrintStream(out, true, StandardCharsets.UTF_8), 1e6);
    Path p = Files.writeString(dir.resolve("dist.hgrm"), out.toString(StandardCharsets.UTF_8));
    Step s = new HgrmReader().read(p, new ReadOptions(1.0)).steps().get(0);
    assertThat(s.requests()).isEqualTo(10_000);
    assertThat(s.latency().meanMs()).isCloseTo(h.getMean() / 1e6, within(0.0005));
    // the first printed row at or above p99; the next tick is at most 0.16 % higher
    assertThat(s.latency().p99Ms())
        .isBetween(
            h.getValueAtPercentile(99) / 1e6 - 0.0005, h.getValueAtPercentile(99.2) / 1e6 + 0.0005);
    assertThat(s.latency().p50Ms()).isCloseTo(h.getValueAtPercentile(50) / 1e6, within(0.0005));
  }

  @Test
  void parse_badRow_namesFileAndLine() {
    List<String> lines =
        List.of("       Value     Percentile TotalCount 1/(1-Percentile)", "", "0.5 zero 3 1.00");
    assertThatThrownBy(() -> PercentileDistribution.parse("x.hgrm", lines, 1))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("x.hgrm:3:1")
        .hasMessageContaining("\"0.5 zero 3 1.00\"");
  }

  @Test
  void parse_stopsAtTheEndOfAnEmbeddedTable() {
    // wrk2 prints the same table followed by its own summary lines
    List<String> lines =
        List.of(
            "  Detailed Percentile spectrum:",
            "       Value   Percentile   TotalCount 1/(1-Percentile)",
            "",
            "       1.000     0.000000            1         1.00",
            "       2.000     1.000000            2          inf",
            "#[Mean    =        1.500, StdDeviation   =        0.500]",
            "#[Max     =        2.000, Total count    =            2]",
            "#[Buckets =           27, SubBuckets     =         2048]",
            "----------------------------------------------------------",
            "  2 requests in 1.00s, 1.00KB read",
            "Requests/sec:      2.00");
    PercentileDistribution d = PercentileDistribution.parse("wrk2.txt", lines, 10);
    assertThat(d.rows()).hasSize(2);
    assertThat(d.mean()).isEqualTo(1.5);
    assertThat(d.totalCount()).isEqualTo(2);
  }

  @Test
  void read_emptyFile_failsClearly() throws IOException {
    Path p = Files.write(dir.resolve("empty.hgrm"), new byte[0]);
    assertThatThrownBy(() -> new HgrmReader().read(p, new ReadOptions(1.0)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("an empty file");
  }
}
