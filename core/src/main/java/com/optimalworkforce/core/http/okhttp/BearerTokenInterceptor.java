package com.optimalworkforce.core.http.okhttp;

import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.ConnectorIOException;
import com.optimalworkforce.core.http.TokenProvider;
import com.optimalworkforce.core.security.Secret;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OkHttp interceptor that adds {@code Authorization: Bearer <token>} from a
 * {@link TokenProvider}; when the source answers 401 it refreshes the token once (one refresh for
 * all concurrent callers, see {@link TokenProvider#refresh}) and retries the request once. A
 * second 401 is returned to the caller to classify as invalid credentials.
 *
 * <pre>{@code
 * OkHttpClient client = OkHttpClients.builder(tls, timeout)
 *     .addInterceptor(ResilienceInterceptor.of(resilience))
 *     .addInterceptor(BearerTokenInterceptor.of(tokens))
 *     .build();
 * }</pre>
 *
 * <p>Token failures surface as a {@link ConnectorIOException} carrying the classified
 * {@link ConnectorException}.
 */
public final class BearerTokenInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(BearerTokenInterceptor.class);

  private final TokenProvider tokens;

  private BearerTokenInterceptor(TokenProvider tokens) {
    this.tokens = tokens;
  }

  public static BearerTokenInterceptor of(TokenProvider tokens) {
    return new BearerTokenInterceptor(Objects.requireNonNull(tokens, "tokens"));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Secret token = call(() -> tokens.token());
    Response response = chain.proceed(authorized(chain.request(), token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    LOG.debug("{} answered 401 to {}; refreshing the token and retrying once", chain.request().url().host(),
        chain.request().method());
    Secret fresh = call(() -> tokens.refresh(token));
    return chain.proceed(authorized(chain.request(), fresh));
  }

  private static Request authorized(Request request, Secret token) {
    return request.newBuilder().header("Authorization", "Bearer " + token.reveal()).build();
  }

  private static Secret call(java.util.function.Supplier<Secret> supplier) throws IOException {
    try {
      return supplier.get();
    } catch (ConnectorException e) {
      throw new ConnectorIOException(e);
    }
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor[" + tokens + "]";
  }
}
