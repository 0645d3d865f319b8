package dev.headroom.collect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.testing.LocalMariaDb;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server killed while the collector waits out its window: its own server, since it dies. */
class MysqlCollectorServerGoneTest {

  /** The throwaway server has no certificate. */
  private static final MysqlCollector.Tls TLS = MysqlCollector.Tls.OFF;

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

  @Test
  void collect_whenTheServerDiesInTheWindow_failsClearlyWithoutThePassword() throws Exception {
    Target t =
        Target.parse(
            "mariadb://"
                + LocalMariaDb.USER
                + ":"
                + LocalMariaDb.PASSWORD
                + "@127.0.0.1:"
                + db.port(),
            List.of("mysql", "mariadb"),
            MysqlCollector.DEFAULT_PORT);
    try (MysqlCollector c =
        MysqlCollector.connect(t, Duration.ofSeconds(3), Clock.systemUTC(), TLS)) {
      CompletableFuture<Object> run =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return c.collect(Duration.ofSeconds(2), "");
                } catch (CollectionException e) {
                  return e;
                }
              });
      db.awaitStatement(LocalMariaDb.USER, "SHOW GLOBAL STATUS"); // the first read: in the window
      db.kill();
      Object outcome = run.get(30, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(CollectionException.class);
      String message = ((CollectionException) outcome).getMessage();
      assertThat(message)
          .startsWith("mariadb://" + LocalMariaDb.USER + "@127.0.0.1:" + db.port() + ": failed")
          .contains("SHOW GLOBAL STATUS")
          .contains("went away")
          .doesNotContain(LocalMariaDb.PASSWORD);
    }
  }
}
