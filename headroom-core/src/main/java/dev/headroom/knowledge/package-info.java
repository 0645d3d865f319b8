/**
 * The knowledge headroom carries: every fact, threshold and formula from the capacity-planning
 * sources, by the id used in {@code shared/knowledge/INVENTORY.md}, summarised in headroom's own
 * words. Rules, calculators and report sections cite these ids, and {@code headroom rules
 * --coverage} shows that every id is carried by something.
 */
package dev.headroom.knowledge;
