#!/usr/bin/env bash
# Takes a screenshot of the real app on a fresh sample document, in a
# virtual X display: scripts/screenshot.sh APP CLI OUT.png [MAP_TAB_INDEX]
set -euo pipefail
app=$1 cli=$2 out=$3
command -v import >/dev/null || { echo "needs ImageMagick's import (apt-get install imagemagick)" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
"$cli" sample "$work/sample.tiermap" >/dev/null
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
DISPLAY=$display "$app" "$work/sample.tiermap" >/dev/null 2>&1 & app_pid=$!
sleep "${SCREENSHOT_WAIT:-6}"
mkdir -p "$(dirname "$out")"
DISPLAY=$display import -window root "$out"
echo "Wrote $out"
