package dev.headroom.ingest.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers against the real samples' documented facts (FORMATS.md §7) and against bad input. */
class TraceReaderTest {

  private static final Path DIR = Path.of("src", "test", "resources", "ingest", "trace");

  private static TraceInput fixture(String name) {
    return TraceReader.read(List.of(DIR.resolve(name)));
  }

  private static TraceInput text(String json) {
    return TraceReader.read(
        "inline.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void otlpExample_oneServerSpanOfOneSecondWithStringNanos() {
    TraceInput in = fixture("otlp-traces-example.json");
    assertThat(in.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.format()).isEqualTo(TraceFormat.OTLP_JSON);
              assertThat(f.spans()).isEqualTo(1);
            });
    Span s = in.spans().get(0);
    assertThat(s.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(s.durationNanos()).isEqualTo(1_000_000_000L);
    assertThat(s.startNanos()).isEqualTo(1_544_712_660_000_000_000L);
    assertThat(s.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(s.spanId()).isEqualTo("eee19b7ec3c1b174");
    assertThat(s.parentId()).isEqualTo("eee19b7ec3c1b173");
    assertThat(s.service()).isEqualTo("my.service");
    assertThat(s.name()).isEqualTo("I'm a server span");
  }

  @Test
  void otlpTelemetrygen_twoSpansWithTheSameIdEach123Microseconds() {
    TraceInput in = fixture("otlp-traces-telemetrygen.json");
    assertThat(in.spans()).hasSize(2);
    assertThat(in.spans())
        .allSatisfy(
            s -> {
              assertThat(s.spanId()).isEqualTo("e127af99e3b3e074");
              assertThat(s.durationNanos()).isEqualTo(123_000L);
              assertThat(s.kind()).isEqualTo(SpanKind.SERVER);
              assertThat(s.tag("peer.service")).contains("telemetrygen-client");
              assertThat(s.service()).isEqualTo("telemetrygen");
            });
  }

  @Test
  void jaeger_twoSpansInMicrosecondsWithTheServiceFromProcesses() {
    TraceInput in = fixture("jaeger-api-traces.json");
    assertThat(in.files().get(0).format()).isEqualTo(TraceFormat.JAEGER_JSON);
    assertThat(in.spans()).hasSize(2);
    assertThat(in.spans())
        .allSatisfy(
            s -> {
              assertThat(s.durationNanos()).isEqualTo(123_000L);
              assertThat(s.startNanos()).isEqualTo(1_706_678_909_209_712L * 1000);
              assertThat(s.service()).isEqualTo("telemetrygen");
              assertThat(s.kind()).isEqualTo(SpanKind.SERVER);
              assertThat(s.parentId()).isEqualTo("909541b92cf05311");
              assertThat(s.name()).isEqualTo("okey-dokey-0");
            });
  }

  @Test
  void jaegerAndOtlp_ofTheSameTraceGiveTheSameSpans() {
    Span otlp = fixture("otlp-traces-telemetrygen.json").spans().get(0);
    Span jaeger = fixture("jaeger-api-traces.json").spans().get(0);
    assertThat(jaeger.traceId()).isEqualTo(otlp.traceId());
    assertThat(jaeger.startNanos()).isEqualTo(otlp.startNanos());
    assertThat(jaeger.durationNanos()).isEqualTo(otlp.durationNanos());
    assertThat(jaeger.kind()).isEqualTo(otlp.kind());
  }

  @Test
  void zipkinSimpleDb_fourClientsUnderOneServerRootOf252ms() {
    TraceInput in = fixture("zipkin-v2-simple-db-p6.json");
    assertThat(in.files().get(0).format()).isEqualTo(TraceFormat.ZIPKIN_V2);
    assertThat(in.spans()).hasSize(5);
    assertThat(in.spans().stream().filter(s -> s.kind() == SpanKind.CLIENT)).hasSize(4);
    Span root = in.spans().stream().filter(Span::isRoot).findFirst().orElseThrow();
    assertThat(root.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(root.name()).isEqualTo("http:/book");
    assertThat(root.durationNanos()).isEqualTo(252_016_000L);
    assertThat(in.spans().get(0).remoteService()).isEqualTo("app_db");
    assertThat(in.spans().get(0).tag("sql.query"))
        .get()
        .asString()
        .startsWith("insert into revinfo");
  }

  @Test
  void zipkinSkew_fourSpansThreeIdsOneSharedServerStarting65msBeforeItsClient() {
    TraceInput in = fixture("zipkin-v2-skew.json");
    assertThat(in.spans()).hasSize(4);
    assertThat(in.spans().stream().map(Span::spanId).distinct()).hasSize(3);
    Span server =
        in.spans().stream()
            .filter(s -> s.spanId().equals("74280ae0c10d8062") && s.shared())
            .findFirst()
            .orElseThrow();
    Span client =
        in.spans().stream()
            .filter(s -> s.spanId().equals("74280ae0c10d8062") && !s.shared())
            .findFirst()
            .orElseThrow();
    assertThat(server.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(client.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(client.startNanos() - server.startNanos()).isEqualTo(65_441_000L);
    Span root = in.spans().stream().filter(Span::isRoot).findFirst().orElseThrow();
    assertThat(root.name()).isEqualTo("get");
    assertThat(root.durationNanos()).isEqualTo(99_411_000L);
  }

  @Test
  void otlp_acceptsBase64IdsNumbersForTimesEnumNamesAndTheOldScopeKey() {
    TraceInput in =
        text(
            """
            {"resourceSpans":[{"instrumentationLibrarySpans":[{"spans":[
              {"traceId":"W47/95gDgQPSabYzgT/GDA==","spanId":"7uGbfsPBsXQ=","name":"q",
               "kind":"SPAN_KIND_CLIENT","startTimeUnixNano":1000,"endTimeUnixNano":"3500",
               "attributes":[{"value":{"stringValue":"postgresql"},"key":"db.system"},
                             {"key":"ignored","value":{"arrayValue":{"values":[]}}}]}]}],
              "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"api"}}]}}]}
            """);
    Span s = in.spans().get(0);
    assertThat(s.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(s.spanId()).isEqualTo("eee19b7ec3c1b174");
    assertThat(s.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(s.durationNanos()).isEqualTo(2500);
    assertThat(s.service()).isEqualTo("api");
    assertThat(s.tags()).containsOnlyKeys("db.system");
    assertThat(s.isRoot()).isTrue();
  }

  @Test
  void otlp_readsOneBatchPerLineAsTheFileExporterWritesThem() {
    String batch =
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"%s\",\"spanId\":\"%s\","
            + "\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}]}]}]}\n";
    TraceInput in =
        text(
            batch.formatted("00000000000000000000000000000001", "0000000000000001")
                + batch.formatted("00000000000000000000000000000002", "0000000000000002"));
    assertThat(in.spans()).hasSize(2);
    assertThat(in.files().get(0).spans()).isEqualTo(2);
  }

  @Test
  void jaeger_readsAnEmbeddedProcessAndProcessesListedBeforeTheSpans() {
    TraceInput in =
        text(
            """
            {"total":1,"data":[{"processes":{"p9":{"serviceName":"shop"}},"spans":[
              {"traceID":"ab","spanID":"01","startTime":10,"duration":5,"processID":"p9"},
              {"traceID":"ab","spanID":"02","startTime":11,"duration":2,
               "process":{"serviceName":"db-proxy"},
               "references":[{"refType":"FOLLOWS_FROM","spanID":"09"},{"refType":"CHILD_OF","spanID":"01"}],
               "tags":[{"key":"span.kind","type":"string","value":"client"},
                       {"key":"db.statement","type":"string","value":"select 1"}]}]}]}
            """);
    assertThat(in.spans()).extracting(Span::service).containsExactly("shop", "db-proxy");
    Span child = in.spans().get(1);
    assertThat(child.parentId()).isEqualTo("01");
    assertThat(child.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(child.startNanos()).isEqualTo(11_000);
    assertThat(child.tag("db.statement")).contains("select 1");
  }

  @Test
  void zipkin_countsSpansWithoutTimestampOrDurationAsIncompleteAndReadsListsOfTraces() {
    TraceInput in =
        text(
            """
            [[{"traceId":"a1","id":"01","timestamp":10,"duration":4},
              {"traceId":"a1","id":"02","parentId":"01","timestamp":11}],
             [{"traceId":"a2","id":"03","duration":3}]]
            """);
    assertThat(in.spans()).hasSize(1);
    assertThat(in.incomplete()).isEqualTo(2);
  }

  @Test
  void malformedJson_isReportedAtFileLineAndColumn() {
    assertThatThrownBy(() -> text("[\n  {\"traceId\": \"a1\",\n   \"id\": }\n]"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("inline.json:3:")
        .hasMessageContaining("malformed JSON")
        .hasMessageContaining("allowed OTLP JSON");
  }

  @Test
  void aTimeThatIsNotANumber_namesTheKeyWhatWasFoundAndWhatIsAllowed() {
    assertThatThrownBy(
            () ->
                text(
                    "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[\n"
                        + "{\"traceId\":\"01\",\"spanId\":\"02\",\"startTimeUnixNano\":\"soon\"}]}]}]}"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("inline.json:2:")
        .hasMessageContaining("startTimeUnixNano: found \"soon\"; allowed a whole number");
  }

  @Test
  void anIdThatIsNeitherHexNorBase64_isRefused() {
    assertThatThrownBy(
            () ->
                text("[{\"traceId\":\"not an id!\",\"id\":\"01\",\"timestamp\":1,\"duration\":1}]"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("traceId: found \"not an id!\"; allowed a hex id");
  }

  @Test
  void anObjectOfNoKnownFormat_andAnEmptyFile_areRefused() {
    assertThatThrownBy(() -> text("{\"spans\": []}"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "inline.json:1:1: found an object without \"resourceSpans\" or \"data\"");
    assertThatThrownBy(() -> text("  "))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("inline.json: found an empty file");
  }

  @Test
  void aMissingFile_isNamed() {
    assertThatThrownBy(() -> TraceReader.read(List.of(DIR.resolve("nope.json"))))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nope.json: found no such file");
  }

  @Test
  void moreSpansThanTheBound_stopWithAMessage() {
    assertThatThrownBy(
            () -> TraceReader.read(List.of(DIR.resolve("zipkin-v2-simple-db-p6.json")), 3))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("found more than 3 spans");
  }

  @Test
  void aGzippedFile_isReadThroughByItsMagicBytes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path gz = dir.resolve("spans.json"); // no .gz suffix: the content decides
    try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
      out.write(java.nio.file.Files.readAllBytes(DIR.resolve("zipkin-v2-simple-db-p6.json")));
    }
    TraceInput in = TraceReader.read(List.of(gz));
    assertThat(in.spans()).hasSize(5);
    assertThat(in.files().get(0).format()).isEqualTo(TraceFormat.ZIPKIN_V2);
  }

  @Test
  void jaegerSpansWithoutTheirOwnTraceId_takeTheTracesId() {
    TraceInput in =
        text(
            """
            {"data":[{"spans":[{"spanID":"01","startTime":1,"duration":1}],"traceID":"abc1"}]}
            """);
    assertThat(in.spans())
        .singleElement()
        .satisfies(s -> assertThat(s.traceId()).isEqualTo("abc1"));
  }
}
