#!/usr/bin/env bash
# Reliability probe (issue 12): tries the families of bad cases against the built jar (CLI flags, presets, result
# files, accuracy files, output paths, interruptions, concurrency) and classifies every case:
#   clean      refused in one line naming the option or file and the value (exit 2, or 1 for a failed run), or done
#   crash      a stack trace, an exit code outside 0/1/2/130, a native abort of the tool itself
#   hang       no answer within the case's time limit (killed)
#   accepted   wrongly accepted: exit 0 for what must be refused (or a file lost / replaced / left behind)
#   unclear    refused, but not in one line naming the option or file and the value
#   refused    a valid input refused
# Usage: scripts/probe-reliability.sh [JAR]   (default target/mobilenet-explorer.jar; build: mvn -DskipTests package)
# Runs a few real benchmarks of 0.25-96 on ONNX Runtime (a few seconds each); about 5 minutes in all. Writes only
# under a temporary folder (removed at the end) and never touches ~/.mobilenet-explorer (results go to the folder).
# Prints one line per case and the counts; exit 0 when every case is clean. Not part of `mvn test`.
set -u
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
JAR=${1:-$root/target/mobilenet-explorer.jar}
[ -f "$JAR" ] || { echo "probe: $JAR not found: build it with 'mvn -DskipTests package'" >&2; exit 2; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
T=$(mktemp -d /tmp/mnx-probe.XXXXXX)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export MOBILENET_EXPLORER_RESULTS=$T/default-results
unset DISPLAY WAYLAND_DISPLAY
LIMIT=${PROBE_LIMIT:-120}
PARALLEL=${PROBE_PARALLEL:-3} # independent cases at once (each is a JVM start; on a busy machine mostly waiting)
N=0
mkdir -p "$T/cases"

JT=$T/java-tmp # the tool's temporary folders (workers' mnx-bench-*), to find our own workers
mkdir -p "$JT"
mx() { timeout -s KILL "$LIMIT" "$JAVA" -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$JT" -jar "$JAR" "$@"; }

record() { # record NAME CLASS DETAIL (into the case's own file, printed in order at the end of each section)
    local slot=${SLOT:-}
    if [ -z "$slot" ]; then N=$((N + 1)); slot=$(printf '%04d' "$N"); fi
    printf '%-9s %-34s %s\n' "$2" "$1" "$(printf '%s' "$3" | tr '\n' ' ' | cut -c1-150)" >"$T/cases/$slot"
}
next_slot() { N=$((N + 1)); printf '%04d' "$N"; }
sync_cases() { # wait for the running cases, print what is new
    wait
    for f in "$T"/cases/*; do
        [ -e "$f.shown" ] || { cat "$f"; : >"$f.shown"; }
    done 2>/dev/null
}
section() { sync_cases; echo "$1"; }

# classify NAME EXPECT RC OUT ERR TOKENS...: EXPECT is ok, refuse (exit 2, one stderr line) or fail (exit 1, the
# tokens in stdout+stderr); every token must appear in the message.
classify() {
    local name=$1 expect=$2 rc=$3 out=$4 err=$5
    shift 5
    local all="$out$err" msg
    if [ "$rc" = 137 ] || [ "$rc" = 124 ]; then record "$name" hang "no answer in ${LIMIT}s"; return; fi
    if grep -qE '^\s+at [a-z][A-Za-z0-9_.$]*\(|Exception in thread|OutOfMemoryError|hs_err_pid|SIGSEGV|^Caused by' \
        <<<"$all" \
        || ! [[ "$rc" =~ ^(0|1|2|130)$ ]]; then
        record "$name" crash "rc=$rc $(grep -m1 -E 'Exception|Error|SIG' <<<"$all")"; return
    fi
    case $expect in
    ok)
        if [ "$rc" = 0 ]; then
            for t in "$@"; do grep -qF -- "$t" <<<"$all" || { record "$name" unclear "rc=0 but no '$t'"; return; }; done
            record "$name" clean "done"
        else record "$name" refused "rc=$rc $err"; fi ;;
    refuse|fail)
        if [ "$rc" = 0 ]; then record "$name" accepted "rc=0 $(head -c 150 <<<"$out")"; return; fi
        if [ "$expect" = refuse ]; then
            msg=$(grep -v '^\s*$' <<<"$err")
            if [ "$rc" != 2 ] || [ "$(wc -l <<<"$msg")" != 1 ]; then
                record "$name" unclear "rc=$rc, $(wc -l <<<"$msg") lines: $msg"; return
            fi
        else
            msg=$all
        fi
        for t in "$@"; do grep -qF -- "$t" <<<"$msg" || { record "$name" unclear "no '$t' in: $msg"; return; }; done
        record "$name" clean "$(head -c 150 <<<"$msg")" ;;
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
        classify "$name" "$expect" "$rc" "$(cat "$T/cases/$slot.out")" "$(cat "$T/cases/$slot.err")" "${tokens[@]}"
        rm -f "$T/cases/$slot.out" "$T/cases/$slot.err"
    ) &
}

P=slim-grid-16
FAST=(--warmup-runs 0 --warmup-time 0 --min-runs 3 --min-time 0 --max-time 2s)
mkdir -p "$T/res" "$T/empty"
printf 'a file\n' >"$T/afile"

section "# CLI flags"
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
c calibrate-grid-20000 refuse --alphas 20000 -- calibrate --alphas "${big_a%,}" --resolutions "${big_r%,}" --results "$T/res"
c predict-no-profile refuse "device profile" -- predict --results "$T/res"
c predict-format refuse --format xml -- predict --format xml --results "$T/res"
c predict-family refuse --family v2 -- predict --family v2 --results "$T/res"
c predict-profile-not-json refuse pom.xml JSON -- predict --validate --alpha 0.5 --profile "$root/pom.xml"
c no-arguments-no-display refuse "no display" -- 
c version ok "MobileNet Explorer" -- --version
c help-bench ok --min-runs -- help bench
c unknown-command refuse frobnicate -- frobnicate

section "# presets (analyze --preset FILE)"
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

section "# result files (tradeoff --x latency --results DIR)"
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

section "# accuracy files (tradeoff --accuracy-file FILE)"
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

section "# output paths (export-onnx --out, bench --out, chart --out)"
O=(export-onnx --alpha 0.25 --resolution 32)
c out-directory refuse "$T/empty" directory -- "${O[@]}" --out "$T/empty"
mkfifo "$T/o-fifo"; c out-fifo refuse o-fifo FIFO -- "${O[@]}" --out "$T/o-fifo"
sync_cases
[ -p "$T/o-fifo" ] || record out-fifo-kept accepted "the FIFO was replaced"
c out-missing-parent refuse "$T/nodir" "does not exist" -- "${O[@]}" --out "$T/nodir/m.onnx"
if mknod "$T/o-null" c 1 3 2>/dev/null; then
    c out-device refuse o-null device -- "${O[@]}" --out "$T/o-null"
    sync_cases
    [ -c "$T/o-null" ] || record out-device-kept accepted "the device node was replaced"
fi
c out-readonly-fs refuse /sys/m.onnx -- "${O[@]}" --out /sys/m.onnx
c out-empty refuse --out -- "${O[@]}" --out ""
printf old >"$T/target.onnx"; ln -s "$T/target.onnx" "$T/link.onnx"
c out-symlink ok wrote -- "${O[@]}" --out "$T/link.onnx"
sync_cases
if [ -L "$T/link.onnx" ] && [ "$(head -c 3 "$T/target.onnx")" != old ]; then record out-symlink-target clean "link kept, target replaced"
else record out-symlink-target accepted "the link was replaced or the target not written"; fi
printf old >"$T/mode.onnx"; chmod 0640 "$T/mode.onnx"
c out-keeps-mode ok wrote -- "${O[@]}" --out "$T/mode.onnx"
sync_cases
[ "$(stat -c %a "$T/mode.onnx")" = 640 ] && record out-mode-640 clean "mode kept" || record out-mode-640 accepted "mode $(stat -c %a "$T/mode.onnx")"
long=$(printf 'n%.0s' $(seq 250)).onnx
c out-255-byte-name ok wrote -- "${O[@]}" --out "$T/$long"
c bench-out-directory refuse "$T/empty" directory -- bench --alpha 0.25 --resolution 96 --out "$T/empty" --no-save
c bench-results-readonly refuse /sys/mnx -- bench --alpha 0.25 --resolution 96 --results /sys/mnx
c chart-out-fifo refuse o-fifo FIFO -- chart --preset $P --out "$T/o-fifo.png"
mkfifo "$T/o-fifo.png" 2>/dev/null
c chart-out-fifo-png refuse o-fifo.png FIFO -- chart --preset $P --out "$T/o-fifo.png"
sync_cases
leftover=$(find "$T" -name '.*.tmp' | head -3)
[ -z "$leftover" ] && record out-no-temporary-files clean "none left" || record out-no-temporary-files accepted "$leftover"

section "# interruptions"
interrupt() { # interrupt NAME SIGNAL SECONDS ARGS...
    local name=$1 sig=$2 after=$3
    shift 3
    "$JAVA" -Djava.io.tmpdir="$JT" -jar "$JAR" "$@" >"$T/int.out" 2>"$T/int.err" &
    local pid=$!
    sleep "$after"
    kill -s "$sig" $pid 2>/dev/null
    local waited=0
    while kill -0 $pid 2>/dev/null && [ $waited -lt 40 ]; do sleep 0.5; waited=$((waited + 1)); done
    if kill -0 $pid 2>/dev/null; then kill -9 $pid; record "$name" hang "still running 20 s after SIG$sig"; return; fi
    wait $pid
    local rc=$?
    sleep 2
    local orphans
    orphans=$(pgrep -f "$JT/mnx-bench-" | head -3)
    if [ -n "$orphans" ]; then record "$name" crash "worker left running: $orphans"; return; fi
    if [ "$sig" = KILL ]; then record "$name" clean "rc=$rc, no worker left"; return; fi
    classify "$name" fail "$rc" "$(cat "$T/int.out")" "$(cat "$T/int.err")" cancelled
}
interrupt bench-sigint INT 6 bench --alpha 0.25 --resolution 96 --min-time 60s --max-time 60s --results "$T/int"
interrupt bench-sigterm TERM 6 bench --alpha 0.25 --resolution 96 --min-time 60s --max-time 60s --results "$T/int"
interrupt bench-sigkill KILL 6 bench --alpha 0.25 --resolution 96 --min-time 60s --max-time 60s --results "$T/int"
interrupt verify-sigint INT 4 verify --alpha 1.0 --resolution 512 --backends dl4j
interrupt sweep-sigint INT 25 sweep --alphas 0.25,0.3,0.35,0.4,0.45,0.5 --resolutions 96 "${FAST[@]}" --results "$T/sw"
n=$(ls "$T/sw"/*.json 2>/dev/null | wc -l)
grep -qE "$n saved|nothing saved" "$T/int.out" && record sweep-sigint-kept clean "$n saved and said so" \
    || record sweep-sigint-kept unclear "$n files, summary: $(tail -1 "$T/int.out")"

section "# concurrency"
mx sweep --alphas 0.25,0.3 --resolutions 96 "${FAST[@]}" --results "$T/cc" >"$T/c1" 2>&1 &
p1=$!
mx sweep --alphas 0.25,0.3 --resolutions 96 "${FAST[@]}" --results "$T/cc" >"$T/c2" 2>&1 &
p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
files=$(ls "$T/cc"/*.json 2>/dev/null | wc -l)
[ $r1 = 0 ] && [ $r2 = 0 ] && [ "$files" = 4 ] && record two-sweeps-one-folder clean "4 results" \
    || record two-sweeps-one-folder accepted "rc $r1/$r2, $files files"
c two-sweeps-readable ok 0.3-96 -- tradeoff --preset $P --x latency --results "$T/cc" --format csv
sync_cases
mx "${O[@]}" --out "$T/same.onnx" >/dev/null 2>&1 &
p1=$!
mx "${O[@]}" --seed 7 --out "$T/same.onnx" >/dev/null 2>&1 &
p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
left=$(find "$T" -maxdepth 1 -name '.same.onnx*' | wc -l)
[ $r1 = 0 ] && [ $r2 = 0 ] && [ "$left" = 0 ] && [ -s "$T/same.onnx" ] && record two-exports-one-file clean "one complete file" \
    || record two-exports-one-file accepted "rc $r1/$r2, $left temporary files"

sync_cases
echo
count() { cat "$T"/cases/[0-9][0-9][0-9][0-9] | grep -c "^$1 "; }
total=$(ls "$T"/cases/[0-9][0-9][0-9][0-9] | wc -l)
printf 'cases %d: clean %d, crash %d, hang %d, wrongly accepted %d, unclear %d, valid refused %d\n' "$total" \
    "$(count clean)" "$(count crash)" "$(count hang)" "$(count accepted)" "$(count unclear)" "$(count refused)"
[ "$(count clean)" = "$total" ]
