#!/usr/bin/env bash
# Reliability probe (issue 12): tries the families of bad cases against the built jar (CLI flags, presets, result
# files, accuracy files, output paths, interruptions, concurrency) and classifies every case:
#   clean      refused in one line naming the option or file and the value (exit 2, or 1 for a failed run), or done
#   crash      a stack trace, an exit code outside 0/1/2/130 (143 after SIGTERM), a native abort of the tool itself,
#              a worker left running
#   hang       no answer within the case's time limit, twice (the case is run once more with twice the limit before
#              it is called a hang: on a loaded machine a JVM can wait long for a core); time the process spent
#              stopped or frozen (SIGSTOP, cgroup freezer) does not count
#   accepted   wrongly accepted: exit 0 for what must be refused, a temporary file left behind
#   unclear    refused, but not in one line naming the option or file and the value (or a raw control character)
#   refused    a valid input refused
#   lost       data loss: a user's file replaced, truncated or deleted, a saved result missing or unreadable
#   unreached  (not a failure of the tool) an interruption case whose state (a line on stderr, a result file, a
#              worker process) did not come within PROBE_REACH seconds, so the signal was not sent; run it again on a
#              quieter machine
# Interruptions wait for an observable state (bounded by PROBE_REACH, default 300 s), never for a fixed time.
# Usage: scripts/probe-reliability.sh [JAR]   (default target/mobilenet-explorer.jar; build: mvn -DskipTests package)
# Runs a few real benchmarks of 0.25-96 on ONNX Runtime (a few seconds each); 5-10 minutes on a quiet machine. Writes
# only under a temporary folder (removed at the end) and never touches ~/.mobilenet-explorer (results go to the
# folder). Prints one line per case, then the counts per family; exit 0 when every case is clean or unreached
# (the summary says how many were unreached).
# Environment: PROBE_LIMIT (s, per case, default 180), PROBE_REACH (s, default 300), PROBE_PARALLEL (default 3),
# PROBE_ONLY (family names: run only those sections, e.g. "interruptions concurrency"; two instances with different
# families can run at once).
set -u
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
JAR=${1:-$root/target/mobilenet-explorer.jar}
[ -f "$JAR" ] || { echo "probe: $JAR not found: build it with 'mvn -DskipTests package'" >&2; exit 2; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
T=$(mktemp -d /tmp/mnx-probe.XXXXXX)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export MOBILENET_EXPLORER_RESULTS=$T/default-results
unset DISPLAY WAYLAND_DISPLAY
LIMIT=${PROBE_LIMIT:-180}
REACH=${PROBE_REACH:-300}
PARALLEL=${PROBE_PARALLEL:-3} # independent cases at once (each is a JVM start; on a busy machine mostly waiting)
ONLY=${PROBE_ONLY:-}
N=0
FAMILY=
mkdir -p "$T/cases"
ESC=$(printf '\033')

JT=$T/java-tmp # the tool's temporary folders (workers' mnx-bench-*), to find our own workers
mkdir -p "$JT"
# stopped PID: true while the process is stopped (SIGSTOP) or its cgroup frozen (a scheduler pausing low-priority
# work to measure something else): such time does not count against a limit
stopped() {
    [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" = T ] && return 0
    local cg
    cg=$(sed -n 's/^[0-9]*:freezer://p' "/proc/$1/cgroup" 2>/dev/null)
    [ -n "$cg" ] && [ "$cg" != / ] && grep -qE 'FROZEN|FREEZING' "/sys/fs/cgroup/freezer$cg/freezer.state" 2>/dev/null
}
# limited LIMIT CMD...: like `timeout -s KILL LIMIT CMD`, but counting only the time CMD was not stopped
limited() {
    local limit=$(($1 * 5)) ticks=0
    shift
    "$@" &
    local pid=$!
    while kill -0 $pid 2>/dev/null; do
        sleep 0.2
        stopped $pid || ticks=$((ticks + 1))
        if [ $ticks -gt $limit ]; then kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; return 137; fi
    done
    wait $pid
}
mxl() { # mxl LIMIT ARGS...
    local limit=$1
    shift
    limited "$limit" "$JAVA" -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$JT" -jar "$JAR" "$@"
}
mx() { mxl "$LIMIT" "$@"; }

record() { # record NAME CLASS DETAIL (into the case's own file, printed in order at the end of each section)
    local slot=${SLOT:-}
    if [ -z "$slot" ]; then N=$((N + 1)); slot=$(printf '%04d' "$N"); fi
    printf '%-9s %-36s %s\n' "$2" "$1" "$(printf '%s' "$3" | tr '\n\033' ' ?' | cut -c1-160)" >"$T/cases/$slot"
    printf '%s\n' "$FAMILY" >"$T/cases/$slot.family"
}
next_slot() { N=$((N + 1)); printf '%04d' "$N"; }
sync_cases() { # wait for the running cases, print what is new
    wait
    for f in "$T"/cases/[0-9][0-9][0-9][0-9]; do
        [ -e "$f.shown" ] || { cat "$f"; : >"$f.shown"; }
    done 2>/dev/null
}
# section TITLE FAMILY: false (skip the section) when PROBE_ONLY names another family
section() { sync_cases; FAMILY=$2; [ -z "$ONLY" ] || [[ " $ONLY " == *" $2 "* ]] || return 1; echo "$1"; }
# wait_until SECONDS CONDITION [WHILE [PID]]: true as soon as CONDITION holds (checked every 0.2 s), false after
# SECONDS (not counting the time PID was stopped) or as soon as WHILE (e.g. "the process is alive") fails
wait_until() {
    local limit=$(($1 * 5)) ticks=0 cond=$2 while=${3:-true} pid=${4:-}
    while [ $ticks -lt $limit ]; do
        eval "$cond" && return 0
        eval "$while" || { eval "$cond"; return; }
        sleep 0.2
        [ -n "$pid" ] && stopped "$pid" || ticks=$((ticks + 1))
    done
    return 1
}

# classify NAME EXPECT RC OUT ERR TOKENS...: EXPECT is ok, refuse (exit 2, one stderr line), fail (exit 1, the
# tokens in stdout+stderr) or interrupted (exit 130, or 143 after SIGTERM); every token must appear in the message.
classify() {
    local name=$1 expect=$2 rc=$3 out=$4 err=$5
    shift 5
    local all="$out$err" msg
    if [ "$rc" = 137 ] || [ "$rc" = 124 ]; then record "$name" hang "no answer in ${LIMIT}s, nor in $((2 * LIMIT))s"; return; fi
    if grep -qE '^\s+at [a-z][A-Za-z0-9_.$]*\(|Exception in thread|OutOfMemoryError|hs_err_pid|SIGSEGV|^Caused by' \
        <<<"$all" \
        || ! [[ "$rc" =~ ^(0|1|2|130|143)$ ]] || { [ "$rc" = 143 ] && [ "$expect" != interrupted ]; }; then
        record "$name" crash "rc=$rc $(grep -m1 -E 'Exception|Error|SIG' <<<"$all")"; return
    fi
    if [[ "$all" == *"$ESC"* ]]; then record "$name" unclear "rc=$rc: a raw control character (ESC) was printed"; return; fi
    case $expect in
    ok)
        if [ "$rc" = 0 ]; then
            for t in "$@"; do grep -qF -- "$t" <<<"$all" || { record "$name" unclear "rc=0 but no '$t'"; return; }; done
            record "$name" clean "done"
        else record "$name" refused "rc=$rc $err"; fi ;;
    refuse|fail|interrupted)
        if [ "$rc" = 0 ]; then record "$name" accepted "rc=0 $(head -c 150 <<<"$out")"; return; fi
        if [ "$expect" = refuse ]; then
            msg=$(grep -v '^\s*$' <<<"$err")
            if [ "$rc" != 2 ] || [ "$(wc -l <<<"$msg")" != 1 ]; then
                record "$name" unclear "rc=$rc, $(wc -l <<<"$msg") lines: $msg"; return
            fi
        elif [ "$expect" = interrupted ]; then
            if ! [[ "$rc" =~ ^(130|143)$ ]]; then record "$name" unclear "rc=$rc, not 130/143: $(tail -2 <<<"$all")"; return; fi
            msg=$(tr 'A-Z' 'a-z' <<<"$all") # bench and verify say "cancelled", sweep's summary "CANCELLED"
        else
            msg=$all
        fi
        for t in "$@"; do grep -qF -- "$t" <<<"$msg" || { record "$name" unclear "no '$t' in: $msg"; return; }; done
        record "$name" clean "$(grep -v '^\s*$' <<<"$msg" | tail -1 | head -c 150)" ;;
    esac
}

