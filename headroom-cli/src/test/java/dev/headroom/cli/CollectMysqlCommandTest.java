package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.collect.testing.LocalMariaDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code headroom collect mysql://…} against a real MariaDB: the password from the URL, MYSQL_PWD
 * or a .my.cnf, never in any output; bad usage, a wrong password and a server that dies exit 2 and
 * write nothing.
 */
class CollectMysqlCommandTest {

  private static LocalMariaDb db;

  @BeforeAll
  static void startServer() throws Exception {
    db = LocalMariaDb.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  /** Runs {@code headroom args} with {@code env} as the environment and {@code myCnf}. */
  private static Cli.Run run(Map<String, String> env, Path myCnf, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Headroom.commandLine();
    CollectCommand collect = cl.getSubcommands().get("collect").getCommand();
    collect.environment = env::get;
    collect.myCnf = myCnf;
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Cli.Run(code, out.toString(), err.toString());
  }

  private static String url() {
    return "mysql://" + LocalMariaDb.USER + "@127.0.0.1:" + db.port();
  }

  private static void assertWrittenWithoutThePassword(Cli.Run r, Path out) throws Exception {
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote " + out);
    String json = Files.readString(out);
    assertThat(json).contains("\"database.qps\"").contains("\"database.max_connections\"");
    assertThat(r.out() + r.err() + json).doesNotContain(LocalMariaDb.PASSWORD);
  }

  @Test
  void passwordFromMysqlPwd_collects_andNeverShowsIt(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            Map.of("MYSQL_PWD", LocalMariaDb.PASSWORD),
            dir.resolve("absent.cnf"),
            "collect",
            url(),
            "--tls",
            "off",
            "--window",
            "300ms",
            "-o",
            out.toString());
    assertWrittenWithoutThePassword(r, out);
  }

