package com.optimalworkforce.connectors.alayacare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the message out of every error-body shape AlayaCare answers with: {@code {code, message}},
 * {@code {error, message}}, {@code {message}}, {@code {error}}, an HTML page (from a proxy or load
 * balancer) or plain text. Not API.
 */
public final class ErrorBodies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
  private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final int MAX = 200;

  private ErrorBodies() {}

  /** The message a person should see, or an empty string when the body says nothing useful. */
  public static String message(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String b = body.strip();
    if (b.startsWith("{")) {
      try {
        JsonNode node = JSON.readTree(b);
        String message = text(node, "message");
        String error = text(node, "error");
        if (message != null && error != null && !message.equals(error)) {
          return clip(error + ": " + message);
        }
        if (message != null) {
          return clip(message);
        }
        if (error != null) {
          return clip(error);
        }
        String detail = text(node, "detail");
        if (detail != null) {
          return clip(detail);
        }
      } catch (IOException e) {
        // not JSON after all: fall through to text
      }
    }
    if (b.startsWith("<") || b.regionMatches(true, 0, "<!doctype", 0, 9)) {
      Matcher m = H1.matcher(b);
      String found = m.find() ? m.group(1) : null;
      if (found == null || found.isBlank()) {
        m = TITLE.matcher(b);
        found = m.find() ? m.group(1) : TAG.matcher(b).replaceAll(" ");
      }
      return clip(TAG.matcher(found).replaceAll(" ").replaceAll("\\s+", " ").strip());
    }
    return clip(b.replaceAll("\\s+", " "));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.isTextual() ? v.asText() : v.toString();
    return s.isBlank() ? null : s.strip();
  }

  private static String clip(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "...";
  }
}
