package dev.headroom.ingest.system;

import dev.headroom.model.SystemSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small system files as text for tests, so each test states only the lines that matter to
 * it. The text goes through the real {@link SystemFileReader}, units and all.
 */
public final class SystemYaml {

  private final List<String> workload = new ArrayList<>();
  private final List<String> slo = new ArrayList<>();
  private final List<String> components = new ArrayList<>();
  private final List<String> observations = new ArrayList<>();
  private final Map<String, List<String>> thresholds = new LinkedHashMap<>();
  private final List<String> prices = new ArrayList<>();

  private SystemYaml() {}

  public static SystemYaml system() {
    return new SystemYaml();
  }

  /** A workload line such as {@code peak_rps: 850 rps}. */
  public SystemYaml workload(String line) {
    workload.add(line);
    return this;
  }

  /** An SLO line such as {@code latency_p95: 300ms}. */
  public SystemYaml slo(String line) {
    slo.add(line);
    return this;
  }

  /** A component as a flow map body: {@code name: db, kind: database, vcpu: 8}. */
  public SystemYaml component(String body) {
    components.add(body);
    return this;
  }

  /** An observation line such as {@code db.cpu: 82%}. */
  public SystemYaml observe(String line) {
    observations.add(line);
    return this;
  }

  /** A threshold override {@code thresholds: { rule: { name: value } }}. */
  public SystemYaml threshold(String owner, String name, String value) {
    thresholds.computeIfAbsent(owner, o -> new ArrayList<>()).add(name + ": " + value);
    return this;
  }

  /** A price override such as {@code pooler: 40 USD/month}. */
  public SystemYaml price(String line) {
    prices.add(line);
    return this;
  }

  public String text() {
    StringBuilder b = new StringBuilder("name: test\n");
    section(b, "workload", workload);
    section(b, "slo", slo);
    b.append("components:\n");
    components.forEach(c -> b.append("  - { ").append(c).append(" }\n"));
    section(b, "observations", observations);
    if (!thresholds.isEmpty()) {
      b.append("thresholds:\n");
      thresholds.forEach(
          (owner, lines) -> {
            b.append("  ").append(owner).append(":\n");
            lines.forEach(l -> b.append("    ").append(l).append('\n'));
          });
    }
    section(b, "prices", prices);
    return b.toString();
  }

  public SystemSpec spec() {
    return SystemFileReader.read("test.yaml", text());
  }

  private static void section(StringBuilder b, String name, List<String> lines) {
    if (!lines.isEmpty()) {
      b.append(name).append(":\n");
      lines.forEach(l -> b.append("  ").append(l).append('\n'));
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
