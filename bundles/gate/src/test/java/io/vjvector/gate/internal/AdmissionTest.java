package io.vjvector.gate.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.gate.ApiHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  private final ApiHandler v1 = (req, resp) -> {};
  private final ApiHandler v2 = (req, resp) -> {};

  @Test
  void routesOnlyWhileAHandlerIsRegistered() {
    Admission a = new Admission();
    assertNull(a.enter(), "no handler yet");
    a.open(v1);
    assertSame(v1, a.enter());
    a.leave();
    assertTrue(a.closeAndDrain(v1, 1000));
    assertNull(a.enter(), "handler withdrawn");
  }

  @Test
  void aStaleWithdrawalLeavesTheNewHandlerInPlace() {
    Admission a = new Admission();
    a.open(v1);
    a.open(v2); // the upgrade registered before the old one went away
    assertTrue(a.closeAndDrain(v1, 1000));
    assertSame(v2, a.enter());
    a.leave();
  }

  @Test
  void withdrawalWaitsForAdmittedRequests() throws Exception {
    Admission a = new Admission();
    a.open(v1);
    assertSame(v1, a.enter());
    CountDownLatch drained = new CountDownLatch(1);
    Thread closer =
        new Thread(
            () -> {
              if (a.closeAndDrain(v1, 30_000)) {
                drained.countDown();
              }
            });
    closer.start();
    assertFalse(drained.await(200, TimeUnit.MILLISECONDS), "drained while a request was in flight");
    assertNull(a.enter(), "admitted a new request while draining");
    a.leave();
    assertTrue(drained.await(30, TimeUnit.SECONDS));
    closer.join();
  }

  @Test
  void drainGivesUpAfterTheTimeout() {
    Admission a = new Admission();
    a.open(v1);
    assertSame(v1, a.enter());
    assertFalse(a.closeAndDrain(v1, 50));
  }
}
