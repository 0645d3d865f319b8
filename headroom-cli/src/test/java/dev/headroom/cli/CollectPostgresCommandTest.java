package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.collect.testing.LocalPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code headroom collect postgres://…} against a real cluster: the password from the URL or
 * PGPASSWORD shows in no output and no file, a refused one exits 2 without it, and a server that
 * dies during the window exits 2 with nothing written.
 */
class CollectPostgresCommandTest {

  private static LocalPostgres pg;

  @BeforeAll
  static void startCluster() throws Exception {
    pg = LocalPostgres.start();
    try (Connection c = pg.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  /** A run with {@code environment} standing in for the process's environment. */
  private static Cli.Run run(Function<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Headroom.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    CollectCommand collect = cl.getSubcommands().get("collect").getCommand();
    collect.environment = environment;
    int code = cl.execute(args);
    return new Cli.Run(code, out.toString(), err.toString());
  }

  private static void assertNowhere(String secret, Cli.Run r, Path dir) throws Exception {
    assertThat(r.out()).doesNotContain(secret);
    assertThat(r.err()).doesNotContain(secret);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as("%s", f).doesNotContain(secret);
      }
    }
  }

  @Test
  void aPasswordInTheUrl_collects_andAppearsNowhere(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            k -> null,
            "collect",
            "postgres://postgres:" + LocalPostgres.PASSWORD + "@127.0.0.1:" + pg.port() + "/shop",
            "--window",
            "0.3s",
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote " + out);
    assertThat(Files.readString(out)).contains(pg.url("shop")).contains("database.tps");
    assertNowhere(LocalPostgres.PASSWORD, r, dir);
  }

  @Test
  void aPasswordFromPgpassword_collects_andAppearsNowhere(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            k -> k.equals("PGPASSWORD") ? LocalPostgres.PASSWORD : null,
            "collect",
            pg.url("shop"),
            "--window",
            "0.3s",
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("collecting from " + pg.url("shop"));
    assertNowhere(LocalPostgres.PASSWORD, r, dir);
  }

  @Test
  void aWrongPgpassword_exitsTwo_writesNothing_andNeverShowsIt(@TempDir Path dir) throws Exception {
    String wrong = "Not-" + LocalPostgres.PASSWORD;
    Path out = dir.resolve("db.json");
    Cli.Run r =
        run(
            k -> k.equals("PGPASSWORD") ? wrong : null,
            "collect",
            pg.url("shop"),
            "--timeout",
            "3s",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(pg.url("shop") + ": cannot connect")
        .contains("check the user and the password")
        .contains("nothing written to " + out)
        .doesNotContain("at dev.headroom");
    assertNowhere(wrong, r, dir);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aServerKilledDuringTheWindow_exitsTwo_andWritesNothing(@TempDir Path dir) throws Exception {
    try (LocalPostgres doomed = LocalPostgres.start()) {
      Path out = dir.resolve("db.json");
      CompletableFuture<Cli.Run> run =
          CompletableFuture.supplyAsync(
              () ->
                  run(
                      k -> k.equals("PGPASSWORD") ? LocalPostgres.PASSWORD : null,
                      "collect",
                      doomed.url("postgres"),
                      "--window",
                      "4s",
                      "--timeout",
                      "3s",
                      "-o",
                      out.toString()));
      Thread.sleep(1500);
      doomed.kill();
      // bounded so that a hang fails the test rather than stalling the build
      Cli.Run r = run.get(20, TimeUnit.SECONDS);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .contains(doomed.url("postgres") + ": failed")
          .contains("the connection was lost during the collection")
          .contains("nothing written to " + out)
          .doesNotContain("at dev.headroom")
          .doesNotContain(LocalPostgres.PASSWORD);
      assertThat(r.out()).isEmpty();
      try (var files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    }
  }
}
