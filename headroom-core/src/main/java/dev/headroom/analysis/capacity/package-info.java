/**
 * Capacity calculators (C1-C5) on the system file's numbers: the capacity the growth target
 * requires, app instances, pool sizes against the database's connection limit, read replicas, cache
 * memory and queue workers. Measured figures beat the sources' placeholders (C5.resolve).
 */
package dev.headroom.analysis.capacity;
