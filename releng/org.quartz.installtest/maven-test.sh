#!/usr/bin/env bash
# Tests the Quartz Maven plugin on examples/maven-project: `mvn verify` compiles the program
# and runs its specs; a failing spec and a compile error each fail the build with a clear
# message. The nested Maven runs offline on a private local repository that holds only the
# plugin just built (a pom-packaged project needs no other plugin up to verify).
# Usage: maven-test.sh MAVEN_HOME PLUGIN_JAR PLUGIN_POM PARENT_POM PRODUCT_DIR WORK_DIR
set -euo pipefail
source "$(dirname "$0")/lib.sh"
maven_home=$1 plugin_jar=$2 plugin_pom=$3 parent_pom=$4
product=$(cd "$5" && pwd)
work=$6
rm -rf "$work" && mkdir -p "$work"
version=0.1.0-SNAPSHOT
repo=$work/repo
mkdir -p "$repo/org/quartz/quartz-maven-plugin/$version" "$repo/org/quartz/org.quartz.parent/$version"
cp "$plugin_jar" "$repo/org/quartz/quartz-maven-plugin/$version/quartz-maven-plugin-$version.jar"
cp "$plugin_pom" "$repo/org/quartz/quartz-maven-plugin/$version/quartz-maven-plugin-$version.pom"
cp "$parent_pom" "$repo/org/quartz/org.quartz.parent/$version/org.quartz.parent-$version.pom"

# mvn PROJECT_DIR: `mvn -o verify` there, with QUARTZ_HOME the product. Sets CODE, OUT (the log).
mvn_verify() {
    set +e
    (cd "$1" && QUARTZ_HOME=$product "$maven_home/bin/mvn" -B -o -Dmaven.repo.local="$repo" verify) \
        >"$work/out" 2>&1 </dev/null
    CODE=$?
    set -e
    OUT=$(cat "$work/out") ERR=
}

# expect_log TEXT WHAT: the Maven log has a line containing TEXT.
expect_log() {
    grep -qF -- "$1" "$work/out" || fail "$2: the Maven log has no line with '$1'"
}

cp -r "$here/../../examples/maven-project" "$work/ok"
rm -rf "$work/ok/target"
mvn_verify "$work/ok"
expect_code 0 "mvn verify of examples/maven-project"
expect_log "[INFO] src/test/quartz/greeting_spec.qz: 2 tests, 2 passed" "the specs' summary"
expect_log "[INFO] total: 1 spec file, 2 tests, 2 passed" "the specs' total"
[ -x "$work/ok/target/maven-project" ] || fail "no executable target/maven-project"
[ "$("$work/ok/target/maven-project")" = "hello, world." ] || fail "target/maven-project printed the wrong greeting"
[ "$("$work/ok/target/maven-project" Ann Quartzite)" = $'hello, Ann.\nhello, Quartzite!' ] \
    || fail "target/maven-project with arguments printed the wrong greetings"
pass "example project: compiled, its program runs, its specs passed"

cp -r "$work/ok" "$work/failing-spec"
rm -rf "$work/failing-spec/target"
cat >"$work/failing-spec/src/test/quartz/wrong_spec.qz" <<'QZ'
import qspec/runner
import qspec/matchers
import greeting

describe("greet") do ->
  it "is wrong on purpose" do
    expect(greet("Bo")).to_eq("hi, Bo")
  end
end
QZ
mvn_verify "$work/failing-spec"
expect_code 1 "mvn verify with a failing spec"
expect_log 'src/test/quartz/wrong_spec.qz: FAIL greet > is wrong on purpose: expected "hi, Bo", got "hello, Bo."' "the FAIL line"
expect_log "There are Quartz spec failures (total: 2 spec files, 3 tests, 2 passed, 1 failed)" "the failure message"
expect_log "BUILD FAILURE" "the build result"
pass "a failing spec fails the build"

cp -r "$work/ok" "$work/compile-error"
rm -rf "$work/compile-error/target"
printf '\ndef broken(): Int = "not an Int"\n' >>"$work/compile-error/src/main/quartz/greeting.qz"
mvn_verify "$work/compile-error"
expect_code 1 "mvn verify with a compile error"
grep -Eq '^\[ERROR\] src/main/quartz/greeting\.qz:11:[0-9]+: error\[QZ[0-9]{4}\]: ' "$work/out" \
    || fail "no diagnostic 'src/main/quartz/greeting.qz:11:COL: error[QZnnnn]' in the Maven log"
expect_log "Quartz compilation of src/main/quartz/main.qz failed" "the failure message"
[ ! -e "$work/compile-error/target/maven-project" ] || fail "a compile error left an executable"
pass "a compile error fails the build with its diagnostic"

echo "maven-test: $passed passed, 0 failed"
