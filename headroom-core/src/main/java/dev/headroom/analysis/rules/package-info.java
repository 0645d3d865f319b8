/**
 * The rule registry: every check headroom makes, each with a stable id (like a linter's), a layer,
 * the knowledge ids it encodes, the thresholds it uses and the data it needs. The engine runs each
 * rule; a rule whose data is missing is listed as not evaluated, with what to measure.
 */
package dev.headroom.analysis.rules;
