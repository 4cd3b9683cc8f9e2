#!/usr/bin/env bash
# Waits (up to 15 s) for the X server the build started on display :$1 (Xvfb, for the SWT tests).
# Fails with the fix when Xvfb is not installed: the editor's tests must not be skipped.
set -euo pipefail
display="$1"
if ! command -v Xvfb >/dev/null; then
    echo "Xvfb is needed to run the editor's SWT tests (org.quartz.lang.ui.tests): apt-get install xvfb libgtk-3-0" >&2
    exit 1
fi
for _ in $(seq 150); do
    [ -S "/tmp/.X11-unix/X$display" ] && exit 0
    sleep 0.1
done
echo "no X server came up on display :$display (Xvfb :$display failed to start)" >&2
exit 1
