package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile and broken input: every reader ends in a {@link BadInputException} naming file and line,
 * never in an internal error, and memory does not grow with a line that never ends.
 */
class HostileLoadTestInputTest {

  @TempDir Path tmp;

  private static Path resource(String path) throws URISyntaxException {
    return Path.of(HostileLoadTestInputTest.class.getResource(path).toURI());
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** {@code --input-format X /dev/zero}: an endless stream of NUL bytes without a line break. */
  @ParameterizedTest
  @EnumSource(LoadTestFormat.class)
  void endlessStreamWithoutLineBreak_isBadInputNotOutOfMemory(LoadTestFormat format) {
    Path zero = Path.of("/dev/zero");
    BadInputException e =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                catchThrowableOfType(
                    BadInputException.class,
                    () -> format.newReader().read(zero, ReadOptions.DEFAULTS)));
    assertThat(e).as(format.id()).isNotNull();
    assertThat(e.getMessage()).startsWith("/dev/zero");
  }

  @Test
  void csvLineLongerThanTheBound_namesFileAndLine() throws Exception {
    // a JTL whose second line never ends: 3 Mi characters and no newline
    Path p = tmp.resolve("endless.jtl");
    try (Writer w = Files.newBufferedWriter(p)) {
      w.write("timeStamp,elapsed,label,responseCode,success\n");
      for (int i = 0; i < 3 * 1024; i++) {
        w.write("x".repeat(1024));
      }
    }
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("endless.jtl:2")
        .hasMessageContaining("longer than 1,048,576 characters");
  }

  @Test
  void csvQuoteNeverClosed_acrossManyShortLines_isBoundedAsAField() throws Exception {
    Path p = tmp.resolve("open-quote.jtl");
    try (Writer w = Files.newBufferedWriter(p)) {
      w.write("timeStamp,elapsed,label,responseCode,success\n");
      w.write("1700000000000,5,\"open");
      for (int i = 0; i < 300_000; i++) {
        w.write("\nabc");
      }
    }
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("open-quote.jtl:2:17")
        .hasMessageContaining("an unclosed quote?");
  }

  @Test
  void heyPercentTooLargeForAnInt_isBadInputAtItsColumn() throws Exception {
    String text =
        Files.readString(resource("/formats/hey-c4.txt"))
            .replace("  10% in 0.0440 secs", "  9999999999999999999% in 0.0440 secs");
    Path p = write("hey.txt", text);
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("hey.txt:27:3")
        .hasMessageContaining("9999999999999999999");
  }

  @Test
  void hgrmFooterWithDoubleSign_isBadInputAtItsLine() throws Exception {
    String text =
        Files.readString(resource("/hdrhistogram/hdrhistogram-jHiccup-2.0.7S.hgrm"))
            .replace("#[Mean    =        67.81,", "#[Mean    =        --67.81,");
    Path p = write("bad.hgrm", text);
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad.hgrm:74")
        .hasMessageContaining("--67.81");
  }

  @Test
  void gatlingStartTimeBeyondALong_isBadInputNotANegativeDuration() throws Exception {
    String text =
        Files.readString(resource("/gatling/gatling-3.10.5-simulation.log"))
            .replace("\t1795411810947\t", "\t9999999999999999999\t");
    Path p = write("simulation.log", text);
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("simulation.log:3")
        .hasMessageContaining("9999999999999999999");
  }

  @Test
  void gatlingRequestTimesBeyondAnyClock_areBadInputNotAnOverflow() throws Exception {
    String text =
        Files.readString(resource("/gatling/gatling-3.10.5-simulation.log"))
            .replace(
                "\t1795411811439\t1795411811571\t", "\t9223372036854775806\t9223372036854775807\t");
    Path p = write("simulation.log", text);
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("simulation.log:5")
        .hasMessageContaining("9223372036854775806");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "  50%     48|  9999999999999999999%     48|37:3",
        "  50%     48|  50%     99999999999999999999|37:11",
        "Concurrency Level:      4|Concurrency Level:      4294967297|18:25"
      })
  void abNumbersThatDoNotFit_areBadInputAtTheirColumn(String from, String to, String at)
      throws Exception {
    String text = Files.readString(resource("/formats/ab-c4.txt")).replace(from, to);
    Path p = write("ab.txt", text);
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("ab.txt:" + at);
  }

  @Test
  void abFailureBreakdownBeyondALong_isBadInputAtItsColumn() throws Exception {
    String text =
        Files.readString(resource("/formats/ab-c4.txt"))
            .replace(
                "Failed requests:        0\n",
                "Failed requests:        0\n   (Connect: 0, Receive: 0, Length:"
                    + " 99999999999999999999, Exceptions: 0)\n");
    Path p = write("ab.txt", text);
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("ab.txt:22:")
        .hasMessageContaining("99999999999999999999");
  }

  @Test
  void jtlXmlAttributeNeverClosed_isBoundedNotGatheredWhole() throws Exception {
    Path p = tmp.resolve("open-attribute.jtl");
    try (Writer w = Files.newBufferedWriter(p)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n");
      w.write("<httpSample t=\"");
      for (int i = 0; i < 17 * 1024; i++) {
        w.write("7".repeat(1024));
      }
    }
    assertThatThrownBy(() -> LoadTestFiles.read(p, null, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("open-attribute.jtl:3")
        .hasMessageContaining("16,777,216 characters without XML markup");
  }

  @Test
  void k6TimeBeyondMicrosecondRange_isASkippedLineNotAnArithmeticOverflow() throws Exception {
    // found by LoadTestFuzzTest: OffsetDateTime accepts year 999999999, microseconds overflow
    List<String> lines = new ArrayList<>();
    try (var in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(
                    Files.newInputStream(resource("/k6/k6-points.ndjson.gz"))),
                StandardCharsets.UTF_8))) {
      in.lines().forEach(lines::add);
    }
    int at = 0;
    while (!lines.get(at).contains("\"type\":\"Point\"")) {
      at++;
    }
    lines.set(at, lines.get(at).replaceFirst("\"time\":\"2026-", "\"time\":\"+999999999-"));
    Path p = write("far.ndjson", String.join("\n", lines) + "\n");
    LoadTest t = LoadTestFiles.read(p, null, ReadOptions.DEFAULTS);
    assertThat(t.skipped().count()).isEqualTo(1);
    assertThat(t.skipped().examples().get(0))
        .startsWith("line " + (at + 1) + ":")
        .contains("too far from 1970 for microseconds");
  }
}
