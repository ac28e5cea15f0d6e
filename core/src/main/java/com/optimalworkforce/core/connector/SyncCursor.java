package com.optimalworkforce.core.connector;

import java.util.Objects;

/**
 * Where a read stopped, as an opaque token only the connector that issued it interprets. Storing
 * it after every page and passing it back in the next {@link ReadRequest} resumes exactly after
 * that page.
 *
 * <pre>{@code
 * Page page = connector.read(request);
 * store.saveCheckpoint(stream, page.next());   // survives a crash
 * request = request.withCursor(page.next());   // continue
 * }</pre>
 */
public record SyncCursor(String token) {

  public SyncCursor {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("SyncCursor token must not be blank");
    }
  }

  public static SyncCursor of(String token) {
    return new SyncCursor(token);
  }
}
