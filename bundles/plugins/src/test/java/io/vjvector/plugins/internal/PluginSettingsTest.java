package io.vjvector.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.host.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginSettingsTest {
  private static final Map<String, Object> CFG =
      Map.of(
          "service.pid", "com.example.remote",
          "felix.fileinstall.filename", "file:/opt/vjvector/etc/com.example.remote.cfg",
          "endpoint", "https://models.example.com/embed",
          "timeout", "10s",
          "batch", 32,
          "secret.api-key", "sk-123",
          "vjvector.egress.allow", "models.example.com, *.cdn.example.com",
          "vjvector.tenants", "default,acme");

  @Test
  void configHoldsOnlyThePluginsOwnValues() {
    PluginSettings s = PluginSettings.of("com.example.remote", CFG, name -> null);
    Config c = s.config();
    assertEquals(
        List.of("batch", "endpoint", "timeout"),
        c.asMap().keySet().stream().sorted().toList(),
        "no secrets, grants or ConfigAdmin keys");
    assertEquals(Duration.ofSeconds(10), c.getDuration("timeout", Duration.ZERO));
    assertEquals(32, c.getInt("batch", 0));
    assertFalse(c.toString().contains("sk-123"));
  }

  @Test
  void secretsComeFromMarkedEntriesThenTheEnvironment() {
    Map<String, String> env = Map.of("VJVECTOR_SECRET_COM_EXAMPLE_REMOTE_DB_PASSWORD", "pw");
    PluginSettings s = PluginSettings.of("com.example.remote", CFG, env::get);
    assertArrayEquals("sk-123".toCharArray(), s.secret("api-key").orElseThrow());
    assertArrayEquals("pw".toCharArray(), s.secret("db-password").orElseThrow());
    assertEquals(Optional.empty(), s.secret("other"));
    char[] copy = s.secret("api-key").orElseThrow();
    java.util.Arrays.fill(copy, '\0');
    assertArrayEquals("sk-123".toCharArray(), s.secret("api-key").orElseThrow(), "a fresh copy");
  }

  @Test
  void grants() {
    PluginSettings s = PluginSettings.of("com.example.remote", CFG, name -> null);
    assertEquals(List.of("models.example.com", "*.cdn.example.com"), s.egressAllow());
    assertTrue(s.mayUseTenant("acme"));
    assertFalse(s.mayUseTenant("other"));
    PluginSettings none = PluginSettings.of("com.example.remote", Map.of(), name -> null);
    assertEquals(List.of(), none.egressAllow());
    assertFalse(none.mayUseTenant("default"), "no tenant unless granted");
    assertTrue(
        PluginSettings.of("p", Map.of("vjvector.tenants", "*"), name -> null).mayUseTenant("x"));
  }
}
