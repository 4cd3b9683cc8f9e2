#!/usr/bin/env bash
# Numeric benchmark suite: Quartz vs Go vs C on three Benchmarks Game programs in Floats
# (spectral-norm, n-body, mandelbrot). Builds every program into a temporary folder, runs
# each implementation RUNS times (default 3; the implementations of a row take turns, so a
# disturbance hits them alike), checks that all of them print the same text in every run,
# and prints one table: median wall time and median peak RSS side by side. Wall time from
# CLOCK_MONOTONIC, peak RSS from wait4's rusage, both through bench/memory/measure.c, which
# this script compiles.
#
#   bench/numeric/run.sh                     # from anywhere
#   RUNS=1 bench/numeric/run.sh              # one run per program
#   QUARTZ=/other/checkout/quartz bench/numeric/run.sh   # another Quartz compiler
#   SPECTRAL_N=5500 NBODY_STEPS=50000000 MANDELBROT_N=8000 bench/numeric/run.sh   # sizes
#   ONLY=nbody bench/numeric/run.sh          # one row (spectralnorm, nbody, mandelbrot)
#
# C is compiled with cc -O2 (and -lm), no -march: baseline x86-64 has no FMA, so C, Go
# and Quartz round every operation alike and print the same digits.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-3}"
QUARTZ="${QUARTZ:-$ROOT/quartz}"
SPECTRAL_N="${SPECTRAL_N:-5500}"
NBODY_STEPS="${NBODY_STEPS:-50000000}"
MANDELBROT_N="${MANDELBROT_N:-8000}"
ONLY="${ONLY:-}"
TIMEOUT="${TIMEOUT:-300}"
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/qz-num-bench.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT

# name|argument|description
BENCHES=(
  "spectralnorm|$SPECTRAL_N|spectral-norm, n = $SPECTRAL_N"
  "nbody|$NBODY_STEPS|n-body, $NBODY_STEPS steps"
  "mandelbrot|$MANDELBROT_N|mandelbrot, $MANDELBROT_N x $MANDELBROT_N"
)
IMPLS="qz go c"

log() { echo "$*" >&2; }

# ---------- toolchains ----------
HAVE_GO=1; GO_WHY=""
"$ROOT/tools/prerequisites.sh" go || { HAVE_GO=0; GO_WHY="go missing (tools/prerequisites.sh go names the package)"; }
CC="${CC:-cc}"
command -v "$CC" >/dev/null 2>&1 || CC=gcc
CFLAGS=(-O2)
if ! "$CC" -O2 -o "$BUILD/measure" "$ROOT/bench/memory/measure.c" >&2; then
  log "cannot compile measure.c with $CC: no times or RSS without it"; exit 1
fi

# ---------- build ----------
log "building in $BUILD (quartz: $QUARTZ)"
declare -A OK
for b in "${BENCHES[@]}"; do
  IFS='|' read -r name arg desc <<<"$b"
  [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
  for impl in $IMPLS; do
    case $impl in
      qz) "$QUARTZ" build "$HERE/../../org.quartz.tests/programs/float_$name.qz" -o "$BUILD/qz_$name" >&2 ;;
      go) [ $HAVE_GO = 1 ] && go build -o "$BUILD/go_$name" "$HERE/$name.go" >&2 ;;
      c)  "$CC" "${CFLAGS[@]}" -o "$BUILD/c_$name" "$HERE/$name.c" -lm >&2 ;;
    esac
    if [ $? = 0 ]; then OK[$impl.$name]=1; else OK[$impl.$name]=0; log "build of $name ($impl) failed"; fi
  done
done

# ---------- run ----------
median() { sort -n | awk '{a[NR]=$1} END{ if(NR==0) print "?"; else print a[int((NR+1)/2)] }'; }
ratio() { if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; else echo "n/a"; fi; }

