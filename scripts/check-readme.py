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
  "saved:" path, the FMA-peak estimate, fork spreads) are not compared, nor the verdict ending the per-layer
  profile's "per-layer sum ... vs whole-network median ...: N%" line (within the tolerance or not: noise).
With --quick, bench and sweep run with the shortest protocol that still goes through every phase (1 warm-up run,
at least 5 runs and 100 ms, at most 5 s; a per-layer profile of 2 passes; forks as written), and predict's
calibration covers V1 only (8 networks): the numbers are meaningless, the shape is what is checked.
Besides the lines, what a command produces is checked: every "saved: FILE" is a JSON file; a sweep's table has one
row per benchmark it announced and its results folder holds the files it says it saved; a per-layer profile has
one row per layer its "by kind" lines count; an --out FILE exists (a PNG starts with the PNG signature); the
calibration writes its device profile; import-results prints one "imported" line per file it counts and the
folder it names holds them.
Every example runs on its own, as on a fresh installation: in a new temporary folder that links presets/, scripts/
and target/, with a HOME, user.home and java.util.prefs root of its own inside it, and without the caller's
JAVA_OPTS, JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, MOBILENET_EXPLORER_RESULTS and MOBILENET_EXPLORER_JAR (any of them
could point the app at the user's results or print a line of its own). So no output depends on
~/.mobilenet-explorer, the user's preferences or an earlier example; DL4J's native cache stays the real ~/.javacpp
(437 MB, unpacked once). The README's home folder (/root) is compared as the example's HOME. An example that needs
what a user would already have gets it first, in its own folder, and --list says so: predict a device profile (a
small calibration, made once and copied), import-results the ZIP (or folder) it names, made from a real `bench`
run (the quick protocol, in a HOME of its own standing for the other machine). stdout and stderr are read as one
stream, in the order a terminal shows them. Exit 0 when everything matches, 1 otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR_CMD = "java -jar target/mobilenet-explorer.jar"
MEASURED = ("bench", "sweep", "verify", "calibrate", "predict")
# predict needs a device profile: a small calibration (V1 at 8 networks instead of 68) is made first (predict
# --validate then measures V1's held-out configurations only). Its widths give channel counts of every alignment
# (0.3 and 0.65: odd and 2- and 4-aligned channels), as the held-out configurations have: with aligned widths only
# (0.25, 0.5, 1.0) predict refuses them ("the device profile has no measurements of DEPTHWISE 3x3/1 align 4, ...").
CALIBRATE = ("scripts/mobilenet-explorer calibrate --backend onnxruntime --families v1 --alphas 0.25,0.3,0.65,1.0"
             " --resolutions 128,224")
PROFILE = ".mobilenet-explorer/results/device-profiles/onnxruntime-fp32.json"
# --quick: the shortest protocol that still runs every phase (warm-up, steady state, profile, forks)
QUICK = {"--warmup-runs": "1", "--warmup-time": "10ms", "--min-runs": "5", "--min-time": "100ms", "--max-time": "5s"}
QUICK_PROFILE_REPEATS = "2"
NOT_COMPARED = re.compile(r"^\s*(UNSTABLE|saved:|share of FMA peak|[A-Z][A-Za-z ]*, \d+ cores?, |between forks:|forks\s"
                          r"|\[#|WARNING: the load average)")
# flags a measurement may or may not get, depending on the machine's noise: the constants of the Instability enum
INSTABILITY = ROOT / "src/main/java/org/mobilenetexplorer/bench/Instability.java"
FLAGS = re.compile(r"\b(%s)\b,?" % "|".join(
    re.findall(r"^\s+([A-Z][A-Z_]+)\s*[,;]?\s*$", INSTABILITY.read_text(encoding="utf-8"), re.M)))
TIMEOUT_S = 900
# import-results: the other machine's results, made by a real benchmark (quick protocol) in a HOME of its own
OTHER_MACHINE_BENCH = "scripts/mobilenet-explorer bench --backend onnxruntime --alpha 0.25 --resolution 128"
# what a fresh example must not inherit (each could point the app at the user's state or add output of its own)
NOT_INHERITED = ("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "MOBILENET_EXPLORER_RESULTS",
                 "MOBILENET_EXPLORER_JAR", "DISPLAY")


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


# a measured line whose ending depends on the noise: compared up to where the noise starts
NOISY_TAIL = re.compile(r"^(\s*per-layer sum .* ms vs whole-network median .* ms: [-+]?[\d.]+%).*$")


def shape(line):
    line = NOISY_TAIL.sub(r"\1", line)
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
    if sub == "import-results":
        summary = next((m for m in (re.match(r"^import-results: (\d+) imported, .* into (\S+)\)$", l) for l in actual)
                        if m), None)
        if summary is None:
            return "import-results: no 'import-results: N imported, ... into DIR)' line"
        imported = int(summary.group(1))
        lines = sum(1 for l in actual if l.startswith("imported "))
        files = list(local(summary.group(2)).rglob("*.json"))
        if imported == 0 or lines != imported or len(files) < imported:
            return "import-results: says %d imported, %d 'imported' lines, the folder holds %d JSON files" % (
                imported, lines, len(files))
    out = option(command, "--out")
    if out and sub in ("chart", "export-onnx", "bench"):
        f = local(out)
        if not f.is_file() or f.stat().st_size == 0:
            return "--out %s: no file written" % out
        if f.suffix == ".png" and f.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            return "--out %s: not a PNG file" % out
    return None


def fresh(root, name):
    """A new folder for one example (its working folder, linking presets/, scripts/, target/) and its HOME."""
    work = root / name
    home = work / "home"
    home.mkdir(parents=True)
    for d in ("presets", "scripts", "target"):
        (work / d).symlink_to(ROOT / d)
    return work, home


def environment(home):
    """The environment of a fresh installation whose home is {home}: nothing of the caller's state."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env["HOME"] = str(home)
    env["JAVA_OPTS"] = ("-Duser.home={h} -Djava.util.prefs.userRoot={h} -Djava.util.prefs.systemRoot={h}/.systemPrefs"
                        " -Dorg.bytedeco.javacpp.cachedir={real}/.javacpp").format(
                            h=home, real=os.path.expanduser("~"))
    return env


def run(command, work, home):
    """Runs a command line in {work}: its exit code and its output (stdout and stderr as one stream)."""
    try:
        p = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=work, env=environment(home),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=TIMEOUT_S)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return "timeout", out


def setup_reason(ex):
    """What an example needs made first (as a user would already have it), or None."""
    sub = ex.words()[0] if ex.words() else None
    if sub == "predict":
        return "after a device profile: " + CALIBRATE
    if sub == "import-results":
        return "after making %s from a results folder: %s --results DIR (quick protocol, a HOME of its own)" % (
            import_source(ex), OTHER_MACHINE_BENCH)
    return None


def import_source(ex):
    """The folder or ZIP an import-results example names."""
    return next(w for w in ex.words()[1:] if not w.startswith("-"))


class Setups:
    """What examples need made first; each made in the example's own folder, the calibration once and copied."""

    def __init__(self, root):
        self.root = root
        self.profile = None

    def prepare(self, ex, work, home):
        """None when ready, else a message."""
        sub = ex.words()[0]
        if sub == "predict":
            if self.profile is None:
                cwork, chome = fresh(self.root, "calibration")
                rc, out = run(quick(CALIBRATE), cwork, chome)
                if rc != 0 or not (chome / PROFILE).is_file():
                    return "the calibration for predict failed (exit code %s):\n%s" % (rc, tail(out))
                self.profile = chome / PROFILE
            target = home / PROFILE
            target.parent.mkdir(parents=True)
            shutil.copy2(self.profile, target)
            return None
        if sub == "import-results":
            source = import_source(ex)
            owork, ohome = fresh(self.root, "other-machine-" + str(ex.line))
            folder = owork / "results"
            rc, out = run(quick(OTHER_MACHINE_BENCH) + " --results " + str(folder), owork, ohome)
            if rc != 0 or not list(folder.glob("*.json")):
                return "the other machine's benchmark failed (exit code %s):\n%s" % (rc, tail(out))
            target = work / source
            if source.endswith(".zip"):
                with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
                    for f in sorted(folder.rglob("*")):
                        if f.is_file():
                            z.write(f, f.relative_to(folder).as_posix())
            else:
                shutil.copytree(folder, target)
            return None
        return None


def tail(out, n=20):
    return "\n".join("    | " + l for l in out.splitlines()[-n:])


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
    root = Path(tempfile.mkdtemp(prefix="check-readme-"))
    setups = Setups(root)
    failed = ran = skipped = 0
    try:
        for ex in exs:
            if args.k and args.k not in ex.command:
                continue
            reason = skip_reason(ex)
            if reason is None and args.fast and ex.measured():
                reason = "measures (--fast)"
            elif reason is None and args.fast and ex.words()[0] == "import-results":
                reason = "its other machine's results are measured first (--fast)"
            where = "README.md:%d" % ex.line
            if reason:
                skipped += 1
                if args.list:
                    print("skip %-14s %s  (%s)" % (where, ex.command, reason))
                continue
            if args.list:
                setup = setup_reason(ex)
                print("run  %-14s %s%s" % (where, ex.command, "  (%s)" % setup if setup else ""))
                continue
            words = ex.command
            for prefix in (JAR_CMD, "mobilenet-explorer"):
                if words.startswith(prefix):
                    words = "scripts/mobilenet-explorer" + words[len(prefix):]
                    break
            if args.quick:
                words = quick(words)
            ran += 1
            work, home = fresh(root, "example-%d" % ex.line)
            problem = setups.prepare(ex, work, home)
            if problem is None:
                rc, out = run(words, work, home)
                actual = [normalise(l, str(home)) for l in out.splitlines()]
                expected = [l.rstrip() for l in (ex.expected or [])]
                # a README example of bad input shows its one line and exit code 2
                bad_input = bool(expected) and len(expected) == 1 and ": " in expected[0] and rc == 2
                if rc != 0 and not bad_input and "| head" not in words:
                    problem = "exit code %s" % rc
                elif expected:
                    problem = compare(expected, actual, ex.measured())
                if problem is None and rc == 0:
                    problem = artefacts(words, actual, work, home)
                if problem and os.environ.get("CHECK_README_VERBOSE"):
                    problem += "\n" + "\n".join("    | " + l for l in actual[:60])
            if problem:
                failed += 1
                print("FAIL %s  %s\n    %s" % (where, words if args.quick else ex.command, problem))
            else:
                print("ok   %s  %s" % (where, ex.command))
            shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if not args.list:
        print("%d run, %d failed, %d skipped" % (ran, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
