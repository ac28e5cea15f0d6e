package com.optimalworkforce.testkit.alayacare;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the {@link AlayaCareSimulator} injects into the responses of matching requests: an
 * error status with any of AlayaCare's error-body shapes, a 429 with {@code Retry-After}, a slow
 * answer or a malformed JSON body. Immutable; {@link AlayaCareSimulator#inject} arms it.
 *
 * <pre>{@code
 * simulator.inject(SimulatedFault.status(503).times(3).onPath("scheduler/visits"));
 * simulator.inject(SimulatedFault.tooManyRequests(Duration.ofSeconds(1)).times(2));
 * simulator.inject(SimulatedFault.malformedJson().onPath("patients/clients").after(1));
 * }</pre>
 */
public final class SimulatedFault {
  /** What the fault does to the response. */
  public enum Kind {
    /** An error status with a JSON or HTML body. */
    STATUS,
    /** 429 with a {@code Retry-After} header. */
    TOO_MANY_REQUESTS,
    /** The normal answer, late. */
    DELAY,
    /** Status 200 with a body that is not valid JSON. */
    MALFORMED_JSON
  }

  private final Kind kind;
  private final int status;
  private final String body;
  private final String contentType;
  private final Duration duration;
  private final int times;
  private final int after;
  private final String pathContains;

  private SimulatedFault(Kind kind, int status, String body, String contentType, Duration duration, int times,
      int after, String pathContains) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.contentType = contentType;
    this.duration = duration;
    this.times = times;
    this.after = after;
    this.pathContains = pathContains;
  }

  /** An error status with AlayaCare's usual body {@code {"code": status, "message": ...}}. */
  public static SimulatedFault status(int status) {
    checkStatus(status);
    return new SimulatedFault(Kind.STATUS, status, "{\"code\": " + status + ", \"message\": \"" + reason(status) + "\"}",
        "application/json", Duration.ZERO, 1, 0, "");
  }

  /** An error status with the given body, e.g. {@code {"error": "...", "message": "..."}} or an HTML page. */
  public static SimulatedFault status(int status, String body, String contentType) {
    checkStatus(status);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    return new SimulatedFault(Kind.STATUS, status, body, contentType, Duration.ZERO, 1, 0, "");
  }

  /** 429 with {@code Retry-After} in whole seconds (rounded up; zero means "retry now"). */
  public static SimulatedFault tooManyRequests(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
    }
    return new SimulatedFault(Kind.TOO_MANY_REQUESTS, 429,
        "{\"code\": 429, \"message\": \"Too many requests. Retry later.\"}", "application/json", retryAfter, 1, 0, "");
  }

  /** The normal answer, after {@code delay}. */
  public static SimulatedFault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("delay must be positive but was " + delay);
    }
    return new SimulatedFault(Kind.DELAY, 200, null, null, delay, 1, 0, "");
  }

  /** Status 200 with a truncated JSON body. */
  public static SimulatedFault malformedJson() {
    return new SimulatedFault(Kind.MALFORMED_JSON, 200, "{\"count\": 1, \"page\": 1, \"total_pages\": 3, \"items\": [{\"id\": ",
        "application/json", Duration.ZERO, 1, 0, "");
  }

  /** How many matching requests it hits (default 1). */
  public SimulatedFault times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1 but was " + times);
    }
    return new SimulatedFault(kind, status, body, contentType, duration, times, after, pathContains);
  }

  /** How many matching requests to let through before it starts (default 0). */
  public SimulatedFault after(int requests) {
    if (requests < 0) {
      throw new IllegalArgumentException("after must not be negative but was " + requests);
    }
    return new SimulatedFault(kind, status, body, contentType, duration, times, requests, pathContains);
  }

  /** Only requests whose path (after {@code /ext/api/v2/}) contains this text, e.g. {@code scheduler/visits}. */
  public SimulatedFault onPath(String contains) {
    Objects.requireNonNull(contains, "contains");
    return new SimulatedFault(kind, status, body, contentType, duration, times, after, contains);
  }

  public Kind kind() {
    return kind;
  }

  public int statusCode() {
    return status;
  }

  public String body() {
    return body;
  }

  public String contentType() {
    return contentType;
  }

  /** The delay, or the {@code Retry-After} of a 429. */
  public Duration duration() {
    return duration;
  }

  public int times() {
    return times;
  }

  public int after() {
    return after;
  }

  public String pathContains() {
    return pathContains;
  }

  private static void checkStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status (400-599) but was " + status);
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Invalid request";
      case 401 -> "Authorization required.";
      case 403 -> "You do not have the required permissions to perform this action.";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable entity";
      case 500 -> "Internal server error";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> "Error " + status;
    };
  }

  @Override
  public String toString() {
    return "SimulatedFault[" + kind + " " + status + ", times=" + times + ", after=" + after
        + (pathContains.isEmpty() ? "" : ", path~" + pathContains) + "]";
  }
}
