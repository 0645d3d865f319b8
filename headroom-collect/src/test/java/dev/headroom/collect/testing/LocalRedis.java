package dev.headroom.collect.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway redis-server on 127.0.0.1 at a free port, with no persistence, in a temporary
 * directory; stopped on close. A missing binary fails the test (never skips it): CI installs the
 * Debian package.
 */
public final class LocalRedis implements AutoCloseable {

  private final Process process;
  private final int port;

  private LocalRedis(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server with {@code extra} arguments ({@code --maxmemory 2mb}). */
  public static LocalRedis start(Path dir, String... extra) throws Exception {
    Path binary =
        Binaries.find(
            "redis-server", List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server"));
    int port = freePort();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString()));
    cmd.addAll(List.of(extra));
    Path log = dir.resolve("redis.log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalRedis r = new LocalRedis(p, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("redis-server exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return r;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    r.close();
    throw new IllegalStateException(
        "redis-server did not listen on " + port + ": " + Files.readString(log));
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** A plain client for the test's own traffic and independent reads. */
  public Client client() throws IOException {
    return new Client(port);
  }

  /** Kills the server (for the "server gone mid-collection" test). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The test's own RESP client: any command, replies as text. */
  public static final class Client implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Client(int port) throws IOException {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(10_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    public Object call(String... args) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      for (String a : args) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        b.writeBytes(("$" + x.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(x);
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write(b.toByteArray());
      out.flush();
      return read();
    }

    /** One field of INFO, as a number. */
    public double info(String field) throws IOException {
      for (String line : ((String) call("INFO", "all")).split("\r\n")) {
        if (line.startsWith(field + ":")) {
          return Double.parseDouble(line.substring(field.length() + 1));
        }
      }
      throw new IllegalStateException("no " + field + " in INFO");
    }

    private Object read() throws IOException {
      int t = in.read();
      String line = line();
      switch (t) {
        case '+', '-':
          return (t == '-' ? "ERR:" : "") + line;
        case ':':
          return Long.parseLong(line);
        case '$':
          {
            int n = Integer.parseInt(line);
            if (n < 0) {
              return null;
            }
            byte[] x = in.readNBytes(n + 2);
            return new String(x, 0, n, StandardCharsets.UTF_8);
          }
        case '*':
          {
            int n = Integer.parseInt(line);
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < n; i++) {
              l.add(read());
            }
            return l;
          }
        default:
          throw new IOException("not RESP: " + (char) t);
      }
    }

    private String line() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != '\r') {
        if (c < 0) {
          throw new IOException("closed");
        }
        b.write(c);
      }
      in.read();
      return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
