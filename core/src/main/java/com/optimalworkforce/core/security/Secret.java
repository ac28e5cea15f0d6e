package com.optimalworkforce.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A credential value (API key, client secret, password) that never prints itself.
 * {@link #toString()} is always {@code Secret[redacted]}; the value comes out only through
 * {@link #reveal()}, which code should call at the last moment, right where the value is sent.
 *
 * <pre>{@code
 * Secret privateKey = Secret.of(System.getenv("ALAYACARE_PRIVATE_KEY"));
 * log.info("using {}", privateKey);               // logs "using Secret[redacted]"
 * String header = basicAuth(publicKey.reveal(), privateKey.reveal());
 * }</pre>
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @throws IllegalArgumentException if the value is null or blank (the message never contains it)
   */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Secret value is missing or blank");
    }
    return new Secret(value);
  }

  /** The secret value. Do not log, print or put it in an exception message. */
  public String reveal() {
    return value;
  }

  /** Compares values in constant time. */
  public boolean matches(String candidate) {
    Objects.requireNonNull(candidate, "candidate");
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && matches(other.value);
  }

  @Override
  public int hashCode() {
    // Hash of a digest, so the hash code does not give away characters of the value.
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return Arrays.hashCode(Arrays.copyOf(digest, 4));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
