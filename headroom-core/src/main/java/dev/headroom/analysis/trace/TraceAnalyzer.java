package dev.headroom.analysis.trace;

import dev.headroom.ingest.trace.Span;
import dev.headroom.ingest.trace.SpanKind;
import dev.headroom.ingest.trace.TraceInput;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles spans into requests and attributes each request's time to layers (INVENTORY D1).
 *
 * <ol>
 *   <li><b>Traces.</b> Spans are grouped by trace id. A span read twice (same id, kind and side) is
 *       kept once. Zipkin's shared spans: the server side of an id its client also uses is the
 *       client's child, and spans naming that id as parent are the server side's children.
 *   <li><b>Requests.</b> Every root span (no parent id) is a request. A trace without one (an
 *       export of part of a system) takes its top-most orphans (spans whose parent is not in the
 *       input) as requests and is counted as rootless; orphans in a trace with a root are counted
 *       and left out.
 *   <li><b>Clock skew.</b> Hosts' clocks differ, so a child can appear to start before its parent.
 *       Such a child is moved forward, with its whole subtree (recorded by the same clock), to its
 *       parent's start; a child that then ends after its parent is cut at the parent's end. Both
 *       are counted and reported.
 *   <li><b>Layers.</b> Walking down from the root, the first span that is a database, cache or
 *       external call ({@link SpanClassifier}) gives its interval to that layer, and its children
 *       are not looked at (a driver's own spans are part of the call). A client span whose child is
 *       a server span of the system goes on to the server's children. Per layer the time is the
 *       length of the union of its calls' intervals; own code is the root's duration minus the
 *       union of all calls (not the sum: calls that overlap count once).
 *   <li><b>N+1.</b> A request's database calls are grouped by normalised statement ({@link
 *       StatementNormalizer}), or by span name when a call has no statement. A group of at least
 *       {@link TraceSettings#nPlusOneMin()} calls none of which overlap is an N+1 suspect
 *       (INVENTORY M2): a loop issuing one query per item.
 * </ol>
 */
public final class TraceAnalyzer {

  private TraceAnalyzer() {}

  /**
   * Analyses {@code input}.
   *
   * @throws IllegalArgumentException when the input holds no spans
   */
  public static TraceAnalysis analyze(TraceInput input, TraceSettings settings) {
    if (input.spans().isEmpty()) {
      throw new IllegalArgumentException("no complete spans to analyse");
    }
    Set<String> services = new HashSet<>();
    Map<String, List<Span>> byTrace = new LinkedHashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Span s : input.spans()) {
      if (!s.service().isEmpty()) {
        services.add(s.service());
      }
      byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
      first = Math.min(first, s.startNanos());
      last = Math.max(last, s.endNanos());
    }
    Run run = new Run(new SpanClassifier(services), settings);
    for (Map.Entry<String, List<Span>> t : byTrace.entrySet()) {
      run.trace(t.getKey(), t.getValue());
    }
    return run.result(input, byTrace.size(), nanosToInstant(first), nanosToInstant(last));
  }

  static Instant nanosToInstant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** A span in its trace, with its place in the tree and its interval after skew correction. */
  private static final class Node {
    final Span span;
    int parent = -1;
    boolean orphan;
    final List<Integer> children = new ArrayList<>();
    long start;
    long end;
    long offset;

    Node(Span span) {
      this.span = span;
    }
  }

  /** The running totals of one analysis. */
  private static final class Run {
    final SpanClassifier classifier;
    final TraceSettings settings;
    final List<RequestBreakdown> requests = new ArrayList<>();
    final List<Double> rtt = new ArrayList<>();
    long duplicates;
    long orphans;
    int rootless;
    long cyclic;
    long skewed;
    long maxSkew;
    long clamped;
    int parallelRepeats;

    Run(SpanClassifier classifier, TraceSettings settings) {
      this.classifier = classifier;
      this.settings = settings;
    }

    void trace(String traceId, List<Span> spans) {
      List<Node> nodes = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Map<String, List<Integer>> byId = new HashMap<>();
      for (Span s : spans) {
        if (!seen.add(s.spanId() + '|' + s.kind() + '|' + s.shared())) {
          duplicates++;
          continue;
        }
        byId.computeIfAbsent(s.spanId(), k -> new ArrayList<>()).add(nodes.size());
        nodes.add(new Node(s));
      }
      for (int i = 0; i < nodes.size(); i++) {
        Node n = nodes.get(i);
        int parent = parentOf(i, n, nodes, byId);
        if (parent >= 0) {
          n.parent = parent;
          nodes.get(parent).children.add(i);
        } else if (!n.span.isRoot()) {
          n.orphan = true;
          orphans++;
        }
      }
      List<Integer> roots = new ArrayList<>();
      List<Integer> orphanTops = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        Node n = nodes.get(i);
        if (n.parent < 0) {
          (n.orphan ? orphanTops : roots).add(i);
        }
      }
      boolean[] reached = new boolean[nodes.size()];
      for (int top : roots) {
        mark(top, nodes, reached);
      }
      for (int top : orphanTops) {
        mark(top, nodes, reached);
      }
      for (boolean r : reached) {
        if (!r) {
          cyclic++;
        }
      }
      List<Integer> tops = roots;
      if (roots.isEmpty()) {
        rootless++;
        tops = orphanTops;
      }
      for (int top : tops) {
        request(traceId, top, nodes);
      }
    }

    /** The parent's index, or -1 for a root or an orphan. */
    private static int parentOf(int i, Node n, List<Node> nodes, Map<String, List<Integer>> byId) {
      if (n.span.shared()) {
        // the server side of a shared id hangs under its client, which carries the id too
        for (int j : byId.get(n.span.spanId())) {
          if (j != i && !nodes.get(j).span.shared()) {
            return j;
          }
        }
      }
      if (n.span.isRoot()) {
        return -1;
      }
      List<Integer> cands = byId.get(n.span.parentId());
      if (cands == null) {
        return -1;
      }
      int pick = -1;
      for (int j : cands) {
        if (j == i) {
          continue;
        }
        if (nodes.get(j).span.shared()) {
          return j; // children of a shared id belong to its server side
        }
        if (pick < 0) {
          pick = j;
        }
      }
      return pick;
    }

    private static void mark(int top, List<Node> nodes, boolean[] reached) {
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(top);
      while (!stack.isEmpty()) {
        int i = stack.pop();
        if (reached[i]) {
          continue;
        }
        reached[i] = true;
        nodes.get(i).children.forEach(stack::push);
      }
    }

    private void request(String traceId, int top, List<Node> nodes) {
      Node root = nodes.get(top);
      root.start = root.span.startNanos();
      root.end = root.span.endNanos();
      root.offset = 0;
      // place every span of the request inside its parent, top-down (skew correction)
      int spanCount = 0;
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(top);
      while (!stack.isEmpty()) {
        Node p = nodes.get(stack.pop());
        spanCount++;
        for (int ci : p.children) {
          Node c = nodes.get(ci);
          long s = c.span.startNanos() + p.offset;
          long shift = 0;
          if (s < p.start) {
            shift = p.start - s;
            skewed++;
            maxSkew = Math.max(maxSkew, shift);
          }
          s += shift;
          long e = s + c.span.durationNanos();
          if (e > p.end) {
            clamped++;
            e = p.end;
            s = Math.min(s, e);
          }
          c.start = s;
          c.end = e;
          c.offset = p.offset + shift;
          stack.push(ci);
        }
      }
      // attribute time to layers
      Map<TimeLayer, Intervals> byLayer = new EnumMap<>(TimeLayer.class);
      Map<TimeLayer, Integer> calls = new EnumMap<>(TimeLayer.class);
      Map<String, List<Node>> queries = new LinkedHashMap<>();
      Map<String, Boolean> isStatement = new HashMap<>();
      stack.push(top);
      while (!stack.isEmpty()) {
        Node n = nodes.get(stack.pop());
        Optional<Node> server = serverChild(n, nodes);
        Optional<TimeLayer> layer = classifier.layer(n.span, server.isPresent());
        if (layer.isPresent()) {
          byLayer.computeIfAbsent(layer.get(), k -> new Intervals()).add(n.start, n.end);
          calls.merge(layer.get(), 1, Integer::sum);
          if (layer.get() == TimeLayer.DATABASE) {
            Optional<String> st = SpanClassifier.statement(n.span);
            String key = st.map(StatementNormalizer::normalise).orElse(n.span.name());
            queries
                .computeIfAbsent((st.isPresent() ? "s:" : "n:") + key, k -> new ArrayList<>())
                .add(n);
            isStatement.put((st.isPresent() ? "s:" : "n:") + key, st.isPresent());
          }
          continue;
        }
        if (server.isPresent() && n.span.kind() == SpanKind.CLIENT) {
          long d = n.span.durationNanos() - server.get().span.durationNanos();
          if (d >= 0) {
            rtt.add((double) d);
          }
        }
        // children in reverse so that the walk visits them in input order
        for (int k = n.children.size() - 1; k >= 0; k--) {
          stack.push(n.children.get(k));
        }
      }
      long duration = root.end - root.start;
      Map<TimeLayer, Long> times = new EnumMap<>(TimeLayer.class);
      Intervals all = new Intervals();
      for (Map.Entry<TimeLayer, Intervals> e : byLayer.entrySet()) {
        times.put(e.getKey(), e.getValue().unionLength());
        all.addAll(e.getValue());
      }
      times.put(TimeLayer.OWN_CODE, duration - all.unionLength());
      List<RepeatedQuery> repeated = new ArrayList<>();
      for (Map.Entry<String, List<Node>> q : queries.entrySet()) {
        List<Node> runs = q.getValue();
        if (runs.size() < settings.nPlusOneMin()) {
          continue;
        }
        runs.sort(Comparator.comparingLong((Node x) -> x.start).thenComparingLong(x -> x.end));
        boolean sequential = true;
        Intervals union = new Intervals();
        long prevEnd = Long.MIN_VALUE;
        for (Node x : runs) {
          if (x.start < prevEnd) {
            sequential = false;
          }
          prevEnd = Math.max(prevEnd, x.end);
          union.add(x.start, x.end);
        }
        if (!sequential) {
          parallelRepeats++;
        }
        repeated.add(
            new RepeatedQuery(
                traceId,
                root.span.name(),
                q.getKey().substring(2),
                isStatement.get(q.getKey()),
                runs.size(),
                sequential,
                union.unionLength()));
      }
      requests.add(
          new RequestBreakdown(
              traceId,
              root.span.name(),
              root.span.service(),
              duration,
              times,
              calls,
              spanCount,
              repeated));
    }

    private static Optional<Node> serverChild(Node n, List<Node> nodes) {
      if (n.span.kind() != SpanKind.CLIENT && n.span.kind() != SpanKind.PRODUCER) {
        return Optional.empty();
      }
      for (int c : n.children) {
        Node child = nodes.get(c);
        if (child.span.kind() == SpanKind.SERVER || child.span.kind() == SpanKind.CONSUMER) {
          return Optional.of(child);
        }
      }
      return Optional.empty();
    }

    TraceAnalysis result(TraceInput input, int traces, Instant start, Instant end) {
      Map<TimeLayer, Distribution> shares = new EnumMap<>(TimeLayer.class);
      List<RequestBreakdown> timed = requests.stream().filter(r -> r.durationNanos() > 0).toList();
      for (TimeLayer l : TimeLayer.values()) {
        shares.put(l, Distribution.of(timed.stream().mapToDouble(r -> r.share(l)).toArray()));
      }
      Map<TimeLayer, Long> calls = new EnumMap<>(TimeLayer.class);
      for (RequestBreakdown r : requests) {
        r.calls().forEach((l, n) -> calls.merge(l, (long) n, Long::sum));
      }
      List<RepeatedQuery> suspects =
          requests.stream()
              .flatMap(r -> r.repeated().stream())
              .filter(RepeatedQuery::sequential)
              .sorted(
                  Comparator.comparingInt(RepeatedQuery::count)
                      .reversed()
                      .thenComparing(RepeatedQuery::traceId)
                      .thenComparing(RepeatedQuery::statement))
              .toList();
      return new TraceAnalysis(
          input.files(),
          settings,
          start,
          end,
          new TraceAnalysis.Quality(
              input.spans().size(),
              input.incomplete(),
              duplicates,
              traces,
              orphans,
              rootless,
              cyclic,
              skewed,
              maxSkew,
              clamped),
          requests,
          shares,
          Distribution.of(requests.stream().mapToDouble(RequestBreakdown::databaseCalls).toArray()),
          Distribution.of(requests.stream().mapToDouble(RequestBreakdown::durationNanos).toArray()),
          calls,
          suspects,
          parallelRepeats,
          Distribution.of(rtt.stream().mapToDouble(Double::doubleValue).toArray()));
    }
  }
}
