/**
 * Costs: the editable price table ($.resolve), the monthly cost of each component and of the whole
 * system, vertical against horizontal ($2, $4) and availability against cost ($3).
 */
package dev.headroom.analysis.cost;
