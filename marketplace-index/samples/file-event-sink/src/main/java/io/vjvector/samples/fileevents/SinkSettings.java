package io.vjvector.samples.fileevents;

import io.vjvector.sdk.host.Config;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sink's configuration ({@code etc/io.vjvector.samples.file.eventsink.cfg}).
 *
 * @param file {@code file}, default {@code events.jsonl}: a path inside the plugin's data
 *     directory, which is the only place the host lets a plugin write
 * @param fsync {@code fsync}: {@code always}, {@code interval} (default) or {@code never}
 * @param interval {@code fsync-interval}, default 1s
 */
record SinkSettings(Path file, FsyncPolicy fsync, Duration interval) {

  static SinkSettings of(Config config, Path dataDirectory) {
    String name = config.getString("file", "events.jsonl").strip();
    Path base = dataDirectory.toAbsolutePath().normalize();
    Path file;
    try {
      file = base.resolve(name).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("configuration 'file' is not a path: " + name);
    }
    if (name.isEmpty() || !file.startsWith(base) || file.equals(base)) {
      throw new IllegalArgumentException(
          "configuration 'file' must name a file inside the plugin's data directory, not '"
              + name
              + "'");
    }
    Duration interval = config.getDuration("fsync-interval", Duration.ofSeconds(1));
    if (interval.isZero()) {
      throw new IllegalArgumentException("configuration 'fsync-interval' must be above zero");
    }
    return new SinkSettings(
        file, config.getEnum("fsync", FsyncPolicy.class, FsyncPolicy.INTERVAL), interval);
  }
}
