package dev.headroom.ingest.accesslog;

import java.util.Locale;
import java.util.Optional;

/**
 * The log variables the reader understands, with their units as the servers write them (nginx
 * ngx_http_log_module and ngx_http_upstream_module; Apache mod_log_config). Any other variable is
 * {@link #OTHER}: matched between its separators and ignored.
 */
enum Field {
  /**
   * {@code $time_local}: {@code 23/Nov/2026:05:26:35 +0000}, 1 s resolution, when the log line is
   * written (request end).
   */
  TIME_LOCAL("time_local"),
  /** {@code $time_iso8601}: {@code 2026-11-23T05:26:35+00:00}, request end. */
  TIME_ISO8601("time_iso8601"),
  /**
   * {@code $msec}: seconds since the epoch with ms resolution, {@code 1795411595.123}, request end.
   */
  MSEC("msec"),
  /** {@code $request}: {@code GET /path?query HTTP/1.1}; may be {@code -} or garbage. */
  REQUEST("request"),
  REQUEST_METHOD("request_method"),
  /** {@code $request_uri}: the original URI with its query string. */
  REQUEST_URI("request_uri"),
  /** {@code $uri}: the normalised URI without query string. */
  URI("uri"),
  /** {@code $status}: three digits. */
  STATUS("status"),
  /** {@code $body_bytes_sent}: bytes of the body only (Apache {@code %b}: {@code -} for 0). */
  BODY_BYTES_SENT("body_bytes_sent"),
  /** {@code $bytes_sent}: bytes including headers; used when the body size is not logged. */
  BYTES_SENT("bytes_sent"),
  /**
   * {@code $request_time}: seconds with ms resolution, first byte read to log write (FORMATS.md
   * §6).
   */
  REQUEST_TIME("request_time"),
  /**
   * {@code $upstream_response_time}: seconds, a list {@code "0.010, 0.002 : 0.005"} or {@code -}.
   */
  UPSTREAM_RESPONSE_TIME("upstream_response_time"),
  HTTP_USER_AGENT("http_user_agent"),
  /** {@code $sent_http_content_type}: the response's Content-Type header, or {@code -}. */
  SENT_HTTP_CONTENT_TYPE("sent_http_content_type"),
  /** Apache {@code %D}: the time taken to serve the request in whole microseconds. */
  APACHE_MICROS("%D"),
  /** Apache {@code %{ms}T}: the time taken in whole milliseconds (httpd 2.4.13+). */
  APACHE_MILLIS("%{ms}T"),
  /**
   * Apache {@code %T}: the time taken in whole seconds (too coarse for percentiles, read anyway).
   */
  APACHE_SECONDS("%T"),
  /** Any other variable: matched between its separators and ignored. */
  OTHER("");

  private final String variable;

  Field(String variable) {
    this.variable = variable;
  }

  /** The nginx variable name without {@code $}, or the Apache directive. */
  String variable() {
    return variable;
  }

  /** True for the fields that carry the request's own duration. */
  boolean isRequestTime() {
    return this == REQUEST_TIME
        || this == APACHE_MICROS
        || this == APACHE_MILLIS
        || this == APACHE_SECONDS;
  }

  /**
   * The field an nginx variable name (without {@code $}) stands for; {@link #OTHER} when unknown.
   */
  static Field ofVariable(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Field f : values()) {
      if (f != OTHER && !f.variable.startsWith("%") && f.variable.equals(n)) {
        return f;
      }
    }
    return OTHER;
  }

  /**
   * The field a JSON log key names: the nginx variable names, and the short names people give them
   * ({@code time}, {@code method}, {@code user_agent}, {@code content_type}).
   */
  static Optional<Field> ofJsonKey(String key) {
    Field f = ofVariable(key);
    if (f != OTHER) {
      return Optional.of(f);
    }
    return switch (key.toLowerCase(Locale.ROOT)) {
      case "time", "timestamp", "@timestamp" -> Optional.of(TIME_ISO8601);
      case "method" -> Optional.of(REQUEST_METHOD);
      case "path", "url" -> Optional.of(REQUEST_URI);
      case "user_agent", "useragent", "agent" -> Optional.of(HTTP_USER_AGENT);
      case "content_type" -> Optional.of(SENT_HTTP_CONTENT_TYPE);
      case "bytes", "size" -> Optional.of(BODY_BYTES_SENT);
      case "duration", "rt" -> Optional.of(REQUEST_TIME);
      default -> Optional.empty();
    };
  }
}
