/**
 * From findings to a plan: the catalogue of actions with stable ids, the ladders they sit on
 * (first, then, finally), their expected effects and what to measure afterwards; the ordered
 * recommendations with their cost, and the warnings against premature moves.
 */
package dev.headroom.plan;
