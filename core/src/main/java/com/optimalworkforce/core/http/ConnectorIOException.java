package com.optimalworkforce.core.http;

import com.optimalworkforce.core.connector.ConnectorException;
import java.io.IOException;
import java.util.Objects;

/**
 * Carries a classified {@link ConnectorException} through HTTP client code that only lets
 * {@link IOException}s through (OkHttp interceptors, Retrofit, HAPI FHIR).
 * {@link FailureClassifier#classify(Throwable)} finds it again in the cause chain.
 *
 * <pre>{@code
 * try {
 *   token = tokens.token();
 * } catch (ConnectorException e) {
 *   throw new ConnectorIOException(e);     // inside an interceptor
 * }
 * }</pre>
 */
public final class ConnectorIOException extends IOException {
  private static final long serialVersionUID = 1L;

  public ConnectorIOException(ConnectorException cause) {
    super(Objects.requireNonNull(cause, "cause").getMessage(), cause);
  }

  /** The classified failure. */
  public ConnectorException connectorException() {
    return (ConnectorException) getCause();
  }
}
