#!/usr/bin/env python3
"""Runs every command that README.md shows and compares its output with the README's.

Usage (after `mvn -DskipTests package`):
    scripts/check-readme.py            # every example as written (the benchmarks take many minutes)
    scripts/check-readme.py --quick    # every example, the measuring ones with the shortest protocol (.ci/run)
    scripts/check-readme.py --fast     # skip the examples that measure (bench, sweep, verify, calibrate, predict)
    scripts/check-readme.py -k chart   # only the commands containing "chart"
    scripts/check-readme.py --list     # what would run, and what is skipped and why

Examples are the fenced blocks: in ```text and bare ``` blocks a line "$ COMMAND" is a command and the lines
after it, up to the next "$ " line, its expected output; in ```bash blocks each line is a command (a trailing
"# comment" is dropped) with no output shown. `java -jar target/mobilenet-explorer.jar` and `mobilenet-explorer`
run as scripts/mobilenet-explorer (the launcher the README tells users to use). Build steps (mvn), installs
(sudo, cp, ln), the GUI (no command) and the packaging profile's app image are not run: --list names each.

Expected output is compared line by line:
- computed output (analyze, tradeoff, chart, export-onnx, ...) must match exactly; a line "..." (or one ending
  in "...") stands for any number of lines, so shown lines match as contiguous runs, in order;
- measured output (bench, sweep, verify, calibrate, predict) matches in shape: every number counts as equal to any number, runs of
  blanks as one blank; lines that depend on the machine or on the noise (the CPU line, UNSTABLE flags, the
  "saved:" path, the FMA-peak estimate, fork spreads) are not compared.
With --quick, bench and sweep run with the shortest protocol that still goes through every phase (1 warm-up run,
at least 5 runs and 100 ms, at most 5 s; a per-layer profile of 2 passes; forks as written), and predict's
calibration covers V1 only (6 networks): the numbers are meaningless, the shape is what is checked.
Besides the lines, what a command produces is checked: every "saved: FILE" is a JSON file; a sweep's table has one
row per benchmark it announced and its results folder holds the files it says it saved; a per-layer profile has
one row per layer its "by kind" lines count; an --out FILE exists (a PNG starts with the PNG signature); the
calibration writes its device profile.
Commands run in a temporary folder that links presets/, scripts/ and target/, with HOME pointing into it (so
results and exports never touch the user's folders; DL4J's native cache stays the real ~/.javacpp). The README's
home folder (/root) is compared as the temporary HOME. Exit 0 when everything matches, 1 otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR_CMD = "java -jar target/mobilenet-explorer.jar"
MEASURED = ("bench", "sweep", "verify", "calibrate", "predict")
# predict needs a device profile: a small calibration (V1 at 6 networks instead of 60) is made first, in the
# temporary HOME (predict --validate then measures V1's held-out configurations only)
CALIBRATE = ("scripts/mobilenet-explorer calibrate --backend onnxruntime --families v1 --alphas 0.25,0.5,1.0"
             " --resolutions 128,224")
PROFILE = ".mobilenet-explorer/results/device-profiles/onnxruntime-fp32.json"
# --quick: the shortest protocol that still runs every phase (warm-up, steady state, profile, forks)
QUICK = {"--warmup-runs": "1", "--warmup-time": "10ms", "--min-runs": "5", "--min-time": "100ms", "--max-time": "5s"}
QUICK_PROFILE_REPEATS = "2"
NOT_COMPARED = re.compile(r"^\s*(UNSTABLE|saved:|share of FMA peak|[A-Z][A-Za-z ]*, \d+ cores?, |between forks:|forks\s"
                          r"|\[#|WARNING: the load average)")
# flags a measurement may or may not get, depending on the machine's noise
FLAGS = re.compile(r"\b(HIGH_CV|GC|FEW_RUNS|MAX_TIME|FORK_SPREAD)\b,?")
TIMEOUT_S = 900


class Example:
    def __init__(self, line, command, expected):
        self.line = line
        self.command = command
        self.expected = expected

    def words(self):
        """The command's words after the program name."""
        cmd = self.command
        for prefix in (JAR_CMD, "scripts/mobilenet-explorer", "mobilenet-explorer"):
            if cmd.startswith(prefix):
                return cmd[len(prefix):].split()
        return None

    def measured(self):
        w = self.words()
        return bool(w) and w[0] in MEASURED


