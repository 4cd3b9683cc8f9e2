#!/usr/bin/env bash
# Makes sure the machine has what Quartz needs besides Java, installing the missing Debian
# packages with apt-get when run as root; otherwise it prints the exact apt-get line and exits 1.
#   tools/prerequisites.sh native   a JDK (to build the compiler), llc (LLVM), a C compiler and the
#                                   garbage collector (libgc): what ./quartz needs to build programs
#   tools/prerequisites.sh tests    the same, plus Xvfb and GTK 3 for the editor's SWT tests and
#                                   Neovim, the real editor client of the language server's tests
#   tools/prerequisites.sh go       Go only: the benchmarks' peer programs and load drivers
# Used by ./quartz, ./run-tests and bench/. Quiet when nothing is missing.
set -euo pipefail

what=${1:-native}
case "$what" in
native | tests | go) ;;
*) echo "usage: $0 native|tests|go" >&2; exit 2 ;;
esac

have() {
    local name
    for name in "$@"; do
        command -v "$name" >/dev/null 2>&1 && return 0
    done
    return 1
}

c_compiler() {
    local name
    for name in cc gcc clang; do
        if command -v "$name" >/dev/null 2>&1; then
            echo "$name"
            return 0
        fi
    done
    return 1
}

# libgc-dev: the header and the static library a program is linked with (org.quartz.cli.Toolchain).
have_libgc() {
    local cc
    cc=$(c_compiler) || return 1
    echo '#include <gc.h>' | "$cc" -E -x c - >/dev/null 2>&1 || return 1
    [ "$("$cc" -print-file-name=libgc.a)" != libgc.a ]
}

packages=()
if [ "$what" = go ]; then
    have go || packages+=(golang-go)
else
# The compiler is built with Maven (./mvnw), which needs a JDK.
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] || have javac || packages+=(openjdk-17-jdk-headless)
have llc llc-19 llc-18 llc-17 llc-16 llc-15 llc-14 || packages+=(llvm)
c_compiler >/dev/null || packages+=(gcc)
have_libgc || packages+=(libgc-dev)
if [ "$what" = tests ]; then
    have Xvfb || packages+=(xvfb)
    have nvim || packages+=(neovim)
    # Not piped into grep -q: with pipefail, ldconfig's SIGPIPE would read as "missing".
    libraries=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p)
    [[ $libraries == *libgtk-3.so.0* ]] || packages+=(libgtk-3-0)
fi
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "quartz: missing ${packages[*]}; install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
    exit 1
fi
echo "quartz: installing ${packages[*]} (apt-get)..." >&2
log=$(mktemp "${TMPDIR:-/tmp}/quartz-apt.XXXXXX")
if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "quartz: installing ${packages[*]} failed (apt-get output above)" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
