#!/usr/bin/env bash
# Races `headroom collect log` against goaccess on the same multi-million-line nginx combined log,
# in one run, end to end (process start to exit), and prints lines/s, wall time and peak RSS.
#
#   headroom-bench/scripts/accesslog-vs-goaccess.sh [LINES] [WORKDIR]     (default 2000000 /tmp/headroom-logbench)
#
# Needs: a built checkout (mvn -B -ntp -q -DskipTests package), goaccess (Debian package),
# python3 and GNU time (/usr/bin/time). The log is generated once per LINES by the seeded
# gen-access-log.py (seed 1) and reused. A second, quarter-size log shows whether headroom's
# memory grows with the file.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
lines=${1:-2000000}
work=${2:-/tmp/headroom-logbench}
mkdir -p "$work"
log="$work/access-$lines.log"
quarter="$work/access-$((lines / 4)).log"
[ -s "$log" ] || python3 "$here/headroom-bench/scripts/gen-access-log.py" "$lines" "$log" 1
[ -s "$quarter" ] || head -n $((lines / 4)) "$log" > "$quarter"

measure() { # name, file, command...
  local name=$1 file=$2
  shift 2
  /usr/bin/time -v "$@" > "$work/$name.out" 2> "$work/$name.time"
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
  # CPU seconds (user + system): the steadier measure when other jobs share the cores
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/$name.time")
  local n
  n=$(wc -l < "$file")
  printf '%-18s %9d lines %8.2f s wall %10.0f lines/s %8.2f s CPU %10.0f lines/CPU-s %5d MiB RSS\n' \
    "$name" "$n" "$wall" "$(echo "$n / $wall" | bc -l)" "$cpu" "$(echo "$n / $cpu" | bc -l)" \
    $((rss / 1024))
  echo "$name $n $wall $rss $cpu" >> "$work/results.txt"
}

: > "$work/results.txt"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "goaccess $(goaccess --version | head -1 | awk '{print $3}'), $(java -version 2>&1 | head -1)"
measure goaccess "$log" goaccess "$log" --log-format=COMBINED --no-global-config --no-progress \
  --no-parsing-spinner -o "$work/goaccess.csv"
measure headroom "$log" "$here/bin/headroom" collect log "$log" --log-format combined -o "$work/web.json"
measure headroom-quarter "$quarter" "$here/bin/headroom" collect log "$quarter" --log-format combined -o "$work/web-quarter.json"
awk '$1 == "goaccess" { g = $2 / $3; gc = $2 / $5 } $1 == "headroom" { h = $2 / $3; hc = $2 / $5 }
     END { printf "headroom / goaccess: %.1fx lines per wall second, %.1fx lines per CPU second\n", h / g, hc / gc }' \
  "$work/results.txt"
