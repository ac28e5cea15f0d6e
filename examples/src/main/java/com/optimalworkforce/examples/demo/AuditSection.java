package com.optimalworkforce.examples.demo;

import com.optimalworkforce.core.security.FileAuditLog;
import com.optimalworkforce.testkit.MutableClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Section 5: the audit chain verified, and a tampered copy caught. */
final class AuditSection {
  private final PrintStream out;
  private final MutableClock clock;

  AuditSection(DemoContext c) {
    this.out = c.out;
    this.clock = c.clock;
  }

  void run(FileAuditLog audit, Path work, ResultBuilder r) throws IOException {
    r.audit = audit.verify();
    Map<String, Long> actions = audit.entries().stream().collect(Collectors.groupingBy(e -> e.action(),
        java.util.TreeMap::new, Collectors.counting()));
    out.println("  " + audit.path() + ": " + r.audit.entriesChecked() + " entries written by the integrations and the"
        + " alert engine");
    actions.forEach((action, count) -> out.println("    " + DemoContext.pad(action, 36) + count));
    out.println("  " + (r.audit.ok() ? "Audit chain verified: " + r.audit.entriesChecked()
        + " entries, each hash-chained to the one before" : "Audit chain BROKEN: " + r.audit.reason().orElse("")));
    Path copy = work.resolve("audit-tampered.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(audit.path(), StandardCharsets.UTF_8));
    int target = Math.min(2, lines.size() - 1);
    lines.set(target, lines.get(target).replaceFirst("\"integration\":\"agency-", "\"integration\":\"other-"));
    Files.write(copy, lines, StandardCharsets.UTF_8);
    r.tampered = FileAuditLog.open(copy, clock).verify();
    out.println("  A copy with entry " + (target + 1) + " edited: " + (r.tampered.ok() ? "verified (unexpected!)"
        : "fails verification at entry " + r.tampered.firstBrokenSequence().orElse(-1) + ": "
            + r.tampered.reason().orElse("")));
  }
}
