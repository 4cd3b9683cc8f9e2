#!/usr/bin/env bash
# Latency under pipelining: how long a NEW client waits for its first response while other
# clients pipeline requests as fast as they can. The same echo-style server (a task or goroutine
# per connection, fixed 64-byte requests and responses) in Quartz (server.qz) and in Go with raw
# net (server.go), driven by driver.go: 4 pipelining clients and, meanwhile, a new connection
# every 50 ms, 100 of them, each timed from its dial to its response. MODE=per-request (the
# default): the servers write each response on its own; MODE=batch: one write of all the
# responses to what one read gave.
# Builds everything into a temporary folder, runs every server RUNS times (default 3; the
# servers take turns, round by round) and prints one table of medians over the runs, each
# column on its own: p50, p99 and max latency of the new connections, the lost ones (no
# response within PROBE_TIMEOUT_MS; they count as that long), the pipelined throughput (all
# clients, and the slowest one), and the server's peak RSS and CPU time. Rows:
#   Quartz           ./quartz of this checkout, default workers (one per CPU)
#   Quartz, 1 worker the same executable with QUARTZ_WORKERS=1
#   Quartz before    $BEFORE_QUARTZ (when set): a compiler from before the
#                    collector and the fair scheduler; it predates QUARTZ_WORKERS (one worker
#                    per CPU); the row says n/a when it is missing
#   Go               server.go, GOMAXPROCS default (one P per CPU)
# All traffic is on 127.0.0.1 (the Quartz server listens on every local address: tcp_listen has
# no address parameter). The driver kills the server at the end; a run lasts at most
# warmup + SAMPLES x INTERVAL_MS + PROBE_TIMEOUT_MS (+ a watchdog, + `timeout`).
#   bench/latency/run.sh                  # from anywhere; ~2 min on 2 cores with RUNS=3
#   RUNS=1 bench/latency/run.sh           # quicker
#   MODE=batch bench/latency/run.sh       # the servers write once per read
#   CLIENTS=8 SAMPLES=200 INTERVAL_MS=25 PROBE_TIMEOUT_MS=5000 BEFORE_QUARTZ=/path/quartz bench/latency/run.sh
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-3}"
CLIENTS="${CLIENTS:-4}"
SAMPLES="${SAMPLES:-100}"
INTERVAL_MS="${INTERVAL_MS:-50}"
PROBE_TIMEOUT_MS="${PROBE_TIMEOUT_MS:-10000}"
BEFORE_QUARTZ="${BEFORE_QUARTZ:-}"
MODE="${MODE:-per-request}"
case "$MODE" in
  per-request) SERVER_ARG="" ;;
  batch) SERVER_ARG="batch" ;;
  *) echo "MODE must be per-request or batch, not '$MODE'" >&2; exit 2 ;;
esac
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/qz-latency-bench.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT

