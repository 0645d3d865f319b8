package dev.headroom.cli;

import dev.headroom.analysis.Severity;
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
