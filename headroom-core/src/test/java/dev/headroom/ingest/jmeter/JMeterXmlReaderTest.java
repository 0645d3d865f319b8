package dev.headroom.ingest.jmeter;

import static dev.headroom.ingest.jmeter.JtlFixtures.mean;
import static dev.headroom.ingest.jmeter.JtlFixtures.resource;
import static dev.headroom.ingest.jmeter.JtlFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JMeterXmlReaderTest {

  private static final String SAMPLE_LOG = "jmeter-sample_log1-head500.jtl.xml";

  @TempDir Path dir;

  @Test
  void read_oldLayoutReproducesPublishedFacts() {
    JtlFixtures.Tap tap = new JtlFixtures.Tap();
    LoadTest t = new JMeterXmlReader().read(resource(SAMPLE_LOG), ReadOptions.DEFAULTS, tap);
    // README: old 2005 layout (t/lt/ts/s/lb/rc/rm/tn/dt only); 498 samples; mean t 287.888 ms
    assertThat(tap.sortedMs()).hasSize(498);
    assertThat(mean(tap.sortedMs())).isCloseTo(287.888, within(0.0005));
    assertThat(t.steps()).hasSize(1);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(498);
    assertThat(s.latency().meanMs()).isCloseTo(287.888, within(0.0005));
    // no na attribute: one step whose N comes from Little's law, N = X·R
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.concurrency())
        .isCloseTo(s.throughput() * s.latency().meanMs() / 1000.0, within(1e-9));
    assertThat(t.warnings()).anyMatch(w -> w.contains("Little's law"));
    assertThat(t.loadModel()).isEqualTo(LoadModel.CLOSED);
  }

  @Test
  void read_usesGivenConcurrencyWhenTheFileHasNone() {
    LoadTest t = new JMeterXmlReader().read(resource(SAMPLE_LOG), new ReadOptions(2.0));
    assertThat(t.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.concurrency()).isEqualTo(2.0);
              assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
            });
  }

  @Test
  void read_countsTransactionChildrenAndNotSubResults() {
    Path f =
        write(
            dir,
            "nested.jtl",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testResults version="1.2">
            <sample t="300" it="5" lt="0" ts="1000000000000" s="true" lb="TX" rc="200"
                rm="Number of samples in transaction : 2, number of failing samples : 1" tn="T 1-1" dt="" na="2">
              <httpSample t="100" lt="90" ts="1000000000000" s="true" lb="a" rc="200" rm="OK" na="2"/>
              <httpSample t="200" lt="90" ts="1000000000100" s="false" lb="b" rc="500" rm="Error" na="2">
                <assertionResult><name>status</name><failure>true</failure></assertionResult>
              </httpSample>
            </sample>
            <httpSample t="50" lt="10" ts="1000000000400" s="true" lb="page" rc="200" rm="OK" na="2">
              <httpSample t="20" lt="10" ts="1000000000400" s="true" lb="page-0" rc="200" rm="OK" na="2"/>
              <httpSample t="25" lt="10" ts="1000000000420" s="true" lb="page-1" rc="200" rm="OK" na="2"/>
              <java.net.URL>http://127.0.0.1/page</java.net.URL>
            </httpSample>
            <sample t="90" ts="1000000000500" s="true" lb="TX2" rc="200"
                rm="Number of samples in transaction : 1, number of failing samples : 0" na="2"/>
            <sample t="40" ts="1000000000600" s="true" lb="jms" rc="200" rm="OK" na="2" sc="4" ec="1"/>
            </testResults>
            """);
    JtlFixtures.Tap tap = new JtlFixtures.Tap();
    LoadTest t = new JMeterXmlReader().read(f, ReadOptions.DEFAULTS, tap);
    // a, b (TX children), page (its -0/-1 sub-results are inside its t), 4 jms samples of 10 ms
    assertThat(tap.sortedMs()).containsExactly(10, 10, 10, 10, 50, 100, 200);
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(2.0);
    assertThat(s.requests()).isEqualTo(7);
    assertThat(s.errors()).isEqualTo(2);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("2 Transaction Controller rows left out"));
  }

  @Test
  void read_skipsAndReportsSampleWithNonNumber() {
    Path f =
        write(
            dir,
            "bad-attr.jtl",
            """
            <testResults version="1.2">
            <httpSample t="10" ts="1000000000000" s="true" lb="a"/>
            <httpSample t="ten" ts="1000000000100" s="true" lb="a"/>
            <httpSample t="12" ts="1000000000200" s="yes" lb="a"/>
            <httpSample t="14" ts="1000000000300" s="true" lb="a"/>
            </testResults>
            """);
    LoadTest t = new JMeterXmlReader().read(f, ReadOptions.DEFAULTS);
    assertThat(t.steps().get(0).requests()).isEqualTo(2);
    assertThat(t.skipped().count()).isEqualTo(2);
    assertThat(t.skipped().examples())
        .containsExactly(
            "line 3: <httpSample> with t=\"ten\" and ts=\"1000000000100\"; allowed integers (ms,"
                + " epoch ms)",
            "line 4: s=\"yes\"; allowed true or false");
  }

  @Test
  void read_rejectsMalformedXmlWithLineAndColumn() {
    Path f =
        write(
            dir,
            "broken.jtl",
            """
            <testResults version="1.2">
            <httpSample t="10" ts="1000000000000" s="true" lb="a"/>
            <httpSample t="10" ts="1000000000000" s="true" lb="a"
            </testResults>
            """);
    assertThatThrownBy(() -> new JMeterXmlReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ":4:")
        .hasMessageContaining("malformed XML");
  }

  @Test
  void read_rejectsOtherRootElement() {
    Path f = write(dir, "other.xml", "<?xml version=\"1.0\"?>\n<assertions><a/></assertions>\n");
    assertThatThrownBy(() -> new JMeterXmlReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            f + ":2: found a root element <assertions>; allowed a JTL whose root is <testResults>");
  }

  @Test
  void read_rejectsEmptyFileAndFileWithoutSamples() {
    Path empty = write(dir, "empty.jtl", "");
    assertThatThrownBy(() -> new JMeterXmlReader().read(empty, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            empty + ": found an empty file; allowed a JMeter XML JTL starting with <testResults>");
    Path none = write(dir, "none.jtl", "<testResults version=\"1.2\">\n</testResults>\n");
    assertThatThrownBy(() -> new JMeterXmlReader().read(none, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("found no data rows");
  }

  @Test
  void read_rejectsBinaryGarbage() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Path f = Files.write(dir.resolve("garbage.jtl"), garbage);
    assertThatThrownBy(() -> new JMeterXmlReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            f + ":1: found bytes that are not UTF-8 text; allowed a JMeter XML JTL (UTF-8)");
    Path ascii = write(dir, "text.jtl", "hello, world\n");
    assertThatThrownBy(() -> new JMeterXmlReader().read(ascii, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(ascii + ":1:")
        .hasMessageContaining("malformed XML");
  }

  @Test
  void read_rejectsTruncatedGzip() throws IOException {
    byte[] xml = Files.readAllBytes(resource(SAMPLE_LOG));
    Path whole = dir.resolve("whole.jtl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write(xml);
    }
    byte[] gz = Files.readAllBytes(whole);
    Path truncated =
        Files.write(dir.resolve("truncated.jtl.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
    assertThat(new JMeterXmlReader().read(whole, ReadOptions.DEFAULTS).steps().get(0).requests())
        .isEqualTo(498);
    assertThatThrownBy(() -> new JMeterXmlReader().read(truncated, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(truncated.toString())
        .hasMessageContaining("truncated or corrupt compressed stream");
  }

  @Test
  void accepts_xmlJtlOnly() {
    assertThat(new JMeterXmlReader().accepts(LoadTestReader.head(resource(SAMPLE_LOG)))).isTrue();
    assertThat(new JMeterXmlReader().accepts(LoadTestReader.head(resource("jmeter.jtl.csv"))))
        .isFalse();
    assertThat(new JMeterXmlReader().accepts(LoadTestReader.head(resource("jmeter-api.jmx"))))
        .isFalse();
  }
}
