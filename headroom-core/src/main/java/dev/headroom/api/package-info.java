/**
 * The public API for embedding headroom: a test suite asserting that a service still scales, the
 * server and the command line all call {@link dev.headroom.api.Headroom}. It depends on the core
 * alone (no CLI, HTTP or driver), and every answer is the same one the command line prints.
 */
package dev.headroom.api;
