package dev.headroom.collect;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server to collect from, parsed from {@code scheme://[user[:password]@]host[:port][/database]}.
 * The password is held apart and never appears in {@link #toString()}, {@link #redacted()} or any
 * message built from them.
 *
 * @param user empty when none was given
 * @param database empty when none was given
 */
public record Target(
    String scheme, String host, int port, String user, String database, Secret password) {

  /** A password that prints as {@code ***}, so a stray log or message cannot show it. */
  public record Secret(String value) {
    public Secret {
      Objects.requireNonNull(value, "value");
    }

    public boolean isEmpty() {
      return value.isEmpty();
    }

    @Override
    public String toString() {
      return "***";
    }
  }

  public Target {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    user = user == null ? "" : user;
    database = database == null ? "" : database;
    password = password == null ? new Secret("") : password;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("a port is 1 to 65535, got " + port);
    }
  }

  /**
   * Parses {@code url}, whose scheme must be one of {@code schemes}; the first scheme's {@code
   * defaultPort} applies when none is given. A password in the URL is taken and then forgotten by
   * every printable form.
   *
   * @throws IllegalArgumentException with a message that never contains the password
   */
  public static Target parse(String url, List<String> schemes, int defaultPort) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "cannot read the URL ("
              + e.getReason()
              + "); allowed "
              + schemes.get(0)
              + "://host:port");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !schemes.contains(scheme)) {
      throw new IllegalArgumentException(
          "found the scheme \""
              + (scheme == null ? "" : scheme)
              + "\"; allowed "
              + String.join(", ", schemes.stream().map(s -> s + "://").toList())
              + " such as "
              + schemes.get(0)
              + "://127.0.0.1:"
              + defaultPort);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "found no host; allowed "
              + schemes.get(0)
              + "://host:port such as "
              + schemes.get(0)
              + "://127.0.0.1:"
              + defaultPort);
    }
    String user = "";
    String password = "";
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String db = path.startsWith("/") ? path.substring(1) : path;
    int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
    return new Target(scheme, uri.getHost(), port, user, db, new Secret(password));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * A copy with {@code fallback} as the password when the URL gave none (an environment variable).
   */
  public Target withPasswordIfAbsent(Optional<String> fallback) {
    if (!password.isEmpty() || fallback.isEmpty() || fallback.get().isEmpty()) {
      return this;
    }
    return new Target(scheme, host, port, user, database, new Secret(fallback.get()));
  }

  /**
   * {@code redis://127.0.0.1:6380} or {@code postgres://monitor@db:5432/shop}: never a password.
   */
  public String redacted() {
    return scheme
        + "://"
        + (user.isEmpty() ? "" : user + "@")
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port
        + (database.isEmpty() ? "" : "/" + database);
  }

  @Override
  public String toString() {
    return redacted();
  }
}
