package io.vjvector.marketplace.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.PluginKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Catalog entries in {@code index.json}, and the canonical bytes a publisher signs: the entry's
 * signed fields, from parsed values, keys sorted, no whitespace. Because the bytes are rebuilt from
 * parsed values, the file's own spelling (spacing, field order, {@code 1.0} for {@code 1.0.0}) does
 * not matter, and every field that means something is covered.
 */
public final class EntryCodec {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "version",
          "name",
          "description",
          "publisher",
          "kind",
          "sdkImports",
          "sdkRange",
          "javaVersion",
          "artifact",
          "size",
          "sha256",
          "permissions",
          "yanked",
          "signature");

  private EntryCodec() {}

  public static CatalogEntry read(ObjectNode node, String what) throws CatalogException {
    Json.onlyFields(node, what, FIELDS);
    String id = Json.text(node, "id", what);
    String at = what + " (" + id + ")";
    Map<String, VersionRange> imports = new LinkedHashMap<>();
    ObjectNode importsNode = Json.object(node, "sdkImports", at);
    for (Iterator<Map.Entry<String, JsonNode>> it = importsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> item = it.next();
      if (!item.getValue().isTextual()) {
        throw new CatalogException(Reason.MALFORMED, at + ": sdkImports values must be strings");
      }
      imports.put(item.getKey(), range(item.getValue().textValue(), at));
    }
    CatalogEntry entry =
        new CatalogEntry(
            id,
            version(Json.text(node, "version", at), at),
            Json.text(node, "name", at),
            Json.text(node, "description", at),
            Json.text(node, "publisher", at),
            kind(Json.text(node, "kind", at), at),
            imports,
            node.hasNonNull("sdkRange") ? range(Json.text(node, "sdkRange", at), at) : null,
            Math.toIntExact(Json.positive(node, "javaVersion", at)),
            Json.text(node, "artifact", at),
            Json.positive(node, "size", at),
            Json.text(node, "sha256", at),
            Json.strings(node, "permissions", at),
            Json.bool(node, "yanked", at),
            SignatureCodec.readOne(Json.object(node, "signature", at), at + ": signature"));
    validate(entry, at);
    return entry;
  }

  public static ObjectNode write(CatalogEntry entry) {
    ObjectNode node = signedFields(entry);
    node.put("yanked", entry.yanked());
    if (entry.signature() != null) {
      node.set("signature", SignatureCodec.writeOne(entry.signature()));
    }
    return node;
  }

  /** The bytes the publisher signs. */
  public static byte[] canonical(CatalogEntry entry) {
    return Json.compact(signedFields(entry));
  }

  /** The rules of the format that the record's constructor does not already enforce. */
  public static void validate(CatalogEntry entry, String what) throws CatalogException {
    List<String> problems = new ArrayList<>();
    if (!SymbolicNames.isValid(entry.id())) {
      problems.add("id '" + entry.id() + "' is not a valid bundle symbolic name");
    }
    if (!SymbolicNames.isPublisherId(entry.publisher())) {
      problems.add("publisher '" + entry.publisher() + "' is not a valid publisher id");
    }
    if (!Hex.isSha256(entry.sha256())) {
      problems.add("sha256 must be 64 lowercase hex digits");
    } else if (!entry.artifact().equals(CatalogEntry.artifactPath(entry.sha256()))) {
      problems.add("artifact must be " + CatalogEntry.artifactPath(entry.sha256()));
    }
    if (entry.size() < 1) {
      problems.add("size must be at least 1");
    }
    if (entry.javaVersion() < 1) {
      problems.add("javaVersion must be at least 1");
    }
    for (String pkg : entry.sdkImports().keySet()) {
      if (!ManifestReader.isSdkPackage(pkg)) {
        problems.add("sdkImports names '" + pkg + "', which is not an SDK package");
      }
    }
    Optional<VersionRange> expected = SdkRanges.intersection(entry.sdkImports().values());
    if (!Objects.equals(expected.orElse(null), entry.sdkRange())) {
      problems.add(
          "sdkRange must be the intersection of the sdkImports ranges: "
              + expected.map(VersionRange::toString).orElse("absent"));
    }
    if (new HashSet<>(entry.permissions()).size() != entry.permissions().size()) {
      problems.add("permissions has duplicates");
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(Reason.MALFORMED, what + ": " + String.join("; ", problems));
    }
  }

  private static ObjectNode signedFields(CatalogEntry entry) {
    ObjectNode node = Json.object();
    node.put("artifact", entry.artifact());
    node.put("description", entry.description());
    node.put("id", entry.id());
    node.put("javaVersion", entry.javaVersion());
    node.put("kind", entry.kind().id());
    node.put("name", entry.name());
    entry.permissions().forEach(node.putArray("permissions")::add);
    node.put("publisher", entry.publisher());
    ObjectNode imports = node.putObject("sdkImports");
    entry.sdkImports().forEach((pkg, range) -> imports.put(pkg, range.toString()));
    if (entry.sdkRange() != null) {
      node.put("sdkRange", entry.sdkRange().toString());
    }
    node.put("sha256", entry.sha256());
    node.put("size", entry.size());
    node.put("version", entry.version().toString());
    return node;
  }

  private static Version version(String text, String what) throws CatalogException {
    try {
      return Version.parseVersion(text);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(Reason.MALFORMED, what + ": bad version '" + text + "'", e);
    }
  }

  private static VersionRange range(String text, String what) throws CatalogException {
    try {
      return VersionRange.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(Reason.MALFORMED, what + ": bad version range '" + text + "'", e);
    }
  }

  private static PluginKind kind(String text, String what) throws CatalogException {
    return PluginKind.fromId(text)
        .orElseThrow(
            () -> new CatalogException(Reason.MALFORMED, what + ": unknown kind '" + text + "'"));
  }
}
