package dev.headroom.analysis.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.trace.Span;
import dev.headroom.ingest.trace.SpanKind;
import dev.headroom.ingest.trace.TraceFormat;
import dev.headroom.ingest.trace.TraceInput;
import dev.headroom.ingest.trace.TraceReader;
import dev.headroom.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Layers, union arithmetic, skew, orphans and N+1 detection against closed-form answers. */
class TraceAnalyzerTest {

  private static final Path DIR = Path.of("src", "test", "resources", "ingest", "trace");
  private static final long MS = 1_000_000L;
  private static final long US = 1_000L;

  private static TraceAnalysis fixture(String name) {
    return TraceAnalyzer.analyze(
        TraceReader.read(List.of(DIR.resolve(name))), TraceSettings.defaults());
  }

  private static Span span(
      String id, String parent, SpanKind kind, long startMs, long endMs, Map<String, String> tags) {
    return new Span(
        "t1",
        id,
        parent,
        "op-" + id,
        kind,
        startMs * MS,
        (endMs - startMs) * MS,
        "svc",
        "",
        tags,
        false,
        new SourceLocation("test", 0, 0));
  }

  private static TraceAnalysis analyze(List<Span> spans) {
    return TraceAnalyzer.analyze(new TraceInput(spans, List.of()), TraceSettings.defaults());
  }

  private static final Map<String, String> DB = Map.of("db.system", "postgresql");
  private static final Map<String, String> CACHE = Map.of("db.system", "redis");

