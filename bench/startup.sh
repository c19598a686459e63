#!/usr/bin/env bash
# Cold start and idle memory of a fresh node: unpacks the assembly into a new folder, starts
# `bin/karaf run`, and reports the time from process start to the first 200 from /api/v1/ready, then
# the resident memory of the JVM after it has idled. Loopback only; every wait is bounded.
#   usage: bench/startup.sh [assembly.tar.gz]     (RUNS=3 IDLE_SECONDS=20 PORT=18381)
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-karaf-assembly/target/vjvector-karaf-assembly-0.1.0-SNAPSHOT.tar.gz}
runs=${RUNS:-3}
idle=${IDLE_SECONDS:-20}
port=${PORT:-18381}

printf '%-4s %14s %14s\n' run ready_ms idle_rss_mb
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  tar -xzf "$archive" -C "$dir" --strip-components=1
  start=$(date +%s%N)
  VJV_HTTP_PORT=$port VJV_SSH_PORT=$((port + 1)) VJV_RMI_REGISTRY_PORT=$((port + 2)) \
    VJV_RMI_SERVER_PORT=$((port + 3)) "$dir/bin/karaf" run >"$dir/console.log" 2>&1 &
  launcher=$!
  ready=""
  for _ in $(seq 1 2400); do # at most 120 s
    if curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/ready"; then
      ready=$(date +%s%N)
      break
    fi
    sleep 0.05
  done
  if [ -z "$ready" ]; then
    echo "run $run: not ready within 120 s; see $dir/console.log" >&2
    pkill -KILL -P "$launcher" || true
    exit 1
  fi
  sleep "$idle"
  jvm=$(pgrep -P "$launcher" java | head -1)
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$jvm/status")
  printf '%-4s %14d %14d\n' "$run" $(((ready - start) / 1000000)) $((rss_kb / 1024))
  kill "$jvm"
  wait "$launcher" 2>/dev/null || true
  rm -rf "$dir"
done
