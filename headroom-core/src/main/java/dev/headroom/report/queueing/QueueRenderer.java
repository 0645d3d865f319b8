package dev.headroom.report.queueing;

import dev.headroom.analysis.queueing.ArrivalSizing;
import dev.headroom.analysis.queueing.ClassResult;
import dev.headroom.analysis.queueing.ClosedNetwork;
import dev.headroom.analysis.queueing.LatencyMetric;
import dev.headroom.analysis.queueing.LittlesLaw;
import dev.headroom.analysis.queueing.MG1;
import dev.headroom.analysis.queueing.MMc;
import dev.headroom.analysis.queueing.MarkovianQueue;
import dev.headroom.analysis.queueing.MvaAlgorithm;
import dev.headroom.analysis.queueing.MvaSolution;
import dev.headroom.analysis.queueing.OpenQueue;
import dev.headroom.analysis.queueing.PopulationResult;
import dev.headroom.analysis.queueing.ServerSizing;
import dev.headroom.analysis.queueing.Station;
import dev.headroom.analysis.queueing.StationKind;
import dev.headroom.analysis.queueing.StationResult;
import dev.headroom.report.Json;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.TextWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link QueueReport} as text, Markdown or JSON. It formats what the models computed and
 * computes nothing itself. JSON times are seconds and rates per second; its shape is {@code
 * docs/queue-report-schema.json}.
 */
public final class QueueRenderer {

  /** Single-class MVA tables longer than this show a sample of populations in text. */
  static final int MAX_TEXT_ROWS = 30;

  private static final String MARKOVIAN_ASSUMPTIONS =
      "Assumes Poisson arrivals, exponential service times, identical servers sharing one FCFS"
          + " queue of unbounded length, and steady state.";
  private static final String MG1_ASSUMPTIONS =
      "Assumes Poisson arrivals, one FCFS server, service times of any distribution with this mean"
          + " and coefficient of variation (Pollaczek–Khinchine), an unbounded queue and steady"
          + " state. Only means are known for a general service distribution: no percentiles.";
  private static final String MVA_ASSUMPTIONS =
      "Assumes a closed product-form network in steady state: a fixed population per class, FCFS"
          + " queues with exponential service of the same mean for every class, and delays.";
  private static final String SEIDMANN =
      "Stations with several servers use Seidmann's decomposition (a queue of demand D/m plus a"
          + " delay of D(m−1)/m): exact when idle and when saturated, approximate between.";

  private static final String LOAD_DEPENDENT =
      "Stations with several servers are solved exactly as load-dependent queues (service rate"
          + " min(j, m)/S with j customers present).";

  private QueueRenderer() {}

  /** The report in {@code format}, ending with a newline. */
  public static String render(QueueReport report, OutputFormat format) {
    return switch (format) {
      case TEXT, MARKDOWN -> DocumentWriter.of(format, TextWriter.DEFAULT_WIDTH).write(doc(report));
      case JSON -> json(report);
    };
  }

  // ---- human formats ----

  static Document doc(QueueReport report) {
    if (report instanceof QueueReport.Little l) {
      return littleDoc(l);
    }
    if (report instanceof QueueReport.Open o) {
      return openDoc(o.queue(), o.percentiles());
    }
    if (report instanceof QueueReport.Servers s) {
      return serversDoc(s.sizing());
    }
    if (report instanceof QueueReport.MaxRate m) {
      return maxRateDoc(m.sizing());
    }
    return networkDoc(((QueueReport.Network) report).solution());
  }

  private static Document littleDoc(QueueReport.Little l) {
    LittlesLaw law = l.law();
    String solved =
        switch (l.solvedFor()) {
          case POPULATION -> "L = λ·W";
          case ARRIVAL_RATE -> "λ = L / W";
          case TIME_IN_SYSTEM -> "W = L / λ";
        };
    return new DocBuilder("Little's law: " + solved)
        .pairs("")
        .pair("mean number in system L", Fmt.number(law.population()))
        .pair("arrival rate (throughput) λ", Fmt.rate(law.arrivalRate()))
        .pair("mean time in system W", Fmt.seconds(law.timeInSystem()))
        .note(
            "Little's law holds for any stable system, whatever the arrival and service"
                + " distributions, as long as what enters eventually leaves.")
        .build();
  }

