package dev.headroom.ingest.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: the same run written in the 3.4+ text layout, the 3.0–3.3 userId layout and the binary
 * layout reads to the same counts, latencies and steps (equivalent set-ups give equal results).
 * Runs are random but seeded; the binary encoder below follows the layout documented in {@link
 * GatlingLogReader}.
 */
class GatlingLayoutsEquivalenceTest {

  @TempDir Path dir;

  record Req(int user, long start, long end, boolean ok, String name) {}

  record Run(long t0, List<long[]> users, List<Req> requests) {}

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  private static Run randomRun(long seed) {
    Random rnd = new Random(seed);
    long t0 = 1_700_000_000_000L + rnd.nextInt(1_000_000);
    int nUsers = 1 + rnd.nextInt(12);
    List<long[]> users = new ArrayList<>();
    List<Req> reqs = new ArrayList<>();
    for (int u = 0; u < nUsers; u++) {
      long start = t0 + rnd.nextInt(5000);
      long t = start;
      int n = 1 + rnd.nextInt(20);
      for (int i = 0; i < n; i++) {
        long s = t + rnd.nextInt(50);
        long e = s + rnd.nextInt(400);
        reqs.add(new Req(u + 1, s, e, rnd.nextInt(10) > 0, "r" + rnd.nextInt(4)));
        t = e;
      }
      users.add(new long[] {start, t + 1 + rnd.nextInt(10)});
    }
    // records are written on completion
    reqs.sort((a, b) -> Long.compare(a.end(), b.end()));
    return new Run(t0, users, reqs);
  }

  private static String text(Run run, boolean userId) {
    List<long[]> lines = new ArrayList<>(); // time, kind, index
    StringBuilder sb = new StringBuilder();
    sb.append("RUN\tsim.Sim\tsim\t")
        .append(run.t0())
        .append("\t \t")
        .append(userId ? "3.3.1" : "3.10.5")
        .append('\n');
    for (int u = 0; u < run.users().size(); u++) {
      lines.add(new long[] {run.users().get(u)[0], 0, u});
      lines.add(new long[] {run.users().get(u)[1], 2, u});
    }
    for (int i = 0; i < run.requests().size(); i++) {
      lines.add(new long[] {run.requests().get(i).end(), 1, i});
    }
    lines.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    for (long[] l : lines) {
      if (l[1] == 1) {
        Req r = run.requests().get((int) l[2]);
        sb.append("REQUEST\t")
            .append(userId ? r.user() + "\t" : "")
            .append("\t")
            .append(r.name())
            .append('\t')
            .append(r.start())
            .append('\t')
            .append(r.end())
            .append('\t')
            .append(r.ok() ? "OK" : "KO")
            .append('\t')
            .append(r.ok() ? " " : "status.find.is(200), but actually found 500")
            .append('\n');
      } else {
        long[] u = run.users().get((int) l[2]);
        sb.append("USER\tscn\t")
            .append(userId ? (l[2] + 1) + "\t" : "")
            .append(l[1] == 0 ? "START" : "END")
            .append('\t')
            .append(userId ? u[0] + "\t" + l[0] : l[0])
            .append('\n');
      }
    }
    return sb.toString();
  }

  private static byte[] binary(Run run) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    Map<String, Integer> cache = new HashMap<>();
    out.writeByte(0);
    string(out, "3.14.9");
    string(out, "sim.Sim");
    out.writeLong(run.t0());
    string(out, "");
    out.writeInt(1);
    string(out, "scn");
    out.writeInt(0);
    List<long[]> events = new ArrayList<>();
    for (int u = 0; u < run.users().size(); u++) {
      events.add(new long[] {run.users().get(u)[0], 0, u});
      events.add(new long[] {run.users().get(u)[1], 2, u});
    }
    for (int i = 0; i < run.requests().size(); i++) {
      events.add(new long[] {run.requests().get(i).end(), 1, i});
    }
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    for (long[] e : events) {
      if (e[1] == 1) {
        Req r = run.requests().get((int) e[2]);
        out.writeByte(1);
        out.writeInt(0);
        cached(out, cache, r.name());
        out.writeInt((int) (r.start() - run.t0()));
        out.writeInt((int) (r.end() - run.t0()));
        out.writeBoolean(r.ok());
        cached(out, cache, r.ok() ? "" : "status.find.is(200), but actually found 500");
      } else {
        out.writeByte(2);
        out.writeInt(0);
        out.writeBoolean(e[1] == 0);
        out.writeInt((int) (e[0] - run.t0()));
      }
    }
    return bytes.toByteArray();
  }

  private static void cached(DataOutputStream out, Map<String, Integer> cache, String s)
      throws IOException {
    Integer idx = cache.get(s);
    if (idx != null) {
      out.writeInt(-idx);
    } else {
      idx = cache.size() + 1;
      cache.put(s, idx);
      out.writeInt(idx);
      string(out, s);
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    out.writeInt(b.length);
    if (b.length > 0) {
      out.write(b);
      out.writeByte(0);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void read_sameRunInEveryLayout_givesTheSameResult(long seed) throws IOException {
    Run run = randomRun(seed);
    Path text = Files.writeString(dir.resolve("text.log"), text(run, false));
    Path userId = Files.writeString(dir.resolve("userid.log"), text(run, true));
    Path bin = Files.write(dir.resolve("binary.log"), binary(run));
    GatlingLogReader reader = new GatlingLogReader();

    GatlingRun a = reader.summarize(text);
    GatlingRun b = reader.summarize(userId);
    GatlingRun c = reader.summarize(bin);
    assertThat(a.layout()).isEqualTo(GatlingLogLayout.TEXT);
    assertThat(b.layout()).isEqualTo(GatlingLogLayout.TEXT_WITH_USER_ID);
    assertThat(c.layout()).isEqualTo(GatlingLogLayout.BINARY);
    long ko = run.requests().stream().filter(r -> !r.ok()).count();
    for (GatlingRun r : List.of(a, b, c)) {
      assertThat(r.requests()).isEqualTo(run.requests().size());
      assertThat(r.ko()).isEqualTo(ko);
      assertThat(r.userStarts()).isEqualTo(run.users().size());
      assertThat(r.maxActiveUsers()).isBetween(1, run.users().size());
      assertThat(r.latency()).isEqualTo(a.latency());
      assertThat(r.minResponseMs()).isEqualTo(a.minResponseMs());
      assertThat(r.requestSpanSeconds()).isEqualTo(a.requestSpanSeconds());
    }
    LoadTest ta = reader.read(text, ReadOptions.DEFAULTS);
    LoadTest tb = reader.read(userId, ReadOptions.DEFAULTS);
    LoadTest tc = reader.read(bin, ReadOptions.DEFAULTS);
    assertThat(tb.steps()).isEqualTo(ta.steps());
    assertThat(tc.steps()).isEqualTo(ta.steps());
    assertThat(ta.steps().stream().mapToLong(s -> s.requests()).sum())
        .isEqualTo(run.requests().size());
    // no step exceeds the number of users, and levels are whole users
    assertThat(ta.steps())
        .allMatch(
            s ->
                s.concurrency() >= 1
                    && s.concurrency() <= run.users().size()
                    && s.concurrency() == Math.rint(s.concurrency()));
  }
}
