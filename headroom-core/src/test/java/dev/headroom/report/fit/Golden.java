package dev.headroom.report.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/report/fit. Run with {@code -Dheadroom.golden.update=true}
 * to rewrite them after a deliberate change, then review the diff before committing.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/report/fit");

  private Golden() {}

  static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("headroom.golden.update")) {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(file)
          .as("golden file %s (set -Dheadroom.golden.update=true to create it)", file)
          .exists();
      assertThat(actual)
          .as("output against golden file %s", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
