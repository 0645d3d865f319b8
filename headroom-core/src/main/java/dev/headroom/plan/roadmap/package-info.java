/**
 * The growth roadmap ({@code headroom plan}): the capacity model walked from today's load to a
 * target multiple, with what breaks first at each step, the remedy applied to the model, the
 * alternatives that lost, the date each step is reached and the monthly cost before and after. Pure
 * functions of the model: no I/O, time injected as a date.
 */
package dev.headroom.plan.roadmap;
