package io.vjvector.samples.fileevents;

/**
 * When the sink forces written events from the operating system's cache to the disk ({@code
 * fsync}). Every event is written to the operating system before {@code accept} returns, so a crash
 * of the JVM alone loses none; the policy decides what a crash of the machine (or a power loss) can
 * lose.
 */
enum FsyncPolicy {
  /** Before {@code accept} returns: nothing acknowledged is lost, at one disk flush per event. */
  ALWAYS,
  /**
   * A background thread flushes at most once per {@code fsync-interval} (default 1s) and only when
   * something was written: a machine crash loses at most about the last interval's events.
   */
  INTERVAL,
  /** Only when the sink closes; in between the operating system decides (typically 5-30 s). */
  NEVER
}
