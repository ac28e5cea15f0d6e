package com.optimalworkforce.core.security;

/**
 * A sealed value could not be opened (or a value could not be sealed). The message names the key
 * id and context involved and what to check; it never contains key material or plaintext.
 *
 * <pre>{@code
 * try {
 *   Secret apiKey = vault.unseal(stored, "integration/42/apiKey");
 * } catch (CredentialVaultException e) {
 *   integration.markError(e.getMessage());   // e.g. "... sealed with key '2026-01', which ..."
 * }
 * }</pre>
 */
public class CredentialVaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CredentialVaultException(String message) {
    super(message);
  }

  public CredentialVaultException(String message, Throwable cause) {
    super(message, cause);
  }
}
