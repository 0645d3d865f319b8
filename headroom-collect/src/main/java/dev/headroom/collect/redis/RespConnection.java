package dev.headroom.collect.redis;

import dev.headroom.collect.CollectionException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One connection speaking RESP2 (the Redis serialization protocol), restricted to the read-only
 * commands the collector needs. A command outside {@link #ALLOWED} is refused before anything is
 * sent, so the collector cannot write even by mistake.
 */
final class RespConnection implements Closeable {

  /** Every command this connection will send: authentication and reads of statistics. */
  static final Set<String> ALLOWED = Set.of("AUTH", "INFO", "CONFIG GET");

  /** A reply bigger than this is not an INFO reply: stop reading instead of exhausting memory. */
  private static final int MAX_REPLY_BYTES = 16 << 20;

  /** A server error reply ({@code -NOPERM …}), kept apart so callers can fall back. */
  static final class ErrorReply extends Exception {
    private static final long serialVersionUID = 1L;

    ErrorReply(String message) {
      super(message);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String where;

  /**
   * Connects within {@code connectTimeout}; every later read waits at most {@code readTimeout}.
   *
   * @param where the redacted target, for messages
   */
  RespConnection(
      String host, int port, Duration connectTimeout, Duration readTimeout, String where) {
    this.where = where;
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      s.setSoTimeout((int) readTimeout.toMillis());
      this.socket = s;
      this.in = new BufferedInputStream(s.getInputStream());
      this.out = s.getOutputStream();
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // the connect failure is the error to report
      }
      throw new CollectionException(
          where
              + ": cannot connect within "
              + connectTimeout.toMillis()
              + " ms ("
              + e.getMessage()
              + "); check the host and port, and that a firewall lets this machine in",
          e);
    }
  }

  /** Sends {@code command} with {@code args} and reads one reply. */
  Object call(String command, String... args) throws ErrorReply {
    String full = args.length > 0 && command.equals("CONFIG") ? command + " " + args[0] : command;
    if (!ALLOWED.contains(full)) {
      throw new IllegalStateException("the collector sends only " + ALLOWED + ", not " + full);
    }
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      write(buf, "*" + (1 + args.length) + "\r\n");
      bulk(buf, command);
      for (String a : args) {
        bulk(buf, a);
      }
      out.write(buf.toByteArray());
      out.flush();
      Object reply = read();
      if (reply instanceof ErrorReply e) {
        throw e;
      }
      return reply;
    } catch (SocketTimeoutException e) {
      throw new CollectionException(
          where
              + ": no reply to "
              + command
              + " within the read timeout; the server is overloaded or gone",
          e);
    } catch (IOException e) {
      throw new CollectionException(
          where
              + ": the connection failed during "
              + command
              + " ("
              + e.getMessage()
              + "); the server may have stopped",
          e);
    }
  }

  private static void bulk(ByteArrayOutputStream buf, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    write(buf, "$" + b.length + "\r\n");
    buf.writeBytes(b);
    write(buf, "\r\n");
  }

  private static void write(ByteArrayOutputStream buf, String s) {
    buf.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** One RESP2 value: String, Long, null (nil), List, or an ErrorReply as a value. */
  private Object read() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new IOException("the server closed the connection");
    }
    String line = line();
    switch (type) {
      case '+':
        return line;
      case '-':
        return new ErrorReply(line);
      case ':':
        return Long.parseLong(line);
      case '$':
        {
          int n = Integer.parseInt(line);
          if (n < 0) {
            return null;
          }
          if (n > MAX_REPLY_BYTES) {
            throw new IOException("a reply of " + n + " bytes, more than an INFO reply holds");
          }
          byte[] b = in.readNBytes(n);
          if (b.length < n || in.read() != '\r' || in.read() != '\n') {
            throw new IOException("a reply cut short");
          }
          return new String(b, StandardCharsets.UTF_8);
        }
      case '*':
        {
          int n = Integer.parseInt(line);
          if (n < 0) {
            return null;
          }
          List<Object> items = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Object item = read();
            items.add(item instanceof ErrorReply e ? e.getMessage() : item);
          }
          return items;
        }
      default:
        throw new IOException("a reply starting with '" + (char) type + "', which is not RESP");
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b.size() > MAX_REPLY_BYTES) {
        throw new IOException("a reply line without an end");
      }
      b.write(c);
    }
    if (in.read() != '\n') {
      throw new IOException("a reply line not ended by CRLF");
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a connection we only read from loses nothing
    }
  }
}
