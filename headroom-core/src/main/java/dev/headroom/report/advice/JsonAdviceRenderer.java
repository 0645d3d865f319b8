package dev.headroom.report.advice;

import dev.headroom.advice.Advice;
import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.bottleneck.Bottleneck;
import dev.headroom.analysis.capacity.CapacityItem;
import dev.headroom.analysis.cost.CostLine;
import dev.headroom.analysis.cost.Scenario;
import dev.headroom.analysis.forecast.Crossing;
import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.analysis.health.HealthMetric;
import dev.headroom.analysis.health.SlowRequests;
import dev.headroom.analysis.rules.Finding;
import dev.headroom.analysis.stage.Placement;
import dev.headroom.analysis.stage.Trigger;
import dev.headroom.model.Component;
import dev.headroom.model.Figure;
import dev.headroom.plan.Recommendation;
import dev.headroom.report.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The versioned JSON report (docs/report-schema.json). */
public final class JsonAdviceRenderer implements AdviceRenderer {

  @Override
  public String render(Advice a) {
    ObjectNode root = Json.document();
    root.set("system", system(a));
    root.set("stage", stage(a));
    root.set("health", health(a));
    ArrayNode slow = root.putArray("slowRequests");
    for (SlowRequests s : a.health().slowRequests()) {
      ObjectNode n = slow.addObject();
      n.put("percentile", s.percentile());
      n.set("latency", s.latency() == null ? null : Json.figure(s.latency()));
      n.set("slowPerSecond", Json.figure(s.slowPerSecond()));
    }
    ArrayNode bn = root.putArray("bottlenecks");
    for (Bottleneck b : a.bottlenecks().ranked()) {
      ObjectNode n = bn.addObject();
      n.put("layer", b.layer().id());
      n.put("rank", b.rank());
      n.put("severity", b.severity().id());
      strings(n.putArray("findings"), b.findings());
      n.set("evidence", evidence(b.evidence()));
      n.put("remedies", b.remedies());
    }
    ObjectNode ba = root.putObject("evidenceAdvice");
    ba.put("thinEvidence", a.bottlenecks().thinEvidence());
    ba.put("advice", a.bottlenecks().advice());
    strings(ba.putArray("measureNext"), a.bottlenecks().measureNext());
    ArrayNode fs = root.putArray("findings");
    for (Finding f : a.findings()) {
      ObjectNode n = fs.addObject();
      n.put("id", f.ruleId());
      n.put("severity", f.severity().id());
      n.put("layer", f.layer().id());
      n.put("title", f.title());
      n.put("message", f.message());
      n.put("component", f.component());
      n.set("evidence", evidence(f.evidence()));
      strings(n.putArray("knowledge"), f.knowledge());
      strings(n.putArray("actions"), f.actions());
    }
    ArrayNode recs = root.putArray("recommendations");
    a.plan().recommendations().forEach(r -> recs.add(recommendation(r)));
    ArrayNode warns = root.putArray("warnings");
    a.plan().warnings().forEach(r -> warns.add(recommendation(r)));
    ObjectNode cap = root.putObject("capacity");
    strings(cap.putArray("notes"), a.capacity().notes());
    ArrayNode items = cap.putArray("items");
    for (CapacityItem i : a.capacity().items()) {
      ObjectNode n = items.addObject();
      n.put("id", i.id());
      n.put("label", i.label());
      n.set("value", Json.figure(i.value()));
      n.put("knowledge", i.knowledge());
    }
    if (!a.forecasts().isEmpty()) {
      root.set("forecasts", forecasts(a));
    }
    root.set("cost", cost(a));
    ArrayNode ne = root.putArray("notEvaluated");
    for (NotEvaluated x : a.notEvaluated()) {
      ObjectNode n = ne.addObject();
      n.put("rule", x.rule());
      n.put("title", x.title());
      strings(n.putArray("needs"), x.needs());
      strings(n.putArray("how"), x.how());
    }
    return Json.write(root);
  }

