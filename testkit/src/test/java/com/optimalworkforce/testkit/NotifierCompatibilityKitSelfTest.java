package com.optimalworkforce.testkit;

import static com.optimalworkforce.testkit.KitRuns.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Secret;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * The kit must fail a broken notifier: it is run here, through the JUnit Platform, against
 * deliberately broken notifiers, and the right tests must fail while a healthy one passes.
 */
class NotifierCompatibilityKitSelfTest {
  static final Secret TOKEN = Secret.of("tok-9f8e7d6c5b4a");

  /** An in-memory "service" and a well-behaved notifier for it. */
  static class GoodNotifier implements Notifier {
    final List<NotifierCompatibilityKit.Received> inbox;
    final boolean serviceUp;
    final Secret token;

    GoodNotifier(List<NotifierCompatibilityKit.Received> inbox, boolean serviceUp, Secret token) {
      this.inbox = inbox;
      this.serviceUp = serviceUp;
      this.token = token;
    }

    @Override
    public Channel channel() {
      return Channel.of("memo");
    }

    @Override
    public DeliveryResult send(Notification n) {
      Objects.requireNonNull(n, "notification");
      if (!serviceUp) {
        return DeliveryResult.retryable("The memo service refused the connection; it will be retried");
      }
      if (!token.equals(TOKEN)) {
        return rejection();
      }
      deliver(n);
      return DeliveryResult.delivered(null);
    }

    DeliveryResult rejection() {
      return DeliveryResult.rejected("The memo service rejected the token (401); check the configured token");
    }

    void deliver(Notification n) {
      inbox.add(new NotifierCompatibilityKit.Received(n.recipient(), n.text()));
    }
  }

  /** Throws instead of returning a RETRYABLE result when the service is down. */
  static class ThrowingNotifier extends GoodNotifier {
    ThrowingNotifier(List<NotifierCompatibilityKit.Received> inbox, boolean up, Secret token) {
      super(inbox, up, token);
    }

    @Override
    public DeliveryResult send(Notification n) {
      if (!serviceUp) {
        throw new UncheckedIOException(new ConnectException("Connection refused"));
      }
      return super.send(n);
    }
  }

  /** Sends every message twice (e.g. retries a request that had succeeded). */
  static class DoubleSendingNotifier extends GoodNotifier {
    DoubleSendingNotifier(List<NotifierCompatibilityKit.Received> inbox, boolean up, Secret token) {
      super(inbox, up, token);
    }

    @Override
    void deliver(Notification n) {
      super.deliver(n);
      super.deliver(n);
    }
  }

  /** Puts the token it was given into its rejection reason and its toString(). */
  static class LeakyNotifier extends GoodNotifier {
    LeakyNotifier(List<NotifierCompatibilityKit.Received> inbox, boolean up, Secret token) {
      super(inbox, up, token);
    }

    @Override
    DeliveryResult rejection() {
      return DeliveryResult.rejected("token " + token.reveal() + " was rejected");
    }

    @Override
    public String toString() {
      return "LeakyNotifier[token=" + TOKEN.reveal() + "]";
    }
  }

  /** Loses what it cannot encode in ASCII, as a client sending ISO-8859-1 or ASCII would. */
  static class LossyNotifier extends GoodNotifier {
    LossyNotifier(List<NotifierCompatibilityKit.Received> inbox, boolean up, Secret token) {
      super(inbox, up, token);
    }

    @Override
    void deliver(Notification n) {
      inbox.add(new NotifierCompatibilityKit.Received(n.recipient(), n.text().replaceAll("[^\\x00-\\x7F]", "?")));
    }
  }

  interface Factory {
    GoodNotifier create(List<NotifierCompatibilityKit.Received> inbox, boolean up, Secret token);
  }

  abstract static class BaseCase extends NotifierCompatibilityKit {
    final List<Received> inbox = new CopyOnWriteArrayList<>();

    abstract Factory factory();

    @Override
    protected Notifier newNotifier() {
      return factory().create(inbox, true, TOKEN);
    }

    @Override
    protected String recipient() {
      return "east-schedulers";
    }

    @Override
    protected List<Received> received() {
      return List.copyOf(inbox);
    }

    @Override
    protected Notifier newNotifierForUnavailableService() {
      return factory().create(inbox, false, TOKEN);
    }