  private static void openPairs(DocBuilder b, OpenQueue q) {
    b.pairs("Inputs")
        .pair("arrival rate λ", Fmt.rate(q.arrivalRate()))
        .pair("service time S", Fmt.seconds(q.serviceTime()))
        .pair("servers c", Integer.toString(q.servers()));
    if (q instanceof MG1 g) {
      b.pair("service-time CV", Fmt.number(g.serviceCv()));
    }
    double a = q.arrivalRate() * q.serviceTime();
    b.pair("offered load a = λS", Fmt.number(a) + (a == 1.0 ? " Erlang" : " Erlangs"));
    b.pairs("Predicted (steady state)")
        .pair("utilisation ρ", Fmt.percent(q.utilization()))
        .pair("probability of waiting", Fmt.percent(q.probabilityOfWaiting()))
        .pair("mean number waiting Lq", Fmt.number(q.meanQueueLength()))
        .pair("mean number in system L", Fmt.number(q.meanNumberInSystem()))
        .pair("mean waiting time Wq", Fmt.seconds(q.meanWaitingTime()))
        .pair("mean response time W", Fmt.seconds(q.meanResponseTime()));
  }

  private static Document openDoc(OpenQueue q, List<Double> percentiles) {
    DocBuilder b = new DocBuilder(q.model() + " queue");
    openPairs(b, q);
    if (q instanceof MarkovianQueue m && !percentiles.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (double p : percentiles) {
        rows.add(
            List.of(
                Fmt.p(p),
                Fmt.seconds(m.waitingTimePercentile(p)),
                Fmt.seconds(m.responseTimePercentile(p))));
      }
      b.table("Percentiles", List.of("percentile", "waiting time", "response time"), rows);
    }
    b.note(q instanceof MG1 ? MG1_ASSUMPTIONS : MARKOVIAN_ASSUMPTIONS);
    return b.build();
  }

  private static String targetWords(double percentile, LatencyMetric metric, double target) {
    return Fmt.p(percentile) + " " + metric.words() + " ≤ " + Fmt.seconds(target);
  }

  private static Document serversDoc(ServerSizing s) {
    MMc q = s.queue();
    DocBuilder b =
        new DocBuilder("Servers for " + targetWords(s.percentile(), s.metric(), s.target()));
    b.pairs("Answer")
        .pair("servers needed", Integer.toString(s.servers()))
        .pair("fewest stable servers", Integer.toString(s.minimumStableServers()))
        .pair(
            Fmt.p(s.percentile()) + " " + s.metric().words() + " with " + s.servers(),
            Fmt.seconds(s.achieved()))
        .pair("target", Fmt.seconds(s.target()));
    openPairs(b, q);
    b.note(MARKOVIAN_ASSUMPTIONS);
    return b.build();
  }

  private static Document maxRateDoc(ArrivalSizing s) {
    MMc q = s.queue();
    DocBuilder b =
        new DocBuilder(
            "Largest arrival rate for "
                + targetWords(s.percentile(), s.metric(), s.target())
                + " with "
                + s.servers()
                + (s.servers() == 1 ? " server" : " servers"));
    b.pairs("Answer")
        .pair("largest arrival rate", Fmt.rate(s.maxArrivalRate()))
        .pair("capacity c/S", Fmt.rate(s.servers() / s.serviceTime()))
        .pair(
            Fmt.p(s.percentile()) + " " + s.metric().words() + " there", Fmt.seconds(s.achieved()))
        .pair("target", Fmt.seconds(s.target()));
    openPairs(b, q);
    b.note(MARKOVIAN_ASSUMPTIONS);
    return b.build();
  }

