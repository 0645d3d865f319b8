package dev.headroom.ingest.loadtest;

import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * The load-test file patterns of a system file's {@code capacity.from}: glob syntax as {@link
 * java.nio.file.FileSystem#getPathMatcher} reads it ({@code *}, {@code ?}, {@code [a-c]}, {@code
 * {csv,txt}}). Several patterns are separated by commas, but a comma inside braces or brackets
 * belongs to the glob ({@code *.{csv,txt}} is one pattern, not two).
 */
public final class Globs {

  private Globs() {}

  /** Splits on the commas that are outside braces and brackets; blanks are dropped. */
  public static List<String> split(String patterns) {
    List<String> out = new ArrayList<>();
    int braces = 0;
    boolean inBrackets = false;
    int start = 0;
    for (int i = 0; i < patterns.length(); i++) {
      char c = patterns.charAt(i);
      if (c == '[') {
        inBrackets = true;
      } else if (c == ']') {
        inBrackets = false;
      } else if (c == '{' && !inBrackets) {
        braces++;
      } else if (c == '}' && !inBrackets && braces > 0) {
        braces--;
      } else if (c == ',' && braces == 0 && !inBrackets) {
        add(out, patterns.substring(start, i));
        start = i + 1;
      }
    }
    add(out, patterns.substring(start));
    return out;
  }

  private static void add(List<String> out, String pattern) {
    if (!pattern.isBlank()) {
      out.add(pattern.strip());
    }
  }

  /** Whether {@code name} holds a glob metacharacter, so it must be matched, not opened. */
  public static boolean isGlob(String name) {
    return name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /**
   * What is wrong with {@code pattern} as a glob, if anything: a control character (a NUL cannot be
   * in a path at all) or a syntax error (an unclosed bracket or brace, nested braces).
   */
  public static Optional<String> problem(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of(
            String.format(
                java.util.Locale.ROOT,
                "the control character U+%04X at character %d of \"%s\"",
                (int) c,
                i + 1,
                pattern.replaceAll("\\p{Cntrl}", "?")));
      }
    }
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(
          "the pattern \"" + pattern + "\", which is not a glob (" + e.getDescription() + ")");
    }
  }
}
