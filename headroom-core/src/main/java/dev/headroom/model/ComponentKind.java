package dev.headroom.model;

import java.util.Locale;

/** What a component of the system is. */
public enum ComponentKind {
  LOAD_BALANCER("load balancer"),
  APP("application server"),
  WORKER("background worker"),
  DATABASE("database"),
  CACHE("cache"),
  CDN("content delivery network"),
  QUEUE("message queue"),
  SEARCH("search engine"),
  STORAGE("object or file storage"),
  EXTERNAL("external service");

  private final String description;

  ComponentKind(String description) {
    this.description = description;
  }

  /** The name used in system files: {@code load_balancer}, {@code app}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
