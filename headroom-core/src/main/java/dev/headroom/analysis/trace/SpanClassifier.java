package dev.headroom.analysis.trace;

import dev.headroom.ingest.trace.Span;
import dev.headroom.ingest.trace.SpanKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which layer a span's time belongs to, from the semantic conventions its producer followed
 * (OpenTelemetry {@code db.system} / {@code db.system.name}, {@code db.statement} / {@code
 * db.query.text}, {@code http.url} / {@code url.full}, {@code peer.service}, {@code rpc.system};
 * OpenTracing's {@code db.type}; Brave's {@code sql.query}; Zipkin's {@code remoteEndpoint}).
 * Conventions are checked first, the span kind last: a span with {@code db.system} is a database
 * call whatever its kind, and a CLIENT span with nothing else is a call out of the process.
 */
final class SpanClassifier {

  /** Database systems that are caches (OpenTelemetry's {@code db.system} values). */
  static final Set<String> CACHE_SYSTEMS = Set.of("redis", "memcached", "valkey");

  /** The tags that hold a statement, newest convention first. */
  static final List<String> STATEMENT_TAGS = List.of("db.query.text", "db.statement", "sql.query");

  private static final List<String> SYSTEM_TAGS = List.of("db.system.name", "db.system", "db.type");

  /** Remote service names that say "database" when no tag does (Zipkin remoteEndpoint). */
  private static final List<String> DATABASE_NAMES =
      List.of("postgres", "mysql", "mariadb", "oracle", "sqlserver", "mssql", "mongo", "cassandra");

  private final Set<String> ownServices;

  /**
   * @param ownServices the services that recorded spans in the input: a call to one of them is a
   *     call inside the system, not an external one
   */
  SpanClassifier(Set<String> ownServices) {
    this.ownServices = Set.copyOf(ownServices);
  }

  /**
   * The call layer of {@code span}, or empty when its time is the service's own (an internal or
   * server span) or is looked into through its children (a call to one of the system's services).
   *
   * @param callsOwnServer the span has a SERVER child in the trace: the callee's spans say where
   *     the time went
   */
  Optional<TimeLayer> layer(Span span, boolean callsOwnServer) {
    Optional<String> system = first(span, SYSTEM_TAGS).map(v -> v.toLowerCase(Locale.ROOT));
    if (system.isPresent()) {
      return Optional.of(
          CACHE_SYSTEMS.contains(system.get()) ? TimeLayer.CACHE : TimeLayer.DATABASE);
    }
    if (statement(span).isPresent()) {
      return Optional.of(TimeLayer.DATABASE);
    }
    if (callsOwnServer) {
      return Optional.empty();
    }
    if (span.kind() != SpanKind.CLIENT && span.kind() != SpanKind.PRODUCER) {
      return Optional.empty();
    }
    String remote =
        span.remoteService().isEmpty() ? span.tag("peer.service").orElse("") : span.remoteService();
    String r = remote.toLowerCase(Locale.ROOT);
    if (!r.isEmpty()) {
      if (CACHE_SYSTEMS.stream().anyMatch(r::startsWith)) {
        return Optional.of(TimeLayer.CACHE);
      }
      if (DATABASE_NAMES.stream().anyMatch(r::startsWith)) {
        return Optional.of(TimeLayer.DATABASE);
      }
      if (ownServices.contains(remote)) {
        // one of the system's services whose server spans are not in the input: its time is
        // the system's own, not an external dependency's
        return Optional.empty();
      }
    }
    return Optional.of(TimeLayer.EXTERNAL);
  }

  /** The statement a database span ran, as recorded. */
  static Optional<String> statement(Span span) {
    return first(span, STATEMENT_TAGS).filter(s -> !s.isBlank());
  }

  private static Optional<String> first(Span span, List<String> keys) {
    for (String k : keys) {
      Optional<String> v = span.tag(k);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }
}
