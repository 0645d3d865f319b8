package dev.headroom.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed system file in {@code src/test/resources/malformed/} read through the whole
 * advisor (so threshold and price problems count too): the message names the file, the line and
 * column, what was found, what is allowed and, where one is close, a did-you-mean.
 */
class MalformedSystemFileTest {

  /**
   * One fixture and the single problem it must raise. {@code line}/{@code column} 0 mean the
   * position is unknown (an empty or binary file); {@code suggestion} null means no did-you-mean.
   */
  record Case(
      String file,
      int line,
      int column,
      String key,
      String found,
      String allowed,
      String suggestion) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Case> cases() {
    return List.of(
        // units
        new Case(
            "unit-ratio-percent-word.yaml",
            6,
            11,
            "observations.db.cpu",
            "\"82 percent\" (unknown unit \"percent\")",
            "a percentage such as 70% or a fraction such as 0.7",
            "82%"),
        new Case(
            "unit-duration-parsecs.yaml",
            5,
            16,
            "observations.latency_p95",
            "\"1.4 parsecs\" (unknown unit \"parsecs\")",
            "a duration such as 250ms, 1.5s, 2min; units: ns, us",
            null),
        new Case(
            "unit-rate-furlongs.yaml",
            3,
            13,
            "workload.peak_rps",
            "\"850 furlongs\" (unknown rate unit \"furlongs\")",
            "a rate such as 1200 rps, 1200/s, 50/min or 240/h",
            null),
        new Case(
            "duration-without-unit.yaml",
            3,
            16,
            "slo.latency_p95",
            "\"300\" (no unit)",
            "a duration such as 250ms, 1.5s, 2min",
            null),
        new Case(
            "number-too-large.yaml",
            6,
            12,
            "observations.web.cpu",
            "\"1e400%\" (a number too large to represent)",
            "a percentage such as 70% or a fraction such as 0.7, with a number below 1e308",
            null),
        new Case(
            "memory-ambiguous-suffix.yaml",
            5,
            13,
            "web.memory",
            "\"4G\" (\"G\" is ambiguous: 1000s in Kubernetes, 1024s in -Xmx)",
            "GB for powers of 1000, GiB or Gi for powers of 1024",
            null),
        new Case(
            "slo-p99-below-p95.yaml",
            4,
            16,
            "slo.latency_p99",
            "\"200ms\" below latency_p95 \"300ms\" (at line 3, column 16)",
            "a p99 target at or above the p95 target",
            null),
        new Case(
            "capacity-concurrency-zero.yaml",
            7,
            20,
            "web.capacity.concurrency",
            "\"0\"",
            "a concurrency above 0",
            null),
        new Case(
            "capacity-workers-too-many.yaml",
            5,
            46,
            "web.capacity.workers",
            "\"1000000000\"",
            "at most 100000 workers per instance",
            null),
        new Case(
            "price-too-large.yaml",
            6,
            15,
            "prices.small_node",
            "\"1e308 USD/month\" (too large)",
            "between 1e-12 and 1e21 USD/month (or 0)",
            null),
        new Case(
            "instances-negative.yaml",
            5,
            16,
            "web.instances",
            "\"-2\" (negative)",
            "a whole number of at least 1 (instances)",
            null),
        new Case(
            "instances-zero.yaml",
            5,
            16,
            "web.instances",
            "\"0\"",
            "a whole number of at least 1 (instances)",
            null),
        new Case(
            "ratio-above-100-percent.yaml",
            3,
            15,
            "workload.read_ratio",
            "\"140%\" (outside 0%..100%)",
            "a percentage between 0% and 100%",
            null),
        new Case(
            "ratio-bare-above-one.yaml",
            3,
            15,
            "workload.read_ratio",
            "\"90\" (a bare number above 1)",
            "a percentage such as 70% or a fraction between 0 and 1",
            "90%"),
        new Case(
            "cost-without-period.yaml",
            3,
            35,
            "web.cost",
            "\"140 USD\" (no period)",
            "a cost with its period, such as 140 USD/month or 0.19 USD/hour",
            "140 USD/month"),
        new Case(
            "cost-in-euros.yaml",
            3,
            35,
            "web.cost",
            "\"140 EUR/month\"",
            "a cost in USD such as 140 USD/month or 0.19 USD/hour (convert other currencies first)",
            null),
        new Case(
            "growth-without-period.yaml",
            3,
            11,
            "workload.growth",
            "\"15%\" (no period)",
            "a growth rate such as 15%/month, 40%/year or 2x/year",
            "15%/month"),
        new Case(
            "boolean-as-quantity.yaml",
            3,
            35,
            "web.vcpu",
            "\"true\"",
            "a whole number such as 12 or 45K",
            null),
        new Case(
            "value-missing.yaml",
            3,
            12,
            "workload.peak_rps",
            "no value",
            "a value, or leave the key out",
            null),
        // names and keys
        new Case(
            "kind-misspelt.yaml",
            4,
            23,
            "components[1].kind",
            "the kind \"databse\"",
            "one of load_balancer, app, worker, database, cache",
            "database"),
        new Case(
            "top-level-key-misspelt.yaml",
            2,
            1,
            "workloud",
            "the key \"workloud\"",
            "top-level keys: name, description, workload, slo, components",
            "workload"),
        new Case(
            "component-key-misspelt.yaml",
            6,
            5,
            "db.max_conections",
            "the key \"max_conections\"",
            "keys here: name, kind, instances",
            "max_connections"),
        new Case(
            "choice-misspelt.yaml",
            3,
            39,
            "web.sessions",
            "\"stateles\"",
            "one of stateless, external, sticky, local",
            "stateless"),
        new Case("missing-name.yaml", 1, 1, "name", "no name", "a name (it is required)", null),
        new Case(
            "component-without-kind.yaml",
            3,
            5,
            "components[0].kind",
            "no kind",
            "one of load_balancer, app, worker",
            null),
        new Case(
            "component-name-with-dot.yaml",
            3,
            13,
            "components[0].name",
            "\"web.api\"",
            "a name of lower-case letters, digits, '-' and '_', starting with a letter (no dots)",
            null),
        // observations
        new Case(
            "metric-misspelt.yaml",
            6,
            3,
            "observations.db.cpuu",
            "the metric \"cpuu\" on database \"db\"",
            "for a database: cpu, memory_used, iowait, connections_in_use",
            "db.cpu"),
        new Case(
            "metric-not-allowed-on-kind.yaml",
            6,
            3,
            "observations.cache.connections_in_use",
            "the metric \"connections_in_use\" on cache \"cache\" (it is measured on: database)",
            "for a cache: cpu, memory_used, hit_ratio, evictions",
            null),
        new Case(
            "observation-undefined-component.yaml",
            6,
            3,
            "observations.dbb.cpu",
            "the component \"dbb\", which is not defined",
            "a component name from `components` (web, db)",
            "db.cpu"),
        new Case(
            "system-metric-misspelt.yaml",
            5,
            3,
            "observations.latency_p59",
            "the metric \"latency_p59\"",
            "a system-wide metric (rps, latency_p50",
            "latency_p50"),
        // structure
        new Case(
            "top-level-list.yaml",
            1,
            1,
            "",
            "a list at the top level",
            "a map with name, workload, slo, components and observations",
            null),
        new Case(
            "top-level-scalar.yaml",
            1,
            1,
            "",
            "\"just some text\" at the top level",
            "a map with name",
            null),
        new Case(
            "components-as-map.yaml", 3, 3, "components", "a map", "a list of components", null),
        new Case(
            "components-empty.yaml",
            2,
            13,
            "components",
            "an empty list",
            "at least one component",
            null),
        new Case(
            "duplicate-component-names.yaml",
            5,
            13,
            "components[2].name",
            "the name \"web\" a second time (first at line 3)",
            "a unique name per component",
            null),
        new Case(
            "duplicate-keys.yaml",
            7,
            5,
            "components[0].instances",
            "the key \"instances\" a second time (first at line 5)",
            "each key once per map",
            null),
        new Case(
            "json-duplicate-keys.json",
            1,
            19,
            "name",
            "the key \"name\" a second time (first at line 1)",
            "each key once per map",
            null),
        // references
        new Case(
            "uses-unknown-component.yaml",
            3,
            35,
            "web.uses",
            "a reference to \"dbb\", which is not a component",
            "one of the components' names: web, db",
            "db"),
        new Case(
            "replica-of-unknown.yaml",
            5,
            68,
            "db-replica.replica_of",
            "a reference to \"nope\", which is not a component",
            "one of the components' names: web, db, db-replica",
            null),
        new Case(
            "replica-of-app.yaml",
            5,
            68,
            "db-replica.replica_of",
            "\"web\", which is not a primary database",
            "the name of a database whose role is primary",
            null),
        new Case(
            "autoscaling-min-above-max.yaml",
            5,
            25,
            "web.autoscaling",
            "min 8 above max 4",
            "min <= max",
            null),
        // syntax and encoding
        new Case(
            "yaml-bad-indentation.yaml",
            4,
            14,
            "",
            "invalid YAML (mapping values are not allowed here)",
            "well-formed YAML",
            null),
        new Case(
            "yaml-unclosed-bracket.yaml",
            3,
            39,
            "",
            "invalid YAML (while parsing a flow sequence; expected ',' or ']', but got })",
            "well-formed YAML",
            null),
        new Case(
            "yaml-tab-indentation.yaml",
            3,
            1,
            "",
            "(Do not use \\t(TAB) for indentation)",
            "well-formed YAML",
            null),
        new Case(
            "yaml-alias.yaml",
            4,
            5,
            "components[1]",
            "a YAML alias (*web)",
            "the value written out in full; headroom does not expand anchors",
            null),
        new Case(
            "yaml-merge-key.yaml",
            4,
            5,
            "components[1].<<",
            "a YAML merge key (<<)",
            "the keys written out in full; headroom does not expand merge keys",
            null),
        new Case(
            "two-documents.yaml", 5, 1, "", "a second YAML document", "one YAML document", null),
        new Case(
            "json-syntax-error.json",
            5,
            3,
            "",
            "invalid JSON (Unexpected character (']'",
            "well-formed JSON",
            null),
        new Case(
            "json-trailing-content.json",
            2,
            1,
            "",
            "more content after the end of the JSON document",
            "one JSON object",
            null),
        new Case(
            "empty.yaml",
            0,
            0,
            "",
            "an empty file",
            "run `headroom init` for a commented template",
            null),
        new Case("only-comments.yaml", 0, 0, "", "an empty document", "run `headroom init`", null),
        new Case(
            "non-utf8-latin1.yaml",
            1,
            10,
            "",
            "the byte 0xE9, which is not UTF-8 text (Latin-1 or Windows-1252?)",
            "a UTF-8 text file in YAML or JSON; save it as UTF-8",
            null),
        new Case(
            "binary.yaml",
            0,
            0,
            "",
            "binary content (a NUL byte at offset 8)",
            "a text file in YAML or JSON",
            null),
        // thresholds and prices, checked by the advisor after reading
        new Case(
            "threshold-unknown-rule.yaml",
            6,
            24,
            "thresholds.HR-DB-01",
            "\"HR-DB-01\", which has no thresholds",
            "a rule id or calculator with thresholds (HR-DB-001, HR-DB-002",
            "HR-DB-001"),
        new Case(
            "threshold-empty-rule.yaml",
            6,
            13,
            "thresholds.HR-DB-01",
            "an empty map",
            "threshold overrides such as { warning: 65% } (`headroom explain HR-DB-01` lists them)",
            null),
        new Case(
            "threshold-unknown-name.yaml",
            6,
            22,
            "thresholds.HR-DB-001.warn",
            "the threshold \"warn\"",
            "for HR-DB-001: warning, critical, read_heavy, write_heavy",
            "warning"),
        new Case(
            "threshold-wrong-unit.yaml",
            6,
            25,
            "thresholds.HR-DB-001.warning",
            "\"200ms\" (unknown unit \"ms\")",
            "a percentage such as 70% or a fraction such as 0.7",
            null),
        new Case(
            "price-unknown-key.yaml",
            5,
            16,
            "prices.small_nodes",
            "the price \"small_nodes\"",
            "one of small_node, medium_node, large_node, xlarge_node",
            "small_node"));
  }

