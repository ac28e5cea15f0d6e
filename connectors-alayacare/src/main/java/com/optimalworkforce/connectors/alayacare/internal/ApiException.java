package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;

/**
 * A classified failure that also keeps the HTTP status and the server's own message, for callers
 * that treat some answers specially (a 404 or 400 on write-back is the caller's mistake, not an
 * outage). Not API.
 */
public final class ApiException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String serverMessage;

  ApiException(ConnectionFailure failure, String detail, int status, String serverMessage) {
    super(failure, detail);
    this.status = status;
    this.serverMessage = serverMessage;
  }

  public int status() {
    return status;
  }

  /** What the server said, or an empty string. */
  public String serverMessage() {
    return serverMessage;
  }
}
