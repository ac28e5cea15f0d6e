package com.optimalworkforce.core.http.okhttp;

import okhttp3.Request;

/**
 * A request tag that marks a non-idempotent method (typically a {@code POST} search) as safe to
 * retry, for {@link ResilienceInterceptor}.
 *
 * <pre>{@code
 * Request search = Idempotent.mark(new Request.Builder()
 *     .url(baseUrl.resolve("patients/_search/"))
 *     .post(body)).build();
 * }</pre>
 */
public final class Idempotent {
  static final Idempotent INSTANCE = new Idempotent();

  private Idempotent() {}

  /** Tags the request as idempotent. */
  public static Request.Builder mark(Request.Builder builder) {
    return builder.tag(Idempotent.class, INSTANCE);
  }

  /** True when the request's method is idempotent or the request is tagged. */
  public static boolean isIdempotent(Request request) {
    return request.tag(Idempotent.class) != null
        || com.optimalworkforce.core.http.HttpResilience.isIdempotent(request.method());
  }

  @Override
  public String toString() {
    return "Idempotent";
  }
}
