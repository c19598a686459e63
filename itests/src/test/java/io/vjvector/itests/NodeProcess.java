package io.vjvector.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A VJVector node as a user runs it: the assembly unpacked into its own folder and started with
 * {@code bin/karaf run}, as a separate OS process that a test can stop gracefully or kill with
 * SIGKILL.
 */
final class NodeProcess implements AutoCloseable {
  private final java.util.Map<String, String> extraEnv = new java.util.HashMap<>();

  private final Path home;
  private final int httpPort;
  private Process process;

  private NodeProcess(Path home, int httpPort) {
    this.home = home;
    this.httpPort = httpPort;
  }

  /** Unpacks a fresh copy of the assembly under the itest folder. */
  static NodeProcess unpack(String name, int httpPort) throws IOException, InterruptedException {
    Path runs = Path.of(System.getProperty("vjvector.itest.dir", "target/itest-runs"));
    Path dir = runs.resolve(name);
    if (Files.exists(dir)) {
      run(List.of("rm", "-rf", dir.toString()), runs);
    }
    Files.createDirectories(dir);
    String archive = System.getProperty("vjvector.assembly");
    run(List.of("tar", "-xzf", archive, "-C", dir.toString(), "--strip-components=1"), runs);
    return new NodeProcess(dir, httpPort);
  }

  private static void run(List<String> command, Path cwd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).inheritIO().start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("failed: " + command);
    }
  }

  Path home() {
    return home;
  }

  /** Sets an environment variable for the next starts (for example a small checkpoint size). */
  NodeProcess env(String name, String value) {
    extraEnv.put(name, value);
    return this;
  }

  Http http() {
    return new Http(httpPort, home.resolve("data/vjvector-security/admin.key"));
  }

  /** Starts the node and waits until it is ready. */
  void start() throws IOException, InterruptedException {
    int offset = httpPort - 18000;
    ProcessBuilder pb =
        new ProcessBuilder(List.of(home.resolve("bin/karaf").toString(), "run"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(new File(home.toFile(), "console.log")));
    pb.environment().put("VJV_HTTP_PORT", String.valueOf(httpPort));
    pb.environment().put("VJV_SSH_PORT", String.valueOf(28000 + offset));
    pb.environment().put("VJV_RMI_REGISTRY_PORT", String.valueOf(29000 + offset));
    pb.environment().put("VJV_RMI_SERVER_PORT", String.valueOf(30000 + offset));
    pb.environment().put("JAVA_MAX_MEM", "1G");
    pb.environment().putAll(extraEnv);
    process = pb.start();
    http().awaitReady(Duration.ofSeconds(120));
  }

  /** SIGKILL to the node's whole process tree: no shutdown hook, no flush, no close. */
  void kill9() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    process.descendants().forEach(h -> h.onExit().join());
  }

  /** A graceful stop (SIGTERM), as a service manager would do it. */
  void stop() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    for (ProcessHandle h : process.descendants().toArray(ProcessHandle[]::new)) {
      h.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }
    process.destroy();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill9();
    }
  }
}
