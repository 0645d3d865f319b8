package dev.headroom.ingest.gatling;

import static dev.headroom.ingest.gatling.GatlingSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken Gatling logs either fail with file and position, or are counted as skipped. */
class GatlingLogMalformedTest {

  private final GatlingLogReader reader = new GatlingLogReader();

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void read_truncatedGzip_failsNamingFileAndLine() throws IOException {
    byte[] gz = Files.readAllBytes(sample("gatling-nuxeo-3.10.5-simulation.log.gz"));
    Path cut = write("cut.log.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> reader.read(cut, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(cut.toString() + ":")
        .hasMessageContaining("truncated or corrupt compressed stream after line");
  }

  @Test
  void read_truncatedBinary_keepsRecordsBeforeAndCountsThePartialOne() throws IOException {
    byte[] bin = Files.readAllBytes(sample("gatling-3.14.9-binary-simulation.log"));
    Path cut = write("cut.log", Arrays.copyOf(bin, 10_000));
    LoadTest t = reader.read(cut, ReadOptions.DEFAULTS);
    long requests = t.steps().stream().mapToLong(Step::requests).sum();
    assertThat(requests).isBetween(200L, 503L);
    assertThat(t.skipped().count()).isEqualTo(1);
    assertThat(t.skipped().examples().get(0))
        .matches("byte \\d+: the file ends inside a \\w+ record.*");
  }

  @Test
  void read_binaryCutInsideRunHeader_failsWithByteOffset() throws IOException {
    byte[] bin = Files.readAllBytes(sample("gatling-3.14.9-binary-simulation.log"));
    Path cut = write("header.log", Arrays.copyOf(bin, 30));
    assertThatThrownBy(() -> reader.read(cut, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(cut.toString())
        .hasMessageContaining("inside the RUN header")
        .hasMessageContaining("byte offset 0");
  }

  @Test
  void read_unknownRecordTypeByte_failsLoudlyWithItsOffset() throws IOException {
    byte[] bin = Files.readAllBytes(sample("gatling-3.14.9-binary-simulation.log"));
    byte[] bad = Arrays.copyOf(bin, bin.length + 5);
    bad[bin.length] = 7;
    Path p = write("unknown.log", bad);
    assertThatThrownBy(() -> reader.read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("unknown record type byte 0x07 at byte offset " + bin.length)
        .hasMessageContaining("0 RUN, 1 REQUEST, 2 USER, 3 GROUP or 4 ERROR");
  }

  @Test
  void read_backReferenceToUndefinedString_failsWithOffset() throws IOException {
    byte[] bin = Files.readAllBytes(sample("gatling-3.14.9-binary-simulation.log"));
    // a REQUEST with no groups whose name refers back to string 99, never defined
    byte[] tail = {1, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x9d};
    byte[] bad = Arrays.copyOf(bin, bin.length + tail.length);
    System.arraycopy(tail, 0, bad, bin.length, tail.length);
    Path p = write("ref.log", bad);
    assertThatThrownBy(() -> reader.read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("string reference -99")
        .hasMessageContaining("byte offset " + (bin.length + 5));
  }

  @Test
  void read_emptyFile_failsClearly() throws IOException {
    Path empty = write("empty.log", new byte[0]);
    assertThatThrownBy(() -> reader.read(empty, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("an empty file");
    assertThatThrownBy(() -> LoadTestFiles.detect(empty))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("an empty file");
  }

  @Test
  void read_textLineWithTooFewColumns_isSkippedWithItsLine() throws IOException {
    String log =
        String.join(
            "\n",
            "RUN\tsim.Sim\tsim\t1700000000000\t \t3.10.5",
            "USER\tscn\tSTART\t1700000000000",
            "REQUEST\t\tok\t1700000000010\t1700000000030\tOK\t ",
            "REQUEST\t\tbroken\t1700000000040",
            "REQUEST\t\tko\t1700000000050\t1700000000060\tKO\toops",
            "USER\tscn\tEND\t1700000000100",
            "");
    Path p = write("few.log", log.getBytes(StandardCharsets.UTF_8));
    LoadTest t = reader.read(p, ReadOptions.DEFAULTS);
    assertThat(t.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.requests()).isEqualTo(2);
              assertThat(s.errors()).isEqualTo(1);
              assertThat(s.concurrency()).isEqualTo(1);
            });
    assertThat(t.skipped().count()).isEqualTo(1);
    assertThat(t.skipped().examples())
        .singleElement()
        .asString()
        .startsWith("line 4: REQUEST record with 4 columns");
  }

  @Test
  void read_unknownTextRecordAndBadUserTime_areSkipped() throws IOException {
    String log =
        String.join(
            "\n",
            "RUN\tsim.Sim\tsim\t1700000000000\t \t3.10.5",
            "USER\tscn\tSTART\tsoon",
            "FOO\tbar",
            "REQUEST\t\tok\t1700000000010\t1700000000030\tOK\t ",
            "");
    Path p = write("odd.log", log.getBytes(StandardCharsets.UTF_8));
    LoadTest t = reader.read(p, ReadOptions.DEFAULTS);
    assertThat(t.skipped().count()).isEqualTo(2);
    assertThat(t.skipped().examples())
        .containsExactly(
            "line 2: USER record with time \"soon\", not epoch milliseconds",
            "line 3: unknown record type \"FOO\"");
  }

  @Test
  void read_onlyUnreadableRequests_failsInsteadOfReturningNothing() throws IOException {
    String log = "RUN\tsim.Sim\tsim\t1700000000000\t \t3.10.5\nREQUEST\t\tx\t1\n";
    Path p = write("none.log", log.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> reader.read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no readable REQUEST record (1 records skipped, first: line 2:");
  }

  @Test
  void read_requestEndingBeforeItStarts_isSkipped() throws IOException {
    String log =
        String.join(
            "\n",
            "RUN\tsim.Sim\tsim\t1700000000000\t \t3.10.5",
            "REQUEST\t\tok\t1700000000010\t1700000000030\tOK\t ",
            "REQUEST\t\tback\t1700000000050\t1700000000040\tOK\t ",
            "");
    Path p = write("back.log", log.getBytes(StandardCharsets.UTF_8));
    LoadTest t = reader.read(p, ReadOptions.DEFAULTS);
    assertThat(t.skipped().examples())
        .singleElement()
        .asString()
        .startsWith("line 3: REQUEST ends");
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("no USER records"));
  }
}