  private static ArrayNode forecasts(Advice a) {
    ArrayNode out = Json.array();
    for (Forecast f : a.forecasts()) {
      ObjectNode n = out.addObject();
      n.put("series", f.subject());
      n.put("metric", f.metric().key());
      n.set("source", Json.provenance(f.series()));
      n.set("lastPeak", f.lastPeak().map(Json::figure).orElse(null));
      n.put("notEvaluated", f.notEvaluated().orElse(null));
      n.set("model", f.model().map(Json::provenance).orElse(null));
      if (f.limit().isPresent()) {
        ObjectNode l = n.putObject("threshold");
        l.put("rule", f.limit().get().rule());
        l.set("value", Json.figure(f.limit().get().value()));
      } else {
        n.putNull("threshold");
      }
      n.set("crossing", f.crossing().map(c -> crossing(c)).orElse(null));
      n.put("outlook", ForecastText.outlook(f));
      if (f.growth().isPresent()) {
        Forecast.Growth g = f.growth().get();
        ObjectNode gn = n.putObject("growthPerMonth");
        gn.set("median", Json.figure(g.median()));
        gn.set("low", Json.figure(g.low()));
        gn.set("high", Json.figure(g.high()));
        gn.put("level", g.level());
      } else {
        n.putNull("growthPerMonth");
      }
    }
    return out;
  }

  private static ObjectNode crossing(Crossing c) {
    ObjectNode n = Json.object();
    if (c instanceof Crossing.AlreadyAbove a) {
      n.put("status", "already_above");
      n.put("day", a.day().toString());
    } else if (c instanceof Crossing.Within w) {
      n.put("status", "within_horizon");
      n.put("earliest", w.earliest().toString());
      n.put("median", w.median().toString());
      n.put("latest", w.latest().map(Object::toString).orElse(null));
      n.put("level", w.level());
    } else {
      Crossing.NotWithinHorizon h = (Crossing.NotWithinHorizon) c;
      n.put("status", "not_within_horizon");
      n.put("until", h.until().toString());
      n.put("horizonDays", h.horizonDays());
      n.put("earliest", h.earliest().map(Object::toString).orElse(null));
    }
    return n;
  }

  private static ObjectNode system(Advice a) {
    ObjectNode s = Json.object();
    s.put("name", a.system().name());
    s.put("description", a.system().description());
    s.put("source", a.system().source());
    s.put("loadMultiple", a.load().value());
    s.put("observationsWindow", a.system().observationsWindow());
    ArrayNode cs = s.putArray("components");
    for (Component c : a.system().components()) {
      ObjectNode n = cs.addObject();
      n.put("name", c.name());
      n.put("kind", c.kind().id());
      n.put("instances", Json.number(a.system().instances(c)));
    }
    return s;
  }

  private static ObjectNode stage(Advice a) {
    ObjectNode s = Json.object();
    s.put("id", a.stage().stage().id());
    s.put("decidedBy", a.stage().decidedBy());
    s.put("explanation", a.stage().explanation());
    ArrayNode ev = s.putArray("evidence");
    for (Placement p : a.stage().ladders()) {
      if (a.stage().decidedBy().contains(p.knowledge())) {
        ObjectNode n = ev.addObject();
        n.put("label", "placed by " + p.ladder() + " (" + p.knowledge() + ")");
        n.set("figure", Json.figure(p.by()));
      }
    }
    for (Trigger t : a.stage().movedBy()) {
      if (t.current() != null) {
        ObjectNode n = ev.addObject();
        n.put("label", t.description() + " (" + t.knowledge() + ")");
        n.set("figure", Json.figure(t.current()));
      }
    }
    ArrayNode ladders = s.putArray("ladders");
    for (Placement p : a.stage().ladders()) {
      ObjectNode n = ladders.addObject();
      n.put("ladder", p.ladder());
      n.put("knowledge", p.knowledge());
      n.put("step", p.step());
      n.put("stage", p.stage().id());
      n.set("by", Json.figure(p.by()));
    }
    ArrayNode moved = s.putArray("movedBy");
    a.stage().movedBy().forEach(t -> moved.add(trigger(t)));
    if (a.stage().next() == null) {
      s.putNull("next");
    } else {
      ObjectNode next = s.putObject("next");
      next.put("id", a.stage().next().id());
      next.put("fired", a.stage().firedNextTriggers());
      ArrayNode ts = next.putArray("triggers");
      a.stage().nextTriggers().forEach(t -> ts.add(trigger(t)));
    }
    return s;
  }

  private static ObjectNode trigger(Trigger t) {
    ObjectNode n = Json.object();
    n.put("id", t.id());
    n.put("description", t.description());
    n.put("knowledge", t.knowledge());
    n.put("status", t.status().id());
    n.set("current", t.current() == null ? null : Json.figure(t.current()));
    n.set("threshold", t.threshold() == null ? null : Json.figure(t.threshold()));
    n.put("distance", t.distance());
    n.put("needs", t.needs());
    return n;
  }

