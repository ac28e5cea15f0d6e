package com.optimalworkforce.core.http;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A tiny HTTPS server that speaks only one (old) TLS version, run by {@link TlsPolicyTest} in a
 * separate JVM whose {@code jdk.tls.disabledAlgorithms} allows it (the test JVM's JDK refuses TLS
 * 1.0/1.1 outright). It proves it works by completing a handshake with itself at that version,
 * prints {@code READY <port>}, serves {@code 200 ok} to whoever completes a handshake, and exits
 * when its standard input closes.
 *
 * <p>Arguments: PKCS12 keystore path, keystore password, protocol (e.g. {@code TLSv1.1}).
 */
public final class LegacyTlsServer {
  private LegacyTlsServer() {}

  public static void main(String[] args) throws Exception {
    char[] password = args[1].toCharArray();
    String protocol = args[2];
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(args[0])) {
      ks.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    SSLServerSocket socket = (SSLServerSocket) server.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setEnabledProtocols(new String[] {protocol});

    Thread acceptor = new Thread(() -> {
      while (true) {
        try (Socket s = socket.accept()) {
          s.setSoTimeout(5_000);
          ((SSLSocket) s).startHandshake();
          InputStream in = s.getInputStream();
          byte[] buffer = new byte[8192];
          int n = in.read(buffer);
          if (n > 0) {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
        } catch (Exception refused) {
          // a client that refuses our protocol: next
        }
      }
    }, "legacy-tls-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();

    // Self-check: a client allowing only this protocol completes a handshake.
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {new TrustAll()}, null);
    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), socket.getLocalPort())) {
      s.setEnabledProtocols(new String[] {protocol});
      s.startHandshake();
      if (!protocol.equals(s.getSession().getProtocol())) {
        throw new IllegalStateException("negotiated " + s.getSession().getProtocol() + " instead of " + protocol);
      }
    }
    System.out.println("READY " + socket.getLocalPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // wait for the parent to close our input
    }
    System.exit(0);
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
