package dev.headroom.ingest.accesslog;

/**
 * The access-log reader's limits and defaults, in one typed place (the CLI overrides them).
 *
 * @param routeDepth path segments kept in a route; deeper ones become {@code *}
 * @param topRoutes routes listed by count; the rest are summed into "other"
 * @param maxRoutes distinct routes tracked (each holds a latency histogram); later new routes go to
 *     "other", so memory stays bounded whatever the URL variety
 * @param maxLineBytes the longest line accepted: a longer one is an error, not an ever-growing
 *     buffer (a file with no newlines is not an access log)
 * @param maxBadShare the share of lines that may fail to parse before the file is refused
 * @param reportedBadLines how many bad lines are quoted (file:line:column and what was expected)
 * @param reorderSeconds how far back in time a line may arrive and still count in the per-second
 *     peaks (nginx writes at request end, so lines of slow requests arrive late)
 */
public record AccessLogSettings(
    int routeDepth,
    int topRoutes,
    int maxRoutes,
    int maxLineBytes,
    double maxBadShare,
    int reportedBadLines,
    int reorderSeconds) {

  /** Deep enough for {@code /api/v1/orders/:id}. */
  public static final int DEFAULT_ROUTE_DEPTH = 4;

  public static final int DEFAULT_TOP_ROUTES = 20;

  /** 2,000 histograms of at most a few tens of KiB each. */
  public static final int DEFAULT_MAX_ROUTES = 2_000;

  /** nginx's own large_client_header_buffers default is 4 x 8 KiB; 64 KiB leaves room for them. */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

  /** 1% of lines: more means the format given (or detected) is not the file's. */
  public static final double DEFAULT_MAX_BAD_SHARE = 0.01;

  public static final int DEFAULT_REPORTED_BAD_LINES = 5;

  /** An hour: longer than any request nginx would still be serving. */
  public static final int DEFAULT_REORDER_SECONDS = 3_600;

  public static final AccessLogSettings DEFAULTS =
      new AccessLogSettings(
          DEFAULT_ROUTE_DEPTH,
          DEFAULT_TOP_ROUTES,
          DEFAULT_MAX_ROUTES,
          DEFAULT_MAX_LINE_BYTES,
          DEFAULT_MAX_BAD_SHARE,
          DEFAULT_REPORTED_BAD_LINES,
          DEFAULT_REORDER_SECONDS);

  public AccessLogSettings {
    require(routeDepth >= 1 && routeDepth <= 64, "routeDepth", routeDepth, "1 to 64");
    require(topRoutes >= 1 && topRoutes <= 10_000, "topRoutes", topRoutes, "1 to 10000");
    require(
        maxRoutes >= topRoutes && maxRoutes <= 1_000_000,
        "maxRoutes",
        maxRoutes,
        "topRoutes to 1000000");
    require(
        maxLineBytes >= 256 && maxLineBytes <= 64 * 1024 * 1024,
        "maxLineBytes",
        maxLineBytes,
        "256 to 67108864");
    require(maxBadShare >= 0 && maxBadShare <= 1, "maxBadShare", maxBadShare, "0 to 1");
    require(reportedBadLines >= 0, "reportedBadLines", reportedBadLines, "0 or more");
    require(
        reorderSeconds >= 60 && reorderSeconds <= 86_400,
        "reorderSeconds",
        reorderSeconds,
        "60 to 86400");
  }

  public AccessLogSettings withRouteDepth(int depth) {
    return new AccessLogSettings(
        depth, topRoutes, maxRoutes, maxLineBytes, maxBadShare, reportedBadLines, reorderSeconds);
  }

  public AccessLogSettings withTopRoutes(int top) {
    return new AccessLogSettings(
        routeDepth,
        top,
        Math.max(top, maxRoutes),
        maxLineBytes,
        maxBadShare,
        reportedBadLines,
        reorderSeconds);
  }

  public AccessLogSettings withMaxLineBytes(int bytes) {
    return new AccessLogSettings(
        routeDepth, topRoutes, maxRoutes, bytes, maxBadShare, reportedBadLines, reorderSeconds);
  }

  public AccessLogSettings withMaxBadShare(double share) {
    return new AccessLogSettings(
        routeDepth, topRoutes, maxRoutes, maxLineBytes, share, reportedBadLines, reorderSeconds);
  }

  private static void require(boolean ok, String name, double value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(name + ": found " + value + "; allowed " + allowed);
    }
  }
}
