package dev.headroom.ingest.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The commented starter system file that {@code headroom init} prints. */
public final class SystemFileTemplate {

  private SystemFileTemplate() {}

  public static String text() {
    try (InputStream in = SystemFileTemplate.class.getResourceAsStream("template.yaml")) {
      if (in == null) {
        throw new IllegalStateException("template.yaml is missing from the headroom-core jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
