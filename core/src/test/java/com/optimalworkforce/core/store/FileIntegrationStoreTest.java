package com.optimalworkforce.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIntegrationStoreTest {
  static final CredentialVault VAULT = FileScheduleStoreTest.VAULT;

  @TempDir
  Path dir;

  Path fileOf(String id, String name) {
    return dir.resolve(Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8)))
        .resolve(name);
  }

  @Test
  void nothingIsStoredInClear() throws IOException {
    FileIntegrationStore store = FileIntegrationStore.open(dir, VAULT);
    store.save(IntegrationRecord.create("acme", "alayacare", Map.of("tenant", "acme-homecare")));
    store.saveCheckpoint("acme", "{\"client\":\"Margaret Thompson\"}");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("acme-homecare").doesNotContain("Margaret").doesNotContain("alayacare");
      }
    }
  }

  @Test
  void aWrongKeyFailsClearly() {
    FileIntegrationStore.open(dir, VAULT).saveCheckpoint("acme", "{}");
    FileIntegrationStore wrong = FileIntegrationStore.open(dir, FileScheduleStoreTest.OTHER_KEY);
    assertThatThrownBy(() -> wrong.checkpoint("acme"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot decrypt " + fileOf("acme", "checkpoint.bin"))
        .hasMessageContaining("key other than the one that wrote it");
  }

  @Test
  void aTamperedFileFailsClearly() throws IOException {
    FileIntegrationStore store = FileIntegrationStore.open(dir, VAULT);
    store.save(IntegrationRecord.create("acme", "alayacare", Map.of()));
    Path file = fileOf("acme", "record.bin");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(file, bytes);
    assertThatThrownBy(() -> store.find("acme")).isInstanceOf(StoreException.class)
        .hasMessageContaining("the file was changed");
  }

  @Test
  void aFileCopiedFromAnotherIntegrationDoesNotOpen() throws IOException {
    FileIntegrationStore store = FileIntegrationStore.open(dir, VAULT);
    store.saveCheckpoint("a", "{\"a\":1}");
    store.saveCheckpoint("b", "{\"b\":1}");
    Files.copy(fileOf("a", "checkpoint.bin"), fileOf("b", "checkpoint.bin"), StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> store.checkpoint("b")).isInstanceOf(StoreException.class);
    assertThat(store.checkpoint("a")).contains("{\"a\":1}");
  }

  @Test
  void aWriteInterruptedBeforeItsAtomicMoveLeavesTheOldValueAndDeleteStillRemovesEverything() throws IOException {
    FileIntegrationStore store = FileIntegrationStore.open(dir, VAULT);
    store.save(IntegrationRecord.create("acme", "alayacare", Map.of()));
    store.saveCheckpoint("acme", "{\"page\":1}");
    // The process died after writing the temporary file of the next checkpoint, before the move.
    Path tmp = fileOf("acme", "checkpoint.bin.tmp");
    Files.write(tmp, "{\"page\":2, half writ".getBytes(StandardCharsets.UTF_8));

    FileIntegrationStore reopened = FileIntegrationStore.open(dir, VAULT);
    assertThat(reopened.checkpoint("acme")).contains("{\"page\":1}");
    reopened.saveCheckpoint("acme", "{\"page\":2}");
    assertThat(FileIntegrationStore.open(dir, VAULT).checkpoint("acme")).contains("{\"page\":2}");

    Files.write(tmp, new byte[] {1, 2, 3});
    reopened.delete("acme");
    assertThat(reopened.find("acme")).isEmpty();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void rotationReencryptsEveryFileSoTheOldKeyCanBeRemoved() {
    byte[] k1 = FileScheduleStoreTest.key(1);
    byte[] k2 = FileScheduleStoreTest.key(3);
    CredentialVault old = CredentialVault.create(KeyProvider.of("k1", k1));
    CredentialVault rotating = CredentialVault.create(KeyProvider.of(Map.of("k1", k1, "k2", k2), "k2"));
    CredentialVault rotated = CredentialVault.create(KeyProvider.of("k2", k2));
    IntegrationRecord record = IntegrationRecord.create("acme", "alayacare", Map.of("tenant", "acme"));
    QuarantinedRecord bad = QuarantinedRecord.of(com.optimalworkforce.core.model.EntityType.VISIT, "V1", "east",
        "Visit 'V1': end is before start", java.time.Instant.parse("2026-11-20T15:00:00Z"));
    FileIntegrationStore store = FileIntegrationStore.open(dir, old);
    store.save(record);
    store.saveCredentials("acme", new byte[] {7, 7, 7});
    store.saveCheckpoint("acme", "{\"page\":3}");
    store.quarantine("acme", java.util.List.of(bad));
    store.saveCheckpoint("other", "{}");
    assertThatThrownBy(() -> FileIntegrationStore.open(dir, rotated).find("acme"))
        .as("before re-encryption the new key alone cannot read the store").isInstanceOf(StoreException.class);

    FileIntegrationStore rotatingStore = FileIntegrationStore.open(dir, rotating);
    rotatingStore.saveCheckpoint("acme", "{\"page\":4}");   // already on the new key
    assertThat(rotatingStore.reencrypt()).isEqualTo(4);
    assertThat(rotatingStore.reencrypt()).isZero();

    FileIntegrationStore after = FileIntegrationStore.open(dir, rotated);
    assertThat(after.find("acme")).contains(record);
    assertThat(after.credentials("acme")).get().isEqualTo(new byte[] {7, 7, 7});
    assertThat(after.checkpoint("acme")).contains("{\"page\":4}");
    assertThat(after.quarantined("acme")).containsExactly(bad);
    assertThat(after.checkpoint("other")).contains("{}");
  }
}
