package com.optimalworkforce.connectors.wellsky.internal;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import com.optimalworkforce.core.http.TokenProvider;
import com.optimalworkforce.core.security.Secret;
import java.util.Objects;

/**
 * Puts {@code Authorization: Bearer <token>} on every request of the HAPI FHIR client, asking the
 * {@link TokenProvider} each time, so a token that expires mid-sync is replaced before it is
 * refused. (HAPI's own {@code BearerTokenAuthInterceptor} holds one fixed token.) It remembers,
 * per thread, which token the last request carried, so that after a 401 the transport can ask
 * the provider to replace exactly that one. Not API.
 */
public final class FhirTokenInterceptor implements IClientInterceptor {
  private final TokenProvider tokens;
  private final ThreadLocal<Secret> lastSent = new ThreadLocal<>();

  public FhirTokenInterceptor(TokenProvider tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    Secret token = tokens.token();
    lastSent.set(token);
    request.removeHeaders("Authorization");
    request.addHeader("Authorization", "Bearer " + token.reveal());
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    // nothing: a 401 surfaces as an AuthenticationException, which the transport answers with one refresh
  }

  /** The token this thread's last request carried, or null. */
  public Secret lastSent() {
    return lastSent.get();
  }

  /** Replaces the token this thread last sent (one fetch however many threads ask). */
  public void refreshAfterRejection() {
    Secret rejected = lastSent.get();
    if (rejected != null) {
      tokens.refresh(rejected);
    }
  }
}
