package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.security.Secret;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HAPI's FHIR client runs on the connector's OkHttp stack, so the core TLS policy decides which
 * servers it may talk to: a TLS 1.2 server with a certificate from a test CA is reached only when
 * the policy trusts that certificate (HAPI's own client would refuse it), and refused when the
 * policy asks for TLS 1.3. The token endpoint is plain HTTP on loopback, which the policy allows.
 */
class FhirR4TlsTest {
  static final HeldCertificate CERT = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
      .commonName("localhost").rsa2048().duration(1, TimeUnit.HOURS).build();
  static final HandshakeCertificates SERVER = new HandshakeCertificates.Builder().heldCertificate(CERT).build();
  static final HandshakeCertificates TRUST = new HandshakeCertificates.Builder()
      .addTrustedCertificate(CERT.certificate()).build();
  static final String BRANCHES = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{"
      + "\"resourceType\":\"Organization\",\"id\":\"east\",\"name\":\"East\",\"extension\":[{\"url\":"
      + "\"http://hl7.org/fhir/StructureDefinition/timezone\",\"valueCode\":\"America/Toronto\"}],\"type\":[{"
      + "\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/organization-type\",\"code\":\"prov\"}]}]}}]}";
  static final AtomicInteger ANSWERED = new AtomicInteger();
  static HttpsServer fhir;
  static WireMockServer tokens;

  @BeforeAll
  static void start() throws Exception {
    fhir = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fhir.setHttpsConfigurator(new HttpsConfigurator(SERVER.sslContext()) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = SERVER.sslContext().getDefaultSSLParameters();
        p.setProtocols(new String[] {"TLSv1.2"});
        params.setSSLParameters(p);
      }
    });
    fhir.createContext("/fhir/Organization", exchange -> {
      ANSWERED.incrementAndGet();
      byte[] body = BRANCHES.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    fhir.start();
    tokens = LoopbackWireMock.start();
    LoopbackWireMock.stubFhirToken(tokens);
  }

  @AfterAll
  static void stop() {
    fhir.stop(0);
    tokens.stop();
  }

  static WellSkyConnector connector(TlsPolicy tls) {
    return WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
        .baseUrl(URI.create("https://localhost:" + fhir.getAddress().getPort() + "/fhir"))
        .tokenUrl(URI.create(tokens.baseUrl() + "/connect/token"))
        .clientId("client").clientSecret(Secret.of("s")).tlsPolicy(tls).rateLimit(RateLimitPolicy.unlimited())
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
        .timeout(Duration.ofSeconds(5))
        .build());
  }

  @Test
  void aServerTrustedByThePolicyIsReached() {
    int before = ANSWERED.get();
    try (WellSkyConnector c = connector(TlsPolicy.ofDefaults().toBuilder().trustManager(TRUST.trustManager()).build())) {
      assertThat(c.listRegions()).extracting(Region::id).containsExactly("east");
    }
    assertThat(ANSWERED.get() - before).isEqualTo(1);
  }

  @Test
  void aCertificateThePolicyDoesNotTrustIsRefused() {
    ConnectionCheck check;
    try (WellSkyConnector c = connector(TlsPolicy.ofDefaults())) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.UNREACHABLE);
    assertThat(check.message()).contains("secure connection");
  }

  @Test
  void aTls12ServerIsRefusedWhenThePolicyAsksForTls13() {
    int before = ANSWERED.get();
    ConnectionCheck check;
    try (WellSkyConnector c = connector(TlsPolicy.tls13Only().toBuilder().trustManager(TRUST.trustManager()).build())) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.UNREACHABLE);
    assertThat(check.message()).contains("secure connection");
    assertThat(ANSWERED.get() - before).isZero();
  }
}
