package dev.headroom.ingest.jmeter;

import dev.headroom.ingest.loadtest.InputLimits;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Apache JMeter JTL results in XML ({@code jmeter.save.saveservice.output_format=xml}); checked
 * against the 2005 {@code sample_log1.jtl} shipped with JMeter (layout {@code version="1.2"}).
 *
 * <p><b>Layout.</b> A root {@code <testResults version="1.2">} holding one element per sample:
 * {@code <httpSample>} for HTTP samplers and {@code <sample>} for the others, Transaction
 * Controllers included. A sample may contain sub-samples (redirects, embedded resources, or a
 * transaction's children when it generates a parent sample) and child elements such as {@code
 * <java.net.URL>}, {@code <responseData>} and {@code <assertionResult>}, which are ignored.
 *
 * <p><b>Attributes</b> (all optional in the schema, old files lack {@code by, sby, ng, na, ct,
 * it}):
 *
 * <ul>
 *   <li>{@code t}: elapsed, milliseconds; required here. {@code lt} latency, {@code ct} connect and
 *       {@code it} idle time are milliseconds too and not used.
 *   <li>{@code ts}: epoch milliseconds at the sample's start; required here.
 *   <li>{@code s}: success, {@code true|false}; without it the sample counts as a success.
 *   <li>{@code na}: active threads in all groups, the concurrency N of X(N); without it the run is
 *       one step at {@code --concurrency} or at Little's law N = X·R.
 *   <li>{@code sc}, {@code ec}: sample and error counts of an aggregated sample, weighted as in the
 *       CSV reader.
 *   <li>{@code rm}: response message; "Number of samples in transaction…" marks a Transaction
 *       Controller sample, which is counted and left out (its sub-samples, if any, are read
 *       instead).
 * </ul>
 *
 * <p>The file must be UTF-8, which is what JMeter writes. Only top-level samples (and the children
 * of transaction samples) are requests; other sub-samples are parts of their parent, whose {@code
 * t} already covers them. The file is read with StAX, so memory stays constant. A sample with an
 * unreadable attribute is skipped, counted and reported with its line; malformed XML is an error at
 * its line and column.
 */
public final class JMeterXmlReader extends LoadTestReader {

