package io.vjvector.marketplace.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogArchiveTest {
  @TempDir Path dir;

  private Path zip(Map<String, String> files) throws IOException {
    Path zip = dir.resolve("c.zip");
    try (OutputStream f = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(f)) {
      for (Map.Entry<String, String> e : files.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }

  @Test
  void unpacksTheCatalogLayout() throws IOException {
    String sha = "a".repeat(64);
    Path into = dir.resolve("m");
    CatalogArchive.unpack(
        zip(
            Map.of(
                "keys.json",
                "k",
                "index.json.sig",
                "s",
                "root/2.json",
                "r",
                "artifacts/sha256/" + sha + ".jar",
                "j")),
        into);
    assertEquals("k", Files.readString(into.resolve("keys.json")));
    assertEquals("j", Files.readString(into.resolve("artifacts/sha256/" + sha + ".jar")));
  }

  @Test
  void refusesPathsOutsideTheLayout() throws IOException {
    for (String bad :
        new String[] {
          "../evil.json",
          "keys.json/../../x",
          "artifacts/sha256/short.jar",
          "etc/config",
          "/keys.json"
        }) {
      Path into = dir.resolve("m");
      IOException e =
          assertThrows(IOException.class, () -> CatalogArchive.unpack(zip(Map.of(bad, "x")), into));
      assertTrue(e.getMessage().contains("unexpected file"), e.getMessage());
      assertFalse(Files.exists(dir.resolve("evil.json")));
    }
  }

  @Test
  void replaceSwapsTheMirror() throws IOException {
    Path mirror = dir.resolve("mirror");
    Files.createDirectories(mirror);
    Files.writeString(mirror.resolve("keys.json"), "old");
    Path staged = dir.resolve("staged");
    Files.createDirectories(staged);
    Files.writeString(staged.resolve("keys.json"), "new");
    CatalogArchive.replace(staged, mirror);
    assertEquals("new", Files.readString(mirror.resolve("keys.json")));
    assertFalse(Files.exists(staged));
    assertFalse(Files.exists(dir.resolve("mirror.old")));
  }
}
