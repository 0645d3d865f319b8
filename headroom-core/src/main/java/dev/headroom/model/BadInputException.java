package dev.headroom.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be used, with every problem found (not just the first), each naming its file,
 * line and column. The command line prints {@link #getMessage()} and exits with code 2; a stack
 * trace is shown only with {@code --debug}.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<InputProblem> problems;

  public BadInputException(List<InputProblem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a BadInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public BadInputException(InputProblem problem) {
    this(List.of(problem));
  }

  /** Several problems, keeping the exception that raised the first of them (for --debug). */
  public BadInputException(List<InputProblem> problems, Throwable cause) {
    super(render(problems), cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a BadInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public BadInputException(InputProblem problem, Throwable cause) {
    super(render(List.of(problem)), cause);
    this.problems = List.of(problem);
  }

  public List<InputProblem> problems() {
    return problems;
  }

  private static String render(List<InputProblem> problems) {
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    return problems.size()
        + " problems:\n"
        + problems.stream().map(p -> "  " + p.message()).collect(Collectors.joining("\n"));
  }
}
