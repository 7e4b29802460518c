#!/usr/bin/env bash
# Writes target/mobilenet-explorer.jsa, an AppCDS archive of the classes the GUI loads until its first frame and
# while it builds the other views after it (JavaFX, Jackson, JFreeChart, ours; never the inference engines, which
# run in worker JVMs): scripts/mobilenet-explorer then starts the JVM with it
# (-XX:SharedArchiveFile), so those classes are mapped from the archive instead of being read, verified and parsed
# from the jar on every start. `mvn package` runs this after building the jar (skip with -Dcds.skip=true).
# The archive belongs to this jar and this JDK: the launcher uses it only while it is newer than the jar, and the
# JVM itself ignores an archive made by another JDK. Needs a display: xvfb-run if installed, else $DISPLAY; with
# neither it writes nothing (the app starts without the archive). Never fails the build. The training run gives up
# after CDS_TIMEOUT seconds (default 120; a quiet machine needs a few).
cd "$(dirname "$0")/.." || exit 0
jar=target/mobilenet-explorer.jar
out=target/mobilenet-explorer.jsa
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rm -f "$out"
if [ ! -f "$jar" ]; then
  echo "make-cds-archive: $jar not found: nothing to do" >&2
  exit 0
fi
if command -v xvfb-run >/dev/null 2>&1; then
  run=(xvfb-run -a -s "-screen 0 1280x800x24")
elif [ -n "${DISPLAY:-}" ]; then
  run=()
else
  echo "make-cds-archive: no display and no xvfb-run: no CDS archive (the app starts without it)" >&2
  exit 0
fi
prefs=$(mktemp -d)
trap 'rm -rf "$prefs"' EXIT
# one training start of the GUI from fresh preferences and an empty results folder; it quits once every view is
# built, after its first frame (the JVM writes the archive as it exits: into a temporary file, moved into place only
# when the run ended normally)
timeout "${CDS_TIMEOUT:-120}" "${run[@]}" "$java" -XX:ArchiveClassesAtExit="$out.tmp" \
  -Djava.util.prefs.userRoot="$prefs" -Dmobilenet.explorer.results="$prefs/results" \
  -Dmne.startupTrace=true -Dmne.startupTrace.exit=views -jar "$jar" >"$prefs/log" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$out.tmp" ]; then
  mv "$out.tmp" "$out"
  echo "make-cds-archive: wrote $out ($(du -h "$out" | cut -f1))"
else
  echo "make-cds-archive: no archive written (exit code $rc; the app starts without it); the training run said:" >&2
  grep -v 'Pre JDK 6 class' "$prefs/log" | tail -5 >&2
  rm -f "$out.tmp"
fi
exit 0
