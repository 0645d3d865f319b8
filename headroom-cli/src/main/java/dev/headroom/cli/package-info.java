/**
 * The {@code headroom} command line: thin picocli commands over headroom-core. Commands parse
 * options, call the core, and print with a renderer; exit codes are mapped in one place ({@link
 * dev.headroom.cli.ExitCodes}).
 */
package dev.headroom.cli;
