/**
 * Readers that turn files written by other tools into headroom's model. One package per producer;
 * readers parse and convert units at the edge, and never run rules or fit models.
 */
package dev.headroom.ingest;
