package dev.headroom.collect.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Two weeks of known telemetry for the collector tests, written once as OpenMetrics (for promtool's
 * backfill into Prometheus) and once as Prometheus text with millisecond timestamps (for
 * VictoriaMetrics' import). Rates are constant within each hour, so every rate() over a window
 * inside one hour is exact, and the expected figures below are closed-form.
 */
final class History {

  static final long SAMPLE_SECONDS = 120;
  static final long DAYS = 14;
  static final double MIB = 1024.0 * 1024;
  static final double GIB = 1024 * MIB;

  /** Cumulative share of requests at or below each bucket bound, normal and in the peak hour. */
  static final double[] LE = {0.05, 0.1, 0.25, 0.5, 1.0};

  static final double[] NORMAL = {0.50, 0.80, 0.95, 0.99, 1.0};
  static final double[] PEAK = {0.20, 0.45, 0.70, 0.90, 0.98};
  static final double ERROR_SHARE = 0.01;
  static final double PEAK_RPS = 400;
  static final double OTHER_RPS = 50;
  static final double OTHER_ERRORS = 0.5;
  static final double POD_MEMORY = 300 * MIB;
  static final double SPIKE_MEMORY = 900 * MIB;

  /** The end of the history (on the hour) and its start. */
  final long end;

  final long start;
  final long peakHour;
  final long spikeAt;

  History(Instant now) {
    this.end = (now.getEpochSecond() - 600) / 3600 * 3600;
    this.start = end - DAYS * 86400;
    this.peakHour = start + 10 * 86400 + 14 * 3600;
    this.spikeAt = start + 5 * 86400 + 7 * 3600 + SAMPLE_SECONDS;
  }

  int hourOfDay(long t) {
    return (int) (Math.floorMod(t, 86400) / 3600);
  }

  boolean inPeak(long t) {
    return t >= peakHour && t < peakHour + 3600;
  }

  /** Requests per second of the hour holding {@code t}. */
  double rps(long t) {
    return inPeak(t) ? PEAK_RPS : 100 + 10 * hourOfDay(t);
  }

  boolean busy(long t) {
    return hourOfDay(t) >= 22;
  }

  double nodeIdle(long t) {
    return inPeak(t) ? 0.2 : busy(t) ? 0.5 : 0.7;
  }

  double podCpu(long t) {
    return inPeak(t) ? 0.6 : busy(t) ? 0.5 : 0.2;
  }

  /**
   * The closed-form histogram_quantile (Prometheus docs): the rank q × the +Inf bucket's count,
   * interpolated linearly inside the bucket that holds it; a rank in the +Inf bucket gives the
   * highest finite bound.
   */
  static double quantile(double q, double[] cumulative) {
    double rank = q * 1.0;
    double lower = 0;
    double below = 0;
    for (int i = 0; i < LE.length; i++) {
      if (cumulative[i] >= rank) {
        return lower + (LE[i] - lower) * (rank - below) / (cumulative[i] - below);
      }
      lower = LE[i];
      below = cumulative[i];
    }
    return LE[LE.length - 1];
  }

  private record Line(String name, String labels, LongToDoubleFunction value) {}

  private List<Line> lines() {
    List<Line> out = new ArrayList<>();
    for (String status : List.of("200", "500")) {
      double share = status.equals("500") ? ERROR_SHARE : 1 - ERROR_SHARE;
      String l = "application=\"checkout\",uri=\"/pay\",status=\"" + status + "\"";
      for (int i = 0; i <= LE.length; i++) {
        final int b = i;
        String le = i == LE.length ? "+Inf" : fmt(LE[i]);
        out.add(
            new Line(
                "http_server_requests_seconds_bucket",
                l + ",le=\"" + le + "\"",
                counter(
                    t ->
                        rps(t) * share * (b == LE.length ? 1.0 : (inPeak(t) ? PEAK : NORMAL)[b]))));
      }
      out.add(new Line("http_server_requests_seconds_count", l, counter(t -> rps(t) * share)));
    }
    // a second service instrumented by a Prometheus client library: job and code labels
    for (String code : List.of("200", "503")) {
      double rate = code.equals("503") ? OTHER_ERRORS : OTHER_RPS - OTHER_ERRORS;
      String l = "job=\"inventory\",handler=\"/items\",code=\"" + code + "\"";
      for (int i = 0; i <= LE.length; i++) {
        final int b = i;
        String le = i == LE.length ? "+Inf" : fmt(LE[i]);
        out.add(
            new Line(
                "http_request_duration_seconds_bucket",
                l + ",le=\"" + le + "\"",
                counter(t -> rate * (b == LE.length ? 1.0 : NORMAL[b]))));
      }
      out.add(new Line("http_request_duration_seconds_count", l, counter(t -> rate)));
    }
    for (String cpu : List.of("0", "1")) {
      out.add(
          new Line(
              "node_cpu_seconds_total",
              "job=\"node\",instance=\"web-1:9100\",cpu=\"" + cpu + "\",mode=\"idle\"",
              counter(this::nodeIdle)));
    }
    out.add(
        new Line(
            "node_memory_MemTotal_bytes", "job=\"node\",instance=\"web-1:9100\"", t -> 8 * GIB));
    out.add(
        new Line(
            "node_memory_MemAvailable_bytes",
            "job=\"node\",instance=\"web-1:9100\"",
            t -> inPeak(t) ? 2 * GIB : 6 * GIB));
    for (String pod : List.of("checkout-5d8f7c9b4-abcde", "checkout-5d8f7c9b4-fghij")) {
      String l = "namespace=\"shop\",pod=\"" + pod + "\",container=\"checkout\"";
      out.add(new Line("container_cpu_usage_seconds_total", l, counter(this::podCpu)));
      boolean spiky = pod.endsWith("abcde");
      out.add(
          new Line(
              "container_memory_working_set_bytes",
              l,
              t -> spiky && t == spikeAt ? SPIKE_MEMORY : POD_MEMORY));
      out.add(
          new Line(
              "kube_pod_container_resource_requests",
              l + ",resource=\"cpu\",unit=\"core\"",
              t -> 1.0));
      out.add(
          new Line(
              "kube_pod_container_resource_limits",
              l + ",resource=\"cpu\",unit=\"core\"",
              t -> 2.0));
      out.add(
          new Line(
              "kube_pod_container_resource_requests",
              l + ",resource=\"memory\",unit=\"byte\"",
              t -> 512 * MIB));
      out.add(
          new Line(
              "kube_pod_container_resource_limits",
              l + ",resource=\"memory\",unit=\"byte\"",
              t -> 512 * MIB));
    }
    String hpa = "namespace=\"shop\",horizontalpodautoscaler=\"checkout\"";
    out.add(new Line("kube_horizontalpodautoscaler_spec_max_replicas", hpa, t -> 2));
    out.add(new Line("kube_horizontalpodautoscaler_spec_min_replicas", hpa, t -> 2));
    out.add(new Line("kube_horizontalpodautoscaler_status_current_replicas", hpa, t -> 2));
    out.add(
        new Line(
            "kube_horizontalpodautoscaler_spec_target_metric",
            hpa + ",metric_name=\"cpu\",metric_target_type=\"utilization\"",
            t -> 70));
    out.add(
        new Line(
            "kube_horizontalpodautoscaler_info",
            hpa + ",scaletargetref_kind=\"Deployment\",scaletargetref_name=\"checkout\"",
            t -> 1));
    return out;
  }

  /**
   * A counter whose increase over each sample interval is the rate of the hour the interval starts
   * in × the interval: its value at {@code t} is the integral of the rate up to {@code t}.
   */
  private LongToDoubleFunction counter(LongToDoubleFunction rate) {
    long from = first();
    return new LongToDoubleFunction() {
      long at = from;
      double sum = 0;

      @Override
      public double applyAsDouble(long t) {
        if (t < at) {
          at = from;
          sum = 0;
        }
        while (at < t) {
          sum += rate.applyAsDouble(at) * SAMPLE_SECONDS;
          at += SAMPLE_SECONDS;
        }
        return sum;
      }
    };
  }

  /** Half an hour before the range, so the first rate() windows have data. */
  long first() {
    return start - 1800;
  }

  String openMetrics() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines()) {
      for (long t = first(); t <= end; t += SAMPLE_SECONDS) {
        sb.append(l.name)
            .append('{')
            .append(l.labels)
            .append("} ")
            .append(fmt(l.value.applyAsDouble(t)))
            .append(' ')
            .append(t)
            .append('\n');
      }
    }
    return sb.append("# EOF\n").toString();
  }

  String prometheusText() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines()) {
      for (long t = first(); t <= end; t += SAMPLE_SECONDS) {
        sb.append(l.name)
            .append('{')
            .append(l.labels)
            .append("} ")
            .append(fmt(l.value.applyAsDouble(t)))
            .append(' ')
            .append(t * 1000)
            .append('\n');
      }
    }
    return sb.toString();
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(15))
        .stripTrailingZeros()
        .toPlainString();
  }
}
