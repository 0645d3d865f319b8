package dev.headroom.ingest.trace;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Trace and span ids as lower-case hex. OTLP JSON writes hex (the OTLP spec's exception to the
 * protobuf JSON mapping), but encoders that follow the generic mapping write base64; Jaeger and
 * Zipkin write hex. Case is not significant in hex ({@code otlp-traces-example.json} uses upper
 * case).
 */
final class Ids {

  private Ids() {}

  /** The id as lower-case hex, or empty when it is neither hex nor base64 of 8 or 16 bytes. */
  static Optional<String> normalise(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    if (isHex(id)) {
      return Optional.of(id.toLowerCase(Locale.ROOT));
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(id);
      if (bytes.length == 8 || bytes.length == 16) {
        return Optional.of(HexFormat.of().formatHex(bytes));
      }
    } catch (IllegalArgumentException notBase64) {
      // falls through: reported by the caller with the id it found
    }
    return Optional.empty();
  }

  private static boolean isHex(String s) {
    // 16 and 32 digits are what producers write; shorter ones come from Jaeger's trimmed
    // leading zeros, so any length up to 32 is accepted
    if (s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
