package com.optimalworkforce.examples.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.http.okhttp.OkHttpClients;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Secret;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A host's own alert channel: posts each notification as JSON to a chat service's webhook (a
 * Microsoft Teams-like "post a message to a room" endpoint), authenticated with a bearer token.
 * The recipient address on this channel is the room. Checked by {@code NotifierCompatibilityKit}
 * in {@code WriteYourOwnNotifier}.
 *
 * <pre>{@code
 * Notifier chat = ChatWebhookNotifier.create(URI.create("https://chat.example/api/messages"),
 *     Secret.of(token), Duration.ofSeconds(10));
 * AlertEngine engine = AlertEngine.builder(index, clock).notifier(chat)
 *     .routing(AlertRouting.builder().route(Route.builder().to(Recipient.builder("desk")
 *         .address(ChatWebhookNotifier.CHANNEL, "scheduling-room").build()).build()).build()).build();
 * }</pre>
 */
public final class ChatWebhookNotifier implements Notifier {
  /** The channel recipients give a room on. */
  public static final Channel CHANNEL = Channel.of("chat");

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final Secret token;
  private final OkHttpClient http;

  private ChatWebhookNotifier(URI endpoint, Secret token, Duration timeout) {
    this.endpoint = endpoint;
    this.token = token;
    // TLS 1.2+ and the JDK's CAs; plain http only to loopback (the local stand-in of the service).
    TlsPolicy.ofDefaults().check(endpoint);
    this.http = OkHttpClients.create(TlsPolicy.ofDefaults(), timeout);
  }

  /** A notifier posting to {@code endpoint}; each call gives up after {@code timeout}. */
  public static ChatWebhookNotifier create(URI endpoint, Secret token, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
    return new ChatWebhookNotifier(endpoint, token, timeout);
  }

  @Override
  public Channel channel() {
    return CHANNEL;
  }

  // tag::send[]
  @Override
  public DeliveryResult send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    ObjectNode body = JSON.createObjectNode()
        .put("room", notification.recipient())
        .put("title", notification.subject())
        .put("text", notification.text())
        .put("severity", notification.attribute(Notification.SEVERITY).orElse("INFO"));
    Request request = new Request.Builder().url(endpoint.toString())
        .header("Authorization", "Bearer " + token.reveal())   // revealed only here, where it is sent
        .header("Idempotency-Key", notification.id())          // the same on every retry of this delivery
        .post(RequestBody.create(body.toString(), JSON_TYPE))
        .build();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      if (response.isSuccessful()) {
        return DeliveryResult.delivered(messageId(response));
      } else if (status == 429 || status >= 500) {   // the service is busy or down: the engine retries later
        String retryAfter = response.header("Retry-After");
        String reason = "chat service at " + endpoint.getHost() + " answered " + status + "; will retry";
        return retryAfter != null && retryAfter.matches("\\d{1,6}")
            ? DeliveryResult.retryable(reason, Duration.ofSeconds(Long.parseLong(retryAfter)))
            : DeliveryResult.retryable(reason);
      } else if (status == 401 || status == 403) {
        return DeliveryResult.rejected("chat service at " + endpoint.getHost() + " refused the token (" + status
            + "). Create a new token for the webhook and configure it again.");
      } else {
        return DeliveryResult.rejected("chat service at " + endpoint.getHost() + " refused the message (" + status
            + "). Check that room '" + notification.recipient() + "' exists.");
      }
    } catch (IOException e) {   // unreachable, reset, timed out: maybe transient, never thrown
      return DeliveryResult.retryable("chat service at " + endpoint.getHost() + " could not be reached ("
          + e.getClass().getSimpleName() + "); will retry");
    }
  }
  // end::send[]

  /** The service's id for the message, if its answer names one; the message is delivered either way. */
  private static String messageId(Response response) {
    try {
      String text = response.body() == null ? "" : response.body().string();
      JsonNode id = text.isBlank() ? null : JSON.readTree(text).path("id");
      return id != null && id.isTextual() ? id.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Names the endpoint, never the token. */
  @Override
  public String toString() {
    return "ChatWebhookNotifier[" + endpoint + "]";
  }
}
