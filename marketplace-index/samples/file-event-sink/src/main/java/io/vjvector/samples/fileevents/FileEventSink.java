package io.vjvector.samples.fileevents;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.event.Event;
import io.vjvector.sdk.event.EventSink;
import io.vjvector.sdk.event.VjvEventSink;
import io.vjvector.sdk.host.Counter;
import io.vjvector.sdk.host.PluginContext;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Appends every event the host delivers to a file in the plugin's data directory, one JSON object
 * per line ({@link EventLines}), in delivery order. When the file reaches the disk is the {@code
 * fsync} policy's choice ({@link FsyncPolicy}); the file is never truncated or rotated by the sink
 * (external rotation with copy-and-truncate is safe, the sink appends at the current end).
 *
 * <p>Metrics: {@code events.written} and {@code events.fsyncs} (counters).
 */
@Component(service = EventSink.class)
@VjvEventSink(name = FileEventSink.NAME)
public class FileEventSink implements EventSink {
  static final String NAME = "file";

  private final System.Logger logger;
  private final SinkSettings settings;
  private final JsonLinesFile file;
  private final Counter written;
  private final Counter fsyncs;
  private final ScheduledExecutorService flusher;
  private boolean dirty; // written since the last fsync; guarded by this
  private boolean closed; // guarded by this

  /**
   * @param context the host: configuration, data directory, logger and metrics
   */
  @Activate
  public FileEventSink(@Reference(name = "context") PluginContext context) {
    this.logger = context.logger();
    this.settings = SinkSettings.of(context.config(), context.dataDirectory());
    this.written = context.metrics().counter("events.written");
    this.fsyncs = context.metrics().counter("events.fsyncs");
    try {
      this.file = JsonLinesFile.open(settings.file());
    } catch (IOException e) {
      throw new VjvException(
          ErrorType.STORAGE_ERROR, "cannot open " + settings.file() + ": " + e.getMessage(), e);
    }
    if (settings.fsync() == FsyncPolicy.INTERVAL) {
      flusher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "vjvector-file-event-sink-fsync");
                t.setDaemon(true);
                return t;
              });
      long millis = settings.interval().toMillis();
      flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    } else {
      flusher = null;
    }
  }

  @Override
  public synchronized void accept(Event event) {
    if (closed) {
      throw new VjvException(ErrorType.UNAVAILABLE, "the file event sink is closed");
    }
    try {
      file.append(EventLines.format(event));
      written.increment();
      dirty = true;
      if (settings.fsync() == FsyncPolicy.ALWAYS) {
        sync();
      }
    } catch (IOException e) {
      throw new VjvException(
          ErrorType.STORAGE_ERROR,
          "cannot append an event to " + settings.file() + ": " + e.getMessage(),
          e);
    }
  }

  /** Forces written events to the disk if there are any not yet forced. */
  synchronized void flush() throws IOException {
    if (dirty && !closed) {
      sync();
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      logger.log(System.Logger.Level.WARNING, "cannot fsync " + settings.file(), e);
    }
  }

  private void sync() throws IOException {
    file.force();
    fsyncs.increment();
    dirty = false;
  }

  /** Forces what is left to the disk and closes the file; later events are refused. */
  @Deactivate
  public void close() {
    if (flusher != null) {
      flusher.shutdownNow();
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        flush();
      } catch (IOException e) {
        logger.log(System.Logger.Level.WARNING, "cannot fsync " + settings.file(), e);
      } finally {
        closed = true;
        try {
          file.close();
        } catch (IOException e) {
          logger.log(System.Logger.Level.WARNING, "cannot close " + settings.file(), e);
        }
      }
    }
  }
}
