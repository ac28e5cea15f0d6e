package com.optimalworkforce.core.http;

import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * How {@link HttpResilience} reads a response of any HTTP client: its status, a header, and how
 * to release one that is dropped for a retry.
 *
 * <pre>{@code
 * ResponseView<Response> okhttp = new ResponseView<>() {
 *   public int status(Response r) { return r.code(); }
 *   public Optional<String> header(Response r, String name) { return Optional.ofNullable(r.header(name)); }
 *   public void discard(Response r) { r.close(); }
 * };
 * }</pre>
 *
 * @param <R> the client's response type
 */
public interface ResponseView<R> {

  int status(R response);

  /** The first value of a header (case-insensitive name). */
  Optional<String> header(R response, String name);

  /** Releases a response that will not be returned (a retry follows). */
  default void discard(R response) {}

  /** The view of a JDK {@link HttpResponse}. */
  static ResponseView<HttpResponse<?>> jdk() {
    return new ResponseView<>() {
      @Override
      public int status(HttpResponse<?> response) {
        return response.statusCode();
      }

      @Override
      public Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
      }

      @Override
      public void discard(HttpResponse<?> response) {
        Object body = response.body();
        if (body instanceof AutoCloseable) {
          try {
            ((AutoCloseable) body).close();
          } catch (Exception ignored) {
            // nothing more to release
          }
        }
      }
    };
  }
}
