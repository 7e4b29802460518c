#!/usr/bin/env bash
# Real screenshots of every view at 1280x800: runs the app under Xvfb; the app snapshots its own scene per view.
# The tour (ui.app.ScreenshotMain/ScreenshotTour) is a tool, not part of the app: it lives in the test tree.
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: screenshots/)
#        SIZE=1920x1080 scripts/screenshots.sh /tmp/shots-1920   (window size, default 1280x800)
#        BENCHMARK=false scripts/screenshots.sh /tmp/quick         (no real benchmark: a quick walkthrough)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
size="${SIZE:-1280x800}"
if ! command -v xvfb-run >/dev/null; then
  echo "installing xvfb, GTK and ImageMagick (needs root)" >&2
  apt-get install -y xvfb libgtk-3-0 imagemagick
fi
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
mkdir -p "$out"
xvfb-run -a -s "-screen 0 ${size}x24" \
  java -Dprism.order=sw -Dmne.screenshots.size="$size" -Dmne.screenshots.benchmark="${BENCHMARK:-true}" -cp "$cp" org.mobilenetexplorer.ui.app.ScreenshotMain "$out"
ls -l "$out"/*.png
