package dev.headroom.report.queueing;

import dev.headroom.analysis.queueing.ArrivalSizing;
import dev.headroom.analysis.queueing.LittlesLaw;
import dev.headroom.analysis.queueing.MvaSolution;
import dev.headroom.analysis.queueing.OpenQueue;
import dev.headroom.analysis.queueing.ServerSizing;
import java.util.List;
import java.util.Objects;

/** What a {@code headroom queue} command computed, ready to render. */
public sealed interface QueueReport {

  /** Little's law with one of its three terms computed from the other two. */
  record Little(LittlesLaw law, Term solvedFor) implements QueueReport {
    public Little {
      Objects.requireNonNull(law, "law");
      Objects.requireNonNull(solvedFor, "solvedFor");
    }
  }

  /** The term of L = λW that was computed. */
  enum Term {
    POPULATION,
    ARRIVAL_RATE,
    TIME_IN_SYSTEM
  }

  /**
   * An open queue, with the percentiles (fractions such as 0.95) to print when the model knows its
   * time distributions.
   */
  record Open(OpenQueue queue, List<Double> percentiles) implements QueueReport {
    public Open {
      Objects.requireNonNull(queue, "queue");
      percentiles = List.copyOf(percentiles);
    }
  }

  /** The fewest servers for a target. */
  record Servers(ServerSizing sizing) implements QueueReport {
    public Servers {
      Objects.requireNonNull(sizing, "sizing");
    }
  }

  /** The largest arrival rate for a target. */
  record MaxRate(ArrivalSizing sizing) implements QueueReport {
    public MaxRate {
      Objects.requireNonNull(sizing, "sizing");
    }
  }

  /** A solved closed network. */
  record Network(MvaSolution solution) implements QueueReport {
    public Network {
      Objects.requireNonNull(solution, "solution");
    }
  }
}
