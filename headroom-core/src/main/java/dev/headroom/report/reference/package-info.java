/**
 * Reference documents generated from the code itself (rules, actions, knowledge coverage), so the
 * documentation in {@code docs/} cannot drift from what headroom does: a test compares them.
 */
package dev.headroom.report.reference;
