package com.optimalworkforce.connectors.alayacare.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs per-record requests with at most {@code concurrency} in flight and returns the results in
 * input order; the first failure cancels the rest and is rethrown as it was. Not API.
 */
public final class Parallel implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();
  private final ExecutorService pool;

  public Parallel(int concurrency) {
    int n = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "alayacare-" + n + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(concurrency, factory);
  }

  public <T, R> List<R> map(List<T> inputs, Function<T, R> work) {
    if (inputs.size() <= 1) {
      return inputs.stream().map(work).toList();
    }
    List<Future<R>> futures = new ArrayList<>(inputs.size());
    for (T in : inputs) {
      futures.add(pool.submit(() -> work.apply(in)));
    }
    List<R> out = new ArrayList<>(inputs.size());
    try {
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new IllegalStateException("Interrupted while reading from AlayaCare", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
