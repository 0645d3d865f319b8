package dev.headroom.cli;

import dev.headroom.analysis.Severity;
import dev.headroom.ingest.loadtest.LatencyUnit;
import dev.headroom.model.Units;
import dev.headroom.report.OutputFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters with messages that say what is allowed. */
final class Converters {

  private Converters() {}

  /**
   * {@code --format text|markdown|json} (also {@code md}), case-insensitively, with a did-you-mean.
   */
  static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      for (OutputFormat f : OutputFormat.values()) {
        if (f.id().equals(v) || (f == OutputFormat.MARKDOWN && v.equals("md"))) {
          return f;
        }
      }
      List<String> ids = new ArrayList<>();
      new OutputFormats().forEach(ids::add);
      throw new TypeConversionException(
          "unknown output format \""
              + value
              + "\"; allowed: "
              + String.join(", ", ids)
              + Units.Suggest.closest(v, ids).map(s -> "; did you mean \"" + s + "\"?").orElse("")
              + " (the input format of `fit` is --input-format)");
    }
  }

  /** {@code --latency-unit ns|us|ms|s} (also {@code µs}), case-insensitively. */
  static final class LatencyUnitConverter implements ITypeConverter<LatencyUnit> {
    @Override
    public LatencyUnit convert(String value) {
      try {
        return LatencyUnit.byId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "unknown latency unit \"" + value + "\"; allowed: ns, us, ms, s");
      }
    }
  }

  /** {@code --tag NAME}: an HdrHistogram log tag, which cannot hold a comma (it ends the tag). */
  static final class TagConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isEmpty() || value.contains(",") || value.length() > 200) {
        throw new TypeConversionException(
            "a tag is a non-empty name without commas, of at most 200 characters; got \""
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                + "\"");
      }
      return value;
    }
  }

  static final class OutputFormats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (OutputFormat f : OutputFormat.values()) {
        ids.add(f.id());
      }
      return ids.iterator();
    }
  }

  static final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a severity; allowed: info, warning, critical");
      }
    }
  }
}
