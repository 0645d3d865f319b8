package dev.headroom.analysis;

/**
 * Where a long computation (simulation replications, sampling draws) reports how far it has got.
 * The core only counts; what is shown, and whether anything is, belongs to the caller: the CLI
 * draws a progress bar on a terminal, a test or an embedding application passes {@link #none()}.
 *
 * <p>{@link #advance(long)} may be called from several worker threads at once; implementations must
 * be thread-safe. {@link #start} and {@link #finish} are called by the thread that owns the task.
 */
public interface Progress {

  /**
   * A task of {@code total} units (replications, draws) begins, replacing any earlier one.
   *
   * @throws IllegalArgumentException if {@code total} is negative
   */
  void start(String task, long total);

  /**
   * {@code units} more units are done. Thread-safe.
   *
   * @throws IllegalArgumentException if {@code units} is negative
   */
  void advance(long units);

  /** One more unit is done. Thread-safe. */
  default void advance() {
    advance(1);
  }

  /** The task is over (done or abandoned); nothing more is reported for it. */
  void finish();

  /** Reports nothing: the default for callers that show no progress. */
  static Progress none() {
    return None.INSTANCE;
  }

  /** The arguments every implementation checks the same way, with the same messages. */
  static void checkTotal(long total) {
    if (total < 0) {
      throw new IllegalArgumentException("a task's total must be 0 or more units, got " + total);
    }
  }

  /** See {@link #checkTotal}. */
  static void checkUnits(long units) {
    if (units < 0) {
      throw new IllegalArgumentException("progress advances by 0 or more units, got " + units);
    }
  }

  /** The no-op {@link Progress}; it still refuses arguments no implementation would accept. */
  enum None implements Progress {
    INSTANCE;

    @Override
    public void start(String task, long total) {
      checkTotal(total);
    }

    @Override
    public void advance(long units) {
      checkUnits(units);
    }

    @Override
    public void finish() {}
  }
}
