package io.vjvector.marketplace.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredStateTest {
  @TempDir Path dir;

  @Test
  void survivesReloadAndRemoval() throws IOException {
    Path file = dir.resolve("state/plugins.json");
    DesiredState s = DesiredState.load(file);
    s.put("a.b", new DesiredState.Plugin("1.1.0", "f".repeat(64), "1.0.0", "e".repeat(64)));
    s.put("c.d", new DesiredState.Plugin("2.0.0", "d".repeat(64), null, null));
    DesiredState again = DesiredState.load(file);
    assertEquals("1.0.0", again.get("a.b").previousVersion());
    assertEquals("2.0.0", again.get("c.d").version());
    again.put("a.b", null);
    assertNull(DesiredState.load(file).get("a.b"));
    assertFalse(Files.exists(file.resolveSibling("plugins.json.tmp")));
  }
}
