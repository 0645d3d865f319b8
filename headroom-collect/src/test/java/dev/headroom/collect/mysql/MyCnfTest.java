package dev.headroom.collect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MyCnfTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "password=plain | plain",
        "password = spaced  | spaced",
        "password='single # quoted' | single # quoted",
        "password=value # a comment | value",
        "PASSWORD=upper | upper"
      })
  void password_readsTheValueForms(String line, String expected) {
    assertThat(MyCnf.password(List.of("[client]", line))).contains(expected);
  }

  @Test
  void password_inDoubleQuotes_takesBackslashEscapes() {
    assertThat(MyCnf.password(List.of("[client]", "password=\"a \\\"b\\\" c\"")))
        .contains("a \"b\" c");
  }

  @Test
  void password_onlyFromTheClientGroups_andTheLastWins() {
    List<String> lines =
        List.of(
            "# comment",
            "[mysqld]",
            "password=server-side",
            "[client]",
            "user=monitor",
            "password=first",
            "[mysql]",
            "password=other-tool",
            "[client-mariadb]",
            "; comment",
            "password=last");
    assertThat(MyCnf.password(lines)).contains("last");
    assertThat(MyCnf.password(List.of("[mysqld]", "password=server-side"))).isEmpty();
    assertThat(MyCnf.password(List.of("[client]", "password"))).isEmpty();
  }

  @Test
  void password_ofAMissingFile_isEmpty(@TempDir Path dir) {
    assertThat(MyCnf.password(dir.resolve("absent.cnf"))).isEqualTo(Optional.empty());
  }

  @Test
  void password_ofAFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("my.cnf");
    Files.writeString(f, "[client]\npassword=from-file\n");
    assertThat(MyCnf.password(f)).contains("from-file");
  }
}