  private static Document networkDoc(MvaSolution sol) {
    ClosedNetwork net = sol.network();
    String title =
        (net.name().isEmpty() ? "Closed network" : net.name()) + " — " + sol.algorithm().title();
    DocBuilder b = new DocBuilder(title);
    int classes = net.classes().size();
    List<String> modelHeader = new ArrayList<>(List.of("station", "kind", "servers"));
    for (var c : net.classes()) {
      modelHeader.add(classes == 1 ? "demand" : "demand " + c.name());
    }
    List<List<String>> modelRows = new ArrayList<>();
    for (Station s : net.stations()) {
      List<String> row =
          new ArrayList<>(List.of(s.name(), s.kind().id(), Integer.toString(s.servers())));
      for (int r = 0; r < classes; r++) {
        row.add(Fmt.seconds(s.demand(r)));
      }
      modelRows.add(row);
    }
    b.table("Model", modelHeader, modelRows);
    List<List<String>> classRows = new ArrayList<>();
    for (var c : net.classes()) {
      classRows.add(
          List.of(c.name(), Integer.toString(c.population()), Fmt.seconds(c.thinkTime())));
    }
    b.table("Classes", List.of("class", "population", "think time"), classRows);

    PopulationResult full = sol.atFullPopulation();
    if (classes == 1 && sol.results().size() > 1) {
      List<String> header = new ArrayList<>(List.of("N", "throughput", "response time"));
      for (Station s : net.stations()) {
        header.add("Q " + s.name());
      }
      List<List<String>> rows = new ArrayList<>();
      List<PopulationResult> shown = sample(sol.results());
      for (PopulationResult p : shown) {
        ClassResult c = p.classes().get(0);
        List<String> row =
            new ArrayList<>(
                List.of(
                    Integer.toString(p.totalPopulation()),
                    Fmt.rate(c.throughput()),
                    Fmt.seconds(c.responseTime())));
        for (StationResult st : p.stations()) {
          row.add(Fmt.number(st.queueLength()));
        }
        rows.add(row);
      }
      b.table("By population", header, rows);
      if (shown.size() < sol.results().size()) {
        b.note(
            "Populations in steps of "
                + step(sol.results().size())
                + " shown, and the last; --format json lists all "
                + sol.results().size()
                + ".");
      }
    }
    String at = "at N = " + populationWords(full);
    List<List<String>> clsRows = new ArrayList<>();
    for (ClassResult c : full.classes()) {
      clsRows.add(
          List.of(
              c.name(),
              Integer.toString(c.population()),
              Fmt.rate(c.throughput()),
              Fmt.seconds(c.responseTime())));
    }
    b.table(
        "Classes " + at, List.of("class", "population", "throughput", "response time"), clsRows);
    List<String> stHeader = new ArrayList<>(List.of("station", "utilisation", "queue length"));
    for (var c : net.classes()) {
      stHeader.add(classes == 1 ? "residence time" : "residence " + c.name());
    }
    if (classes == 1) {
      stHeader.add("per visit");
    }
    List<List<String>> stRows = new ArrayList<>();
    for (int k = 0; k < full.stations().size(); k++) {
      StationResult st = full.stations().get(k);
      List<String> row =
          new ArrayList<>(
              List.of(
                  st.name(),
                  st.kind() == StationKind.DELAY ? "—" : Fmt.percent(st.utilization()),
                  Fmt.number(st.queueLength())));
      for (ClassResult c : full.classes()) {
        row.add(Fmt.seconds(c.residenceTimes().get(k)));
      }
      if (classes == 1) {
        double v = net.stations().get(k).visits().get(0);
        row.add(v > 0 ? Fmt.seconds(full.classes().get(0).residenceTimes().get(k) / v) : "—");
      }
      stRows.add(row);
    }
    b.table("Stations " + at, stHeader, stRows);
    StringBuilder note = new StringBuilder(MVA_ASSUMPTIONS);
    if (net.stations().stream().anyMatch(s -> s.servers() > 1)) {
      boolean exactMultiServer = sol.algorithm() == MvaAlgorithm.EXACT && classes == 1;
      note.append(' ').append(exactMultiServer ? LOAD_DEPENDENT : SEIDMANN);
    }
    if (sol.algorithm() == MvaAlgorithm.BARD_SCHWEITZER) {
      note.append(
              " Bard–Schweitzer is approximate; it stopped when no queue length moved by more than"
                  + " ")
          .append(Fmt.small(sol.tolerance()))
          .append(" (")
          .append(full.iterations())
          .append(" iterations at the full population).");
    }
    b.note(note.toString());
    return b.build();
  }

  private static int step(int n) {
    return (n + MAX_TEXT_ROWS - 1) / MAX_TEXT_ROWS;
  }

