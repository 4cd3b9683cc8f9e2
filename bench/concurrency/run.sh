#!/usr/bin/env bash
# Concurrency benchmark suites: Quartz vs Go (goroutines), Java (virtual threads) optional.
# Two suites of the same nine shapes, one table each:
#   tasks - every exchange is between tasks; main only starts the tasks and awaits them
#   main  - main is one side of the exchange (in Quartz main is a plain OS thread, in Go a
#           goroutine, in Java a platform thread)
# Builds every program, runs each RUNS times (default 3, the implementations of a row take
# turns), reports the medians of wall time, CPU time (user+sys of the whole process) and peak
# RSS, all from bench/memory/measure.c (wait4's rusage), and checks that every implementation
# printed the same checksum line in every run.
#   bench/concurrency/run.sh                 # both suites, from anywhere
#   RUNS=1 bench/concurrency/run.sh          # quicker, one run per program
#   SUITE=tasks bench/concurrency/run.sh     # one suite: tasks or main
#   ONLY=main_pingpong bench/concurrency/run.sh   # one row (a program's name)
#   JAVA=1 bench/concurrency/run.sh          # also Java's columns (wide tables)
#   QUARTZ=/other/checkout/quartz bench/concurrency/run.sh      # another Quartz compiler
#   QUARTZ_BEFORE=/old/checkout/quartz bench/concurrency/run.sh
#       # also builds the programs with a second ("before") compiler and shows its columns
#       # beside the current one, e.g. to compare two commits of the compiler or runtime
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-3}"
QUARTZ="${QUARTZ:-$ROOT/quartz}"
QUARTZ_BEFORE="${QUARTZ_BEFORE:-}"
SUITE="${SUITE:-both}"
ONLY="${ONLY:-}"
WANT_JAVA="${JAVA:-0}"
TIMEOUT="${TIMEOUT:-120}"
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/qz-conc-bench.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT

# name:JavaClass:description. The same shape has the same number in both suites.
TASK_BENCHES=(
  "buffered_tasks:BufferedTasks:1. buffered chan task->task, cap 1024, 2M msgs"
  "pingpong:Pingpong:2. unbuffered ping-pong task<->task, 200k round trips"
  "spawn_tasks:SpawnTasks:3. a task spawns+awaits 1M tasks"
  "fanin_tasks:FaninTasks:4. fan-in 4 tasks->task, cap 1024, 2M msgs"
  "select:Select:5. a task selects over 2 chans, 1M msgs"
  "idle_tasks:IdleTasks:6. 100k tasks blocked in recv, a task wakes them"
  "actor:Actor:7. actor: 4 sender tasks x 100k msgs, mailbox 64"
  "mutex:Mutex:8. contended mutex: 8 tasks x 100k lock/unlock"
  "calls:Calls:9. a task calls a waiting helper 1M times"
)
MAIN_BENCHES=(
  "buffered:Buffered:1m. buffered chan task->main, cap 1024, 2M msgs"
  "main_pingpong:MainPingpong:2m. unbuffered ping-pong main<->task, 200k round trips"
  "spawn:Spawn:3m. main spawns+awaits 1M tasks"
  "fanin:Fanin:4m. fan-in 4 tasks->main, cap 1024, 2M msgs"
  "main_select:MainSelect:5m. main selects over 2 chans, 1M msgs"
  "idle:Idle:6m. 100k tasks blocked in recv, main wakes them"
  "main_actor:MainActor:7m. actor: main sends 400k msgs, mailbox 64"
  "main_mutex:MainMutex:8m. contended mutex: main + 4 tasks x 100k lock/unlock"
  "main_calls:MainCalls:9m. main calls a waiting helper 1M times"
)
case $SUITE in
  both) SUITES="tasks main" ;;
  tasks | main) SUITES=$SUITE ;;
  *) echo "SUITE must be tasks, main or both, not '$SUITE'" >&2; exit 2 ;;
