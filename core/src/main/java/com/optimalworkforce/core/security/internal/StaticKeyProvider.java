package com.optimalworkforce.core.security.internal;

import com.optimalworkforce.core.security.KeyProvider;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Keys held in memory; see {@link KeyProvider#of(Map, String)}. */
public final class StaticKeyProvider implements KeyProvider {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final Map<String, SecretKey> keys;
  private final String currentKeyId;

  public StaticKeyProvider(Map<String, byte[]> keys, String currentKeyId) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(currentKeyId, "currentKeyId");
    Map<String, SecretKey> copy = new LinkedHashMap<>();
    keys.forEach((id, bytes) -> {
      checkKeyId(id);
      Objects.requireNonNull(bytes, () -> "key '" + id + "'");
      if (bytes.length != KEY_BYTES) {
        throw new IllegalArgumentException("key '" + id + "' is " + bytes.length + " bytes long but AES-256 needs "
            + KEY_BYTES + " random bytes");
      }
      byte[] own = Arrays.copyOf(bytes, bytes.length);
      copy.put(id, new SecretKeySpec(own, "AES"));
      Arrays.fill(own, (byte) 0);
    });
    if (!copy.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("current key id '" + currentKeyId + "' is not among the supplied key ids "
          + copy.keySet() + "; supply its key or choose one of those ids");
    }
    this.keys = Map.copyOf(copy);
    this.currentKeyId = currentKeyId;
  }

  /** Checks a key id's shape. */
  public static void checkKeyId(String id) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("key id must be 1 to 64 characters of A-Z a-z 0-9 . _ : - but was '" + id + "'");
    }
  }

  @Override
  public String currentKeyId() {
    return currentKeyId;
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public String toString() {
    return "KeyProvider[keyIds=" + new java.util.TreeSet<>(keys.keySet()) + ", current=" + currentKeyId + "]";
  }
}
