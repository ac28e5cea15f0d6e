package com.optimalworkforce.core.http.internal;

import com.optimalworkforce.core.security.Redactor;

/**
 * Stands in for an exception whose message (or a cause's) carries a secret: same stack trace,
 * class name kept in the message, text redacted. Used as the cause of classified failures, so a
 * logged stack trace shows where it failed without the secret.
 */
public final class RedactedCause extends Exception {
  private static final long serialVersionUID = 1L;

  private RedactedCause(String message, Throwable cause, StackTraceElement[] trace) {
    super(message, cause);
    setStackTrace(trace);
  }

  /** {@code t} itself when no message in its chain needs redaction, else a redacted copy of the chain. */
  public static Throwable of(Throwable t, Redactor redactor) {
    if (!needsRedaction(t, redactor, 0)) {
      return t;
    }
    return copy(t, redactor, 0);
  }

  private static boolean needsRedaction(Throwable t, Redactor redactor, int depth) {
    for (Throwable c = t; c != null && depth < 20; c = c.getCause(), depth++) {
      if (redactor.wouldRedact(c.getMessage())) {
        return true;
      }
      if (c == c.getCause()) {
        break;
      }
    }
    return false;
  }

  private static Throwable copy(Throwable t, Redactor redactor, int depth) {
    if (t == null || depth >= 20) {
      return null;
    }
    Throwable cause = t.getCause() == t ? null : copy(t.getCause(), redactor, depth + 1);
    String message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + redactor.redact(t.getMessage()));
    return new RedactedCause(message, cause, t.getStackTrace());
  }
}
