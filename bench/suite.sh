# The engine of the program suites (bench/cpu/run.sh, bench/numeric/run.sh): builds each
# row's Quartz, Go and C programs into a temporary folder, runs the implementations of a row in
# turns RUNS times (a disturbance hits them alike), checks that all of them print the same text
# in every run, and prints one table: median wall time (CLOCK_MONOTONIC), median CPU time
# (user+sys of the whole process) and median peak RSS (both from wait4's rusage), all through
# bench/memory/measure.c, which it compiles.
#
# Sourced after the suite sets: SUITE (its name), HERE (its folder, with NAME.go and NAME.c),
# ROOT, BENCHES (rows "name|argument|implementations|description"; an empty argument runs the
# program on INPUT as stdin), quartz_source NAME (the Quartz file of a row), C_LIBS (array), and
# optionally prepare_input (sets INPUT) and source_dir NAME (the folder of a row's NAME.go and
# NAME.c, default HERE). Settings from the environment: RUNS (3), QUARTZ, ONLY
# (one row), TIMEOUT (300 s per run), CC.
set -u
RUNS="${RUNS:-3}"
QUARTZ="${QUARTZ:-$ROOT/quartz}"
ONLY="${ONLY:-}"
TIMEOUT="${TIMEOUT:-300}"
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/qz-bench.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT
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

declare -F source_dir >/dev/null || source_dir() { echo "$HERE"; }

# ---------- build ----------
log "building in $BUILD (quartz: $QUARTZ)"
declare -A OK
for b in "${BENCHES[@]}"; do
  IFS='|' read -r name arg impls desc <<<"$b"
  [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
  for impl in $IMPLS; do
    [[ " $impls " == *" $impl "* ]] || { OK[$impl.$name]=none; continue; }
    case $impl in
      qz) "$QUARTZ" build "$(quartz_source "$name")" -o "$BUILD/qz_$name" >&2 ;;
      go) [ $HAVE_GO = 1 ] && go build -o "$BUILD/go_$name" "$(source_dir "$name")/$name.go" >&2 ;;
      c)  "$CC" "${CFLAGS[@]}" -o "$BUILD/c_$name" "$(source_dir "$name")/$name.c" "${C_LIBS[@]}" >&2 ;;
    esac
    if [ $? = 0 ]; then OK[$impl.$name]=1; else OK[$impl.$name]=0; log "build of $name ($impl) failed"; fi
  done
done

# the input of rows without an argument (prepare_input, if the suite defines one)
INPUT=/dev/null
if declare -F prepare_input >/dev/null; then prepare_input; fi

# ---------- run ----------
median() { sort -n | awk '{a[NR]=$1} END{ if(NR==0) print "?"; else print a[int((NR+1)/2)] }'; }
ratio() { if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; else echo "n/a"; fi; }

