/**
 * Everything that turns a system description and its evidence into conclusions: rules, capacity and
 * cost calculators, the stage ladder, and the models (Universal Scalability Law, queueing).
 * Analysis never parses files and never formats output.
 */
package dev.headroom.analysis;
