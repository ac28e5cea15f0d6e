package com.optimalworkforce.core.http.okhttp;

import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.ConnectorIOException;
import com.optimalworkforce.core.http.HttpResilience;
import com.optimalworkforce.core.http.ResponseView;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp application interceptor that runs each call under an {@link HttpResilience}: every
 * attempt takes a rate-limit permit; idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE, or
 * {@linkplain Idempotent#mark tagged}) are retried on 429/502/503/504, timeouts and connection
 * resets, honouring {@code Retry-After}. Add it before {@link BearerTokenInterceptor}, so each
 * retry carries a current token.
 *
 * <pre>{@code
 * OkHttpClient client = OkHttpClients.builder(TlsPolicy.ofDefaults(), Duration.ofSeconds(30))
 *     .addInterceptor(ResilienceInterceptor.of(resilience))
 *     .addInterceptor(BearerTokenInterceptor.of(tokens))
 *     .build();
 * }</pre>
 *
 * <p>A rate-limit timeout surfaces as a {@link ConnectorIOException} (an {@code IOException}
 * OkHttp lets through) carrying a RATE_LIMITED {@link ConnectorException}.
 */
public final class ResilienceInterceptor implements Interceptor {
  /** Reads OkHttp responses for {@link HttpResilience}. */
  public static final ResponseView<Response> VIEW = new ResponseView<>() {
    @Override
    public int status(Response response) {
      return response.code();
    }

    @Override
    public Optional<String> header(Response response, String name) {
      return Optional.ofNullable(response.header(name));
    }

    @Override
    public void discard(Response response) {
      response.close();
    }
  };

  private final HttpResilience resilience;

  private ResilienceInterceptor(HttpResilience resilience) {
    this.resilience = resilience;
  }

  public static ResilienceInterceptor of(HttpResilience resilience) {
    return new ResilienceInterceptor(Objects.requireNonNull(resilience, "resilience"));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    String op = chain.request().method() + " " + url.host() + ":" + url.port() + url.encodedPath();
    try {
      return resilience.execute(op, Idempotent.isIdempotent(chain.request()), VIEW, () -> chain.proceed(chain.request()));
    } catch (ConnectorException e) {
      throw new ConnectorIOException(e);
    }
  }

  @Override
  public String toString() {
    return "ResilienceInterceptor[" + resilience + "]";
  }
}
