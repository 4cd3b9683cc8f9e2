#!/usr/bin/env bash
# Concurrency benchmark suite: Quartz vs Go (goroutines) vs Java (virtual threads).
# Builds every program, runs each RUNS times (default 3, median reported), checks that the
# three implementations print the same checksum line, and prints one table.
#   bench/concurrency/run.sh            # from anywhere
#   RUNS=1 bench/concurrency/run.sh     # quicker, one run per program
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
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/qz-conc-bench.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT

# name:JavaClass:description
BENCHES=(
  "buffered:Buffered:1. buffered chan 1->1, cap 1024, 2M msgs"
  "pingpong:Pingpong:2. unbuffered ping-pong, 200k round trips"
  "spawn:Spawn:3. spawn+await 1M tasks"
  "fanin:Fanin:4. fan-in 4->1, cap 1024, 2M msgs"
  "select:Select:5. select over 2 chans, 1M msgs"
  "idle:Idle:6. 100k tasks blocked in recv"
  "actor:Actor:7. actor: 4 senders x 100k msgs, mailbox 64"
  "mutex:Mutex:8. contended mutex: 8 x 100k lock/unlock"
  "calls:Calls:9. a task calls a waiting helper 1M times"
)

log() { echo "$*" >&2; }

# ---------- toolchains ----------

HAVE_GO=1; GO_WHY=""
"$ROOT/tools/prerequisites.sh" go || { HAVE_GO=0; GO_WHY="go missing (tools/prerequisites.sh go names the package)"; }

java_major() {  # prints the major version of the java binary $1
  "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\)[."].*/\1/p'
}
JAVA=""; JAVAC=""; JAVA_WHY=""
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

HAVE_TIME=1; [ -x /usr/bin/time ] || HAVE_TIME=0

# ---------- build ----------
log "building in $BUILD"
declare -A QOK QBOK GOK JOK
for b in "${BENCHES[@]}"; do
  name="${b%%:*}"
  if "$QUARTZ" build "$HERE/$name.qz" -o "$BUILD/qz_$name" >&2; then QOK[$name]=1; else QOK[$name]=0; log "quartz build of $name.qz failed"; fi
  QBOK[$name]=0
  if [ -n "$QUARTZ_BEFORE" ]; then
    if "$QUARTZ_BEFORE" build "$HERE/$name.qz" -o "$BUILD/qzb_$name" >&2; then QBOK[$name]=1; else log "quartz build of $name.qz with $QUARTZ_BEFORE failed"; fi
  fi
  if [ $HAVE_GO = 1 ] && go build -o "$BUILD/go_$name" "$HERE/$name.go" >&2; then GOK[$name]=1; else GOK[$name]=0; fi