  static Path fixture(String name) {
    try {
      return Path.of(MalformedSystemFileTest.class.getResource("/malformed/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("no fixture malformed/" + name, e);
    }
  }

  private static BadInputException refused(Path file) {
    BadInputException e = catchThrowableOfType(BadInputException.class, () -> Advisor.advise(file));
    assertThat(e).as("advising on %s must fail with bad input", file.getFileName()).isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void advise_refusesWithPositionFoundAllowedAndSuggestion(Case c) {
    Path file = fixture(c.file());
    BadInputException e = refused(file);

    assertThat(e.problems()).hasSize(1);
    InputProblem p = e.problems().get(0);
    assertThat(p.file()).isEqualTo(file.toString());
    assertThat(p.line()).as("line").isEqualTo(c.line());
    assertThat(p.column()).as("column").isEqualTo(c.column());
    assertThat(p.key()).as("key").isEqualTo(c.key());
    assertThat(p.found()).as("found").contains(c.found());
    assertThat(p.allowed()).as("allowed").contains(c.allowed());
    assertThat(p.suggestion()).as("did you mean").isEqualTo(c.suggestion());

    String where = c.line() == 0 ? file + ": " : file + ":" + c.line() + ":" + c.column() + ": ";
    assertThat(e.getMessage())
        .startsWith(where)
        .contains("found " + p.found())
        .contains("; allowed " + p.allowed())
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    if (c.suggestion() != null) {
      assertThat(e.getMessage()).endsWith("; did you mean \"" + c.suggestion() + "\"?");
    } else {
      assertThat(e.getMessage()).doesNotContain("did you mean");
    }
  }

  @Test
  void everyMalformedFixtureHasACase() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(fixture("empty.yaml").getParent())) {
      files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> covered =
        cases().stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new));
    covered.add("several-errors.yaml");
    assertThat(files).isEqualTo(covered);
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void advise_reportsEveryProblemOfAFileAtOnceInFileOrder() {
    Path file = fixture("several-errors.yaml");
    BadInputException e = refused(file);

    assertThat(e.problems())
        .extracting(p -> p.line() + ":" + p.column() + " " + p.key())
        .containsExactly(
            "2:1 workloud",
            "5:16 slo.latency_p95",
            "7:40 web.instances",
            "7:50 web.uses",
            "8:23 components[1].kind",
            "11:5 cache.max_conections",
            "13:3 observations.web.cpuu",
            "14:16 observations.latency_p95");
    assertThat(e.problems())
        .extracting(InputProblem::suggestion)
        .containsExactly("workload", null, null, "db", "database", null, "web.cpu", null);
    assertThat(e.getMessage())
        .startsWith("8 problems:\n  " + file + ":2:1: workloud: found the key \"workloud\"");
    assertThat(e.getMessage().lines().count()).isEqualTo(9);
  }

  @Test
  void advise_refusesAFiftyMegabyteFileWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("huge.yaml");
    byte[] line =
        "# a comment line padding the file out to fifty megabytes of text\n"
            .getBytes(StandardCharsets.UTF_8);
    long target = 50L * 1024 * 1024;
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(
          "name: shop\ncomponents:\n  - { name: web, kind: app }\n"
              .getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < target; written += line.length) {
        out.write(line);
      }
    }
    assertThat(Files.size(big)).isGreaterThanOrEqualTo(target);

