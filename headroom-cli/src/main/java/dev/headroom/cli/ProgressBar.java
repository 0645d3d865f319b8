package dev.headroom.cli;

import dev.headroom.analysis.Progress;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on the terminal for long runs, redrawn in place with a carriage return:
 *
 * <pre>
 * replications [##########--------------]  412/1000  41%  elapsed 0:05  eta 0:07
 * </pre>
 *
 * <p>It draws only when it should ({@link #shouldDraw}): stderr is a terminal, {@code
 * --no-progress} was not given, {@value #DISABLE_ENV} is unset or empty and {@code TERM} is not
 * {@code dumb}. Otherwise {@link #forTerminal} hands back {@link Progress#none()}, which prints
 * nothing at all, so goldens, pipes and CI logs stay clean. Java cannot ask whether stderr alone is
 * a terminal; {@link System#console()} is non-null only when standard input and output both are, so
 * redirecting stdout to a file also turns the bar off.
 *
 * <p>Workers call {@link #advance} concurrently: the count is an {@link AtomicLong}, and of the
 * calls that find the bar stale at most one per {@link #REDRAW_INTERVAL_NANOS} wins the right to
 * redraw (a compare-and-set on the time of the last drawing), so the terminal sees about ten lines
 * a second however many workers there are and no worker waits on another's drawing.
 */
public final class ProgressBar implements Progress {

  /** The environment variable that turns progress bars off when set to anything non-empty. */
  public static final String DISABLE_ENV = "HEADROOM_NO_PROGRESS";

  /** At most ten redraws a second: smooth to the eye, negligible for the run. */
  static final long REDRAW_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** Characters in the bar between its brackets. */
  static final int BAR_WIDTH = 24;

  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong lastDraw = new AtomicLong();
  private volatile String task = "";
  private volatile long total;
  private volatile long startNanos;
  private volatile boolean running;
  private int lastLength;

  /** A bar writing to {@code out}, reading time from {@code nanoTime} (injected for tests). */
  ProgressBar(PrintWriter out, LongSupplier nanoTime) {
    this.out = Objects.requireNonNull(out, "out");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * A bar on {@code err} when one should be drawn (the process's console and environment decide,
   * with {@code --no-progress}); otherwise {@link Progress#none()}.
   */
  public static Progress forTerminal(PrintWriter err, boolean noProgressOption) {
    return shouldDraw(noProgressOption, System.console() != null, System.getenv())
        ? new ProgressBar(err, System::nanoTime)
        : Progress.none();
  }

  /**
   * Whether to draw: on a terminal, not turned off by option, by {@value #DISABLE_ENV} or by a
   * terminal that cannot move the cursor back ({@code TERM=dumb}).
   */
  static boolean shouldDraw(boolean noProgressOption, boolean terminal, Map<String, String> env) {
    String disable = env.get(DISABLE_ENV);
    return terminal
        && !noProgressOption
        && (disable == null || disable.isEmpty())
        && !"dumb".equals(env.get("TERM"));
  }

  @Override
  public void start(String task, long total) {
    Objects.requireNonNull(task, "task");
    Progress.checkTotal(total);
    synchronized (this) {
      this.task = task;
      this.total = total;
      this.done.set(0);
      this.startNanos = nanoTime.getAsLong();
      this.lastDraw.set(startNanos);
      this.running = true;
      draw(0, startNanos);
    }
  }

  @Override
  public void advance(long units) {
    Progress.checkUnits(units);
    long d = done.addAndGet(units);
    if (!running) {
      return;
    }
    long now = nanoTime.getAsLong();
    long last = lastDraw.get();
    if (now - last >= REDRAW_INTERVAL_NANOS && lastDraw.compareAndSet(last, now)) {
      synchronized (this) {
        if (running) {
          draw(d, now);
        }
      }
    }
  }

  @Override
  public void finish() {
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      draw(done.get(), nanoTime.getAsLong());
      out.print('\n');
      out.flush();
      lastLength = 0;
    }
  }

  /** Rewrites the line, padding with spaces over whatever a longer previous line left. */
  private void draw(long d, long now) {
    String text = line(task, d, total, now - startNanos);
    StringBuilder s = new StringBuilder("\r").append(text);
    for (int i = text.length(); i < lastLength; i++) {
      s.append(' ');
    }
    lastLength = text.length();
    out.print(s);
    out.flush();
  }

  /**
   * The bar's text for {@code done} of {@code total} after {@code elapsedNanos}. The ETA assumes
   * the remaining units take as long each as the done ones did on average: elapsed × (total − done)
   * / done; unknown ({@code --:--}) before the first unit.
   */
  static String line(String task, long done, long total, long elapsedNanos) {
    double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.floor(fraction * BAR_WIDTH);
    long percent = (long) Math.floor(fraction * 100);
    String eta;
    if (done >= total) {
      eta = clock(0);
    } else if (done == 0) {
      eta = "--:--";
    } else {
      eta = clock((long) ((double) elapsedNanos * (total - done) / done));
    }
    String width = Long.toString(total);
    return task
        + (task.isEmpty() ? "" : " ")
        + "["
        + "#".repeat(filled)
        + "-".repeat(BAR_WIDTH - filled)
        + "]  "
        + " ".repeat(Math.max(0, width.length() - Long.toString(done).length()))
        + done
        + "/"
        + total
        + "  "
        + " ".repeat(percent < 10 ? 2 : percent < 100 ? 1 : 0)
        + percent
        + "%  elapsed "
        + clock(elapsedNanos)
        + "  eta "
        + eta;
  }

  /** m:ss, or h:mm:ss from an hour, rounded down to the second. */
  static String clock(long nanos) {
    long s = Math.max(0, nanos) / NANOS_PER_SECOND;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0 ? h + ":" + two(m) + ":" + two(sec) : m + ":" + two(sec);
  }

  private static String two(long v) {
    return v < 10 ? "0" + v : Long.toString(v);
  }
}
