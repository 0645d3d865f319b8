package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content detection picks the Gatling and HdrHistogram formats for their real samples, and only for
 * them.
 */
class GatlingAndHdrDetectionTest {

  private static final Set<LoadTestFormat> MINE =
      EnumSet.of(
          LoadTestFormat.GATLING_LOG,
          LoadTestFormat.GATLING_STATS,
          LoadTestFormat.HLOG,
          LoadTestFormat.HGRM);

  private static Path resource(String name) {
    try {
      return Path.of(GatlingAndHdrDetectionTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "/gatling/gatling-3.10.5-simulation.log, GATLING_LOG",
    "/gatling/gatling-3.14.9-binary-simulation.log, GATLING_LOG",
    "/gatling/gatling-binary-known_stats-simulation.log, GATLING_LOG",
    "/gatling/gatling-nuxeo-3.10.5-simulation.log.gz, GATLING_LOG",
    "/gatling/gatling-nuxeo-3.2.1-simulation.log.gz, GATLING_LOG",
    "/gatling/gatling-nuxeo-2.0-small-simulation.log, GATLING_LOG",
    "/gatling/gatling-nuxeo-3.3.0-small-simulation.log, GATLING_LOG",
    "/gatling/gatling-nuxeo-3.4.0-small-simulation.log, GATLING_LOG",
    "/gatling/gatling-3.10.5-stats.json, GATLING_STATS",
    "/gatling/gatling-3.10.5-global_stats.json, GATLING_STATS",
    "/hdrhistogram/hdrhistogram-jHiccup-2.0.7S.logV2.hlog, HLOG",
    "/hdrhistogram/hdrhistogram-tagged-Log.logV2.hlog, HLOG",
    "/hdrhistogram/hdrhistogram-jHiccup-2.0.7S.hgrm, HGRM",
  })
  void detect_picksTheRightFormatForEachSample(String name, LoadTestFormat expected) {
    assertThat(LoadTestFiles.detect(resource(name))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Running 5s test @ http://127.0.0.1:8080/api/items\n  2 threads and 16 connections\n",
        "{\n    \"metrics\": {\n        \"http_req_duration\": {\"avg\": 53.5}}}",
        "timeStamp,elapsed,label,responseCode,responseMessage,threadName\n1,2,a,200,OK,t\n",
        "\n=====\n---- Global Information ----\n> request count | 504 |\n",
        "#[Interval percentile log between 0.000 and <Infinite> seconds (relative to StartTime)]\n"
            + "Time: IntervalPercentiles:count ( 50% 90% Max ) TotalPercentiles:count\n",
        "concurrency,throughput\n1,100\n2,190\n",
        "Type,Name,Request Count,Failure Count,Median Response Time\n",
      })
  void accepts_otherProducersAreNotClaimed(String text) {
    LoadTestReader.Head head =
        new LoadTestReader.Head("x", text.getBytes(StandardCharsets.UTF_8), false);
    for (LoadTestFormat f : MINE) {
      assertThat(f.newReader().accepts(head)).as(f + " on " + text).isFalse();
    }
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 50);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void accepts_neverThrowsOnRandomBytes(long seed) {
    Random rnd = new Random(seed);
    byte[] bytes = new byte[rnd.nextInt(64)];
    rnd.nextBytes(bytes);
    if (bytes.length > 0 && rnd.nextBoolean()) {
      bytes[0] = 0; // looks like the start of a binary Gatling log
    }
    LoadTestReader.Head head = new LoadTestReader.Head("random", bytes, false);
    for (LoadTestFormat f : MINE) {
      assertThatCode(() -> f.newReader().accepts(head)).doesNotThrowAnyException();
      assertThat(f.newReader().format()).isEqualTo(f);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gatling-log", "gatling-stats", "hlog", "hgrm"})
  void byId_findsEachNewFormatAndCsvStaysLast(String id) {
    assertThat(MINE).contains(LoadTestFormat.byId(id));
    LoadTestFormat[] all = LoadTestFormat.values();
    assertThat(all[all.length - 1]).isEqualTo(LoadTestFormat.PLAIN_CSV);
  }
}
