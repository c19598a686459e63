#!/usr/bin/env bash
# End-to-end REST load on a fresh node: unpacks the assembly into a new folder with a temporary data
# directory, starts `bin/karaf run` on loopback ports, waits for /api/v1/ready, runs
# io.vjvector.bench.RestLoad ingest (durable batch upserts), optionally a search while the background
# indexer is still linking, then waits (bounded) until the collection is green and runs the search
# phase, prints a results table, and always stops the node. Loopback only; every wait is bounded.
#   usage: bench/rest-load.sh [base.fvecs [queries.fvecs [groundtruth.ivecs]]]
#   environment (defaults):
#     COUNT=100000 DIM=384 DISTANCE=cosine BATCH=256 INGEST_CLIENTS=4   ingest (random vectors
#                                                    unless base.fvecs is given; ids = row numbers)
#     LATENT_DIM=0 (random vectors: 0 uniform; e.g. 16 for embedding-like rows of low intrinsic dim)
#     QUANTIZATION= (none, int8 or binary: the collection's; empty: the node's default)
#     VECTOR_ENCODING=json (base64: vectors sent as base64 of little-endian float32, ingest and search)
#     INDEX_TIMEOUT=1800 (seconds to wait for status green after the last ack)
#     SEARCH_DURING_INDEXING=0 (e.g. 10: seconds of search right after ingest, before green;
#                                INDEXING_WARMUP=3 s of it not counted)
#     SEARCH_CLIENTS=8 DURATION=30 WARMUP=15 MAX_REQUESTS=2000000 K=10 EF= EXACT_RECALL=200   search
#     EF_SWEEP= (e.g. "16 32 128": after the search phase, SWEEP_DURATION=15 s more of search at each
#                hnsw_ef, 3 s warm-up each, with recall against exact; rows search_ef<N>)
#     PORT=18481 (and the next three for SSH and RMI)   JAVA_MAX_MEM (node heap, bin/setenv: 2G)
#     ASSEMBLY=karaf-assembly/target/vjvector-karaf-assembly-0.1.0-SNAPSHOT.tar.gz
#     REBUILD=0 (1: rebuild the bench jar, and the assembly unless ASSEMBLY is given; the driver's
#                own classes are compiled with javac into bench/target/rest-load-classes whenever
#                bench/.../RestLoad*.java is newer, so a benchmarks.jar in use is never replaced)
#     KEEP=0 (1: keep the run folder: node, data, console.log, results.tsv, *.jfr)
#     PROFILE=0 (1: JFR-record the node during each phase and print where its time went)
#     SERVER_CPUS= CLIENT_CPUS= (taskset CPU lists, to keep the driver off the node's cores)
set -euo pipefail
abs() { [ -z "$1" ] || realpath -e "$1"; }
base=$(abs "${1:-}")
queries=$(abs "${2:-}")
gt=$(abs "${3:-}")
assembly=$(abs "${ASSEMBLY:-}")
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
if [ -n "${JAVA_HOME:-}" ]; then
  export PATH="$JAVA_HOME/bin:$PATH"
fi

count=${COUNT:-100000}
dim=${DIM:-384}
distance=${DISTANCE:-cosine}
batch=${BATCH:-256}
ingest_clients=${INGEST_CLIENTS:-4}
search_clients=${SEARCH_CLIENTS:-8}
duration=${DURATION:-30}
warmup=${WARMUP:-15}
max_requests=${MAX_REQUESTS:-2000000}
k=${K:-10}
ef=${EF:-}
exact_recall=${EXACT_RECALL:-200}
latent=${LATENT_DIM:-0}
index_timeout=${INDEX_TIMEOUT:-1800}
during=${SEARCH_DURING_INDEXING:-0}
during_warmup=${INDEXING_WARMUP:-3}
port=${PORT:-18481}
archive=${assembly:-karaf-assembly/target/vjvector-karaf-assembly-0.1.0-SNAPSHOT.tar.gz}
jar=bench/target/benchmarks.jar
classes=bench/target/rest-load-classes

# --- build what is missing (or everything with REBUILD=1) ----------------------------------------
if [ -z "$assembly" ] && { [ "${REBUILD:-0}" = 1 ] || [ ! -f "$archive" ]; }; then
  echo "building the assembly..." >&2
  mvn -B -q -o install -DskipTests -pl karaf-assembly -am
