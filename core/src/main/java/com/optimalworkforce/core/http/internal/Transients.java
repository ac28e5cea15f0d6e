package com.optimalworkforce.core.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/** Which I/O failures are worth retrying on an idempotent call. */
public final class Transients {
  private Transients() {}

  /** A timeout, anywhere in the cause chain. */
  public static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SocketTimeoutException || c instanceof HttpTimeoutException) {
        return true;
      }
      // OkHttp's call timeout: InterruptedIOException("timeout"), not a thread interrupt.
      if (c.getClass() == InterruptedIOException.class && "timeout".equals(c.getMessage())) {
        return true;
      }
      if (c == c.getCause()) {
        break;
      }
    }
    return false;
  }

  /** The peer reset or closed the connection before a complete answer. */
  public static boolean isConnectionReset(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      if (c instanceof SocketException && (m.contains("reset") || m.contains("broken pipe")
          || m.contains("connection abort") || m.contains("socket closed"))) {
        return true;
      }
      if (c instanceof EOFException) {
        return true;
      }
      // OkHttp: "unexpected end of stream on ..."; JDK HttpClient: "... header parser received no bytes",
      // "connection closed locally/by peer".
      if (c instanceof IOException && (m.contains("unexpected end of stream") || m.contains("received no bytes")
          || m.contains("connection reset") || m.contains("closed by peer") || m.contains("connection closed"))) {
        return true;
      }
      if (c == c.getCause()) {
        break;
      }
    }
    return false;
  }

  /** Retry-worthy on an idempotent call: a timeout or a connection reset. */
  public static boolean isRetryable(Throwable t) {
    return t instanceof IOException && (isTimeout(t) || isConnectionReset(t));
  }

  /** A short name for logs, e.g. {@code SocketTimeoutException}. */
  public static String describe(Throwable t) {
    return t.getClass().getSimpleName();
  }
}
