package dev.headroom.collect;

/**
 * A collection that could not finish (unreachable host, refused login, a server gone mid-way). The
 * message names the target without credentials and says what to check; nothing is written.
 */
public final class CollectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CollectionException(String message) {
    super(message);
  }

  public CollectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
