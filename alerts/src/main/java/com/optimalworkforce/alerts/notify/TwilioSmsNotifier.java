package com.optimalworkforce.alerts.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.alerts.notify.internal.HttpPost;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Redactor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through Twilio's Messages API: a form POST of {@code To}, {@code From} and {@code Body} to
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP Basic with the account SID and
 * auth token, over the JDK HttpClient with the SDK's TLS and retry policies.
 *
 * <pre>{@code
 * Notifier sms = TwilioSmsNotifier.create(TwilioSmsConfig.builder()
 *     .accountSid("AC0123456789abcdef0123456789abcdef").authToken(Secret.of(token)).from("+14165550199")
 *     .build());
 * sms.send(Notification.builder(Channel.SMS, "+14165550100").text("Friday 2 PM shift unfilled ...").build());
 * }</pre>
 *
 * <p>201 is delivered (the provider id is the message SID); 429 and 5xx are retryable (retried
 * here first, as {@link TwilioSmsConfig#retry()} allows); 401 and 403 are rejected credentials; other
 * 4xx (an invalid number, ...) are rejected with Twilio's code and message. Texts longer than
 * {@link TwilioSmsConfig#maxLength()} are shortened.
 */
public final class TwilioSmsNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsNotifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwilioSmsConfig config;
  private final URI endpoint;
  private final String authorization;
  private final HttpPost http;

  private TwilioSmsNotifier(TwilioSmsConfig config) {
    this.config = config;
    this.endpoint = URI.create(config.baseUrl() + "/2010-04-01/Accounts/" + config.accountSid() + "/Messages.json");
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (config.accountSid() + ":" + config.authToken().reveal()).getBytes(StandardCharsets.UTF_8));
    this.http = new HttpPost("Twilio", config.tls(), config.retry(), config.timeout(), config.clock(),
        Redactor.standard().with(config.authToken()));
  }

  public static TwilioSmsNotifier create(TwilioSmsConfig config) {
    return new TwilioSmsNotifier(Objects.requireNonNull(config, "config"));
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    String form = "To=" + encode(notification.recipient()) + "&From=" + encode(config.from()) + "&Body="
        + encode(HttpPost.shorten(notification.text(), config.maxLength()));
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Authorization", authorization)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    HttpPost.Outcome outcome = http.send(request, HttpPost.hostOf(endpoint));
    if (outcome.failure() != null) {
      return outcome.failure();
    }
    HttpResponse<String> response = outcome.response();
    int status = response.statusCode();
    LOG.debug("Twilio answered {} to notification {}", status, notification.id());
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered(field(response.body(), "sid"));
    }
    String code = field(response.body(), "code");
    String message = field(response.body(), "message");
    String detail = (code == null ? "" : " (code " + code + ")") + (message == null ? "" : ": " + message);
    if (status == 429 || status >= 500) {
      return http.retryableStatus(response, detail);
    }
    if (status == 401 || status == 403) {
      return DeliveryResult.rejected(http.redact("Twilio rejected the account SID and auth token (" + status + ")"
          + detail + ". Check them in the Twilio console."));
    }
    return DeliveryResult.rejected(http.redact("Twilio refused the message (" + status + ")" + detail));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A text field of a JSON answer, or null when absent or not JSON. */
  private static String field(String body, String name) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body).get(name);
      return node == null || node.isNull() ? null : node.asText();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "TwilioSmsNotifier[" + config + "]";
  }
}
