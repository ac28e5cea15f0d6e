package com.optimalworkforce.core.model.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds a stable content hash: SHA-256 over a length-prefixed encoding of the fields, so that
 * ("ab","c") and ("a","bc") differ and null differs from "". Not API.
 */
public final class ContentHasher {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte NULL = 0;
  private static final byte VALUE = 1;

  private final MessageDigest digest;
  private final byte[] lengthBuffer = new byte[4];

  private ContentHasher(String recordType) {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    add(recordType);
  }

  public static ContentHasher of(String recordType) {
    return new ContentHasher(recordType);
  }

  public ContentHasher add(String value) {
    if (value == null) {
      digest.update(NULL);
      return this;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(VALUE);
    int n = bytes.length;
    lengthBuffer[0] = (byte) (n >>> 24);
    lengthBuffer[1] = (byte) (n >>> 16);
    lengthBuffer[2] = (byte) (n >>> 8);
    lengthBuffer[3] = (byte) n;
    digest.update(lengthBuffer);
    digest.update(bytes);
    return this;
  }

  public ContentHasher add(Object value) {
    return add(value == null ? null : value.toString());
  }

  public ContentHasher add(Instant value) {
    return add(value == null ? null : value.toString());
  }

  public ContentHasher add(boolean value) {
    return add(value ? "true" : "false");
  }

  public ContentHasher add(long value) {
    return add(Long.toString(value));
  }

  /** Adds a set in sorted order so iteration order never changes the hash. */
  public ContentHasher addSorted(Collection<String> values) {
    if (values == null) {
      digest.update(NULL);
      return this;
    }
    List<String> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    add((long) sorted.size());
    for (String v : sorted) {
      add(v);
    }
    return this;
  }

  /** The first 128 bits of the digest, as 32 lowercase hex characters. */
  public String hex() {
    byte[] full = digest.digest();
    return HEX.formatHex(full, 0, 16);
  }
}
