package dev.headroom.analysis.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementNormalizerTest {

  static Stream<Arguments> statements() {
    return Stream.of(
        Arguments.of("SELECT * FROM book WHERE id = 42", "SELECT * FROM book WHERE id = ?"),
        Arguments.of("select * from t1 where c_2 = 'O''Brien'", "select * from t1 where c_2 = ?"),
        Arguments.of("SELECT a FROM t WHERE id IN (1, 2, 3)", "SELECT a FROM t WHERE id IN (?)"),
        Arguments.of(
            "SELECT a FROM t WHERE id = $1 AND x > -3.5", "SELECT a FROM t WHERE id = ? AND x > ?"),
        Arguments.of("UPDATE t SET n = n -1", "UPDATE t SET n = n -?"),
        Arguments.of("  SELECT\n\t 1  ", "SELECT ?"),
        Arguments.of(
            "insert into api_book (book_price, book_title) values (12.25, 'Cloud Native Java')",
            "insert into api_book (book_price, book_title) values (?)"),
        Arguments.of("SELECT \"t1\".\"c\" FROM \"t1\"", "SELECT \"t1\".\"c\" FROM \"t1\""));
  }

  @ParameterizedTest
  @MethodSource("statements")
  void normalise_replacesLiteralsAndKeepsIdentifiers(String sql, String expected) {
    assertThat(StatementNormalizer.normalise(sql)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("statements")
  void normalise_isIdempotent(String sql, String expected) {
    assertThat(StatementNormalizer.normalise(expected)).isEqualTo(expected);
  }
}