done
mkdir -p "$BUILD/java"
JAVA_BUILT=0
if [ -n "$JAVA" ] && "$JAVAC" -d "$BUILD/java" "$HERE"/*.java >&2; then JAVA_BUILT=1;
elif [ -n "$JAVA" ]; then JAVA_WHY="javac failed"; fi

# ---------- run ----------
# run_one OUTPREFIX CMD... : runs CMD RUNS times; sets MS (median wall ms), MB (median peak
# RSS MB, or "?"), SUM (the checksum line, "ERR" if the runs fail or disagree).
median() { sort -n | awk '{a[NR]=$1} END{ if(NR==0) print "?"; else print a[int((NR+1)/2)] }'; }
run_one() {
  local times=() mems=() sums=() i out rc t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N)
    if [ $HAVE_TIME = 1 ]; then
      out=$(/usr/bin/time -f %M -o "$BUILD/rss" timeout 120 "$@" 2>"$BUILD/err"); rc=$?
    else
      out=$(timeout 120 "$@" 2>"$BUILD/err"); rc=$?
    fi
    t1=$(date +%s%N)
    if [ $rc != 0 ]; then log "  FAILED (exit $rc): $*"; head -5 "$BUILD/err" >&2; SUM=ERR; MS=-; MB=-; return; fi
    times+=($(( (t1 - t0) / 1000000 )))
    [ $HAVE_TIME = 1 ] && mems+=("$(tail -1 "$BUILD/rss")")
    sums+=("$(echo "$out" | grep -m1 '^checksum')")
  done
  MS=$(printf '%s\n' "${times[@]}" | median)
  if [ ${#mems[@]} -gt 0 ]; then
    MB=$(printf '%s\n' "${mems[@]}" | median | awk '{printf "%.1f", $1/1024}')
  else MB="?"; fi
  SUM="${sums[0]}"
  for s in "${sums[@]}"; do [ "$s" = "$SUM" ] || SUM=ERR; done
  [ -n "$SUM" ] || SUM=ERR
}
ratio() { if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; else echo "n/a"; fi; }

ROWS=()
for b in "${BENCHES[@]}"; do
  name="${b%%:*}"; rest="${b#*:}"; cls="${rest%%:*}"; desc="${rest#*:}"
  log "running $name (x$RUNS)"
  qms=n/a; qmb=n/a; qsum=ERR; bms=n/a; bmb=n/a; bsum=""; gms=n/a; gmb=n/a; gsum=""; jms=n/a; jmb=n/a; jsum=""
  if [ "${QBOK[$name]}" = 1 ]; then run_one "$BUILD/qzb_$name"; bms=$MS; bmb=$MB; bsum=$SUM; fi
  if [ "${QOK[$name]}" = 1 ]; then run_one "$BUILD/qz_$name"; qms=$MS; qmb=$MB; qsum=$SUM; fi
  if [ "${GOK[$name]}" = 1 ]; then run_one "$BUILD/go_$name"; gms=$MS; gmb=$MB; gsum=$SUM; fi
  if [ $JAVA_BUILT = 1 ]; then run_one "$JAVA" -cp "$BUILD/java" "$cls"; jms=$MS; jmb=$MB; jsum=$SUM; fi
  status=ok
  [ "$qsum" = ERR ] && status=FAILED
  [ -n "$gsum" ] && [ "$gsum" != "$qsum" ] && status=FAILED
  [ -n "$jsum" ] && [ "$jsum" != "$qsum" ] && status=FAILED
  [ -n "$QUARTZ_BEFORE" ] && [ "$bsum" != "$qsum" ] && status=FAILED
  [ "$status" = FAILED ] && log "  checksums: quartz='$qsum' before='$bsum' go='$gsum' java='$jsum'"
  ROWS+=("$desc|$qms|$gms|$jms|$(ratio "$qms" "$gms")|$(ratio "$qms" "$jms")|$qmb|$gmb|$jmb|$(ratio "$qmb" "$gmb")|$(ratio "$qmb" "$jmb")|$status|$bms|$bmb|$(ratio "$qms" "$bms")|$(ratio "$qmb" "$bmb")")
done

# ---------- table ----------
echo
echo "Concurrency benchmarks: median of $RUNS run(s), wall clock of the whole process; peak RSS from /usr/bin/time -f %M"
echo "machine: $(nproc) CPUs; go: $( [ $HAVE_GO = 1 ] && go version | awk '{print $3}' || echo "n/a ($GO_WHY)"); java: $( [ $JAVA_BUILT = 1 ] && "$JAVA" -version 2>&1 | head -1 || echo "n/a ($JAVA_WHY)")"
echo "quartz: $QUARTZ ($(git -C "$(dirname "$(readlink -f "$QUARTZ")")" log -1 --format=%h 2>/dev/null || echo '?'))$( [ -n "$QUARTZ_BEFORE" ] && echo "; before: $QUARTZ_BEFORE ($(git -C "$(dirname "$(readlink -f "$QUARTZ_BEFORE")")" log -1 --format=%h 2>/dev/null || echo '?'))"); load average: $(uptime | sed 's/.*load average: //')"
echo
if [ -z "$QUARTZ_BEFORE" ]; then
  printf '| %-42s | %9s | %7s | %8s | %6s | %8s | %8s | %6s | %8s | %9s | %11s | %-6s |\n' \
    benchmark "Quartz ms" "Go ms" "Java ms" "Q/Go" "Q/Java" "Quartz MB" "Go MB" "Java MB" "Q/Go mem" "Q/Java mem" check
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' -------------------------------------------- ----------- --------- ---------- -------- ---------- ---------- -------- ---------- ----------- ------------- --------
  for r in "${ROWS[@]}"; do
    IFS='|' read -r d a b c e f g h i j k s _ <<<"$r"
    printf '| %-42s | %9s | %7s | %8s | %6s | %8s | %8s | %6s | %8s | %9s | %11s | %-6s |\n' "$d" "$a" "$b" "$c" "$e" "$f" "$g" "$h" "$i" "$j" "$k" "$s"
  done
else
  printf '| %-42s | %9s | %9s | %7s | %8s | %8s | %6s | %8s | %9s | %9s | %6s | %8s | %9s | %8s | %11s | %-6s |\n' \
    benchmark "Before ms" "Quartz ms" "Go ms" "Java ms" "Q/Before" "Q/Go" "Q/Java" "Before MB" "Quartz MB" "Go MB" "Java MB" "Q/Bef mem" "Q/Go mem" "Q/Java mem" check
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' -------------------------------------------- ----------- ----------- --------- ---------- ---------- -------- ---------- ----------- ----------- -------- ---------- ----------- ---------- ------------- --------
  for r in "${ROWS[@]}"; do
    IFS='|' read -r d a b c e f g h i j k s bm bb rb rbm <<<"$r"
    printf '| %-42s | %9s | %9s | %7s | %8s | %8s | %6s | %8s | %9s | %9s | %6s | %8s | %9s | %8s | %11s | %-6s |\n' "$d" "$bm" "$a" "$b" "$c" "$rb" "$e" "$f" "$bb" "$g" "$h" "$i" "$rbm" "$j" "$k" "$s"
  done
fi
[ $HAVE_GO = 1 ] || echo "Go: n/a because $GO_WHY"
[ $JAVA_BUILT = 1 ] || echo "Java: n/a because $JAVA_WHY"
echo "Rows 3 and 6 are the memory rows; RSS of the other rows is shown for reference. Ratios > 1 mean Quartz is slower / bigger$( [ -n "$QUARTZ_BEFORE" ] && echo " (Q/Before: than the before compiler)")."
