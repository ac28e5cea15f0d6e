package com.optimalworkforce.core.http.okhttp;

import com.optimalworkforce.core.http.TlsPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.TlsVersion;

/**
 * OkHttp clients that obey a {@link TlsPolicy}: only its TLS versions (a server offering only
 * older ones is refused), its trusted CAs, plain HTTP only where it allows (checked on every
 * request, redirects included), and the given timeout for connect, read, write and the whole call.
 * OkHttp's own silent retry of failed connections is off, so only {@link ResilienceInterceptor}
 * decides what is retried.
 *
 * <pre>{@code
 * OkHttpClient client = OkHttpClients.builder(TlsPolicy.ofDefaults(), Duration.ofSeconds(30))
 *     .addInterceptor(ResilienceInterceptor.of(resilience))
 *     .addInterceptor(BearerTokenInterceptor.of(tokens))
 *     .build();
 * Retrofit retrofit = new Retrofit.Builder().baseUrl(baseUrl).client(client).build();
 * }</pre>
 *
 * <p>OkHttp is an optional dependency of core: add {@code com.squareup.okhttp3:okhttp} (Retrofit
 * and HAPI FHIR's OkHttp client bring it) to use this package.
 */
public final class OkHttpClients {
  private OkHttpClients() {}

  /**
   * A builder configured by the policy and timeout; add interceptors, then build. The TLS guard is
   * the first application interceptor, so add the resilience and token interceptors after it.
   */
  public static OkHttpClient.Builder builder(TlsPolicy tls, Duration timeout) {
    return configure(new OkHttpClient.Builder(), tls, timeout);
  }

  /** A client configured by the policy and timeout, with no interceptors. */
  public static OkHttpClient create(TlsPolicy tls, Duration timeout) {
    return builder(tls, timeout).build();
  }

  /**
   * Applies the policy and timeout to an existing builder (e.g. {@code shared.newBuilder()}, to
   * share its connection pool and threads).
   */
  public static OkHttpClient.Builder configure(OkHttpClient.Builder builder, TlsPolicy tls, Duration timeout) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
    List<ConnectionSpec> specs = new ArrayList<>();
    specs.add(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
        .tlsVersions(tls.protocols().stream().map(TlsVersion::forJavaName).toArray(TlsVersion[]::new))
        .build());
    if (tls.cleartext() != TlsPolicy.Cleartext.REFUSED) {
      specs.add(ConnectionSpec.CLEARTEXT);
    }
    CleartextGuard guard = new CleartextGuard(tls);
    return builder
        .addInterceptor(guard)
        .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
        .connectionSpecs(specs)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        // The whole call, retries included, may take longer than one attempt; bound one attempt only.
        .callTimeout(Duration.ZERO)
        .retryOnConnectionFailure(false)
        // Again on the network, so a redirect cannot lead to plain http either.
        .addNetworkInterceptor(guard);
  }

  /** Refuses plain-HTTP requests the policy does not allow, redirects included. */
  private static final class CleartextGuard implements Interceptor {
    private final TlsPolicy tls;

    CleartextGuard(TlsPolicy tls) {
      this.tls = tls;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      if (!tls.permits(chain.request().url().uri())) {
        throw new java.net.UnknownServiceException("The TLS policy refuses plain http to " + chain.request().url().host()
            + "; use an https:// URL");
      }
      return chain.proceed(chain.request());
    }
  }
}
