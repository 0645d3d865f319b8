package dev.headroom.ingest.trace;

import dev.headroom.model.SourceLocation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One span, in the same units whatever format it came from.
 *
 * @param traceId lower-case hex
 * @param spanId lower-case hex
 * @param parentId lower-case hex, or empty for a span that names no parent (a root)
 * @param name the operation name
 * @param startNanos when it started, in nanoseconds since the Unix epoch, by its host's clock
 * @param durationNanos how long it lasted, in nanoseconds, at least 0
 * @param service the service that recorded it (OTLP {@code service.name}, Jaeger process, Zipkin
 *     {@code localEndpoint.serviceName}); empty when unknown
 * @param remoteService the service on the other side of a call, when the format records it (Zipkin
 *     {@code remoteEndpoint.serviceName}); empty otherwise
 * @param tags the attributes (tags) the analysis reads, as strings; see {@link #KEPT_TAGS}
 * @param shared Zipkin's {@code shared}: the server side of a span whose id its client also uses
 * @param location where the span starts in its file, for messages
 */
public record Span(
    String traceId,
    String spanId,
    String parentId,
    String name,
    SpanKind kind,
    long startNanos,
    long durationNanos,
    String service,
    String remoteService,
    Map<String, String> tags,
    boolean shared,
    SourceLocation location) {

  /**
   * The attributes kept from each span: the semantic conventions that say which layer a call goes
   * to (database, cache, external) and what it ran. Everything else is dropped while reading, so a
   * span costs a few hundred bytes however many attributes its producer attached.
   */
  public static final java.util.Set<String> KEPT_TAGS =
      java.util.Set.of(
          "db.system",
          "db.system.name",
          "db.type",
          "db.statement",
          "db.query.text",
          "sql.query",
          "db.operation",
          "db.operation.name",
          "db.name",
          "db.namespace",
          "http.url",
          "url.full",
          "http.method",
          "http.request.method",
          "http.host",
          "server.address",
          "net.peer.name",
          "peer.service",
          "rpc.system",
          "rpc.service",
          "messaging.system");

  public Span {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    if (traceId.isEmpty() || spanId.isEmpty()) {
      throw new IllegalArgumentException("a span has a trace id and a span id");
    }
    if (durationNanos < 0) {
      throw new IllegalArgumentException("a span's duration is >= 0, got " + durationNanos);
    }
    parentId = parentId == null ? "" : parentId;
    name = name == null ? "" : name;
    service = service == null ? "" : service;
    remoteService = remoteService == null ? "" : remoteService;
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** When it ended, in nanoseconds since the epoch. */
  public long endNanos() {
    return startNanos + durationNanos;
  }

  /** A span without a parent id starts a trace (or, with several, a part of one). */
  public boolean isRoot() {
    return parentId.isEmpty();
  }

  public Optional<String> tag(String key) {
    return Optional.ofNullable(tags.get(key));
  }
}
