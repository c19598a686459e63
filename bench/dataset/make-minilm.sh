#!/usr/bin/env bash
# Builds the 384-d all-MiniLM-L6-v2 text-embedding dataset (bench/README.md, "384-d MiniLM dataset").
#
#   bench/dataset/make-minilm.sh [--small] [--out DIR] [--base N] [--queries N]
#
# Output (default ~/.cache/vjvector-bench/minilm-384, or minilm-384-small with --small):
# base.fvecs, queries.fvecs, groundtruth.ivecs, texts.txt, README.md, SHA256SUMS; work/ holds the
# file list, the candidate texts and partial files. Re-running skips finished steps and resumes an
# interrupted embedding. Environment: OUT BASE QUERIES K SEED BATCH THREADS HEAP JAVA_HOME,
# SKIP_BUILD=1 to reuse the built jar.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SMALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --small) SMALL=1 ;;
    --out) OUT=$2; shift ;;
    --base) BASE=$2; shift ;;
    --queries) QUERIES=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$SMALL" = 1 ]; then
  OUT=${OUT:-$HOME/.cache/vjvector-bench/minilm-384-small}
  BASE=${BASE:-5000}
  QUERIES=${QUERIES:-100}
fi
OUT=${OUT:-$HOME/.cache/vjvector-bench/minilm-384}
BASE=${BASE:-500000}
QUERIES=${QUERIES:-10000}
K=${K:-100}
SEED=${SEED:-42}
BATCH=${BATCH:-256}
THREADS=${THREADS:-$(nproc)}
HEAP=${HEAP:-4g}
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
  JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
export JAVA_HOME
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

log() { echo "[$(date '+%F %T')] $*"; }

# The text comes only from these packages' files, so another bookworm machine gets the same texts.
PACKAGES="base-files wamerican wbritish wordnet-base fortunes-min fortunes manpages manpages-dev
  perl-doc dict-gcide dict-foldoc"

missing=()
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  SUDO=
  [ "$(id -u)" = 0 ] || SUDO=sudo
  # dict-* pull in dictd; its service is not needed (policy-rc.d may refuse to start it).
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
    || { $SUDO apt-get update && $SUDO env DEBIAN_FRONTEND=noninteractive \
           apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

JAR=$HERE/target/minilm-dataset.jar
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$HERE" && mvn -B -q -Dstyle.color=never package -DskipTests)
fi

mkdir -p "$OUT/work"
# shellcheck disable=SC2086
dpkg -L $PACKAGES | LC_ALL=C sort -u > "$OUT/work/files.txt.new"
# shellcheck disable=SC2086
dpkg-query -W -f='${Package} ${Version}\n' $PACKAGES | LC_ALL=C sort > "$OUT/work/packages.txt"
mv "$OUT/work/files.txt.new" "$OUT/work/files.txt"
log "out=$OUT base=$BASE queries=$QUERIES k=$K seed=$SEED batch=$BATCH threads=$THREADS"

"$JAVA" -Xmx"$HEAP" -jar "$JAR" --out "$OUT" --base "$BASE" --queries "$QUERIES" --k "$K" \
  --seed "$SEED" --batch "$BATCH" --threads "$THREADS" 2>&1 | { grep --line-buffered -v '^SLF4J:' || true; }
"$JAVA" -Xmx"$HEAP" -jar "$JAR" verify "$OUT" 3 2>&1 | { grep --line-buffered -v '^SLF4J:' || true; }
log "finished"
ls -l "$OUT"
