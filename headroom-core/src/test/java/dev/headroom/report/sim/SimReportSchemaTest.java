package dev.headroom.report.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The golden JSON reports against docs/simulate-report-schema.json (JSON Schema 2020-12). */
class SimReportSchemaTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme-shop", "write-heavy-scale"})
  void goldenJson_validatesAgainstTheSchema(String name) throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(Path.of("..", "docs", "simulate-report-schema.json")));
    JsonNode json =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(Path.of("src/test/resources/report/sim/" + name + ".json")));
    List<Error> errors = schema.validate(json);
    assertThat(errors).as(name).isEmpty();
  }
}
