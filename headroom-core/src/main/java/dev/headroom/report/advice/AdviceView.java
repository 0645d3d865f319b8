package dev.headroom.report.advice;

/** How much of an assessment to show. */
public enum AdviceView {
  /** Every section, with the evidence for every figure. */
  FULL,
  /**
   * One screen: the stage, the bottleneck, the first three steps with their cost, and the monthly
   * cost now and after them. JSON ignores it and stays the full report: tools select with their own
   * query (jq) from the one published schema, rather than parse a second, partial shape.
   */
  BRIEF
}