  private static ArrayNode health(Advice a) {
    ArrayNode out = Json.array();
    for (HealthMetric m : a.health().metrics()) {
      ObjectNode n = out.addObject();
      n.put("metric", m.metric());
      n.put("label", m.label());
      if (m.value() == null) {
        n.putNull("value");
      } else {
        n.put("value", Json.number(m.value().value()));
      }
      n.put("unit", Json.unit(m.target().dimension()));
      n.put("status", m.status().id());
      n.put("target", Json.number(m.target().value()));
      if (m.critical() == null) {
        n.putNull("critical");
      } else {
        n.put("critical", Json.number(m.critical().value()));
      }
      n.put("lowerIsBetter", m.lowerIsBetter());
      n.set("provenance", m.value() == null ? null : Json.provenance(m.value().provenance()));
      n.set("targetProvenance", Json.provenance(m.target().provenance()));
      n.set(
          "criticalProvenance",
          m.critical() == null ? null : Json.provenance(m.critical().provenance()));
      n.put("knowledge", m.knowledge());
      n.put("needs", m.needs());
    }
    return out;
  }

  private static ObjectNode recommendation(Recommendation r) {
    ObjectNode n = Json.object();
    n.put("action", r.action().id());
    n.put("order", r.order());
    n.put("title", r.action().title());
    n.put("kind", r.action().kind().id());
    n.put("severity", r.severity().id());
    ObjectNode ladder = n.putObject("ladder");
    ladder.put("symptom", r.action().ladder());
    ladder.put("step", r.action().step().id());
    strings(ladder.putArray("steps"), r.action().ladderSteps());
    strings(n.putArray("why"), r.why());
    n.set("evidence", evidence(r.evidence()));
    strings(n.putArray("findings"), r.findings());
    n.put("effect", r.action().effect());
    if (r.costDelta().delta() != null) {
      n.set("monthlyCostDelta", Json.figure(r.costDelta().delta()));
      n.putNull("notPriced");
    } else {
      n.putNull("monthlyCostDelta");
      n.put("notPriced", "needs " + r.costDelta().needs());
    }
    n.set("costAfter", r.costAfter() == null ? null : Json.figure(r.costAfter()));
    n.put("outcome", r.outcome());
    n.put("verify", r.action().verify());
    strings(n.putArray("knowledge"), r.knowledge());
    return n;
  }

  private static ObjectNode cost(Advice a) {
    ObjectNode c = Json.object();
    c.set("now", a.cost().now() == null ? null : Json.figure(a.cost().now()));
    c.set("pricedPart", a.cost().pricedPart() == null ? null : Json.figure(a.cost().pricedPart()));
    ArrayNode lines = c.putArray("components");
    for (CostLine l : a.cost().components()) {
      ObjectNode n = lines.addObject();
      n.put("component", l.item());
      n.set("monthly", l.monthly() == null ? null : Json.figure(l.monthly()));
      n.put("needs", l.needs());
    }
    c.put("stageBand", a.cost().stageBand());
    c.set("neededVcpu", a.cost().neededVcpu() == null ? null : Json.figure(a.cost().neededVcpu()));
    c.set("verticalVsHorizontal", scenarios(a.cost().verticalVsHorizontal()));
    c.put("choice", a.cost().choice());
    c.set("availabilityVsCost", scenarios(a.cost().availabilityVsCost()));
    return c;
  }

  private static ArrayNode scenarios(List<Scenario> list) {
    ArrayNode out = Json.array();
    for (Scenario s : list) {
      ObjectNode n = out.addObject();
      n.put("name", s.name());
      n.put("machines", s.machines());
      n.put("vcpuEach", Json.number(s.vcpuEach()));
      n.set("monthly", Json.figure(s.monthly()));
      n.set("availability", s.availability() == null ? null : Json.figure(s.availability()));
      n.put("note", s.note());
    }
    return out;
  }

  private static ArrayNode evidence(List<Evidence> list) {
    ArrayNode out = Json.array();
    for (Evidence e : list) {
      ObjectNode n = out.addObject();
      n.put("label", e.label());
      n.set("figure", Json.figure(e.figure()));
    }
    return out;
  }

  private static void strings(ArrayNode target, List<String> values) {
    values.forEach(target::add);
  }

  static String display(Figure f) {
    return f == null ? "" : f.formatted();
  }
}
