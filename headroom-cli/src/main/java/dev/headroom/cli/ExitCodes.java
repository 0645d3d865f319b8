package dev.headroom.cli;

/** The exit codes of every command, in one place. */
public final class ExitCodes {
  /** Done; no finding at or above {@code --fail-on}. */
  public static final int OK = 0;

  /** A finding at or above {@code --fail-on}, or a check that failed. */
  public static final int FINDINGS = 1;

  /** Bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  /** An internal error: a bug in headroom. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
