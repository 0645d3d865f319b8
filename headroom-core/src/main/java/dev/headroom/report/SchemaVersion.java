package dev.headroom.report;

/**
 * The version of every JSON document headroom writes (advice, fit, queue, rules, explain), so a
 * script reads one field, {@code schemaVersion}, the same way whatever command produced it. One
 * version for all documents rather than one each: a consumer pins a single number, and a change to
 * any document's shape is announced in one place.
 *
 * <p>Written as the string {@code "MAJOR.MINOR"}: the minor number rises when fields are added (old
 * readers keep working), the major number when a field changes meaning or disappears.
 */
public record SchemaVersion(int major, int minor) {

  /** The version every JSON writer stamps on its document. */
  public static final SchemaVersion CURRENT = new SchemaVersion(1, 0);

  public SchemaVersion {
    if (major < 1 || minor < 0) {
      throw new IllegalArgumentException(
          "a schema version is MAJOR >= 1 and MINOR >= 0, got " + major + "." + minor);
    }
  }

  /** {@code "1.0"}: the form written to JSON and printed in Markdown reports. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
