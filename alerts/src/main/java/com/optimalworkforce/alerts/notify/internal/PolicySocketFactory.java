package com.optimalworkforce.alerts.notify.internal;

import com.optimalworkforce.core.http.TlsPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets that follow a {@link TlsPolicy}: its trusted CAs, its protocol versions, and a host
 * name check in the handshake (JSSE's endpoint identification), for clients such as Jakarta Mail
 * that take a socket factory. Not API.
 */
public final class PolicySocketFactory extends SSLSocketFactory {
  private final TlsPolicy tls;
  private final SSLSocketFactory delegate;

  public PolicySocketFactory(TlsPolicy tls) {
    this.tls = tls;
    this.delegate = tls.sslContext().getSocketFactory();
  }

  private Socket configure(Socket s) {
    if (s instanceof SSLSocket ssl) {
      ssl.setSSLParameters(tls.sslParameters());
    }
    return s;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return configure(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return configure(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
    return configure(delegate.createSocket(s, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return configure(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return configure(delegate.createSocket(address, port, localAddress, localPort));
  }
}
