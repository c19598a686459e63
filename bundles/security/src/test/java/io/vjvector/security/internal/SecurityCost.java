package io.vjvector.security.internal;

import io.vjvector.security.ApiKey;
import io.vjvector.security.AuditEvent;
import io.vjvector.security.EndpointClass;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import io.vjvector.security.Security;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the security layer costs a request, measured in one process (not a test): authenticating an
 * API key and checking a permission, taking a rate-limit token, and an fsynced audit record alone
 * and with 8 concurrent writers sharing flushes. Usage: {@code SecurityCost [dir] [seconds]}.
 */
public final class SecurityCost {
  private SecurityCost() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("security-cost");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    SecurityService security =
        new SecurityService(
            dir, dir.resolve("admin.key"), Clock.systemUTC(), new ExternalIdentities());
    ApiKey.Created key =
        security.createKey("default", "bench", Set.of(Security.WRITER), Set.of(), null);
    String header = "Bearer " + key.token();
    UsageLimitsService limits =
        new UsageLimitsService(security, UsageLimitsServiceTest.config(0, 0, 0));
    FileAuditLog audit = new FileAuditLog(dir.resolve("audit.log"));
    for (int round = 0; round < 2; round++) {
      String tag = round == 0 ? "warm-up " : "";
      report(
          tag + "authenticate + permission",
          seconds,
          () -> {
            Identity id = security.authenticate(header);
            if (!security.allowed(id, Permission.DATA_WRITE)) {
              throw new AssertionError();
            }
          });
      report(
          tag + "rate-limit token", seconds, () -> limits.acquire("default", EndpointClass.READ));
      report(tag + "audit record, 1 writer", seconds, () -> audit.record(event()));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      long end = System.nanoTime() + (long) (seconds * 1e9);
      List<Future<Long>> fs = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < 8; t++) {
        fs.add(
            pool.submit(
                () -> {
                  long n = 0;
                  while (System.nanoTime() < end) {
                    audit.record(event());
                    n++;
                  }
                  return n;
                }));
      }
      long total = 0;
      for (Future<Long> f : fs) {
        total += f.get();
      }
      pool.shutdown();
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf("%-40s %12.0f ops/s%n", tag + "audit record, 8 writers", total / s);
    }
    audit.close();
  }

  private static AuditEvent event() {
    return new AuditEvent(
        Instant.now(),
        "key:0123456789abcdef",
        "default",
        "PUT /collections/{name}/points",
        "docs",
        "allowed",
        "req",
        "127.0.0.1");
  }

  interface Op {
    void run() throws Exception;
  }

  private static void report(String what, double seconds, Op op) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long n = 0;
    while (System.nanoTime() < end) {
      op.run();
      n++;
    }
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-40s %12.0f ops/s  %8.2f us/op%n", what, n / s, s * 1e6 / n);
  }
}
