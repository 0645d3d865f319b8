package dev.headroom.ingest.hdrhistogram;

import dev.headroom.ingest.loadtest.Numbers;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A percentile distribution table as HdrHistogram prints it ({@code
 * AbstractHistogram.outputPercentileDistribution}), with its footer when present. The same table is
 * the "Detailed Percentile spectrum" of wrk2, so this parser is public and takes lines, not a file.
 *
 * <p>Classic layout (values already divided by {@code outputValueUnitRatio}, so in ms when the
 * histogram held ns and the ratio was 1e6, as with {@code HistogramLogProcessor} and wrk2):
 *
 * <pre>
 *        Value     Percentile TotalCount 1/(1-Percentile)
 *
 *        0.02 0.000000000000        356           1.00
 *        …
 *     1803.55 1.000000000000      48761
 * #[Mean    =        67.81, StdDeviation   =       258.95]
 * #[Max     =      1803.55, Total count    =        48761]
 * #[Buckets =           21, SubBuckets     =          256]
 * </pre>
 *
 * The CSV layout ({@code -csv}) has the quoted header {@code
 * "Value","Percentile","TotalCount","1/(1-Percentile)"}, comma-separated rows, {@code Infinity} in
 * the last column of the last row, and no footer. Other {@code #} lines and blank lines are
 * ignored. Numbers use a dot as decimal separator.
 *
 * @param rows the table rows, in file order (percentile rising)
 * @param mean the footer's mean, null without footer
 * @param stdDeviation the footer's standard deviation, null without footer
 * @param max the footer's max, or the last row's value without footer
 * @param totalCount the footer's total count, or the last row's total count without footer
 */
public record PercentileDistribution(
    List<Row> rows, Double mean, Double stdDeviation, double max, long totalCount) {

  /** One table row: the value at {@code percentile} (a fraction, 0 to 1) and the count up to it. */
  public record Row(double value, double percentile, long totalCount) {
    public Row {
      if (!Double.isFinite(value)
          || value < 0
          || !(percentile >= 0 && percentile <= 1)
          || totalCount < 0) {
        throw new IllegalArgumentException(
            "bad row " + value + " " + percentile + " " + totalCount);
      }
    }
  }

  private static final Pattern CLASSIC_HEADER =
      Pattern.compile("^\\s*Value\\s+Percentile\\s+TotalCount\\b.*");
  private static final Pattern CSV_HEADER =
      Pattern.compile("^\"Value\",\"Percentile\",\"TotalCount\".*");
  private static final Pattern MEAN =
      Pattern.compile(
          "#\\[Mean\\s*=\\s*([-+0-9.eE]+|NaN),\\s*StdDeviation\\s*=\\s*([-+0-9.eE]+|NaN)\\s*]");
  private static final Pattern MAX =
      Pattern.compile("#\\[Max\\s*=\\s*([-+0-9.eE]+),\\s*Total count\\s*=\\s*([0-9]+)\\s*]");

  public PercentileDistribution {
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a percentile distribution needs at least one row");
    }
    Objects.requireNonNull(rows.get(0));
  }

  /** Whether {@code line} is the table's header, classic or CSV. */
  public static boolean isHeader(String line) {
    return CLASSIC_HEADER.matcher(line).matches() || CSV_HEADER.matcher(line).matches();
  }

  /**
   * The value at percentile {@code p} (0 to 100), read as HdrHistogram's {@code
   * getValueAtPercentile} defines it: the smallest printed value with at least ⌈p/100·N⌉ values at
   * or below it, judged by the TotalCount column. The table only has rows at its percentile ticks,
   * so this is the first row at or above the exact answer; rows are dense near the top (5 ticks per
   * half-distance by default), so the excess is small.
   */
  public double valueAt(double p) {
    long total = rows.get(rows.size() - 1).totalCount();
    long needed = Math.max(1, (long) Math.ceil(p / 100.0 * total));
    for (Row r : rows) {
      if (r.totalCount() >= needed) {
        return r.value();
      }
    }
    return rows.get(rows.size() - 1).value();
  }

  /**
   * Parses the table starting at its header, which must be among {@code lines}; lines before it are
   * ignored. {@code firstLineNumber} is the file line of {@code lines.get(0)}, for messages. Rows
   * that cannot be read are errors naming {@code file} and the line.
   */
  public static PercentileDistribution parse(String file, List<String> lines, int firstLineNumber) {
    int i = 0;
    while (i < lines.size() && !isHeader(lines.get(i))) {
      i++;
    }
    if (i == lines.size()) {
      throw new BadInputException(
          new InputProblem(
              file,
              firstLineNumber,
              0,
              "",
              "no percentile table header",
              "a line \"Value Percentile TotalCount 1/(1-Percentile)\" (or its CSV form)",
              null));
    }
    boolean csv = lines.get(i).startsWith("\"");
    List<Row> rows = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    Double mean = null;
    Double std = null;
    Double max = null;
    Long total = null;
    for (int k = i + 1; k < lines.size(); k++) {
      String line = lines.get(k).strip();
      int lineNo = firstLineNumber + k;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        Matcher m = MEAN.matcher(line);
        try {
          if (m.matches()) {
            mean = footerNumber(file, lineNo, line, m.group(1));
            std = footerNumber(file, lineNo, line, m.group(2));
          }
          m = MAX.matcher(line);
          if (m.matches()) {
            max = footerNumber(file, lineNo, line, m.group(1));
            Long t = Numbers.longOrNull(m.group(2));
            if (t == null || t < 0) {
              throw footerProblem(file, lineNo, line, m.group(2));
            }
            total = t;
          }
        } catch (BadInputException e) {
          problems.addAll(e.problems());
        }
        continue;
      }
      String[] cells = csv ? line.split(",", -1) : line.split("\\s+");
      if (cells.length < 3) {
        if (!rows.isEmpty()) {
          break; // the table ended (wrk2 prints more text after it)
        }
        problems.add(
            new InputProblem(
                file,
                lineNo,
                1,
                "",
                "\"" + line + "\"",
                "a row: value percentile totalCount",
                null));
        continue;
      }
      try {
        double value = Double.parseDouble(cells[0]);
        double percentile = Double.parseDouble(cells[1]);
        long count = Long.parseLong(cells[2]);
        rows.add(new Row(value, percentile, count));
      } catch (IllegalArgumentException e) {
        if (!rows.isEmpty() && !Character.isDigit(line.charAt(0))) {
          break;
        }
        problems.add(
            new InputProblem(
                file,
                lineNo,
                1,
                "",
                "\"" + line + "\"",
                "a row of numbers: value (>= 0) percentile (0 to 1) totalCount",
                null));
      }
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(
          new InputProblem(
              file, firstLineNumber + i, 0, "", "a header without rows", "table rows", null));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    Row last = rows.get(rows.size() - 1);
    return new PercentileDistribution(
        rows,
        mean,
        std,
        max != null ? max : last.value(),
        total != null ? total : last.totalCount());
  }

  /**
   * A footer figure: {@code NaN} (HdrHistogram's mean of an empty histogram) is null; anything else
   * must be a finite number, so a mangled {@code --67.81} is a problem at its column rather than a
   * {@link NumberFormatException}.
   */
  private static Double footerNumber(String file, int lineNo, String line, String token) {
    if (token.equals("NaN")) {
      return null;
    }
    Double v = Numbers.finiteOrNull(token);
    if (v == null) {
      throw footerProblem(file, lineNo, line, token);
    }
    return v;
  }

  private static BadInputException footerProblem(
      String file, int lineNo, String line, String token) {
    return new BadInputException(
        new InputProblem(
            file,
            lineNo,
            line.indexOf(token) + 1,
            "",
            "\"" + token + "\" in the footer \"" + line + "\"",
            "a footer of finite numbers such as #[Mean = 67.81, StdDeviation = 258.95]",
            null));
  }
}
