package dev.headroom.report.fit;

import dev.headroom.analysis.run.Slo;
import dev.headroom.analysis.run.SloThroughput;
import dev.headroom.analysis.run.StepSummary;
import dev.headroom.analysis.usl.BoundHit;
import dev.headroom.analysis.usl.ComparisonFit;
import dev.headroom.analysis.usl.Interval;
import dev.headroom.analysis.usl.ParameterEstimate;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import dev.headroom.analysis.usl.UslPrediction;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.Provenance;
import dev.headroom.report.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fit report as JSON, laid out as {@code docs/fit-report-schema.json} says. Fields are written
 * in a fixed order; numbers are rounded to {@value #SIGNIFICANT} significant digits and written
 * plainly (no exponent), so output is identical on every platform and locale. A value that does not
 * exist (no peak when κ = 0, no standard error for a coefficient held at a bound) is null.
 */
final class FitJson {

  /**
   * Digits kept: more than any input carries, few enough to be stable across solvers' last bits.
   */
  static final int SIGNIFICANT = 10;

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private FitJson() {}

  static String render(FitReport report) {
    ObjectNode root = Json.document();
    ArrayNode inputs = root.putArray("inputs");
    for (LoadTest t : report.inputs()) {
      ObjectNode in = inputs.addObject();
      in.put("file", t.source());
      in.put("format", t.format().id());
      in.put("producer", t.producer());
      in.put("loadModel", t.loadModel().name().toLowerCase(Locale.ROOT));
      in.put("steps", t.steps().size());
      in.put("skippedRecords", t.skipped().count());
    }
    if (report.model() == null) {
      root.putNull("model");
      root.put("reason", report.reason());
    } else {
      model(root.putObject("model"), report.model(), report.conclusive());
    }
    ArrayNode steps = root.putArray("steps");
    for (Step s : report.steps()) {
      step(steps.addObject(), s);
    }
    if (report.model() == null) {
      ArrayNode summaries = root.putArray("summaries");
      for (StepSummary s : report.summaries()) {
        summary(summaries.addObject(), s);
      }
    }
    if (!report.sloThroughputs().isEmpty()) {
      ArrayNode slo = root.putArray("sloThroughput");
      for (SloThroughput t : report.sloThroughputs()) {
        ObjectNode o = slo.addObject();
        o.put("percentile", t.slo().percentile().id());
        num(o, "limitMs", t.slo().limitMs());
        answer(o.putObject("measured"), t.measured());
        answer(o.putObject("model"), t.model());
      }
    }
    ArrayNode predictions = root.putArray("predictions");
    for (FitPrediction p : report.predictions()) {
      prediction(predictions.addObject(), p);
    }
    ArrayNode warnings = root.putArray("warnings");
    report.warnings().forEach(warnings::add);
    if (report.model() != null) {
      report.model().warnings().forEach(warnings::add);
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** One answer of the SLO-bound throughput: the figure, where it is reached, and how. */
  private static void answer(ObjectNode o, SloThroughput.Answer a) {
    num(o, "throughput", a.throughput() == null ? null : a.throughput().value());
    num(o, "concurrency", a.concurrency());
    o.put("lowerBound", a.bound());
    o.put("note", a.note());
    if (a.throughput() != null && a.throughput().provenance() instanceof Provenance.Derived d) {
      ObjectNode prov = o.putObject("provenance");
      prov.put("kind", d.kind());
      prov.put("formula", d.formula());
      ArrayNode in = prov.putArray("inputs");
      d.inputs().forEach(in::add);
    } else {
      o.putNull("provenance");
    }
  }

  private static void model(ObjectNode m, UslModel model, boolean conclusive) {
    m.put("formula", "X(N) = lambda*N / (1 + sigma*(N-1) + kappa*N*(N-1))");
    num(m, "sigma", model.sigma());
    num(m, "kappa", model.kappa());
    num(m, "lambda", model.lambda());
    ObjectNode se = m.putObject("standardErrors");
    for (ParameterEstimate e : model.estimates()) {
      num(se, e.parameter().id(), e.standardError());
    }
    ObjectNode ci = m.putObject("confidenceIntervals");
    num(ci, "level", model.confidenceLevel());
    ci.put(
        "method",
        "estimate ± t(1 − (1 − level)/2, n − p) × standard error; standard errors from"
            + " s²·(JᵀJ)⁻¹ with s² = RSS/(n − p)");
    ci.put("degreesOfFreedom", model.degreesOfFreedom());
    num(ci, "tQuantile", model.tQuantile());
    for (ParameterEstimate e : model.estimates()) {
      interval(ci, e.parameter().id(), e.confidenceInterval());
    }
    ArrayNode bounds = m.putArray("boundsHit");
    for (BoundHit b : model.boundsHit()) {
      ObjectNode o = bounds.addObject();
      o.put("parameter", b.parameter().id());
      num(o, "bound", b.bound());
      o.put("meaning", b.meaning());
    }
    num(m, "peakConcurrency", model.peakConcurrency());
    interval(m, "peakConcurrencyInterval", model.peakConcurrencyInterval());
    if (model.bestIntegerConcurrency().isPresent()) {
      m.put("bestIntegerConcurrency", model.bestIntegerConcurrency().getAsLong());
    } else {
      m.putNull("bestIntegerConcurrency");
    }
    num(m, "maxThroughput", model.maxThroughput());
    interval(m, "maxThroughputInterval", model.maxThroughputInterval());
    m.put("maxThroughputIsAsymptote", model.kappa() == 0);
    num(m, "amdahlLimit", model.amdahlLimit());
    ObjectNode d = m.putObject("dominance");
    d.put("cost", model.dominance().name().toLowerCase(Locale.ROOT));
    num(d, "atConcurrency", model.maxMeasuredConcurrency());
    num(d, "contention", model.contentionCost());
    num(d, "coherency", model.coherencyCost());
    d.put("conclusive", conclusive);
    d.put(
        "meaning",
        conclusive
            ? model.dominance().explanation()
            : "not judged: R² is below "
                + FitReport.MIN_R_SQUARED
                + ", so the coefficients say nothing reliable about which cost limits throughput");
    num(m, "rSquared", model.rSquared());
    num(m, "residualStandardError", model.residualStandardError());
    num(m, "residualSumOfSquares", model.residualSumOfSquares());
    m.put("points", model.points().size());
    m.put("freeParameters", model.freeParameters());
    ArrayNode res = m.putArray("residuals");
    List<Double> r = model.residuals();
    for (int i = 0; i < r.size(); i++) {
      UslPoint p = model.points().get(i);
      ObjectNode o = res.addObject();
      num(o, "concurrency", p.concurrency());
      num(o, "throughput", p.throughput());
      num(o, "fitted", model.throughputAt(p.concurrency()));
      num(o, "residual", r.get(i));
    }
    ObjectNode cmp = m.putObject("comparison");
    comparison(
        cmp.putObject("usl"),
        model.sigma(),
        model.kappa(),
        model.lambda(),
        model.freeParameters(),
        model.residualSumOfSquares(),
        model.residualStandardError());
    comparison(cmp.putObject("amdahl"), model.amdahl());
    comparison(cmp.putObject("linear"), model.linear());
  }

  private static void comparison(ObjectNode o, ComparisonFit c) {
    comparison(
        o,
        c.sigma(),
        c.kappa(),
        c.lambda(),
        c.parameters(),
        c.residualSumOfSquares(),
        c.residualStandardError());
  }

  private static void comparison(
      ObjectNode o, double s, double k, double l, int p, double rss, Double rse) {
    num(o, "sigma", s);
    num(o, "kappa", k);
    num(o, "lambda", l);
    o.put("parameters", p);
    num(o, "residualSumOfSquares", rss);
    num(o, "residualStandardError", rse);
  }

  private static void step(ObjectNode o, Step s) {
    num(o, "concurrency", s.concurrency());
    o.put("concurrencyOrigin", s.concurrencyOrigin().name().toLowerCase(Locale.ROOT));
    boolean counted = s.requests() > 0 || s.durationSeconds() > 0;
    if (counted) {
      o.put("requests", s.requests());
      o.put("errors", s.errors());
      num(o, "durationSeconds", s.durationSeconds());
    } else {
      o.putNull("requests");
      o.putNull("errors");
      o.putNull("durationSeconds");
    }
    num(o, "throughput", s.throughput());
    LatencySummary l = s.latency();
    if (l == null) {
      o.putNull("latencyMs");
    } else {
      ObjectNode lat = o.putObject("latencyMs");
      num(lat, "p50", l.p50Ms());
      num(lat, "p90", l.p90Ms());
      num(lat, "p95", l.p95Ms());
      num(lat, "p99", l.p99Ms());
      num(lat, "max", l.maxMs());
      num(lat, "mean", l.meanMs());
      lat.put("method", l.method());
    }
  }

  private static void summary(ObjectNode o, StepSummary s) {
    num(o, "concurrency", s.step().concurrency());
    num(o, "errorRatio", s.errorRatio());
    num(o, "responseTimeMs", s.responseTimeMs());
    if (s.responseTimeMs() == null) {
      o.putNull("responseTimeIs");
    } else {
      o.put("responseTimeIs", s.responseTimeIsMean() ? "mean" : "median");
    }
    num(o, "littlesLawConcurrency", s.littlesLawConcurrency());
    if (s.littlesLawHolds() == null) {
      o.putNull("littlesLawHolds");
    } else {
      o.put("littlesLawHolds", s.littlesLawHolds());
    }
    num(o, "thinkTimeMs", s.thinkTimeMs());
    num(o, "bottleneckDemandBoundMs", s.bottleneckDemandBoundMs());
    ArrayNode slos = o.putArray("slo");
    for (Slo.Check c : s.sloChecks()) {
      ObjectNode so = slos.addObject();
      so.put("percentile", c.slo().percentile().id());
      num(so, "limitMs", c.slo().limitMs());
      num(so, "measuredMs", c.measuredMs());
      if (c.pass() == null) {
        so.putNull("pass");
      } else {
        so.put("pass", c.pass());
      }
    }
    ArrayNode next = o.putArray("nextConcurrencyLevels");
    s.nextLevels().forEach(next::add);
  }

  private static void prediction(ObjectNode o, FitPrediction p) {
    o.put("given", p.given().name().toLowerCase(Locale.ROOT));
    num(o, "value", p.value());
    UslPrediction u = p.prediction();
    if (u == null) {
      o.putNull("concurrency");
      o.putNull("throughput");
      o.putNull("throughputBand");
      o.putNull("latencyMs");
      o.putNull("retrogradeConcurrency");
      o.putArray("warnings");
      o.put("problem", p.problem());
      return;
    }
    num(o, "concurrency", u.concurrency());
    num(o, "throughput", u.throughput());
    interval(o, "throughputBand", u.throughputBand());
    num(o, "latencyMs", u.latency() * 1000);
    num(o, "retrogradeConcurrency", u.retrogradeConcurrency());
    ArrayNode w = o.putArray("warnings");
    u.warnings().forEach(w::add);
    o.putNull("problem");
  }

  private static void interval(ObjectNode o, String name, Interval i) {
    if (i == null) {
      o.putNull(name);
    } else {
      ObjectNode n = o.putObject(name);
      num(n, "lower", i.lower());
      num(n, "upper", i.upper());
    }
  }

  private static void num(ObjectNode o, String name, Double v) {
    if (v == null || !Double.isFinite(v)) {
      o.putNull(name);
    } else {
      o.put(name, round(v));
    }
  }

  static BigDecimal round(double v) {
    if (v == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal b =
        new BigDecimal(v)
            .round(new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0, RoundingMode.UNNECESSARY) : b;
  }
}
