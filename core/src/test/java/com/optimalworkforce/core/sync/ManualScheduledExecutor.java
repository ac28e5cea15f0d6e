package com.optimalworkforce.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scheduled executor the test drives: tasks run only when {@link #runNext()} or
 * {@link #runImmediate()} is called; running a delayed task first sets the clock to its due time.
 */
final class ManualScheduledExecutor extends AbstractExecutorService implements ScheduledExecutorService {
  final class Task extends FutureTask<Object> implements ScheduledFuture<Object> {
    final Instant due;

    Task(Runnable r, Instant due) {
      super(r, null);
      this.due = due;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed o) {
      return due.compareTo(((Task) o).due);
    }
  }

  private final Clock clock;
  private final Consumer<Instant> setClock;
  final List<Task> scheduled = new ArrayList<>();
  final List<Runnable> immediate = new ArrayList<>();

  ManualScheduledExecutor(Clock clock, Consumer<Instant> setClock) {
    this.clock = clock;
    this.setClock = setClock;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task t = new Task(command, clock.instant().plusNanos(unit.toNanos(delay)));
    scheduled.add(t);
    return t;
  }

  /** Pending delayed tasks, soonest first, without cancelled ones. */
  synchronized List<Task> pending() {
    return scheduled.stream().filter(t -> !t.isCancelled()).sorted(Comparator.comparing(t -> t.due)).toList();
  }

  /** Moves the clock to the soonest task's due time and runs it. */
  void runNext() {
    Task next;
    synchronized (this) {
      next = pending().get(0);
      scheduled.remove(next);
    }
    setClock.accept(next.due);
    next.run();
  }

  void runImmediate() {
    List<Runnable> now;
    synchronized (this) {
      now = new ArrayList<>(immediate);
      immediate.clear();
    }
    now.forEach(Runnable::run);
  }

  @Override
  public synchronized void execute(Runnable command) {
    immediate.add(command);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("SyncScheduler must not use fixed rates (they drift across DST)");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("SyncScheduler must not use fixed delays");
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
