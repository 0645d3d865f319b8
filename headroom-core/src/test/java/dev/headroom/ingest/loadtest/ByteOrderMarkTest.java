package dev.headroom.ingest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text reports saved by Windows tools (Notepad, PowerShell's {@code Out-File -Encoding utf8}) start
 * with a UTF-8 byte-order mark. Each fixture here is a real report with EF BB BF in front; it must
 * be detected as its format and read exactly as the same report without the mark.
 */
class ByteOrderMarkTest {

  private static Path resource(String path) throws URISyntaxException {
    return Path.of(ByteOrderMarkTest.class.getResource(path).toURI());
  }

  @ParameterizedTest
  @CsvSource({
    "/formats/bom-wrk-latency.txt, /formats/wrk-latency.txt, wrk",
    "/formats/bom-hey-c4.txt, /formats/hey-c4.txt, hey",
    "/formats/bom-ab-c4.txt, /formats/ab-c4.txt, ab",
    "/gatling/bom-gatling-3.10.5-simulation.log, /gatling/gatling-3.10.5-simulation.log,"
        + " gatling-log"
  })
  void textReportWithByteOrderMark_isDetectedAndReadAsWithout(
      String withBom, String without, String format) throws Exception {
    Path bom = resource(withBom);
    Path plain = resource(without);
    assertThat(Files.readAllBytes(bom)).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(LoadTestFiles.detect(bom)).isEqualTo(LoadTestFormat.byId(format));

    LoadTest a = LoadTestFiles.read(bom, null, ReadOptions.DEFAULTS);
    LoadTest b = LoadTestFiles.read(plain, null, ReadOptions.DEFAULTS);
    assertThat(a.steps()).isEqualTo(b.steps());
    assertThat(a.skipped()).isEqualTo(b.skipped());
  }
}