  private static final Pattern ROOT =
      Pattern.compile(
          "^\\s*(<\\?xml[^>]*\\?>\\s*)?(<!--.*?-->\\s*)*<testResults[\\s>]", Pattern.DOTALL);

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.JMETER_XML;
  }

  @Override
  public boolean accepts(Head head) {
    String text = head.text();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return ROOT.matcher(text).find();
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    return read(file, options, null);
  }

  LoadTest read(Path file, ReadOptions options, RequestSink tap) {
    JtlSamples samples = new JtlSamples(file, tap);
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    // problems are reported through the exception, not printed on stderr
    factory.setXMLReporter((message, type, info, location) -> {});
    if (head(file).bytes().length == 0) {
      throw problem(file, 0, "an empty file", "a JMeter XML JTL starting with <testResults>");
    }
    long line = 0;
    // JMeter's SaveService writes UTF-8; decoding here turns bytes that are not UTF-8 into a
    // clear error instead of the parser's own message on stderr
    FailureKeepingReader in =
        new FailureKeepingReader(
            InputLimits.markupGuard(
                new InputStreamReader(
                    open(file),
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))));
    try (in) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      // for each open sample element: whether its direct sub-samples are requests
      Deque<Boolean> open = new ArrayDeque<>();
      boolean rootSeen = false;
      while (xml.hasNext()) {
        int event = xml.next();
        line = Math.max(line, xml.getLocation().getLineNumber());
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          if (!rootSeen) {
            if (!"testResults".equals(name)) {
              throw problem(
                  file, line, "a root element <" + name + ">", "a JTL whose root is <testResults>");
            }
            rootSeen = true;
          } else if (isSample(name)) {
            boolean counts = open.isEmpty() || open.peek();
            boolean transaction =
                JtlSamples.isTransactionMessage(xml.getAttributeValue(null, "rm"));
            if (counts) {
              if (transaction) {
                samples.transaction();
              } else {
                sample(xml, line, samples);
              }
            }
            open.push(counts && transaction);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && isSample(xml.getLocalName())
            && !open.isEmpty()) {
          open.pop();
        }
      }
      xml.close();
    } catch (XMLStreamException e) {
      IOException failure =
          in.failure != null
              ? in.failure
              : e.getNestedException() instanceof IOException io ? io : null;
      int l = e.getLocation() == null ? (int) line : e.getLocation().getLineNumber();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
      l = Math.max(l, 0);
      if (failure instanceof CharacterCodingException) {
        throw problem(
            file, Math.max(l, 1), "bytes that are not UTF-8 text", "a JMeter XML JTL (UTF-8)");
      }
      if (failure != null) {
        throw ioProblem(file, l, failure);
      }
      throw new dev.headroom.model.BadInputException(
          new dev.headroom.model.InputProblem(
              file.toString(),
              Math.max(l, 0),
              Math.max(col, 0),
              "",
              "malformed XML (" + firstLine(e.getMessage()) + ")",
              "a well-formed JMeter XML JTL (<testResults> with <httpSample>/<sample> elements)",
              null));
    } catch (IOException e) {
      throw ioProblem(file, line, e);
    }
    return samples.finish(format(), "Apache JMeter (JTL XML)", options, line);
  }

  /**
   * Keeps the I/O failure seen under the parser: the JDK's StAX parser takes an EOFException from a
   * truncated gzip stream for the end of the document and reports a premature end of file, which
   * would hide the real cause.
   */
  private static final class FailureKeepingReader extends FilterReader {
    IOException failure;

    FailureKeepingReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(char[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  private static boolean isSample(String name) {
    return "httpSample".equals(name) || "sample".equals(name);
  }

  private static void sample(XMLStreamReader xml, long line, JtlSamples samples) {
    String t = xml.getAttributeValue(null, "t");
    String ts = xml.getAttributeValue(null, "ts");
    String s = xml.getAttributeValue(null, "s");
    String na = xml.getAttributeValue(null, "na");
    String sc = xml.getAttributeValue(null, "sc");
    String ec = xml.getAttributeValue(null, "ec");
    Long elapsed = count(t);
    Long timeStamp = count(ts);
    if (elapsed == null || timeStamp == null) {
      samples.skip(
          line,
          String.format(
              Locale.ROOT,
              "<%s> with t=\"%s\" and ts=\"%s\"; allowed integers (ms, epoch ms)",
              xml.getLocalName(),
              t,
              ts));
      return;
    }
    boolean ok = s == null || s.equalsIgnoreCase("true");
    if (s != null && !ok && !s.equalsIgnoreCase("false")) {
      samples.skip(line, "s=\"" + s + "\"; allowed true or false");
      return;
    }
    double allThreads = Double.NaN;
    if (na != null) {
      Long n = count(na);
      if (n == null) {
        samples.skip(line, "na=\"" + na + "\"; allowed a thread count");
        return;
      }
      allThreads = n;
    }
    long sampleCount = 1;
    if (sc != null) {
      Long n = count(sc);
      if (n == null || n < 1) {
        samples.skip(line, "sc=\"" + sc + "\"; allowed a count >= 1");
        return;
      }
      sampleCount = n;
    }
    long errors = ok ? 0 : sampleCount;
    if (ec != null && sampleCount > 1) {
      Long n = count(ec);
      if (n == null || n > sampleCount) {
        samples.skip(line, "ec=\"" + ec + "\"; allowed a count from 0 to sc");
        return;
      }
      errors = n;
    }
    samples.sample(timeStamp, elapsed, allThreads, sampleCount, errors);
  }

  /** A non-negative integer, or null. */
  private static Long count(String s) {
    if (s == null) {
      return null;
    }
    try {
      long v = Long.parseLong(s.strip());
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    String m = message.strip();
    int nl = m.lastIndexOf('\n');
    return nl < 0 ? m : m.substring(nl + 1).strip();
  }
}
