package com.optimalworkforce.testkit;

import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.store.FileScheduleStore;
import com.optimalworkforce.core.store.ScheduleStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileScheduleStoreCompatibilityTest extends ScheduleStoreCompatibilityKit {
  static final CredentialVault VAULT = CredentialVault.create(KeyProvider.of("k1", new byte[32]));

  @TempDir
  Path dir;
  int stores;

  @Override
  protected ScheduleStore newStore() {
    // Small buckets and cache, so the kit's data spans many files and evictions.
    return FileScheduleStore.builder(dir.resolve("s" + stores++), VAULT).bucketSize(32).cachedBuckets(3).open();
  }

  @Override
  protected ScheduleStore reopen(ScheduleStore store) {
    Path d = ((FileScheduleStore) store).directory();
    store.close();
    return FileScheduleStore.builder(d, VAULT).bucketSize(32).cachedBuckets(3).open();
  }
}
