#!/usr/bin/env bash
# Real screenshots of every view at 1280x800: runs the app under Xvfb; the app snapshots its own scene per view.
# The tour (ui.app.ScreenshotMain/ScreenshotTour) is a tool, not part of the app: it lives in the test tree.
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: screenshots/)
#        SCREENSHOTS_LARGE=1 scripts/screenshots.sh /tmp/shots   also shoots the family views at 1920x1080
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
if ! command -v xvfb-run >/dev/null; then
  echo "installing xvfb, GTK and ImageMagick (needs root)" >&2
  apt-get install -y xvfb libgtk-3-0 imagemagick
fi
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1920x1080x24" \
  java -Dprism.order=sw -Dscreenshots.large="$([ -n "${SCREENSHOTS_LARGE:-}" ] && echo true || echo false)" -cp "$cp" \
  org.mobilenetexplorer.ui.app.ScreenshotMain "$out"
ls -l "$out"/*.png
