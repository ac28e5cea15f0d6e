package com.optimalworkforce.core.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which TLS versions and which certificate authorities every HTTP client of the SDK accepts, and
 * whether plain {@code http://} is allowed. {@link #ofDefaults()} accepts TLS 1.2 and 1.3 with the
 * JDK's trusted CAs; {@link #tls13Only()} accepts only TLS 1.3. A server offering only older
 * protocols is refused. Immutable.
 *
 * <pre>{@code
 * TlsPolicy tls = TlsPolicy.tls13Only();
 * HttpClient jdk = tls.applyTo(HttpClient.newBuilder()).build();
 * OkHttpClient ok = OkHttpClients.builder(tls, Duration.ofSeconds(30)).build();
 * List<String> forSmtp = tls.protocols();   // e.g. mail.smtp.ssl.protocols
 * }</pre>
 *
 * <p>Plain {@code http://} is allowed only to loopback hosts by default (local test servers and
 * simulators); {@link Cleartext#REFUSED} refuses it entirely.
 */
public final class TlsPolicy {
  /** TLS 1.3. */
  public static final String TLS_1_3 = "TLSv1.3";
  /** TLS 1.2. */
  public static final String TLS_1_2 = "TLSv1.2";

  /** Whether plain HTTP is allowed. */
  public enum Cleartext {
    /** Only {@code https://}. */
    REFUSED,
    /** {@code http://} only to {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}. */
    LOOPBACK_ONLY,
    /** {@code http://} to any host; for closed networks only. */
    ALLOWED
  }

  private static final TlsPolicy DEFAULTS = builder().build();
  private static final TlsPolicy TLS13 = builder().protocols(TLS_1_3).build();

  private final List<String> protocols;
  private final X509TrustManager trustManager;
  private final Cleartext cleartext;
  private volatile SSLContext sslContext;

  private TlsPolicy(Builder b) {
    this.protocols = b.protocols;
    this.trustManager = b.trustManager != null ? b.trustManager : jdkTrustManager(null);
    this.cleartext = b.cleartext;
  }

  /** TLS 1.3 and 1.2, the JDK's trusted CAs, plain HTTP only to loopback. */
  public static TlsPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** TLS 1.3 only, the JDK's trusted CAs, plain HTTP only to loopback. */
  public static TlsPolicy tls13Only() {
    return TLS13;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.protocols = protocols;
    b.trustManager = trustManager;
    b.cleartext = cleartext;
    return b;
  }

  /** The accepted protocol names, newest first, e.g. {@code [TLSv1.3, TLSv1.2]}. */
  public List<String> protocols() {
    return protocols;
  }

  public X509TrustManager trustManager() {
    return trustManager;
  }

  public Cleartext cleartext() {
    return cleartext;
  }

  /** An SSL context trusting {@link #trustManager()}; restrict protocols with {@link #sslParameters()}. */
  public SSLContext sslContext() {
    SSLContext ctx = sslContext;
    if (ctx == null) {
      try {
        ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trustManager}, null);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("The JDK cannot create a TLS context: " + e.getMessage(), e);
      }
      sslContext = ctx;
    }
    return ctx;
  }

  /** Parameters that enable only {@link #protocols()} and check the server's host name. */
  public SSLParameters sslParameters() {
    SSLParameters p = sslContext().getDefaultSSLParameters();
    p.setProtocols(protocols.toArray(String[]::new));
    p.setEndpointIdentificationAlgorithm("HTTPS");
    return p;
  }

  /** Applies the context and parameters to a JDK {@code HttpClient} builder. */
  public HttpClient.Builder applyTo(HttpClient.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    return builder.sslContext(sslContext()).sslParameters(sslParameters());
  }

  /** True when this policy lets a request go to {@code uri} (https, or http as {@link #cleartext()} allows). */
  public boolean permits(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return true;
    }
    if (!scheme.equals("http")) {
      return false;
    }
    switch (cleartext) {
      case ALLOWED:
        return true;
      case LOOPBACK_ONLY:
        return isLoopback(uri.getHost());
      default:
        return false;
    }
  }

  /**
   * Throws unless {@link #permits(URI)}.
   *
   * @throws IllegalArgumentException naming the URI's scheme and host and what to change
   */
  public void check(URI uri) {
    if (!permits(uri)) {
      throw new IllegalArgumentException("The TLS policy refuses " + uri.getScheme() + "://" + uri.getHost()
          + ": use an https:// URL" + (cleartext == Cleartext.REFUSED ? "" : " (plain http is allowed only to "
          + (cleartext == Cleartext.LOOPBACK_ONLY ? "localhost" : "any host") + ")"));
    }
  }

  /** True for {@code localhost}, {@code 127.x.x.x} and {@code ::1}, by name (no DNS lookup). */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}")
        || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
  }

  private static X509TrustManager jdkTrustManager(KeyStore store) {
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509TrustManager) {
          return (X509TrustManager) tm;
        }
      }
      throw new IllegalStateException("The JDK offers no X509TrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load trusted certificates: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsPolicy p && protocols.equals(p.protocols) && trustManager.equals(p.trustManager)
        && cleartext == p.cleartext;
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocols, trustManager, cleartext);
  }

  @Override
  public String toString() {
    return "TlsPolicy[protocols=" + protocols + ", cleartext=" + cleartext + "]";
  }

  /** Builds a {@link TlsPolicy}. */
  public static final class Builder {
    private List<String> protocols = List.of(TLS_1_3, TLS_1_2);
    private X509TrustManager trustManager;
    private Cleartext cleartext = Cleartext.LOOPBACK_ONLY;

    private Builder() {}

    /** The accepted versions: {@code TLSv1.3} and/or {@code TLSv1.2}; older ones are refused. */
    public Builder protocols(String... protocols) {
      Objects.requireNonNull(protocols, "protocols");
      if (protocols.length == 0) {
        throw new IllegalArgumentException("protocols must name at least one of " + TLS_1_3 + ", " + TLS_1_2);
      }
      for (String p : protocols) {
        if (!TLS_1_3.equals(p) && !TLS_1_2.equals(p)) {
          throw new IllegalArgumentException("protocol must be " + TLS_1_3 + " or " + TLS_1_2 + " but was '" + p
              + "'; older versions are not allowed");
        }
      }
      // Newest first, no duplicates.
      this.protocols = java.util.stream.Stream.of(TLS_1_3, TLS_1_2).filter(List.of(protocols)::contains).toList();
      return this;
    }

    /** Trust these CAs instead of the JDK's (e.g. an agency's private CA, or a test CA). */
    public Builder trustManager(X509TrustManager trustManager) {
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
      return this;
    }

    /** Trust the certificates in {@code store} instead of the JDK's. */
    public Builder trustStore(KeyStore store) {
      Objects.requireNonNull(store, "store");
      this.trustManager = jdkTrustManager(store);
      return this;
    }

    public Builder cleartext(Cleartext cleartext) {
      this.cleartext = Objects.requireNonNull(cleartext, "cleartext");
      return this;
    }

    public TlsPolicy build() {
      return new TlsPolicy(this);
    }
  }
}
