/**
 * OkHttp adapters of the shared HTTP stack, so connectors built on OkHttp (Retrofit, HAPI FHIR's
 * OkHttp client) do not each write the same interceptors: a client factory obeying the
 * {@link com.optimalworkforce.core.http.TlsPolicy}, a retry/rate-limit interceptor and a
 * bearer-token interceptor. OkHttp is an optional dependency of core.
 *
 * <pre>{@code
 * OkHttpClient client = OkHttpClients.builder(TlsPolicy.ofDefaults(), Duration.ofSeconds(30))
 *     .addInterceptor(ResilienceInterceptor.of(resilience))
 *     .addInterceptor(BearerTokenInterceptor.of(tokens))
 *     .build();
 * }</pre>
 */
package com.optimalworkforce.core.http.okhttp;
