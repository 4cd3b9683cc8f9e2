#!/usr/bin/env bash
# Memory benchmark suite: Quartz (with its garbage collector) vs Go vs C (malloc/free).
# Builds every program into a temporary folder, runs each implementation RUNS times (default
# 3; the implementations of a row take turns, so a disturbance hits them alike), checks that
# they all print the same output, and prints one table: median wall time, median CPU time
# (user+sys) and median peak RSS. CPU and peak RSS come from the kernel (wait4's rusage, via
# the small helper measure.c, which this script compiles); wall time from CLOCK_MONOTONIC.
#
#   bench/memory/run.sh                      # from anywhere, ~2 min on 2 cores
#   RUNS=1 bench/memory/run.sh               # one run per program
#   QUARTZ=/other/checkout/quartz bench/memory/run.sh   # another Quartz compiler
#   QUARTZ_BEFORE=/old/checkout/quartz bench/memory/run.sh
#       # adds a "Quartz before" line to every row: the programs built by a second compiler
#       # (e.g. the last commit without the garbage collector)
#   DEPTH=16 CSV_LINES=500000 APPENDS=40000 CHAN_N=10000000 bench/memory/run.sh   # sizes
#   ONLY=csv bench/memory/run.sh             # one row (binarytrees, csv, strappend, chan)
#
# Rows (the README describes them): binary-trees, CSV parsing, s += "x", 10M Ints through a
# channel. The soak test of a TCP server is soak.sh.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-3}"
QUARTZ="${QUARTZ:-$ROOT/quartz}"
QUARTZ_BEFORE="${QUARTZ_BEFORE:-}"
DEPTH="${DEPTH:-18}"
CSV_LINES="${CSV_LINES:-2000000}"
APPENDS="${APPENDS:-40000}"
CHAN_N="${CHAN_N:-10000000}"
ONLY="${ONLY:-}"
TIMEOUT="${TIMEOUT:-300}"
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/qz-mem-bench.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT

# name|argument|implementations|description
BENCHES=(
  "binarytrees|$DEPTH|qz go c|binary-trees, depth $DEPTH"
  "csv|$CSV_LINES|qz go c|CSV: build+parse $CSV_LINES lines"
  "strappend|$APPENDS|qz go c|s += \"x\", $APPENDS times"
  "chan|$CHAN_N|qz go|for v in ch: $CHAN_N Ints, cap 1024"
)

log() { echo "$*" >&2; }

# ---------- toolchains ----------
HAVE_GO=1; GO_WHY=""
"$ROOT/tools/prerequisites.sh" go || { HAVE_GO=0; GO_WHY="go missing (tools/prerequisites.sh go names the package)"; }
CC="${CC:-cc}"
command -v "$CC" >/dev/null 2>&1 || CC=gcc
if ! "$CC" -O2 -o "$BUILD/measure" "$HERE/measure.c" >&2; then
  log "cannot compile measure.c with $CC: no CPU or RSS numbers without it"; exit 1
fi

# ---------- build ----------
log "building in $BUILD (quartz: $QUARTZ)"
declare -A OK
for b in "${BENCHES[@]}"; do
  IFS='|' read -r name arg impls desc <<<"$b"
  [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
  [ -n "$QUARTZ_BEFORE" ] && impls="qzb $impls"
  for impl in $impls; do
    case $impl in
      qzb) "$QUARTZ_BEFORE" build "$HERE/$name.qz" -o "$BUILD/qzb_$name" >&2 ;;
      qz) "$QUARTZ" build "$HERE/$name.qz" -o "$BUILD/qz_$name" >&2 ;;
      go) [ $HAVE_GO = 1 ] && go build -o "$BUILD/go_$name" "$HERE/$name.go" >&2 ;;
      c)  "$CC" -O2 -o "$BUILD/c_$name" "$HERE/$name.c" >&2 ;;
    esac
    if [ $? = 0 ]; then OK[$impl.$name]=1; else OK[$impl.$name]=0; log "build of $name ($impl) failed"; fi
  done
done

# ---------- run ----------
median() { sort -n | awk '{a[NR]=$1} END{ if(NR==0) print "?"; else print a[int((NR+1)/2)] }'; }
ratio() { if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; else echo "n/a"; fi; }
label() { case $1 in qzb) echo "Quartz before" ;; qz) echo Quartz ;; go) echo Go ;; c) echo "C malloc/free" ;; esac; }

