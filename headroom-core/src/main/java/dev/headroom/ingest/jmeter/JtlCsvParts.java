package dev.headroom.ingest.jmeter;

import dev.headroom.ingest.csv.ByteCsvTokenizer;
import dev.headroom.ingest.loadtest.InputLimits;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a large plain JTL CSV in parts, one thread per core, with the same result as {@link
 * JMeterCsvReader#readSequentially}, bit for bit.
 *
 * <p><b>Splitting.</b> Part k nominally starts {@code k × chunkBytes} after the header; its worker
 * starts at the first line start at or after that offset and reads the records that start before
 * the next part's nominal start (the last one may run on). A line start is a record start unless a
 * quoted field holds a line break there: JMeter quotes a field that holds the delimiter, a quote or
 * a line break (a response or failure message may hold one), so this does happen. Each part is
 * therefore checked in file order: the part before it, read from a record start it was checked to
 * have, ended at some offset; if that is where this part started, this part started at a record
 * start too; if not, the guess was inside a quoted field, and the part is read again from where the
 * part before ended (on the merging thread; only such parts are read twice). Part 0 starts right
 * after the header, a record start. By induction every accepted part is read from a record start,
 * exactly as the sequential reader reads it.
 *
 * <p><b>Merging.</b> Each part records into its own {@link JtlSamples}; they are added in file
 * order ({@link JtlSamples#add}): counts and HdrHistogram buckets add exactly, latency sums are
 * exact integers, skipped rows keep their order and get their lines from the line feeds of the
 * parts before. Memory is bounded by {@code workers + 1} parts in flight, whatever the file size.
 *
 * <p><b>Not read here</b> (the sequential reader reads them, with the same answer): gzip files (a
 * stream cannot be split), files below {@link Plan#minBytes()} (threads cost more than they save),
 * headers that are not a plain line of at most {@link InputLimits#MAX_LINE_CHARS} bytes, and files
 * with a line ended by a carriage return alone or a record longer than that limit ({@link
 * ByteCsvTokenizer.NotSplittable}), where the sequential reader's line counting or limits decide.
 */
final class JtlCsvParts {

  /**
   * How to split a file.
   *
   * @param chunkBytes nominal part size; each worker holds one part's results at a time
   * @param workers threads reading parts
   * @param minBytes smaller files are read sequentially
   * @param bufferBytes each tokenizer's initial read buffer
   */
  record Plan(long chunkBytes, int workers, long minBytes, int bufferBytes) {

    /**
     * 8 MiB parts give a 200 MB file 24 parts: enough to keep both cores busy to the end, few
     * enough that merging (a few histograms per part) costs nothing measurable. Below 16 MiB the
     * sequential reader is used: a file that small is read in well under a second, mostly before
     * the JIT has compiled the reader, and a thread pool only adds start-up work. A 1 MiB buffer is
     * read with one positional read per MiB.
     */
    static final Plan DEFAULT =
        new Plan(8L << 20, Runtime.getRuntime().availableProcessors(), 16L << 20, 1 << 20);

    Plan {
      if (chunkBytes < 1 || workers < 1 || minBytes < 0 || bufferBytes < 2) {
        throw new IllegalArgumentException(
            "need chunkBytes >= 1, workers >= 1, minBytes >= 0, bufferBytes >= 2; got "
                + chunkBytes
                + ", "
                + workers
                + ", "
                + minBytes
                + ", "
                + bufferBytes);
      }
    }
  }

  /** What one part read: from where to where, the line feeds it spans, and its samples. */
  private record Part(
      long start, long end, long lineFeeds, long lastRecordLine, JtlSamples samples) {}

  /** A part's outcome: read, or failed (which only counts if it started at a record start). */
  private record Outcome(long start, Part part, Exception failure) {}

  /** The header's bytes: where the first record starts, and the line itself. */
  private record HeaderLine(long end, String text) {}

  private JtlCsvParts() {}

  /**
   * Reads {@code file} in parts, or returns null when it is to be read sequentially (see the class
   * comment); problems in the file throw as the sequential reader throws them.
   */
  static LoadTest read(JMeterCsvReader reader, Path file, ReadOptions options, Plan plan) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      long size = channel.size();
      if (size < plan.minBytes() || size < 2) {
        return null;
      }
      HeaderLine headerLine = headerLine(channel, size);
      if (headerLine == null) {
        return null;
      }
      JMeterCsvReader.Header header = JMeterCsvReader.header(file, headerLine.text());
      return readParts(reader, file, options, plan, channel, size, headerLine.end(), header);
    } catch (IOException e) {
      // an unreadable file: the sequential reader says so, naming it
      return null;
    }
  }

  /**
   * The first line as {@link java.io.BufferedReader#readLine()} reads it from the decoded text
   * (without the byte-order mark the sequential reader drops), or null for a file that starts
   * gzip's magic bytes, whose first line is longer than the line limit or ends with a carriage
   * return alone.
   */
  private static HeaderLine headerLine(FileChannel channel, long size) throws IOException {
    int want = (int) Math.min(size, InputLimits.MAX_LINE_CHARS + 5L);
    ByteBuffer b = ByteBuffer.allocate(want);
    while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
      // positional reads until the head is in
    }
    byte[] head = b.array();
    int n = b.position();
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return null;
    }
    int from =
        n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
            ? 3
            : 0;
    for (int i = from; i < n; i++) {
      if (head[i] == '\n' || head[i] == '\r') {
        if (i - from > InputLimits.MAX_LINE_CHARS) {
          return null;
        }
        int end = i + 1;
        if (head[i] == '\r') {
          if (end >= n || head[end] != '\n') {
            return null;
          }
          end++;
        }
        return new HeaderLine(end, new String(head, from, i - from, StandardCharsets.UTF_8));
      }
    }
    return null;
  }

  private static LoadTest readParts(
      JMeterCsvReader reader,
      Path file,
      ReadOptions options,
      Plan plan,
      FileChannel channel,
      long size,
      long headerEnd,
      JMeterCsvReader.Header header) {
    long parts = Math.max(1, (size - headerEnd + plan.chunkBytes() - 1) / plan.chunkBytes());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            (int) Math.min(plan.workers(), parts),
            r -> {
              Thread t = new Thread(r, "headroom-jtl-part");
              t.setDaemon(true);
              return t;
            });
    try {
      Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
      long submitted = 0;
      JtlSamples total = new JtlSamples(file, null);
      if (header.columns().responseMessage < 0 && header.columns().dataType < 0) {
        total.transactionsUndetectable();
      }
      long expected = headerEnd;
      long lineBase = 2;
      long lastLine = 0;
      for (long k = 0; k < parts; k++) {
        while (submitted < parts && inFlight.size() <= plan.workers()) {
          long part = submitted++;
          inFlight.add(
              pool.submit(() -> guess(file, plan, channel, size, headerEnd, header, parts, part)));
        }
        Outcome o = inFlight.removeFirst().get();
        Part p = o.part();
        if (o.start() != expected) {
          // the guessed start was inside a quoted field (or past it): read again from the record
          // start the part before ended at
          p =
              readPart(
                  file,
                  plan,
                  channel,
                  size,
                  header,
                  expected,
                  stopOf(plan, size, headerEnd, parts, k));
        } else if (o.failure() instanceof ByteCsvTokenizer.NotSplittable) {
          return null;
        } else if (o.failure() instanceof IOException e) {
          throw e;
        } else if (o.failure() instanceof RuntimeException e) {
          throw e;
        }
        total.add(p.samples(), lineBase - 1);
        if (p.lastRecordLine() > 0) {
          lastLine = lineBase - 1 + p.lastRecordLine();
        }
        lineBase += p.lineFeeds();
        expected = p.end();
      }
      return total.finish(reader.format(), JMeterCsvReader.PRODUCER, options, lastLine);
    } catch (ByteCsvTokenizer.NotSplittable | IOException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a part of " + file + " could not be read", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + file, e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Where part {@code k}'s records stop starting: the next part's nominal start, or the end. */
  private static long stopOf(Plan plan, long size, long headerEnd, long parts, long k) {
    return k + 1 >= parts ? size : headerEnd + (k + 1) * plan.chunkBytes();
  }

  /**
   * Reads part {@code k} from its guessed start, on a worker; failures are returned, not thrown.
   */
  private static Outcome guess(
      Path file,
      Plan plan,
      FileChannel channel,
      long size,
      long headerEnd,
      JMeterCsvReader.Header header,
      long parts,
      long k) {
    long start = headerEnd;
    try {
      if (k > 0) {
        start =
            ByteCsvTokenizer.nextLineStart(channel, headerEnd + k * plan.chunkBytes() - 1, size);
      }
      long stop = stopOf(plan, size, headerEnd, parts, k);
      return new Outcome(start, readPart(file, plan, channel, size, header, start, stop), null);
    } catch (IOException | ByteCsvTokenizer.NotSplittable | RuntimeException e) {
      return new Outcome(start, null, e);
    }
  }

  /** Reads the records that start in [start, stop), {@code start} being a record start. */
  private static Part readPart(
      Path file,
      Plan plan,
      FileChannel channel,
      long size,
      JMeterCsvReader.Header header,
      long start,
      long stop)
      throws IOException, ByteCsvTokenizer.NotSplittable {
    JtlSamples samples = new JtlSamples(file, null);
    ByteCsvTokenizer csv =
        new ByteCsvTokenizer(channel, start, stop, size, header.delimiter(), plan.bufferBytes());
    long last = 0;
    while (csv.next()) {
      last = csv.line();
      if (csv.blank()) {
        continue;
      }
      JMeterCsvReader.row(csv, header.columns(), samples);
    }
    return new Part(start, csv.offset(), csv.lineFeeds(), last, samples);
  }
}