  @Test
  void zipkinSimpleDb_fourQueriesOf11616MicrosecondsInA252msRequest() {
    TraceAnalysis a = fixture("zipkin-v2-simple-db-p6.json");
    assertThat(a.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("http:/book");
              assertThat(r.durationNanos()).isEqualTo(252_016 * US);
              assertThat(r.databaseCalls()).isEqualTo(4);
              // 2033 + 2414 + 6051 + 1118 µs, none overlapping
              assertThat(r.layerNanos().get(TimeLayer.DATABASE)).isEqualTo(11_616 * US);
              assertThat(r.layerNanos().get(TimeLayer.OWN_CODE)).isEqualTo((252_016 - 11_616) * US);
              assertThat(r.spans()).isEqualTo(5);
            });
    assertThat(a.shares().get(TimeLayer.DATABASE).mean())
        .isCloseTo(11_616.0 / 252_016, within(1e-12));
    assertThat(a.quality().orphans()).isZero();
    assertThat(a.quality().skewed()).isZero();
    assertThat(a.suspects()).isEmpty();
  }

  @Test
  void zipkinSkew_movesTheSharedServerSpan65msIntoItsClientAndSaysSo() {
    TraceAnalysis a = fixture("zipkin-v2-skew.json");
    assertThat(a.quality().skewed()).isEqualTo(1);
    assertThat(a.quality().maxSkewNanos()).isEqualTo(65_441 * US);
    assertThat(a.quality().clamped()).isZero();
    assertThat(a.quality().orphans()).isZero();
    assertThat(a.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("get");
              assertThat(r.durationNanos()).isEqualTo(99_411 * US);
              assertThat(r.spans())
                  .isEqualTo(4); // client and server of the shared id are two spans
              assertThat(r.share(TimeLayer.OWN_CODE)).isEqualTo(1.0);
            });
    // the call between servicea and serviceb: 94539 µs at the client, 93577 µs at the server
    assertThat(a.networkRttNanos().count()).isEqualTo(1);
    assertThat(a.networkRttNanos().p95()).isEqualTo(962 * US);
  }

  @Test
  void otlpExample_aTraceWithoutRootTakesItsOrphanAsTheRequest() {
    TraceAnalysis a = fixture("otlp-traces-example.json");
    assertThat(a.quality().rootlessTraces()).isEqualTo(1);
    assertThat(a.quality().orphans()).isEqualTo(1);
    assertThat(a.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.durationNanos()).isEqualTo(1_000 * MS);
              assertThat(r.service()).isEqualTo("my.service");
            });
  }

  @Test
  void otlpTelemetrygen_keepsTheDuplicateSpanOnce() {
    TraceAnalysis a = fixture("otlp-traces-telemetrygen.json");
    assertThat(a.quality().spans()).isEqualTo(2);
    assertThat(a.quality().duplicates()).isEqualTo(1);
    assertThat(a.requests()).singleElement().satisfies(r -> assertThat(r.spans()).isEqualTo(1));
  }

  @ParameterizedTest
  @EnumSource(TraceFormat.class)
  void handBuiltNPlusOne_isFoundTheSameWayInEveryFormat(TraceFormat format) {
    TraceInput in = TraceFixtures.read(format);
    assertThat(in.files().get(0).format()).isEqualTo(format);
    TraceAnalysis a = TraceAnalyzer.analyze(in, TraceSettings.defaults());
    RequestBreakdown r = a.requests().get(0);
    assertThat(a.requests()).hasSize(1);
    assertThat(r.name()).isEqualTo("GET /authors/7/books");
    assertThat(r.durationNanos()).isEqualTo(100 * MS);
    assertThat(r.databaseCalls()).isEqualTo(13);
    assertThat(r.layerNanos())
        .containsEntry(TimeLayer.DATABASE, 50 * MS)
        .containsEntry(TimeLayer.CACHE, 2 * MS)
        .containsEntry(TimeLayer.EXTERNAL, 10 * MS)
        .containsEntry(TimeLayer.OWN_CODE, 38 * MS);
    assertThat(a.suspects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.statement())
                  .isEqualTo("SELECT * FROM book WHERE author_id = ? AND n = ?");
              assertThat(s.byStatement()).isTrue();
              assertThat(s.count()).isEqualTo(TraceFixtures.LOOP);
              assertThat(s.sequential()).isTrue();
              assertThat(s.traceId()).isEqualTo(TraceFixtures.TRACE);
              assertThat(s.totalNanos()).isEqualTo(48 * MS);
            });
    assertThat(a.requestsWithSuspects()).isEqualTo(1);
    assertThat(a.queriesPerRequest().p95()).isEqualTo(13);
  }

  @Test
  void overlappingCalls_countOnceInTheirLayerAndInOwnCode() {
    // root 0-100 ms; database 10-30 and 20-40 (union 30); cache 35-50 (15); all calls 10-50 (40)
    TraceAnalysis a =
        analyze(
            List.of(
                span("01", "", SpanKind.SERVER, 0, 100, Map.of()),
                span("02", "01", SpanKind.CLIENT, 10, 30, DB),
                span("03", "01", SpanKind.CLIENT, 20, 40, DB),
                span("04", "01", SpanKind.CLIENT, 35, 50, CACHE)));
    RequestBreakdown r = a.requests().get(0);
    assertThat(r.layerNanos())
        .containsEntry(TimeLayer.DATABASE, 30 * MS)
        .containsEntry(TimeLayer.CACHE, 15 * MS)
        .containsEntry(TimeLayer.EXTERNAL, 0L)
        .containsEntry(TimeLayer.OWN_CODE, 60 * MS);
  }

  @Test
  void aCallsOwnChildren_areNotCountedAgainAndInternalSpansAreLookedThrough() {
    // an internal span 5-60 holds a query 10-20 that has a driver span 11-19 of its own
    TraceAnalysis a =
        analyze(
            List.of(
                span("01", "", SpanKind.SERVER, 0, 100, Map.of()),
                span("02", "01", SpanKind.INTERNAL, 5, 60, Map.of()),
                span("03", "02", SpanKind.CLIENT, 10, 20, DB),
                span("04", "03", SpanKind.CLIENT, 11, 19, DB)));
    RequestBreakdown r = a.requests().get(0);
    assertThat(r.databaseCalls()).isEqualTo(1);
    assertThat(r.layerNanos().get(TimeLayer.DATABASE)).isEqualTo(10 * MS);
    assertThat(r.layerNanos().get(TimeLayer.OWN_CODE)).isEqualTo(90 * MS);
  }

  @Test
  void aChildRunningPastItsParent_isCutAtTheParentsEnd() {
    TraceAnalysis a =
        analyze(
            List.of(
                span("01", "", SpanKind.SERVER, 0, 100, Map.of()),
                span("02", "01", SpanKind.CLIENT, 90, 130, DB)));
    assertThat(a.quality().clamped()).isEqualTo(1);
    assertThat(a.requests().get(0).layerNanos().get(TimeLayer.DATABASE)).isEqualTo(10 * MS);
  }

  @Test
  void orphansInATraceWithARoot_areCountedAndLeftOut() {
    TraceAnalysis a =
        analyze(
            List.of(
                span("01", "", SpanKind.SERVER, 0, 100, Map.of()),
                span("02", "99", SpanKind.CLIENT, 10, 30, DB)));
    assertThat(a.quality().orphans()).isEqualTo(1);
    assertThat(a.quality().rootlessTraces()).isZero();
    assertThat(a.requests()).singleElement().satisfies(r -> assertThat(r.databaseCalls()).isZero());
  }

  @Test
  void spansWhoseParentsLoop_areCountedAndNeverHang() {
    TraceAnalysis a =
        analyze(
            List.of(
                span("01", "", SpanKind.SERVER, 0, 100, Map.of()),
                span("02", "03", SpanKind.CLIENT, 10, 30, DB),
                span("03", "02", SpanKind.CLIENT, 10, 30, DB)));
    assertThat(a.quality().cyclic()).isEqualTo(2);
    assertThat(a.requests()).hasSize(1);
  }

  @Test
  void repeatedQueriesThatOverlap_areNotNPlusOneSuspects() {
    List<Span> spans = new ArrayList<>();
    spans.add(span("01", "", SpanKind.SERVER, 0, 100, Map.of()));
    for (int i = 0; i < 12; i++) {
      spans.add(
          span(
              String.format("a%02d", i),
              "01",
              SpanKind.CLIENT,
              10,
              20,
              Map.of(
                  "db.system", "postgresql", "db.statement", "select * from t where id = " + i)));
    }
    TraceAnalysis a = analyze(spans);
    assertThat(a.suspects()).isEmpty();
    assertThat(a.parallelRepeats()).isEqualTo(1);
    assertThat(a.requests().get(0).repeated())
        .singleElement()
        .satisfies(q -> assertThat(q.sequential()).isFalse());
  }

  @Test
  void withoutStatements_repeatedSpanNamesAreTheSuspects() {
    List<Span> spans = new ArrayList<>();
    spans.add(span("01", "", SpanKind.SERVER, 0, 100, Map.of()));
    for (int i = 0; i < 11; i++) {
      spans.add(
          new Span(
              "t1",
              String.format("b%02d", i),
              "01",
              "SELECT orders",
              SpanKind.CLIENT,
              (2 + 5L * i) * MS,
              3 * MS,
              "svc",
              "",
              DB,
              false,
              new SourceLocation("t", 0, 0)));
    }
    TraceAnalysis a = analyze(spans);
    assertThat(a.suspects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.statement()).isEqualTo("SELECT orders");
              assertThat(s.byStatement()).isFalse();
              assertThat(s.count()).isEqualTo(11);
            });
    TraceAnalysis strict =
        TraceAnalyzer.analyze(new TraceInput(spans, List.of()), new TraceSettings(12));
    assertThat(strict.suspects()).isEmpty();
  }

  /**
   * Property: whatever the calls, each layer's time and own code lie within the request, own code
   * plus the largest layer never exceeds it, and own code plus all layers never falls short of it
   * (overlaps count once in own code, at most once per layer).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void layersAndOwnCode_stayWithinTheRequestAndCoverIt(long seed) {
    Random rnd = new Random(seed);
    List<Span> spans = new ArrayList<>();
    long duration = 50 + rnd.nextInt(500);
    spans.add(span("01", "", SpanKind.SERVER, 0, duration, Map.of()));
    int n = rnd.nextInt(30);
    for (int i = 0; i < n; i++) {
      long from = rnd.nextInt((int) duration + 40) - 20; // some start early, some end late
      long to = from + rnd.nextInt(60);
      Map<String, String> tags =
          switch (rnd.nextInt(4)) {
            case 0 -> DB;
            case 1 -> CACHE;
            case 2 -> Map.of("http.url", "https://x.example");
            default -> Map.of();
          };
      spans.add(span(String.format("c%03d", i), "01", SpanKind.CLIENT, from, to, tags));
    }
    RequestBreakdown r = analyze(spans).requests().get(0);
    long own = r.layerNanos().get(TimeLayer.OWN_CODE);
    long sum = 0;
    long max = 0;
    for (TimeLayer l : TimeLayer.values()) {
      long t = r.layerNanos().get(l);
      assertThat(t).isBetween(0L, r.durationNanos());
      if (l != TimeLayer.OWN_CODE) {
        sum += t;
        max = Math.max(max, t);
      }
    }
    assertThat(own + max).isLessThanOrEqualTo(r.durationNanos());
    assertThat(own + sum).isGreaterThanOrEqualTo(r.durationNanos());
  }
}
