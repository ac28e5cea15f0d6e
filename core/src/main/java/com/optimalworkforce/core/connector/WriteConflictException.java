package com.optimalworkforce.core.connector;

/**
 * A write-back lost a race: the record changed in the source after it was read.
 *
 * <pre>{@code
 * try {
 *   writeBack.assignCaregiver("V-1001", "E-42");
 * } catch (WriteConflictException e) {
 *   ui.show(e.getMessage()); // "Visit 'V-1001' was changed by someone else since it was read; ..."
 * }
 * }</pre>
 */
public class WriteConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WriteConflictException(String message) {
    super(message);
  }

  public WriteConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
