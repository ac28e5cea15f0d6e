package com.optimalworkforce.core.security;

import com.optimalworkforce.core.security.internal.InMemoryAuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * An append-only record of what happened to an integration (syncs, credential and region
 * changes, disconnects, deletions, notifications sent). Entries are hash-chained, so
 * {@link #verify()} finds an entry that was edited, deleted or moved. There is no API to change
 * or remove an entry.
 *
 * <pre>{@code
 * AuditLog audit = AuditLog.file(Path.of("/var/lib/agency/audit.jsonl"), Clock.systemUTC());
 * audit.append("credentials.updated", Map.of("integration", "alayacare-1", "fields", "publicKey,privateKey"));
 * AuditVerification check = audit.verify();   // ok, or the first broken sequence and why
 * }</pre>
 *
 * <p>Details must never hold secrets or a person's name: name the credential fields that
 * changed, not their values. As a safety net, implementations pass each detail value through
 * {@link Redactor#standard()}, so a value shaped like a credential is stored masked.
 */
public interface AuditLog {

  /**
   * Appends an entry stamped with the log's clock.
   *
   * @param action what happened, non-blank, e.g. {@code sync.completed}
   * @param details who/what/where (copied; keys non-blank, values non-null)
   * @return the entry as stored, with its sequence number and hash
   */
  AuditEntry append(String action, Map<String, String> details);

  /** Appends an entry with no details. */
  default AuditEntry append(String action) {
    return append(action, Map.of());
  }

  /** Every entry, oldest first (an immutable snapshot). */
  List<AuditEntry> entries();

  /** Checks the hash chain from the first entry; reports the first broken one. */
  AuditVerification verify();

  /**
   * Checks a chain held elsewhere (e.g. entries a host stored in its own database), in stored
   * order, exactly as {@link #verify()} does.
   */
  static AuditVerification verify(List<AuditEntry> entries) {
    java.util.Objects.requireNonNull(entries, "entries");
    com.optimalworkforce.core.security.internal.AuditChain.Verifier verifier =
        new com.optimalworkforce.core.security.internal.AuditChain.Verifier();
    for (AuditEntry e : entries) {
      if (!verifier.accept(e)) {
        break;
      }
    }
    return verifier.result();
  }

  /** A log held in memory, for tests and short-lived hosts. Thread-safe. */
  static AuditLog inMemory(Clock clock) {
    return new InMemoryAuditLog(clock);
  }

  /** A log in an append-only JSON-lines file, created if missing; see {@link FileAuditLog}. */
  static FileAuditLog file(Path path, Clock clock) {
    return FileAuditLog.open(path, clock);
  }
}
