package dev.headroom.plan.roadmap;

import java.util.Objects;

/** A premature move the row's load does not call for yet (the Planner's avoid-premature-* ids). */
public record Warning(String action, String title, String why) {
  public Warning {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(why, "why");
  }
}
