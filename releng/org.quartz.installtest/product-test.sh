#!/usr/bin/env bash
# Tests the headless product (Tycho's product archive, unpacked and started through its Equinox
# launcher with the application org.quartz.cli.app): build, run, check and test on real
# programs, their output, exit codes and diagnostics; lsp over stdio.
# Usage: product-test.sh PRODUCT_ZIP WORK_DIR (the archive users download: unpacked here first)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -f "$1" ] || fail "no product archive $1"
archive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$2
rm -rf "$work" && mkdir -p "$work/product"
(cd "$work/product" && jar xf "$archive") # jar: unzip may be missing; the product has no executables
product=$work/product
examples=$here/../../examples
programs=$here/programs
cd "$work"

quartz "$product" --version
expect_code 0 "--version"
[[ $OUT == *0.1.0* ]] || fail "--version: no version number"
pass "--version: $OUT"

quartz "$product" build "$examples/hello.qz" -o hello
expect_code 0 "build -o"
[ -x hello ] || fail "build -o wrote no executable"
[ "$(./hello)" = "hello, world" ] || fail "the built hello printed '$(./hello)'"
pass "build -o: a native hello world"

quartz "$product" build "$examples/hello.qz"
expect_code 0 "build (IR)"
grep -q '^define i64 @"quartz_main"()' "$work/out" || fail "build without -o printed no LLVM IR with the program's entry"
pass "build: LLVM IR on stdout"

quartz "$product" run "$examples/greet.qz" Ada Grace
expect_code 0 "run"
expect_out $'hello, Ada\nhello, Grace' "run with arguments"
pass "run: the program's output and arguments"

quartz "$product" run "$examples/greet.qz"
expect_code 2 "run (program's own exit code)"
expect_err_match '^usage: greet NAME\.\.\.$' "run: the program's stderr"
pass "run: the program's exit code and stderr"

quartz "$product" check "$examples/shapes.qz"
expect_code 0 "check of a correct program"
[ -z "$OUT$ERR" ] || fail "check of a correct program printed something"
pass "check: a correct program, silent, exit 0"

# Under a virtual memory limit the JVM is sized to fit it; below what it needs, one line says so.
VLIMIT=2000000 quartz "$product" check "$examples/shapes.qz"
expect_code 0 "check under ulimit -v 2 GB"
[ -z "$OUT$ERR" ] || fail "check under ulimit -v 2 GB printed something"
VLIMIT=300000 quartz "$product" check "$examples/shapes.qz"
expect_code 3 "check under ulimit -v 300 MB"
[ "$(printf '%s\n' "$ERR" | wc -l)" = 1 ] && [[ $ERR == quartz:* ]] || fail "ulimit -v 300 MB: not one line"
pass "check under ulimit -v: runs at 2 GB, one line at 300 MB"

cp "$programs/bad.qz" "$programs/type_error.qz" .
quartz "$product" check bad.qz
expect_code 1 "check of a syntax error"
expect_err_match '^bad\.qz:4:10: error\[QZ0001\]: ' "check bad.qz"
pass "check: $(head -n 1 "$work/err")"

quartz "$product" check type_error.qz
expect_code 1 "check of a type error"
expect_err_match '^type_error\.qz:[0-9]+:[0-9]+: error\[QZ[0-9]{4}\]: ' "check type_error.qz"
pass "check: $(head -n 1 "$work/err")"

quartz "$product" build bad.qz -o bad
expect_code 1 "build of a syntax error"
expect_err_match '^bad\.qz:4:10: error\[QZ0001\]: ' "build bad.qz"
[ ! -e bad ] || fail "build of a syntax error wrote an executable"
pass "build: diagnostics, exit 1, no executable"

quartz "$product" check missing.qz
expect_code 1 "check of a missing file"
expect_err_match '^error: .*missing\.qz' "check missing.qz"
pass "check: a missing file"

quartz "$product" frobnicate
expect_code 2 "an unknown command"
pass "usage error: exit 2"

cp -r "$programs/specs" "$programs/failing" .
quartz "$product" test specs
expect_code 0 "test of a passing spec"
expect_out $'specs/arith_spec.qz: 2 tests, 2 passed\ntotal: 1 spec file, 2 tests, 2 passed' "test specs"
pass "test: passing specs, exit 0"

quartz "$product" test specs failing
expect_code 1 "test with a failing spec"
grep -q '^failing/wrong_spec.qz: FAIL wrong > fails: expected 3, got 2$' "$work/out" \
    || fail "test: no FAIL line for the failing test"
grep -q '^total: 2 spec files, 4 tests, 3 passed, 1 failed$' "$work/out" || fail "test: wrong total line"
pass "test: a failing spec, FAIL line, exit 1"

# quartz lsp: LspSmoke.java speaks JSON-RPC with it over stdio (initialize, a diagnostic,
# shutdown, exit) and prints an ok: line per step.
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
java "$here/LspSmoke.java" "$launcher" "$work/lsp" || fail "quartz lsp (see the FAIL line above)"
passed=$((passed + 3))

echo "product-test: $passed passed, 0 failed"
