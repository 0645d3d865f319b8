package dev.headroom.plan.roadmap;

import java.util.List;
import java.util.Locale;

/** What can break on the way up, each with the knowledge that says where its limit is. */
public enum BreakKind {
  /** The front app needs more instances than it has: its CPU passes the target (C5, P13). */
  APP_CAPACITY(List.of("C5", "P13")),
  /** The primary's CPU passes the target utilisation (utilisation law; S5, P13). */
  PRIMARY_CPU(List.of("S5", "P13")),
  /** The read replicas in place take less than the reads reaching them (C3). */
  REPLICA_CAPACITY(List.of("C3")),
  /** Server connections (Little's law) pass the primary's max_connections (C2, M4). */
  SERVER_CONNECTIONS(List.of("C2", "M4")),
  /** The clients' pools together open more connections than max_connections allows (C2, M4). */
  CLIENT_POOLS(List.of("C2", "M4")),
  /** The p95 SLO, by M/M/1 response-time scaling of the busiest tier (M1, M5). */
  LATENCY_P95(List.of("M1", "M5")),
  /** The cache is smaller than the working set (C4). */
  CACHE_MEMORY(List.of("C4")),
  /** One machine holds a tier while the availability SLO promises more than one gives ($3). */
  SINGLE_POINT_OF_FAILURE(List.of("$3")),
  /** The load crosses into the next growth stage (S1-S3, S5-S7). */
  STAGE(List.of("S3", "S.resolve"));

  private final List<String> knowledge;

  BreakKind(List<String> knowledge) {
    this.knowledge = knowledge;
  }

  /** The stable id written to JSON ({@code primary-cpu}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public List<String> knowledge() {
    return knowledge;
  }
}
