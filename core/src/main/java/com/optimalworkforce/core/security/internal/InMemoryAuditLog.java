package com.optimalworkforce.core.security.internal;

import com.optimalworkforce.core.security.AuditEntry;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.core.security.AuditVerification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link AuditLog#inMemory(Clock)}. */
public final class InMemoryAuditLog implements AuditLog {
  private final Clock clock;
  private final List<AuditEntry> entries = new ArrayList<>();

  public InMemoryAuditLog(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized AuditEntry append(String action, Map<String, String> details) {
    Map<String, String> checked = AuditChain.checkedDetails(action, details);
    String previous = entries.isEmpty() ? AuditEntry.GENESIS_HASH : entries.get(entries.size() - 1).hash();
    AuditEntry entry = AuditChain.next(entries.size() + 1L, clock.instant(), action, checked, previous);
    entries.add(entry);
    return entry;
  }

  @Override
  public synchronized List<AuditEntry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public AuditVerification verify() {
    AuditChain.Verifier verifier = new AuditChain.Verifier();
    for (AuditEntry e : entries()) {
      if (!verifier.accept(e)) {
        break;
      }
    }
    return verifier.result();
  }

  @Override
  public synchronized String toString() {
    return "AuditLog[in-memory, " + entries.size() + " entries]";
  }
}
