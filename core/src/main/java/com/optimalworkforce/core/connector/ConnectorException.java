package com.optimalworkforce.core.connector;

import java.util.Objects;

/**
 * A classified failure while talking to a source. The message starts with the category's label
 * and says what to do, e.g. "Invalid credentials: the API key was rejected by
 * example.alayacare.ca (401). Check the public/private key pair or request a new one."
 *
 * <pre>{@code
 * try {
 *   connector.read(request);
 * } catch (ConnectorException e) {
 *   status.error(e.failure(), e.getMessage());
 * }
 * }</pre>
 */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ConnectionFailure failure;

  /**
   * @param failure the category
   * @param detail what happened and what to do, without the category label (it is prepended)
   */
  public ConnectorException(ConnectionFailure failure, String detail) {
    this(failure, detail, null);
  }

  public ConnectorException(ConnectionFailure failure, String detail, Throwable cause) {
    super(Objects.requireNonNull(failure, "failure").label() + ": " + Objects.requireNonNull(detail, "detail"), cause);
    this.failure = failure;
  }

  public ConnectionFailure failure() {
    return failure;
  }

  /** The same failure as a {@link ConnectionCheck}. */
  public ConnectionCheck toCheck(java.time.Duration elapsed) {
    return new ConnectionCheck(failure, getMessage(), elapsed);
  }
}
