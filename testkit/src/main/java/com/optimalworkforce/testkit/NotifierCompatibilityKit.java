package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Notifier} must meet, as a JUnit 5 suite a notifier's test extends. The
 * test supplies a notifier wired to a real service on loopback (WireMock, GreenMail, ...), a valid
 * recipient, what the service received, and a notifier whose service is down; the kit does the
 * rest.
 *
 * <pre>{@code
 * class AcmeSmsNotifierCompatibilityTest extends NotifierCompatibilityKit {
 *   @RegisterExtension static WireMockExtension wm = WireMockExtension.newInstance().build();
 *   protected Notifier newNotifier() { return AcmeSms.create(wm.baseUrl(), TOKEN); }
 *   protected String recipient() { return "+14165550100"; }
 *   protected List<Received> received() { return parse(wm.getAllServeEvents()); }
 *   protected Notifier newNotifierForUnavailableService() { return AcmeSms.create("http://127.0.0.1:9", TOKEN); }
 * }
 * }</pre>
 *
 * <p>It checks that a notification is delivered exactly once to the right recipient with its text
 * intact (non-ASCII included, long texts not lost); that concurrent sends are each delivered once;
 * that an outage is reported as a {@link DeliveryResult.Status#RETRYABLE} result, in bounded time,
 * rather than thrown; that rejected credentials are a {@link DeliveryResult.Status#REJECTED}
 * result whose reason names no secret; that no secret shows in {@code toString()}; and that a null
 * notification is refused. A channel without credentials skips the credentials check; one without a
 * service that can be down (an in-memory feed) skips the outage check by aborting
 * {@link #newNotifierForUnavailableService()}.
 */
public abstract class NotifierCompatibilityKit {
  private final List<Notifier> opened = new ArrayList<>();

  /** What the service behind a notifier received: the recipient (as the test maps it) and the text. */
  public record Received(String recipient, String text) {}

  /** A notifier wired to a working service. A new instance per call. */
  protected abstract Notifier newNotifier();

  /** An address on the notifier's channel that the service accepts. */
  protected abstract String recipient();

  /** Everything the service received so far, in any order. */
  protected abstract List<Received> received();

  /**
   * A notifier whose service is down (refuses connections or answers 503). A notifier with no
   * service to lose, such as an in-memory dashboard feed, cannot be down: it calls
   * {@code Assumptions.abort("why")} here, and the outage check is reported as skipped with that
   * reason.
   */
  protected abstract Notifier newNotifierForUnavailableService();

  /** A notifier whose credentials the service rejects; empty when the channel has none. */
  protected Optional<Notifier> newNotifierWithRejectedCredentials() {
    return Optional.empty();
  }

  /** The secrets the notifiers are configured with, which must never show. */
  protected Set<Secret> secrets() {
    return Set.of();
  }

  /** The longest a send to a service that is down may take before it answers. */
  protected Duration outageBudget() {
    return Duration.ofSeconds(20);
  }

  private Notifier track(Notifier n) {
    opened.add(n);
    return n;
  }

  @AfterEach
  void closeNotifiers() {
    for (Notifier n : opened) {
      n.close();
    }
    opened.clear();
  }

  private Notification notification(Channel channel, String text) {
    return Notification.builder(channel, recipient()).id("kit-" + UUID.randomUUID())
        .subject("Compatibility kit").text(text).attribute(Notification.SEVERITY, "INFO").build();
  }

  private List<Received> receivedWith(String token) {
    return received().stream().filter(r -> r.text() != null && r.text().contains(token)).toList();
  }

  private static String token() {
    return "kit" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  @DisplayName("the notifier names its channel")
  void channelIsNamed() {
    assertThat(track(newNotifier()).channel()).isNotNull();
  }

  @Test
  @DisplayName("a notification is delivered exactly once, to its recipient, with its text")
  void deliversExactlyOnce() {
    Notifier notifier = track(newNotifier());
    String token = token();
    String text = "Friday 2 PM shift unfilled - Sarah has 85% match (accepted 6/7 similar shifts). " + token;
    DeliveryResult result = notifier.send(notification(notifier.channel(), text));
    assertThat(result.isDelivered()).as("delivery result: %s", result).isTrue();
    List<Received> got = receivedWith(token);
    assertThat(got).as("messages the service received carrying %s", token).hasSize(1);
    assertThat(got.get(0).text()).contains(text);
    assertThat(got.get(0).recipient()).isEqualTo(recipient());
  }

  @Test
  @DisplayName("non-ASCII text arrives intact")
  void keepsNonAsciiText() {
    Notifier notifier = track(newNotifier());
    String token = token();
    String text = "Zoë's 2 PM shift with Mrs. Ørsted — now open ✓ " + token;
    assertThat(notifier.send(notification(notifier.channel(), text)).isDelivered()).isTrue();
    assertThat(receivedWith(token)).singleElement().satisfies(r -> assertThat(r.text()).contains(text));
  }

  @Test
  @DisplayName("a long text is delivered, not refused (it may be shortened)")
  void deliversLongText() {
    Notifier notifier = track(newNotifier());
    String token = token();
    String text = token + " " + "Priority backups: Lisa (90%), Rachel (85%), Mike (78%). ".repeat(60);
    DeliveryResult result = notifier.send(notification(notifier.channel(), text));
    assertThat(result.isDelivered()).as("delivery result: %s", result).isTrue();
    assertThat(receivedWith(token)).singleElement().satisfies(r -> assertThat(r.text()).contains(text.substring(0, 120)));
  }

  @Test
  @DisplayName("concurrent sends are each delivered exactly once")
  void concurrentSendsAreEachDeliveredOnce() throws Exception {
    Notifier notifier = track(newNotifier());
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tokens.add(token());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DeliveryResult>> results = new ArrayList<>();
      for (String t : tokens) {
        results.add(pool.submit(() -> notifier.send(notification(notifier.channel(), "Concurrent " + t))));
      }
      for (Future<DeliveryResult> f : results) {
        DeliveryResult r = f.get(60, TimeUnit.SECONDS);
        assertThat(r.isDelivered()).as("delivery result: %s", r).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    for (String t : tokens) {
      assertThat(receivedWith(t)).as("messages carrying %s", t).hasSize(1);
    }
  }

  @Test
  @DisplayName("an outage is a RETRYABLE result, returned in bounded time, not an exception")
  void outageIsRetryable() {
    Notifier notifier = track(newNotifierForUnavailableService());
    assertNoSecretIn(notifier.toString());
    long t0 = System.nanoTime();
    DeliveryResult result = notifier.send(notification(notifier.channel(), "During an outage " + token()));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(result.status()).as("result: %s", result).isEqualTo(DeliveryResult.Status.RETRYABLE);
    assertThat(result.reason()).isNotBlank();
    assertThat(took).as("time to report the outage").isLessThanOrEqualTo(outageBudget());
    assertNoSecretIn(result.reason());
  }

  @Test
  @DisplayName("rejected credentials are a REJECTED result whose reason names no secret")
  void rejectedCredentialsAreRejected() {
    Optional<Notifier> maybe = newNotifierWithRejectedCredentials();
    Assumptions.assumeTrue(maybe.isPresent(), "the channel has no credentials");
    Notifier notifier = track(maybe.get());
    assertNoSecretIn(notifier.toString());
    DeliveryResult result = notifier.send(notification(notifier.channel(), "Bad credentials " + token()));
    assertThat(result.status()).as("result: %s", result).isEqualTo(DeliveryResult.Status.REJECTED);
    assertThat(result.reason()).isNotBlank();
    assertNoSecretIn(result.reason());
  }

  @Test
  @DisplayName("toString() shows no secret")
  void toStringShowsNoSecret() {
    // The notifiers for an outage and for rejected credentials are checked in their own tests.
    assertNoSecretIn(track(newNotifier()).toString());
  }

  @Test
  @DisplayName("a null notification is refused with a NullPointerException naming it")
  void nullIsRefused() {
    Notifier notifier = track(newNotifier());
    assertThatThrownBy(() -> notifier.send(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("notification");
  }

  private void assertNoSecretIn(String text) {
    for (Secret s : secrets()) {
      assertThat(text).as("text that must not show a secret").doesNotContain(s.reveal());
    }
  }
}
