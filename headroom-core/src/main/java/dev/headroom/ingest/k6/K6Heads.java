package dev.headroom.ingest.k6;

import java.util.regex.Pattern;

/** Content sniffing shared by the k6 readers; each pattern looks only at a file's first bytes. */
final class K6Heads {

  private K6Heads() {}

  /** An NDJSON line of {@code --out json}: an object whose type is Metric or Point. */
  private static final Pattern NDJSON_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(Metric|Point)\"");

  private static final Pattern METRICS_KEY = Pattern.compile("\"metrics\"\\s*:\\s*\\{");

  /** A built-in k6 metric used as a key, which every summary of an HTTP test has. */
  private static final Pattern K6_METRIC_KEY =
      Pattern.compile(
          "\"(http_reqs|http_req_duration|iterations|iteration_duration|vus|vus_max|data_received|data_sent|checks)\"\\s*:\\s*\\{");

  /** handleSummary nests values and states the metric type. */
  private static final Pattern NESTED_VALUES = Pattern.compile("\"values\"\\s*:\\s*\\{");

  private static final Pattern METRIC_TYPE =
      Pattern.compile("\"type\"\\s*:\\s*\"(counter|gauge|rate|trend)\"");

  /**
   * A flattened legacy value: {@code "count": 295}, {@code "p(95)": 117.5}, {@code "passes": 11}.
   */
  private static final Pattern FLAT_VALUE =
      Pattern.compile(
          "\"(count|rate|avg|min|med|max|passes|fails|value|p\\([0-9.]+\\))\"\\s*:\\s*-?[0-9]");

  static String firstLine(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    t = t.stripLeading();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  static boolean isNdjson(String text) {
    String first = firstLine(text);
    return first.startsWith("{") && NDJSON_TYPE.matcher(first).find();
  }

  private static boolean isSummaryObject(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return t.stripLeading().startsWith("{")
        && !isNdjson(text)
        && METRICS_KEY.matcher(t).find()
        && K6_METRIC_KEY.matcher(t).find();
  }

  static boolean isHandleSummary(String text) {
    return isSummaryObject(text)
        && NESTED_VALUES.matcher(text).find()
        && METRIC_TYPE.matcher(text).find();
  }

  static boolean isLegacySummary(String text) {
    return isSummaryObject(text)
        && !NESTED_VALUES.matcher(text).find()
        && FLAT_VALUE.matcher(text).find();
  }

  /** The header of {@code --out csv}: {@code metric_name,timestamp,metric_value,…}. */
  static boolean isCsv(String text) {
    return firstLine(text).startsWith("metric_name,timestamp,metric_value");
  }
}
