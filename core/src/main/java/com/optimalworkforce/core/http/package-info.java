/**
 * HTTP resilience shared by connectors and notifiers, independent of the HTTP client:
 * {@link com.optimalworkforce.core.http.RetryPolicy} and
 * {@link com.optimalworkforce.core.http.RateLimitPolicy} run by
 * {@link com.optimalworkforce.core.http.HttpResilience} on resilience4j, the
 * {@link com.optimalworkforce.core.http.TlsPolicy}, OAuth 2.0 client-credentials
 * {@link com.optimalworkforce.core.http.TokenProvider}s, and the
 * {@link com.optimalworkforce.core.http.FailureClassifier} that turns HTTP failures into
 * messages a person can act on. OkHttp adapters are in {@code core.http.okhttp}.
 *
 * <pre>{@code
 * HttpResilience resilience = HttpResilience.of(RetryPolicy.ofDefaults(), RateLimitPolicy.perSecond(5));
 * HttpClient client = TlsPolicy.ofDefaults().applyTo(HttpClient.newBuilder()).build();
 * HttpResponse<String> r = resilience.send(client, request, BodyHandlers.ofString());
 * if (r.statusCode() >= 400) throw FailureClassifier.forUri(request.uri()).fromStatus(r.statusCode(), r.body());
 * }</pre>
 */
package com.optimalworkforce.core.http;
