package com.optimalworkforce.testkit;

import static com.optimalworkforce.testkit.KitRuns.outcomes;
import static com.optimalworkforce.testkit.KitRuns.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.core.store.ScheduleWrite;
import com.optimalworkforce.core.store.StoredRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** The kit must fail broken schedule stores: run through the JUnit Platform against deliberately broken ones. */
class ScheduleStoreCompatibilityKitSelfTest {

  /** Delegates everything; subclasses break one thing. */
  static class Delegating extends ForwardingScheduleStore<InMemoryScheduleStore> {
    Delegating(InMemoryScheduleStore d) {
      super(d);
    }
  }

  /** Answers queries by type and region but ignores their time window. */
  static final class IgnoringTheWindow extends Delegating {
    IgnoringTheWindow(InMemoryScheduleStore d) {
      super(d);
    }

    @Override
    public Stream<StoredRecord> query(ScheduleQuery query) {
      return delegate.query(new ScheduleQuery(query.types(), query.regionIds(), null));
    }
  }

  /** Drops "seen in run N" marks, which deletion detection relies on. */
  static final class DroppingTouches extends Delegating {
    DroppingTouches(InMemoryScheduleStore d) {
      super(d);
    }

    @Override
    public void apply(List<? extends ScheduleWrite> writes) {
      delegate.apply(writes.stream().filter(w -> !(w instanceof ScheduleWrite.Touch)).toList());
    }
  }

  static class IgnoringTheWindowCase extends ScheduleStoreCompatibilityKit {
    @Override
    protected ScheduleStore newStore() {
      return new IgnoringTheWindow(InMemoryScheduleStore.create());
    }
  }

  static class DroppingTouchesCase extends ScheduleStoreCompatibilityKit {
    @Override
    protected ScheduleStore newStore() {
      return new DroppingTouches(InMemoryScheduleStore.create());
    }
  }

  /** Keeps nothing across a restart. */
  static class ForgettingOnReopenCase extends ScheduleStoreCompatibilityKit {
    @Override
    protected ScheduleStore newStore() {
      return new Delegating(InMemoryScheduleStore.create());
    }

    @Override
    protected ScheduleStore reopen(ScheduleStore store) {
      return new Delegating(InMemoryScheduleStore.create());
    }
  }

  static class HealthyCase extends ScheduleStoreCompatibilityKit {
    @Override
    protected ScheduleStore newStore() {
      return new Delegating(InMemoryScheduleStore.create());
    }
  }

  @Test
  void kitFailsAStoreThatIgnoresTheQueryWindow() {
    assertThat(outcomes(IgnoringTheWindowCase.class)).containsEntry("queriesFollowTheReadRules", "FAILED")
        .containsEntry("upsertAndDeleteReturnPreviousVersions", "SUCCESSFUL")
        .containsEntry("queriesReturnKeyOrder", "SUCCESSFUL");
  }

  @Test
  void kitFailsAStoreThatDropsSeenMarks() {
    assertThat(outcomes(DroppingTouchesCase.class)).containsEntry("batchesAreIdempotent", "FAILED")
        .containsEntry("queriesFollowTheReadRules", "SUCCESSFUL");
  }

  @Test
  void kitFailsAStoreThatForgetsOnRestart() {
    assertThat(outcomes(ForgettingOnReopenCase.class)).containsEntry("upsertAndDeleteReturnPreviousVersions", "FAILED")
        .containsEntry("syncIntoTheStore", "FAILED")
        .containsEntry("batchesAreIdempotent", "SUCCESSFUL");
  }

  @Test
  void kitPassesAHealthyStoreThroughTheSameHarness() {
    assertThat(results(HealthyCase.class)).hasSize(5).allSatisfy((name, result) -> assertThat(result.getStatus())
        .as("%s: %s", name, result.getThrowable().map(Throwable::getMessage).orElse(""))
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }
}
