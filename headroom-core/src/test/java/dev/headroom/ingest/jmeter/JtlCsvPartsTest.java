package dev.headroom.ingest.jmeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.headroom.ingest.loadtest.InputLimits;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.model.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parallel read of a JTL CSV ({@link JtlCsvParts}) must give what the sequential reader gives,
 * to the bit: the same steps, histograms, warnings, skipped rows with their lines and columns, run
 * context, or the same error. Checked on seeded random files with what can go wrong at a part
 * boundary: quoted fields holding delimiters, quotes and line breaks (LF and CRLF), CRLF line ends,
 * a byte-order mark, blank lines, multi-byte characters, bad rows, transaction rows, a last line
 * without a line break or with an unclosed quote; with parts from 1 byte (a boundary in every
 * field) to larger than the file, and read buffers from 2 bytes up.
 */
class JtlCsvPartsTest {

  private static final String HEADER =
      "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
          + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

  private static final String AGGREGATE_HEADER =
      "timeStamp;elapsed;label;responseCode;responseMessage;threadName;dataType;success;"
          + "failureMessage;bytes;sentBytes;grpThreads;allThreads;URL;Latency;IdleTime;Connect;"
          + "SampleCount;ErrorCount";

  @TempDir Path dir;

  static Stream<Arguments> seedsAndPlans() {
    long[] chunks = {1, 3, 17, 64, 301, 4096, 1 << 24};
    int[] buffers = {2, 5, 64, 1 << 16};
    return IntStream.range(0, 60)
        .mapToObj(
            seed ->
                Arguments.of(
                    seed, chunks[seed % chunks.length], buffers[(seed / 7) % buffers.length]));
  }

