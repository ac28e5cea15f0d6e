package com.optimalworkforce.core.security;

import com.optimalworkforce.core.security.internal.SealedFormat;
import com.optimalworkforce.core.security.internal.StaticKeyProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts credentials at rest with AES-256-GCM from the JDK, under keys the host supplies
 * through a {@link KeyProvider}. Each value gets a fresh random 96-bit nonce; the key id travels
 * in the sealed value's header so rotation needs no bookkeeping; a caller-given context string
 * (e.g. {@code "integration/42/credentials"}) is bound as additional authenticated data, so a
 * value copied to another slot does not open there.
 *
 * <pre>{@code
 * CredentialVault vault = CredentialVault.create(KeyProvider.ofBase64(Map.of("k1", base64Key), "k1"));
 * byte[] sealed = vault.seal(Secret.of(privateKey), "integration/42/privateKey");
 * Secret back = vault.unseal(sealed, "integration/42/privateKey");
 * byte[] rotated = vault.reencrypt(sealed, "integration/42/privateKey");   // to the current key
 * }</pre>
 *
 * <p>A changed byte, a wrong key, an unknown key id or a different context fails with a
 * {@link CredentialVaultException} that says which key id and what to check; decryption never
 * returns garbage. Thread-safe.
 */
public final class CredentialVault {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyProvider keys;
  private final SecureRandom random;

  private CredentialVault(KeyProvider keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /** A vault over the host's keys, with the JDK's default {@link SecureRandom} for nonces. */
  public static CredentialVault create(KeyProvider keys) {
    Objects.requireNonNull(keys, "keys");
    return new CredentialVault(keys, new SecureRandom());
  }

  /** Encrypts with the current key. The result holds a header, the nonce and the ciphertext with its tag. */
  public byte[] encrypt(byte[] plaintext, String context) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(context, "context");
    String keyId = keys.currentKeyId();
    StaticKeyProvider.checkKeyId(keyId);
    SecretKey key = keys.key(keyId).orElseThrow(() -> new CredentialVaultException(
        "Cannot encrypt for context '" + context + "': the KeyProvider names '" + keyId
            + "' as its current key but does not supply it. Check the KeyProvider configuration."));
    byte[] header = SealedFormat.header(keyId);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(SealedFormat.aad(header, context));
      byte[] body = cipher.doFinal(plaintext);
      return SealedFormat.join(header, nonce, body);
    } catch (GeneralSecurityException e) {
      throw new CredentialVaultException("Cannot encrypt for context '" + context + "' with key '" + keyId
          + "': " + e.getClass().getSimpleName() + ". Check that the key for '" + keyId + "' is a 32-byte AES key.", e);
    }
  }

  /** Decrypts a value sealed by {@link #encrypt} under the same context, with whichever key sealed it. */
  public byte[] decrypt(byte[] sealed, String context) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(context, "context");
    SealedFormat.Parsed parsed = SealedFormat.parse(sealed, context);
    String keyId = parsed.keyId();
    SecretKey key = keys.key(keyId).orElseThrow(() -> new CredentialVaultException(
        "Cannot decrypt for context '" + context + "': it was sealed with key '" + keyId
            + "', which the KeyProvider does not supply (current key: '" + keys.currentKeyId() + "'). Add key '"
            + keyId + "' back to the KeyProvider until every value sealed with it is re-encrypted, or enter the"
            + " credentials again."));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, parsed.nonceOffset(), NONCE_BYTES));
      cipher.updateAAD(SealedFormat.aad(Arrays.copyOf(sealed, parsed.headerLength()), context));
      return cipher.doFinal(sealed, parsed.bodyOffset(), sealed.length - parsed.bodyOffset());
    } catch (AEADBadTagException e) {
      throw new CredentialVaultException("Cannot decrypt for context '" + context + "' with key '" + keyId
          + "': authentication failed. The stored value was changed, was sealed for a different context, or the"
          + " key supplied as '" + keyId + "' is not the key it was sealed with. Check the key bytes for '" + keyId
          + "' and the context string; do not use this value.", e);
    } catch (GeneralSecurityException e) {
      throw new CredentialVaultException("Cannot decrypt for context '" + context + "' with key '" + keyId + "': "
          + e.getClass().getSimpleName() + ". Check that the key for '" + keyId + "' is a 32-byte AES key.", e);
    }
  }

  /**
   * Opens a sealed value and seals it again with the current key (key rotation). Values already
   * on the current key get a fresh nonce. Run it over every stored value, then remove the old key.
   */
  public byte[] reencrypt(byte[] sealed, String context) {
    byte[] plain = decrypt(sealed, context);
    try {
      return encrypt(plain, context);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** The id of the key a sealed value was encrypted with (read from its header; not authenticated). */
  public static String keyIdOf(byte[] sealed) {
    Objects.requireNonNull(sealed, "sealed");
    return SealedFormat.parse(sealed, "?").keyId();
  }

  /** True when the value was sealed with another key than the current one. */
  public boolean needsReencryption(byte[] sealed) {
    return !keyIdOf(sealed).equals(keys.currentKeyId());
  }

  /** Seals a secret's value (UTF-8). */
  public byte[] seal(Secret secret, String context) {
    Objects.requireNonNull(secret, "secret");
    byte[] plain = secret.reveal().getBytes(StandardCharsets.UTF_8);
    try {
      return encrypt(plain, context);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Opens a value sealed by {@link #seal(Secret, String)}. */
  public Secret unseal(byte[] sealed, String context) {
    byte[] plain = decrypt(sealed, context);
    try {
      return Secret.of(new String(plain, StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Seals a set of named secrets (e.g. a connector's credentials) as one value.
   *
   * <pre>{@code
   * byte[] sealed = vault.sealAll(Map.of("publicKey", pub, "privateKey", priv), "integration/42");
   * }</pre>
   */
  public byte[] sealAll(Map<String, Secret> secrets, String context) {
    Objects.requireNonNull(secrets, "secrets");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeInt(secrets.size());
      for (Map.Entry<String, Secret> e : secrets.entrySet()) {
        Objects.requireNonNull(e.getValue(), () -> "secret '" + e.getKey() + "'");
        writeString(out, Objects.requireNonNull(e.getKey(), "secret name"));
        writeString(out, e.getValue().reveal());
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    byte[] plain = buffer.toByteArray();
    try {
      return encrypt(plain, context);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Opens a value sealed by {@link #sealAll}; the map keeps the original order. */
  public Map<String, Secret> unsealAll(byte[] sealed, String context) {
    byte[] plain = decrypt(sealed, context);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      int n = in.readInt();
      Map<String, Secret> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        out.put(readString(in), Secret.of(readString(in)));
      }
      return java.util.Collections.unmodifiableMap(out);
    } catch (IOException | RuntimeException e) {
      throw new CredentialVaultException("Cannot read the secrets sealed for context '" + context
          + "': the value decrypted but is not a set of secrets sealed by sealAll. Check that it was written by"
          + " CredentialVault.sealAll.", null);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0 || len > in.available()) {
      throw new IOException("bad length");
    }
    byte[] b = in.readNBytes(len);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CredentialVault[AES-256-GCM, currentKey=" + keys.currentKeyId() + "]";
  }
}
