package dev.headroom.collect.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingTest {

  @Test
  void read_yamlWithEveryField_givesTheOverrides(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("m.yaml");
    Files.writeString(
        f,
        "histogram: myapp_http_seconds\n"
            + "service_label: app\n"
            + "status_label: code\n"
            + "rate_window: 2m\n"
            + "queries:\n"
            + "  rps: sum(rate(myapp_requests_total[2m]))\n"
            + "components:\n"
            + "  app: { name: web, selector: 'instance=~\"web-.*\"' }\n"
            + "  database: { name: db }\n"
            + "kubernetes: 'namespace=\"shop\"'\n");
    Mapping m = Mapping.read(f);
    assertThat(m.histogram()).contains("myapp_http_seconds");
    assertThat(m.serviceLabel()).contains("app");
    assertThat(m.statusLabel()).contains("code");
    assertThat(m.rateWindow()).contains("2m");
    assertThat(m.queries()).containsEntry("rps", "sum(rate(myapp_requests_total[2m]))");
    assertThat(m.components().get("app").selector()).isEqualTo("instance=~\"web-.*\"");
    assertThat(m.components().get("database").name()).isEqualTo("db");
    assertThat(m.components().get("database").selector()).isEmpty();
    assertThat(m.kubernetes()).isEqualTo("namespace=\"shop\"");
  }

  @Test
  void read_json_isReadToo(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("m.json");
    Files.writeString(
        f, "{\"histogram\": \"http_request_duration_seconds\", \"rate_window\": \"1m\"}");
    assertThat(Mapping.read(f).histogram()).contains("http_request_duration_seconds");
  }

  @Test
  void read_selectorThatWouldEscapeItsBraces_isRefusedAtItsPosition(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("m.yaml");
    Files.writeString(
        f,
        "kubernetes: 'namespace=\"shop\"} or vector(1) # '\nrate_window: 5 minutes\nsurprise: 1\n");
    assertThatThrownBy(() -> Mapping.read(f))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(f + ":1:13: kubernetes: found")
        .hasMessageContaining("allowed label matchers such as namespace=\"shop\"")
        .hasMessageContaining(
            f + ":2:14: rate_window: found \"5 minutes\"; allowed a PromQL duration")
        .hasMessageContaining(f + ":3:1: surprise: found the key \"surprise\"");
  }

  @Test
  void isSelector_acceptsMatcherListsOnly() {
    assertThat(Mapping.isSelector("job=\"a\", env!~\"dev|test\"")).isTrue();
    assertThat(Mapping.isSelector("")).isTrue();
    assertThat(Mapping.isSelector("job=\"a\"}")).isFalse();
    assertThat(Mapping.isSelector("job=a")).isFalse();
  }
}
