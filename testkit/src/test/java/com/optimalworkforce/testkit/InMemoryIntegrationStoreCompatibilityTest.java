package com.optimalworkforce.testkit;

import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.IntegrationStore;

class InMemoryIntegrationStoreCompatibilityTest extends IntegrationStoreCompatibilityKit {
  @Override
  protected IntegrationStore newStore() {
    return InMemoryIntegrationStore.create();
  }
}
