package dev.headroom.collect.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway MariaDB server: {@code mariadb-install-db} into a fresh directory, then {@code
 * mariadbd} on 127.0.0.1 at a free port with its socket, pid file and logs in that directory,
 * performance_schema on and every statement in the general log (so a test can read what the
 * collector sent). An init file creates the test's own administrator, {@value #USER}, reachable
 * over TCP with a password. mariadbd refuses to run as root unless told to, so as root it is told
 * ({@code --user=root}). A missing binary fails the test.
 */
public final class LocalMariaDb implements AutoCloseable {

  public static final String USER = "admin";
  public static final String PASSWORD = "my-Secret-4-tests";

  private final Process process;
  private final Path dir;
  private final int port;

  private LocalMariaDb(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server with {@code extra} options ({@code --long-query-time=0.5}). */
  public static LocalMariaDb start(String... extra) throws Exception {
    Path install =
        Binaries.find(
            "mariadb-install-db",
            List.of("/usr/bin/mariadb-install-db", "/usr/local/bin/mariadb-install-db"),
            "mariadb-server");
    Path server =
        Binaries.find(
            "mariadbd",
            List.of("/usr/sbin/mariadbd", "/usr/local/sbin/mariadbd"),
            "mariadb-server");
    String user = System.getProperty("user.name");
    Path dir = Files.createTempDirectory("headroom-mariadb");
    Path data = dir.resolve("data");
    run(
        List.of(
            install.toString(),
            "--no-defaults",
            "--datadir=" + data,
            "--user=" + user,
            "--auth-root-authentication-method=normal",
            "--skip-test-db"),
        dir);
    Path init = dir.resolve("init.sql");
    Files.writeString(
        init,
        "CREATE USER '"
            + USER
            + "'@'127.0.0.1' IDENTIFIED BY '"
            + PASSWORD
            + "';\nGRANT ALL PRIVILEGES ON *.* TO '"
            + USER
            + "'@'127.0.0.1' WITH GRANT OPTION;\n",
        StandardCharsets.UTF_8);
    int port = LocalRedis.freePort();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                server.toString(),
                "--no-defaults",
                "--user=" + user,
                "--datadir=" + data,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("sock"),
                "--pid-file=" + dir.resolve("pid"),
                "--log-error=" + dir.resolve("error.log"),
                "--general-log=ON",
                "--general-log-file=" + dir.resolve("general.log"),
                "--performance-schema=ON",
                "--skip-name-resolve",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=32M",
                "--innodb-flush-log-at-trx-commit=0",
                "--init-file=" + init));
    cmd.addAll(List.of(extra));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    LocalMariaDb db = new LocalMariaDb(p, dir, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        String log = Files.readString(dir.resolve("error.log"));
        db.delete();
        throw new IllegalStateException("mariadbd exited: " + log);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        try (Connection c = db.connect()) {
          return db; // listening and the init file has run
        } catch (SQLException notYet) {
          Thread.sleep(100);
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    String log = Files.readString(dir.resolve("error.log"));
    db.close();
    throw new IllegalStateException("mariadbd did not accept connections on " + port + ": " + log);
  }

  private static void run(List<String> cmd, Path dir) throws Exception {
    Path out = dir.resolve("command.log");
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
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(out));
    }
  }

  public int port() {
    return port;
  }

  /** {@code mysql://USER@127.0.0.1:PORT} without a password. */
  public String url(String user) {
    return "mysql://" + user + "@127.0.0.1:" + port;
  }

  /** The test's own connection (all privileges), for data, traffic and independent reads. */
  public Connection connect() throws SQLException {
    return connect(USER, PASSWORD);
  }

  public Connection connect(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "5000");
    p.setProperty("sslMode", "disable"); // a server on this machine, without a certificate
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", p);
  }

  /** SHOW GLOBAL STATUS's numeric values, read on {@code c}. */
  public static Map<String, Long> globalStatus(Connection c) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW GLOBAL STATUS")) {
      while (r.next()) {
        try {
          out.put(r.getString(1), Long.parseLong(r.getString(2)));
        } catch (NumberFormatException notACounter) {
          // ON/OFF, versions, decimals
        }
      }
    }
    return out;
  }

  private static final Pattern LOG_LINE =
      Pattern.compile("^(?:\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})?\\s+(\\d+) (\\w+)\\t(.*)$");

  /**
   * Every statement (general log "Query" entry) sent on a connection that logged in as {@code
   * user}, in order; the server numbers connections, and a "Connect" entry names their user.
   */
  public List<String> statementsOf(String user) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("general.log"), StandardCharsets.UTF_8)) {
      Matcher m = LOG_LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String thread = m.group(1);
      if (m.group(2).equals("Connect") && m.group(3).startsWith(user + "@")) {
        threads.add(thread);
      } else if (m.group(2).equals("Query") && threads.contains(thread)) {
        out.add(m.group(3));
      }
    }
    return out;
  }

  /**
   * Waits until a connection of {@code user} has sent {@code sql} (the general log shows it), so a
   * test knows where the collector is.
   */
  public void awaitStatement(String user, String sql) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!statementsOf(user).contains(sql)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(user + " never sent " + sql);
      }
      Thread.sleep(20);
    }
  }

  /** Kills the server at once (for the "server gone mid-collection" tests). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: mariadbd shuts down cleanly
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    delete();
  }

  private void delete() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
