package dev.headroom.ingest.trace;

import java.util.List;
import java.util.Objects;

/**
 * The spans of one or more files, and what reading them left out.
 *
 * @param spans every complete span, in file order
 * @param files what each file was and held
 */
public record TraceInput(List<Span> spans, List<FileRead> files) {

  public TraceInput {
    spans = List.copyOf(spans);
    files = List.copyOf(files);
  }

  /**
   * One file read.
   *
   * @param name the file as given
   * @param format its detected format
   * @param spans complete spans read
   * @param incomplete spans left out for want of a start or a duration (Zipkin allows both absent)
   */
  public record FileRead(String name, TraceFormat format, long spans, long incomplete) {
    public FileRead {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(format, "format");
      if (spans < 0 || incomplete < 0) {
        throw new IllegalArgumentException("counts are >= 0");
      }
    }
  }

  /** Spans left out in all files. */
  public long incomplete() {
    return files.stream().mapToLong(FileRead::incomplete).sum();
  }
}
