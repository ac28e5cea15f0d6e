package com.optimalworkforce.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import jakarta.mail.internet.MimeMessage;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailNotifierTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = Mail.server();

  private static MimeMessage withId(String id) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return id.equals(m.getHeader("X-Notification-Id", null));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).findFirst().orElseThrow();
  }

  @Test
  void sendsAUtf8PlainTextMessageFromTheSenderWithTheSubjectAndDate() throws Exception {
    Instant now = Instant.parse("2026-11-20T15:00:00Z");
    SmtpEmailNotifier email = SmtpEmailNotifier.create(Mail.plain(MAIL).clock(Clock.fixed(now, ZoneOffset.UTC))
        .build());
    DeliveryResult result = email.send(Notification.builder(Channel.EMAIL, "east@agency.example").id("n-urgent-1")
        .subject("URGENT: Unfilled shift").text("Friday 2 PM shift with Mrs. Ørsted unfilled — Zoë has 85% match")
        .attribute(Notification.SEVERITY, "URGENT").build());
    assertThat(result.isDelivered()).as(result.reason()).isTrue();
    MimeMessage m = withId("n-urgent-1");
    assertThat(m.getSubject()).isEqualTo("URGENT: Unfilled shift");
    assertThat(m.getFrom()[0].toString()).isEqualTo("Scheduling alerts <alerts@agency.example>");
    assertThat(((String) m.getContent()).strip())
        .isEqualTo("Friday 2 PM shift with Mrs. Ørsted unfilled — Zoë has 85% match");
    assertThat(m.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
    assertThat(m.getSentDate().toInstant()).isEqualTo(now);
    assertThat(m.getHeader("X-Priority", null)).isEqualTo("1");
    assertThat(result.providerId()).hasValue(m.getMessageID());
  }

  @Test
  void aMalformedRecipientIsRejectedWithoutContactingTheServer() {
    SmtpEmailNotifier email = SmtpEmailNotifier.create(Mail.plain(MAIL).port(Mail.closedPort()).build());
    DeliveryResult result = email.send(Notification.builder(Channel.EMAIL, "not an address").text("x").build());
    assertThat(result.status()).isEqualTo(DeliveryResult.Status.REJECTED);
    assertThat(result.reason()).startsWith("The recipient address is not a valid email address");
  }

  @Test
  void anUntrustedServerCertificateIsRejectedNotRetried() {
    SmtpEmailNotifier email = SmtpEmailNotifier.create(Mail.plain(MAIL).port(MAIL.getSmtps().getPort())
        .security(SmtpEmailConfig.Security.SMTPS).build());
    DeliveryResult result = email.send(Notification.builder(Channel.EMAIL, "east@agency.example").text("x").build());
    assertThat(result.status()).isEqualTo(DeliveryResult.Status.REJECTED);
    assertThat(result.reason()).contains("TLS handshake with the SMTP server 127.0.0.1:" + MAIL.getSmtps().getPort()
        + " failed (SSLHandshakeException");
  }

  /** The certificate the server presents, read with a trust-everything test client. */
  private static X509Certificate serverCertificate(int port) throws Exception {
    X509TrustManager all = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {all}, null);
    try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  @Test
  void aTrustedCertificateMustStillNameTheHost() throws Exception {
    // GreenMail's test certificate is self-signed and names no host: trusting it is not enough.
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("greenmail", serverCertificate(MAIL.getSmtps().getPort()));
    SmtpEmailNotifier email = SmtpEmailNotifier.create(Mail.plain(MAIL).host("localhost")
        .port(MAIL.getSmtps().getPort()).security(SmtpEmailConfig.Security.SMTPS)
        .tls(TlsPolicy.builder().trustStore(trust).build()).build());
    DeliveryResult result = email.send(Notification.builder(Channel.EMAIL, "east@agency.example").text("x").build());
    assertThat(result.status()).isEqualTo(DeliveryResult.Status.REJECTED);
    assertThat(result.reason()).doesNotContain("PKIX").contains("No name matching localhost found");
  }

  @Test
  void plainSmtpIsRefusedBeyondLoopbackAndTheConfigNeverShowsThePassword() {
    assertThatThrownBy(() -> SmtpEmailConfig.builder().host("smtp.agency.example")
        .security(SmtpEmailConfig.Security.NONE).from("alerts@agency.example").build())
        .hasMessageContaining("an unencrypted connection to smtp.agency.example is refused by the TLS policy");
    assertThatThrownBy(() -> SmtpEmailConfig.builder().from("alerts at agency")).hasMessageContaining("'alerts at agency'");
    assertThatThrownBy(() -> SmtpEmailConfig.builder().from("a@b.example").build()).hasMessageContaining("host is required");
    SmtpEmailConfig config = SmtpEmailConfig.builder().host("smtp.agency.example").login("alerts", Mail.PASSWORD)
        .from("alerts@agency.example").build();
    assertThat(config.port()).isEqualTo(587);
    assertThat(SmtpEmailNotifier.create(config).toString()).doesNotContain(Mail.PASSWORD.reveal());
  }
}
