package io.vjvector.engine.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies durable log records to memory in log order. With group commit, writers finish their
 * fsyncs in any order; if two batches touch the same id, memory must end up as replay would rebuild
 * it, so each writer waits until the record before its own has been applied.
 *
 * <p>Once anything fails between append and apply, memory can no longer be proven to match the log,
 * so the sequencer stops every later writer.
 */
final class CommitSequencer {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition turn = lock.newCondition();
  private long appliedUpTo;
  private volatile String failure; // written under lock, read without it

  /**
   * @param logEnd where the log ended when it was opened (everything before is applied)
   */
  CommitSequencer(long logEnd) {
    this.appliedUpTo = logEnd;
  }

  /** Runs {@code apply} once every record before {@code start} has been applied. */
  void applyInOrder(long start, long end, Runnable apply) {
    lock.lock();
    try {
      // Uninterruptible: the record is already durable, and skipping it would stall the writers
      // queued behind it.
      while (appliedUpTo != start && failure == null) {
        turn.awaitUninterruptibly();
      }
      if (failure != null) {
        throw new VjvException(ErrorType.STORAGE_ERROR, failure);
      }
      try {
        apply.run();
      } catch (RuntimeException | Error e) {
        failure = "applying a logged write failed: " + e;
        turn.signalAll();
        throw e;
      }
      appliedUpTo = end;
      turn.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Where the applied part of the log ends. */
  long appliedUpTo() {
    lock.lock();
    try {
      return appliedUpTo;
    } finally {
      lock.unlock();
    }
  }

  void fail(String message) {
    lock.lock();
    try {
      if (failure == null) {
        failure = message;
      }
      turn.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Why writes are refused, or null if they are not. */
  String failure() {
    return failure;
  }
}
