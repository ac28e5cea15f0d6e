package com.optimalworkforce.core.security;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of {@link AuditLog#verify()}: the chain is intact, or the sequence number of the
 * first broken entry and why.
 *
 * <pre>{@code
 * AuditVerification v = auditLog.verify();
 * if (!v.ok()) {
 *   alarm("audit log tampered at entry " + v.firstBrokenSequence().getAsLong() + ": " + v.reason().get());
 * }
 * }</pre>
 *
 * <p>A chain cannot show that entries were cut off its end. To detect that, keep
 * {@link #lastHash()} somewhere the log's writer cannot change, and compare it later.
 */
public final class AuditVerification {
  private final long entriesChecked;
  private final Long firstBroken;
  private final String reason;
  private final String lastHash;

  private AuditVerification(long entriesChecked, Long firstBroken, String reason, String lastHash) {
    this.entriesChecked = entriesChecked;
    this.firstBroken = firstBroken;
    this.reason = reason;
    this.lastHash = lastHash;
  }

  /** An intact chain of {@code entries} entries ending with {@code lastHash}. */
  public static AuditVerification ok(long entries, String lastHash) {
    return new AuditVerification(entries, null, null, Objects.requireNonNull(lastHash, "lastHash"));
  }

  /** A chain broken at {@code sequence}, after {@code entriesChecked} good entries. */
  public static AuditVerification broken(long entriesChecked, long sequence, String reason) {
    return new AuditVerification(entriesChecked, sequence, Objects.requireNonNull(reason, "reason"), null);
  }

  public boolean ok() {
    return firstBroken == null;
  }

  /** How many entries verified before the first break (all of them when ok). */
  public long entriesChecked() {
    return entriesChecked;
  }

  /** The sequence number at which the chain first breaks. */
  public OptionalLong firstBrokenSequence() {
    return firstBroken == null ? OptionalLong.empty() : OptionalLong.of(firstBroken);
  }

  /** Why the chain is broken there. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** The hash of the last entry of an intact chain ({@link AuditEntry#GENESIS_HASH} when empty). */
  public Optional<String> lastHash() {
    return Optional.ofNullable(lastHash);
  }

  @Override
  public String toString() {
    return ok() ? "AuditVerification[ok, " + entriesChecked + " entries]"
        : "AuditVerification[broken at " + firstBroken + ": " + reason + "]";
  }
}
