package dev.headroom.ingest.accesslog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats the reader knows by name, and tries in this order when none is given (the most
 * specific first, so a timed line is never read as plain {@code combined}). Each is an nginx {@code
 * log_format} string compiled by {@link LogFormat}, except {@link #JSON}, which reads flat JSON
 * objects by key in any order.
 */
public enum LogPreset {
  /** JSON lines, keys named after the nginx variables (nginx {@code escape=json}). */
  JSON("json", null, "JSON lines, keys named after nginx variables (log_format escape=json)"),
  /**
   * nginx's documented {@code upstream_time} example: combined plus {@code rt=$request_time} and
   * the upstream connect, header and response times.
   */
  COMBINED_TIMED(
      "combined-timed",
      Formats.COMBINED
          + " rt=$request_time uct=\"$upstream_connect_time\" uht=\"$upstream_header_time\""
          + " urt=\"$upstream_response_time\"",
      "combined + rt=$request_time uct=… uht=… urt=… (nginx's upstream_time example)"),
  /** combined, then {@code $request_time} and {@code $upstream_response_time}. */
  COMBINED_RT_URT(
      "combined-rt-urt",
      Formats.COMBINED + " $request_time $upstream_response_time",
      "combined + $request_time $upstream_response_time"),
  /** combined, then {@code $request_time}. */
  COMBINED_RT("combined-rt", Formats.COMBINED + " $request_time", "combined + $request_time"),
  /** Apache combined, then {@code %D} (microseconds). */
  APACHE_COMBINED_D("apache-combined-d", Formats.COMBINED + " %D", "Apache combined + %D (µs)"),
  /** nginx and Apache {@code combined}: no timing field. */
  COMBINED("combined", Formats.COMBINED, "nginx/Apache combined (no request time)"),
  /** nginx and Apache {@code common}: no referrer, user agent or timing. */
  COMMON(
      "common",
      "$remote_addr $remote_ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent",
      "nginx/Apache common (no user agent, no request time)");

  private final String id;
  private final String format;
  private final String description;

  LogPreset(String id, String format, String description) {
    this.id = id;
    this.format = format;
    this.description = description;
  }

  public String id() {
    return id;
  }

  /** The nginx {@code log_format} string, or empty for {@link #JSON}. */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  public String description() {
    return description;
  }

  /** The preset with this id, case-insensitively. */
  public static Optional<LogPreset> byId(String id) {
    String k = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.id.equals(k)).findFirst();
  }

  /** The ids in detection order, for help and messages. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(LogPreset::id).toList();
  }

  private static final class Formats {
    /** nginx's predefined combined format (ngx_http_log_module), the same text as Apache's. */
    static final String COMBINED =
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
            + " \"$http_referer\" \"$http_user_agent\"";
  }
}
