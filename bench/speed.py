"""postcheck's speed against markdownlint-cli2 (MD045 alone: images need alt text), whole process, on one corpus.

    python bench/speed.py [--posts 10000] [--repeat 3] [--linear] [--jobs N] [--extra ocr]

postcheck is installed non-editable, with its bytecode compiled, into a venv of its own (as users get it; --venv,
default ~/.cache/postcheck-bench/venv, rebuilt when the sources change; with `--extra ocr`, postcheck[ocr] into
venv-ocr beside it, so that A107 reads the images). markdownlint-cli2 is taken from
bench/peers/node_modules/.bin (`npm install --prefix bench/peers markdownlint-cli2`; bench/peers is ignored by git),
else from PATH. The runs are interleaved, a round at a time, and each figure is the median of `--repeat` rounds:

- cold: every post checked, nothing cached (`--no-cache`); markdownlint-cli2 has no cache;
- warm: a second run over the unchanged folder, the result cache in use;
- one post: a pre-commit run on a single changed file (`--force-exclude FILE`; the file is edited before each run,
  so it misses the result cache while its unchanged image is known to the media cache), against markdownlint-cli2
  on it; and the same run with no cache at all (`--no-cache`, as on a fresh clone);
- memory: postcheck's peak resident set on the cold run (the largest process, workers included);
- linear (--linear): 10x the posts, run once, against the same run on `--posts`.

CPU seconds (user + system, the workers' included) are printed beside wall seconds: on a busy machine they say
more than the wall clock does.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
MD045_ONLY = '{"config": {"default": false, "MD045": true}}\n'


def _find(tool: str) -> str | None:
    local = HERE / "peers" / "node_modules" / ".bin" / tool
    return str(local) if local.exists() else shutil.which(tool)


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted([*PROJECT.glob("src/**/*.py"), PROJECT / "pyproject.toml"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def install(venv: Path, extra: str | None = None) -> Path:
    """A venv with postcheck (and `extra`) installed from this checkout as a wheel, bytecode compiled; its python."""
    python = venv / "bin" / "python"
    stamp = venv / "postcheck-sources"
    digest = _sources_digest() + (f"[{extra}]" if extra else "")
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    print(f"installing postcheck into {venv} (non-editable, bytecode compiled)...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", f"{PROJECT}[{extra}]" if extra else str(PROJECT)],
        check=True,
        env=env,
    )
    subprocess.run([str(python), "-m", "compileall", "-q", str(venv / "lib")], check=False, env=env)
    stamp.write_text(digest)
    return python


def run_once(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, workers included) and peak RSS (MB, the largest process)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def import_ms(python: Path, module: str, repeat: int = 5) -> float:
    """Median cumulative import time of `module` in a fresh interpreter (python -X importtime), in ms."""
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [str(python), "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True
        )
        last = [line for line in out.stderr.splitlines() if line.rstrip().endswith(f"| {module}")][-1]
        times.append(int(last.split("|")[1]) / 1000)
    return statistics.median(times)


def version(command: list[str]) -> str:
    out = subprocess.run(command, capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().splitlines()[0]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} usable cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--linear", action="store_true", help="also time 10x the posts once")
    parser.add_argument("--jobs", type=int, default=None, help="postcheck --jobs (default: its own)")
    parser.add_argument("--venv", type=Path, default=None, help="default ~/.cache/postcheck-bench/venv[-EXTRA]")
    parser.add_argument("--extra", default=None, help="install postcheck with this extra (ocr: A107 reads images)")
    args = parser.parse_args()
    if args.venv is None:
        args.venv = Path.home() / ".cache" / "postcheck-bench" / ("venv-" + args.extra if args.extra else "venv")

    mdl = _find("markdownlint-cli2")
    if mdl is None:
        sys.exit("markdownlint-cli2 not found: npm install --prefix bench/peers markdownlint-cli2")
    python = install(args.venv, args.extra)
    postcheck = [str(python.parent / "postcheck"), "check"]  # the console script, as pre-commit and users run it
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    print(machine())
    print(f"{version([postcheck[0], '--version'])}; {version([mdl, '--help'])}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp) / "posts", args.posts)
        (folder / ".markdownlint-cli2.jsonc").write_text(MD045_ONLY)
        one = "post-00001.md"
        commands = {
            "markdownlint-cli2": [mdl, "**/*.md"],
            "postcheck cold": [*postcheck, ".", "--no-cache", "-q", *jobs],
            "postcheck warm": [*postcheck, ".", "-q", *jobs],
            "markdownlint-cli2 one post": [mdl, one],
            "postcheck one post": [*postcheck, "--force-exclude", one, "-q"],
            "postcheck one post, no cache": [*postcheck, "--force-exclude", one, "-q", "--no-cache"],
        }
        edits = iter(range(1_000_000))
        run_once(commands["postcheck warm"], folder)  # fills the cache the warm runs read
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        peak = 0
        for _ in range(args.repeat):
            for name, command in commands.items():
                if name == "postcheck one post":  # a changed file: its result is not in the cache
                    with open(folder / one, "a", encoding="utf-8") as post:
                        post.write(f"\nEdited {next(edits)} times.\n")
                elapsed, used, rss = run_once(command, folder)
                times[name].append(elapsed)
                cpu[name].append(used)
                if name == "postcheck cold":
                    peak = max(peak, rss)
        median = {name: statistics.median(values) for name, values in times.items()}
        median_cpu = {name: statistics.median(values) for name, values in cpu.items()}

        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"\n{args.posts} posts, median of {args.repeat} interleaved rounds (load average {load:.1f})")
        print(f"  {'':28} {'wall s':>8} {'CPU s':>8}")
        for name, value in median.items():
            print(f"  {name:28} {value:8.3f} {median_cpu[name]:8.3f}")
        base = median["markdownlint-cli2"]
        print("\nratios, wall (target)")
        print(f"  cold / markdownlint-cli2      {median['postcheck cold'] / base:6.2f}x  (<= 0.8x)")
        print(f"  warm / markdownlint-cli2      {median['postcheck warm'] / base:6.2f}x  (<= 0.2x)")
        single = median["postcheck one post"]
        print(
            f"  one post                      {single * 1000:6.0f} ms  (< 150 ms), "
            f"{single / median['markdownlint-cli2 one post']:.2f}x markdownlint-cli2 (< 1x)"
        )
        print(f"  one post, no cache            {median['postcheck one post, no cache'] * 1000:6.0f} ms")
        print(f"  peak RSS, cold                {peak:6d} MB  (< 400 MB)")
        typer_ms, argparse_ms = import_ms(python, "typer"), import_ms(python, "argparse")
        print(f"  import, typer (vendors click)  {typer_ms:6.0f} ms  (argparse {argparse_ms:.0f} ms)")

        if args.linear:
            big = make_corpus(Path(tmp) / "big", args.posts * 10)
            large, _, _ = run_once([*postcheck, ".", "--no-cache", "-q", *jobs], big)
            small, _, _ = run_once(commands["postcheck cold"], folder)
            print(f"  {args.posts * 10} posts / {args.posts}  {large / small:6.2f}x  (<= 11x; {large:.1f} s)")


if __name__ == "__main__":
    main()
