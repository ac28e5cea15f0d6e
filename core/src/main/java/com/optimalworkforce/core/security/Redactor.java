package com.optimalworkforce.core.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it is logged or put in an exception message: the values of
 * registered {@link Secret}s wherever they appear (also URL-encoded), and common credential
 * shapes whatever their value: {@code Authorization:} header values, {@code Bearer}/{@code Basic}
 * tokens, {@code client_secret=}/{@code password=}/{@code access_token=}-style pairs and the
 * same names as JSON fields. Immutable and thread-safe.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.standard().with(clientSecret);
 * log.debug("token endpoint said {}", redactor.redact(responseBody));
 * redactor.redact("Authorization: Bearer eyJhbGciOi...");   // "Authorization: [redacted]"
 * redactor.redact("grant_type=client_credentials&client_secret=s3cr3t");
 * // "grant_type=client_credentials&client_secret=[redacted]"
 * }</pre>
 *
 * <p>Shape rules are a safety net, not a licence: code should still never pass a secret to a
 * logger or an exception.
 */
public final class Redactor {
  /** What a masked value is replaced with. */
  public static final String MASK = "[redacted]";

  private static final String NAMES = "client_secret|client-secret|clientsecret|password|passwd|pwd|passphrase"
      + "|access_token|refresh_token|id_token|token|api_key|api-key|apikey|private_key|private-key|privatekey"
      + "|secret|assertion|client_assertion";

  /** Lower-case words one of which every name in {@link #NAMES} contains. */
  private static final List<String> NAME_WORDS = List.of("secret", "pass", "pwd", "token", "key", "assertion");

  // Whitespace before a value is matched possessively, so text redacted once ("Authorization: [redacted]")
  // is left alone instead of the rule giving back the space and masking "[redacted" again.
  // Each rule runs only when its cheap lower-case keyword test passes: most log lines hold no
  // credential-like word, and then redaction costs a lower-casing and a few index scans.
  private static final List<Rule> SHAPES = List.of(
      // Header lines: "Authorization: Basic abc", "Proxy-Authorization=..."
      new Rule(lower -> lower.contains("authorization"), Pattern.compile("(?i)\\b((?:proxy-)?authorization\\s*+[:=]\\s*+)(?!\\[redacted\\])[^\\r\\n,;\"'}\\]]+"), "$1" + MASK),
      // JSON fields: "client_secret" : "value"
      new Rule(lower -> lower.indexOf('"') >= 0 && (containsAny(lower, NAME_WORDS) || lower.contains("authorization")),
          Pattern.compile("(?i)(\"(?:" + NAMES + "|authorization)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""), "$1\"" + MASK + "\""),
      // Form and query pairs: client_secret=value&...
      new Rule(lower -> lower.indexOf('=') >= 0 && containsAny(lower, NAME_WORDS), Pattern.compile("(?i)(?<![A-Za-z0-9_-])((?:" + NAMES + ")\\s*+=\\s*+)(?!\\[redacted\\])[^&\\s\"',;}\\]]+"), "$1" + MASK),
      // Bare scheme tokens anywhere: "Bearer eyJ...", "Basic dXNlcjpwYXNz"
      new Rule(lower -> lower.contains("bearer") || lower.contains("basic"), Pattern.compile("(?i)\\b(bearer|basic)(\\s+)(?!\\[redacted\\])[A-Za-z0-9\\-._~+/]{8,}=*"), "$1$2" + MASK));

  private static final Redactor STANDARD = new Redactor(List.of());

  private final List<String> values;

  private Redactor(List<String> values) {
    this.values = values;
  }

  /** Masks the credential shapes only. */
  public static Redactor standard() {
    return STANDARD;
  }

  /** A redactor that also masks these secrets' values (and their URL-encoded forms). */
  public Redactor with(Secret... secrets) {
    Objects.requireNonNull(secrets, "secrets");
    Set<String> all = new LinkedHashSet<>(values);
    for (Secret s : secrets) {
      Objects.requireNonNull(s, "secret");
      String v = s.reveal();
      all.add(v);
      all.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
    List<String> sorted = new ArrayList<>(all);
    // Longest first, so a secret that contains another is masked whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(sorted));
  }

  /** The text with every registered secret and credential shape masked; {@code null} stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : values) {
      out = out.replace(v, MASK);
    }
    String lower = out.toLowerCase(java.util.Locale.ROOT);
    for (Rule rule : SHAPES) {
      if (rule.applies.test(lower)) {
        out = rule.apply(out);
        lower = out.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return out;
  }

  /** {@link #redact(String)} of {@code String.valueOf(value)}, for log arguments. */
  public String redact(Object value) {
    return redact(String.valueOf(value));
  }

  /** True when {@link #redact(String)} would change the text. */
  public boolean wouldRedact(String text) {
    return text != null && !text.equals(redact(text));
  }

  @Override
  public String toString() {
    return "Redactor[" + values.size() + " registered values + standard shapes]";
  }

  private static boolean containsAny(String text, List<String> words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private record Rule(java.util.function.Predicate<String> applies, Pattern pattern, String replacement) {
    String apply(String text) {
      Matcher m = pattern.matcher(text);
      return m.find() ? m.replaceAll(replacement) : text;
    }
  }
}
