package dev.headroom.ingest.gatling;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the binary {@code simulation.log} of Gatling 3.13 and later into {@link GatlingEvents},
 * streaming with a {@link DataInputStream}. See {@link GatlingLogReader} for the layout.
 *
 * <p>The layout is Gatling's internal format and undocumented, so this decoder is strict: an
 * unknown record type byte, an impossible string length or a back-reference to a string never
 * defined stops the read with the byte offset. A file that ends inside a record (Gatling killed
 * mid-write) keeps the records before it and reports the partial one as skipped.
 */
final class GatlingBinaryLog {

  static final int RUN = 0;
  static final int REQUEST = 1;
  static final int USER = 2;
  static final int GROUP = 3;
  static final int ERROR = 4;

  /** Longer strings than this are taken as corruption rather than allocated. */
  private static final int MAX_STRING_BYTES = 1 << 24;

  private final Path file;
  private final CountingInputStream counter;
  private final DataInputStream in;
  private final Map<Integer, String> cache = new HashMap<>();
  private List<String> scenarios = List.of();
  private long runStart;

  private GatlingBinaryLog(Path file, InputStream raw) {
    this.file = file;
    this.counter = new CountingInputStream(raw);
    this.in = new DataInputStream(counter);
  }

  /** Whether {@code head} starts like a binary log: a RUN byte, then a short version string. */
  static boolean looksBinary(byte[] head) {
    if (head.length < 7 || head[0] != RUN) {
      return false;
    }
    int len =
        ((head[1] & 0xff) << 24)
            | ((head[2] & 0xff) << 16)
            | ((head[3] & 0xff) << 8)
            | (head[4] & 0xff);
    if (len < 3 || len > 32 || head.length < 5 + len) {
      return false;
    }
    for (int i = 5; i < 5 + len; i++) {
      byte b = head[i];
      if (!(b >= '0' && b <= '9')
          && b != '.'
          && b != '-'
          && !(b >= 'A' && b <= 'Z')
          && !(b >= 'a' && b <= 'z')) {
        return false;
      }
    }
    return head[5] >= '0' && head[5] <= '9';
  }

  /** Reads every record of {@code raw}, which is positioned at the first byte of the file. */
  static void parse(Path file, InputStream raw, GatlingEvents events) throws IOException {
    new GatlingBinaryLog(file, raw).parse(events);
  }

  private void parse(GatlingEvents events) throws IOException {
    boolean first = true;
    while (true) {
      long recordStart = counter.count;
      int type = in.read();
      if (type < 0) {
        if (first) {
          throw corrupt(recordStart, "an empty file", "a RUN record first");
        }
        return;
      }
      if (first && type != RUN) {
        throw corrupt(
            recordStart, "record type byte " + hex(type) + " first", "a RUN record (type 0) first");
      }
      try {
        switch (type) {
          case RUN -> readRun(events);
          case REQUEST -> readRequest(events);
          case USER -> readUser(events);
          case GROUP -> readGroup(events);
          case ERROR -> readError(events);
          default ->
              throw corrupt(
                  recordStart,
                  "unknown record type byte " + hex(type),
                  "0 RUN, 1 REQUEST, 2 USER, 3 GROUP or 4 ERROR (Gatling 3.13-3.14 binary layout)");
        }
      } catch (EOFException e) {
        if (first) {
          throw corrupt(
              recordStart,
              "the file ending inside the RUN header at byte " + counter.count,
              "a complete RUN record");
        }
        events.skipped(
            "byte " + recordStart,
            "the file ends inside a "
                + name(type)
                + " record (truncated after "
                + counter.count
                + " bytes)");
        return;
      }
      first = false;
    }
  }

