#!/usr/bin/env bash
# Writes the indexes org.quartz.runtime.RuntimeSources reads (a class loader cannot list a
# folder inside a jar): OUT/runtime/FILES (the C sources and headers) and OUT/stdlib/FILES
# (the library modules), one path relative to the folder a line, sorted.
# Usage: build-index.sh OUT  (the build passes target/classes, which becomes the jar's root)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1

# index FOLDER FIND_ARGS...
index() {
    local folder=$1
    shift
    mkdir -p "$out/$folder"
    (cd "$here/$folder" && find . "$@" | sed 's|^\./||' | LC_ALL=C sort) > "$out/$folder/FILES"
}

index runtime -maxdepth 1 -type f \( -name '*.c' -o -name '*.h' \)
index stdlib -type f -name '*.qz'