# c NAME EXPECT [TOKEN...] -- ARGS...
c() {
    local name=$1 expect=$2
    shift 2
    local tokens=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do tokens+=("$1"); shift; done
    shift
    local slot
    slot=$(next_slot)
    N=$((10#$slot))
    while [ "$(jobs -rp | wc -l)" -ge "$PARALLEL" ]; do wait -n; done
    (
        SLOT=$slot
        mx "$@" >"$T/cases/$slot.out" 2>"$T/cases/$slot.err"
        rc=$?
        if [ "$rc" = 137 ]; then # once more, with twice the time, before calling it a hang
            mxl $((2 * LIMIT)) "$@" >"$T/cases/$slot.out" 2>"$T/cases/$slot.err"
            rc=$?
        fi
        classify "$name" "$expect" "$rc" "$(cat "$T/cases/$slot.out")" "$(cat "$T/cases/$slot.err")" "${tokens[@]}"
        rm -f "$T/cases/$slot.out" "$T/cases/$slot.err"
    ) &
}

P=slim-grid-16
FAST=(--warmup-runs 0 --warmup-time 0 --min-runs 3 --min-time 0 --max-time 2s)
O=(export-onnx --alpha 0.25 --resolution 32) # a small export (outputs and concurrency)
mkdir -p "$T/res" "$T/empty"
printf 'a file\n' >"$T/afile"

flags() {
    c analyze-alpha-negative refuse --alpha -0.5 -- analyze --alpha -0.5
    c analyze-alpha-zero refuse --alpha "(0, 4]" -- analyze --alpha 0
    c analyze-alpha-above-4 refuse --alpha 4.0000001 -- analyze --alpha 4.0000001
    c analyze-alpha-nan refuse --alpha NaN -- analyze --alpha NaN
    c analyze-alpha-infinity refuse --alpha Infinity -- analyze --alpha Infinity
    c analyze-alpha-hex refuse --alpha 0x1p-1 -- analyze --alpha 0x1p-1
    c analyze-alpha-suffix refuse --alpha 0.5f -- analyze --alpha 0.5f
    c analyze-alpha-blank refuse --alpha -- analyze --alpha ""
    c analyze-alpha-word refuse --alpha abc -- analyze --alpha abc
    c analyze-alpha-missing refuse --alpha -- analyze --alpha
    c analyze-alpha-tiny ok 1.0E-300 -- analyze --alpha 1e-300
    c analyze-alpha-7-digits ok 0.1234567 -- analyze --alpha 0.1234567
    c analyze-res-31 refuse --resolution 31 -- analyze --resolution 31
    c analyze-res-2049 refuse --resolution 2049 -- analyze --resolution 2049
    c analyze-res-overflow refuse --resolution 99999999999 -- analyze --resolution 99999999999
    c analyze-res-fraction refuse --resolution 1.5 -- analyze --resolution 1.5
    c analyze-classes-0 refuse --classes 0 -- analyze --classes 0
    c analyze-classes-huge refuse --classes 100001 -- analyze --classes 100001
    c analyze-blocks14-6 refuse --blocks14 6 -- analyze --blocks14 6
    c analyze-blocks14-neg refuse --blocks14 -1 -- analyze --blocks14 -1
    c analyze-rounding refuse --rounding round -- analyze --rounding round
    c analyze-activation refuse --activation tanh -- analyze --activation tanh
    c analyze-family refuse --family v4 -- analyze --family v4
    c analyze-v2-rounding refuse --rounding v1 -- analyze --family v2 --rounding keras
    c analyze-v1-minimalistic refuse --minimalistic -- analyze --minimalistic
    c analyze-format refuse --format xml -- analyze --format xml
    c analyze-unknown-option refuse --bogus -- analyze --bogus
    c analyze-positional refuse foo -- analyze foo
    c analyze-preset-and-alpha refuse --preset -- analyze --preset $P --alpha 0.5
    c bench-threads-neg refuse --threads -1 -- bench --threads -1
    c bench-threads-huge refuse --threads 1025 -- bench --threads 1025
    c bench-min-runs-0 refuse --min-runs 0 -- bench --min-runs 0
    c bench-min-runs-huge refuse --min-runs 1000001 -- bench --min-runs 1000001
    c bench-min-runs-overflow refuse --min-runs 99999999999 -- bench --min-runs 99999999999
    c bench-warmup-runs-neg refuse --warmup-runs -1 -- bench --warmup-runs -1
    c bench-warmup-runs-huge refuse --warmup-runs 1000001 -- bench --warmup-runs 1000001
    c bench-min-time-neg refuse --min-time -1s -- bench --min-time -1s
    c bench-min-time-1e300 refuse --min-time 1e300 -- bench --min-time 1e300
    c bench-max-time-days refuse --max-time 9999999999999d -- bench --max-time 9999999999999d
    c bench-max-time-minutes refuse --max-time 9999999999999m -- bench --max-time 9999999999999m
    c bench-max-time-0 refuse --max-time 0ms -- bench --max-time 0ms
    c bench-max-time-2days refuse --max-time 2880m -- bench --max-time 2880m
    c bench-warmup-time-word refuse --warmup-time soon -- bench --warmup-time soon
    c bench-forks-0 refuse --forks 0 -- bench --forks 0
    c bench-forks-21 refuse --forks 21 -- bench --forks 21
    c bench-batch-0 refuse --batch 0 -- bench --batch 0
    c bench-batch-4097 refuse --batch 4097 -- bench --batch 4097
    c bench-profile-neg refuse --profile-layers -1 -- bench --profile-layers=-1
    c bench-profile-huge refuse --profile-layers 100001 -- bench --profile-layers=100001
    c bench-backend refuse --backend tflite -- bench --backend tflite
    c bench-precision refuse --precision fp16 -- bench --precision fp16
    c bench-int8-dl4j refuse dl4j int8 -- bench --precision int8 --backend dl4j
    c bench-two-precisions refuse --precision -- bench --precision fp32,int8
    c bench-option-no-equals refuse --option noequals -- bench --option noequals
    c bench-seed-word refuse --seed abc -- bench --seed abc
    c bench-input-seed-overflow refuse --input-seed 99999999999999999999 -- bench --input-seed 99999999999999999999
    c bench-native-variant fail "native variant" bogus -- bench --native-variant bogus --no-save
    c sweep-no-configs refuse --preset --alphas -- sweep
    c sweep-no-resolutions refuse --resolutions -- sweep --alphas 0.5
    c sweep-alpha-5 refuse --alphas 5 -- sweep --alphas 5 --resolutions 96
    c sweep-alpha-word refuse --alphas x -- sweep --alphas x --resolutions 96
    c sweep-resolution-fraction refuse --resolutions 96.5 -- sweep --alphas 0.5 --resolutions 96.5
    c sweep-alpha-empty refuse --alphas -- sweep --alphas , --resolutions 96 --results "$T/res"
    c sweep-precision-empty refuse --precision -- sweep --alphas 1 --resolutions 96 --precision , --results "$T/res"
    c sweep-preset-and-grid refuse --preset -- sweep --preset $P --alphas 1 --resolutions 96
    c sweep-family refuse --family v9 -- sweep --family v9 --alphas 1 --resolutions 96
    c sweep-preset-missing refuse --preset nonexistent -- sweep --preset nonexistent
    c sweep-out-and-results refuse --out --results -- sweep --alphas 1 --resolutions 96 --out "$T/a" --results "$T/b"
    c sweep-results-is-file refuse --results "$T/afile" -- sweep --alphas 1 --resolutions 96 --results "$T/afile"
    big_a=$(printf '0.5,%.0s' $(seq 200)); big_r=$(printf '96,%.0s' $(seq 100))
    c sweep-grid-20000 refuse --alphas 20000 -- sweep --alphas "${big_a%,}" --resolutions "${big_r%,}" --results "$T/res"
    c verify-batch-0 refuse --batch 0 -- verify --batch 0
    c verify-batch-65 refuse --batch 65 -- verify --batch 65
    c verify-threads refuse --threads 1025 -- verify --threads 1025
    c verify-tolerance-neg refuse --tolerance -1 -- verify --tolerance -1
    c verify-tolerance-nan refuse --tolerance NaN -- verify --tolerance NaN
    c verify-tolerance-inf refuse --tolerance Infinity -- verify --tolerance Infinity
    c verify-min-cosine refuse --min-cosine 2 -- verify --min-cosine 2
    c verify-graph refuse --graph both -- verify --graph both
    c verify-backend refuse --backends tflite -- verify --backends tflite
    c verify-int8-dl4j refuse dl4j int8 -- verify --precision int8 --backends dl4j
    c verify-4.0-2048-batch-64 fail 4.0-2048 "needs about" -- verify --alpha 4 --resolution 2048 --batch 64
    c export-no-out refuse --out -- export-onnx
    c export-batch-neg refuse --batch -1 -- export-onnx --batch -1 --out "$T/m.onnx"
    c export-batch-huge refuse --batch 4097 -- export-onnx --batch 4097 --out "$T/m.onnx"
    c export-folded-unfolded refuse --folded --unfolded -- export-onnx --folded --unfolded --out "$T/m.onnx"
    c export-int8-4.0-2048 refuse "--precision int8" 4.0-2048 -- export-onnx --precision int8 --alpha 4 --resolution 2048 --out "$T/q.onnx"
    c export-two-precisions refuse --precision -- export-onnx --precision int8,fp32 --out "$T/m.onnx"
    c chart-no-out refuse --out -- chart --preset $P
    c chart-bmp refuse c.bmp -- chart --preset $P --out "$T/c.bmp"
    c chart-width-199 refuse --width 199 -- chart --preset $P --out "$T/c.png" --width 199
    c chart-width-10001 refuse --width 10001 -- chart --preset $P --out "$T/c.png" --width 10001
    c chart-height-10001 refuse --height 10001 -- chart --preset $P --out "$T/c.png" --height 10001
    c chart-scale-0 refuse --scale 0 -- chart --preset $P --out "$T/c.png" --scale 0
    c chart-scale-5 refuse --scale 5 -- chart --preset $P --out "$T/c.png" --scale 5
    c chart-png-6gb refuse --scale 4 GB -- chart --preset $P --out "$T/c.png" --width 10000 --height 10000 --scale 4
    c chart-title-5000 refuse --title 5000 -- chart --preset $P --out "$T/c.png" --title "$(printf 'x%.0s' $(seq 5000))"
    c chart-layers-title refuse --title layers -- chart --type layers --out "$T/c.png" --title T
    c chart-type refuse --type pie -- chart --type pie --preset $P --out "$T/c.png"
    c chart-svg-scale refuse --scale svg -- chart --preset $P --out "$T/c.svg" --scale 2
    c chart-x refuse --x speed -- chart --preset $P --out "$T/c.png" --x speed
    c chart-y refuse --y top3 -- chart --preset $P --out "$T/c.png" --y top3
    c chart-source refuse --accuracy-source nope -- chart --preset $P --out "$T/c.png" --accuracy-source nope
    c chart-phone-macs refuse --phone-reference -- chart --preset $P --out "$T/c.png" --phone-reference Nokia
    c chart-comparison-latency refuse "--x latency" -- chart --preset $P --out "$T/c.png" --x latency --comparison-models --results "$T/empty"
    c chart-ok ok wrote -- chart --preset $P --out "$T/ok.png" --width 400 --height 300
    c tradeoff-no-preset refuse --preset -- tradeoff
    c tradeoff-format refuse --format xml -- tradeoff --preset $P --format xml
    c tradeoff-iso-word refuse --iso-cost abc -- tradeoff --iso-cost abc
    c tradeoff-iso-alpha-5 refuse --iso-cost 5-224 -- tradeoff --iso-cost 5-224
    c tradeoff-tolerance-neg refuse --tolerance -1 -- tradeoff --iso-cost 0.75-224 --tolerance -1
    c tradeoff-tolerance-101 refuse --tolerance 101 -- tradeoff --iso-cost 0.75-224 --tolerance 101
    c tradeoff-alphas-word refuse --alphas x -- tradeoff --iso-cost 0.75-224 --alphas x
    c tradeoff-grid-20000 refuse --alphas 20000 -- tradeoff --iso-cost 0.75-224 --alphas "${big_a%,}" --resolutions "${big_r%,}"
    c tradeoff-latency-empty refuse "--x latency" -- tradeoff --preset $P --x latency --results "$T/empty"
    c tradeoff-results-missing refuse --results "$T/none" -- tradeoff --preset $P --x latency --results "$T/none"
    c tradeoff-results-file refuse --results "$T/afile" -- tradeoff --preset $P --x latency --results "$T/afile"
    c calibrate-alpha-5 refuse --alphas 5 -- calibrate --alphas 5 --results "$T/res"
    c calibrate-resolution-20 refuse --resolutions 20 -- calibrate --resolutions 20 --results "$T/res"
    c calibrate-precision refuse --precision int4 -- calibrate --precision int4 --results "$T/res"
    c calibrate-backend refuse --backend tflite -- calibrate --backend tflite --results "$T/res"
    c calibrate-alphas-empty refuse --alphas -- calibrate --alphas , --results "$T/res"
    c calibrate-grid-20000 refuse --alphas 80000 10000 -- calibrate --alphas "${big_a%,}" --resolutions "${big_r%,}" --results "$T/res"
    c predict-no-profile refuse "device profile" -- predict --results "$T/res"
    c predict-format refuse --format xml -- predict --format xml --results "$T/res"
    c predict-family refuse --family v9 -- predict --family v9 --results "$T/res"
    c predict-profile-not-json refuse pom.xml JSON -- predict --validate --alpha 0.5 --profile "$root/pom.xml"
    c no-arguments-no-display refuse "no display" -- 
    c version ok "MobileNet Explorer" -- --version
    c help-bench ok --min-runs -- help bench
    c unknown-command refuse frobnicate -- frobnicate
    # tiny and odd alphas: the number used is the number given (issue 12 item 3)
    c analyze-alpha-underflow refuse --alpha 1e-400 -- analyze --alpha 1e-400
    c analyze-alpha-beyond-double refuse --alpha 4.0000000000000001 -- analyze --alpha 4.0000000000000001
    c analyze-alpha-subnormal ok 4.9E-324 -- analyze --alpha 4.9e-324
    c analyze-alpha-4 ok 4.0-224 -- analyze --alpha 4
    c analyze-alpha-exponent ok 0.5-224 -- analyze --alpha 5e-1
    c analyze-alpha-leading-dot ok 0.5-224 -- analyze --alpha .5
    c analyze-v3-tiny-alpha ok 1.0E-300 -- analyze --family v3-small --alpha 1e-300
    c analyze-v2-odd-alpha ok 0.1234567 -- analyze --family v2 --alpha 0.1234567
    c sweep-alpha-underflow refuse --alphas 1e-400 -- sweep --alphas 0.5,1e-400 --resolutions 96 --results "$T/res"
    c tradeoff-iso-alpha-tiny refuse --iso-cost 1e-400-224 -- tradeoff --iso-cost 1e-400-224
    # limits of the numeric options (item 3)
    c bench-threads-overflow refuse --threads 99999999999 -- bench --threads 99999999999
    c bench-threads-fraction refuse --threads 1.5 -- bench --threads 1.5
    c bench-min-runs-neg refuse --min-runs -5 -- bench --min-runs -5
    c bench-min-time-86401s refuse --min-time 86401s -- bench --min-time 86401s
    c bench-max-time-1441m refuse --max-time 1441m -- bench --max-time 1441m
    c bench-min-time-nan refuse --min-time NaN -- bench --min-time NaN
    c bench-warmup-time-1e300 refuse --warmup-time 1e300 -- bench --warmup-time 1e300
    c bench-max-time-hours refuse --max-time 25h -- bench --max-time 25h
    c chart-width-neg refuse --width -5 -- chart --preset $P --out "$T/c.png" --width -5
    c chart-width-overflow refuse --width 99999999999 -- chart --preset $P --out "$T/c.png" --width 99999999999
    c chart-height-149 refuse --height 149 -- chart --preset $P --out "$T/c.png" --height 149
    c chart-scale-nan refuse --scale NaN -- chart --preset $P --out "$T/c.png" --scale NaN
    c chart-scale-0.49 refuse --scale 0.49 -- chart --preset $P --out "$T/c.png" --scale 0.49
    c chart-title-201 refuse --title 201 -- chart --preset $P --out "$T/c.png" --title "$(printf 'x%.0s' $(seq 201))"
    c chart-title-200 ok wrote -- chart --preset $P --out "$T/t200.png" --width 400 --height 300 --title "$(printf 'x%.0s' $(seq 200))"
    c chart-title-control ok wrote -- chart --preset $P --out "$T/tctl.png" --width 400 --height 300 --title "$(printf 'a\033[31mb')"
    # the GUI without a display (item 9): no DISPLAY at all, and a DISPLAY naming no X server
    free=77
    while [ -e /tmp/.X11-unix/X$free ]; do free=$((free + 1)); done
    DISPLAY=:$free c gui-unreachable-display refuse "no display" "DISPLAY=:$free" --
}

presets() {
    pc() { # pc NAME EXPECT CONTENT-FILE TOKEN...
        local name=$1 expect=$2 file=$3
        shift 3
        c "preset-$name" "$expect" "$@" -- analyze --preset "$file"
    }
    printf '{' >"$T/p-malformed.json"; pc malformed refuse "$T/p-malformed.json" p-malformed.json
    : >"$T/p-empty.json"; pc empty refuse "$T/p-empty.json" p-empty.json
    good='{"schemaVersion": 1, "name": "t", "configs": [{"alpha": 0.5, "resolution": 160}]}'
    printf '%s' "$good" >"$T/p-good.json"; pc good ok "$T/p-good.json" 0.5-160
    printf '%s' "${good/0.5/\"x\"}" >"$T/p-alpha-type.json"; pc alpha-type refuse "$T/p-alpha-type.json" p-alpha-type.json alpha
    printf '%s' "${good/0.5/7}" >"$T/p-alpha-range.json"; pc alpha-range refuse "$T/p-alpha-range.json" p-alpha-range.json alpha 7
    printf '%s' "${good/\"name\"/\"nmae\"}" >"$T/p-unknown.json"; pc unknown-field refuse "$T/p-unknown.json" p-unknown.json nmae
    printf '%s' "${good/\"name\": \"t\"/\"name\": \"t\", \"name\": \"u\"}" >"$T/p-dup.json"; pc duplicate-key refuse "$T/p-dup.json" p-dup.json name
    printf '%s' "${good/: 1,/: 99,}" >"$T/p-schema.json"; pc schema-99 refuse "$T/p-schema.json" p-schema.json schemaVersion
    printf '%s xyz' "$good" >"$T/p-trailing.json"; pc trailing refuse "$T/p-trailing.json" p-trailing.json
    printf '{"schemaVersion": 1, "name": "t\xe9", "configs": [{"alpha": 0.5, "resolution": 160}]}' >"$T/p-latin1.json"; pc not-utf8 refuse "$T/p-latin1.json" p-latin1.json UTF-8
    printf '\xef\xbb\xbf%s' "$good" >"$T/p-bom.json"; pc bom ok "$T/p-bom.json" 0.5-160
    printf '%.0s[' $(seq 10000) >"$T/p-deep.json"; pc deep-nesting refuse "$T/p-deep.json" p-deep.json
    head -c 5000000 /dev/zero | tr '\0' ' ' >"$T/p-huge.json"; pc huge-5mb refuse "$T/p-huge.json" p-huge.json
    mkfifo "$T/p-fifo.json"; pc fifo refuse "$T/p-fifo.json" p-fifo.json FIFO
    mkdir "$T/p-dir.json"; pc directory refuse "$T/p-dir.json" p-dir.json directory
    pc missing refuse "$T/p-missing.json" p-missing.json "not found"
    printf '%s' "${good/\[*\]/[]}" >"$T/p-no-configs.json"; pc no-configs refuse "$T/p-no-configs.json" p-no-configs.json configs
    printf '%s' "${good/\"resolution\": 160/\"resolution\": 160.5}" >"$T/p-res-frac.json"; pc resolution-fraction refuse "$T/p-res-frac.json" p-res-frac.json resolution
    printf '%s' "${good/0.5/1e999}" >"$T/p-alpha-1e999.json"; pc alpha-1e999 refuse "$T/p-alpha-1e999.json" p-alpha-1e999.json alpha
    longname=$(head -c 200000 /dev/zero | tr '\0' x)
    printf '%s' "${good/\"t\"/\"$longname\"}" >"$T/p-longstring.json"; pc string-200k refuse "$T/p-longstring.json" p-longstring.json
    printf '%s' "${good/0.5/0.5$(head -c 1000 /dev/zero | tr '\0' 1)}" >"$T/p-digits.json"; pc number-1000-digits refuse "$T/p-digits.json" p-digits.json
    printf '{"schemaVersion": 1, "name": "t\0", "configs": [{"alpha": 0.5, "resolution": 160}]}' >"$T/p-nul.json"; pc nul-byte refuse "$T/p-nul.json" p-nul.json
    ln -s /dev/zero "$T/p-zero.json"; pc symlink-to-dev-zero refuse "$T/p-zero.json" p-zero.json
    { printf '%s' "$good"; head -c 3000000 /dev/zero | tr '\0' ' '; } >"$T/p-3mb.json"; pc padded-3mb ok "$T/p-3mb.json" 0.5-160
    printf '%s' "$good" | sed 's/$/\r/' >"$T/p-crlf.json"; pc crlf ok "$T/p-crlf.json" 0.5-160
}

results() {
    c bench-runs ok "saved:" -- bench --alpha 0.25 --resolution 96 "${FAST[@]}" --results "$T/res"
    sync_cases
    good_result=$(ls "$T/res"/*.json 2>/dev/null | head -1)
    rc_case() { # rc_case NAME EXPECT FILE-CONTENT-COMMAND TOKEN...
        local name=$1 expect=$2 make=$3
        shift 3
        local d="$T/r-$name"
        mkdir -p "$d"
        [ -n "$good_result" ] && cp "$good_result" "$d/"
        eval "$make"
        c "results-$name" "$expect" "$@" -- tradeoff --preset $P --x latency --results "$d"
    }
    rc_case junk ok 'printf "not json" >"$d/junk.json"' junk.json
    rc_case truncated ok 'head -c 100 "$good_result" >"$d/cut.json"' cut.json
    rc_case fifo ok 'mkfifo "$d/pipe.json"' pipe.json
    rc_case oversized ok 'truncate -s 70000000 "$d/big.json"' big.json
    rc_case directory ok 'mkdir "$d/sub.json"'
    rc_case wrong-schema ok 'sed "s/\"schemaVersion\" *: *[0-9]*/\"schemaVersion\": 99/" "$good_result" >"$d/new.json"' new.json
    rc_case nan-median ok 'sed "s/\"median\" *: *[0-9.eE+-]*/\"median\": \"NaN\"/" "$good_result" >"$d/nan.json"' nan.json
    rc_case deep ok 'printf "%.0s[" $(seq 5000) >"$d/deep.json"' deep.json
    rc_case only-junk refuse 'rm -f "$d"/*.json; printf "{}" >"$d/x.json"' "--x latency"
    rc_case bom ok 'printf "\xef\xbb\xbf" >"$d/bom.json"; cat "$good_result" >>"$d/bom.json"'
    rc_case not-utf8 ok 'printf "{\"x\": \"\xe9\"}" >"$d/latin.json"' latin.json UTF-8
    rc_case duplicate-key ok 'sed "0,/{/s//{\"schemaVersion\": 1,/" "$good_result" >"$d/dup.json"' dup.json
    rc_case trailing ok '{ cat "$good_result"; printf " xyz"; } >"$d/trail.json"' trail.json
    rc_case dev-zero ok 'ln -s /dev/zero "$d/zero.json"' zero.json
    rc_case symlink-loop ok 'ln -s loop.json "$d/loop.json"' loop.json
    rc_case escape-in-name ok 'printf "x" >"$d/$(printf "a\033[31m").json"' '\x1b'
    # import-results (devices): a ZIP is read within bounds, zip slip named and never written
    python3 -c '
import sys, zipfile
t = sys.argv[1]
with zipfile.ZipFile(t + "/slip.zip", "w") as z:
    z.writestr("../evil.json", "{}")
with zipfile.ZipFile(t + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("big.json", b"\0" * 100_000_000)
' "$T"
    printf 'not a zip' >"$T/notzip.zip"
    c import-zip-slip fail evil.json -- import-results "$T/slip.zip" --results "$T/imp1"
    c import-zip-bomb fail big.json -- import-results "$T/bomb.zip" --results "$T/imp2"
    c import-not-a-zip refuse notzip.zip -- import-results "$T/notzip.zip" --results "$T/imp3"
    c import-missing refuse nothere.zip "not found" -- import-results "$T/nothere.zip" --results "$T/imp4"
    sync_cases
    [ ! -e "$T/evil.json" ] && [ ! -e "$T/imp1/../evil.json" ] && record import-zip-slip-not-written clean "nothing written outside" \
        || record import-zip-slip-not-written lost "../evil.json was written"
}

accuracy() {
    ac() { # ac NAME EXPECT FILE TOKEN...
        local name=$1 expect=$2 file=$3
        shift 3
        c "accuracy-$name" "$expect" "$@" -- tradeoff --preset $P --accuracy-file "$file" --accuracy-source "user:t"
    }
    printf 'alpha,resolution,top1,source\n0.5,160,60.2,t\n1.0,224,70.9,t\n' >"$T/a-good.csv"; ac good ok "$T/a-good.csv" 0.5-160
    printf 'alpha,resolution\n0.5,160\n' >"$T/a-missing.csv"; ac missing-column refuse "$T/a-missing.csv" a-missing.csv top1
    printf 'alpha,resolution,top1,top1\n0.5,160,60,61\n' >"$T/a-dup.csv"; ac duplicate-header refuse "$T/a-dup.csv" a-dup.csv top1
    printf 'alpha,resolution,top1\n0.5,160,high\n' >"$T/a-word.csv"; ac non-numeric refuse "$T/a-word.csv" a-word.csv high
    printf 'alpha,resolution,top1\n0.5,160,0x1p6\n' >"$T/a-hex.csv"; ac hex refuse "$T/a-hex.csv" a-hex.csv 0x1p6
    printf 'alpha,resolution,top1\n0.5,160,60\n0.5,160,61\n' >"$T/a-conflict.csv"; ac conflicting refuse "$T/a-conflict.csv" a-conflict.csv
    printf 'alpha,resolution,top1\n0.5,160,160\n' >"$T/a-range.csv"; ac top1-over-100 refuse "$T/a-range.csv" a-range.csv 160
    printf 'alpha,resolution,top1\n0.5,160,60,extra\n' >"$T/a-cols.csv"; ac extra-column refuse "$T/a-cols.csv" a-cols.csv
    printf '[{"alpha":0.5,"resolution":160,"top1":60}] x' >"$T/a-trailing.json"; ac json-trailing refuse "$T/a-trailing.json" a-trailing.json
    printf '[{"alpha":0.5,"alpha":0.6,"resolution":160,"top1":60}]' >"$T/a-dupkey.json"; ac json-duplicate-key refuse "$T/a-dupkey.json" a-dupkey.json alpha
    printf '\xef\xbb\xbfalpha,resolution,top1,source\n0.5,160,60.2,t\n' >"$T/a-bom.csv"; ac bom ok "$T/a-bom.csv" 0.5-160
    printf 'alpha,resolution,top1,source\n0.5,160,60.2,t\xe9\n' >"$T/a-latin1.csv"; ac not-utf8 refuse "$T/a-latin1.csv" a-latin1.csv UTF-8
    : >"$T/a-empty.csv"; ac empty refuse "$T/a-empty.csv" a-empty.csv
    mkfifo "$T/a-fifo.csv"; ac fifo refuse "$T/a-fifo.csv" a-fifo.csv FIFO
    ac missing refuse "$T/a-none.csv" a-none.csv "not found"
    awk 'BEGIN { print "alpha,resolution,top1,source"; for (i = 1; i <= 10000; i++) printf "%.5f,%d,%.2f,t\n", 0.1 + i / 20000, 96 + i % 129, 50 + i / 500 }' >"$T/a-10k.csv"
    ac 10k-rows ok "$T/a-10k.csv"
    printf 'alpha,resolution,top1,label,source\n0.5,160,60.2,\033[31mred,t\n' >"$T/a-escape.csv"
    c accuracy-terminal-escape ok '\x1b' -- tradeoff --preset $P --accuracy-file "$T/a-escape.csv" --accuracy-source user:t --format csv
    head -c 9000000 /dev/zero | tr '\0' ' ' >"$T/a-9mb.csv"; ac size-9mb refuse "$T/a-9mb.csv" a-9mb.csv
    printf 'alpha,resolution,top1\n0.5,160,60\ngarbage\n' >"$T/a-garbage.csv"; ac trailing-garbage refuse "$T/a-garbage.csv" a-garbage.csv
    printf 'alpha,resolution,top1,source\r\n0.5,160,60.2,t\r\n' >"$T/a-crlf.csv"; ac crlf ok "$T/a-crlf.csv" 0.5-160
    printf 'alpha,resolution,top1\n0.5,160,6\0000\n' >"$T/a-nul.csv"; ac nul-byte refuse "$T/a-nul.csv" a-nul.csv
    ln -s /dev/zero "$T/a-zero.csv"; ac symlink-to-dev-zero refuse "$T/a-zero.csv" a-zero.csv
    printf '%.0s[' $(seq 5000) >"$T/a-deep.json"; ac json-deep refuse "$T/a-deep.json" a-deep.json
    printf '[{"alpha":0.5,"resolution":160,"top1":60,"label":"%s"}]' "$longname" >"$T/a-long.json"; ac json-string-200k refuse "$T/a-long.json" a-long.json
    printf '[{"alpha":0.5,"resolution":160,"top1":"60"}]' >"$T/a-jsonstr.json"; ac json-number-as-string refuse "$T/a-jsonstr.json" a-jsonstr.json top1
    printf 'alpha,resolution,top1,source\n0.5,160,60,t\n0.5,160,60,t\n' >"$T/a-same.csv"; ac equal-duplicate-rows ok "$T/a-same.csv" 0.5-160
    sync_cases
    awk 'BEGIN { print "alpha,resolution,top1,source"; for (i = 1; i <= 100000; i++) printf "%.6f,%d,%.3f,t\n", 0.1 + i / 40000, 96 + i % 129, 50 + i / 5000 }' >"$T/a-100k.csv"
    started=$SECONDS
    mx tradeoff --preset $P --accuracy-file "$T/a-100k.csv" --accuracy-source user:t >"$T/a100k.out" 2>"$T/a100k.err"
    rc=$?
    took=$((SECONDS - started))
    if [ "$rc" = 0 ]; then record accuracy-100k-rows clean "100,000 rows in ${took}s (JVM start included; machine load $(cut -d' ' -f1 /proc/loadavg))"
    else classify accuracy-100k-rows ok "$rc" "$(cat "$T/a100k.out")" "$(cat "$T/a100k.err")"; fi
}

outputs() {
    c out-directory refuse "$T/empty" directory -- "${O[@]}" --out "$T/empty"
    mkfifo "$T/o-fifo"; c out-fifo refuse o-fifo FIFO -- "${O[@]}" --out "$T/o-fifo"
    c out-missing-parent refuse "$T/nodir" "does not exist" -- "${O[@]}" --out "$T/nodir/m.onnx"
    if mknod "$T/o-null" c 1 3 2>/dev/null; then # a device node like /dev/null (the real one is not risked)
        c out-device refuse o-null device -- "${O[@]}" --out "$T/o-null"
    fi
    c out-readonly-fs refuse /sys/m.onnx -- "${O[@]}" --out /sys/m.onnx
    c out-proc refuse /proc/m.onnx -- "${O[@]}" --out /proc/m.onnx
    c out-empty refuse --out -- "${O[@]}" --out ""
    printf old >"$T/target.onnx"; ln -s "$T/target.onnx" "$T/link.onnx"
    c out-symlink ok wrote -- "${O[@]}" --out "$T/link.onnx"
    ln -s "$T/dangling-target.onnx" "$T/dangling.onnx"
    c out-dangling-symlink ok wrote -- "${O[@]}" --out "$T/dangling.onnx"
    ln -s "$T/o-loop.onnx" "$T/o-loop.onnx"
    c out-symlink-loop refuse o-loop.onnx -- "${O[@]}" --out "$T/o-loop.onnx"
    ln -s "$T/empty" "$T/o-dirlink.onnx"
    c out-symlink-to-directory refuse o-dirlink.onnx directory -- "${O[@]}" --out "$T/o-dirlink.onnx"
    ln -s "$T/o-fifo" "$T/o-fifolink.onnx"
    c out-symlink-to-fifo refuse o-fifolink.onnx FIFO -- "${O[@]}" --out "$T/o-fifolink.onnx"
    printf old >"$T/mode.onnx"; chmod 0640 "$T/mode.onnx"
    c out-keeps-mode ok wrote -- "${O[@]}" --out "$T/mode.onnx"
    long=$(printf 'n%.0s' $(seq 250)).onnx
    c out-255-byte-name ok wrote -- "${O[@]}" --out "$T/$long"
    c out-256-byte-name refuse --out "${long}x" -- "${O[@]}" --out "$T/${long}x"
    c bench-out-directory refuse "$T/empty" directory -- bench --alpha 0.25 --resolution 96 --out "$T/empty" --no-save
    # not writable: refused before any benchmark runs (one line, no progress)
    c bench-results-readonly refuse /sys/mnx -- bench --alpha 0.25 --resolution 96 --results /sys/mnx
    c bench-out-readonly refuse /sys/r.json -- bench --alpha 0.25 --resolution 96 --out /sys/r.json --no-save
    c bench-results-is-file refuse "$T/afile" -- bench --alpha 0.25 --resolution 96 --results "$T/afile"
    c sweep-results-readonly refuse /sys/mnx -- sweep --alphas 0.25 --resolutions 96 --results /sys/mnx
    c sweep-out-readonly refuse /proc/mnx -- sweep --alphas 0.25 --resolutions 96 --out /proc/mnx
    c calibrate-results-readonly refuse /sys/mnx -- calibrate --results /sys/mnx
    c import-results-readonly refuse /sys/mnx -- import-results "$T/empty" --results /sys/mnx
    if [ "$(id -u)" != 0 ]; then # a read-only folder (root writes into any folder, so only as another user)
        mkdir -p "$T/ro"; chmod 0555 "$T/ro"
        c out-readonly-folder refuse "$T/ro" -- "${O[@]}" --out "$T/ro/m.onnx"
        c bench-results-readonly-folder refuse "$T/ro" -- bench --alpha 0.25 --resolution 96 --results "$T/ro/res"
    fi
    c chart-out-fifo refuse o-fifo FIFO -- chart --preset $P --out "$T/o-fifo.png"
    mkfifo "$T/o-fifo.png" 2>/dev/null
    c chart-out-fifo-png refuse o-fifo.png FIFO -- chart --preset $P --out "$T/o-fifo.png"
    printf old >"$T/ctarget.png"; ln -s "$T/ctarget.png" "$T/clink.png"
    c chart-out-symlink ok wrote -- chart --preset $P --out "$T/clink.png" --width 400 --height 300
    printf old >"$T/m644.onnx"; chmod 0644 "$T/m644.onnx"
    sync_cases
    # what the files are after the runs above
    [ -p "$T/o-fifo" ] && record out-fifo-kept clean "still a FIFO" || record out-fifo-kept lost "the FIFO was replaced"
    [ ! -e "$T/o-null" ] || { [ -c "$T/o-null" ] && record out-device-kept clean "still a device" || record out-device-kept lost "the device node was replaced"; }
    if [ -L "$T/link.onnx" ] && [ "$(head -c 3 "$T/target.onnx")" != old ]; then record out-symlink-target clean "link kept, target replaced"
    else record out-symlink-target lost "the link was replaced or the target not written"; fi
    if [ -L "$T/dangling.onnx" ] && [ -s "$T/dangling-target.onnx" ]; then record out-dangling-symlink-target clean "link kept, target created"
    else record out-dangling-symlink-target lost "the link was replaced or the target not created"; fi
    if [ -L "$T/clink.png" ] && [ "$(head -c 3 "$T/ctarget.png")" != old ]; then record chart-out-symlink-target clean "link kept, target replaced"
    else record chart-out-symlink-target lost "the link was replaced or the target not written"; fi
    [ -L "$T/o-dirlink.onnx" ] && [ -d "$T/empty" ] && record out-symlink-to-directory-kept clean "link and folder kept" || record out-symlink-to-directory-kept lost "link or folder replaced"
    [ "$(stat -c %a "$T/mode.onnx")" = 640 ] && record out-mode-640-kept clean "mode kept" || record out-mode-640-kept accepted "mode $(stat -c %a "$T/mode.onnx")"
    ( umask 077; mx "${O[@]}" --out "$T/m644.onnx" >/dev/null 2>&1 )
    [ "$(stat -c %a "$T/m644.onnx")" = 644 ] && record out-mode-644-kept-under-umask-077 clean "0644 kept" || record out-mode-644-kept-under-umask-077 accepted "mode $(stat -c %a "$T/m644.onnx")"
    ( umask 022; mx "${O[@]}" --out "$T/new022.onnx" >/dev/null 2>&1 )
    [ "$(stat -c %a "$T/new022.onnx" 2>/dev/null)" = 644 ] && record out-new-file-umask-022 clean "0644" || record out-new-file-umask-022 accepted "mode $(stat -c %a "$T/new022.onnx" 2>&1)"
    ( umask 027; mx "${O[@]}" --out "$T/new027.onnx" >/dev/null 2>&1 )
    [ "$(stat -c %a "$T/new027.onnx" 2>/dev/null)" = 640 ] && record out-new-file-umask-027 clean "0640" || record out-new-file-umask-027 accepted "mode $(stat -c %a "$T/new027.onnx" 2>&1)"
    ( umask 027; mx sweep --alphas 0.25 --resolutions 96 "${FAST[@]}" --results "$T/um" >/dev/null 2>&1 )
    m=$(stat -c %a "$T"/um/*.json 2>/dev/null | sort -u | tr '\n' ' ')
    [ "$m" = "640 " ] && record results-new-file-umask-027 clean "0640" || record results-new-file-umask-027 accepted "modes: $m"
    leftover=$(find "$T" -name '.*.tmp' | head -3)
    [ -z "$leftover" ] && record out-no-temporary-files clean "none left" || record out-no-temporary-files accepted "$leftover"
}

# interrupt NAME SIGNAL STATE-DESCRIPTION STATE ARGS...: starts the tool, waits (at most PROBE_REACH seconds) until
# STATE holds (a shell condition; $err, $out and $jt are the case's stderr, stdout and temporary folder), sends
# SIGNAL, then checks: the tool ends within 60 s (SIGINT/SIGTERM: exit 130/143 saying "cancelled"), its worker ends
# by itself within 30 s (after SIGKILL of the tool: the orphan watch) and the tool's temporary folder is removed.
interrupt() {
    local name=$1 sig=$2 desc=$3 state=$4
    shift 4
    local jt=$T/jt-$name out=$T/$name.out err=$T/$name.err
    mkdir -p "$jt"
    # a command started with & by a script ignores SIGINT (POSIX, no job control): the JVM would keep ignoring it,
    # as no shell user's Ctrl-C ever is; env restores the default so SIGINT reaches the tool as from a terminal
    env --default-signal=INT "$JAVA" -Djava.io.tmpdir="$jt" -jar "$JAR" "$@" >"$out" 2>"$err" &
    local pid=$!
    if ! wait_until "$REACH" "$state" "kill -0 $pid 2>/dev/null" $pid; then
        if kill -0 $pid 2>/dev/null; then
            kill -9 $pid; wait $pid 2>/dev/null; pkill -9 -f "$jt/mnx-bench-" 2>/dev/null
            record "$name" unreached "no $desc within ${REACH}s"
        else
            wait $pid
            local rc=$?
            grep -qE 'Exception|hs_err|SIGSEGV' "$err" && { classify "$name" ok "$rc" "$(cat "$out")" "$(cat "$err")"; return; }
            record "$name" unreached "ended (rc=$rc) before $desc: $(tail -1 "$err")"
        fi
        return
    fi
    local workers
    workers=$(pgrep -f "$jt/mnx-bench-" | tr '\n' ' ')
    local sent=$SECONDS
    kill -s "$sig" $pid 2>/dev/null
    if ! wait_until 60 "! kill -0 $pid 2>/dev/null" true $pid; then
        kill -9 $pid; wait $pid 2>/dev/null; pkill -9 -f "$jt/mnx-bench-" 2>/dev/null
        record "$name" hang "still running 60 s after SIG$sig"; return
    fi
    wait $pid
    local rc=$?
    local alive="" w
    if ! wait_until 30 '[ -z "$(for w in $workers; do kill -0 $w 2>/dev/null && echo $w; done)" ]'; then
        alive=$(for w in $workers; do kill -0 $w 2>/dev/null && echo $w; done | tr '\n' ' ')
        kill -9 $alive 2>/dev/null
        record "$name" crash "worker $alive left running 30 s after SIG$sig of the tool"; return
    fi
    local gone=$((SECONDS - sent))
    if ! wait_until 10 '[ -z "$(ls -d "$jt"/mnx-bench-* 2>/dev/null)" ]'; then
        record "$name" accepted "temporary folder left: $(ls -d "$jt"/mnx-bench-* | head -1)"; return
    fi
    if [ "$sig" = KILL ]; then
        record "$name" clean "rc=$rc; worker ${workers:-none} ended by itself and its folder was removed within ${gone}s"
        return
    fi
    local says=(${SAYS-cancelled}) # what the tool says when interrupted (export-onnx says nothing: exit 130)
    classify "$name" interrupted "$rc" "$(cat "$out")" "$(cat "$err")" "${says[@]}"
}
interruptions() {
    B=(bench --alpha 0.25 --resolution 96 --min-time 60s --max-time 60s --results "$T/int")
    measuring='grep -q ": measurement" "$err"'
    interrupt bench-sigint INT "measurement phase" "$measuring" "${B[@]}"
    interrupt bench-sigterm TERM "measurement phase" "$measuring" "${B[@]}"
    interrupt bench-sigkill-orphan-worker KILL "measurement phase" "$measuring" "${B[@]}"
    worker='pgrep -f "$jt/mnx-bench-" >/dev/null'
    interrupt verify-sigint INT "verify worker" "$worker" verify --alpha 1.0 --resolution 512 --backends dl4j
    interrupt verify-sigkill-orphan-worker KILL "verify worker" "$worker" verify --alpha 1.0 --resolution 512 --backends dl4j
    S=(sweep --alphas 0.25,0.3,0.35,0.4,0.45,0.5 --resolutions 96 "${FAST[@]}")
    first_saved='ls "$T/sw"/*.json >/dev/null 2>&1'
    interrupt sweep-sigint INT "first saved result" "$first_saved" "${S[@]}" --results "$T/sw"
    n=$(ls "$T/sw"/*.json 2>/dev/null | wc -l)
    grep -qE "$n saved|nothing saved" "$T/sweep-sigint.out" && record sweep-sigint-kept clean "$n saved and said so" \
        || record sweep-sigint-kept lost "$n files, summary: $(tail -1 "$T/sweep-sigint.out")"
    first_saved='ls "$T/swk"/*.json >/dev/null 2>&1'
    interrupt sweep-sigkill KILL "first saved result" "$first_saved" "${S[@]}" --results "$T/swk"
    n=$(ls "$T/swk"/*.json 2>/dev/null | wc -l)
    # import-results reads every file and names each one it cannot read (tradeoff shows only the preset's configs)
    mx import-results "$T/swk" --results "$T/swk-check" >"$T/swk.out" 2>"$T/swk.err"
    rc=$?
    if [ "$n" -gt 0 ] && [ $rc = 0 ] && ! grep -qE 'skipped [^(]' "$T/swk.out" "$T/swk.err"; then
        record sweep-sigkill-results-readable clean "$n saved results, all readable"
    else record sweep-sigkill-results-readable lost "$n files, import rc=$rc: $(grep -m1 -E 'skipped [^(]' "$T/swk.out" "$T/swk.err")"; fi
    # a write cut short: the old file stays whole (SIGINT: no temporary file either; SIGKILL may leave one dot file)
    E=(export-onnx --alpha 2.0 --resolution 224)
    for sig in INT KILL; do
        printf old >"$T/big-$sig.onnx"
        SAYS= interrupt "export-sig${sig,,}-during-write" "$sig" "temporary file" \
            "compgen -G '$T/.big-$sig.onnx.*' >/dev/null" "${E[@]}" --out "$T/big-$sig.onnx"
        content=$(head -c 3 "$T/big-$sig.onnx")
        [ "$content" = old ] || [ "$(stat -c %s "$T/big-$sig.onnx")" -gt 1000000 ] \
            && record "export-sig${sig,,}-target-whole" clean "old or complete file" \
            || record "export-sig${sig,,}-target-whole" lost "partial file: $(stat -c %s "$T/big-$sig.onnx") bytes"
    done
    left=$(compgen -G "$T/.big-INT.onnx.*")
    [ -z "$left" ] && record export-sigint-no-temporary-file clean "none left" || record export-sigint-no-temporary-file accepted "$left"
}

concurrency() {
    mx sweep --alphas 0.25,0.3 --resolutions 96 "${FAST[@]}" --results "$T/cc" >"$T/c1" 2>&1 &
    p1=$!
    mx sweep --alphas 0.25,0.3 --resolutions 96 "${FAST[@]}" --results "$T/cc" >"$T/c2" 2>&1 &
    p2=$!
    # a reader of the folder while both write: never a half-written file
    reads=0 bad=""
    while kill -0 $p1 2>/dev/null || kill -0 $p2 2>/dev/null; do
        mx tradeoff --preset $P --x latency --results "$T/cc" --format csv >"$T/cr.out" 2>"$T/cr.err"
        r=$?
        reads=$((reads + 1))
        if grep -qE 'skipped [^(]' "$T/cr.out" "$T/cr.err" || { [ $r != 0 ] && ! grep -q -- "--x latency" "$T/cr.err"; }; then
            bad="rc=$r $(cat "$T/cr.err" | head -2)"
        fi
    done
    wait $p1; r1=$?; wait $p2; r2=$?
    files=$(ls "$T/cc"/*.json 2>/dev/null | wc -l)
    [ $r1 = 0 ] && [ $r2 = 0 ] && [ "$files" = 4 ] && record two-sweeps-one-folder clean "4 results" \
        || record two-sweeps-one-folder lost "rc $r1/$r2, $files files"
    [ -z "$bad" ] && record reader-during-two-sweeps clean "$reads reads, no partial file seen" \
        || record reader-during-two-sweeps lost "$bad"
    c two-sweeps-readable ok imported -- import-results "$T/cc" --results "$T/cc-check"
    sync_cases
    mx "${O[@]}" --out "$T/same.onnx" >/dev/null 2>&1 &
    p1=$!
    mx "${O[@]}" --seed 7 --out "$T/same.onnx" >/dev/null 2>&1 &
    p2=$!
    wait $p1; r1=$?; wait $p2; r2=$?
    left=$(find "$T" -maxdepth 1 -name '.same.onnx*' | wc -l)
    [ $r1 = 0 ] && [ $r2 = 0 ] && [ "$left" = 0 ] && [ -s "$T/same.onnx" ] && record two-exports-one-file clean "one complete file" \
        || record two-exports-one-file lost "rc $r1/$r2, $left temporary files"
    # two imports of the same folder into one results folder: every result once, nothing overwritten
    mx import-results "$T/cc" --results "$T/ci" >"$T/i1" 2>&1 &
    p1=$!
    mx import-results "$T/cc" --results "$T/ci" >"$T/i2" 2>&1 &
    p2=$!
    wait $p1; r1=$?; wait $p2; r2=$?
    files=$(ls "$T/ci"/*.json 2>/dev/null | wc -l)
    [ $r1 = 0 ] && [ $r2 = 0 ] && [ "$files" = 4 ] && record two-imports-one-folder clean "4 results, each once" \
        || record two-imports-one-folder lost "rc $r1/$r2, $files files: $(grep -h skipped "$T/i1" "$T/i2" | head -1)"
}

section "# CLI flags" flags && flags
section "# presets (analyze --preset FILE)" presets && presets
section "# result files (tradeoff --x latency --results DIR, import-results)" results && results
section "# accuracy files (tradeoff --accuracy-file FILE)" accuracy && accuracy
section "# output paths (export-onnx --out, bench --out, chart --out, --results)" outputs && outputs
section "# interruptions (the signal is sent once the state is reached)" interruptions && interruptions
section "# concurrency" concurrency && concurrency

sync_cases
echo
FAMILIES="flags presets results accuracy outputs interruptions concurrency"
CLASSES="clean crash hang accepted unclear refused lost unreached"
printf '%-14s %6s' family total; for k in $CLASSES; do printf ' %9s' "$k"; done; echo
for fam in $FAMILIES total; do
    files=()
    for f in "$T"/cases/[0-9][0-9][0-9][0-9]; do
        [ -e "$f" ] || continue
        [ "$fam" = total ] || [ "$(cat "$f.family")" = "$fam" ] && files+=("$f")
    done
    [ ${#files[@]} -gt 0 ] || continue
    printf '%-14s %6d' "$fam" ${#files[@]}
    for k in $CLASSES; do printf ' %9d' "$(cat "${files[@]}" | grep -c "^$k ")"; done
    echo
done
total=$(ls "$T"/cases/[0-9][0-9][0-9][0-9] | wc -l)
good=$(cat "$T"/cases/[0-9][0-9][0-9][0-9] | grep -cE '^(clean|unreached) ')
[ "$good" = "$total" ]