    @Override
    protected Optional<Notifier> newNotifierWithRejectedCredentials() {
      return Optional.of(factory().create(inbox, true, Secret.of("wrong-token")));
    }

    @Override
    protected Set<Secret> secrets() {
      return Set.of(TOKEN, Secret.of("wrong-token"));
    }
  }

  /** Not run by Surefire (nested); run below through the engine. */
  static class HealthyCase extends BaseCase {
    @Override
    Factory factory() {
      return GoodNotifier::new;
    }
  }

  static class ThrowingCase extends BaseCase {
    @Override
    Factory factory() {
      return ThrowingNotifier::new;
    }
  }

  static class DoubleSendingCase extends BaseCase {
    @Override
    Factory factory() {
      return DoubleSendingNotifier::new;
    }
  }

  static class LeakyCase extends BaseCase {
    @Override
    Factory factory() {
      return LeakyNotifier::new;
    }
  }

  static class LossyCase extends BaseCase {
    @Override
    Factory factory() {
      return LossyNotifier::new;
    }
  }

  /** A healthy notifier with no service that can be down (an in-memory feed): the outage check is skipped. */
  static class NoServiceCase extends HealthyCase {
    @Override
    protected Notifier newNotifierForUnavailableService() {
      Assumptions.abort("the memo feed is in memory: there is no service to lose");
      throw new AssertionError("not reached");
    }
  }

  private static Map<String, Status> outcomes(Class<?> kitCase) {
    return results(kitCase).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getStatus()));
  }

  @Test
  void kitPassesAHealthyNotifier() {
    Map<String, TestExecutionResult> results = results(HealthyCase.class);
    assertThat(results).hasSize(9).allSatisfy((name, result) -> assertThat(result.getStatus())
        .as("%s: %s", name, result.getThrowable().map(Throwable::getMessage).orElse("")).isEqualTo(Status.SUCCESSFUL));
  }

  @Test
  void kitFailsANotifierThatThrowsDuringAnOutage() {
    Map<String, TestExecutionResult> results = results(ThrowingCase.class);
    assertThat(results.get("outageIsRetryable").getStatus()).isEqualTo(Status.FAILED);
    assertThat(results.get("outageIsRetryable").getThrowable().orElseThrow()).hasMessageContaining("Connection refused");
    assertThat(results.get("deliversExactlyOnce").getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsANotifierThatDeliversTwice() {
    Map<String, TestExecutionResult> results = results(DoubleSendingCase.class);
    assertThat(results.get("deliversExactlyOnce").getStatus()).isEqualTo(Status.FAILED);
    assertThat(results.get("deliversExactlyOnce").getThrowable().orElseThrow()).hasMessageContaining("size");
    assertThat(results.get("concurrentSendsAreEachDeliveredOnce").getStatus()).isEqualTo(Status.FAILED);
    assertThat(results.get("outageIsRetryable").getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsANotifierThatLosesNonAsciiText() {
    Map<String, Status> results = outcomes(LossyCase.class);
    assertThat(results).containsEntry("keepsNonAsciiText", Status.FAILED)
        .containsEntry("deliversExactlyOnce", Status.SUCCESSFUL);
  }

  @Test
  void aNotifierWithoutAServiceSkipsOnlyTheOutageCheckWithItsReason() {
    Map<String, TestExecutionResult> results = results(NoServiceCase.class);
    assertThat(results.get("outageIsRetryable").getStatus()).isEqualTo(Status.ABORTED);
    assertThat(results.get("outageIsRetryable").getThrowable().orElseThrow())
        .hasMessageContaining("there is no service to lose");
    assertThat(results).hasSize(9).allSatisfy((name, result) -> {
      if (!name.equals("outageIsRetryable")) {
        assertThat(result.getStatus()).as(name).isEqualTo(Status.SUCCESSFUL);
      }
    });
  }

  @Test
  void kitFailsANotifierThatLeaksItsSecret() {
    Map<String, Status> results = outcomes(LeakyCase.class);
    assertThat(results).containsEntry("rejectedCredentialsAreRejected", Status.FAILED)
        .containsEntry("toStringShowsNoSecret", Status.FAILED)
        .containsEntry("deliversExactlyOnce", Status.SUCCESSFUL);
  }
}
