#!/usr/bin/env bash
# Measures `bin/headroom fit FILE` end to end (JVM start included, as a user runs it) on a generated
# JMeter CSV: wall time, MB/s (10^6 bytes per second) and peak RSS of each run, then the medians.
# Usage: scripts/bench-jmeter.sh [size-MB] [runs]   (build first: mvn -B -ntp -q -DskipTests package)
# The file is written once by scripts/gen-jmeter-csv.py (seed 1) to ${TMPDIR:-/tmp}.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
runs=${2:-3}
file="${TMPDIR:-/tmp}/headroom-jmeter-${size}MB.csv"
[ -f "$file" ] || python3 scripts/gen-jmeter-csv.py "$size" "$file"
bytes=$(wc -c <"$file")
bin/headroom fit "$file" >/dev/null # makes the class-data-sharing archive if missing
walls=()
rss=()
for i in $(seq "$runs"); do
  out=$( { /usr/bin/time -f '%e %M' bin/headroom fit "$file" >/dev/null; } 2>&1 | tail -1)
  walls+=("${out% *}")
  rss+=("${out#* }")
  echo "run $i: ${out% *} s, $(echo "$bytes / ${out% *} / 1000000" | bc -l | xargs printf '%.0f') MB/s, max RSS $((${out#* } / 1024)) MiB, load average $(cut -d' ' -f1 /proc/loadavg)"
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
maxrss=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
echo "bin/headroom fit $file ($bytes bytes): median of $runs runs $median s," \
  "$(echo "$bytes / $median / 1000000" | bc -l | xargs printf '%.0f') MB/s; max RSS $((maxrss / 1024)) MiB"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(date -u +%F)"
