package dev.headroom.ingest.gatling;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The real Gatling files under {@code src/test/resources/gatling/} (provenance:
 * data/formats/README.md).
 */
final class GatlingSamples {

  private GatlingSamples() {}

  static Path sample(String name) {
    try {
      return Path.of(GatlingSamples.class.getResource("/gatling/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
