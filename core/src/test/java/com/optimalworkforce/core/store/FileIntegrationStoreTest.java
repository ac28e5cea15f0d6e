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
}
