package com.optimalworkforce.alerts.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.NotifierCompatibilityKit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP email notifier against GreenMail, through the compatibility kit. */
class SmtpEmailNotifierCompatibilityTest extends NotifierCompatibilityKit {
  @RegisterExtension
  static final GreenMailExtension MAIL = Mail.server();

  static final Secret WRONG = Secret.of("not-the-password-77");

  @Override
  protected Notifier newNotifier() {
    return SmtpEmailNotifier.create(Mail.plain(MAIL).build());
  }

  @Override
  protected String recipient() {
    return "east-schedulers@agency.example";
  }

  @Override
  protected List<Received> received() {
    return Mail.received(MAIL);
  }

  @Override
  protected Notifier newNotifierForUnavailableService() {
    return SmtpEmailNotifier.create(Mail.plain(MAIL).port(Mail.closedPort()).build());
  }

  @Override
  protected Optional<Notifier> newNotifierWithRejectedCredentials() {
    return Optional.of(SmtpEmailNotifier.create(Mail.plain(MAIL).login("alerts", WRONG).build()));
  }

  @Override
  protected Set<Secret> secrets() {
    return Set.of(Mail.PASSWORD, WRONG);
  }
}
