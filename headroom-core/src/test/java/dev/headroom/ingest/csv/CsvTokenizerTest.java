package dev.headroom.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTokenizerTest {

  private static List<List<String>> all(CsvTokenizer t) throws IOException {
    List<List<String>> out = new ArrayList<>();
    while (t.next()) {
      List<String> r = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        r.add(t.field(i));
      }
      out.add(r);
    }
    return out;
  }

  @Test
  void next_followsRfc4180QuotingAndReportsLinesAndColumns() throws IOException {
    CsvTokenizer t =
        new CsvTokenizer(
            new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\n\nlast,\"open"),
            ',');
    assertThat(t.next()).isTrue();
    assertThat(List.of(t.field(0), t.field(1), t.field(2)))
        .containsExactly("a", "b,c", "say \"hi\"");
    assertThat(t.line()).isEqualTo(1);
    assertThat(t.column(1)).isEqualTo(3);
    assertThat(t.column(2)).isEqualTo(9);
    assertThat(t.next()).isTrue();
    assertThat(t.field(0)).isEqualTo("multi\nline");
    assertThat(t.line()).isEqualTo(2);
    assertThat(t.next()).isTrue();
    assertThat(t.blank()).isTrue();
    assertThat(t.line()).isEqualTo(4);
    assertThat(t.next()).isTrue();
    assertThat(t.line()).isEqualTo(5);
    assertThat(t.unterminatedQuote()).isTrue();
    assertThat(t.field(1)).isEqualTo("open");
    assertThat(t.next()).isFalse();
  }

  @Test
  void next_keepsStrayQuotesInsideUnquotedFields() throws IOException {
    CsvTokenizer t = new CsvTokenizer(new StringReader("5\"9,x\n"), ',');
    assertThat(all(t)).containsExactly(List.of("5\"9", "x"));
  }

  static LongStream seeds() {
    return LongStream.range(1, 26);
  }

  /** Any fields written the RFC 4180 way come back as they were. */
  @ParameterizedTest
  @MethodSource("seeds")
  void next_roundTripsQuotedRandomRecords(long seed) throws IOException {
    Random random = new Random(seed);
    char delimiter = random.nextBoolean() ? ',' : '\t';
    String alphabet = "ab1 ,\t\"\n\r;é";
    List<List<String>> records = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 1 + random.nextInt(30); r++) {
      List<String> fields = new ArrayList<>();
      int n = 1 + random.nextInt(6);
      for (int f = 0; f < n; f++) {
        StringBuilder v = new StringBuilder();
        for (int k = random.nextInt(8); k > 0; k--) {
          v.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        fields.add(v.toString());
        if (f > 0) {
          text.append(delimiter);
        }
        String s = v.toString();
        // quote what needs it, and the empty single field, which would otherwise be a blank line
        boolean quote =
            s.indexOf(delimiter) >= 0
                || s.indexOf('"') >= 0
                || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0
                || (n == 1 && s.isEmpty())
                || random.nextInt(4) == 0;
        text.append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
      }
      text.append(random.nextBoolean() ? "\n" : "\r\n");
      records.add(fields);
    }
    assertThat(all(new CsvTokenizer(new StringReader(text.toString()), delimiter)))
        .isEqualTo(records);
  }

  /**
   * Unquoted fields are copied in runs up to the end of what one read returned: a reader that hands
   * out a few characters at a time (so runs stop mid-field) gives the same fields, lines and
   * columns as one that hands out everything.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void next_givesTheSameRecordsWhateverTheReadSizes(long seed) throws IOException {
    Random random = new Random(seed);
    String alphabet = "ab1 ,\"\n\r;x9";
    StringBuilder text = new StringBuilder();
    for (int k = 200 + random.nextInt(400); k > 0; k--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    String csv = text.toString();
    java.io.Reader trickle =
        new java.io.Reader() {
          private int at;

          @Override
          public int read(char[] b, int off, int len) {
            if (at == csv.length()) {
              return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(7)), csv.length() - at);
            csv.getChars(at, at + n, b, off);
            at += n;
            return n;
          }

          @Override
          public void close() {}
        };
    assertThat(positioned(new CsvTokenizer(trickle, ',')))
        .isEqualTo(positioned(new CsvTokenizer(new StringReader(csv), ',')));
  }

  /** Each record as its line, then each field with its column. */
  private static List<String> positioned(CsvTokenizer t) throws IOException {
    List<String> out = new ArrayList<>();
    while (t.next()) {
      StringBuilder r = new StringBuilder().append(t.line()).append(t.unterminatedQuote());
      for (int i = 0; i < t.size(); i++) {
        r.append('|').append(t.column(i)).append(':').append(t.field(i));
      }
      out.add(r.toString());
    }
    return out;
  }
}
