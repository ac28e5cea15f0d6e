package com.optimalworkforce.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.http.okhttp.OkHttpClients;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS servers on loopback with certificates generated here: a TLS-1.2-only server in this
 * JVM, and a TLS-1.1-only server in a child JVM whose security properties allow TLS 1.1.
 */
class TlsPolicyTest {
  private static final HeldCertificate CERT = new HeldCertificate.Builder()
      .addSubjectAlternativeName("localhost").commonName("localhost").rsa2048().duration(1, TimeUnit.HOURS).build();
  private static final HandshakeCertificates SERVER = new HandshakeCertificates.Builder().heldCertificate(CERT).build();
  private static final HandshakeCertificates CLIENT_TRUST = new HandshakeCertificates.Builder()
      .addTrustedCertificate(CERT.certificate()).build();

  @TempDir
  static Path dir;

  private static HttpsServer tls12Server;
  private static Process legacyServer;
  private static int legacyPort;

  @BeforeAll
  static void startServers() throws Exception {
    tls12Server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tls12Server.setHttpsConfigurator(new HttpsConfigurator(SERVER.sslContext()) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = SERVER.sslContext().getDefaultSSLParameters();
        p.setProtocols(new String[] {"TLSv1.2"});
        params.setSSLParameters(p);
      }
    });
    tls12Server.createContext("/", exchange -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    tls12Server.start();
    legacyPort = startLegacyServer("TLSv1.1");
  }

  private static int startLegacyServer(String protocol) throws Exception {
    String password = "test-only";
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", CERT.keyPair().getPrivate(), password.toCharArray(), new Certificate[] {CERT.certificate()});
    Path keystore = dir.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      ks.store(out, password.toCharArray());
    }
    // The child JVM keeps the JDK's other restrictions but allows TLS 1.0/1.1.
    Path security = dir.resolve("legacy.security");
    Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
        + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
    String classes = Path.of(LegacyTlsServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    legacyServer = new ProcessBuilder(java, "-Djava.security.properties=" + security, "-cp", classes,
        LegacyTlsServer.class.getName(), keystore.toString(), password, protocol)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(legacyServer.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the TLS 1.1 server in the child JVM started and handshook with itself").startsWith("READY ");
    return Integer.parseInt(line.substring("READY ".length()).trim());
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (tls12Server != null) {
      tls12Server.stop(0);
    }
    if (legacyServer != null) {
      legacyServer.getOutputStream().close();
      if (!legacyServer.waitFor(5, TimeUnit.SECONDS)) {
        legacyServer.destroy();
      }
    }
  }

  private static TlsPolicy trusting(TlsPolicy base) {
    return base.toBuilder().trustManager(CLIENT_TRUST.trustManager()).build();
  }

  private static HttpResponse<String> jdkGet(TlsPolicy policy, int port) throws Exception {
    HttpClient client = policy.applyTo(HttpClient.newBuilder()).connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String okGet(TlsPolicy policy, int port) throws IOException {
    OkHttpClient client = OkHttpClients.create(policy, Duration.ofSeconds(5));
    try (Response r = client.newCall(new Request.Builder().url("https://localhost:" + port + "/").build()).execute()) {
      return r.body().string();
    }
  }

  @Test
  void defaultsAreTls13And12() {
    assertThat(TlsPolicy.ofDefaults().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(TlsPolicy.tls13Only().protocols()).containsExactly("TLSv1.3");
    assertThat(TlsPolicy.ofDefaults().sslParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void theDefaultPolicyAcceptsATls12Server() throws Exception {
    assertThat(jdkGet(trusting(TlsPolicy.ofDefaults()), tls12Server.getAddress().getPort()).body()).isEqualTo("ok");
    assertThat(okGet(trusting(TlsPolicy.ofDefaults()), tls12Server.getAddress().getPort())).isEqualTo("ok");
  }

  @Test
  void tls13OnlyRefusesATls12Server() {
    int port = tls12Server.getAddress().getPort();
    assertThatThrownBy(() -> jdkGet(trusting(TlsPolicy.tls13Only()), port)).hasRootCauseInstanceOf(SSLHandshakeException.class);
    assertThatThrownBy(() -> okGet(trusting(TlsPolicy.tls13Only()), port))
        .isInstanceOf(SSLHandshakeException.class)
        .satisfies(e -> assertThat(FailureClassifier.forHost("localhost").classify(e))
            .hasMessageStartingWith("Unreachable: a secure connection to localhost failed")
            .hasMessageContaining("TLS 1.2 or newer is required")
            .extracting(c -> c.failure()).isEqualTo(ConnectionFailure.UNREACHABLE));
  }

  @Test
  void theDefaultPolicyRefusesAServerOfferingOnlyTls11() {
    assertThatThrownBy(() -> jdkGet(trusting(TlsPolicy.ofDefaults()), legacyPort))
        .satisfies(e -> assertThat(e).hasRootCauseInstanceOf(SSLHandshakeException.class));
    // Refused for its protocol: the same trust accepts the TLS 1.2 server above.
    assertThatThrownBy(() -> okGet(trusting(TlsPolicy.ofDefaults()), legacyPort))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("protocol");
  }

  @Test
  void anUntrustedCertificateIsRefused() {
    assertThatThrownBy(() -> okGet(TlsPolicy.ofDefaults(), tls12Server.getAddress().getPort()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void onlyModernProtocolsCanBeConfigured() {
    assertThatThrownBy(() -> TlsPolicy.builder().protocols("TLSv1.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was 'TLSv1.1'; older versions are not allowed");
    assertThat(TlsPolicy.builder().protocols("TLSv1.2", "TLSv1.3").build().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void plainHttpIsAllowedOnlyToLoopbackByDefault() {
    TlsPolicy p = TlsPolicy.ofDefaults();
    assertThat(p.permits(URI.create("http://localhost:8080/x"))).isTrue();
    assertThat(p.permits(URI.create("http://127.0.0.1/x"))).isTrue();
    assertThat(p.permits(URI.create("http://[::1]:9/x"))).isTrue();
    assertThat(p.permits(URI.create("http://example.alayacare.com/x"))).isFalse();
    assertThat(p.permits(URI.create("https://example.alayacare.com/x"))).isTrue();
    assertThat(p.permits(URI.create("ftp://localhost/x"))).isFalse();
    TlsPolicy strict = p.toBuilder().cleartext(TlsPolicy.Cleartext.REFUSED).build();
    assertThat(strict.permits(URI.create("http://localhost/x"))).isFalse();
    assertThat(List.of(strict.toString())).singleElement().asString().contains("REFUSED");
  }
}
