#!/usr/bin/env bash
# Start-up time of the GUI: launches the runnable jar RUNS times (default 10) under one Xvfb screen and prints, per
# run, the milliseconds from the java process's start to the window's first frame with the layer table filled, then
# the median, and the phases of the last run (when each phase of the start ended, wall and process CPU ms: on a busy
# machine the CPU column still says where the time went). The app measures itself (-Dmne.startupTrace=true prints
# "mne.startupTrace first-frame-ms=N" and -Dmne.startupTrace.exit=true quits); a jar built before that trace existed
# is timed from outside instead: from launch until xdotool sees the window mapped ("window-ms", a little earlier than
# the filled table).
# Each run starts from fresh preferences (a temporary java.util.prefs root), as a first launch does.
#
# Usage: scripts/startup-time.sh [RUNS]          (the jar of `mvn -DskipTests package`: target/mobilenet-explorer.jar)
#        MOBILENET_EXPLORER_JAR=/other/jar scripts/startup-time.sh 10
#        JAVA_OPTS="-Xshare:off" scripts/startup-time.sh   (extra JVM options, e.g. to compare without the CDS archive)
#        MEASURE=window scripts/startup-time.sh   (time every jar from outside, until its window maps: the same
#                                                  measure for a jar with and one without the trace)
# Measure on a quiet machine: on a busy one the figures say more about the neighbours than about the app.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
jar="${MOBILENET_EXPLORER_JAR:-target/mobilenet-explorer.jar}"
[ -f "$jar" ] || { echo "startup-time: $jar not found: run 'mvn -DskipTests package' first" >&2; exit 1; }
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "startup-time: $tool missing (apt-get install -y xvfb xdotool)" >&2; exit 1; }
done
work=$(mktemp -d)
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
export DISPLAY="$display"
launcher=scripts/mobilenet-explorer
times=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/prefs" && mkdir -p "$work/prefs"
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  JAVA_OPTS="${JAVA_OPTS:-} -Djava.util.prefs.userRoot=$work/prefs -Dmne.startupTrace=true -Dmne.startupTrace.exit=true" \
    MOBILENET_EXPLORER_JAR="$jar" "$launcher" >"$work/out" 2>&1 &
  pid=$!
  ms=""
  for _ in $(seq 1 3000); do   # up to 60 s
    if [ "${MEASURE:-}" != window ] && line=$(grep -m1 'mne.startupTrace first-frame-ms=' "$work/out" 2>/dev/null); then
      ms="${line##*=}"; kind=first-frame-ms; break
    fi
    if [ "${MEASURE:-}" = window ] && xdotool search --onlyvisible --name 'MobileNet Explorer' >/dev/null 2>&1; then
      ms=$(( ($(date +%s%N) - start) / 1000000 )); kind=window-ms; break
    fi
    if xdotool search --onlyvisible --name 'MobileNet Explorer' >/dev/null 2>&1 \
        && ! grep -q 'mne.startupTrace' "$work/out"; then
      # an older jar without the trace: the window is mapped (give a jar with the trace a moment to print first)
      sleep 0.3
      if ! grep -q 'mne.startupTrace first-frame' "$work/out"; then
        ms=$(( ($(date +%s%N) - start) / 1000000 - 300 )); kind=window-ms; break
      fi
    fi
    sleep 0.02
  done
  # the app quits by itself after the first frame (-Dmne.startupTrace.exit=true), printing its phases first
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$ms" ]; then
    echo "run $i: no window within 60 s; output:" >&2; cat "$work/out" >&2; exit 1
  fi
  echo "run $i: $kind=$ms"
  times+=("$ms")
done
if grep -q 'mne.startupTrace phases' "$work/out"; then
  echo "phases of run $runs (ms since the process started; +wall/+cpu: the phase's own share):"
  grep -A40 'mne.startupTrace phases' "$work/out" | grep '^mne.startupTrace   ' | sed 's/^mne.startupTrace //'
fi
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
  printf "median of %d runs: %d ms (min %d, max %d)\n", NR, m, a[1], a[NR]}'