LOAD_BEFORE="$(uptime | sed 's/.*load average: //')"
ROWS=()
for b in "${BENCHES[@]}"; do
  IFS='|' read -r name arg desc <<<"$b"
  [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
  log "running $name $arg (x$RUNS, load $(uptime | sed 's/.*load average: //'))"
  declare -A W=() R=() OUT=() FAIL=()
  for ((i = 0; i < RUNS; i++)); do
    for impl in $IMPLS; do
      [ "${OK[$impl.$name]}" = 1 ] || { FAIL[$impl]=1; continue; }
      timeout "$TIMEOUT" "$BUILD/measure" -o "$BUILD/m" "$BUILD/${impl}_$name" "$arg" >"$BUILD/out" 2>"$BUILD/err"
      rc=$?
      if [ $rc != 0 ]; then
        log "  $impl FAILED (exit $rc): $BUILD/${impl}_$name $arg"; head -5 "$BUILD/err" >&2; FAIL[$impl]=1; continue
      fi
      read -r wall user sys rss <"$BUILD/m"
      W[$impl]+="$wall "; R[$impl]+="$rss "
      sum="$(md5sum <"$BUILD/out" | cut -c1-32)"
      if [ -z "${OUT[$impl]:-}" ]; then OUT[$impl]=$sum; elif [ "${OUT[$impl]}" != "$sum" ]; then FAIL[$impl]=1; log "  $impl: output differs between runs"; fi
      [ $i = 0 ] && log "  $impl: $(tr '\n' ' ' <"$BUILD/out" | head -c 200)"
    done
  done
  declare -A MW=() MR=()
  for impl in $IMPLS; do
    if [ -n "${FAIL[$impl]:-}" ] || [ -z "${W[$impl]:-}" ]; then MW[$impl]=n/a; MR[$impl]=n/a; continue; fi
    MW[$impl]=$(printf '%s\n' ${W[$impl]} | median)
    MR[$impl]=$(printf '%s\n' ${R[$impl]} | median | awk '{printf "%.1f", $1/1024}')
  done
  # ok: every implementation that ran printed the same text in every run; Quartz must have run.
  check=ok
  [ -n "${FAIL[qz]:-}" ] && check=FAILED
  for impl in go c; do
    if [ -n "${FAIL[$impl]:-}" ] && [ "${OK[$impl.$name]}" = 1 ]; then check=FAILED
    elif [ -n "${OUT[$impl]:-}" ] && [ -n "${OUT[qz]:-}" ] && [ "${OUT[$impl]}" != "${OUT[qz]}" ]; then check=DIFFERS; fi
  done
  ROWS+=("$desc|${MW[qz]}|${MW[go]}|${MW[c]}|$(ratio "${MW[qz]}" "${MW[go]}")|$(ratio "${MW[qz]}" "${MW[c]}")|${MR[qz]}|${MR[go]}|${MR[c]}|$check")
done
LOAD_AFTER="$(uptime | sed 's/.*load average: //')"

# ---------- table ----------
echo
echo "Numeric benchmarks: median of $RUNS run(s); wall = whole process (CLOCK_MONOTONIC); peak RSS = ru_maxrss (wait4)"
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo); quartz: $(git -C "$(dirname "$(readlink -f "$QUARTZ")")" log -1 --format=%h 2>/dev/null || echo '?'); go: $( [ $HAVE_GO = 1 ] && go version | awk '{print $3}' || echo "n/a ($GO_WHY)"); cc: $("$CC" --version | head -1), ${CFLAGS[*]} -lm"
echo "load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
echo
printf '| %-32s | %9s | %7s | %7s | %6s | %6s | %9s | %6s | %6s | %-7s |\n' \
  benchmark "Quartz ms" "Go ms" "C ms" "Q/Go" "Q/C" "Quartz MB" "Go MB" "C MB" check
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---------------------------------- ----------- --------- --------- -------- -------- ----------- -------- -------- ---------
for r in "${ROWS[@]}"; do
  IFS='|' read -r d a g c rg rc ma mg mc s <<<"$r"
  printf '| %-32s | %9s | %7s | %7s | %6s | %6s | %9s | %6s | %6s | %-7s |\n' "$d" "$a" "$g" "$c" "$rg" "$rc" "$ma" "$mg" "$mc" "$s"
done
echo
[ $HAVE_GO = 1 ] || echo "Go: n/a because $GO_WHY"
echo "Ratios > 1 mean Quartz is slower. check: ok = Quartz, Go and C printed the same text in every run."
