#!/usr/bin/env bash
# Real screenshots of every view at 1280x800: runs the app under Xvfb; the app snapshots its own scene per view.
# The tour (ui.app.ScreenshotMain/ScreenshotTour) is a tool, not part of the app: it lives in the test tree.
# Explore is shot twice: V1 0.75-192 (explore.png) and V3-Large 1.0-224 with the network drawing (explore-v3-large.png).
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: screenshots/)
#        SIZE=1920x1080 scripts/screenshots.sh /tmp/shots-1920   (window and screen size, default 1280x800)
#        SIZE=both scripts/screenshots.sh          (1280x800 into OUT_DIR, then 1920x1080 into OUT_DIR/1920x1080/)
#        SIZE="1280x800 1366x768" ...              (several sizes: the first into OUT_DIR, each other into OUT_DIR/WxH/)
#        WALKTHROUGH=1 scripts/screenshots.sh /tmp/walk   (also Explore on every family, presentation mode in
#                                                          Explore and Benchmark: the shots a walkthrough looks at)
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
sizes="${SIZE:-1280x800}"
[ "$sizes" = both ] && sizes="1280x800 1920x1080"
first=true
for size in $sizes; do
  if ! [[ "$size" =~ ^[0-9]+x[0-9]+$ ]]; then
    echo "screenshots.sh: SIZE: '$size' is not WIDTHxHEIGHT (or 'both')" >&2
    exit 2
  fi
  dir="$out"
  $first || dir="$out/$size"
  first=false
  mkdir -p "$dir"
  xvfb-run -a -s "-screen 0 ${size}x24" \
    java -Dprism.order=sw -Dmne.screenshots.size="$size" -Dmne.screenshots.benchmark="${BENCHMARK:-true}" \
    -Dmne.screenshots.exploreOnly="$([ -n "${EXPLORE_ONLY:-}" ] && echo true || echo false)" \
    -Dmne.screenshots.walkthrough="$([ -n "${WALKTHROUGH:-}" ] && echo true || echo false)" \
    -cp "$cp" org.mobilenetexplorer.ui.app.ScreenshotMain "$dir"
  ls -l "$dir"/*.png
done