LOAD_BEFORE="$(uptime | sed 's/.*load average: //')"
ROWS=()
for b in "${BENCHES[@]}"; do
  IFS='|' read -r name arg impls desc <<<"$b"
  [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
  log "running $name $arg (x$RUNS, load $(uptime | sed 's/.*load average: //'))"
  declare -A W=() U=() R=() OUT=() FAIL=()
  for ((i = 0; i < RUNS; i++)); do
    for impl in $IMPLS; do
      [ "${OK[$impl.$name]}" = none ] && continue
      [ "${OK[$impl.$name]}" = 1 ] || { FAIL[$impl]=1; continue; }
      if [ -n "$arg" ]; then
        timeout "$TIMEOUT" "$BUILD/measure" -o "$BUILD/m" "$BUILD/${impl}_$name" "$arg" >"$BUILD/out" 2>"$BUILD/err"
      else
        timeout "$TIMEOUT" "$BUILD/measure" -o "$BUILD/m" "$BUILD/${impl}_$name" <"$INPUT" >"$BUILD/out" 2>"$BUILD/err"
      fi
      rc=$?
      if [ $rc != 0 ]; then
        log "  $impl FAILED (exit $rc): $BUILD/${impl}_$name $arg"; head -5 "$BUILD/err" >&2; FAIL[$impl]=1; continue
      fi
      read -r wall user sys rss <"$BUILD/m"
      W[$impl]+="$wall "; U[$impl]+="$((user + sys)) "; R[$impl]+="$rss "
      sum="$(md5sum <"$BUILD/out" | cut -c1-32)"
      if [ -z "${OUT[$impl]:-}" ]; then OUT[$impl]=$sum; elif [ "${OUT[$impl]}" != "$sum" ]; then FAIL[$impl]=1; log "  $impl: output differs between runs"; fi
      [ $i = 0 ] && log "  $impl: $(tr '\n' ' ' <"$BUILD/out" | head -c 200)"
    done
  done
  declare -A MW=() MU=() MR=()
  for impl in $IMPLS; do
    if [ "${OK[$impl.$name]}" = none ]; then MW[$impl]=-; MU[$impl]=-; MR[$impl]=-; continue; fi
    if [ -n "${FAIL[$impl]:-}" ] || [ -z "${W[$impl]:-}" ]; then MW[$impl]=n/a; MU[$impl]=n/a; MR[$impl]=n/a; continue; fi
    MW[$impl]=$(printf '%s\n' ${W[$impl]} | median)
    MU[$impl]=$(printf '%s\n' ${U[$impl]} | median)
    MR[$impl]=$(printf '%s\n' ${R[$impl]} | median | awk '{printf "%.1f", $1/1024}')
  done
  # ok: every implementation that ran printed the same text in every run; Quartz must have run.
  check=ok
  [ -n "${FAIL[qz]:-}" ] && check=FAILED
  for impl in go c; do
    if [ -n "${FAIL[$impl]:-}" ] && [ "${OK[$impl.$name]}" = 1 ]; then check=FAILED
    elif [ -n "${OUT[$impl]:-}" ] && [ -n "${OUT[qz]:-}" ] && [ "${OUT[$impl]}" != "${OUT[qz]}" ]; then check=DIFFERS; fi
  done
  ROWS+=("$desc|${MW[qz]}|${MW[go]}|${MW[c]}|$(ratio "${MW[qz]}" "${MW[go]}")|$(ratio "${MW[qz]}" "${MW[c]}")|${MU[qz]}|${MU[go]}|${MU[c]}|$(ratio "${MU[qz]}" "${MU[go]}")|$(ratio "${MU[qz]}" "${MU[c]}")|${MR[qz]}|${MR[go]}|${MR[c]}|$check")
done
LOAD_AFTER="$(uptime | sed 's/.*load average: //')"

# ---------- table ----------
echo
echo "$SUITE benchmarks: median of $RUNS run(s) of the whole process; wall = CLOCK_MONOTONIC; CPU = user+sys; peak RSS = ru_maxrss (wait4)"
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo); quartz: $(git -C "$(dirname "$(readlink -f "$QUARTZ")")" log -1 --format=%h 2>/dev/null || echo '?'); go: $( [ $HAVE_GO = 1 ] && go version | awk '{print $3}' || echo "n/a ($GO_WHY)"); cc: $("$CC" --version | head -1), ${CFLAGS[*]} ${C_LIBS[*]}"
echo "load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
echo
F='| %-34s | %9s | %7s | %7s | %6s | %6s | %10s | %7s | %7s | %8s | %7s | %9s | %6s | %6s | %-7s |\n'
printf "$F" benchmark "Quartz ms" "Go ms" "C ms" "Q/Go" "Q/C" "Quartz CPU" "Go CPU" "C CPU" "Q/Go CPU" "Q/C CPU" "Quartz MB" "Go MB" "C MB" check
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------------------------------------ ----------- --------- --------- -------- -------- ------------ --------- --------- ---------- --------- ----------- -------- -------- ---------
for r in "${ROWS[@]}"; do
  IFS='|' read -r d a g c rg rc ua ug uc rug ruc ma mg mc s <<<"$r"
  printf "$F" "$d" "$a" "$g" "$c" "$rg" "$rc" "$ua" "$ug" "$uc" "$rug" "$ruc" "$ma" "$mg" "$mc" "$s"
done
echo
[ $HAVE_GO = 1 ] || echo "Go: n/a because $GO_WHY"
echo "ms = wall time, CPU = CPU ms (user+sys). Ratios > 1 mean Quartz is slower; - = no such implementation. check: ok = Quartz, Go and C printed the same text in every run."