esac
suite_rows() { if [ "$1" = tasks ]; then printf '%s\n' "${TASK_BENCHES[@]}"; else printf '%s\n' "${MAIN_BENCHES[@]}"; fi; }
suite_title() {
  if [ "$1" = tasks ]; then echo "Suite tasks: every exchange between tasks (main only starts and awaits them)"
  else echo "Suite main: main (a plain OS thread in Quartz, a goroutine in Go) is one side of the exchange"; fi
}

log() { echo "$*" >&2; }

# ---------- toolchains ----------

HAVE_GO=1; GO_WHY=""
"$ROOT/tools/prerequisites.sh" go || { HAVE_GO=0; GO_WHY="go missing (tools/prerequisites.sh go names the package)"; }

java_major() {  # prints the major version of the java binary $1
  "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\)[."].*/\1/p'
}
JAVA=""; JAVAC=""; JAVA_WHY=""
if [ "$WANT_JAVA" = 1 ]; then
  CANDIDATES=()
  [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && CANDIDATES+=(/usr/lib/jvm/temurin-25-jdk-amd64)
  [ -n "${JAVA_HOME:-}" ] && CANDIDATES+=("$JAVA_HOME")
  for d in /usr/lib/jvm/*; do [ -d "$d" ] && CANDIDATES+=("$d"); done
  if command -v javac >/dev/null 2>&1; then CANDIDATES+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for d in "${CANDIDATES[@]}"; do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      m="$(java_major "$d/bin/java")"
      if [ -n "$m" ] && [ "$m" -ge 21 ]; then JAVA="$d/bin/java"; JAVAC="$d/bin/javac"; break; fi
    fi
  done
  [ -z "$JAVA" ] && JAVA_WHY="no JDK >= 21 (with javac) found; virtual threads need Java 21+"
fi

CC="${CC:-cc}"
command -v "$CC" >/dev/null 2>&1 || CC=gcc
if ! "$CC" -O2 -o "$BUILD/measure" "$ROOT/bench/memory/measure.c" >&2; then
  log "cannot compile bench/memory/measure.c with $CC: no times without it"; exit 1
fi

# ---------- build ----------
log "building in $BUILD"
declare -A OK   # OK[impl.name] = 1 built, 0 failed
ALL_ROWS=()
for s in $SUITES; do
  while IFS= read -r b; do
    name="${b%%:*}"
    [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
    ALL_ROWS+=("$s:$b")
  done < <(suite_rows "$s")
done
[ ${#ALL_ROWS[@]} -gt 0 ] || { log "no row named '$ONLY' in suite(s) $SUITES"; exit 2; }
for r in "${ALL_ROWS[@]}"; do
  b="${r#*:}"; name="${b%%:*}"
  if "$QUARTZ" build "$HERE/$name.qz" -o "$BUILD/qz_$name" >&2; then OK[qz.$name]=1; else OK[qz.$name]=0; log "quartz build of $name.qz failed"; fi
  if [ -n "$QUARTZ_BEFORE" ]; then
    if "$QUARTZ_BEFORE" build "$HERE/$name.qz" -o "$BUILD/qzb_$name" >&2; then OK[qzb.$name]=1; else OK[qzb.$name]=0; log "quartz build of $name.qz with $QUARTZ_BEFORE failed"; fi
  fi
  if [ $HAVE_GO = 1 ]; then
    if go build -o "$BUILD/go_$name" "$HERE/$name.go" >&2; then OK[go.$name]=1; else OK[go.$name]=0; log "go build of $name.go failed"; fi
  fi
done
mkdir -p "$BUILD/java"
JAVA_BUILT=0
if [ -n "$JAVA" ] && "$JAVAC" -d "$BUILD/java" "$HERE"/*.java >&2; then JAVA_BUILT=1;
elif [ -n "$JAVA" ]; then JAVA_WHY="javac failed"; fi

IMPLS=""
[ -n "$QUARTZ_BEFORE" ] && IMPLS="qzb"
IMPLS="$IMPLS qz"
[ $HAVE_GO = 1 ] && IMPLS="$IMPLS go"
[ $JAVA_BUILT = 1 ] && IMPLS="$IMPLS java"

# ---------- run ----------
median() { sort -n | awk '{a[NR]=$1} END{ if(NR==0) print "?"; else print a[int((NR+1)/2)] }'; }
ratio() { if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; else echo "n/a"; fi; }

# run_impl IMPL NAME CLASS: one run; appends to W/C/R[impl], sets SUMS[impl] or FAIL[impl]
run_impl() {
  local impl=$1 name=$2 cls=$3 rc sum wall user sys rss
  case $impl in
    java) timeout "$TIMEOUT" "$BUILD/measure" -o "$BUILD/m" "$JAVA" -cp "$BUILD/java" "$cls" >"$BUILD/out" 2>"$BUILD/err" ;;
    *) timeout "$TIMEOUT" "$BUILD/measure" -o "$BUILD/m" "$BUILD/${impl}_$name" >"$BUILD/out" 2>"$BUILD/err" ;;
  esac
  rc=$?
  if [ $rc != 0 ]; then log "  $impl FAILED (exit $rc): $name"; head -5 "$BUILD/err" >&2; FAIL[$impl]=1; return; fi
  read -r wall user sys rss <"$BUILD/m"
  W[$impl]+="$wall "; C[$impl]+="$((user + sys)) "; R[$impl]+="$rss "
  sum="$(grep -m1 '^checksum' "$BUILD/out")"
  [ -n "$sum" ] || sum=NONE
  if [ -z "${SUMS[$impl]:-}" ]; then SUMS[$impl]=$sum
  elif [ "${SUMS[$impl]}" != "$sum" ]; then FAIL[$impl]=1; log "  $impl: checksum differs between runs"; fi
}

declare -A V   # V[suite.rowindex.key]: the table's cells
declare -A NROWS=([tasks]=0 [main]=0)
declare -A LOADS
for s in $SUITES; do LOADS[$s.before]="$(uptime | sed 's/.*load average: //')"
  for r in "${ALL_ROWS[@]}"; do
    [ "${r%%:*}" = "$s" ] || continue
    b="${r#*:}"; name="${b%%:*}"; rest="${b#*:}"; cls="${rest%%:*}"; desc="${rest#*:}"
    log "running $name (x$RUNS, load $(uptime | sed 's/.*load average: //'))"
    declare -A W=() C=() R=() SUMS=() FAIL=()
    for ((i = 0; i < RUNS; i++)); do
      for impl in $IMPLS; do
        if [ "$impl" = java ]; then run_impl java "$name" "$cls"; continue; fi
        [ "${OK[$impl.$name]:-0}" = 1 ] || { FAIL[$impl]=1; continue; }
        run_impl "$impl" "$name" "$cls"
      done
    done
    k="$s.${NROWS[$s]}"; NROWS[$s]=$(( ${NROWS[$s]} + 1 ))
    V[$k.desc]=$desc
    for impl in $IMPLS; do
      if [ -n "${FAIL[$impl]:-}" ] || [ -z "${W[$impl]:-}" ]; then V[$k.$impl.ms]=n/a; V[$k.$impl.cpu]=n/a; V[$k.$impl.mb]=n/a; continue; fi
      V[$k.$impl.ms]=$(printf '%s\n' ${W[$impl]} | median)
      V[$k.$impl.cpu]=$(printf '%s\n' ${C[$impl]} | median)
      V[$k.$impl.mb]=$(printf '%s\n' ${R[$impl]} | median | awk '{printf "%.1f", $1/1024}')
    done
    status=ok
    for impl in $IMPLS; do
      if [ -n "${FAIL[$impl]:-}" ] || [ "${SUMS[$impl]:-}" != "${SUMS[qz]:-}" ]; then status=FAILED; fi
    done
    if [ $status = FAILED ]; then
      log "  checksums:$(for impl in $IMPLS; do printf " %s='%s'" "$impl" "${SUMS[$impl]:-}"; done)"
    fi
    V[$k.check]=$status
  done
  LOADS[$s.after]="$(uptime | sed 's/.*load average: //')"
done

# ---------- tables ----------
# columns: "header|key", key = impl.metric or ratio:impl.metric (Quartz over impl)
label() { case $1 in qzb) echo Before ;; qz) echo Quartz ;; go) echo Go ;; java) echo Java ;; esac; }
short() { case $1 in qzb) echo Bef ;; go) echo Go ;; java) echo Java ;; esac; }
COLS=("benchmark|desc")
for m in ms cpu mb; do
  case $m in ms) unit=ms; ru="" ;; cpu) unit="CPU ms"; ru=" CPU" ;; mb) unit=MB; ru=" mem" ;; esac
  for impl in $IMPLS; do COLS+=("$(label "$impl") $unit|$impl.$m"); done
  for impl in $IMPLS; do [ "$impl" = qz ] || COLS+=("Q/$(short "$impl")$ru|ratio:$impl.$m"); done
done
COLS+=("check|check")

cell() {  # cell KEYPREFIX COLKEY
  local k=$1 c=$2
  case $c in
    ratio:*) c=${c#ratio:}; ratio "${V[$k.qz.${c#*.}]:-}" "${V[$k.$c]:-}" ;;
    *) echo "${V[$k.$c]:-}" ;;
  esac
}
print_table() {  # print_table SUITE
  local s=$1 i line col
  {
    line=""; for col in "${COLS[@]}"; do line+="${col%%|*}|"; done; echo "${line%|}"
    for ((i = 0; i < ${NROWS[$s]}; i++)); do
      line=""; for col in "${COLS[@]}"; do line+="$(cell "$s.$i" "${col#*|}")|"; done; echo "${line%|}"
    done
  } | awk -F'|' '
    { n = NR; for (j = 1; j <= NF; j++) { c[n, j] = $j; if (length($j) > w[j]) w[j] = length($j) } nf = NF }
    END {
      for (r = 1; r <= n; r++) {
        line = "|"
        for (j = 1; j <= nf; j++) line = line " " sprintf(j == 1 || j == nf ? "%-" w[j] "s" : "%" w[j] "s", c[r, j]) " |"
        print line
        if (r == 1) { line = "|"; for (j = 1; j <= nf; j++) { d = ""; for (x = 0; x < w[j] + 2; x++) d = d "-"; line = line d "|" } print line }
      }
    }'
}

commit_of() { git -C "$(dirname "$(readlink -f "$1")")" log -1 --format=%h 2>/dev/null || echo '?'; }
echo
echo "Concurrency benchmarks: median of $RUNS run(s) of the whole process; wall = CLOCK_MONOTONIC; CPU = user+sys; MB = peak RSS (wait4's rusage)"
echo "machine: $(nproc) CPUs; go: $( [ $HAVE_GO = 1 ] && go version | awk '{print $3}' || echo "n/a ($GO_WHY)")$( [ $JAVA_BUILT = 1 ] && echo "; java: $("$JAVA" -version 2>&1 | head -1)")"
echo "quartz: $QUARTZ ($(commit_of "$QUARTZ"))$( [ -n "$QUARTZ_BEFORE" ] && echo "; before: $QUARTZ_BEFORE ($(commit_of "$QUARTZ_BEFORE"))")"
for s in $SUITES; do
  [ "${NROWS[$s]}" -gt 0 ] || continue
  echo
  suite_title "$s"
  echo "load average before: ${LOADS[$s.before]}; after: ${LOADS[$s.after]}"
  echo
  print_table "$s"
done
echo
[ $HAVE_GO = 1 ] || echo "Go: n/a because $GO_WHY"
[ "$WANT_JAVA" = 1 ] && [ $JAVA_BUILT != 1 ] && echo "Java: n/a because $JAVA_WHY"
echo "Rows 3 and 6 are the memory rows. Ratios > 1 mean Quartz is slower / bigger; check: ok = every implementation printed the same checksum line in every run."
