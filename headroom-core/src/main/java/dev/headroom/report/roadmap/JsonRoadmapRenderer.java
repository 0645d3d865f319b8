package dev.headroom.report.roadmap;

import dev.headroom.model.Figure;
import dev.headroom.plan.roadmap.Alternative;
import dev.headroom.plan.roadmap.Breakpoint;
import dev.headroom.plan.roadmap.MonthlyCost;
import dev.headroom.plan.roadmap.Remedy;
import dev.headroom.plan.roadmap.Roadmap;
import dev.headroom.plan.roadmap.RoadmapStep;
import dev.headroom.plan.roadmap.SimulationCheck;
import dev.headroom.plan.roadmap.UncertaintyRange;
import dev.headroom.plan.roadmap.Warning;
import dev.headroom.report.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned JSON roadmap (docs/roadmap-report-schema.json). {@code range} on a break point and
 * {@code simulation} on a row are null until the uncertainty engine and the simulator fill them.
 */
public final class JsonRoadmapRenderer implements RoadmapRenderer {

  @Override
  public String render(Roadmap r) {
    ObjectNode root = Json.document();
    root.put("system", r.system());
    root.put("today", r.today().toString());
    root.put("todaySource", r.todaySource());
    root.set("monthlyGrowth", figure(r.monthlyGrowth()));
    root.set("to", Json.figure(r.to()));
    root.set("target", Json.figure(r.target()));
    ArrayNode steps = root.putArray("steps");
    for (RoadmapStep s : r.steps()) {
      steps.add(step(s));
    }
    ArrayNode first = root.putArray("firstBreaks");
    r.firstBreaks().forEach(b -> first.add(breakpoint(b)));
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    return Json.write(root);
  }

  private static ObjectNode step(RoadmapStep s) {
    ObjectNode n = Json.object();
    n.set("multiple", Json.figure(s.multiple()));
    n.set("months", figure(s.months()));
    n.put("date", s.date() == null ? null : s.date().toString());
    n.put("growthTarget", s.growthTarget());
    n.put("stage", s.stage().id());
    n.set("appUtilisation", figure(s.appUtilisation()));
    n.set("primaryUtilisation", figure(s.primaryUtilisation()));
    n.set("appUtilisationAfter", figure(s.appUtilisationAfter()));
    n.set("primaryUtilisationAfter", figure(s.primaryUtilisationAfter()));
    ArrayNode breaks = n.putArray("breaks");
    s.breaks().forEach(b -> breaks.add(breakpoint(b)));
    ArrayNode remedies = n.putArray("remedies");
    for (Remedy m : s.remedies()) {
      ObjectNode o = remedies.addObject();
      o.put("action", m.action());
      o.put("change", m.change());
      o.put("answers", m.answers().id());
      ArrayNode k = o.putArray("knowledge");
      m.knowledge().forEach(k::add);
    }
    ArrayNode alternatives = n.putArray("alternatives");
    for (Alternative a : s.alternatives()) {
      ObjectNode o = alternatives.addObject();
      o.put("option", a.option());
      o.set("monthlyCost", figure(a.monthlyCost()));
      o.put("whyLost", a.whyLost());
    }
    ArrayNode warnings = n.putArray("warnings");
    for (Warning w : s.warnings()) {
      ObjectNode o = warnings.addObject();
      o.put("action", w.action());
      o.put("title", w.title());
      o.put("why", w.why());
    }
    ObjectNode sizes = n.putObject("sizes");
    sizes.set("appInstances", figure(s.sizes().appInstances()));
    sizes.set("replicas", figure(s.sizes().replicas()));
    sizes.set("cacheMemory", figure(s.sizes().cacheMemory()));
    sizes.set("shards", figure(s.sizes().shards()));
    n.set("costBefore", cost(s.costBefore()));
    n.set("costAfter", cost(s.costAfter()));
    SimulationCheck sim = s.simulation();
    if (sim == null) {
      n.set("simulation", NullNode.getInstance());
    } else {
      ObjectNode o = n.putObject("simulation");
      o.set("p95", Json.figure(sim.p95()));
      o.set("p95Low", Json.figure(sim.p95Low()));
      o.set("p95High", Json.figure(sim.p95High()));
      o.put("meetsSlo", sim.meetsSlo());
      o.put("note", sim.note());
    }
    return n;
  }

  private static ObjectNode breakpoint(Breakpoint b) {
    ObjectNode n = Json.object();
    n.put("kind", b.kind().id());
    n.put("component", b.component());
    n.set("multiple", Json.figure(b.multiple()));
    n.set("figure", Json.figure(b.figure()));
    n.set("threshold", Json.figure(b.threshold()));
    n.put("open", b.open());
    n.put("carried", b.carried());
    n.put("note", b.note());
    n.put("date", b.date() == null ? null : b.date().toString());
    ArrayNode k = n.putArray("knowledge");
    b.kind().knowledge().forEach(k::add);
    UncertaintyRange u = b.range();
    if (u == null) {
      n.set("range", NullNode.getInstance());
    } else {
      ObjectNode o = n.putObject("range");
      o.set("low", u.low() == null ? NullNode.getInstance() : Json.figure(u.low()));
      o.set("high", u.high() == null ? NullNode.getInstance() : Json.figure(u.high()));
      o.put("lowDate", u.lowDate() == null ? null : u.lowDate().toString());
      o.put("highDate", u.highDate() == null ? null : u.highDate().toString());
      o.put("level", Json.number(u.level()));
      o.put("censored", Json.number(u.censored()));
    }
    return n;
  }

  private static ObjectNode cost(MonthlyCost c) {
    ObjectNode n = Json.object();
    n.set("amount", Json.figure(c.amount()));
    n.put("lowerBound", c.lowerBound());
    ArrayNode u = n.putArray("unpriced");
    c.unpriced().forEach(u::add);
    return n;
  }

  private static tools.jackson.databind.JsonNode figure(Figure f) {
    return f == null ? NullNode.getInstance() : Json.figure(f);
  }
}