  @ParameterizedTest(name = "seed {0}, parts of {1} bytes, buffer {2}")
  @MethodSource("seedsAndPlans")
  void parallelRead_equalsSequentialRead(int seed, long chunk, int buffer) throws IOException {
    Path file = dir.resolve("run-" + seed + ".jtl.csv");
    Files.write(file, randomJtl(new Random(seed)));
    JMeterCsvReader reader = new JMeterCsvReader();

    Object sequential = outcome(() -> reader.readSequentially(file, ReadOptions.DEFAULTS, null));
    Object parallel =
        outcome(
            () ->
                JtlCsvParts.read(
                    reader, file, ReadOptions.DEFAULTS, new JtlCsvParts.Plan(chunk, 2, 0, buffer)));

    assertThat(parallel).isNotNull();
    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void parallelRead_ofFileSmallerThanOnePart_equalsSequentialRead() throws IOException {
    Path file = dir.resolve("small.jtl.csv");
    Files.writeString(
        file,
        HEADER
            + "\n1700000000000,12,GET a,200,OK,T 1-1,text,true,,10,10,1,1,http://h/a,5,0,1\n"
            + "1700000000005,\"1x\",GET a,200,OK,T 1-1,text,true,,10,10,1,1,http://h/a,5,0,1\n");
    JMeterCsvReader reader = new JMeterCsvReader();

    LoadTest parallel =
        JtlCsvParts.read(
            reader, file, ReadOptions.DEFAULTS, new JtlCsvParts.Plan(1 << 20, 4, 0, 1 << 16));

    assertThat(parallel).isEqualTo(reader.readSequentially(file, ReadOptions.DEFAULTS, null));
    assertThat(parallel.skipped().examples())
        .containsExactly("line 3: column 15 (elapsed): found \"1x\"; allowed milliseconds >= 0");
  }

  @Test
  void parallelRead_leavesLoneCarriageReturnFilesToTheSequentialReader() throws IOException {
    Path file = dir.resolve("mac.jtl.csv");
    String row = "1700000000000,12,GET a,200,OK,T 1-1,text,true,,10,10,1,1,http://h/a,5,0,1";
    Files.writeString(file, HEADER + "\r\n" + row + "\r" + row + "\r\n");
    JMeterCsvReader reader = new JMeterCsvReader();

    assertThat(
            JtlCsvParts.read(
                reader, file, ReadOptions.DEFAULTS, new JtlCsvParts.Plan(16, 2, 0, 64)))
        .isNull();
    assertThat(reader.read(file, ReadOptions.DEFAULTS))
        .isEqualTo(reader.readSequentially(file, ReadOptions.DEFAULTS, null));
  }

  @Test
  void parallelRead_leavesGzipAndOverlongRecordsToTheSequentialReader() throws IOException {
    String row = "1700000000000,12,GET a,200,OK,T 1-1,text,true,,10,10,1,1,http://h/a,5,0,1\n";
    Path gz = dir.resolve("run.jtl.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write((HEADER + "\n" + row).getBytes(StandardCharsets.UTF_8));
    }
    Path longRecord = dir.resolve("long.jtl.csv");
    Files.writeString(
        longRecord,
        HEADER
            + "\n"
            + row
            + "1700000000000,12,GET a,200,\""
            + "x".repeat(InputLimits.MAX_LINE_CHARS)
            + "\",T 1-1,text,true,,10,10,1,1,http://h/a,5,0,1\n");
    JMeterCsvReader reader = new JMeterCsvReader();
    JtlCsvParts.Plan plan = new JtlCsvParts.Plan(64, 2, 0, 64);

    assertThat(JtlCsvParts.read(reader, gz, ReadOptions.DEFAULTS, plan)).isNull();
    assertThat(JtlCsvParts.read(reader, longRecord, ReadOptions.DEFAULTS, plan)).isNull();
  }

  @Test
  void parallelRead_ofFileBelowTheMinimum_isLeftToTheSequentialReader() throws IOException {
    Path file = dir.resolve("tiny.jtl.csv");
    Files.writeString(
        file,
        HEADER + "\n1700000000000,12,GET a,200,OK,T 1-1,text,true,,10,10,1,1,http://h/a,5,0,1\n");

    assertThat(
            JtlCsvParts.read(
                new JMeterCsvReader(),
                file,
                ReadOptions.DEFAULTS,
                new JtlCsvParts.Plan(16, 2, Files.size(file) + 1, 64)))
        .isNull();
  }

  /** The load test, or the problem the read threw: both must agree. */
  private static Object outcome(java.util.function.Supplier<LoadTest> read) {
    Throwable t = catchThrowable(read::get);
    if (t == null) {
      return read.get();
    }
    assertThat(t).isInstanceOf(BadInputException.class);
    return "BadInputException: " + t.getMessage();
  }

  /** A JMeter-like file with every kind of row that matters at a part boundary. */
  private static byte[] randomJtl(Random r) throws IOException {
    boolean aggregate = r.nextInt(4) == 0;
    String d = aggregate ? ";" : ",";
    String eol = r.nextBoolean() ? "\n" : "\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (r.nextInt(3) == 0) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    StringBuilder sb = new StringBuilder(aggregate ? AGGREGATE_HEADER : HEADER).append(eol);
    int rows = r.nextInt(400);
    long t = 1_700_000_000_000L;
    for (int i = 0; i < rows; i++) {
      t += r.nextInt(300);
      int threads = 1 << r.nextInt(4);
      int kind = r.nextInt(40);
      if (kind == 0) {
        sb.append(eol); // blank line
        continue;
      }
      String elapsed = String.valueOf(r.nextInt(2000));
      String success = r.nextInt(10) == 0 ? "false" : "true";
      String message = "OK";
      String label = "GET /a";
      String url = r.nextInt(5) == 0 ? "null" : "http://host-" + r.nextInt(3) + ".example/a";
      String dataType = "text";
      switch (kind) {
        case 1 -> elapsed = "\"" + elapsed + "\""; // a quoted number
        case 2 -> elapsed = "12x"; // skipped
        case 3 -> success = r.nextBoolean() ? "TRUE" : " false "; // edited by hand
        case 4 -> success = "maybe"; // skipped
        case 5 -> message = "\"Number of samples in transaction : 2, number of failing : 0\"";
        case 6 -> message = "\"line one" + eol + "line two, with a \"\"quote\"\"\"";
        case 7 -> message = "\"" + eol + eol + "\""; // only line breaks, inside quotes
        case 8 -> label = "\"GET ünïcödé 😀" + d + " x\"";
        case 9 -> label = "naïve 日本";
        case 10 -> message = "\"unclosed, \"\"then closed\"\"\" trailing";
        case 11 -> {
          sb.append(t).append(d).append(elapsed).append(eol); // too few fields
          continue;
        }
        case 12 -> elapsed = " 7 ";
        case 13 -> elapsed = "-4";
        case 14 -> {
          dataType = "";
          url = "null";
        }
        default -> {}
      }
      sb.append(t)
          .append(d)
          .append(elapsed)
          .append(d)
          .append(label)
          .append(d)
          .append(success.equals("true") ? "200" : "500")
          .append(d)
          .append(message)
          .append(d)
          .append("Thread Group 1-")
          .append(1 + r.nextInt(threads))
          .append(d)
          .append(dataType)
          .append(d)
          .append(success)
          .append(d)
          .append(d)
          .append(100 + r.nextInt(50))
          .append(d)
          .append(120)
          .append(d)
          .append(threads)
          .append(d)
          .append(threads)
          .append(d)
          .append(url)
          .append(d)
          .append(r.nextInt(100))
          .append(d)
          .append(0)
          .append(d)
          .append(r.nextInt(30));
      if (aggregate) {
        int count = 1 + r.nextInt(3);
        sb.append(d).append(count).append(d).append(r.nextInt(count + 1));
      }
      sb.append(eol);
    }
    int ending = r.nextInt(10);
    if (ending == 0 && sb.length() > 0) {
      sb.setLength(sb.length() - eol.length()); // no line break after the last row
    } else if (ending == 1) {
      sb.append(t).append(d).append("5").append(d).append("\"never closed").append(eol);
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    if (r.nextInt(8) == 0) {
      out.write(new byte[] {(byte) 0xC3, '(', (byte) 0xFF, ',', '\n'}); // malformed UTF-8
    }
    return out.toByteArray();
  }
}
