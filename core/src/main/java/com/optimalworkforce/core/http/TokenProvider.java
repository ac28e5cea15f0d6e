package com.optimalworkforce.core.http;

import com.optimalworkforce.core.security.Secret;
import java.util.Objects;

/**
 * Hands out the bearer token for requests to a source, refreshing it when needed. After a 401,
 * callers pass the token that was rejected to {@link #refresh(Secret)}: however many callers do
 * so at once, the provider fetches a new token only once and gives all of them the new one.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.builder()
 *     .tokenEndpoint(URI.create("https://connect.clearcareonline.com/oauth/accesstoken"))
 *     .clientId(clientId).clientSecret(clientSecret).build();
 * Secret token = tokens.token();
 * // ... the source answers 401:
 * Secret fresh = tokens.refresh(token);
 * }</pre>
 *
 * <p>Failures are {@link com.optimalworkforce.core.connector.ConnectorException}s with a
 * category (e.g. INVALID_CREDENTIALS when the token endpoint rejects the client).
 */
public interface TokenProvider {

  /** A token valid now (fetched or refreshed first if it is missing or about to expire). */
  Secret token();

  /**
   * A token other than {@code rejected}: if another caller already replaced it, that token;
   * otherwise a freshly fetched one.
   */
  Secret refresh(Secret rejected);

  /** A fixed token (an API key used as a bearer token); {@link #refresh} returns it unchanged. */
  static TokenProvider fixed(Secret token) {
    Objects.requireNonNull(token, "token");
    return new TokenProvider() {
      @Override
      public Secret token() {
        return token;
      }

      @Override
      public Secret refresh(Secret rejected) {
        return token;
      }

      @Override
      public String toString() {
        return "TokenProvider[fixed]";
      }
    };
  }
}
