#!/usr/bin/env bash
# Compiler benchmark: compile throughput on a large generated program and the wall time of hello
# world, each through the compile server (warm, as ./quartz runs them by default) and in a JVM of
# its own (QUARTZ_SERVER=0), then `quartz build -o hello` split into its steps. Prints the
# median of RUNS runs per row, and the load average before and after (the numbers are only as
# good as the machine is idle). Not a test.
#
# usage: bench/compiler.sh [FUNCTIONS [RUNS]]   (default 3000 functions, about 36,000 lines; 5 runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quartz="$root/quartz"
functions=${1:-3000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/generate_program.py" "$functions" > "$work/big.qz"
lines=$(wc -l < "$work/big.qz")
hello=$root/examples/hello.qz

now_ms() { date +%s%3N; }
# Runs a command N times, prints the median wall time in ms.
median_ms() {
  local n=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local start; start=$(now_ms)
    "$@" > /dev/null
    times+=($(( $(now_ms) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p"
}
per_second() { echo $(( $1 * 1000 / ($2 > 0 ? $2 : 1) )); }
row() { printf '%-60s %10s %12s\n' "$@"; }

"$quartz" --version > /dev/null   # builds the compiler on first use, outside the measurements
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

row "benchmark ($lines lines, $functions functions)" "wall ms" "lines/s"
# The server: the first command after a rebuild starts it; later ones find it warm.
state=$root/.quartz
rm -f "$state"/server/*.sock   # a server whose socket is gone stops within a second
sleep 1
start_ms=$(median_ms 1 "$quartz" check "$hello")
row "server start + quartz check hello.qz (first command)" "$start_ms" "-"
first_ms=$(median_ms 1 "$quartz" check "$work/big.qz")
row "quartz check, first time in a new server" "$first_ms" "$(per_second "$lines" "$first_ms")"
for _ in $(seq 4); do "$quartz" check "$work/big.qz" > /dev/null; done
check_ms=$(median_ms "$runs" "$quartz" check "$work/big.qz")
row "quartz check, checks 6 to $((5 + runs))" "$check_ms" "$(per_second "$lines" "$check_ms")"
# The JIT (C2) has compiled the front end's code fully after about 15 checks of this program.
for _ in $(seq 10); do "$quartz" check "$work/big.qz" > /dev/null; done
steady_ms=$(median_ms "$runs" "$quartz" check "$work/big.qz")
row "quartz check, after $((15 + runs)) checks" "$steady_ms" "$(per_second "$lines" "$steady_ms")"
ir_ms=$(median_ms "$runs" "$quartz" build "$work/big.qz")
row "quartz build (LLVM IR to stdout)" "$ir_ms" "$(per_second "$lines" "$ir_ms")"
exe_ms=$(median_ms 1 "$quartz" build "$work/big.qz" -o "$work/big")
row "quartz build -o (IR, opt, llc, link)" "$exe_ms" "$(per_second "$lines" "$exe_ms")"
"$quartz" build "$hello" -o "$work/hello"   # builds the runtime into the cache once
row "quartz check hello.qz" "$(median_ms "$runs" "$quartz" check "$hello")" "-"
row "quartz build hello.qz -o hello" "$(median_ms "$runs" "$quartz" build "$hello" -o "$work/hello")" "-"
"$quartz" run "$hello" > /dev/null   # warm the run cache
row "quartz run hello.qz (cached build)" "$(median_ms "$runs" "$quartz" run "$hello")" "-"

echo
row "the same in a JVM of its own (QUARTZ_SERVER=0)" "wall ms" "lines/s"
export QUARTZ_SERVER=0
check_ms=$(median_ms 3 "$quartz" check "$work/big.qz")
row "quartz check (parse, link, types, validate)" "$check_ms" "$(per_second "$lines" "$check_ms")"
row "quartz build hello.qz -o hello" "$(median_ms "$runs" "$quartz" build "$hello" -o "$work/hello")" "-"
row "quartz run hello.qz (cached build)" "$(median_ms "$runs" "$quartz" run "$hello")" "-"
row "quartz --version (JVM start-up alone)" "$(median_ms "$runs" "$quartz" --version)" "-"
unset QUARTZ_SERVER

# `build -o` of hello world, step by step: the front end and IR (through the server), then the
# native tools on that IR as Toolchain runs them.
echo
row "quartz build hello.qz -o hello, step by step" "wall ms" ""
"$quartz" build "$hello" > "$work/hello.ll"
runtime=$(ls -d "${QUARTZ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/quartz}"/runtime-* | head -n 1)
llc=$(command -v llc || ls /usr/bin/llc-* | head -n 1)
opt=$(dirname "$llc")/$(basename "$llc" | sed 's/^llc/opt/')
row "front end + IR (quartz build, IR to stdout)" "$(median_ms "$runs" "$quartz" build "$hello")" ""
row "opt -O2" "$(median_ms "$runs" "$opt" -O2 "$work/hello.ll" -o "$work/hello.bc")" ""
row "llc -O2 -filetype=obj" "$(median_ms "$runs" "$llc" -O2 -relocation-model=pic -filetype=obj "$work/hello.bc" -o "$work/hello.o")" ""
row "cc (link with the runtime and libgc)" "$(median_ms "$runs" cc -o "$work/hello" "$work/hello.o" "$runtime"/*.o \
  -Wl,-Bstatic -lgc -Wl,-Bdynamic -lm -lpthread)" ""
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
