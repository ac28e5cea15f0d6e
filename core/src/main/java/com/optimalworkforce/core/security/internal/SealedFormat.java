package com.optimalworkforce.core.security.internal;

import com.optimalworkforce.core.security.CredentialVaultException;
import java.nio.charset.StandardCharsets;

/**
 * Layout of a sealed value: {@code 'O' 'W' version keyIdLength keyId nonce(12) ciphertext+tag(16)}.
 * The additional authenticated data is the header followed by a zero byte and the UTF-8 context,
 * so neither the key id nor the context can be swapped without failing authentication.
 */
public final class SealedFormat {
  private static final byte M0 = 'O';
  private static final byte M1 = 'W';
  private static final byte VERSION = 1;
  private static final int NONCE = 12;
  private static final int TAG = 16;

  private SealedFormat() {}

  /** What {@link #parse} found. */
  public record Parsed(String keyId, int headerLength, int nonceOffset, int bodyOffset) {}

  public static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] h = new byte[4 + id.length];
    h[0] = M0;
    h[1] = M1;
    h[2] = VERSION;
    h[3] = (byte) id.length;
    System.arraycopy(id, 0, h, 4, id.length);
    return h;
  }

  public static byte[] aad(byte[] header, String context) {
    byte[] c = context.getBytes(StandardCharsets.UTF_8);
    byte[] aad = new byte[header.length + 1 + c.length];
    System.arraycopy(header, 0, aad, 0, header.length);
    System.arraycopy(c, 0, aad, header.length + 1, c.length);
    return aad;
  }

  public static byte[] join(byte[] header, byte[] nonce, byte[] body) {
    byte[] out = new byte[header.length + nonce.length + body.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(nonce, 0, out, header.length, nonce.length);
    System.arraycopy(body, 0, out, header.length + nonce.length, body.length);
    return out;
  }

  public static Parsed parse(byte[] sealed, String context) {
    if (sealed.length < 5 || sealed[0] != M0 || sealed[1] != M1) {
      throw notSealed(context, "it does not start with the vault's header");
    }
    if (sealed[2] != VERSION) {
      throw notSealed(context, "it has format version " + sealed[2] + " but this vault reads version " + VERSION);
    }
    int idLength = sealed[3] & 0xff;
    int headerLength = 4 + idLength;
    if (idLength == 0 || sealed.length < headerLength + NONCE + TAG) {
      throw notSealed(context, "it is too short (" + sealed.length + " bytes); it was probably truncated");
    }
    String keyId = new String(sealed, 4, idLength, StandardCharsets.US_ASCII);
    if (!keyId.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw notSealed(context, "its key id is malformed");
    }
    return new Parsed(keyId, headerLength, headerLength, headerLength + NONCE);
  }

  private static CredentialVaultException notSealed(String context, String why) {
    return new CredentialVaultException("Cannot decrypt for context '" + context + "': the data is not a value sealed"
        + " by CredentialVault (" + why + "). Check that the stored bytes were written by CredentialVault.encrypt"
        + " and read back unchanged.");
  }
}