  @Test
  void passwordFromMyCnf_collects_andNeverShowsIt(@TempDir Path dir) throws Exception {
    Path cnf = dir.resolve("my.cnf");
    Files.writeString(
        cnf, "[mysqld]\nport=1\n[client]\npassword=\"" + LocalMariaDb.PASSWORD + "\"\n");
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            Map.of(),
            cnf,
            "collect",
            url().replace("mysql://", "mariadb://"),
            "--tls",
            "off",
            "--window",
            "300ms",
            "--component",
            "db",
            "-o",
            out.toString());
    assertWrittenWithoutThePassword(r, out);
    assertThat(Files.readString(out)).contains("\"component\" : \"db\"");
  }

  @Test
  void passwordFromTheUrl_collects_andNeverShowsIt(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            Map.of(),
            dir.resolve("absent.cnf"),
            "collect",
            url().replace("@", ":" + LocalMariaDb.PASSWORD + "@"),
            "--tls",
            "off",
            "--window",
            "300ms",
            "-o",
            out.toString());
    assertWrittenWithoutThePassword(r, out);
  }

  @Test
  void aWrongPassword_exitsTwo_writesNothing_andNeverShowsIt(@TempDir Path dir) {
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            Map.of("MYSQL_PWD", "wrong-" + LocalMariaDb.PASSWORD),
            dir.resolve("absent.cnf"),
            "collect",
            url(),
            "--tls",
            "off",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(url() + ": cannot connect")
        .contains("check the user and the password")
        .contains("nothing written to " + out)
        .doesNotContain(LocalMariaDb.PASSWORD)
        .doesNotContain("at dev.headroom");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void byDefaultTlsIsRequired_andAServerWithoutItIsRefusedWithTheWayOut(@TempDir Path dir) {
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            Map.of("MYSQL_PWD", LocalMariaDb.PASSWORD),
            dir.resolve("absent.cnf"),
            "collect",
            url(),
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not offer TLS").contains("--tls off");
    assertThat(Files.exists(out)).isFalse();
  }

  private static final String SYSTEM =
      """
      name: shop
      workload: { peak_rps: 200 rps, read_ratio: 50% }
      components:
        - { name: web, kind: app, instances: 2, vcpu: 4, memory: 8GiB }
        - { name: db, kind: database, role: primary, vcpu: 8, memory: 32GiB, max_connections: 500 }
      observations:
        db.cpu: 40%
      """;

  @Test
  void collectThenAdvise_temporaryTablesOnDiskBecomeAMeasuredFinding(@TempDir Path dir)
      throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS shop");
      s.execute("CREATE TABLE IF NOT EXISTS shop.notes (id INT PRIMARY KEY, note TEXT)");
      s.execute("REPLACE INTO shop.notes VALUES (1, 'a'), (2, 'b'), (3, 'a')");
    }
    Path evidence = dir.resolve("evidence");
    Files.createDirectories(evidence);
    Path system = dir.resolve("system.yaml");
    Files.writeString(system, SYSTEM);
    AtomicBoolean done = new AtomicBoolean();
    // an application whose every query groups by a TEXT column: its temporary tables go to disk
    CompletableFuture<Void> app =
        CompletableFuture.runAsync(
            () -> {
              try (Connection c = db.connect();
                  Statement s = c.createStatement()) {
                while (!done.get()) {
                  try (ResultSet r =
                      s.executeQuery("SELECT note, count(*) FROM shop.notes GROUP BY note")) {
                    r.next();
                  }
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Cli.Run collected;
    try {
      collected =
          run(
              Map.of("MYSQL_PWD", LocalMariaDb.PASSWORD),
              dir.resolve("absent.cnf"),
              "collect",
              url(),
              "--tls",
              "off",
              "--window",
              "1s",
              "--component",
              "db",
              "-o",
              evidence.resolve("db.json").toString());
    } finally {
      done.set(true);
      app.get(30, TimeUnit.SECONDS);
    }
    assertThat(collected.code()).as(collected.err()).isZero();

    Cli.Run advice =
        Cli.run("advise", system.toString(), "--evidence", evidence.toString(), "-f", "json");
    assertThat(advice.code()).as(advice.err()).isIn(0, 1);
    assertThat(advice.out())
        .contains("HR-DB-020")
        .contains("went to disk")
        .contains("mysql global status and performance_schema at " + url())
        .doesNotContain(LocalMariaDb.PASSWORD);
  }

  @Test
  void anUnknownTlsMode_isBadUsageNamingTheOption(@TempDir Path dir) {
    Cli.Run r =
        run(
            Map.of(),
            dir.resolve("absent.cnf"),
            "collect",
            url(),
            "--tls",
            "maybe",
            "-o",
            dir.resolve("db.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--tls: found \"maybe\"; allowed verify, trust, prefer or off");
  }

  @Test
  void theServerDyingInTheWindow_exitsTwo_andWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("db.json");
    try (LocalMariaDb doomed = LocalMariaDb.start()) {
      String doomedUrl = "mysql://" + LocalMariaDb.USER + "@127.0.0.1:" + doomed.port();
      CompletableFuture<Cli.Run> run =
          CompletableFuture.supplyAsync(
              () ->
                  run(
                      Map.of("MYSQL_PWD", LocalMariaDb.PASSWORD),
                      dir.resolve("absent.cnf"),
                      "collect",
                      doomedUrl,
                      "--tls",
                      "off",
                      "--timeout",
                      "3s",
                      "--window",
                      "3s",
                      "-o",
                      out.toString()));
      doomed.awaitStatement(LocalMariaDb.USER, "SHOW GLOBAL STATUS"); // the window has begun
      doomed.kill();
      Cli.Run r = run.get(60, TimeUnit.SECONDS);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .contains(doomedUrl + ": failed")
          .contains("went away")
          .contains("nothing written to " + out)
          .doesNotContain(LocalMariaDb.PASSWORD)
          .doesNotContain("at dev.headroom");
      assertThat(Files.exists(out)).isFalse();
    }
  }
}