log() { echo "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

"$ROOT/tools/prerequisites.sh" go || { log "go is needed: the driver is written in Go"; exit 1; }

# ---------- build ----------
log "building in $BUILD"
go build -o "$BUILD/driver" "$HERE/driver.go" >&2 || { log "go build of driver.go failed"; exit 1; }
HAVE=()
if go build -o "$BUILD/go_server" "$HERE/server.go" >&2; then HAVE+=(go); else log "go build of server.go failed"; fi
if (cd "$ROOT" && ./quartz build "$HERE/server.qz" -o "$BUILD/qz_server") >&2; then HAVE+=(qz qz1);
else log "quartz build of server.qz failed"; fi
BEFORE_WHY=""
if [ -z "$BEFORE_QUARTZ" ]; then BEFORE_WHY="BEFORE_QUARTZ not set"
elif [ ! -x "$BEFORE_QUARTZ" ]; then BEFORE_WHY="$BEFORE_QUARTZ not found"
elif "$BEFORE_QUARTZ" build "$HERE/server.qz" -o "$BUILD/qz_before" >&2; then HAVE+=(before)
else BEFORE_WHY="$BEFORE_QUARTZ failed to build server.qz"; fi
has() { local h; for h in "${HAVE[@]}"; do [ "$h" = "$1" ] && return 0; done; return 1; }

# ---------- run ----------
# key|label|workers|command (run through env so QUARTZ_WORKERS is set or removed per row)
ROWS=(
  "qz|Quartz|default ($(nproc))|env -u QUARTZ_WORKERS $BUILD/qz_server"
  "qz1|Quartz, QUARTZ_WORKERS=1|1|env QUARTZ_WORKERS=1 $BUILD/qz_server"
  "before|Quartz before (no GC, not fair)|$(nproc) (fixed)|env -u QUARTZ_WORKERS $BUILD/qz_before"
  "go|Go net, goroutine per conn|GOMAXPROCS $(nproc)|env -u GOMAXPROCS $BUILD/go_server"
)
DRIVER=("$BUILD/driver" -clients "$CLIENTS" -samples "$SAMPLES" -interval "${INTERVAL_MS}ms"
        -probe-timeout "${PROBE_TIMEOUT_MS}ms")
BOUND=$(( 30 + (SAMPLES * INTERVAL_MS + PROBE_TIMEOUT_MS) / 1000 ))
declare -A RES   # RES[key]="result line of run 1<newline>result line of run 2..."
LOAD_START="$(loadavg)"
for ((r = 1; r <= RUNS; r++)); do
  for row in "${ROWS[@]}"; do
    IFS='|' read -r key label workers command <<<"$row"
    has "$key" || continue
    log "run $r/$RUNS: $label (load $(loadavg))"
    # shellcheck disable=SC2086  # $command is words on purpose
    timeout "$BOUND" "${DRIVER[@]}" $command $SERVER_ARG >"$BUILD/out" 2>"$BUILD/err"; rc=$?
    line=$(grep -m1 '^RESULT' "$BUILD/out")
    if [ "$rc" != 0 ] || [ -z "$line" ]; then
      log "  FAILED (exit $rc):"; grep -v '^driver: [0-9]* new connections' "$BUILD/err" | head -5 >&2
      line="RESULT failed=1"
    fi
    grep '^driver: [0-9]* new connections' "$BUILD/err" | sed 's/^driver: /  /' >&2
    RES[$key]+="$line"$'\n'
  done
done
LOAD_END="$(loadavg)"

# field KEY NAME: the median of NAME=value over the runs of KEY ("FAILED" if any run failed)
field() {
  local lines="${RES[$1]:-}"
  if [ -z "$lines" ]; then echo "n/a"; return; fi
  if grep -q 'failed=1' <<<"$lines"; then echo "FAILED"; return; fi
  grep -o " $2=[0-9.]*" <<<"$lines" | cut -d= -f2 | sort -n |
    awk '{a[NR]=$1} END{ if (NR==0) print "?"; else print a[int((NR+1)/2)] }'
}

# ---------- table ----------
echo
echo "Latency of a new connection while $CLIENTS clients pipeline 64-byte requests (MODE=$MODE): $SAMPLES new connections, one every $INTERVAL_MS ms, each timed from dial to response; median of $RUNS run(s), each column on its own"
echo "machine: $(nproc) CPUs; $(go version | awk '{print $3}'); load average $LOAD_START at the start, $LOAD_END at the end"
echo
printf '| %-33s | %-16s | %8s | %8s | %8s | %5s | %11s | %14s | %7s | %6s |\n' \
  server workers "p50 ms" "p99 ms" "max ms" lost "pipelined/s" "slowest client/s" "RSS MB" "CPU s"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ----------------------------------- ------------------ ---------- ---------- ---------- ------- ------------- ------------------ --------- --------
for row in "${ROWS[@]}"; do
  IFS='|' read -r key label workers command <<<"$row"
  printf '| %-33s | %-16s | %8s | %8s | %8s | %5s | %11s | %16s | %7s | %6s |\n' "$label" "$workers" \
    "$(field "$key" p50_ms)" "$(field "$key" p99_ms)" "$(field "$key" max_ms)" "$(field "$key" lost)" \
    "$(field "$key" rps)" "$(field "$key" min_client_rps)" "$(field "$key" rss_mb)" "$(field "$key" cpu_s)"
done
[ -n "$BEFORE_WHY" ] && echo "Quartz before: n/a because $BEFORE_WHY"
echo "lost = new connections without a response after $PROBE_TIMEOUT_MS ms; they count as $PROBE_TIMEOUT_MS ms in p50/p99/max."
echo "pipelined/s = responses the $CLIENTS pipelining clients received per second while the new connections were made;"
echo "slowest client/s = those of the pipelining client that received the fewest (0: starved)."
echo "RSS MB, CPU s = the server process's peak RSS and user+system CPU time over the whole run (rusage)."
