#!/usr/bin/env bash
# Builds the Quartz runtime with each unit test (test_*.c) and runs them, twice:
# under AddressSanitizer + UndefinedBehaviorSanitizer, and optimised (-O2 with the
# garbage collector, as a compiled program links it); the concurrency tests
# (CONCURRENCY_TESTS) a third time under ThreadSanitizer. The sanitizer builds use
# plain malloc (QZ_NO_GC, rt_alloc.c): sanitizers and a conservative collector do
# not mix. The collector's own tests (GC_TESTS) run only in the optimised build. Also checks that quartz_rt.h keeps the one-line
# declaration format, that it and the runtime's exported functions match, and that
# the runtime's files keep their layers (check_layers).
# Exits non-zero when anything fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rt=$(cd "$here/../runtime" && pwd)
cc=${CC:-cc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Without the collector nothing is freed, so leak reports would be all noise.
# allocator_may_return_null lets the out-of-memory panic be tested.
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
# UBSan only reports by default; make a report fail the test.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Any data race fails the test.
export TSAN_OPTIONS=halt_on_error=1:exitcode=66:second_deadlock_stack=1

CONCURRENCY_TESTS="test_chan test_task test_select test_stress test_mutex test_group test_net test_deadlock test_blocking test_file"
GC_TESTS="test_gc"
# How a compiled program links the collector (org.quartz.cli.Toolchain): statically.
GC_LIBS=(-Wl,-Bstatic -lgc -Wl,-Bdynamic)

failed=0

# Every declaration in quartz_rt.h is one line of the agreed form.
check_header() {
    local decl='^(QZ_NORETURN )?(qz_val|void) qz_[a-z0-9_]+\((void|qz_val [a-z_]+(, qz_val [a-z_]+)*)\);$'
    local bad
    bad=$(grep -nE '^(QZ_NORETURN |qz_val |void )' "$rt/quartz_rt.h" | grep -vE "^[0-9]+:${decl#^}" || true)
    if [ -n "$bad" ]; then
        echo "quartz_rt.h: declarations not in the one-line form:"
        echo "$bad"
        failed=1
    fi
    echo '#include "quartz_rt.h"' | $cc -std=c11 -Wall -Wextra -Werror -pedantic -fsyntax-only -I"$rt" -x c -
}

# The qz_ functions the runtime defines are exactly those quartz_rt.h declares.
check_exports() {
    local objs=("$@")
    diff <(sed -nE 's/^(QZ_NORETURN )?(qz_val|void) (qz_[a-z0-9_]+)\(.*/\3/p' "$rt/quartz_rt.h" | sort) \
         <(nm --defined-only "${objs[@]}" | awk '$2 == "T" && $3 ~ /^qz_/ { print $3 }' | sort) \
        > "$work/exports.diff" || {
        echo "quartz_rt.h (<) and the runtime's definitions (>) differ:"
        cat "$work/exports.diff"
        failed=1
    }
}

# With the collector, every thread the runtime starts must be one the collector knows: gc.h
# (with GC_THREADS, from rt_internal.h) turns pthread_create into GC_pthread_create.
check_threads_registered() {
    local direct
    direct=$(nm -A -u "$@" | awk '$NF == "pthread_create" { print $1 }')
    if [ -n "$direct" ]; then
        echo "threads the collector would not see (pthread_create without gc.h): $direct"
        failed=1
    fi
}

# The runtime's files depend on each other (a file uses a function another defines)
# only as the layers in rt_internal.h allow: a file of a layer uses nothing of a
# later layer (base, then the "LAYER" lines in order), and the only dependency
# cycle is inside the core.
check_layers() {
    local dir=$1
    local core sources
    core=$(sed -n 's/^ \* LAYER core: //p' "$rt/rt_internal.h")
    sources=$(sed -n 's/^ \* LAYER sources: //p' "$rt/rt_internal.h")
    if [ -z "$core" ] || [ -z "$sources" ]; then
        echo "rt_internal.h: the LAYER lines are missing"
        failed=1
        return
    fi
    local o f
    for o in "$dir"/rt_*.o; do
        f=$(basename "${o%.o}")
        nm --defined-only -g "$o" | awk -v f="$f" '$2 ~ /[TDBR]/ { print $3, f }'
    done | sort > "$work/defs"
    for o in "$dir"/rt_*.o; do
        f=$(basename "${o%.o}")
        nm -u "$o" | awk '{ print $2 }' | sort -u | join - "$work/defs" | awk -v f="$f" '$2 != f { print f, $2 }'
    done | sort -u > "$work/deps"
    local bad
    bad=$(awk -v core="$core" -v sources="$sources" '
        BEGIN { n = split(core, c, " "); for (i = 1; i <= n; i++) layer[c[i]] = 1
                n = split(sources, s, " "); for (i = 1; i <= n; i++) layer[s[i]] = 2
                names[0] = "base"; names[1] = "core"; names[2] = "wait sources" }
        { a = layer[$1] + 0; b = layer[$2] + 0
          if (b > a) print $1 " (" names[a] ") uses " $2 " (" names[b] ")" }' "$work/deps")
    if [ -n "$bad" ]; then
        echo "runtime layering broken:"
        echo "$bad"
        failed=1
    fi
    # The core as one node: any cycle left is one the layering forbids.
    if ! awk -v core="$core" '
            BEGIN { n = split(core, c, " "); for (i = 1; i <= n; i++) in_core[c[i]] = 1 }
            { a = in_core[$1] ? "core" : $1; b = in_core[$2] ? "core" : $2; if (a != b) print b, a }' \
            "$work/deps" | tsort > /dev/null 2> "$work/tsort.err"; then
        echo "runtime dependency cycle outside the core:"
        cat "$work/tsort.err"
        failed=1
    fi
}

# run_config NAME TESTS LIBS FLAGS...: TESTS is "all" or a list of test names; LIBS
# is "gc" (link the collector) or "nogc" (-DQZ_NO_GC, which skips GC_TESTS).
run_config() {
    local name=$1 tests=$2 libs=$3
    shift 3
    local flags=(-std=c11 -Wall -Wextra -Werror -pthread "$@")
    local link=(-lm)
    if [ "$libs" = gc ]; then
        link=("${GC_LIBS[@]}" -lm)
    else
        flags+=(-DQZ_NO_GC)
    fi
    local out="$work/$name"
    mkdir -p "$out"
    echo "== $name: ${flags[*]}"
    for src in "$rt"/*.c; do
        $cc "${flags[@]}" -I"$rt" -c "$src" -o "$out/$(basename "${src%.c}").o"
    done
    check_exports "$out"/rt_*.o
    if [ "$libs" = gc ]; then
        check_threads_registered "$out"/rt_*.o
        check_layers "$out"
    fi
    for t in "$here"/test_*.c; do
        local test_name
        test_name=$(basename "${t%.c}")
        if [ "$libs" = nogc ] && [[ " $GC_TESTS " == *" $test_name "* ]]; then
            continue
        fi
        if [ "$tests" != all ] && [[ " $tests " != *" $test_name "* ]]; then
            continue
        fi
        local exe
        exe="$out/$(basename "${t%.c}")"
        $cc "${flags[@]}" -I"$rt" "$t" "$out"/rt_*.o "${link[@]}" -o "$exe"
        if ! "$exe"; then
            echo "FAIL: $(basename "$t") ($name)"
            failed=1
        fi
    done
}

check_header
run_config sanitized all nogc -g -fsanitize=address,undefined -fno-omit-frame-pointer
run_config optimised all gc -O2
run_config thread "$CONCURRENCY_TESTS" nogc -g -O1 -fsanitize=thread

if [ "$failed" -ne 0 ]; then
    echo "runtime tests FAILED"
    exit 1
fi
echo "runtime tests passed"
