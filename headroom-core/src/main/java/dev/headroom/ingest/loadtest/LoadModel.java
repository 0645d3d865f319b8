package dev.headroom.ingest.loadtest;

/**
 * How the generator sent load. Closed-loop generators (a fixed number of users that wait for each
 * response) under-sample stalls: coordinated omission (Tene; see docs/formats.md). Open-loop
 * generators send on a schedule and do not.
 */
public enum LoadModel {
  OPEN,
  CLOSED,
  UNKNOWN
}
