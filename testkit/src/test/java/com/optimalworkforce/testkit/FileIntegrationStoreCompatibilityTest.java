package com.optimalworkforce.testkit;

import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.store.FileIntegrationStore;
import com.optimalworkforce.core.store.IntegrationStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileIntegrationStoreCompatibilityTest extends IntegrationStoreCompatibilityKit {
  static final CredentialVault VAULT = CredentialVault.create(KeyProvider.of("k1", new byte[32]));

  @TempDir
  Path dir;
  int stores;

  @Override
  protected IntegrationStore newStore() {
    return FileIntegrationStore.open(dir.resolve("store-" + stores++), VAULT);
  }

  @Override
  protected IntegrationStore reopen(IntegrationStore store) {
    return FileIntegrationStore.open(((FileIntegrationStore) store).directory(), VAULT);
  }
}
