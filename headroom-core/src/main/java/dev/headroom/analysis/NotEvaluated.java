package dev.headroom.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A check that could not run because data is missing: which check, what it needs, and how to
 * measure or declare each missing piece. Missing data is reported, never guessed.
 */
public record NotEvaluated(String rule, String title, List<String> needs, List<String> how) {
  public NotEvaluated {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(title, "title");
    needs = List.copyOf(needs);
    how = List.copyOf(how);
  }
}
