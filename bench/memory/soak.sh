#!/usr/bin/env bash
# Soak test: a long run of small requests against a Quartz TCP server (soak_server.qz, a task
# per connection), then the same load against the equivalent Go server (soak_server.go), in
# one run. The load generator (soak_load.go) keeps CONNS connections busy on 127.0.0.1, one
# request in flight per connection, reopening each connection after PER requests, until N
# requests have been answered (and checked); it samples the server's VmRSS from
# /proc/PID/status every EVERY requests. The script prints both RSS series side by side and
# the final numbers (wall time, requests/s, server CPU, RSS at the end and after 1 s idle,
# peak RSS = VmHWM), and judges whether the RSS stayed flat after warm-up: the growth from
# the sample at WARM requests to the end must stay within 10% (+1 MB).
#
#   bench/memory/soak.sh                    # 1,000,000 requests per server, ~1 min on 2 cores
#   N=200000 EVERY=20000 bench/memory/soak.sh
#   QUARTZ=/other/checkout/quartz bench/memory/soak.sh
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
QUARTZ="${QUARTZ:-$ROOT/quartz}"
N="${N:-1000000}"
CONNS="${CONNS:-8}"
PER="${PER:-1000}"
EVERY="${EVERY:-100000}"
WARM="${WARM:-$((N / 5))}"
BUILD="$(mktemp -d "${TMPDIR:-/tmp}/qz-soak.XXXXXX")"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  rm -rf "$BUILD"
}
trap cleanup EXIT

log() { echo "$*" >&2; }
"$ROOT/tools/prerequisites.sh" go || { log "go is needed for the load generator"; exit 1; }

log "building in $BUILD (quartz: $QUARTZ)"
"$QUARTZ" build "$HERE/soak_server.qz" -o "$BUILD/qz_server" >&2 || { log "quartz build of soak_server.qz failed"; exit 1; }
go build -o "$BUILD/go_server" "$HERE/soak_server.go" >&2 || exit 1
go build -o "$BUILD/load" "$HERE/soak_load.go" >&2 || exit 1

# soak IMPL: starts IMPL's server on a free port, runs the load against it, stops the server.
soak() {
  local impl=$1 port="" i
  "$BUILD/${impl}_server" 0 2>"$BUILD/$impl.err" >/dev/null &
  SERVER_PID=$!
  for ((i = 0; i < 100; i++)); do
    port="$(sed -n 's/^port \([0-9]*\)$/\1/p' "$BUILD/$impl.err")"
    [ -n "$port" ] && break
    sleep 0.1
  done
  if [ -z "$port" ]; then log "$impl server did not start"; cat "$BUILD/$impl.err" >&2; return 1; fi
  log "soak of the $impl server (pid $SERVER_PID, port $port): $N requests, $CONNS connections, load $(uptime | sed 's/.*load average: //')"
  timeout 900 "$BUILD/load" -addr "127.0.0.1:$port" -pid "$SERVER_PID" -n "$N" -c "$CONNS" -per "$PER" \
    -every "$EVERY" >"$BUILD/$impl.out"
  local rc=$?
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then log "the $impl server died during the soak"; tail -5 "$BUILD/$impl.err" >&2; fi
  kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
  [ $rc = 0 ] || log "the load generator failed against the $impl server (exit $rc)"
  grep '^final' "$BUILD/$impl.out" >&2
}

LOAD_BEFORE="$(uptime | sed 's/.*load average: //')"
soak qz
soak go
LOAD_AFTER="$(uptime | sed 's/.*load average: //')"

# rss_at IMPL REQ: the sample taken at REQ requests, in MB
rss_at() { awk -v r="$2" '/^sample/ { split($2, a, "="); split($4, b, "="); if (a[2] == r) printf "%.1f", b[2] / 1024 }' "$BUILD/$1.out"; }
final() { sed -n '/^final /s/.* '"$2"'=\([^ ]*\).*/\1/p' "$BUILD/$1.out"; }
mb() { awk -v k="$1" 'BEGIN{ if (k ~ /^[0-9]+$/) printf "%.1f", k / 1024; else print "n/a" }'; }

echo
echo "Soak: $N requests per server, $CONNS connections on 127.0.0.1, a new connection every $PER requests; server RSS (VmRSS) in MB"
echo "machine: $(nproc) CPUs; quartz: $(git -C "$(dirname "$(readlink -f "$QUARTZ")")" log -1 --format=%h 2>/dev/null || echo '?'); go: $(go version | awk '{print $3}'); load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
echo
printf '| %9s | %10s | %10s |\n' requests "Quartz MB" "Go MB"
printf '|%s|%s|%s|\n' ----------- ------------ ------------
for ((r = 0; r <= N; r += EVERY)); do
  printf '| %9s | %10s | %10s |\n' "$r" "$(rss_at qz $r)" "$(rss_at go $r)"
done
echo
printf '| %-32s | %10s | %10s |\n' "" Quartz Go
printf '|%s|%s|%s|\n' ---------------------------------- ------------ ------------
row() { printf '| %-32s | %10s | %10s |\n' "$1" "$2" "$3"; }
row "requests answered (failed)" "$(final qz requests) ($(final qz failed))" "$(final go requests) ($(final go failed))"
row "connections" "$(final qz connections)" "$(final go connections)"
row "wall s" "$(final qz wall_s)" "$(final go wall_s)"
row "requests/s" "$(final qz req_per_s)" "$(final go req_per_s)"
row "server CPU s (user+sys)" "$(final qz server_cpu_s)" "$(final go server_cpu_s)"
row "RSS at $WARM requests, MB" "$(rss_at qz "$WARM")" "$(rss_at go "$WARM")"
row "RSS at the end, MB" "$(mb "$(final qz rss_kb)")" "$(mb "$(final go rss_kb)")"
row "RSS after 1 s idle, MB" "$(mb "$(final qz idle_rss_kb)")" "$(mb "$(final go idle_rss_kb)")"
row "peak RSS (VmHWM), MB" "$(mb "$(final qz hwm_kb)")" "$(mb "$(final go hwm_kb)")"
verdict() {
  local warm end
  warm="$(rss_at "$1" "$WARM")"; end="$(mb "$(final "$1" rss_kb)")"
  awk -v w="$warm" -v e="$end" 'BEGIN{ if (w == "" || e == "n/a") { print "n/a"; exit }
    d = e - w; printf "%+.1f MB %s", d, (e <= w * 1.10 + 1 ? "flat" : "GROWING") }'
}
row "growth after warm-up" "$(verdict qz)" "$(verdict go)"
