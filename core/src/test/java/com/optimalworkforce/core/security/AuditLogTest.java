package com.optimalworkforce.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private static void appendFive(AuditLog log) {
    log.append("integration.created", Map.of("integration", "alayacare-1"));
    log.append("credentials.updated", Map.of("integration", "alayacare-1", "fields", "publicKey,privateKey"));
    log.append("regions.selected", Map.of("integration", "alayacare-1", "regions", "toronto-east"));
    log.append("sync.completed", Map.of("integration", "alayacare-1", "records", "1250"));
    log.append("integration.disconnected");
  }

  @Test
  void entriesAreChainedAndVerify() {
    AuditLog log = AuditLog.inMemory(CLOCK);
    appendFive(log);

    List<AuditEntry> entries = log.entries();
    assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(entries.get(0).previousHash()).isEqualTo(AuditEntry.GENESIS_HASH);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
    }
    assertThat(entries.get(0).time()).isEqualTo(CLOCK.instant());
    AuditVerification v = log.verify();
    assertThat(v.ok()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(5);
    assertThat(v.lastHash()).contains(entries.get(4).hash());
  }

  @Test
  void entriesCannotBeChangedThroughTheApi() {
    AuditLog log = AuditLog.inMemory(CLOCK);
    appendFive(log);
    assertThatThrownBy(() -> log.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> log.entries().get(0).details().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEditedEntryIsReportedAtItsSequence() {
    List<AuditEntry> entries = new ArrayList<>(inMemoryFive());
    AuditEntry third = entries.get(2);
    entries.set(2, new AuditEntry(3, third.time(), third.action(), Map.of("integration", "someone-else"),
        third.previousHash(), third.hash()));

    AuditVerification v = AuditLog.verify(entries);

    assertThat(v.ok()).isFalse();
    assertThat(v.firstBrokenSequence()).hasValue(3);
    assertThat(v.reason()).get().asString().contains("entry 3 does not match its hash");
    assertThat(v.entriesChecked()).isEqualTo(2);
  }

  @Test
  void anEditedAndRehashedEntryIsReportedWhereTheChainBreaks() {
    List<AuditEntry> entries = new ArrayList<>(inMemoryFive());
    AuditEntry third = entries.get(2);
    entries.set(2, AuditEntry.chained(entries.get(1), third.time(), third.action(), Map.of("integration", "forged")));

    AuditVerification v = AuditLog.verify(entries);

    assertThat(v.firstBrokenSequence()).hasValue(4);
    assertThat(v.reason()).get().asString().contains("entry 4 does not link to entry 3");
  }

  @Test
  void aDeletedEntryIsReportedAtTheMissingSequence() {
    List<AuditEntry> entries = new ArrayList<>(inMemoryFive());
    entries.remove(2);

    AuditVerification v = AuditLog.verify(entries);

    assertThat(v.firstBrokenSequence()).hasValue(3);
    assertThat(v.reason()).get().asString().contains("entry 3 is missing");
  }

  @Test
  void reorderedEntriesAreReportedAtTheFirstMovedSequence() {
    List<AuditEntry> entries = new ArrayList<>(inMemoryFive());
    Collections.swap(entries, 2, 3);

    AuditVerification v = AuditLog.verify(entries);

    assertThat(v.firstBrokenSequence()).hasValue(3);
  }

  @Test
  void fileLogSurvivesReopenAndContinuesTheChain() {
    Path file = dir.resolve("audit/audit.jsonl");
    FileAuditLog first = AuditLog.file(file, CLOCK);
    first.append("integration.created", Map.of("integration", "alayacare-1"));
    first.append("sync.completed", Map.of("records", "10"));

    FileAuditLog reopened = FileAuditLog.open(file, CLOCK);
    AuditEntry third = reopened.append("integration.disconnected");

    assertThat(third.sequence()).isEqualTo(3);
    assertThat(reopened.entries()).hasSize(3).extracting(AuditEntry::action)
        .containsExactly("integration.created", "sync.completed", "integration.disconnected");
    assertThat(reopened.entries().get(1).details()).containsEntry("records", "10");
    assertThat(reopened.verify().ok()).isTrue();
  }

  @Test
  void fileLogReportsAnEditedLine() throws Exception {
    Path file = fiveLineFile();
    List<String> lines = Files.readAllLines(file);
    lines.set(3, lines.get(3).replace("\"1250\"", "\"9999\""));
    Files.write(file, lines);

    AuditVerification v = FileAuditLog.open(file, CLOCK).verify();

    assertThat(v.firstBrokenSequence()).hasValue(4);
    assertThat(v.reason()).get().asString().contains("does not match its hash");
  }

  @Test
  void fileLogReportsADeletedLine() throws Exception {
    Path file = fiveLineFile();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(1);
    Files.write(file, lines);

    AuditVerification v = FileAuditLog.open(file, CLOCK).verify();

    assertThat(v.firstBrokenSequence()).hasValue(2);
    assertThat(v.reason()).get().asString().contains("entry 2 is missing");
  }

  @Test
  void fileLogReportsReorderedLines() throws Exception {
    Path file = fiveLineFile();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    Collections.swap(lines, 0, 1);
    Files.write(file, lines);

    assertThat(FileAuditLog.open(file, CLOCK).verify().firstBrokenSequence()).hasValue(1);
  }

  @Test
  void fileLogReportsAGarbledLine() throws Exception {
    Path file = fiveLineFile();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).substring(0, 20));
    Files.write(file, lines);

    AuditVerification v = FileAuditLog.open(file, CLOCK).verify();

    assertThat(v.firstBrokenSequence()).hasValue(3);
    assertThat(v.reason()).get().asString().contains("line 3").contains("not a readable audit entry");
  }

  @Test
  void fileLogIsJsonLines() throws Exception {
    Path file = fiveLineFile();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("{\"seq\":1,\"time\":\"2026-11-20T15:00:00Z\",\"action\":\"integration.created\"");
  }

  @Test
  void detailValuesShapedLikeCredentialsAreStoredMasked() {
    AuditLog log = AuditLog.inMemory(CLOCK);
    AuditEntry e = log.append("debug", Map.of("header", "Authorization: Bearer abcdefghijklmnop"));
    assertThat(e.details().get("header")).isEqualTo("Authorization: [redacted]");
    assertThat(log.verify().ok()).isTrue();
  }

  @Test
  void badActionsAndDetailsAreRefused() {
    AuditLog log = AuditLog.inMemory(CLOCK);
    assertThatThrownBy(() -> log.append(" ", Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("audit action must be");
    assertThatThrownBy(() -> log.append("x", Map.of("", "v"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("audit detail names must not be blank");
    assertThat(log.entries()).isEmpty();
  }

  private Path fiveLineFile() {
    Path file = dir.resolve("audit.jsonl");
    appendFive(FileAuditLog.open(file, CLOCK));
    return file;
  }

  private static List<AuditEntry> inMemoryFive() {
    AuditLog log = AuditLog.inMemory(CLOCK);
    appendFive(log);
    return log.entries();
  }
}
