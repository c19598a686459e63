#!/usr/bin/env bash
# Records the SDK as it is built now as the released baseline VERSION, once per SDK release.
# Afterwards set <sdk.baseline.version> in plugin-sdk/pom.xml to VERSION and commit both.
set -euo pipefail
version=${1:?usage: $0 VERSION (for example 1.1.0)}
sdk="$(cd "$(dirname "$0")/.." && pwd)"
artifact=vjvector-plugin-sdk
dir="$sdk/baseline-repo/io/vjvector/$artifact/$version"
if [ -e "$dir" ]; then
  echo "baseline $version exists: a released baseline never changes" >&2
  exit 1
fi
mvn -B -q -o -f "$sdk/pom.xml" clean package
built=$(ls "$sdk"/target/$artifact-*.jar)
mkdir -p "$dir"
cp "$built" "$dir/$artifact-$version.jar"
# Only package versions are baselined; the bundle version is set to the release for readable reports
# (jar warns about the header it replaces; the result holds it once).
manifest=$(mktemp)
printf 'Bundle-Version: %s\n' "$version" >"$manifest"
jar --update --file "$dir/$artifact-$version.jar" --manifest "$manifest"
rm -f "$manifest"
cat >"$dir/$artifact-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.vjvector</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
  <name>VJVector :: Plugin SDK (API baseline $version)</name>
</project>
POM
(cd "$dir" && sha256sum "$artifact-$version.jar" >"$artifact-$version.jar.sha256")
echo "recorded $dir; now set <sdk.baseline.version>$version</sdk.baseline.version> in $sdk/pom.xml"
