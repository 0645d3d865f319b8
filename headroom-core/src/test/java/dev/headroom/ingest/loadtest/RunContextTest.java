package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunContextTest {

  @Test
  void targetOf_isTheHostAndPortOfAUrl_lowerCase() {
    assertThat(RunContext.targetOf("http://127.0.0.1:8080/api/items")).isEqualTo("127.0.0.1:8080");
    assertThat(RunContext.targetOf("HTTPS://Shop.Example.COM/cart?x=1"))
        .isEqualTo("shop.example.com");
  }

  @Test
  void targetOf_nameWithoutAHost_isNotATarget() {
    // k6 scripts rename the url tag ("items" in the real k6 fixture); JMeter's Java Request writes
    // the literal null
    assertThat(RunContext.targetOf("items")).isNull();
    assertThat(RunContext.targetOf("null")).isNull();
    assertThat(RunContext.targetOf(" ")).isNull();
  }

  @Test
  void readers_recordWhereAndWhenTheirFormatsSay() {
    Path res = Path.of("src/test/resources");
    LoadTest wrk = LoadTestFiles.read(res.resolve("formats/wrk-latency.txt"), null, null);
    assertThat(wrk.context().target()).isEqualTo("127.0.0.1:8080");
    assertThat(wrk.context().start()).isNull();
    LoadTest jtl = LoadTestFiles.read(res.resolve("jmeter/jmeter.jtl.csv"), null, null);
    assertThat(jtl.context().target()).isEqualTo("127.0.0.1:8080");
    // the earliest timeStamp of the file (rows are out of order)
    assertThat(jtl.context().start()).isEqualTo(Instant.ofEpochMilli(1795411911421L));
    LoadTest k6 = LoadTestFiles.read(res.resolve("k6/k6-points.ndjson.gz"), null, null);
    assertThat(k6.context().target()).isNull();
    // the first request ended 2026-11-23T05:26:35.063401038Z after 12.032827 ms
    assertThat(k6.context().start())
        .isBeforeOrEqualTo(Instant.parse("2026-11-23T05:26:35.051368Z"));
    assertThat(k6.context().start()).isAfter(Instant.parse("2026-11-23T05:20:00Z"));
    LoadTest hey = LoadTestFiles.read(res.resolve("formats/hey-c4.txt"), null, null);
    assertThat(hey.context()).isEqualTo(RunContext.UNKNOWN);
  }
}