  /** Up to {@link #MAX_TEXT_ROWS} populations, evenly spaced, always with the first and last. */
  private static List<PopulationResult> sample(List<PopulationResult> all) {
    if (all.size() <= MAX_TEXT_ROWS) {
      return all;
    }
    int step = step(all.size());
    List<PopulationResult> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += step) {
      out.add(all.get(i));
    }
    if (out.get(out.size() - 1) != all.get(all.size() - 1)) {
      out.add(all.get(all.size() - 1));
    }
    return out;
  }

  private static String populationWords(PopulationResult p) {
    if (p.population().size() == 1) {
      return Integer.toString(p.population().get(0));
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < p.population().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(p.population().get(i));
    }
    return sb.append(')').toString();
  }

  // ---- JSON ----

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static String json(QueueReport report) {
    ObjectNode root = Json.document();
    if (report instanceof QueueReport.Little l) {
      root.put("report", "little");
      root.put("solvedFor", l.solvedFor().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      root.put("population", l.law().population());
      root.put("arrivalRate", l.law().arrivalRate());
      root.put("timeInSystem", l.law().timeInSystem());
    } else if (report instanceof QueueReport.Open o) {
      root.put("report", "open-queue");
      openJson(root, o.queue(), o.percentiles());
    } else if (report instanceof QueueReport.Servers s) {
      ServerSizing z = s.sizing();
      root.put("report", "servers");
      targetJson(root, z.percentile(), z.metric(), z.target());
      root.put("servers", z.servers());
      root.put("minimumStableServers", z.minimumStableServers());
      root.put("achieved", z.achieved());
      openJson(root.putObject("queue"), z.queue(), List.of(z.percentile()));
    } else if (report instanceof QueueReport.MaxRate m) {
      ArrivalSizing z = m.sizing();
      root.put("report", "max-arrival-rate");
      targetJson(root, z.percentile(), z.metric(), z.target());
      root.put("servers", z.servers());
      root.put("maxArrivalRate", z.maxArrivalRate());
      root.put("achieved", z.achieved());
      openJson(root.putObject("queue"), z.queue(), List.of(z.percentile()));
    } else {
      root.put("report", "mva");
      networkJson(root, ((QueueReport.Network) report).solution());
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static void targetJson(
      ObjectNode o, double percentile, LatencyMetric metric, double target) {
    o.put("metric", metric == LatencyMetric.RESPONSE_TIME ? "response-time" : "waiting-time");
    o.put("percentile", percentile);
    o.put("target", target);
  }

  private static void openJson(ObjectNode o, OpenQueue q, List<Double> percentiles) {
    o.put("model", q.model());
    o.put("arrivalRate", q.arrivalRate());
    o.put("serviceTime", q.serviceTime());
    o.put("servers", q.servers());
    if (q instanceof MG1 g) {
      o.put("serviceCv", g.serviceCv());
    }
    o.put("offeredLoad", q.arrivalRate() * q.serviceTime());
    o.put("utilization", q.utilization());
    o.put("probabilityOfWaiting", q.probabilityOfWaiting());
    o.put("meanQueueLength", q.meanQueueLength());
    o.put("meanNumberInSystem", q.meanNumberInSystem());
    o.put("meanWaitingTime", q.meanWaitingTime());
    o.put("meanResponseTime", q.meanResponseTime());
    ArrayNode ps = o.putArray("percentiles");
    if (q instanceof MarkovianQueue m) {
      for (double p : percentiles) {
        ObjectNode e = ps.addObject();
        e.put("percentile", p);
        e.put("waitingTime", m.waitingTimePercentile(p));
        e.put("responseTime", m.responseTimePercentile(p));
      }
    }
  }

  private static void networkJson(ObjectNode root, MvaSolution sol) {
    ClosedNetwork net = sol.network();
    root.put("name", net.name());
    root.put("algorithm", sol.algorithm() == MvaAlgorithm.EXACT ? "exact" : "bard-schweitzer");
    root.put("tolerance", sol.tolerance());
    ArrayNode cls = root.putArray("classes");
    for (var c : net.classes()) {
      ObjectNode o = cls.addObject();
      o.put("name", c.name());
      o.put("population", c.population());
      o.put("thinkTime", c.thinkTime());
    }
    ArrayNode sts = root.putArray("stations");
    for (Station s : net.stations()) {
      ObjectNode o = sts.addObject();
      o.put("name", s.name());
      o.put("kind", s.kind().id());
      o.put("servers", s.servers());
      ArrayNode d = o.putArray("demands");
      for (int r = 0; r < net.classes().size(); r++) {
        d.add(s.demand(r));
      }
    }
    ArrayNode pops = root.putArray("populations");
    for (PopulationResult p : sol.results()) {
      ObjectNode o = pops.addObject();
      ArrayNode n = o.putArray("population");
      p.population().forEach(n::add);
      o.put("iterations", p.iterations());
      double x = p.totalThroughput();
      double weighted = 0;
      for (ClassResult c : p.classes()) {
        weighted += c.throughput() * c.responseTime();
      }
      o.put("throughput", x);
      // the throughput-weighted mean over classes, so one class gives its own R
      o.put("responseTime", x > 0 ? weighted / x : 0.0);
      ArrayNode pc = o.putArray("classes");
      for (ClassResult c : p.classes()) {
        ObjectNode co = pc.addObject();
        co.put("name", c.name());
        co.put("population", c.population());
        co.put("throughput", c.throughput());
        co.put("responseTime", c.responseTime());
        ArrayNode at = co.putArray("stations");
        for (int k = 0; k < c.residenceTimes().size(); k++) {
          ObjectNode so = at.addObject();
          so.put("name", net.stations().get(k).name());
          so.put("residenceTime", c.residenceTimes().get(k));
          so.put("queueLength", c.queueLengths().get(k));
        }
      }
      ArrayNode ps = o.putArray("stations");
      for (StationResult st : p.stations()) {
        ObjectNode so = ps.addObject();
        so.put("name", st.name());
        so.put("kind", st.kind().id());
        if (st.kind() == StationKind.QUEUE) {
          so.put("utilization", st.utilization());
        } else {
          so.putNull("utilization");
        }
        so.put("queueLength", st.queueLength());
      }
    }
  }
}
