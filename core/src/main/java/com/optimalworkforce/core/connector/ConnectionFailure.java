package com.optimalworkforce.core.connector;

/**
 * Why a connection test or a read failed, in the categories a setup wizard shows.
 *
 * <pre>{@code
 * ConnectionCheck check = connector.testConnection();
 * if (check.failure() == ConnectionFailure.INVALID_CREDENTIALS) {
 *   wizard.highlightCredentialFields(check.message());
 * }
 * }</pre>
 */
public enum ConnectionFailure {
  /** The source rejected the credentials (HTTP 401, bad client secret). */
  INVALID_CREDENTIALS("Invalid credentials", "Check the credentials, or ask the system's administrator for new ones."),
  /** The credentials are valid but lack a permission (HTTP 403). */
  ACCESS_DENIED("Access denied", "Ask the system's administrator to grant the API user the missing permission."),
  /** The source did not answer in time. */
  TIMEOUT("Connection timeout", "Check the network path to the system, then try again; raise the timeout if the system is known to be slow."),
  /** The host could not be resolved or refused the connection. */
  UNREACHABLE("Unreachable", "Check the tenant name or base URL, DNS and firewall rules."),
  /** The source kept answering 429 after every retry. */
  RATE_LIMITED("Rate limited", "Lower the client-side rate limit, or try again later."),
  /** Anything else: a 5xx, an unreadable body, a protocol surprise. */
  UNEXPECTED_RESPONSE("Unexpected response", "Try again later; if it persists, contact the system's support with the time of the failure.");

  private final String label;
  private final String advice;

  ConnectionFailure(String label, String advice) {
    this.label = label;
    this.advice = advice;
  }

  /** The prefix users see, e.g. "Invalid credentials". */
  public String label() {
    return label;
  }

  /** A generic next step, used when a connector has nothing more specific to say. */
  public String advice() {
    return advice;
  }
}
