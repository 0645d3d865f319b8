package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection of the command-line tools' formats (wrk, hey, ab, Locust) by content. */
class CliToolFormatDetectionTest {

  private static final Set<LoadTestFormat> CLI_FORMATS =
      EnumSet.of(
          LoadTestFormat.WRK,
          LoadTestFormat.HEY,
          LoadTestFormat.HEY_CSV,
          LoadTestFormat.AB,
          LoadTestFormat.AB_TSV,
          LoadTestFormat.AB_CSV,
          LoadTestFormat.LOCUST_STATS,
          LoadTestFormat.LOCUST_HISTORY);

  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(CliToolFormatDetectionTest.class.getResource("/formats/" + name).toURI());
  }

  @ParameterizedTest
  @CsvSource({
    "wrk-latency.txt, wrk",
    "wrk-errors-latency.txt, wrk",
    "wrk-timeouts-latency.txt, wrk",
    "wrk2-latency.txt, wrk",
    "wrk2-latency-u.txt, wrk",
    "hey-c1.txt, hey",
    "hey-c16.txt, hey",
    "hey-refused.txt, hey",
    "hey-c4.csv, hey-csv",
    "ab-c4.txt, ab",
    "ab-errors.txt, ab",
    "ab-c4.tsv, ab-tsv",
    "ab-c4.csv, ab-csv",
    "locust-steps_stats.csv, locust-stats",
    "locust-aggregated_stats.csv, locust-stats",
    "locust-steps_stats_history.csv, locust-history",
    "locust-aggregated_stats_history.csv, locust-history"
  })
  void detect_picksTheProducersFormat_andNoOtherCliReaderAccepts(String name, String id)
      throws Exception {
    Path file = fixture(name);
    assertThat(LoadTestFiles.detect(file).id()).isEqualTo(id);
    LoadTestReader.Head head = LoadTestReader.head(file);
    List<String> accepting = new ArrayList<>();
    for (LoadTestFormat f : LoadTestFormat.values()) {
      if (f.newReader().accepts(head)) {
        accepting.add(f.id());
      }
    }
    // only its own reader and, at most, the catch-all plain CSV
    assertThat(accepting).contains(id);
    assertThat(accepting.stream().filter(a -> !a.equals(id) && !a.equals("csv"))).isEmpty();
  }

  @Test
  void detect_gzippedReport_isReadThroughTheBaseClass() throws Exception {
    Path gz = tmp.resolve("wrk.out.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(fixture("wrk-latency.txt")));
    }
    assertThat(LoadTestFiles.detect(gz)).isEqualTo(LoadTestFormat.WRK);
    assertThat(LoadTestFiles.read(gz, null, ReadOptions.DEFAULTS).steps().get(0).requests())
        .isEqualTo(1539);
  }

  @Test
  void registry_keepsPlainCsvLast() {
    LoadTestFormat[] all = LoadTestFormat.values();
    assertThat(all[all.length - 1]).isEqualTo(LoadTestFormat.PLAIN_CSV);
    for (LoadTestFormat f : CLI_FORMATS) {
      assertThat(f.newReader().format()).isEqualTo(f);
      assertThat(LoadTestFormat.byId(f.id())).isEqualTo(f);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success\n1,2,a,200,OK,t,text,true\n",
        "{\"type\":\"Metric\",\"data\":{\"name\":\"vus\"},\"metric\":\"vus\"}\n",
        "RUN\tlab.ApiSimulation\tapisimulation\t1700000000000\t \t3.10.5\n",
        "concurrency,throughput\n1,10\n2,19\n",
        "#[Histogram log format version 1.2]\n#[StartTime: 1.0]\n",
        "127.0.0.1 - - [23/Nov/2026:06:37:59 +0000] \"GET /api/items HTTP/1.1\" 200 32 \"-\" \"hey/0.0.1\"\n"
      })
  void cliReaders_doNotClaimOtherProducersFiles(String content) throws IOException {
    Path p = tmp.resolve("other");
    Files.writeString(p, content, StandardCharsets.UTF_8);
    LoadTestReader.Head head = LoadTestReader.head(p);
    for (LoadTestFormat f : CLI_FORMATS) {
      assertThat(f.newReader().accepts(head)).as(f.id()).isFalse();
    }
  }

  static Stream<Arguments> readerAndForeignFixture() {
    Map<LoadTestFormat, String> own = new EnumMap<>(LoadTestFormat.class);
    own.put(LoadTestFormat.WRK, "wrk-latency.txt");
    own.put(LoadTestFormat.HEY, "hey-c4.txt");
    own.put(LoadTestFormat.HEY_CSV, "hey-c4.csv");
    own.put(LoadTestFormat.AB, "ab-c4.txt");
    own.put(LoadTestFormat.AB_TSV, "ab-c4.tsv");
    own.put(LoadTestFormat.AB_CSV, "ab-c4.csv");
    own.put(LoadTestFormat.LOCUST_STATS, "locust-steps_stats.csv");
    own.put(LoadTestFormat.LOCUST_HISTORY, "locust-steps_stats_history.csv");
    List<Arguments> out = new ArrayList<>();
    for (LoadTestFormat reader : CLI_FORMATS) {
      for (Map.Entry<LoadTestFormat, String> e : own.entrySet()) {
        if (e.getKey() != reader) {
          out.add(Arguments.of(reader, e.getValue()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("readerAndForeignFixture")
  void read_withTheWrongFormatForced_failsClearlyInsteadOfMisreading(
      LoadTestFormat format, String name) throws Exception {
    Path file = fixture(name);
    assertThatThrownBy(() -> LoadTestFiles.read(file, format, new ReadOptions(4.0)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(name);
  }

  @ParameterizedTest
  @MethodSource("cliFormats")
  void everyCliReader_refusesAnEmptyFileAndIgnoresBinaryHeads(LoadTestFormat format)
      throws IOException {
    Path empty = tmp.resolve("empty-" + format.id());
    Files.writeString(empty, "");
    assertThatThrownBy(() -> format.newReader().read(empty, new ReadOptions(4.0)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("empty file");
    byte[] noise = new byte[4096];
    new Random(format.ordinal()).nextBytes(noise);
    Path binary = tmp.resolve("noise-" + format.id());
    Files.write(binary, noise);
    assertThat(format.newReader().accepts(LoadTestReader.head(binary))).isFalse();
  }

  static Stream<LoadTestFormat> cliFormats() {
    return CLI_FORMATS.stream();
  }

  @Test
  void detect_emptyFile_namesTheFile() throws IOException {
    Path p = tmp.resolve("empty.txt");
    Files.writeString(p, "");
    assertThatThrownBy(() -> LoadTestFiles.detect(p))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty.txt")
        .hasMessageContaining("empty file");
  }
}
