package com.optimalworkforce.connectors.alayacare.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.optimalworkforce.connectors.alayacare.AlayaCareConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.HttpResilience;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.okhttp.OkHttpClients;
import com.optimalworkforce.core.http.okhttp.ResilienceInterceptor;
import com.optimalworkforce.core.security.Redactor;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The HTTP stack of one connector: the SDK's OkHttp client (TLS policy, timeouts) with its
 * resilience interceptor (retries of idempotent calls on 429/502/503/504 and timeouts honouring
 * {@code Retry-After}, and a smooth client-side rate limit), HTTP Basic auth (public key as user
 * name, private key as password), and Retrofit with Jackson (snake_case) on top. Every
 * call goes through {@link #execute}, which returns the body or throws a classified
 * {@link ConnectorException}. Not API.
 */
public final class Http {
  /** The mapper for API bodies: snake_case, unknown fields ignored. */
  public static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final OkHttpClient client;
  private final AlayaCareApi api;
  private final Failures failures;

  public Http(AlayaCareConnectorConfig config, Failures failures) {
    this.failures = failures;
    String basic = Credentials.basic(config.publicKey().reveal(), config.privateKey().reveal());
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(8, config.concurrency() * 2));
    dispatcher.setMaxRequestsPerHost(Math.max(8, config.concurrency() * 2));
    HttpResilience resilience = HttpResilience.builder()
        .retryPolicy(config.retryPolicy())
        .rateLimitPolicy(smooth(config.rateLimit()))
        .clock(config.clock())
        .name("alayacare " + config.host())
        .redactor(Redactor.standard().with(config.publicKey(), config.privateKey()))
        .build();
    this.client = OkHttpClients.builder(config.tlsPolicy(), config.timeout())
        .dispatcher(dispatcher)
        .addInterceptor(ResilienceInterceptor.of(resilience))
        .addInterceptor(chain -> {
          Request r = chain.request().newBuilder().header("Authorization", basic)
              .header("Accept", "application/json").build();
          return chain.proceed(r);
        })
        .build();
    this.api = new Retrofit.Builder()
        .baseUrl(config.baseUrl().toString())
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(JSON))
        .build()
        .create(AlayaCareApi.class);
  }

  /**
   * One permit every {@code 1/rate} seconds rather than {@code rate} permits at the start of each
   * second: a burst at a second's boundary would otherwise look like twice the rate to a server
   * that measures over a sliding second, and earn 429s.
   */
  static RateLimitPolicy smooth(double perSecond) {
    if (perSecond > 1000) { // periods below a millisecond are not supported: n permits a millisecond
      return RateLimitPolicy.builder().limitForPeriod((int) Math.round(perSecond / 1000)).period(Duration.ofMillis(1))
          .maxWait(Duration.ofMinutes(2)).build();
    }
    return RateLimitPolicy.builder().limitForPeriod(1).period(Duration.ofNanos(Math.round(1e9 / perSecond)))
        .maxWait(Duration.ofMinutes(2)).build();
  }

  public AlayaCareApi api() {
    return api;
  }

  public Failures failures() {
    return failures;
  }

  /** Runs the call; the body, or a classified {@link ConnectorException}. */
  public <T> T execute(Call<T> call) {
    String what = call.request().method() + " " + path(call.request());
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw failures.io(what, e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw failures.io(what, io);
      }
      throw e;
    }
    if (response.isSuccessful()) {
      T body = response.body();
      if (body == null) {
        throw failures.io(what, new com.fasterxml.jackson.core.JsonParseException(null, "empty body"));
      }
      return body;
    }
    String errorBody;
    try (okhttp3.ResponseBody b = response.errorBody()) {
      errorBody = b == null ? "" : b.string();
    } catch (IOException e) {
      errorBody = "";
    }
    throw failures.status(what, response.code(), errorBody, response.headers().get("Retry-After"));
  }

  /**
   * Runs the call; the body, or {@code null} when AlayaCare answers 404 to it (a record that was
   * listed a moment ago and is gone, or that the API user may not see); any other failure as
   * {@link #execute}.
   */
  public <T> T executeOrNull(Call<T> call) {
    try {
      return execute(call);
    } catch (ApiException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static String path(Request r) {
    String p = r.url().encodedPath();
    int i = p.indexOf("/ext/api/v2/");
    return i < 0 ? p : p.substring(i + "/ext/api/v2/".length());
  }

  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
