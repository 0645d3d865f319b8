/**
 * The Redis collector: {@code INFO} and {@code CONFIG GET} over the plain RESP protocol, read twice
 * a window apart. RESP rather than a client library because the collector needs three read-only
 * commands, and a client whose every command is visible in one small class is easier to audit as
 * read-only than a library with hundreds of commands, pools and threads.
 */
package dev.headroom.collect.redis;
