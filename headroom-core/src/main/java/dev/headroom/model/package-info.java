/**
 * The values every other package speaks in: quantities with units, the provenance every figure
 * carries, the system specification read from a system file, and the problems reported for bad
 * input. Values here are immutable records that validate themselves; nothing here reads files or
 * runs rules.
 */
package dev.headroom.model;
