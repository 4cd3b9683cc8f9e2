#!/usr/bin/env bash
# Tests an installation that the p2 director made from the update site into an empty folder
# (this module's pom does that first): its bundles hold the Quartz feature, and the installed
# command line builds and runs a hello world.
# Usage: install-test.sh INSTALL_DIR WORK_DIR
set -euo pipefail
source "$(dirname "$0")/lib.sh"
install=$(cd "$1" && pwd)
work=$2
rm -rf "$work" && mkdir -p "$work"
cd "$work"

# The director installed the feature and its bundles, and recorded them in a p2 profile.
ls "$install"/features/org.quartz.feature_* >/dev/null 2>&1 || fail "no features/org.quartz.feature_* in $install"
for bundle in org.quartz.cli org.quartz.lang org.quartz.codegen org.quartz.runtime; do
    ls "$install"/plugins/${bundle}_*.jar >/dev/null 2>&1 || fail "bundle $bundle is not installed in $install"
done
ls -d "$install"/p2/org.eclipse.equinox.p2.engine/profileRegistry/*.profile >/dev/null 2>&1 \
    || fail "no p2 profile in $install"
pass "the director installed the feature's bundles and a p2 profile"

quartz "$install" build "$here/../../examples/hello.qz" -o hello
expect_code 0 "installed quartz build -o"
[ "$(./hello)" = "hello, world" ] || fail "the built hello printed '$(./hello)'"
pass "installed quartz build: a native hello world"

quartz "$install" run "$here/../../examples/hello.qz"
expect_code 0 "installed quartz run"
expect_out "hello, world" "installed quartz run"
pass "installed quartz run: hello, world"

echo "install-test: $passed passed, 0 failed"
