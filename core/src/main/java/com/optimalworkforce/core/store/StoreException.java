package com.optimalworkforce.core.store;

/**
 * A store could not read or write its data: an I/O error, a file that fails authentication
 * (tampered, or a wrong key), or content it cannot parse. The message names the file or the
 * integration and says what to check.
 *
 * <pre>{@code
 * try (FileScheduleStore store = FileScheduleStore.open(dir, vault)) {
 *   ...
 * } catch (StoreException e) {
 *   log.error("schedule store unusable: {}", e.getMessage()); // "... cannot be decrypted ... wrong key ..."
 * }
 * }</pre>
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
