package com.optimalworkforce.alerts.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.NotifierCompatibilityKit;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** GreenMail servers for the email notifier's tests. */
final class Mail {
  static final String USER = "alerts@agency.example";
  static final Secret PASSWORD = Secret.of("smtp-pass-4d3c2b1a");

  private Mail() {}

  /** SMTP (and SMTPS) on free ports, one login, kept for the whole test class. */
  static GreenMailExtension server() {
    ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
    ServerSetup smtps = ServerSetupTest.SMTPS.dynamicPort();
    // The build machine is shared: give the servers more than GreenMail's default 2 s to start.
    smtp.setServerStartupTimeout(20_000);
    smtps.setServerStartupTimeout(20_000);
    return new GreenMailExtension(new ServerSetup[] {smtp, smtps})
        .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, "alerts", PASSWORD.reveal()))
        .withPerMethodLifecycle(false);
  }

  static SmtpEmailConfig.Builder plain(GreenMailExtension mail) {
    return SmtpEmailConfig.builder().host("127.0.0.1").port(mail.getSmtp().getPort())
        .security(SmtpEmailConfig.Security.NONE).login("alerts", PASSWORD).from(USER, "Scheduling alerts")
        .timeout(java.time.Duration.ofSeconds(5));
  }

  static List<NotifierCompatibilityKit.Received> received(GreenMailExtension mail) {
    return Arrays.stream(mail.getReceivedMessages()).map(Mail::toReceived).toList();
  }

  static NotifierCompatibilityKit.Received toReceived(MimeMessage m) {
    try {
      String to = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
      return new NotifierCompatibilityKit.Received(to, ((String) m.getContent()).strip());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Cannot read a received message", e);
    }
  }

  /** A port nothing listens on. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
