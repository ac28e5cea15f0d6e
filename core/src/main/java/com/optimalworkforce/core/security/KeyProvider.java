package com.optimalworkforce.core.security;

import com.optimalworkforce.core.security.internal.StaticKeyProvider;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Supplies the AES-256 keys a {@link CredentialVault} encrypts with, by key id. The host owns the
 * keys (an environment variable, a KMS, a keystore); the SDK never stores them. One key id is
 * current: new data is sealed with it. Older keys stay available for decryption until every
 * value sealed with them has been {@linkplain CredentialVault#reencrypt re-encrypted}.
 *
 * <pre>{@code
 * KeyProvider keys = KeyProvider.ofBase64(Map.of(
 *     "2026-01", System.getenv("OW_KEY_2026_01"),     // old key, still decrypts
 *     "2026-06", System.getenv("OW_KEY_2026_06")),    // current key, encrypts
 *     "2026-06");
 * CredentialVault vault = CredentialVault.create(keys);
 * }</pre>
 *
 * <p>Key ids are 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}; they are stored in clear in
 * every sealed value, so they must not be secret.
 */
public interface KeyProvider {

  /** Key length in bytes: AES-256. */
  int KEY_BYTES = 32;

  /** The id of the key new data is encrypted with. */
  String currentKeyId();

  /** The key with this id, or empty when the provider does not (or no longer) hold it. */
  Optional<SecretKey> key(String keyId);

  /**
   * Keys held in memory.
   *
   * @param keys key id to 32 raw key bytes (copied)
   * @param currentKeyId the id new data is encrypted with; must be one of {@code keys}
   * @throws IllegalArgumentException naming the key id whose key is not 32 bytes, a malformed
   *     key id, or a current key id that is missing (never the key bytes)
   */
  static KeyProvider of(Map<String, byte[]> keys, String currentKeyId) {
    return new StaticKeyProvider(keys, currentKeyId);
  }

  /** One key, which is current. */
  static KeyProvider of(String keyId, byte[] key) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(key, "key");
    return new StaticKeyProvider(Map.of(keyId, key), keyId);
  }

  /**
   * Keys given as Base64 text (standard or URL-safe alphabet), e.g. from environment variables.
   * Generate one with {@code openssl rand -base64 32}.
   */
  static KeyProvider ofBase64(Map<String, String> base64Keys, String currentKeyId) {
    Objects.requireNonNull(base64Keys, "base64Keys");
    Map<String, byte[]> raw = new LinkedHashMap<>();
    base64Keys.forEach((id, text) -> {
      Objects.requireNonNull(text, () -> "key '" + id + "'");
      String t = text.strip();
      try {
        raw.put(id, t.contains("-") || t.contains("_") ? Base64.getUrlDecoder().decode(t) : Base64.getDecoder().decode(t));
      } catch (IllegalArgumentException e) {
        // The decoder's message can quote the offending character; keep it out.
        throw new IllegalArgumentException("key '" + id + "' is not valid Base64; supply 32 random bytes encoded"
            + " with Base64, e.g. the output of 'openssl rand -base64 32'", null);
      }
    });
    return new StaticKeyProvider(raw, currentKeyId);
  }
}
