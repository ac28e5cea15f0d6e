package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.store.IntegrationState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs syncs on the host's {@link ScheduledExecutorService}: on a {@link SyncSchedule} (daily by
 * default) and on demand ("sync now"). Each run is scheduled from the injected clock after the
 * previous one, so daily runs stay at their local time across daylight-saving changes. A run that
 * finds a sync already running is skipped (logged), never doubled.
 *
 * <pre>{@code
 * SyncScheduler scheduler = SyncScheduler.builder(executor)
 *     .schedule(SyncSchedule.daily(LocalTime.of(2, 0), ZoneId.of("America/Toronto"))).build();
 * ScheduledSync nightly = scheduler.schedule(integration);
 * nightly.syncNow().thenAccept(report -> ui.show(report));   // the wizard's "sync now"
 * nightly.cancel();
 * }</pre>
 */
public final class SyncScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final SyncSchedule schedule;

  private SyncScheduler(Builder b) {
    this.executor = b.executor;
    this.clock = b.clock;
    this.schedule = b.schedule != null ? b.schedule : SyncSchedule.daily(LocalTime.of(2, 0), b.clock.getZone());
  }

  public static Builder builder(ScheduledExecutorService executor) {
    return new Builder(executor);
  }

  public SyncSchedule schedule() {
    return schedule;
  }

  /**
   * Schedules incremental syncs of the integration. Runs are skipped while it is disconnected or
   * has no region selected.
   */
  public ScheduledSync schedule(Integration integration) {
    Objects.requireNonNull(integration, "integration");
    return schedule("integration '" + integration.id() + "'", () -> {
      IntegrationStatus s = integration.status();
      if (!s.saved() || s.state() == IntegrationState.DISCONNECTED || s.selectedRegions().isEmpty()) {
        LOG.info("Scheduled sync of integration '{}' skipped: it is {}", integration.id(),
            !s.saved() ? "not connected yet" : s.state() == IntegrationState.DISCONNECTED ? "disconnected"
                : "without a selected region");
        return null;
      }
      return integration.syncNow();
    });
  }

  /** Schedules any sync task (e.g. {@code () -> engine.sync(regions)}); a null result means skipped. */
  public ScheduledSync schedule(String name, Callable<SyncReport> task) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(task, "task");
    ScheduledSync s = new ScheduledSync(name, task);
    s.arm();
    return s;
  }

  /** One scheduled sync: its next run, "sync now", and cancel. */
  public final class ScheduledSync {
    private final String name;
    private final Callable<SyncReport> task;
    private final AtomicReference<ScheduledFuture<?>> next = new AtomicReference<>();
    private final AtomicReference<Instant> nextRun = new AtomicReference<>();
    private final AtomicReference<SyncReport> last = new AtomicReference<>();
    private volatile boolean cancelled;

    private ScheduledSync(String name, Callable<SyncReport> task) {
      this.name = name;
      this.task = task;
    }

    private synchronized void arm() {
      if (cancelled) {
        return;
      }
      Instant now = clock.instant();
      Instant at = schedule.nextAfter(now);
      nextRun.set(at);
      next.set(executor.schedule(this::runScheduled, Duration.between(now, at).toMillis(), TimeUnit.MILLISECONDS));
    }

    private void runScheduled() {
      try {
        run();
      } catch (SyncAlreadyRunningException e) {
        LOG.info("Scheduled sync of {} skipped: {}", name, e.getMessage());
      } catch (Exception e) {
        LOG.warn("Scheduled sync of {} failed", name, e);
      } finally {
        arm();
      }
    }

    private SyncReport run() throws Exception {
      SyncReport report = task.call();
      if (report != null) {
        last.set(report);
        if (!report.completed()) {
          LOG.warn("Sync of {} did not complete: {}", name, report.failure().orElse(""));
        }
      }
      return report;
    }

    /**
     * Runs a sync now on the executor. The future fails with {@link SyncAlreadyRunningException}
     * when one is running, and completes with {@code null} when the sync was skipped.
     */
    public CompletableFuture<SyncReport> syncNow() {
      CompletableFuture<SyncReport> result = new CompletableFuture<>();
      executor.execute(() -> {
        try {
          result.complete(run());
        } catch (Exception e) {
          result.completeExceptionally(e);
        }
      });
      return result;
    }

    /** When the next scheduled run is due; empty once cancelled. */
    public Optional<Instant> nextRun() {
      return cancelled ? Optional.empty() : Optional.ofNullable(nextRun.get());
    }

    /** The last report of a run that was not skipped. */
    public Optional<SyncReport> lastReport() {
      return Optional.ofNullable(last.get());
    }

    /** Stops the schedule; a running sync finishes. */
    public synchronized void cancel() {
      cancelled = true;
      ScheduledFuture<?> f = next.get();
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  /** Builds a {@link SyncScheduler}. */
  public static final class Builder {
    private final ScheduledExecutorService executor;
    private Clock clock = Clock.system(ZoneOffset.UTC);
    private SyncSchedule schedule;

    private Builder(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The clock runs are computed from; its zone is the default schedule's zone. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Default: daily at 02:00 in the clock's zone. */
    public Builder schedule(SyncSchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    public SyncScheduler build() {
      return new SyncScheduler(this);
    }
  }
}