def examples(readme):
    """Every example of the README, in order."""
    out = []
    lines = readme.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        lang = m.group(1)
        j = i + 1
        block = []
        while j < len(lines) and not lines[j].startswith("```"):
            block.append((j + 1, lines[j]))
            j += 1
        i = j + 1
        if lang in ("", "text"):
            current = None
            k = 0
            while k < len(block):
                n, text = block[k]
                if text.startswith("$ "):
                    command = text[2:]
                    while command.endswith("\\") and k + 1 < len(block):
                        k += 1
                        command = command[:-1].rstrip() + " " + block[k][1].strip()
                    current = Example(n, command, [])
                    out.append(current)
                elif current is not None:
                    current.expected.append(text)
                k += 1
        elif lang == "bash":
            for n, text in block:
                command = re.sub(r"\s+#.*$", "", text).strip()
                if command and not command.startswith("#"):
                    out.append(Example(n, command, None))
    return out


def skip_reason(ex):
    """Why an example is not run, or None."""
    c = ex.command
    first = c.split()[0]
    if first in ("mvn", "sudo", "cp", "ln"):
        return "build or install step"
    if first.startswith("target/dist/") or first.startswith("/opt/"):
        return "app image of the dist profile (mvn -Pdist package)"
    if first == "scripts/screenshots.sh":
        return "screenshots (scripts/screenshots.sh, minutes under Xvfb)"
    if first == "java" and "org.openjdk.jmh.Main" in c:
        return "JMH micro-benchmark (mvn -Pjmh)"
    if re.search(r"\[--|\bDIR\b|\|table", c):
        return "synopsis (options in brackets), not a command"
    w = ex.words()
    if w is None:
        return "not a MobileNet Explorer command"
    if not w:
        return "the GUI (no command)"
    return None


def normalise(line, home):
    line = line.replace(home, "/root")
    return line.rstrip()


def shape(line):
    line = FLAGS.sub("", line)
    line = re.sub(r"[-+]?\d+(?:[.,:]\d+)*(?:[eE][-+]?\d+)?", "9", line)
    return re.sub(r"\s+", " ", line).strip()


def segments(expected):
    """The expected lines split at elisions ("..." lines, or lines ending in "...")."""
    segs, cur = [], []
    for line in expected:
        if line.strip() == "..." or line.rstrip().endswith("...") or line.strip().startswith("... ("):
            if cur:
                segs.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        segs.append(cur)
    return segs


def compare(expected, actual, measured):
    """None when the actual output shows every expected line, else a message naming the first difference."""
    if measured:
        want = [shape(l) for l in expected if l.strip() and not NOT_COMPARED.match(l)
                and not (l.strip() == "..." or l.rstrip().endswith("...") or l.strip().startswith("... ("))]
        have = [shape(l) for l in actual]
        pos = 0
        for w in want:
            while pos < len(have) and have[pos] != w:
                pos += 1
            if pos == len(have):
                return "expected a line shaped like:\n      " + w
            pos += 1
        return None
    pos = 0
    for seg in segments(expected):
        found = -1
        for start in range(pos, len(actual) - len(seg) + 1):
            if actual[start:start + len(seg)] == seg:
                found = start
                break
        if found < 0:
            # name the first line of the segment that differs from the closest attempt
            first = seg[0]
            at = next((k for k in range(pos, len(actual)) if actual[k] == first), None)
            if at is None:
                return "expected line not in the output:\n      " + first
            for k, want in enumerate(seg):
                got = actual[at + k] if at + k < len(actual) else "<end of output>"
                if got != want:
                    return "line differs:\n      README: " + want + "\n      output: " + got
            return "segment not found"
        pos = found + len(seg)
    return None


