package io.vjvector.engine.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's background work: linking new points into graphs, repairing deletions, and writing
 * checkpoints. One thread runs the tasks (each spreads its own work over the cores where that
 * pays); closing it waits for the running task.
 */
final class Background implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Background.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;

  /**
   * Links while writes are arriving: half the cores (at least one), so requests keep the rest. When
   * writes pause, linking spreads over every core (the common pool).
   */
  private final java.util.concurrent.ForkJoinPool shared =
      new java.util.concurrent.ForkJoinPool(
          Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
          pool -> {
            java.util.concurrent.ForkJoinWorkerThread t =
                java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(
                    pool);
            t.setName("vjv-engine-linker-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
          },
          null,
          false);

  Background() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vjv-engine-background-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setRemoveOnCancelPolicy(true);
  }

  ScheduledExecutorService executor() {
    return executor;
  }

  /**
   * Runs a parallel task (for example a parallel stream) with all cores when {@code foreground} is
   * false, and with half of them when the node is also busy serving writes.
   */
  void parallel(boolean foreground, Runnable task) {
    if (!foreground) {
      task.run(); // parallel streams use the common pool
      return;
    }
    shared.submit(task).join();
  }

  /** Runs a task after a delay, logging (not propagating) what it throws. */
  void schedule(String what, Runnable task, long delayMillis) {
    if (executor.isShutdown()) {
      return;
    }
    try {
      executor.schedule(
          () -> {
            try {
              task.run();
            } catch (RuntimeException | Error e) {
              LOG.error("background task failed: {}", what, e);
            }
          },
          delayMillis,
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    }
  }

  @Override
  public void close() {
    shared.shutdown();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("background tasks did not finish within 60 s");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
