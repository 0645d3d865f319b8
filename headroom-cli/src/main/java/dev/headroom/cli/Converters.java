package dev.headroom.cli;

import dev.headroom.analysis.Severity;
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

  static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat f : OutputFormat.values()) {
        if (f.id().equals(value.toLowerCase(Locale.ROOT)) || (f == OutputFormat.MARKDOWN && value.equals("md"))) {
          return f;
        }
      }
      throw new TypeConversionException("'" + value + "' is not an output format; allowed: text, markdown, json");
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
        throw new TypeConversionException("'" + value + "' is not a severity; allowed: info, warning, critical");
      }
    }
  }
}
