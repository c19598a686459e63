package io.vjvector.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vjvector.security.SecurityEvent;
import io.vjvector.security.SecurityEvents;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts per subject in one-minute windows; crossing a threshold raises one event per subject and
 * window. The last 1000 events are kept in memory and logged.
 */
@Component(
    service = SecurityEvents.class,
    configurationPid = SecurityConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SecurityEventsService implements SecurityEvents {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityEventsService.class);
  private static final int KEEP = 1000;
  private static final long WINDOW_MS = 60_000;

  private final Clock clock;
  private final Deque<SecurityEvent> recent = new ArrayDeque<>(); // guarded by itself
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Cache<String, Window> windows =
      Caffeine.newBuilder().expireAfterAccess(2, TimeUnit.MINUTES).maximumSize(100_000).build();
  private volatile int authFailureBurst;
  private volatile int rateLimitedBurst;
  private volatile long bulkReadPoints;

  /**
   * Starts with the configured thresholds.
   *
   * @param config the settings
   */
  @Activate
  public SecurityEventsService(SecurityConfig config) {
    this(config, Clock.systemUTC());
  }

  SecurityEventsService(SecurityConfig config, Clock clock) {
    this.clock = clock;
    modified(config);
  }

  @Modified
  void modified(SecurityConfig config) {
    authFailureBurst = config.authFailureBurst();
    rateLimitedBurst = config.rateLimitedBurst();
    bulkReadPoints = config.bulkReadPoints();
  }

  /** A count within the current minute, and whether it already raised its event. */
  private static final class Window {
    final long start;
    final AtomicLong count = new AtomicLong();
    volatile boolean raised;

    Window(long start) {
      this.start = start;
    }
  }

  private void count(String kind, String tenant, String subject, long n, long threshold) {
    if (threshold <= 0) {
      return;
    }
    long now = clock.millis();
    String key = kind + '\0' + tenant + '\0' + subject;
    Window w = windows.get(key, k -> new Window(now));
    if (now - w.start >= WINDOW_MS) {
      w = new Window(now);
      windows.put(key, w);
    }
    long total = w.count.addAndGet(n);
    if (total >= threshold && !w.raised) {
      synchronized (w) {
        if (w.raised) {
          return;
        }
        w.raised = true;
      }
      raise(
          new SecurityEvent(
              clock.instant(),
              kind,
              tenant,
              subject,
              total + " within a minute (threshold " + threshold + ")"));
    }
  }

  private void raise(SecurityEvent e) {
    counts.computeIfAbsent(e.kind(), k -> new LongAdder()).increment();
    synchronized (recent) {
      recent.addFirst(e);
      while (recent.size() > KEEP) {
        recent.removeLast();
      }
    }
    LOG.warn(
        "Security event {}: tenant {}, subject {}: {}",
        e.kind(),
        e.tenant(),
        e.subject(),
        e.detail());
  }

  @Override
  public void authenticationFailed(String source, String subject) {
    count("auth-failure-burst", null, String.valueOf(source), 1, authFailureBurst);
  }

  @Override
  public void rateLimited(String tenant, String subject) {
    count("rate-limited-burst", tenant, subject, 1, rateLimitedBurst);
  }

  @Override
  public void pointsRead(String tenant, String subject, long points) {
    if (points > 0) {
      count("bulk-read", tenant, subject, points, bulkReadPoints);
    }
  }

  @Override
  public List<SecurityEvent> recent(String tenant, int max) {
    List<SecurityEvent> out = new ArrayList<>();
    synchronized (recent) {
      Iterator<SecurityEvent> it = recent.iterator();
      while (it.hasNext() && out.size() < max) {
        SecurityEvent e = it.next();
        if (tenant == null || tenant.equals(e.tenant())) {
          out.add(e);
        }
      }
    }
    return out;
  }

  @Override
  public Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    for (String k : List.of("auth-failure-burst", "rate-limited-burst", "bulk-read")) {
      LongAdder a = counts.get(k);
      out.put(k, a == null ? 0L : a.sum());
    }
    return out;
  }
}
