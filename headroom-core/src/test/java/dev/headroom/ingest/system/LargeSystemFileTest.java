package dev.headroom.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.ingest.yaml.YamlTree;
import dev.headroom.model.BadInputException;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.SystemSpec;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A system file near the 1 MiB cap with about 19,000 components is read and advised on; the time it
 * takes is a benchmark's business (headroom-bench {@code LargeSystemFileBenchmark}), but the
 * answers must be whole and the messages must not grow with the square of the file.
 */
class LargeSystemFileTest {

  static final int COMPONENTS = 18_921;

  /** A generated system file of a database and {@code count} apps described by {@code app}. */
  static String generated(int count, IntFunction<String> app) {
    StringBuilder sb =
        new StringBuilder(
            "name: big\nworkload: { peak_rps: 700 }\ncomponents:\n"
                + "  - { name: db, kind: database, role: primary }\n");
    for (int i = 0; i < count; i++) {
      sb.append(app.apply(i)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void advise_nineteenThousandComponentsUnderTheCapAreReadWhole() {
    String text = generated(COMPONENTS, i -> "  - { name: a" + i + ", kind: app, uses: [db] }");
    assertThat((long) text.length()).isLessThan(YamlTree.MAX_BYTES);

    SystemSpec spec = SystemFileReader.read("big.yaml", text);
    assertThat(spec.components()).hasSize(COMPONENTS + 1);
    assertThat(spec.components(ComponentKind.APP)).hasSize(COMPONENTS);
    assertThat(spec.component("a18920")).isPresent();
    assertThat(spec.component("a18920").orElseThrow().uses()).containsExactly("db");

    Advice advice = Advisor.advise(spec);
    assertThat(advice.findings()).isNotEmpty();
  }

  @Test
  void read_everyBadReferenceInALargeFileNamesAFewComponentsNotAll() {
    int count = 2_000;
    String text = generated(count, i -> "  - { name: a" + i + ", kind: app, uses: [b" + i + "] }");
    BadInputException e =
        catchThrowableOfType(
            BadInputException.class, () -> SystemFileReader.read("big.yaml", text));
    assertThat(e.problems()).hasSize(count);
    assertThat(e.problems().get(0).allowed())
        .isEqualTo(
            "one of the components' names: db, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 and"
                + " 1989 more");
    // linear in the number of problems: a few hundred characters each, not the whole file each
    assertThat(e.getMessage().length()).isLessThan(count * 300);
  }
}