  private void readRun(GatlingEvents events) throws IOException {
    String version = readString();
    String simulation = readString();
    long at = counter.count;
    runStart = in.readLong();
    if (runStart < 0 || runStart > GatlingTextLog.MAX_EPOCH_MS) {
      // offsets are added to the start and the sum kept in microseconds: refuse what would overflow
      throw corrupt(
          at,
          "a run start of " + runStart + " epoch ms",
          "0 to " + GatlingTextLog.MAX_EPOCH_MS + " (9999-12-31)");
    }
    readString(); // description
    int n = readCount("scenario count");
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(readString());
    }
    scenarios = List.copyOf(names);
    int assertions = readCount("assertion count");
    for (int i = 0; i < assertions; i++) {
      int len = readCount("assertion length");
      in.readFully(new byte[len]); // boopickle-serialised assertion: not needed here
    }
    events.run(version, simulation, runStart, scenarios);
    for (int i = 0; i < assertions; i++) {
      events.assertion();
    }
  }

  private void readUser(GatlingEvents events) throws IOException {
    long at = counter.count;
    int scenario = in.readInt();
    boolean start = in.readBoolean();
    int offset = in.readInt();
    if (scenario < 0 || scenario >= scenarios.size()) {
      throw corrupt(
          at,
          "scenario index " + scenario,
          "an index below the " + scenarios.size() + " scenarios of the RUN record");
    }
    events.user(scenarios.get(scenario), start, runStart + offset);
  }

  private void readRequest(GatlingEvents events) throws IOException {
    readGroups();
    readCached(); // request name
    int start = in.readInt();
    int end = in.readInt();
    boolean ok = in.readBoolean();
    readCached(); // message
    if (end < start) {
      events.skipped(
          "byte " + counter.count,
          "REQUEST ends (" + end + " ms) before it starts (" + start + " ms)");
      return;
    }
    events.request(runStart + start, runStart + end, ok);
  }

  private void readGroup(GatlingEvents events) throws IOException {
    readGroups();
    in.readInt(); // start
    in.readInt(); // end
    in.readInt(); // cumulated response time
    in.readBoolean();
    events.group();
  }

  private void readError(GatlingEvents events) throws IOException {
    readCached();
    in.readInt();
    events.error();
  }

  private void readGroups() throws IOException {
    int n = readCount("group count");
    for (int i = 0; i < n; i++) {
      readCached();
    }
  }

  /**
   * A cached string: a positive index defines it (the string follows), a negative one refers back.
   */
  private String readCached() throws IOException {
    long at = counter.count;
    int idx = in.readInt();
    if (idx > 0) {
      String s = readString();
      cache.put(idx, s);
      return s;
    }
    String s = idx == 0 ? null : cache.get(-idx);
    if (s == null) {
      throw corrupt(
          at,
          "string reference " + idx + " to no string defined before",
          "a new index (> 0) or -index of an earlier string");
    }
    return s;
  }

  /**
   * {@code int32 len}, then the bytes of Java's internal array and a coder byte (absent when len is
   * 0).
   */
  private String readString() throws IOException {
    long at = counter.count;
    int len = in.readInt();
    if (len == 0) {
      return "";
    }
    if (len < 0 || len > MAX_STRING_BYTES) {
      throw corrupt(at, "string length " + len, "0 to " + MAX_STRING_BYTES + " bytes");
    }
    byte[] bytes = new byte[len];
    in.readFully(bytes);
    int coder = in.readUnsignedByte();
    return switch (coder) {
      case 0 -> new String(bytes, StandardCharsets.ISO_8859_1);
      // Java's UTF-16 strings are stored in the writer's native order: little-endian on x86-64 and
      // AArch64
      case 1 -> new String(bytes, StandardCharsets.UTF_16LE);
      default ->
          throw corrupt(
              counter.count - 1, "string coder byte " + hex(coder), "0 (Latin-1) or 1 (UTF-16)");
    };
  }

  private int readCount(String what) throws IOException {
    long at = counter.count;
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING_BYTES) {
      throw corrupt(at, what + " " + n, "0 to " + MAX_STRING_BYTES);
    }
    return n;
  }

  private BadInputException corrupt(long offset, String found, String allowed) {
    return new BadInputException(
        new InputProblem(
            file.toString(), 0, 0, "", found + " at byte offset " + offset, allowed, null));
  }

  private static String name(int type) {
    return switch (type) {
      case RUN -> "RUN";
      case REQUEST -> "REQUEST";
      case USER -> "USER";
      case GROUP -> "GROUP";
      case ERROR -> "ERROR";
      default -> "unknown";
    };
  }

  private static String hex(int b) {
    return String.format(Locale.ROOT, "0x%02x", b);
  }

  /** Counts bytes read so that problems can name their byte offset. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(n);
      count += k;
      return k;
    }
  }
}
