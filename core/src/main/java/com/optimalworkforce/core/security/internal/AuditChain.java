package com.optimalworkforce.core.security.internal;

import com.optimalworkforce.core.security.AuditEntry;
import com.optimalworkforce.core.security.AuditVerification;
import com.optimalworkforce.core.security.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Hashing and checking of audit entries, shared by the in-memory and file logs. */
public final class AuditChain {
  private static final Redactor REDACTOR = Redactor.standard();
  private static final int MAX_ACTION_LENGTH = 200;

  private AuditChain() {}

  /** Checks an action and details and returns sorted, redacted details. */
  public static Map<String, String> checkedDetails(String action, Map<String, String> details) {
    if (action == null || action.isBlank() || action.length() > MAX_ACTION_LENGTH) {
      throw new IllegalArgumentException("audit action must be 1 to " + MAX_ACTION_LENGTH
          + " non-blank characters but was '" + action + "'");
    }
    Objects.requireNonNull(details, "details");
    Map<String, String> out = new TreeMap<>();
    details.forEach((k, v) -> {
      if (k == null || k.isBlank()) {
        throw new IllegalArgumentException("audit detail names must not be blank (action '" + action + "')");
      }
      Objects.requireNonNull(v, () -> "value of audit detail '" + k + "'");
      out.put(k, REDACTOR.redact(v));
    });
    return out;
  }

  /** The entry that follows {@code previousHash} at {@code sequence}. */
  public static AuditEntry next(long sequence, Instant time, String action, Map<String, String> details,
      String previousHash) {
    return new AuditEntry(sequence, time, action, details, previousHash, hash(sequence, time, action, details, previousHash));
  }

  /**
   * SHA-256 over a length-prefixed UTF-8 encoding of every field, details sorted by key, so no
   * two different entries encode the same way.
   */
  public static String hash(long sequence, Instant time, String action, Map<String, String> details, String previousHash) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeBytes("ow-audit-v1");
      out.writeLong(sequence);
      field(out, time.toString());
      field(out, action);
      Map<String, String> sorted = new TreeMap<>(details);
      out.writeInt(sorted.size());
      for (Map.Entry<String, String> e : sorted.entrySet()) {
        field(out, e.getKey());
        field(out, e.getValue());
      }
      field(out, previousHash);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void field(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** Walks a chain entry by entry; feed it entries in stored order. */
  public static final class Verifier {
    private long expected = 1;
    private String previousHash = AuditEntry.GENESIS_HASH;
    private AuditVerification broken;

    /** Checks the next stored entry; returns false once the chain is broken. */
    public boolean accept(AuditEntry e) {
      if (broken != null) {
        return false;
      }
      if (e.sequence() != expected) {
        String why = e.sequence() > expected
            ? "entry " + expected + " is missing (the next stored entry is " + e.sequence() + "): an entry was deleted or moved"
            : "expected entry " + expected + " but found entry " + e.sequence() + ": entries were reordered or duplicated";
        return fail(why);
      }
      if (!e.previousHash().equals(previousHash)) {
        return fail("entry " + expected + " does not link to entry " + (expected - 1)
            + " (previous hash differs): the entry before it was changed, or entries were replaced");
      }
      String actual = hash(e.sequence(), e.time(), e.action(), e.details(), e.previousHash());
      if (!actual.equals(e.hash())) {
        return fail("entry " + expected + " does not match its hash: its time, action or details were changed");
      }
      previousHash = e.hash();
      expected++;
      return true;
    }

    /** Records a stored item that could not be read as an entry. */
    public void unreadable(String why) {
      if (broken == null) {
        fail(why);
      }
    }

    private boolean fail(String why) {
      broken = AuditVerification.broken(expected - 1, expected, why);
      return false;
    }

    /** The sequence number the next entry should have. */
    public long expectedSequence() {
      return expected;
    }

    public AuditVerification result() {
      return broken != null ? broken : AuditVerification.ok(expected - 1, previousHash);
    }
  }
}
