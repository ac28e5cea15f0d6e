package com.optimalworkforce.testkit;

import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.ScheduleStore;

class InMemoryScheduleStoreCompatibilityTest extends ScheduleStoreCompatibilityKit {
  @Override
  protected ScheduleStore newStore() {
    return InMemoryScheduleStore.create();
  }
}
