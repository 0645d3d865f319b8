package dev.headroom.ingest.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.analysis.queueing.ClosedNetwork;
import dev.headroom.analysis.queueing.Mva;
import dev.headroom.analysis.queueing.StationKind;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NetworkModelReaderTest {

  private static final Path EXAMPLES = Path.of("..", "examples", "queueing");

  private static ClosedNetwork read(String yaml) {
    return NetworkModelReader.read("model.yaml", yaml);
  }

  private static BadInputException failure(String yaml) {
    try {
      read(yaml);
    } catch (BadInputException e) {
      return e;
    }
    throw new AssertionError("expected a BadInputException");
  }

  @Test
  void read_jainExampleSolvesToThePublishedThroughput() {
    ClosedNetwork n = NetworkModelReader.read(EXAMPLES.resolve("jain-central-server.yaml"));
    assertThat(n.name()).isEqualTo("Central server (Jain Ex. 34.2)");
    assertThat(n.classes().get(0).population()).isEqualTo(20);
    assertThat(n.classes().get(0).thinkTime()).isEqualTo(4.0);
    assertThat(n.stations().get(0).serviceTimes()).containsExactly(0.125);
    assertThat(n.stations().get(0).visits()).containsExactly(16.0);
    assertThat(Mva.exact(n).atFullPopulation().totalThroughput()).isCloseTo(0.333247, within(5e-7));
  }

  @Test
  void read_everyShippedExampleIsValid() {
    for (String f :
        new String[] {
          "jain-central-server.yaml",
          "menasce-db-server.yaml",
          "jmt-two-class.yaml",
          "tomcat-300-threads.yaml"
        }) {
      ClosedNetwork n = NetworkModelReader.read(EXAMPLES.resolve(f));
      assertThat(Mva.exact(n).atFullPopulation().totalThroughput()).as(f).isPositive();
    }
  }

  @Test
  void read_perClassDemandsByClassName() {
    ClosedNetwork n = NetworkModelReader.read(EXAMPLES.resolve("jmt-two-class.yaml"));
    assertThat(n.classes()).hasSize(2);
    assertThat(n.stations().get(0).kind()).isEqualTo(StationKind.DELAY);
    assertThat(n.stations().get(0).demand(0)).isEqualTo(8.0);
    assertThat(n.stations().get(0).demand(1)).isEqualTo(0.0);
    assertThat(n.stations().get(1).demand(1)).isEqualTo(1.0);
    assertThat(Mva.exact(n).atFullPopulation().classes().get(0).throughput())
        .isCloseTo(0.653327, within(5e-7));
  }

  @Test
  void read_unknownKeyNamesLineColumnAndTheKeyMeant() {
    BadInputException e =
        failure(
            """
            classes:
              - name: users
                population: 3
                thinktime: 4s
            stations:
              - name: cpu
                demand: 1s
            """);
    InputProblem p = e.problems().get(0);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(5);
    assertThat(p.suggestion()).isEqualTo("think-time");
    assertThat(e.getMessage())
        .startsWith("model.yaml:4:5: classes[0].thinktime: found the unknown key \"thinktime\"");
  }

  @Test
  void read_durationWithoutUnitIsRefusedAtItsPosition() {
    BadInputException e =
        failure(
            """
            classes:
              - {name: users, population: 3}
            stations:
              - name: cpu
                service-time: 12
            """);
    assertThat(e.getMessage())
        .contains("model.yaml:5:19")
        .contains("stations[0].service-time")
        .contains("no unit")
        .contains("250ms");
  }

  @Test
  void read_reportsEveryProblemNotJustTheFirst() {
    BadInputException e =
        failure(
            """
            classes:
              - name: users
                population: -1
            stations:
              - name: cpu
                kind: queu
                demand: 1s
              - name: disk
                demand: {user: 2ms}
            """);
    assertThat(e.problems()).hasSize(3);
    assertThat(e.getMessage())
        .contains("model.yaml:3:17: classes[0].population: found \"-1\"")
        .contains("did you mean \"queue\"?")
        .contains("the class \"user\", which is not in classes")
        .contains("did you mean \"users\"?");
  }

  @Test
  void read_invalidYamlNamesLineAndColumn() {
    BadInputException e = failure("classes: [\n  - name: x\nstations: {\n");
    assertThat(e.problems().get(0).line()).isPositive();
    assertThat(e.getMessage()).startsWith("model.yaml:").contains("invalid YAML");
  }

  @Test
  void read_missingSectionsAndEmptyFile() {
    assertThat(failure("name: x\n").getMessage()).contains("no classes").contains("no stations");
    assertThat(failure("").getMessage()).contains("an empty file");
    assertThat(failure("- a\n- b\n").getMessage()).contains("found a list");
  }

  @Test
  void read_refusesBothDemandAndServiceTimeAndServersOnADelay() {
    BadInputException e =
        failure(
            """
            classes: [{name: u, population: 1}]
            stations:
              - {name: a, demand: 1s, service-time: 1s}
              - {name: b, kind: delay, servers: 4, demand: 1s}
            """);
    assertThat(e.getMessage())
        .contains("both demand and service-time")
        .contains("servers only on a queue");
  }

  @Test
  void read_duplicateKeysAndNames() {
    // a key given twice is a reading problem (the shared YAML reader refuses it before the model
    // is interpreted); a name given twice is the model's
    assertThat(
            failure(
                    """
                    classes: [{name: u, population: 1}]
                    stations:
                      - {name: b, demand: 2s, demand: 3s}
                    """)
                .getMessage())
        .contains("model.yaml:3:27: stations[0].demand: found the key \"demand\" a second time");
    assertThat(
            failure(
                    """
                    classes: [{name: u, population: 1}]
                    stations:
                      - {name: a, demand: 1s}
                      - {name: a, demand: 2s}
                    """)
                .getMessage())
        .contains("the name \"a\" twice");
  }
}
