package com.optimalworkforce.alerts.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.NotifierCompatibilityKit;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Twilio Messages API on WireMock, for the SMS notifier's tests. */
final class Twilio {
  static final String SID = "AC" + "0123456789abcdef".repeat(2);
  static final String DOWN_SID = "AC" + "deadbeef".repeat(4);
  static final Secret TOKEN = Secret.of("twilio-auth-token-5f4e3d2c1b");
  static final String FROM = "+14165550199";
  static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(20)).maxRetryAfter(Duration.ofMillis(50)).jitter(0).build();

  private Twilio() {}

  static String path(String sid) {
    return "/2010-04-01/Accounts/" + sid + "/Messages.json";
  }

  /** 201 for the right credentials, 401 otherwise, 503 always for the "down" account. */
  static void stub(WireMockExtension wm) {
    wm.stubFor(post(urlPathEqualTo(path(SID))).atPriority(1).withBasicAuth(SID, TOKEN.reveal())
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"sid\": \"SM" + "a1b2c3d4".repeat(4) + "\", \"status\": \"queued\"}")));
    wm.stubFor(post(urlPathEqualTo(path(SID))).atPriority(5).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}")));
    wm.stubFor(post(urlPathEqualTo(path(DOWN_SID))).willReturn(aResponse().withStatus(503)
        .withBody("{\"code\": 20503, \"message\": \"Service Unavailable\", \"status\": 503}")));
  }

  static TwilioSmsConfig.Builder config(WireMockExtension wm, String sid, Secret token) {
    return TwilioSmsConfig.builder().accountSid(sid).authToken(token).from(FROM).baseUrl(wm.baseUrl()).retry(FAST)
        .timeout(Duration.ofSeconds(5));
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Messages Twilio accepted (answered 201). */
  static List<NotifierCompatibilityKit.Received> accepted(WireMockExtension wm) {
    return wm.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 201).map(ServeEvent::getRequest)
        .map(r -> form(r.getBodyAsString()))
        .map(f -> new NotifierCompatibilityKit.Received(f.get("To"), f.get("Body"))).toList();
  }
}
