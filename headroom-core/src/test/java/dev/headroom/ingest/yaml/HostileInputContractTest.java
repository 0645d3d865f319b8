package dev.headroom.ingest.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.ingest.queueing.NetworkModelReader;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hand-written YAML input (system file, queueing model) gets the same protections from the
 * one reader: a bounded read from paths, devices and streams, a directory named as such, non-UTF-8
 * at the bad byte's line and column, aliases refused, and no Java exception name in any message.
 */
class HostileInputContractTest {

  /** One input format: how to read it from a path and from a stream. */
  record Format(String name, Consumer<Path> fromPath, BiConsumer<InputStream, String> fromStream) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Format> formats() {
    return List.of(
        new Format("system file", SystemFileReader::read, SystemFileReader::read),
        new Format("queueing model", NetworkModelReader::read, NetworkModelReader::read));
  }

  private static InputProblem onlyProblem(Runnable read) {
    BadInputException e = catchThrowableOfType(BadInputException.class, read::run);
    assertThat(e).as("a BadInputException").isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("java.");
    return e.problems().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void read_devZeroStopsAtTheCapInsteadOfRunningOutOfMemory(Format f) {
    Path zero = Path.of("/dev/zero");
    // a character device reports size 0; only Linux-like systems have one at this path
    assertThat(Files.exists(zero)).as("/dev/zero on the build machine").isTrue();
    InputProblem p = onlyProblem(() -> f.fromPath().accept(zero));
    assertThat(p.file()).isEqualTo("/dev/zero");
    assertThat(p.found()).isEqualTo("a file of more than 1 MiB (reading stopped there)");
    assertThat(p.allowed()).endsWith("of at most 1 MiB");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void read_endlessStreamIsReadToTheCapPlusOneByteOnly(Format f) {
    long[] served = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served[0]++;
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            served[0] += len;
            return len;
          }
        };
    InputProblem p = onlyProblem(() -> f.fromStream().accept(endless, "<stdin>"));
    assertThat(p.file()).isEqualTo("<stdin>");
    assertThat(p.found()).contains("more than 1 MiB");
    assertThat(served[0]).isEqualTo(YamlTree.MAX_BYTES + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void read_directoryIsNamedAsOne(Format f, @TempDir Path dir) {
    InputProblem p = onlyProblem(() -> f.fromPath().accept(dir));
    assertThat(p.file()).isEqualTo(dir.toString());
    assertThat(p.line()).isZero();
    assertThat(p.found()).isEqualTo("a directory");
    assertThat(p.allowed()).startsWith("the path of a ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void read_nonUtf8ByteIsPlacedAtItsLineAndColumn(Format f, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "name: x\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    InputProblem p = onlyProblem(() -> f.fromPath().accept(file));
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(6);
    assertThat(p.found()).contains("0xE9").contains("not UTF-8");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void read_aliasIsRefusedAtItsPosition(Format f) {
    byte[] yaml = "name: &n x\nother: *n\n".getBytes(StandardCharsets.UTF_8);
    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () -> f.fromStream().accept(new ByteArrayInputStream(yaml), "alias.yaml"));
    assertThat(e.problems())
        .extracting(p -> p.line() + ":" + p.column() + " " + p.found())
        .contains("2:8 a YAML alias (*n)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void read_twoMegabyteScalarIsRefusedBeforeParsing(Format f, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, "name: " + "x".repeat(2 << 20) + "\n");
    InputProblem p = onlyProblem(() -> f.fromPath().accept(file));
    assertThat(p.found()).isEqualTo("a file of 2MiB");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void read_deepNestingIsRefusedInTheDocumentsTerms(Format f) {
    String deep = "name: x\nclasses: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () ->
                f.fromStream()
                    .accept(
                        new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)),
                        "deep.yaml"));
    assertThat(e.problems()).hasSize(1);
    InputProblem p = e.problems().get(0);
    assertThat(p.found()).isEqualTo("lists or maps nested more than 500 levels deep");
    assertThat(p.line()).isEqualTo(2);
    assertThat(e.getMessage()).doesNotContain("StreamReadConstraints");
  }
}
