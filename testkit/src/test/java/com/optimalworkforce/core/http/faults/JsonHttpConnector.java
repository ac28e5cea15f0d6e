package com.optimalworkforce.core.http.faults;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.http.ClientCredentialsTokenProvider;
import com.optimalworkforce.core.http.FailureClassifier;
import com.optimalworkforce.core.http.HttpResilience;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryEvent;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.http.okhttp.BearerTokenInterceptor;
import com.optimalworkforce.core.http.okhttp.OkHttpClients;
import com.optimalworkforce.core.http.okhttp.ResilienceInterceptor;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.security.Redactor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A test-only connector for {@link AgencyApi}, built the way real connectors are: OkHttp from
 * {@link OkHttpClients} with the TLS policy, {@link ResilienceInterceptor} (retries, Retry-After,
 * rate limit), {@link BearerTokenInterceptor} over a {@link ClientCredentialsTokenProvider}, and
 * {@link FailureClassifier} for errors. Settings: {@code baseUrl}; credentials: {@code clientSecret}.
 */
public final class JsonHttpConnector implements Connector {
  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final FailureClassifier failures;

  public JsonHttpConnector(ConnectorConfig config, RetryPolicy retry, Consumer<RetryEvent> retries, Interceptor... extra) {
    this.baseUrl = HttpUrl.get(config.requireSetting("baseUrl"));
    TlsPolicy tls = TlsPolicy.ofDefaults();
    HttpResilience resilience = HttpResilience.builder().name("fault-suite").retryPolicy(retry)
        .rateLimitPolicy(RateLimitPolicy.perSecond(500)).clock(config.clock()).listener(retries).build();
    ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(URI.create(config.requireSetting("baseUrl") + "/oauth/token"))
        .clientId(AgencyApi.CLIENT_ID)
        .clientSecret(config.requireSecret("clientSecret"))
        .tlsPolicy(tls).timeout(config.timeout()).clock(config.clock())
        .resilience(resilience)
        .build();
    OkHttpClient.Builder b = OkHttpClients.builder(tls, config.timeout())
        .addInterceptor(ResilienceInterceptor.of(resilience))
        .addInterceptor(BearerTokenInterceptor.of(tokens));
    for (Interceptor i : extra) {
      b.addInterceptor(i);
    }
    this.http = b.build();
    this.failures = FailureClassifier.forHost(baseUrl.host())
        .credentials("the client secret", "Check the client secret.")
        .redactor(Redactor.standard().with(config.requireSecret("clientSecret")));
  }

  @Override
  public String providerId() {
    return "json-http-test";
  }

  @Override
  public ConnectionCheck testConnection() {
    long t0 = System.nanoTime();
    try {
      List<Region> regions = listRegions();
      return ConnectionCheck.success("Connected to " + baseUrl.host() + " (" + regions.size() + " regions)",
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (ConnectorException e) {
      return e.toCheck(Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  @Override
  public List<Region> listRegions() {
    return get(baseUrl.newBuilder().addPathSegments("api/regions").build(), RecordJson.RegionsBody.class).regions();
  }

  @Override
  public Page read(ReadRequest request) {
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments("api/records/" + request.type().name())
        .addQueryParameter("regions", String.join(",", new TreeSet<>(request.regionIds())))
        .addQueryParameter("from", request.window().from().toString())
        .addQueryParameter("to", request.window().to().toString())
        .addQueryParameter("pageSize", Integer.toString(request.pageSize()));
    request.resumeFrom().ifPresent(c -> url.addQueryParameter("cursor", c.token()));
    RecordJson.PageBody body = get(url.build(), RecordJson.PageBody.class);
    return Page.of(body.records(), List.of(), body.next() == null ? null : SyncCursor.of(body.next()), body.total());
  }

  private <T> T get(HttpUrl url, Class<T> type) {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      if (!response.isSuccessful()) {
        throw failures.fromStatus(response.code(), body);
      }
      return RecordJson.MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw failures.classify(e);
    }
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(false, false, EnumSet.allOf(EntityType.class));
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
