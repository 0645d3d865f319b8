/**
 * The growth-stage ladder (S1-S7): where the system stands, decided by the strongest evidence
 * present, where the other ladders would place it, and how far each trigger for the next stage is.
 */
package dev.headroom.analysis.stage;
