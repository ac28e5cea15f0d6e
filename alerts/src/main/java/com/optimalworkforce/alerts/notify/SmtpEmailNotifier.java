package com.optimalworkforce.alerts.notify;

import com.optimalworkforce.alerts.notify.internal.PolicySocketFactory;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Redactor;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email over SMTP with Jakarta Mail (Eclipse Angus): one plain-text UTF-8 message per
 * notification, STARTTLS required by default, the SDK's TLS policy for protocols and trusted CAs.
 *
 * <pre>{@code
 * Notifier email = SmtpEmailNotifier.create(SmtpEmailConfig.builder()
 *     .host("smtp.agency.example").login("alerts@agency.example", Secret.of(password))
 *     .from("alerts@agency.example", "Scheduling alerts").build());
 * email.send(Notification.builder(Channel.EMAIL, "east@agency.example").subject("Unfilled shift").text(message).build());
 * }</pre>
 *
 * <p>An unreachable server, a timeout or a 4xx SMTP reply is retryable; rejected credentials, a
 * refused or malformed recipient and 5xx replies are rejected. URGENT notifications are marked
 * high priority.
 */
public final class SmtpEmailNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailNotifier.class);

  private final SmtpEmailConfig config;
  private final Session session;
  private final Redactor redactor;
  private final InternetAddress from;

  private SmtpEmailNotifier(SmtpEmailConfig config) {
    this.config = config;
    this.redactor = config.password() == null ? Redactor.standard() : Redactor.standard().with(config.password());
    this.session = Session.getInstance(properties(config), config.username() == null ? null : new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(config.username(), config.password().reveal());
      }
    });
    try {
      this.from = new InternetAddress(config.from(), config.fromName(), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is not supported", e);
    }
  }

  public static SmtpEmailNotifier create(SmtpEmailConfig config) {
    return new SmtpEmailNotifier(Objects.requireNonNull(config, "config"));
  }

  private static Properties properties(SmtpEmailConfig c) {
    Properties p = new Properties();
    String millis = Long.toString(c.timeout().toMillis());
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", c.host());
    p.put("mail.smtp.port", Integer.toString(c.port()));
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    p.put("mail.smtp.auth", Boolean.toString(c.username() != null));
    if (c.security() != SmtpEmailConfig.Security.NONE) {
      // The policy's CAs and versions, and the host name checked by JSSE in the handshake
      // (Jakarta Mail's own identity check would validate against the JDK's CAs instead).
      p.put("mail.smtp.ssl.socketFactory", new PolicySocketFactory(c.tls()));
      p.put("mail.smtp.ssl.protocols", String.join(" ", c.tls().protocols()));
      p.put("mail.smtp.ssl.checkserveridentity", "false");
      // Never retry a failed handshake with the JDK's default factory: the policy's answer stands.
      p.put("mail.smtp.socketFactory.fallback", "false");
    }
    if (c.security() == SmtpEmailConfig.Security.STARTTLS_REQUIRED) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    } else if (c.security() == SmtpEmailConfig.Security.SMTPS) {
      p.put("mail.smtp.ssl.enable", "true");
    }
    return p;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    MimeMessage message = new MimeMessage(session);
    try {
      InternetAddress to;
      try {
        to = new InternetAddress(notification.recipient(), true);
      } catch (AddressException e) {
        return DeliveryResult.rejected("The recipient address is not a valid email address: " + e.getMessage());
      }
      message.setFrom(from);
      message.setRecipient(Message.RecipientType.TO, to);
      message.setSubject(notification.subject().isEmpty() ? "Scheduling alert" : notification.subject(), "UTF-8");
      message.setText(notification.text(), "UTF-8");
      message.setSentDate(Date.from(config.clock().instant()));
      message.setHeader("X-Notification-Id", notification.id());
      if (notification.attribute(Notification.SEVERITY).filter("URGENT"::equals).isPresent()) {
        message.setHeader("X-Priority", "1");
        message.setHeader("Importance", "high");
      }
      Transport.send(message);
      LOG.debug("SMTP server {} accepted notification {}", config.host(), notification.id());
      return DeliveryResult.delivered(message.getMessageID());
    } catch (MessagingException e) {
      return failure(e);
    }
  }

  private DeliveryResult failure(MessagingException e) {
    String server = "The SMTP server " + config.host() + ":" + config.port();
    LOG.debug("SMTP failure: {}", e.getClass().getSimpleName());
    if (e instanceof AuthenticationFailedException) {
      return DeliveryResult.rejected(server + " rejected the login" + detail(e)
          + ". Check the SMTP user name and password.");
    }
    if (e instanceof SMTPSendFailedException s) {
      return byReplyCode(server, s.getReturnCode(), e);
    }
    if (e instanceof SendFailedException s) {
      Exception next = s.getNextException();
      if (next instanceof SMTPAddressFailedException a) {
        return byReplyCode(server, a.getReturnCode(), a);
      }
      return DeliveryResult.rejected(server + " refused the recipient" + detail(e));
    }
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof SSLException || c instanceof CertificateException) {
        return DeliveryResult.rejected("The TLS handshake with the " + server.substring(4) + " failed ("
            + c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + redactor.redact(c.getMessage()))
            + "): its certificate is not trusted, does not name the host, or its TLS versions are not allowed by "
            + config.tls() + ". Check the host name and the server's certificate.");
      }
      if (c instanceof IOException) {
        return DeliveryResult.retryable("Could not reach " + server.substring(4) + " (" + c.getClass().getSimpleName()
            + "); the email was not sent and will be retried");
      }
    }
    return DeliveryResult.rejected(server + " did not take the email" + detail(e));
  }

  private DeliveryResult byReplyCode(String server, int code, MessagingException e) {
    if (code >= 400 && code < 500) {
      return DeliveryResult.retryable(server + " deferred the email (" + code + ")" + detail(e)
          + "; it will be retried");
    }
    return DeliveryResult.rejected(server + " refused the email (" + code + ")" + detail(e));
  }

  private String detail(MessagingException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "" : ": " + redactor.redact(m.strip().replaceAll("\\s+", " "));
  }

  @Override
  public String toString() {
    return "SmtpEmailNotifier[" + config + "]";
  }
}
