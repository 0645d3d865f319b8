package dev.headroom.collect.redis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one {@code INFO} reply ({@code name:value} lines under {@code # Section} headers),
 * read at one instant.
 *
 * @param nanoTime {@link System#nanoTime()} when the reply arrived, for the time between two reads
 */
record RedisInfo(Map<String, String> fields, long nanoTime) {

  RedisInfo {
    fields = Map.copyOf(fields);
  }

  static RedisInfo parse(String reply, long nanoTime) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String raw : reply.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        f.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    return new RedisInfo(f, nanoTime);
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  Optional<Double> number(String name) {
    String v = fields.get(name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(v.strip().toLowerCase(Locale.ROOT)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
