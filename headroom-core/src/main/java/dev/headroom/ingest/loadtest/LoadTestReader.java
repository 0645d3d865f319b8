package dev.headroom.ingest.loadtest;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The small base class every load-test reader extends: it opens files (plain or gzip, detected by
 * the magic bytes 1f 8b, never by the name), turns I/O failures into {@link BadInputException}s
 * naming the file, and leaves the format to the subclass. A subclass's Javadoc is the format's
 * specification: fields, units, versions.
 */
public abstract class LoadTestReader {

  /** Bytes of (decompressed) content given to {@link #accepts(Head)} for sniffing. */
  public static final int HEAD_BYTES = 8192;

  /** The start of a file, decompressed, for format detection. */
  public record Head(String fileName, byte[] bytes, boolean gzip) {
    public Head {
      bytes = bytes.clone();
    }

    /**
     * The head as UTF-8 text without a leading byte-order mark: reports saved by Windows tools
     * start with U+FEFF, which would hide the first line's keyword from every {@code accepts}.
     */
    public String text() {
      String t = new String(bytes, StandardCharsets.UTF_8);
      return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** The format this reader reads. */
  public abstract LoadTestFormat format();

  /** Whether {@code head} looks like this format. Must be cheap and must not throw. */
  public abstract boolean accepts(Head head);

  /** Reads the whole file. Bad content throws {@link BadInputException} naming file and line. */
  public abstract LoadTest read(Path file, ReadOptions options);

  /** Opens {@code file}, transparently decompressing gzip. */
  protected static InputStream open(Path file) {
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new GzipGuard(file, new GZIPInputStream(raw, 1 << 16));
      }
      return raw;
    } catch (NoSuchFileException e) {
      throw problem(file, 0, "no such file", "a readable load-test result file");
    } catch (ZipException e) {
      throw problem(
          file,
          0,
          "a corrupt gzip header (" + e.getMessage() + ")",
          "a complete gzip file or plain text");
    } catch (EOFException e) {
      throw problem(
          file,
          0,
          "a truncated gzip file (it ends inside the gzip header)",
          "a complete gzip file");
    } catch (IOException e) {
      throw problem(
          file,
          0,
          "an unreadable file (" + e.getMessage() + ")",
          "a readable load-test result file");
    }
  }

  /**
   * Opens {@code file} as UTF-8 text lines, decompressing gzip, without a leading byte-order mark;
   * a line longer than {@link InputLimits#MAX_LINE_CHARS} fails as it is read, with an {@link
   * InputLimits.LimitExceeded} that {@link #ioProblem} turns into a problem at that line.
   */
  protected static BufferedReader openText(Path file) {
    return new BufferedReader(
        InputLimits.guard(new InputStreamReader(open(file), StandardCharsets.UTF_8)), 1 << 16);
  }

  /** Reads the head of {@code file} for {@link #accepts}. */
  public static Head head(Path file) {
    try (InputStream in = open(file)) {
      byte[] buf = in.readNBytes(HEAD_BYTES);
      boolean gz;
      try (InputStream raw = Files.newInputStream(file)) {
        gz = raw.read() == 0x1f && raw.read() == 0x8b;
      }
      return new Head(file.getFileName().toString(), buf, gz);
    } catch (IOException | UncheckedIOException e) {
      throw problem(
          file,
          0,
          "an unreadable file (" + rootMessage(e) + ")",
          "a complete load-test result file");
    }
  }

  /** A problem at a line (1-based; 0 when not line-based) of {@code file}. */
  protected static BadInputException problem(Path file, long line, String found, String allowed) {
    return new BadInputException(
        new InputProblem(
            file.toString(), (int) Math.min(Integer.MAX_VALUE, line), 0, "", found, allowed, null));
  }

  /** Translates I/O failures while reading into a clear problem (a truncated gzip, say). */
  protected static BadInputException ioProblem(Path file, long line, IOException e) {
    if (e instanceof InputLimits.LimitExceeded limit) {
      return new BadInputException(
          new InputProblem(
              file.toString(),
              (int) Math.min(Integer.MAX_VALUE, limit.line()),
              limit.column(),
              "",
              limit.found(),
              limit.allowed(),
              null));
    }
    if (e instanceof EOFException
        || e instanceof ZipException
        || e.getCause() instanceof EOFException) {
      return problem(
          file,
          line,
          "a truncated or corrupt compressed stream after line "
              + line
              + " ("
              + rootMessage(e)
              + ")",
          "a complete gzip file");
    }
    return problem(file, line, "an I/O error (" + rootMessage(e) + ")", "a readable file");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Makes a truncated gzip stream fail with a clear EOFException instead of a vague one. */
  private static final class GzipGuard extends java.io.FilterInputStream {
    private final Path file;

    GzipGuard(Path file, InputStream in) {
      super(in);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (EOFException e) {
        throw new EOFException("unexpected end of gzip data in " + file.getFileName());
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (EOFException e) {
        throw new EOFException("unexpected end of gzip data in " + file.getFileName());
      }
    }
  }
}
