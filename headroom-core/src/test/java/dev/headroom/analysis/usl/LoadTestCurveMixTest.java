package dev.headroom.analysis.usl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files combined into one curve that do not look like one sweep are named, with what differs. */
class LoadTestCurveMixTest {

  private static final Path RES = Path.of("src/test/resources");

  private static LoadTestCurve combine(Path... files) {
    List<LoadTest> tests = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      tests.add(LoadTestFiles.read(f, null, ReadOptions.DEFAULTS));
      names.add(f.getFileName().toString());
    }
    return LoadTestCurve.of(tests, names);
  }

  @Test
  void of_filesFromDifferentTools_warnsNamingEachToolAndFile() {
    LoadTestCurve c =
        combine(RES.resolve("formats/wrk-latency.txt"), RES.resolve("formats/ab-c4.txt"));
    assertThat(c.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("the files come from different tools or tool versions (")
                    .contains("wrk: wrk-latency.txt")
                    .contains("ApacheBench: ab-c4.txt"));
  }

  @Test
  void of_wrkRunsAgainstDifferentServers_warnsNamingEachTarget() {
    // two real wrk reports, one against port 8080 and one against 18431
    LoadTestCurve c =
        combine(
            RES.resolve("formats/wrk-latency.txt"), RES.resolve("formats/wrk-errors-latency.txt"));
    assertThat(c.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("the files measured different targets (")
                    .contains("127.0.0.1:8080: wrk-latency.txt")
                    .contains("127.0.0.1:18431: wrk-errors-latency.txt"));
    assertThat(c.warnings()).noneMatch(w -> w.contains("different tools"));
  }

  @Test
  void of_jtlRunsDaysApart_warnsWithEachStart(@TempDir Path dir) throws IOException {
    // the real JTL again, every timeStamp three days later: the same test plan on another day
    Path original = RES.resolve("jmeter/jmeter.jtl.csv");
    List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
    List<String> later = new ArrayList<>(List.of(lines.get(0)));
    long threeDaysMs = 3L * 24 * 3600 * 1000;
    for (String l : lines.subList(1, lines.size())) {
      int comma = l.indexOf(',');
      later.add((Long.parseLong(l.substring(0, comma)) + threeDaysMs) + l.substring(comma));
    }
    Path moved = dir.resolve("jmeter-3-days-later.jtl.csv");
    Files.write(moved, later, StandardCharsets.UTF_8);
    LoadTestCurve c = combine(original, moved);
    assertThat(c.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("the files were started 3 days apart (jmeter.jtl.csv 2026-")
                    .contains("jmeter-3-days-later.jtl.csv 2026-")
                    .contains("more than 24 h"));
  }

  @Test
  void of_twoRunsOfOneSweep_sayNothingAboutMixing() {
    LoadTestCurve c =
        combine(
            RES.resolve("jmeter/jmeter.jtl.csv"), RES.resolve("jmeter/jmeter-slower-1.3x.jtl.csv"));
    assertThat(c.warnings())
        .noneMatch(
            w ->
                w.contains("different tools")
                    || w.contains("different targets")
                    || w.contains("days apart"));
  }

  @Test
  void of_k6SummaryExportAndHandleSummary_areOneTool() {
    LoadTestCurve c =
        combine(RES.resolve("k6/k6-summary-export.json"), RES.resolve("k6/k6-handlesummary.json"));
    assertThat(c.warnings()).noneMatch(w -> w.contains("different tools"));
  }
}
