package dev.headroom.model;

/**
 * A value that could not be read as the quantity a key expects. Carries what was found, what is
 * allowed and, when one is close, what the user probably meant. The caller adds the file, line and
 * column.
 */
public final class UnitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String found;
  private final String allowed;
  private final String suggestion;

  public UnitException(String found, String allowed, String suggestion) {
    super(
        "found "
            + found
            + "; allowed "
            + allowed
            + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?"));
    this.found = found;
    this.allowed = allowed;
    this.suggestion = suggestion;
  }

  public String found() {
    return found;
  }

  public String allowed() {
    return allowed;
  }

  /** The value the user probably meant, or null. */
  public String suggestion() {
    return suggestion;
  }
}
