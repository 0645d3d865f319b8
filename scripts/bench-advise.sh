#!/usr/bin/env bash
# Measures `headroom advise` end to end, JVM start included, as a user runs it (bin/headroom).
# Usage: scripts/bench-advise.sh [runs] [system-file]   (build first: mvn -B -ntp -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
file=${2:-examples/acme-shop/system.yaml}
bin/headroom advise "$file" >/dev/null   # warm: makes the class-data-sharing archive if missing
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  bin/headroom advise "$file" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "headroom advise $file: $runs runs, wall time ms: min ${sorted[0]}, median ${sorted[$((n / 2))]}," \
  "p90 ${sorted[$((n * 9 / 10))]}, max ${sorted[$((n - 1))]}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