def quick(command):
    """The command with the shortest protocol (bench and sweep), every other option as written."""
    words = command.split()
    if len(words) < 2 or words[1] not in ("bench", "sweep"):
        return command
    out, i = [], 0
    while i < len(words):
        w = words[i]
        name = w.split("=", 1)[0]
        if name in QUICK:  # the README's value gives way to the quick one
            i += 1 if "=" in w else 2
            continue
        if name == "--profile-layers":
            out.append("--profile-layers=" + QUICK_PROFILE_REPEATS)
            i += 1
            if "=" not in w and i < len(words) and words[i].isdigit():
                i += 1
            continue
        out.append(w)
        i += 1
    for k, v in QUICK.items():
        out.append("%s=%s" % (k, v))
    return " ".join(out)


def option(command, name):
    """The value of --name VALUE or --name=VALUE in the command, or None."""
    m = re.search(r"(?:^|\s)%s(?:=|\s+)(\S+)" % re.escape(name), command)
    return m.group(1) if m else None


def artefacts(command, actual, work, home):
    """None when what the command produced is there and has the shape it says, else a message."""
    def local(path):
        path = path.replace("/root", str(home), 1) if path.startswith("/root") else path
        return Path(path) if os.path.isabs(path) else work / path
    for line in actual:
        m = re.match(r"^\s*saved: (\S+\.json)$", line)
        if m:
            f = local(m.group(1))
            try:
                json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                return "saved file %s is not a readable JSON file: %s" % (m.group(1), e)
    words = command.split()
    sub = words[1] if len(words) > 1 else ""
    if sub == "sweep":
        announced = next((int(m.group(1)) for m in (re.match(r"^sweep: (\d+) benchmark", l) for l in actual) if m),
                         None)
        summary = next((m for m in (re.match(r"^(\d+) of (\d+) completed, (\d+) failed, \S+; (\d+) saved in (\S+)$", l)
                                     for l in actual) if m), None)
        if announced is None or summary is None:
            return "sweep: no 'sweep: N benchmark(s)' line or no 'N of M completed ...; K saved in DIR' line"
        done, total, failed, saved, folder = (int(summary.group(1)), int(summary.group(2)), int(summary.group(3)),
                                               int(summary.group(4)), summary.group(5))
        if total != announced or done + failed != total or failed:
            return "sweep: announced %d, then %d of %d completed, %d failed" % (announced, done, total, failed)
        try:
            header = next(k for k, l in enumerate(actual) if l.startswith("config ") and " backend " in l)
        except StopIteration:
            return "sweep: no results table (a 'config  backend ...' header)"
        end = next((k for k in range(header + 1, len(actual)) if re.match(r"^\d+ of \d+ completed", actual[k])),
                   len(actual))
        rows = [l for l in actual[header + 1:end] if l.strip()]
        if len(rows) != total:
            return "sweep: %d table rows for %d benchmarks" % (len(rows), total)
        files = list(local(folder).glob("*.json"))
        if len(files) < saved:
            return "sweep: says %d saved in %s, the folder holds %d JSON files" % (saved, folder, len(files))
    if sub == "bench" and "--profile-layers" in command:
        try:
            start = next(k for k, l in enumerate(actual) if re.match(r"^\s+layer\s+kind\s+median ms", l))
            end = next(k for k, l in enumerate(actual) if l.strip() == "by kind:")
        except StopIteration:
            return "bench: no per-layer table ('layer  kind  median ms' ... 'by kind:')"
        counted = sum(int(m.group(1)) for m in (re.match(r"^\s+(\d+) layer\(s\)", l) for l in actual[end:]) if m)
        if end - start - 1 != counted or counted == 0:
            return "bench: %d per-layer rows, the 'by kind' lines count %d layers" % (end - start - 1, counted)
    out = option(command, "--out")
    if out and sub in ("chart", "export-onnx", "bench"):
        f = local(out)
        if not f.is_file() or f.stat().st_size == 0:
            return "--out %s: no file written" % out
        if f.suffix == ".png" and f.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            return "--out %s: not a PNG file" % out
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fast", action="store_true", help="skip the examples that measure (bench, sweep, verify, calibrate, predict)")
    ap.add_argument("--quick", action="store_true",
                    help="run the measuring examples with the shortest protocol (bench, sweep) and a V1-only calibration")
    ap.add_argument("-k", metavar="TEXT", help="only the commands containing TEXT")
    ap.add_argument("--list", action="store_true", help="list the examples and what is skipped, run nothing")
    ap.add_argument("--readme", default=str(ROOT / "README.md"))
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)

    exs = examples(Path(args.readme))
    jar = ROOT / "target" / "mobilenet-explorer.jar"
    if not args.list and not jar.is_file():
        print("check-readme: %s not found: run 'mvn -DskipTests package' first" % jar, file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="check-readme-"))
    home = work / "home"
    home.mkdir()
    for d in ("presets", "scripts", "target"):
        (work / d).symlink_to(ROOT / d)
    env = dict(os.environ)
    env["HOME"] = str(home)
    real_home = os.path.expanduser("~")
    env["JAVA_OPTS"] = (env.get("JAVA_OPTS", "") + " -Duser.home=%s -Dorg.bytedeco.javacpp.cachedir=%s/.javacpp"
                        % (home, real_home)).strip()
    env.pop("DISPLAY", None)
    failed = ran = skipped = 0
    calibrated = False
    try:
        for ex in exs:
            if args.k and args.k not in ex.command:
                continue
            reason = skip_reason(ex)
            if reason is None and args.fast and ex.measured():
                reason = "measures (--fast)"
            where = "README.md:%d" % ex.line
            if reason:
                skipped += 1
                if args.list:
                    print("skip %-14s %s  (%s)" % (where, ex.command, reason))
                continue
            if args.list:
                print("run  %-14s %s" % (where, ex.command))
                continue
            words = ex.command
            for prefix in (JAR_CMD, "mobilenet-explorer"):
                if words.startswith(prefix):
                    words = "scripts/mobilenet-explorer" + words[len(prefix):]
                    break
            if args.quick:
                words = quick(words)
            ran += 1
            if ex.words()[0] == "predict" and not calibrated:
                calibrated = True
                p = subprocess.run(["bash", "-c", CALIBRATE], cwd=work, env=env, capture_output=True, text=True,
                                   timeout=TIMEOUT_S)
                ok = p.returncode == 0 and (home / PROFILE).is_file()
                failed += 0 if ok else 1
                print("%s   (for the predict examples: %s)" % ("ok  " if ok else "FAIL", CALIBRATE))
                if not ok:
                    print("\n".join("    | " + l for l in (p.stdout + p.stderr).splitlines()[-20:]))
            try:
                p = subprocess.run(["bash", "-o", "pipefail", "-c", words], cwd=work, env=env, capture_output=True,
                                   text=True, timeout=TIMEOUT_S)
                rc, out = p.returncode, (p.stdout + p.stderr)
            except subprocess.TimeoutExpired:
                rc, out = "timeout", ""
            actual = [normalise(l, str(home)) for l in out.splitlines()]
            expected = [l.rstrip() for l in (ex.expected or [])]
            # a README example of bad input shows its one line and exit code 2
            bad_input = bool(expected) and len(expected) == 1 and ": " in expected[0] and rc == 2
            problem = None
            if rc != 0 and not bad_input and "| head" not in words:
                problem = "exit code %s" % rc
            elif expected:
                problem = compare(expected, actual, ex.measured())
            if problem is None and rc == 0:
                problem = artefacts(words, actual, work, home)
            if problem:
                failed += 1
                print("FAIL %s  %s\n    %s" % (where, words if args.quick else ex.command, problem))
                if os.environ.get("CHECK_README_VERBOSE"):
                    print("\n".join("    | " + l for l in actual[:60]))
            else:
                print("ok   %s  %s" % (where, ex.command))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not args.list:
        print("%d run, %d failed, %d skipped" % (ran, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
