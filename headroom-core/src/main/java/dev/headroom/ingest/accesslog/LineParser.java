package dev.headroom.ingest.accesslog;

/** Reads one line's bytes into reused {@link LineValues}: a compiled format or JSON lines. */
interface LineParser {

  /** False with {@code v.error} set when the line is not of this shape. */
  boolean parse(byte[] b, int s, int e, LineValues v);

  /** The preset id or the log_format string, for the report. */
  String describe();
}