    assertThatThrownBy(() -> Advisor.advise(big))
        .isInstanceOf(BadInputException.class)
        .hasMessage(big + ": found a file of 50MiB; allowed a system file of at most 1 MiB");
  }

  @Test
  void advise_refusesBinaryBytesWrittenAtTestTime(@TempDir Path dir) throws IOException {
    Path bin = dir.resolve("system.yaml");
    Files.write(bin, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 0, 1, 2, (byte) 0xff});
    assertThatThrownBy(() -> Advisor.advise(bin))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            bin
                + ": found binary content (a NUL byte at offset 6); allowed a text file in YAML or JSON");
  }

  @Test
  void advise_refusesAMissingFile(@TempDir Path dir) {
    Path none = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> Advisor.advise(none))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            none + ": found no such file; allowed the path of a system file (YAML or JSON)");
  }

  @Test
  void advise_acceptsAMinimalFileAndListsWhatItCouldNotEvaluate(@TempDir Path dir)
      throws IOException {
    Path minimal = dir.resolve("system.yaml");
    Files.writeString(minimal, "name: tiny\ncomponents:\n  - { name: web, kind: app }\n");

    Advice advice = Advisor.advise(minimal);

    assertThat(advice.system().name()).isEqualTo("tiny");
    assertThat(advice.system().components()).hasSize(1);
    assertThat(advice.notEvaluated()).isNotEmpty();
    assertThat(advice.notEvaluated()).allSatisfy(n -> assertThat(n.needs()).isNotEmpty());
  }

  /**
   * Property: whatever a slip of the keyboard does to a real system file (characters deleted,
   * inserted, replaced, a stretch copied elsewhere), advising either works or fails with bad input
   * that names the file and says what was found. Never another exception.
   */
  @Test
  void advise_mutatedExamples_failOnlyWithBadInput(@TempDir Path dir) throws IOException {
    List<Path> examples;
    try (Stream<Path> s = Files.list(SystemFileReference.root().resolve("examples"))) {
      examples =
          s.map(d -> d.resolve("system.yaml")).filter(Files::isRegularFile).sorted().toList();
    }
    String junk = ":{}[],-#&*!|>'\"%@` \t\n0123456789xyz.";
    java.util.Random random = new java.util.Random(20261123L);
    int refused = 0;
    for (int i = 0; i < 400; i++) {
      Path source = examples.get(random.nextInt(examples.size()));
      StringBuilder t = new StringBuilder(Files.readString(source));
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        int at = random.nextInt(t.length());
        switch (random.nextInt(4)) {
          case 0 -> t.deleteCharAt(at);
          case 1 -> t.insert(at, junk.charAt(random.nextInt(junk.length())));
          case 2 -> t.setCharAt(at, junk.charAt(random.nextInt(junk.length())));
          default ->
              t.insert(
                  random.nextInt(t.length()),
                  t.substring(at, Math.min(t.length(), at + 1 + random.nextInt(30))));
        }
      }
      Path file = dir.resolve("mutant-" + i + ".yaml");
      Files.writeString(file, t);
      try {
        Advisor.advise(file);
      } catch (BadInputException e) {
        refused++;
        assertThat(e.problems())
            .allSatisfy(
                p -> {
                  assertThat(p.file()).isEqualTo(file.toString());
                  assertThat(p.found()).isNotBlank();
                  assertThat(p.allowed()).isNotBlank();
                });
      } catch (RuntimeException e) {
        throw new AssertionError(
            "mutant " + i + " of " + source + " failed with " + e + ":\n" + t, e);
      }
    }
    assertThat(refused).as("most mutants are refused").isGreaterThan(200);
  }

  /**
   * Every number of every example replaced by an extreme that parses (1e308 rps, 1e-300 s, 10^21,
   * 10^-12): each is either refused as bad input or advised on; none may overflow into an internal
   * error. Zero (zero load) is the capacity model's case and is tested there.
   */
  @Test
  void advise_extremeNumbersInTheExamples_failOnlyWithBadInput() throws IOException {
    List<Path> examples;
    try (Stream<Path> s = Files.list(SystemFileReference.root().resolve("examples"))) {
      examples =
          s.map(d -> d.resolve("system.yaml")).filter(Files::isRegularFile).sorted().toList();
    }
    java.util.regex.Pattern number =
        java.util.regex.Pattern.compile(
            "(?<=: )([0-9][0-9._]*(?:[eE][-+]?\\d+)?)(?=\\s*[A-Za-z%/$ ]*\\s*(?:[,}\\]]|#|$))",
            java.util.regex.Pattern.MULTILINE);
    List<String> extremes =
        List.of("1e308", "1e300", "4.9e-324", "1e-300", "1e400", "1e21", "1e-12", "99999999999");
    int tried = 0;
    for (Path source : examples) {
      String text = Files.readString(source);
      java.util.regex.Matcher m = number.matcher(text);
      while (m.find()) {
        for (String v : extremes) {
          String mutated = text.substring(0, m.start(1)) + v + text.substring(m.end(1));
          tried++;
          try {
            Advisor.advise(
                SystemFileReader.read(source.toString(), mutated),
                source.toAbsolutePath().getParent());
          } catch (BadInputException refused) {
            assertThat(refused.getMessage()).doesNotContain("Exception");
          } catch (RuntimeException e) {
            int line = text.substring(0, m.start(1)).split("\n", -1).length;
            throw new AssertionError(source + ":" + line + " as " + v + " failed with " + e, e);
          }
        }
      }
    }
    assertThat(tried).as("numbers replaced").isGreaterThan(600);
  }

  @Test
  void advise_acceptsDocumentMarkersAroundTheOneDocument(@TempDir Path dir) throws IOException {
    Path ended = dir.resolve("ended.yaml");
    Files.writeString(ended, "---\nname: tiny\ncomponents:\n  - { name: web, kind: app }\n...\n");
    Path trailing = dir.resolve("trailing.yaml");
    Files.writeString(
        trailing, "---\nname: tiny\ncomponents:\n  - { name: web, kind: app }\n---\n");

    assertThat(Advisor.advise(ended).system().name()).isEqualTo("tiny");
    assertThat(Advisor.advise(trailing).system().name()).isEqualTo("tiny");
  }

  @Test
  void advise_readsAYamlFlowMapThatLooksLikeJson(@TempDir Path dir) throws IOException {
    Path flow = dir.resolve("system.yaml");
    Files.writeString(flow, "{name: tiny, components: [{name: web, kind: app, instances: 2}]}\n");

    assertThat(Advisor.advise(flow).system().components())
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("web"));
  }
}
