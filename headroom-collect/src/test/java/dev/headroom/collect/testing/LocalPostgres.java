package dev.headroom.collect.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster: {@code initdb} into a fresh directory, {@code pg_ctl start} on
 * 127.0.0.1 at a free port with its socket in that directory, password authentication over TCP,
 * {@code pg_stat_statements} preloaded and every statement logged (so a test can read what the
 * collector sent). Debian's initdb refuses to run as root, so as root it runs as {@code postgres}.
 * A missing binary fails the test.
 */
public final class LocalPostgres implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "pg-Secret-4-tests";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;

  private LocalPostgres(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  public static LocalPostgres start() throws Exception {
    return start("");
  }

  /** Starts a cluster with {@code extraOptions} for the server ({@code -c max_connections=20}). */
  public static LocalPostgres start(String extraOptions) throws Exception {
    Path bin = binDir();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir =
        Files.createTempDirectory(
            "headroom-pg",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path pwfile = dir.resolve("pw");
    Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
    if (root) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
    }
    int port = LocalRedis.freePort();
    LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
    pg.run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            USER,
            "--pwfile",
            pwfile.toString(),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"));
    String options =
        "-p "
            + port
            + " -k "
            + dir
            + " -c listen_addresses=127.0.0.1"
            + " -c shared_preload_libraries=pg_stat_statements -c log_statement=all"
            + " -c log_line_prefix='%a|' -c fsync=off "
            + extraOptions;
    pg.run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-o",
            options,
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "start"));
    return pg;
  }

  private static Path binDir() throws IOException {
    Path base = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(base)) {
      try (Stream<Path> s = Files.list(base)) {
        List<Path> versions =
            s.map(p -> p.resolve("bin"))
                .filter(p -> Files.isExecutable(p.resolve("initdb")))
                .sorted(Comparator.reverseOrder())
                .toList();
        if (!versions.isEmpty()) {
          return versions.get(0);
        }
      }
    }
    return Binaries.find("initdb", List.of()).getParent();
  }

  private void run(List<String> cmd) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(cmd);
    run(full, dir);
  }

  private static void run(List<String> cmd, Path dir) throws Exception {
    Path out = Files.createTempFile("headroom-pg-cmd", ".log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(cmd.get(0) + " timed out: " + Files.readString(out));
    }
    String log = Files.readString(out);
    Files.deleteIfExists(out);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + log);
    }
  }

  public int port() {
    return port;
  }

  /** {@code postgres://postgres@127.0.0.1:PORT/db} without the password. */
  public String url(String db) {
    return "postgres://" + USER + "@127.0.0.1:" + port + "/" + db;
  }

  /** The test's own connection (superuser), for data, traffic and independent reads. */
  public Connection connect(String db) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, p);
  }

  /** Every statement the server logged for {@code applicationName}. */
  public List<String> statementsOf(String applicationName) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("server.log"))) {
      if (!line.startsWith(applicationName + "|")) {
        continue;
      }
      // simple protocol: "LOG:  statement: …"; extended (JDBC): "LOG:  execute <unnamed>: …"
      int st = line.indexOf("LOG:  statement: ");
      int ex = line.indexOf("LOG:  execute ");
      if (st >= 0) {
        out.add(line.substring(st + "LOG:  statement: ".length()));
      } else if (ex >= 0) {
        out.add(line.substring(line.indexOf(": ", ex + "LOG:  execute ".length()) + 2));
      }
    }
    return out;
  }

  /** A program of the same PostgreSQL installation ({@code pgbench}); missing fails the test. */
  public Path program(String name) {
    Path p = bin.resolve(name);
    if (!Files.isExecutable(p)) {
      throw new AssertionError(
          name
              + " is not installed next to "
              + bin.resolve("initdb")
              + ": install it with `apt-get install -y postgresql` (.ci/run does)");
    }
    return p;
  }

  /** Stops the server at once, as a crash would: sessions are cut without a goodbye. */
  public void kill() throws Exception {
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "immediate",
            "-w",
            "stop"));
  }

  @Override
  public void close() throws Exception {
    try {
      if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
        kill();
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
