package io.vjvector.gate.internal;

import io.vjvector.gate.ApiHandler;

/**
 * Routes requests to one API's handler while it is registered, and lets its withdrawal wait for the
 * requests already routed to it.
 */
final class Admission {
  private ApiHandler handler; // guarded by this
  private int inFlight; // guarded by this

  synchronized void open(ApiHandler h) {
    handler = h;
  }

  /**
   * Admits a request.
   *
   * @return the handler to call, then {@link #leave}; {@code null} while the API is absent
   */
  synchronized ApiHandler enter() {
    if (handler != null) {
      inFlight++;
    }
    return handler;
  }

  synchronized void leave() {
    inFlight--;
    if (inFlight == 0) {
      notifyAll();
    }
  }

  /**
   * Stops admitting if {@code h} is the current handler, and waits for admitted requests to finish.
   *
   * @param h the handler being withdrawn
   * @param millis how long to wait at most
   * @return whether every admitted request finished in time
   */
  synchronized boolean closeAndDrain(ApiHandler h, long millis) {
    if (handler != h) {
      return true;
    }
    handler = null;
    long end = System.currentTimeMillis() + millis;
    while (inFlight > 0) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
