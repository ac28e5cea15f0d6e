package com.optimalworkforce.alerts.notify;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.NotifierCompatibilityKit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Twilio SMS notifier against a Twilio API on WireMock, through the compatibility kit. */
class TwilioSmsNotifierCompatibilityTest extends NotifierCompatibilityKit {
  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Secret WRONG = Secret.of("wrong-token-0a9b8c7d");

  @BeforeEach
  void stubs() {
    Twilio.stub(WM);
  }

  @Override
  protected Notifier newNotifier() {
    return TwilioSmsNotifier.create(Twilio.config(WM, Twilio.SID, Twilio.TOKEN).build());
  }

  @Override
  protected String recipient() {
    return "+14165550100";
  }

  @Override
  protected List<Received> received() {
    return Twilio.accepted(WM);
  }

  @Override
  protected Notifier newNotifierForUnavailableService() {
    return TwilioSmsNotifier.create(Twilio.config(WM, Twilio.DOWN_SID, Twilio.TOKEN).build());
  }

  @Override
  protected Optional<Notifier> newNotifierWithRejectedCredentials() {
    return Optional.of(TwilioSmsNotifier.create(Twilio.config(WM, Twilio.SID, WRONG).build()));
  }

  @Override
  protected Set<Secret> secrets() {
    return Set.of(Twilio.TOKEN, WRONG);
  }
}
