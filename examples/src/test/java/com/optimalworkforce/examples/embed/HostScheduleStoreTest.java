package com.optimalworkforce.examples.embed;

import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.testkit.ScheduleStoreCompatibilityKit;

/** The host's store passes the same contract as the SDK's own stores. */
// tag::kit[]
class HostScheduleStoreTest extends ScheduleStoreCompatibilityKit {
  @Override
  protected ScheduleStore newStore() {
    return new HostScheduleStore();
  }
  // A durable store also overrides reopen(store): close it and open the same data again.
}
// end::kit[]
