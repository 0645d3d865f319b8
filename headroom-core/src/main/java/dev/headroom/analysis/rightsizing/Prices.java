package dev.headroom.analysis.rightsizing;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * What a requested vCPU and a requested GiB of memory cost a month, as Goldilocks prices them
 * (ADVISOR-CHECKS section 6): declared by the user, since a request's price depends on the nodes.
 */
public record Prices(Figure perCpuMonth, Figure perGibMonth) {
  public Prices {
    Objects.requireNonNull(perCpuMonth, "perCpuMonth");
    Objects.requireNonNull(perGibMonth, "perGibMonth");
    if (perCpuMonth.dimension() != Dimension.MONTHLY_COST
        || perGibMonth.dimension() != Dimension.MONTHLY_COST) {
      throw new IllegalArgumentException("prices are monthly costs");
    }
    if (perCpuMonth.value() < 0 || perGibMonth.value() < 0) {
      throw new IllegalArgumentException("prices are >= 0");
    }
  }
}
