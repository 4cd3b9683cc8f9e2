#!/usr/bin/env bash
# Compiler benchmark: compile throughput on a large generated program, and the wall time of
# `quartz run` on hello world. Prints one table; not a test (numbers vary by machine).
#
# usage: bench/compiler.sh [FUNCTIONS]   (default 3000 functions, about 36,000 lines)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quartz="$root/quartz"
functions=${1:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/generate_program.py" "$functions" > "$work/big.qz"
lines=$(wc -l < "$work/big.qz")

now_ms() { date +%s%3N; }
# Runs a command N times, prints the median wall time in ms.
median_ms() {
  local runs=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start; start=$(now_ms)
    "$@" > /dev/null
    times+=($(( $(now_ms) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

"$quartz" --version > /dev/null   # builds the compiler on first use, outside the measurements
check_ms=$(median_ms 3 "$quartz" check "$work/big.qz")
ir_ms=$(median_ms 3 "$quartz" build "$work/big.qz")
exe_ms=$(median_ms 1 "$quartz" build "$work/big.qz" -o "$work/big")
"$quartz" run "$root/examples/hello.qz" > /dev/null   # warm the run cache
hello_ms=$(median_ms 5 "$quartz" run "$root/examples/hello.qz")
jvm_ms=$(median_ms 5 "$quartz" --version)

per_second() { echo $(( $1 * 1000 / ($2 > 0 ? $2 : 1) )); }
printf '%-44s %12s %14s\n' "benchmark ($lines lines, $functions functions)" "wall ms" "lines/s"
printf '%-44s %12s %14s\n' "quartz check (parse, link, types, validate)" "$check_ms" "$(per_second "$lines" "$check_ms")"
printf '%-44s %12s %14s\n' "quartz build (LLVM IR to stdout)" "$ir_ms" "$(per_second "$lines" "$ir_ms")"
printf '%-44s %12s %14s\n' "quartz build -o (IR, opt, llc, link)" "$exe_ms" "$(per_second "$lines" "$exe_ms")"
printf '%-44s %12s %14s\n' "quartz run hello.qz (cached build)" "$hello_ms" "-"
printf '%-44s %12s %14s\n' "quartz --version (JVM start-up alone)" "$jvm_ms" "-"
