package com.optimalworkforce.alerts.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.alerts.notify.internal.HttpPost;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Redactor;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack through incoming webhooks: a JSON POST of {@code {"text": ...}} to the webhook named by
 * the recipient's Slack address, over the JDK HttpClient with the SDK's TLS and retry policies.
 * The headline is in bold, and {@code &}, {@code <} and {@code >} are escaped as Slack asks.
 *
 * <pre>{@code
 * Notifier slack = SlackWebhookNotifier.create(SlackWebhookConfig.builder()
 *     .webhook("east", Secret.of(eastWebhookUrl)).build());
 * slack.send(Notification.builder(Channel.SLACK, "east").subject("URGENT: Unfilled shift").text(message).build());
 * }</pre>
 *
 * <p>200 is delivered; 429 and 5xx are retryable (with Slack's {@code Retry-After}); 403, 404 and
 * 410 ({@code invalid_token}, {@code no_service}, {@code channel_is_archived}, ...) and other 4xx
 * are rejected with Slack's error code. An unknown webhook name is rejected. The webhook URL never
 * appears in a result or a log line.
 */
public final class SlackWebhookNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(SlackWebhookNotifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SlackWebhookConfig config;
  private final HttpPost http;

  private SlackWebhookNotifier(SlackWebhookConfig config) {
    this.config = config;
    this.http = new HttpPost("Slack", config.tls(), config.retry(), config.timeout(), config.clock(),
        Redactor.standard().with(secretParts(config)));
  }

  /**
   * What to mask: each webhook URL, and its path and last segment on their own, since the path is
   * the secret part ({@code /services/T.../B.../token}) and an answer may quote only that.
   */
  private static Secret[] secretParts(SlackWebhookConfig config) {
    List<Secret> out = new ArrayList<>();
    for (Secret url : config.webhooks().values()) {
      out.add(url);
      String path = URI.create(url.reveal()).getRawPath();
      if (path != null && path.length() > 1) {
        out.add(Secret.of(path));
        String last = path.substring(path.lastIndexOf('/', path.length() - 2) + 1).replaceAll("/$", "");
        if (last.length() >= 8) {
          out.add(Secret.of(last));
        }
      }
    }
    return out.toArray(Secret[]::new);
  }

  public static SlackWebhookNotifier create(SlackWebhookConfig config) {
    return new SlackWebhookNotifier(Objects.requireNonNull(config, "config"));
  }

  @Override
  public Channel channel() {
    return Channel.SLACK;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    Secret webhook = config.webhooks().get(notification.recipient());
    if (webhook == null) {
      return DeliveryResult.rejected("No Slack webhook named '" + notification.recipient()
          + "' is configured; add it with SlackWebhookConfig.builder().webhook(name, url)");
    }
    URI uri = URI.create(webhook.reveal());
    String text = (notification.subject().isEmpty() ? "" : "*" + escape(notification.subject()) + "*\n")
        + escape(notification.text());
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("text", HttpPost.shorten(text, config.maxLength())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a Slack message as JSON", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    String where = "webhook '" + notification.recipient() + "' (" + uri.getHost() + ")";
    HttpPost.Outcome outcome = http.send(request, uri.getHost());
    if (outcome.failure() != null) {
      return outcome.failure();
    }
    HttpResponse<String> response = outcome.response();
    int status = response.statusCode();
    LOG.debug("Slack answered {} to notification {}", status, notification.id());
    String error = response.body() == null ? "" : http.redact(response.body().strip());
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered(null);
    }
    if (status == 429 || status >= 500) {
      return http.retryableStatus(response, error.isEmpty() ? "" : " (" + error + ")");
    }
    if (status == 403 || status == 404 || status == 410) {
      return DeliveryResult.rejected("Slack refused " + where + " (" + status + (error.isEmpty() ? "" : " " + error)
          + "): the webhook was revoked, its channel removed or archived. Create a new webhook in Slack.");
    }
    return DeliveryResult.rejected("Slack refused the message for " + where + " (" + status
        + (error.isEmpty() ? "" : " " + error) + ")");
  }

  /** Slack's control characters in text: &amp; &lt; &gt;. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public String toString() {
    return "SlackWebhookNotifier[" + config + "]";
  }
}
