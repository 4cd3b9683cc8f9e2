#!/usr/bin/env bash
# Scaling benchmark: `quartz check` wall time for generated programs of growing size, per shape
# (bench/scaling/shapes.py), with the growth ratio between the sizes. A linear shape shows a
# ratio near the size ratio (10x, 5x); a quadratic one near its square. Not a test.
#
# usage: bench/scaling/run.sh [RUNS]   (median of RUNS runs, default 3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
quartz="$here/../../quartz"
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start; start=$(now_ms)
    "$quartz" check "$1" > /dev/null 2>&1 || true   # error shapes exit 1 by design
    times+=($(( $(now_ms) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

"$quartz" --version > /dev/null   # builds the compiler on first use, outside the measurements
empty="$work/empty.qz"; printf 'def main()\nend\n' > "$empty"
"$quartz" check "$empty" > /dev/null   # starts the compile server outside the measurements
base=$(median_ms "$empty")
printf '| %-9s | %7s | %9s | %9s | %7s |\n' shape size "check ms" "minus JVM" growth
printf '|%s|%s|%s|%s|%s|\n' ----------- --------- ----------- ----------- ---------
row() { # shape, sizes...
  local shape=$1; shift
  local previous="" previous_size=""
  for size in "$@"; do
    python3 "$here/shapes.py" "$shape" "$size" > "$work/$shape-$size.qz"
    local ms; ms=$(median_ms "$work/$shape-$size.qz")
    local net=$(( ms - base > 1 ? ms - base : 1 ))
    local growth="-"
    if [ -n "$previous" ]; then
      growth=$(awk -v a="$net" -v b="$previous" -v s="$size" -v p="$previous_size" \
        'BEGIN { printf "%.1fx (n %dx)", a / b, s / p }')
    fi
    printf '| %-9s | %7s | %9s | %9s | %s |\n' "$shape" "$size" "$ms" "$net" "$growth"
    previous=$net previous_size=$size
  done
}
row lines 1000 10000 50000
for shape in chain bindings errors unclosed nested prefix blocks lambdas; do
  row "$shape" 1000 10000
done
echo "(an empty program, through the compile server unless QUARTZ_SERVER=0: $base ms, subtracted in 'minus JVM')"
