package dev.headroom.ingest.hdrhistogram;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real HdrHistogram files under {@code src/test/resources/hdrhistogram/}. */
final class HdrSamples {

  static final String JHICCUP_LOG = "hdrhistogram-jHiccup-2.0.7S.logV2.hlog";
  static final String TAGGED_LOG = "hdrhistogram-tagged-Log.logV2.hlog";
  static final String HGRM = "hdrhistogram-jHiccup-2.0.7S.hgrm";

  private HdrSamples() {}

  static Path sample(String name) {
    try {
      return Path.of(HdrSamples.class.getResource("/hdrhistogram/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
