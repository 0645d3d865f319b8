package dev.headroom.ingest.hdrhistogram;

import static dev.headroom.ingest.hdrhistogram.HdrSamples.JHICCUP_LOG;
import static dev.headroom.ingest.hdrhistogram.HdrSamples.TAGGED_LOG;
import static dev.headroom.ingest.hdrhistogram.HdrSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencyUnit;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts of data/formats/README.md for the HdrHistogram logs, read back. */
class HlogReaderTest {

  @TempDir Path dir;

  @Test
  void read_jHiccupLog_mergesToTheFactsOfTheJavaLibrary() {
    LoadTest t = new HlogReader().read(sample(JHICCUP_LOG), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(t.steps()).hasSize(1);
    assertThat(s.requests()).isEqualTo(48761);
    // highest equivalent of 1795162112 ns; mean over median-equivalent values
    assertThat(s.latency().maxMs()).isCloseTo(1803.55, within(0.005));
    assertThat(s.latency().meanMs()).isCloseTo(67.81, within(0.005));
    // the .hgrm written by HistogramLogProcessor from the same log prints p50 0.34 ms
    assertThat(s.latency().p50Ms()).isCloseTo(0.34, within(0.005));
    assertThat(t.producer()).isEqualTo("jHiccup 2.0.7-SNAPSHOT");
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void scan_everyIntervalHasThroughputCountOverLength() {
    List<HlogInterval> intervals = new ArrayList<>();
    HlogReader.Scan scan = new HlogReader().scan(sample(JHICCUP_LOG), intervals::add);
    assertThat(intervals).hasSize(62);
    assertThat(intervals.stream().mapToLong(HlogInterval::count).sum()).isEqualTo(48761);
    for (HlogInterval i : intervals) {
      assertThat(i.throughput()).isEqualTo(i.count() / i.lengthSeconds());
    }
    HlogInterval first = intervals.get(0);
    assertThat(first.line()).isEqualTo(5);
    assertThat(first.startSeconds()).isEqualTo(0.127);
    assertThat(first.lengthSeconds()).isEqualTo(1.007);
    // Interval_Max 2.769 ms is printed from the same max
    assertThat(first.maxMs()).isCloseTo(2.769, within(0.001));
    assertThat(scan.formatVersion()).isEqualTo("1.2");
    assertThat(scan.startTimeEpochSeconds()).isEqualTo(1441812279.474);
    assertThat(scan.unit()).isEqualTo(HlogReader.ValueUnit.NANOSECONDS);
  }

  @Test
  void read_withoutConcurrency_usesLittlesLawAndSaysSo() {
    LoadTest t = new HlogReader().read(sample(JHICCUP_LOG), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.throughput()).isCloseTo(48761 / s.durationSeconds(), within(1e-9));
    assertThat(s.concurrency())
        .isCloseTo(s.throughput() * s.latency().meanMs() / 1000, within(1e-9));
    assertThat(t.warnings()).anyMatch(w -> w.contains("Little's law"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("jHiccup log"));
    Step given = new HlogReader().read(sample(JHICCUP_LOG), new ReadOptions(16.0)).steps().get(0);
    assertThat(given.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
    assertThat(given.concurrency()).isEqualTo(16);
  }

  @Test
  void read_unitDetectedFromIntervalMaxWithoutJHiccupComment() throws IOException {
    List<String> lines = Files.readAllLines(sample(JHICCUP_LOG));
    lines.removeIf(l -> l.startsWith("#[Logged with jHiccup"));
    Path p = Files.write(dir.resolve("plain.hlog"), lines);
    HlogReader.Scan scan = new HlogReader().scan(p, i -> {});
    assertThat(scan.unit()).isEqualTo(HlogReader.ValueUnit.NANOSECONDS);
    LoadTest t = new HlogReader().read(p, ReadOptions.DEFAULTS);
    assertThat(t.steps().get(0).latency().maxMs()).isCloseTo(1803.55, within(0.005));
    assertThat(t.warnings())
        .anyMatch(
            w ->
                w.equals(
                    "value unit nanoseconds (detected from Interval_Max; --latency-unit overrides)"));
  }

  @Test
  void read_givenUnitOverridesDetection() {
    LoadTest t =
        new HlogReader(null, HlogReader.ValueUnit.MICROSECONDS)
            .read(sample(JHICCUP_LOG), ReadOptions.DEFAULTS);
    assertThat(t.steps().get(0).latency().maxMs()).isCloseTo(1_803_550, within(5.0));
  }

  @Test
  void read_taggedLog_readsUntaggedByDefaultAndNamesTheRest() {
    LoadTest t = new HlogReader().read(sample(TAGGED_LOG), ReadOptions.DEFAULTS);
    assertThat(t.warnings())
        .contains("21 interval lines tagged \"A\" were not read (one tag is read at a time)");
    LoadTest a = new HlogReader("A", null).read(sample(TAGGED_LOG), ReadOptions.DEFAULTS);
    assertThat(a.warnings())
        .contains("21 interval lines without a tag were not read (one tag is read at a time)");
    // the tagged lines duplicate the untagged ones
    assertThat(a.steps()).isEqualTo(t.steps());
    HlogReader.Scan scan = new HlogReader().scan(sample(TAGGED_LOG), i -> {});
    assertThat(scan.tags()).containsExactly("", "A");
    assertThat(scan.intervals("")).isEqualTo(21);
    assertThat(scan.intervals("A")).isEqualTo(21);
  }

  @Test
  void read_unknownTag_listsTheTagsPresent() {
    assertThatThrownBy(
            () -> new HlogReader("B", null).read(sample(TAGGED_LOG), ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no lines tagged \"B\"")
        .hasMessageContaining("(untagged), \"A\"");
  }

  @Test
  void read_onlyOneTag_fallsBackToItWithAWarning() throws IOException {
    List<String> lines = Files.readAllLines(sample(TAGGED_LOG));
    lines.removeIf(l -> !l.startsWith("#") && !l.startsWith("\"") && !l.startsWith("Tag="));
    Path p = Files.write(dir.resolve("onlyA.hlog"), lines);
    LoadTest t = new HlogReader().read(p, ReadOptions.DEFAULTS);
    assertThat(t.warnings()).contains("no untagged lines: read the only tag, \"A\"");
    assertThat(t.steps().get(0).requests())
        .isEqualTo(
            new HlogReader()
                .read(sample(TAGGED_LOG), ReadOptions.DEFAULTS)
                .steps()
                .get(0)
                .requests());
  }

  @Test
  void read_corruptBase64Line_isCountedAndTheRestIsRead() throws IOException {
    List<String> lines = Files.readAllLines(sample(JHICCUP_LOG));
    List<HlogInterval> all = new ArrayList<>();
    new HlogReader().scan(sample(JHICCUP_LOG), all::add);
    // line 10 (the 6th interval): keep its numbers, break its payload
    String line = lines.get(9);
    lines.set(9, line.substring(0, line.lastIndexOf(',') + 1) + "HISTF***not-base64***");
    Path p = Files.write(dir.resolve("corrupt.hlog"), lines);
    LoadTest t = new HlogReader().read(p, ReadOptions.DEFAULTS);
    assertThat(t.skipped().count()).isEqualTo(1);
    assertThat(t.skipped().examples())
        .singleElement()
        .asString()
        .startsWith("line 10: the histogram is not valid base64");
    long lost = all.stream().filter(i -> i.line() == 10).findFirst().orElseThrow().count();
    assertThat(t.steps().get(0).requests()).isEqualTo(48761 - lost);
  }

  @Test
  void read_corruptLine_hdrHistogramsOwnReaderStopsThereButWeDoNot() throws IOException {
    List<String> lines = Files.readAllLines(sample(JHICCUP_LOG));
    String line = lines.get(9);
    lines.set(
        9,
        line.substring(0, line.lastIndexOf(',') + 1)
            + "HISTFAAAAEF42pNpmSzMwMAgywABTBDKT4GBgdnNYMcCBvsPEBEWPhElOR4p");
    Path p = Files.write(dir.resolve("cut-payload.hlog"), lines);
    int libraryIntervals = 0;
    try (HistogramLogReader lib = new HistogramLogReader(p.toFile())) {
      while (true) {
        EncodableHistogram h;
        try {
          h = lib.nextIntervalHistogram();
        } catch (RuntimeException e) {
          break;
        }
        if (h == null) {
          break;
        }
        libraryIntervals++;
      }
    }
    List<HlogInterval> ours = new ArrayList<>();
    HlogReader.Scan scan = new HlogReader().scan(p, ours::add);
    assertThat(libraryIntervals).isLessThan(61);
    assertThat(ours).hasSize(61);
    assertThat(scan.skipped().count()).isEqualTo(1);
    assertThat(scan.skipped().examples().get(0))
        .startsWith("line 10: the histogram payload cannot be decoded");
  }

  @Test
  void read_shortDataLine_isSkippedWithItsLine() throws IOException {
    List<String> lines = Files.readAllLines(sample(JHICCUP_LOG));
    lines.set(6, "2.133,1.001");
    Path p = Files.write(dir.resolve("short.hlog"), lines);
    LoadTest t = new HlogReader().read(p, ReadOptions.DEFAULTS);
    assertThat(t.skipped().examples())
        .containsExactly(
            "line 7: 2 comma-separated fields; expected start,length,max,base64-histogram");
  }

  @Test
  void read_gzipAndEmptyAndNoIntervals() throws IOException {
    Path gz = dir.resolve("log.hlog.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(sample(JHICCUP_LOG)));
    }
    assertThat(new HlogReader().read(gz, ReadOptions.DEFAULTS).steps().get(0).requests())
        .isEqualTo(48761);

    Path empty = Files.write(dir.resolve("empty.hlog"), new byte[0]);
    assertThatThrownBy(() -> new HlogReader().read(empty, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("an empty file");

    Path header =
        Files.writeString(
            dir.resolve("header.hlog"),
            "#[Histogram log format version 1.3]\n\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n",
            StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new HlogReader().read(header, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no interval lines");
  }

  @Test
  void ycsbLog_isReadInMicroseconds() {
    // YCSB records µs but writes Interval_Max with the ns ratio 1e6: once read 1000x too small
    LoadTest t = new HlogReader().read(sample("ycsb-READ.hdr"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(6000);
    // the generator's exact mean 819.1173 µs; HdrHistogram keeps 3 significant digits
    assertThat(s.latency().meanMs()).isCloseTo(0.8191173, within(0.8191173 * 1e-3));
    assertThat(s.latency().maxMs()).isCloseTo(4.998, within(4.998 * 1e-3));
    assertThat(t.producer()).isEqualTo("YCSB HdrHistogram log (READ)");
    assertThat(t.warnings()).anyMatch(w -> w.contains("microseconds (a YCSB log"));
  }

  @Test
  void latencyUnitOption_overridesTheDetectedUnit() {
    LoadTest t =
        new HlogReader().read(sample("ycsb-READ.hdr"), new ReadOptions(null, LatencyUnit.NS, null));
    assertThat(t.steps().get(0).latency().meanMs())
        .isCloseTo(0.0008191173, within(0.0008191173 * 1e-3));
    assertThat(t.warnings()).noneMatch(w -> w.startsWith("value unit"));
  }

  @Test
  void taggedOnlyLog_withSeveralTags_asksForTheTagOption() {
    assertThatThrownBy(
            () ->
                new HlogReader().read(sample("tagged-only-READ-UPDATE.hlog"), ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no untagged lines and several tags (\"READ\", \"UPDATE\")")
        .hasMessageContaining("--tag NAME");
  }

  @Test
  void tagOption_readsThatTagOnly() {
    LoadTest t =
        new HlogReader()
            .read(
                sample("tagged-only-READ-UPDATE.hlog"),
                new ReadOptions(4.0, LatencyUnit.NS, "UPDATE"));
    assertThat(t.steps().get(0).requests()).isEqualTo(100);
    assertThat(t.steps().get(0).latency().p50Ms()).isCloseTo(3.0, within(3.0 * 1e-3));
    assertThat(t.warnings()).anyMatch(w -> w.contains("tagged \"READ\" were not read"));
  }

  @Test
  void tagOption_unknownTag_namesTheTagsThereAre() {
    assertThatThrownBy(
            () ->
                new HlogReader()
                    .read(
                        sample("tagged-only-READ-UPDATE.hlog"),
                        new ReadOptions(null, null, "WRITE")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no lines tagged \"WRITE\"")
        .hasMessageContaining("--tag with one of the tags in the log: \"READ\", \"UPDATE\"");
  }
}
