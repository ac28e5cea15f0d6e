package com.optimalworkforce.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.store.FileIntegrationStore;
import com.optimalworkforce.core.store.FileScheduleStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code shown in docs/security.md (pulled in by tag, checked by the examples module's DocsSnippetsTest). */
class SecurityGuideExamplesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dataDir;

  private static String randomBase64Key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  @Test
  void vaultAndRotation() {
    Map<String, String> env = Map.of("OW_KEY_2026_01", randomBase64Key(), "OW_KEY_2026_06", randomBase64Key());
    String privateKey = "alayacare-private-key";

    // tag::vault[]
    KeyProvider keys = KeyProvider.ofBase64(Map.of("2026-01", env.get("OW_KEY_2026_01")), "2026-01");
    CredentialVault vault = CredentialVault.create(keys);

    byte[] sealed = vault.seal(Secret.of(privateKey), "integration/alayacare-1/privateKey");
    // ... store `sealed`; later:
    Secret back = vault.unseal(sealed, "integration/alayacare-1/privateKey");
    // end::vault[]
    assertThat(back.reveal()).isEqualTo(privateKey);

    Map<String, byte[]> stored = new LinkedHashMap<>();
    stored.put("integration/alayacare-1/privateKey", sealed);
    // tag::rotation[]
    // 1. Add the new key and make it current; keep the old one so existing values still open.
    CredentialVault rotating = CredentialVault.create(KeyProvider.ofBase64(Map.of(
        "2026-01", env.get("OW_KEY_2026_01"),
        "2026-06", env.get("OW_KEY_2026_06")), "2026-06"));
    // 2. Re-encrypt every stored value that is still on an old key.
    stored.replaceAll((context, value) -> rotating.needsReencryption(value) ? rotating.reencrypt(value, context) : value);
    // 3. Remove the old key from the host's configuration.
    CredentialVault rotated = CredentialVault.create(KeyProvider.ofBase64(Map.of("2026-06", env.get("OW_KEY_2026_06")), "2026-06"));
    // end::rotation[]
    assertThat(rotated.unseal(stored.get("integration/alayacare-1/privateKey"), "integration/alayacare-1/privateKey").reveal())
        .isEqualTo(privateKey);
  }

  @Test
  void storeRotation() {
    Map<String, String> env = Map.of("OW_KEY_2026_01", randomBase64Key(), "OW_KEY_2026_06", randomBase64Key());
    CredentialVault vault = CredentialVault.create(KeyProvider.ofBase64(Map.of("2026-01", env.get("OW_KEY_2026_01")),
        "2026-01"));
    FileIntegrationStore.open(dataDir.resolve("integrations"), vault).saveCheckpoint("alayacare-1", "{}");
    try (FileScheduleStore schedule = FileScheduleStore.open(dataDir.resolve("schedule"), vault)) {
      schedule.apply(List.of());
    }
    CredentialVault rotating = CredentialVault.create(KeyProvider.ofBase64(Map.of(
        "2026-01", env.get("OW_KEY_2026_01"),
        "2026-06", env.get("OW_KEY_2026_06")), "2026-06"));
    // tag::store-rotation[]
    // With the rotating vault (old and new key, the new one current):
    FileIntegrationStore integrations = FileIntegrationStore.open(dataDir.resolve("integrations"), rotating);
    long rewritten = integrations.reencrypt();
    try (FileScheduleStore schedule = FileScheduleStore.open(dataDir.resolve("schedule"), rotating)) {
      rewritten += schedule.reencrypt();
    }
    // ... and integration.reencryptCredentials() for each saved Integration, then remove the old key.
    // end::store-rotation[]
    assertThat(rewritten).as("the integration's checkpoint and the schedule's manifest").isEqualTo(2);
    CredentialVault rotated = CredentialVault.create(KeyProvider.ofBase64(Map.of("2026-06", env.get("OW_KEY_2026_06")),
        "2026-06"));
    assertThat(FileIntegrationStore.open(dataDir.resolve("integrations"), rotated).checkpoint("alayacare-1")).contains("{}");
    FileScheduleStore.open(dataDir.resolve("schedule"), rotated).close();
  }

  @Test
  void auditLog() {
    Clock clock = CLOCK;
    // tag::audit[]
    AuditLog audit = AuditLog.file(dataDir.resolve("audit.jsonl"), clock);
    audit.append("credentials.updated", Map.of("integration", "alayacare-1", "fields", "publicKey,privateKey"));
    audit.append("regions.selected", Map.of("integration", "alayacare-1", "regions", "toronto-east,ottawa"));

    AuditVerification check = audit.verify();
    if (!check.ok()) {
      throw new IllegalStateException("audit log damaged at entry " + check.firstBrokenSequence().getAsLong()
          + ": " + check.reason().orElseThrow());
    }
    String anchor = check.lastHash().orElseThrow();   // keep it elsewhere to detect a cut-off tail
    // end::audit[]
    assertThat(anchor).isEqualTo(audit.entries().get(1).hash());
  }

  @Test
  void redaction() {
    Secret clientSecret = Secret.of("wellsky-client-secret");
    String responseBody = "{\"error\":\"invalid_client\",\"client_secret\":\"wellsky-client-secret\"}";
    // tag::redactor[]
    Redactor redactor = Redactor.standard().with(clientSecret);
    String safe = redactor.redact(responseBody);   // before it goes into a log line or an exception message
    // end::redactor[]
    assertThat(safe).doesNotContain("wellsky-client-secret").contains("\"client_secret\":\"[redacted]\"");
  }
}
