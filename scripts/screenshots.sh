#!/usr/bin/env bash
# Real screenshots of every view at 1280x800: runs the app under Xvfb; the app snapshots its own scene per view.
# The tour (ui.app.ScreenshotMain/ScreenshotTour) is a tool, not part of the app: it lives in the test tree.
# Explore is shot twice: V1 0.75-192 (explore.png) and V3-Large 1.0-224 with the network drawing (explore-v3-large.png).
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: screenshots/)
#        SIZE=1920x1080 scripts/screenshots.sh /tmp/shots-1920   (window and screen size, default 1280x800)
#        BENCHMARK=false scripts/screenshots.sh /tmp/quick         (no real benchmark: a quick walkthrough)
#        EXPLORE_ONLY=1 scripts/screenshots.sh /tmp/shots          (only the Explore shots: quick checks)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
if ! command -v xvfb-run >/dev/null; then
  echo "installing xvfb, GTK and ImageMagick (needs root)" >&2
  apt-get install -y xvfb libgtk-3-0 imagemagick
fi
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
size="${SIZE:-1280x800}"
mkdir -p "$out"
xvfb-run -a -s "-screen 0 ${size}x24" \
  java -Dprism.order=sw -Dmne.screenshots.size="$size" -Dmne.screenshots.benchmark="${BENCHMARK:-true}" \
  -Dmne.screenshots.exploreOnly="$([ -n "${EXPLORE_ONLY:-}" ] && echo true || echo false)" \
  -cp "$cp" org.mobilenetexplorer.ui.app.ScreenshotMain "$out"
ls -l "$out"/*.png