LOAD_BEFORE="$(uptime | sed 's/.*load average: //')"
ROWS=()
for b in "${BENCHES[@]}"; do
  IFS='|' read -r name arg impls desc <<<"$b"
  [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
  [ -n "$QUARTZ_BEFORE" ] && impls="qzb $impls"
  log "running $name $arg (x$RUNS, load $(uptime | sed 's/.*load average: //'))"
  declare -A W=() U=() R=() OUT=() FAIL=()
  for ((i = 0; i < RUNS; i++)); do
    for impl in $impls; do
      [ "${OK[$impl.$name]}" = 1 ] || { FAIL[$impl]=1; continue; }
      timeout "$TIMEOUT" "$BUILD/measure" -o "$BUILD/m" "$BUILD/${impl}_$name" "$arg" >"$BUILD/out" 2>"$BUILD/err"
      rc=$?
      if [ $rc != 0 ]; then
        log "  $impl FAILED (exit $rc): $BUILD/${impl}_$name $arg"; head -5 "$BUILD/err" >&2; FAIL[$impl]=1; continue
      fi
      read -r wall user sys rss <"$BUILD/m"
      W[$impl]+="$wall "; U[$impl]+="$((user + sys)) "; R[$impl]+="$rss "
      sum="$(md5sum <"$BUILD/out" | cut -c1-32)"
      if [ -z "${OUT[$impl]:-}" ]; then OUT[$impl]=$sum; elif [ "${OUT[$impl]}" != "$sum" ]; then FAIL[$impl]=1; log "  $impl: output differs between runs"; fi
      [ $i = 0 ] && log "  $impl: $(tail -1 "$BUILD/out" | head -c 200)"
    done
  done
  # medians; Go is the reference of the ratios
  declare -A MW=() MU=() MR=()
  for impl in $impls; do
    if [ -n "${FAIL[$impl]:-}" ] || [ -z "${W[$impl]:-}" ]; then MW[$impl]=n/a; MU[$impl]=n/a; MR[$impl]=n/a; continue; fi
    MW[$impl]=$(printf '%s\n' ${W[$impl]} | median)
    MU[$impl]=$(printf '%s\n' ${U[$impl]} | median)
    MR[$impl]=$(printf '%s\n' ${R[$impl]} | median | awk '{printf "%.1f", $1/1024}')
  done
  ref="${OUT[go]:-}"
  for impl in $impls; do
    check=ok
    if [ -n "${FAIL[$impl]:-}" ]; then check=FAILED
    elif [ -n "$ref" ] && [ "${OUT[$impl]:-}" != "$ref" ]; then check=DIFFERS; fi
    ROWS+=("$desc|$(label "$impl")|${MW[$impl]}|${MU[$impl]}|${MR[$impl]}|$(ratio "${MW[$impl]}" "${MW[go]:-}")|$(ratio "${MU[$impl]}" "${MU[go]:-}")|$(ratio "${MR[$impl]}" "${MR[go]:-}")|$check")
    desc=""
  done
  # the goals of the issue
  case $name in
    binarytrees) GOAL_BT="binary-trees goal (Quartz peak RSS <= 3x Go, CPU <= Go): RSS $(ratio "${MR[qz]}" "${MR[go]:-}")x, CPU $(ratio "${MU[qz]}" "${MU[go]:-}")x" ;;
    csv) GOAL_CSV="CSV goal (Quartz peak RSS <= 5x Go): RSS $(ratio "${MR[qz]}" "${MR[go]:-}")x" ;;
  esac
done
LOAD_AFTER="$(uptime | sed 's/.*load average: //')"

# ---------- table ----------
echo
echo "Memory benchmarks: median of $RUNS run(s); wall = whole process; CPU = user+sys; peak RSS = ru_maxrss (wait4)"
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo); quartz: $(git -C "$(dirname "$(readlink -f "$QUARTZ")")" log -1 --format=%h 2>/dev/null || echo '?'); go: $( [ $HAVE_GO = 1 ] && go version | awk '{print $3}' || echo "n/a ($GO_WHY)"); cc: $("$CC" --version | head -1)"
[ -n "$QUARTZ_BEFORE" ] && echo "Quartz before: $QUARTZ_BEFORE ($(git -C "$(dirname "$(readlink -f "$QUARTZ_BEFORE")")" log -1 --format=%h 2>/dev/null || echo '?'))"
echo "load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
echo
printf '| %-36s | %-13s | %8s | %8s | %11s | %7s | %6s | %6s | %-7s |\n' benchmark impl "wall ms" "CPU ms" "peak RSS MB" "wall/Go" "CPU/Go" "RSS/Go" check
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' -------------------------------------- --------------- ---------- ---------- ------------- --------- -------- -------- ---------
for r in "${ROWS[@]}"; do
  IFS='|' read -r d i w u m a c e s <<<"$r"
  printf '| %-36s | %-13s | %8s | %8s | %11s | %7s | %6s | %6s | %-7s |\n' "$d" "$i" "$w" "$u" "$m" "$a" "$c" "$e" "$s"
done
echo
[ -n "${GOAL_BT:-}" ] && echo "$GOAL_BT"
[ -n "${GOAL_CSV:-}" ] && echo "$GOAL_CSV"
[ $HAVE_GO = 1 ] || echo "Go: n/a because $GO_WHY"
echo "Ratios > 1 mean more than Go. check: ok = the same output as Go in every run."