fi
if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$jar" ]; then
  echo "building the bench jar..." >&2
  mvn -B -q -o install -DskipTests -pl bench
fi
# The driver (RestLoad, RestLoadProfile) is compiled on its own, ahead of the jar on the class path:
# another benchmark may be running from benchmarks.jar, which a rebuild would replace under it.
sources=(bench/src/main/java/io/vjvector/bench/RestLoad.java
  bench/src/main/java/io/vjvector/bench/RestLoadProfile.java)
if [ ! -f "$classes/io/vjvector/bench/RestLoad.class" ] \
  || [ -n "$(find "${sources[@]}" -newer "$classes/io/vjvector/bench/RestLoad.class")" ]; then
  echo "compiling the driver into $classes..." >&2
  rm -rf "$classes" && mkdir -p "$classes"
  javac -nowarn -d "$classes" -cp "$jar" "${sources[@]}"
fi
cp="$classes:$jar"
[ -f "$archive" ] || { echo "no assembly at $archive" >&2; exit 1; }

for p in "$port" $((port + 1)) $((port + 2)) $((port + 3)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p on 127.0.0.1 is in use; set PORT to a free range" >&2
    exit 1
  fi
done

# --- a fresh node ---------------------------------------------------------------------------------
run=$(mktemp -d "${TMPDIR:-/tmp}/vjv-rest-load.XXXXXX")
node="$run/node"
mkdir -p "$node" "$run/data"
tar -xzf "$archive" -C "$node" --strip-components=1
launcher=""
jvm=""

stop_node() {
  set +e
  if [ -z "$jvm" ] && [ -n "$launcher" ]; then # interrupted before the JVM was looked up
    jvm=$(pgrep -P "$launcher" java | head -1)
  fi
  if [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null; then
    kill -TERM "$jvm"
    for _ in $(seq 1 300); do # at most 30 s for a clean stop
      kill -0 "$jvm" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$jvm" 2>/dev/null && kill -KILL "$jvm"
  fi
  if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
    kill -TERM "$launcher"
    sleep 0.5
    kill -0 "$launcher" 2>/dev/null && kill -KILL "$launcher"
  fi
  [ -n "$launcher" ] && wait "$launcher" 2>/dev/null
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept $run (node, data, console.log, results.tsv, *.jfr)" >&2
  else
    rm -rf "$run"
  fi
}
trap stop_node EXIT
trap 'exit 130' INT TERM

server_wrap=()
client_wrap=()
[ -n "${SERVER_CPUS:-}" ] && server_wrap=(taskset -c "$SERVER_CPUS")
[ -n "${CLIENT_CPUS:-}" ] && client_wrap=(taskset -c "$CLIENT_CPUS")
extra_opts=${EXTRA_JAVA_OPTS:-}
if [ "${PROFILE:-0}" = 1 ]; then
  # deep enough for Jetty + CXF + Jackson stacks, so samples can be told apart by component
  extra_opts="$extra_opts -XX:FlightRecorderOptions:stackdepth=256"
fi

VJV_DATA_DIR="$run/data" VJV_HTTP_PORT=$port VJV_SSH_PORT=$((port + 1)) \
  VJV_RMI_REGISTRY_PORT=$((port + 2)) VJV_RMI_SERVER_PORT=$((port + 3)) \
  EXTRA_JAVA_OPTS="$extra_opts" \
  "${server_wrap[@]}" "$node/bin/karaf" run >"$run/console.log" 2>&1 &
launcher=$!
start=$(date +%s%N)
ready=""
for _ in $(seq 1 1800); do # at most 180 s
  if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/api/v1/ready"; then
    ready=$(date +%s%N)
    break
  fi
  kill -0 "$launcher" 2>/dev/null || break
  sleep 0.1
done
jvm=$(pgrep -P "$launcher" java | head -1 || true)
if [ -z "$ready" ] || [ -z "$jvm" ]; then
  echo "node not ready within 180 s; console.log:" >&2
  tail -20 "$run/console.log" >&2
  KEEP=1
  exit 1
fi
echo "node pid $jvm ready in $(((ready - start) / 1000000)) ms; data in $run/data ($(df -PT "$run" | awk 'NR==2 {print $2" on "$1}'))"

client() {
  "${client_wrap[@]}" java -Xms1g -Xmx2g -XX:+UseParallelGC -cp "$cp" io.vjvector.bench.RestLoad "$@" \
    --url "http://127.0.0.1:$port/api/v1" --api-key-file "$run/data-security/admin.key" \
    --server-pid "$jvm" --tsv "$run/results.tsv" \
    --seed "${SEED:-42}" --latent-dim "$latent"
}
jfr_start() {
  [ "${PROFILE:-0}" = 1 ] || return 0
  jcmd "$jvm" JFR.start name="$1" settings=profile filename="$run/$1.jfr" >/dev/null
}
jfr_stop() {
  [ "${PROFILE:-0}" = 1 ] || return 0
  jcmd "$jvm" JFR.stop name="$1" >/dev/null
  java -cp "$cp" io.vjvector.bench.RestLoad profile --jfr "$run/$1.jfr" --top 15
  if [ "${KEEP:-0}" != 1 ]; then
    mkdir -p bench/target && cp "$run/$1.jfr" "bench/target/rest-load-$1.jfr"
  fi
}

status=0
ingest_args=(--count "$count" --batch "$batch" --clients "$ingest_clients" --distance "$distance")
if [ -n "$base" ]; then ingest_args+=(--base "$base"); else ingest_args+=(--dim "$dim"); fi
[ -n "${QUANTIZATION:-}" ] && ingest_args+=(--quantization "$QUANTIZATION")
ingest_args+=(--vector-encoding "${VECTOR_ENCODING:-json}")
echo
echo "uptime: $(uptime)"
jfr_start ingest
client ingest "${ingest_args[@]}" || status=1
jfr_stop ingest
last_ack=$(awk -F'\t' '$1 == "ingest" && $2 == "last_ack_unix_ms" {print $3}' \
  "$run/results.tsv" 2>/dev/null || true)

query_args=(--k "$k" --vector-encoding "${VECTOR_ENCODING:-json}")
[ -n "$ef" ] && query_args+=(--ef "$ef")
[ -n "$queries" ] && query_args+=(--queries "$queries")
if [ "$during" -gt 0 ]; then # the graph is still being linked: part of each search is exact
  echo
  echo "uptime: $(uptime)"
  client search "${query_args[@]}" --phase search_indexing --clients "$search_clients" \
    --duration "$during" --warmup "$during_warmup" --max-requests "$max_requests" || status=1
fi

echo
echo "uptime: $(uptime)"
jfr_start index
client await --max-seconds "$index_timeout" ${last_ack:+--since-ms "$last_ack"} || status=1
jfr_stop index

echo
echo "uptime: $(uptime)"
jfr_start search
search_args=(--clients "$search_clients" --duration "$duration" --warmup "$warmup"
  --max-requests "$max_requests")
[ -n "$gt" ] && search_args+=(--gt "$gt")
client search "${query_args[@]}" "${search_args[@]}" || status=1
jfr_stop search
if [ "$exact_recall" -gt 0 ]; then # after the recording: exact scans are not the load measured
  client recall "${query_args[@]}" --exact-recall "$exact_recall" || status=1
fi
for e in ${EF_SWEEP:-}; do
  [[ "$e" =~ ^[0-9]+$ ]] || { echo "EF_SWEEP: '$e' is not a number" >&2; status=1; continue; }
  sweep_args=(--k "$k" --ef "$e")
  [ -n "$queries" ] && sweep_args+=(--queries "$queries")
  echo
  client search "${sweep_args[@]}" --phase "search_ef$e" --clients "$search_clients" \
    --duration "${SWEEP_DURATION:-15}" --warmup 3 --max-requests "$max_requests" \
    --exact-recall "$exact_recall" || status=1
done

echo
echo "results ($(nproc) cores shared by node and driver; $(date -u +%FT%TZ)):"
awk -F'\t' '
  BEGIN {
    target["ingest/vectors_per_s"] = ">= 20000"; target["ingest/errors"] = "0"; target["index/green"] = "1"
    target["search/qps"] = ">= 3000"; target["search/p99_ms"] = "<= 10"; target["search/errors"] = "0"
    printf "%-16s %-24s %14s %10s\n", "phase", "metric", "value", "target"
  }
  $2 == "last_ack_unix_ms" { next }
  { printf "%-16s %-24s %14s %10s\n", $1, $2, $3, target[$1 "/" $2] }
' "$run/results.tsv"
exit "$status"
