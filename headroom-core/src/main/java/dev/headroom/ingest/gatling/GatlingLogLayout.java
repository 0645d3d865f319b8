package dev.headroom.ingest.gatling;

/** The layouts of {@code simulation.log} that {@link GatlingLogReader} reads. */
public enum GatlingLogLayout {
  /** Gatling 2.0–2.2: text, record type in the third column, four timestamps per request. */
  TEXT_2_0("text, Gatling 2.0-2.2"),
  /** Gatling 2.3–3.3: text, record type first, requests and users carry a userId column. */
  TEXT_WITH_USER_ID("text with userId, Gatling 2.3-3.3"),
  /** Gatling 3.4–3.12: text, no userId. */
  TEXT("text, Gatling 3.4-3.12"),
  /** Gatling 3.13 and later: big-endian binary records with a string cache. */
  BINARY("binary, Gatling 3.13+");

  private final String description;

  GatlingLogLayout(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
