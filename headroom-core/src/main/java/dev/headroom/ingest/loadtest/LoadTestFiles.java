package dev.headroom.ingest.loadtest;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Detects the format of a load-test file by its content and reads it. */
public final class LoadTestFiles {

  private LoadTestFiles() {}

  /** Reads {@code file}, detecting its format unless {@code format} is given. */
  public static LoadTest read(Path file, LoadTestFormat format, ReadOptions options) {
    LoadTestFormat f = format != null ? format : detect(file);
    LoadTest t = f.newReader().read(file, options);
    List<String> ignored = new ArrayList<>();
    if (options != null && options.latencyUnit() != null && !UNIT_NOT_RECORDED.contains(f)) {
      ignored.add("--latency-unit");
    }
    if (options != null && options.tag() != null && f != LoadTestFormat.HLOG) {
      ignored.add("--tag");
    }
    if (ignored.isEmpty()) {
      return t;
    }
    List<String> warnings = new ArrayList<>(t.warnings());
    warnings.add(
        String.join(" and ", ignored)
            + " ignored: "
            + f.displayName()
            + " fixes its own latency unit and has no tags (they apply to HdrHistogram logs"
            + " and, for the unit, percentile distributions)");
    return t.withWarnings(warnings);
  }

  /** The formats whose files do not say the unit of their latencies: --latency-unit applies. */
  private static final java.util.Set<LoadTestFormat> UNIT_NOT_RECORDED =
      java.util.EnumSet.of(LoadTestFormat.HLOG, LoadTestFormat.HGRM);

  /**
   * Reads every file, and reports the problems of all of them together rather than stopping at the
   * first bad one.
   */
  public static List<LoadTest> readAll(
      List<Path> files, LoadTestFormat format, ReadOptions options) {
    return readAll(files, format, f -> options);
  }

  /**
   * Reads every file with its own options (a concurrency given per file, {@code --concurrency
   * run-a.json=8}), and reports the problems of all of them together.
   */
  public static List<LoadTest> readAll(
      List<Path> files, LoadTestFormat format, Function<Path, ReadOptions> options) {
    List<LoadTest> out = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (Path f : files) {
      try {
        out.add(read(f, format, options.apply(f)));
      } catch (BadInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return out;
  }

  /** The first format whose reader accepts the file's head. */
  public static LoadTestFormat detect(Path file) {
    LoadTestReader.Head head = LoadTestReader.head(file);
    if (head.bytes().length == 0) {
      throw new BadInputException(
          new InputProblem(
              file.toString(), 0, 0, "", "an empty file", "a load-test result file", null));
    }
    for (LoadTestFormat f : LoadTestFormat.values()) {
      if (f.newReader().accepts(head)) {
        return f;
      }
    }
    List<String> ids = new ArrayList<>();
    Arrays.stream(LoadTestFormat.values()).forEach(f -> ids.add(f.id()));
    throw new BadInputException(
        new InputProblem(
            file.toString(),
            1,
            0,
            "",
            "content that matches no known format (starts with \"" + preview(head) + "\")",
            "one of "
                + String.join(", ", ids)
                + " (or name it with --input-format)"
                + (head.text().lines().findFirst().orElse("").contains(",")
                    ? "; a plain CSV needs a header naming a concurrency column (concurrency, users, threads,"
                        + " nodes, …) and a throughput column (throughput, rps, qps, …)"
                    : ""),
            null));
  }

  private static String preview(LoadTestReader.Head head) {
    String t = head.text();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.length() && sb.length() < 40; i++) {
      char c = t.charAt(i);
      if (c == '\n' || c == '\r') {
        sb.append("\\n");
      } else if (c < 0x20 || c == 0xFFFD) {
        sb.append('?');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Used in messages: a list of format ids. */
  public static String formatIds() {
    StringBuilder sb = new StringBuilder();
    for (LoadTestFormat f : LoadTestFormat.values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(f.id());
    }
    return sb.toString();
  }

  static String fmt(double v) {
    return Units.format(v, 6);
  }
}
