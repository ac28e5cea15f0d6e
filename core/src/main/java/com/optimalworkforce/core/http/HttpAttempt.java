package com.optimalworkforce.core.http;

import java.io.IOException;

/**
 * One try of an HTTP call; {@link HttpResilience} may run it several times.
 *
 * <pre>{@code
 * HttpAttempt<HttpResponse<String>> attempt = () -> send(client, request);
 * }</pre>
 *
 * @param <R> the response type
 */
@FunctionalInterface
public interface HttpAttempt<R> {
  R call() throws IOException;
}
