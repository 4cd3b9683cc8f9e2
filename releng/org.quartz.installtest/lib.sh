# Helpers of the install and product tests (sourced). Each check prints one line; the first
# failure stops the script with exit 1, which fails the Maven build.

source "$(dirname "${BASH_SOURCE[0]}")/../../tools/jvm-memory.sh"

# quartz HOME ARGS...: the quartz command line of the installation HOME, started the way the
# README documents (the Equinox launcher with the application org.quartz.cli.app). Sets OUT,
# ERR (the streams' text) and CODE (the exit code).
quartz() {
    local home=$1
    shift
    local launcher
    launcher=$(ls "$home"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
    [ -n "$launcher" ] || fail "$home has no plugins/org.eclipse.equinox.launcher_*.jar"
    set +e
    (
        # VLIMIT: run under that virtual memory limit (KB), sized as ./quartz sizes the JVM.
        [ -z "${VLIMIT:-}" ] || ulimit -v "$VLIMIT"
        jvm_options=()
        jvm_memory_options || exit 3
        exec java "${jvm_options[@]}" -jar "$launcher" -application org.quartz.cli.app -nosplash -data @none "$@"
    ) >"$work/out" 2>"$work/err" </dev/null
    CODE=$?
    set -e
    OUT=$(cat "$work/out")
    ERR=$(cat "$work/err")
}

fail() {
    echo "FAIL: $*" >&2
    [ -z "${OUT+x}" ] || printf -- '--- stdout:\n%s\n--- stderr:\n%s\n--- exit code: %s\n' "$OUT" "$ERR" "$CODE" >&2
    exit 1
}

pass() {
    passed=$((passed + 1))
    echo "ok: $*"
}

# expect_code N WHAT: the last command exited with N.
expect_code() {
    [ "$CODE" = "$1" ] || fail "$2: expected exit code $1, got $CODE"
}

# expect_out TEXT WHAT: stdout of the last command is exactly TEXT.
expect_out() {
    [ "$OUT" = "$1" ] || fail "$2: expected stdout '$1'"
}

# expect_err_match REGEX WHAT: a line of stderr matches the extended REGEX.
expect_err_match() {
    grep -Eq -- "$1" "$work/err" || fail "$2: no stderr line matches /$1/"
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
passed=0
