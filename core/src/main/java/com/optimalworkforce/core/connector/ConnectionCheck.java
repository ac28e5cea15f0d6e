package com.optimalworkforce.core.connector;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "can we connect?": success, or a classified failure with a message a person can
 * act on.
 *
 * <pre>{@code
 * ConnectionCheck check = connector.testConnection();
 * System.out.println(check.message());
 * // "Invalid credentials: the key pair was rejected by example.alayacare.ca (401). Check ..."
 * }</pre>
 *
 * @param failure the category, or {@code null} on success
 * @param message what happened, starting with the category label on failure
 * @param elapsed how long the check took
 */
public record ConnectionCheck(ConnectionFailure failure, String message, Duration elapsed) {

  public ConnectionCheck {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public static ConnectionCheck success(String message, Duration elapsed) {
    return new ConnectionCheck(null, message, elapsed);
  }

  /** A failure; the message becomes {@code failure.label() + ": " + detail}. */
  public static ConnectionCheck failed(ConnectionFailure failure, String detail, Duration elapsed) {
    Objects.requireNonNull(failure, "failure");
    return new ConnectionCheck(failure, failure.label() + ": " + detail, elapsed);
  }

  public boolean ok() {
    return failure == null;
  }

  public Optional<ConnectionFailure> failureKind() {
    return Optional.ofNullable(failure);
  }
}
