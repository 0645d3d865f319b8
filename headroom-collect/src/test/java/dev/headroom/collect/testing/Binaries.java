package dev.headroom.collect.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds server binaries for the tests; a missing one fails the test with how to install it. */
public final class Binaries {

  private Binaries() {}

  /** {@code name} on the PATH or at one of {@code usual} places. */
  public static Path find(String name, List<String> usual) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    for (String u : usual) {
      Path p = Path.of(u);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(
        name
            + " is not installed: the collector tests run against the real server; install it with"
            + " `apt-get install -y redis-server postgresql mariadb-server` (.ci/run does)");
  }
}
