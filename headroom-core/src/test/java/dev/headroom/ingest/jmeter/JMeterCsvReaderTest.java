package dev.headroom.ingest.jmeter;

import static dev.headroom.ingest.jmeter.JtlFixtures.mean;
import static dev.headroom.ingest.jmeter.JtlFixtures.nearestRank;
import static dev.headroom.ingest.jmeter.JtlFixtures.resource;
import static dev.headroom.ingest.jmeter.JtlFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JMeterCsvReaderTest {

  private static final String HEADER =
      "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

  @TempDir Path dir;

  private static long requests(LoadTest t) {
    return t.steps().stream().mapToLong(Step::requests).sum();
  }

  private static long errors(LoadTest t) {
    return t.steps().stream().mapToLong(Step::errors).sum();
  }

  private static double weightedMean(LoadTest t) {
    double sum = 0;
    for (Step s : t.steps()) {
      sum += s.latency().meanMs() * s.requests();
    }
    return sum / requests(t);
  }

  @Test
  void read_excludesTransactionControllerRows() {
    LoadTest t = new JMeterCsvReader().read(resource("jmeter.jtl.csv"), ReadOptions.DEFAULTS);
    // README: 582 rows = 435 HTTP samples + 147 TX rows; JMeter's summariser printed 435, Err 142
    assertThat(requests(t)).isEqualTo(435);
    assertThat(errors(t)).isEqualTo(142);
    assertThat(t.warnings())
        .anyMatch(w -> w.startsWith("147 Transaction Controller rows left out"));
    assertThat(t.skipped().count()).isZero();
    assertThat(t.format()).isEqualTo(LoadTestFormat.JMETER_CSV);
  }

  @Test
  void read_reproducesPublishedLatencyFacts() {
    JtlFixtures.Tap tap = new JtlFixtures.Tap();
    LoadTest t = new JMeterCsvReader().read(resource("jmeter.jtl.csv"), ReadOptions.DEFAULTS, tap);
    double[] ms = tap.sortedMs();
    assertThat(ms).hasSize(435);
    // README: elapsed mean 49.522 ms, min 1, max 130, nearest p90 98, nearest p95 108
    assertThat(mean(ms)).isCloseTo(49.522, within(0.0005));
    assertThat(weightedMean(t)).isCloseTo(49.522, within(0.0005));
    assertThat(ms[0]).isEqualTo(1.0);
    assertThat(ms[ms.length - 1]).isEqualTo(130.0);
    assertThat(nearestRank(ms, 0.90)).isEqualTo(98.0);
    assertThat(nearestRank(ms, 0.95)).isEqualTo(108.0);
    assertThat(t.steps())
        .allSatisfy(s -> assertThat(s.latency().maxMs()).isLessThanOrEqualTo(130.0 * 1.001));
  }

  @Test
  void read_spanFromFirstStartToLastEndMatchesPublishedRate() {
    JtlFixtures.Tap tap = new JtlFixtures.Tap();
    new JMeterCsvReader().read(resource("jmeter.jtl.csv"), ReadOptions.DEFAULTS, tap);
    long firstStart =
        tap.requests.stream().mapToLong(r -> r.endMicros() - r.latencyMicros()).min().orElseThrow();
    long lastEnd =
        tap.requests.stream().mapToLong(JtlFixtures.Request::endMicros).max().orElseThrow();
    double span = (lastEnd - firstStart) / 1e6;
    // README: the first start to the last end spans 9.844 s, which gives 44.19 samples/s
    assertThat(span).isCloseTo(9.844, within(0.0005));
    assertThat(435 / span).isCloseTo(44.19, within(0.005));
  }

  @Test
  void read_givesOneStepPerAllThreadsLevelWithHdrPercentilesNearExactOnes() {
    JtlFixtures.Tap tap = new JtlFixtures.Tap();
    LoadTest t = new JMeterCsvReader().read(resource("jmeter.jtl.csv"), ReadOptions.DEFAULTS, tap);
    // README: max allThreads = 8; the ramp-up visits every level from 1
    assertThat(t.steps())
        .extracting(Step::concurrency)
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    assertThat(t.steps())
        .allSatisfy(s -> assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GAUGE));
    for (Step s : t.steps()) {
      double[] exact = tap.sortedMs(s.concurrency());
      assertThat(s.requests()).isEqualTo(exact.length);
      assertThat(s.latency().meanMs()).isCloseTo(mean(exact), within(1e-9));
      assertThat(s.latency().maxMs())
          .isCloseTo(exact[exact.length - 1], within(exact[exact.length - 1] * 1e-3));
      for (double p : new double[] {0.50, 0.90, 0.95, 0.99}) {
        Double hdr =
            p == 0.5
                ? s.latency().p50Ms()
                : p == 0.9
                    ? s.latency().p90Ms()
                    : p == 0.95 ? s.latency().p95Ms() : s.latency().p99Ms();
        // HdrHistogram picks rank round(p·n) where nearest rank is ceil(p·n), and reports the
        // highest value equivalent to it at 3 significant digits (+0.1%)
        int lowRank = Math.max(1, (int) Math.round(p * exact.length));
        int highRank = Math.max(1, (int) Math.ceil(p * exact.length));
        double low = exact[Math.min(lowRank, highRank) - 1];
        double high = exact[Math.max(lowRank, highRank) - 1];
        assertThat(hdr)
            .as("p%s at N=%s", p, s.concurrency())
            .isBetween(low * 0.999, high * 1.001 + 0.001);
      }
      assertThat(s.throughput()).isCloseTo(s.requests() / s.durationSeconds(), within(1e-9));
    }
    assertThat(t.loadModel()).isEqualTo(LoadModel.CLOSED);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("coordinated omission"));
  }

  @Test
  void read_toleratesOutOfOrderRows() throws IOException {
    List<String> lines = Files.readAllLines(resource("jmeter.jtl.csv"), StandardCharsets.UTF_8);
    int outOfOrder = 0;
    long previous = Long.MIN_VALUE;
    for (String line : lines.subList(1, lines.size())) {
      long ts = Long.parseLong(line.substring(0, line.indexOf(',')));
      if (ts < previous) {
        outOfOrder++;
      }
      previous = ts;
    }
    // README: 256 rows are out of timeStamp order (earlier than the row before them)
    assertThat(outOfOrder).isEqualTo(256);

    LoadTest original =
        new JMeterCsvReader().read(resource("jmeter.jtl.csv"), ReadOptions.DEFAULTS);
    for (long seed : new long[] {1, 2, 3}) {
      List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
      Collections.shuffle(rows, new Random(seed));
      Path shuffled =
          write(
              dir,
              "shuffled-" + seed + ".csv",
              lines.get(0) + "\n" + String.join("\n", rows) + "\n");
      LoadTest t = new JMeterCsvReader().read(shuffled, ReadOptions.DEFAULTS);
      assertThat(t.steps()).isEqualTo(original.steps());
    }
  }

  @Test
  void read_doesNotTakeJavaRequestRowsWithNullUrlForTransactions() {
    JtlFixtures.Tap tap = new JtlFixtures.Tap();
    LoadTest t =
        new JMeterCsvReader()
            .read(resource("jmeter-HTMLReportTestFile.jtl.csv"), ReadOptions.DEFAULTS, tap);
    // README: 255 rows (URL is the literal null), 3 with success=false, elapsed mean 235.475 ms
    assertThat(requests(t)).isEqualTo(255);
    assertThat(errors(t)).isEqualTo(3);
    assertThat(mean(tap.sortedMs())).isCloseTo(235.475, within(0.0005));
    assertThat(weightedMean(t)).isCloseTo(235.475, within(0.0005));
    assertThat(t.warnings()).noneMatch(w -> w.contains("Transaction Controller"));
  }

  @Test
  void read_weightsAggregatedSamples() {
    Path f =
        write(
            dir,
            "agg.csv",
            "timeStamp,elapsed,label,success,allThreads,SampleCount,ErrorCount\n"
                + "1000000000000,100,jms,true,2,4,0\n"
                + "1000000000200,50,jms,false,2,5,2\n"
                + "1000000000300,30,one,true,2,1,0\n");
    JtlFixtures.Tap tap = new JtlFixtures.Tap();
    LoadTest t = new JMeterCsvReader().read(f, ReadOptions.DEFAULTS, tap);
    Step s = t.steps().get(0);
    // 4 samples of 25 ms, 5 of 10 ms (2 failed), 1 of 30 ms: as JMeter's StatCalculator counts them
    assertThat(s.requests()).isEqualTo(10);
    assertThat(s.errors()).isEqualTo(2);
    assertThat(s.latency().meanMs()).isCloseTo((100 + 50 + 30) / 10.0, within(1e-9));
    assertThat(tap.sortedMs()).containsExactly(10, 10, 10, 10, 10, 25, 25, 25, 25, 30);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("2 aggregated rows"));
  }

  @Test
  void read_findsColumnsByNameInAnySelectionAndDelimiter() {
    Path f =
        write(
            dir,
            "tab.csv",
            "timeStamp\tlabel\telapsed\n"
                + "1000000000000\ta\t10\n"
                + "1000000000500\tb\t20\n"
                + "1000000001000\ta\t30\n");
    LoadTest t = new JMeterCsvReader().read(f, new ReadOptions(3.0), null);
    assertThat(t.steps()).hasSize(1);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(3);
    assertThat(s.errors()).isZero();
    assertThat(s.concurrency()).isEqualTo(3.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
    assertThat(s.latency().meanMs()).isCloseTo(20.0, within(1e-9));
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("no responseMessage or dataType column"));
  }

  @Test
  void read_ignoresGivenConcurrencyWhenAllThreadsIsRecorded() {
    LoadTest t = new JMeterCsvReader().read(resource("jmeter.jtl.csv"), new ReadOptions(3.0));
    assertThat(t.steps()).hasSize(8);
    assertThat(t.warnings()).contains("--concurrency ignored: the file records allThreads");
  }

  @Test
  void read_withoutResponseMessageFallsBackToEmptyDataTypeAndNullUrl() {
    Path f =
        write(
            dir,
            "nomsg.csv",
            "timeStamp,elapsed,label,dataType,success,allThreads,URL\n"
                + "1000000000000,10,GET a,text,true,1,http://x/a\n"
                + "1000000000000,30,TX,,true,1,null\n"
                + "1000000000010,20,Java,text,true,1,null\n");
    LoadTest t = new JMeterCsvReader().read(f, ReadOptions.DEFAULTS);
    assertThat(requests(t)).isEqualTo(2);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("1 Transaction Controller rows"));
  }

  @Test
  void read_handlesQuotedFieldsWithDelimitersQuotesAndLineBreaks() {
    Path f =
        write(
            dir,
            "quoted.csv",
            HEADER
                + "1000000000000,10,\"GET, with comma\",200,OK,T"
                + " 1-1,text,true,,1,1,1,1,http://x,1,0,0\n"
                + "1000000000100,20,x,500,\"Internal \"\"Error\"\"\",T 1-1,text,false,\"line one\n"
                + "line two\",1,1,1,1,http://x,1,0,0\n"
                + "1000000000200,30,TX,200,\"Number of samples in transaction : 2, number of"
                + " failing samples : 1\",T 1-1,,false,,1,1,1,1,null,1,0,0\n"
                + "1000000000300,40,y,200,OK,T 1-1,text,true,,1,1,1,1,http://x,1,0,0\n");
    LoadTest t = new JMeterCsvReader().read(f, ReadOptions.DEFAULTS);
    assertThat(requests(t)).isEqualTo(3);
    assertThat(errors(t)).isEqualTo(1);
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void read_skipsAndReportsRowWithNonNumber() {
    Path f =
        write(
            dir,
            "bad-row.csv",
            HEADER
                + "1000000000000,10,a,200,OK,T 1-1,text,true,,1,1,1,1,http://x,1,0,0\n"
                + "1000000000100,abc,a,200,OK,T 1-1,text,true,,1,1,1,1,http://x,1,0,0\n"
                + "1000000000200,30,a,200,OK,T 1-1,text,maybe,,1,1,1,1,http://x,1,0,0\n"
                + "1000000000300,30,a,200,OK\n"
                + "1000000000400,40,a,200,OK,T 1-1,text,true,,1,1,1,1,http://x,1,0,0\n");
    LoadTest t = new JMeterCsvReader().read(f, ReadOptions.DEFAULTS);
    assertThat(requests(t)).isEqualTo(2);
    assertThat(t.skipped().count()).isEqualTo(3);
    assertThat(t.skipped().examples())
        .containsExactly(
            "line 3: column 15 (elapsed): found \"abc\"; allowed milliseconds >= 0",
            "line 4: column 38 (success): found \"maybe\"; allowed true or false",
            "line 5: 5 fields where the header names 17");
    assertThat(t.skipped().count()).isEqualTo(3);
  }

  @Test
  void read_rejectsFileWhoseRowsAreAllUnreadable() {
    Path f =
        write(
            dir,
            "all-bad.csv",
            "timeStamp,elapsed\n2024/01/01 10:00:00,10\n2024/01/01 10:00:01,12\n");
    assertThatThrownBy(() -> new JMeterCsvReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(f.toString() + ":3")
        .hasMessageContaining("no usable sample: 2 rows skipped")
        .hasMessageContaining(
            "line 2: column 1 (timeStamp): found \"2024/01/01 10:00:00\"; allowed epoch"
                + " milliseconds");
  }

  @Test
  void read_rejectsHeaderWithoutElapsed() {
    Path f = write(dir, "no-elapsed.csv", "timeStamp,label,success\n1000000000000,a,true\n");
    assertThatThrownBy(() -> new JMeterCsvReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            f
                + ":1: found a header without a elapsed column; allowed a JTL header with timeStamp"
                + " (epoch ms) and elapsed (ms); save them with"
                + " jmeter.save.saveservice.timestamp=true and time=true");
  }

  @Test
  void read_rejectsHeaderlessFile() {
    Path f = write(dir, "headerless.csv", "1000000000000,10,a,200,OK\n");
    assertThatThrownBy(() -> new JMeterCsvReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            f + ":1: found a first line that is not a JTL header (\"1000000000000,10,a,200,OK\")")
        .hasMessageContaining("print_field_names=true");
  }

  @Test
  void headerlessJtl_isDetectedAndRefusedSayingTheHeaderIsMissingAndWhichColumns() {
    // the real jmeter.jtl.csv without its first line: what print_field_names=false writes
    Path f = resource("jmeter-headerless.jtl");
    assertThat(LoadTestFiles.detect(f)).isEqualTo(LoadTestFormat.JMETER_CSV);
    assertThatThrownBy(() -> LoadTestFiles.read(f, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ":1: found a sample row where the header belongs")
        .hasMessageContaining("the file has no header line")
        .hasMessageContaining(
            "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
                + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect")
        .hasMessageContaining("print_field_names=true");
  }

  @Test
  void headerlessJtl_withTheDefaultHeaderAddedAsLine1_readsAsTheOriginal() throws IOException {
    Path f =
        write(
            dir,
            "fixed.jtl",
            JMeterCsvReader.DEFAULT_COLUMNS
                + "\n"
                + Files.readString(resource("jmeter-headerless.jtl")));
    assertThat(new JMeterCsvReader().read(f, ReadOptions.DEFAULTS).steps())
        .isEqualTo(
            new JMeterCsvReader().read(resource("jmeter.jtl.csv"), ReadOptions.DEFAULTS).steps());
  }

  @Test
  void read_rejectsEmptyFile() {
    Path f = write(dir, "empty.csv", "");
    assertThatThrownBy(() -> new JMeterCsvReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            f + ":1: found an empty file; allowed a JMeter JTL CSV starting with its header line");
  }

  @Test
  void read_rejectsBinaryGarbage() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    garbage[0] = 0x00;
    Path f = Files.write(dir.resolve("garbage.csv"), garbage);
    assertThatThrownBy(() -> new JMeterCsvReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ":1: found a first line that is not a JTL header");
  }

  @Test
  void read_rejectsTruncatedGzipNamingFileAndLine() throws IOException {
    // large enough that the break comes after the readers' read-ahead buffers
    List<String> lines = Files.readAllLines(resource("jmeter.jtl.csv"), StandardCharsets.UTF_8);
    Path whole = dir.resolve("whole.jtl.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 20; i++) {
        out.write(
            (String.join("\n", lines.subList(1, lines.size())) + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] gz = Files.readAllBytes(whole);
    Path truncated =
        Files.write(
            dir.resolve("truncated.jtl.csv.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
    assertThat(requests(new JMeterCsvReader().read(whole, ReadOptions.DEFAULTS)))
        .isEqualTo(20 * 435);
    assertThatThrownBy(() -> new JMeterCsvReader().read(truncated, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageMatching(
            "(?s)"
                + java.util.regex.Pattern.quote(truncated.toString())
                + ":\\d+: found a truncated or corrupt compressed stream after line \\d+ .*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jmeter.jtl.csv", "jmeter-HTMLReportTestFile.jtl.csv"})
  void accepts_jtlCsvSamples(String name) {
    assertThat(
            new JMeterCsvReader()
                .accepts(dev.headroom.ingest.loadtest.LoadTestReader.head(resource(name))))
        .isTrue();
  }
}
