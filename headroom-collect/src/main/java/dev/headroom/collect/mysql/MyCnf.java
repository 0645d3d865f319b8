package dev.headroom.collect.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code password} of the {@code [client]} group of a MySQL option file ({@code ~/.my.cnf}),
 * which the {@code mysql} client and every MySQL tool read; so the collector finds the password
 * where a DBA already keeps it.
 *
 * <p>The format (MySQL reference manual, "Using Option Files"): {@code [group]} lines open a group;
 * {@code name=value} or {@code name = value} lines set an option; {@code #} and {@code ;} start a
 * comment line; a value may be quoted with {@code '} or {@code "}, and inside double quotes {@code
 * \\}, {@code \"}, {@code \n} and {@code \t} are escapes. MariaDB's clients also read {@code
 * [client-mariadb]}, which is honoured the same way. The last setting wins, as in the client.
 * {@code !include} directives are not followed.
 */
public final class MyCnf {

  private static final List<String> GROUPS = List.of("client", "client-mariadb");

  private MyCnf() {}

  /** {@code ~/.my.cnf}. */
  public static Path defaultPath() {
    return Path.of(System.getProperty("user.home"), ".my.cnf");
  }

  /**
   * The password in {@code file}'s client groups; empty when the file does not exist or names none.
   *
   * @throws UncheckedIOException when the file exists but cannot be read (the message names the
   *     file, never its contents)
   */
  public static Optional<String> password(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
    return password(lines);
  }

  /** The password in the client groups of an option file's {@code lines}. */
  static Optional<String> password(List<String> lines) {
    boolean inClient = false;
    Optional<String> found = Optional.empty();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        int end = line.indexOf(']');
        String group = (end < 0 ? line.substring(1) : line.substring(1, end)).strip();
        inClient = GROUPS.contains(group.toLowerCase(Locale.ROOT));
        continue;
      }
      if (!inClient) {
        continue;
      }
      int eq = line.indexOf('=');
      String name = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      // option names take - and _ alike
      if (!name.replace('-', '_').equals("password") || eq < 0) {
        continue;
      }
      found = Optional.of(value(line.substring(eq + 1).strip()));
    }
    return found;
  }

  private static String value(String v) {
    if (v.length() >= 2 && v.charAt(0) == '\'' && v.indexOf('\'', 1) > 0) {
      return v.substring(1, v.indexOf('\'', 1));
    }
    if (v.length() >= 2 && v.charAt(0) == '"') {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\' && i + 1 < v.length()) {
          char n = v.charAt(++i);
          out.append(
              switch (n) {
                case 'n' -> '\n';
                case 't' -> '\t';
                default -> n;
              });
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
    // unquoted: a trailing " #" comment is not part of the value
    int hash = v.indexOf(" #");
    return (hash < 0 ? v : v.substring(0, hash)).strip();
  }
}
