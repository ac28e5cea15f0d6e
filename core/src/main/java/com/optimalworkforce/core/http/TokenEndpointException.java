package com.optimalworkforce.core.http;

import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A token endpoint answered a token request with an error status. Besides the classified message,
 * it keeps the status and what the endpoint said, so a connector can recognise its vendor's
 * answers (a gateway's "unknown route" 403, a licence refusal) and say what to fix.
 *
 * <pre>{@code
 * try {
 *   tokens.token();
 * } catch (TokenEndpointException e) {
 *   if (e.status() == 403 && e.serverMessage().orElse("").contains("Invalid key=value pair")) {
 *     throw new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, "check the token URL ...", e);
 *   }
 *   throw e;
 * }
 * }</pre>
 *
 * <p>The server's message is redacted (the client secret and credential shapes are masked) and
 * at most {@value #MAX_SERVER_MESSAGE} characters long.
 */
public final class TokenEndpointException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** The longest {@link #serverMessage()} kept; longer answers are cut and end with an ellipsis. */
  public static final int MAX_SERVER_MESSAGE = 300;

  private final URI tokenEndpoint;
  private final int status;
  private final String serverMessage;

  TokenEndpointException(ConnectionFailure failure, String detail, URI tokenEndpoint, int status, String serverMessage) {
    super(failure, detail);
    this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    this.status = status;
    this.serverMessage = serverMessage;
  }

  /** The token endpoint, without user info, query or fragment. */
  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  /** The HTTP status the token endpoint answered (after any retries). */
  public int status() {
    return status;
  }

  /**
   * What the endpoint said: the OAuth {@code error} (with its {@code error_description}), a
   * gateway's {@code message}, an HTML page's title, or the start of a plain-text body; redacted
   * and bounded. Empty when the body said nothing readable.
   */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }
}
