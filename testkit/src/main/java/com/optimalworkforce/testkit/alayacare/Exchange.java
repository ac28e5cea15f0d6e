package com.optimalworkforce.testkit.alayacare;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request the {@link AlayaCareSimulator} answered and its answer, as recorded when
 * {@link AlayaCareSimulator.Builder#recordExchanges(boolean)} is on; what the spec validation
 * checks.
 *
 * <pre>{@code
 * for (Exchange e : simulator.exchanges()) {
 *   assertThat(validator.validate(e)).isEmpty();
 * }
 * }</pre>
 *
 * @param method HTTP method
 * @param path the path, starting with {@code /ext/api/v2/}
 * @param query query parameters in order
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param contentType the request's content type, or {@code null}
 * @param requestBody the request body, or {@code null}
 * @param status the response status
 * @param responseContentType the response content type
 * @param responseBody the response body
 */
public record Exchange(String method, String path, Map<String, List<String>> query, String authorization,
    String contentType, String requestBody, int status, String responseContentType, String responseBody) {

  public Exchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
  }

  /** A short description without credentials, for assertion messages. */
  @Override
  public String toString() {
    return method + " " + path + query + " -> " + status;
  }
}
