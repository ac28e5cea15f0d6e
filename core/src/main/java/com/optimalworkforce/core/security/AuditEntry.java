package com.optimalworkforce.core.security;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audit record, chained to the one before it: {@code hash} is SHA-256 over a canonical
 * encoding of the sequence, time, action, details and {@code previousHash}. Changing any field,
 * or removing or moving an entry, breaks the chain at that point.
 *
 * <pre>{@code
 * AuditEntry e = auditLog.append("credentials.updated", Map.of("integration", "42", "by", "admin"));
 * e.sequence();      // 17
 * e.previousHash();  // hash of entry 16
 * }</pre>
 *
 * @param sequence position in the log, from 1
 * @param time when it was appended (from the log's clock)
 * @param action what happened, e.g. {@code sync.completed}
 * @param details who/what/where, never secrets (sorted by key)
 * @param previousHash hex SHA-256 of the previous entry, or 64 zeros for the first
 * @param hash hex SHA-256 of this entry
 */
public record AuditEntry(long sequence, Instant time, String action, Map<String, String> details,
    String previousHash, String hash) {

  /** The {@link #previousHash} of the first entry. */
  public static final String GENESIS_HASH = "0".repeat(64);

  /**
   * The entry that follows {@code previous} (or the first entry when it is null), with its hash
   * computed; for hosts that keep the chain in their own storage. Detail values are checked and
   * redacted as {@link AuditLog#append} does.
   */
  public static AuditEntry chained(AuditEntry previous, Instant time, String action, Map<String, String> details) {
    Objects.requireNonNull(time, "time");
    Map<String, String> checked = com.optimalworkforce.core.security.internal.AuditChain.checkedDetails(action, details);
    long sequence = previous == null ? 1 : previous.sequence() + 1;
    String previousHash = previous == null ? GENESIS_HASH : previous.hash();
    return com.optimalworkforce.core.security.internal.AuditChain.next(sequence, time, action, checked, previousHash);
  }

  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
  }
}
