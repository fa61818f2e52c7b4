"""Whole-process timings of postcheck against peer linters on the same generated corpus.

    python bench/speed.py [--posts 1000] [--repeat 5]

Peers are run when found on PATH or in bench/peers/node_modules/.bin (install them with
`npm install --prefix bench/peers markdownlint-cli alex`): markdownlint (Markdown style), alex
(insensitive writing). They check less than postcheck does; the figure is what a pre-commit run costs.
"""

from __future__ import annotations

import argparse
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


def _find(tool: str) -> str | None:
    local = HERE / "peers" / "node_modules" / ".bin" / tool
    return str(local) if local.exists() else shutil.which(tool)


def timed(command: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """Median and minimum wall-clock seconds over `repeat` runs (after one warm-up)."""
    subprocess.run(command, cwd=cwd, capture_output=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp) / "posts", args.posts)
        commands = {
            "postcheck (all rules)": [sys.executable, "-m", "postcheck", "check", ".", "--no-cache", "-q"],
            "postcheck --select A2 (hashtags/text)": [
                sys.executable,
                "-m",
                "postcheck",
                "check",
                ".",
                "--select",
                "A2",
                "-q",
            ],
        }
        for name, tool, extra in [("markdownlint", "markdownlint", ["."]), ("alex", "alex", ["."])]:
            found = _find(tool)
            if found:
                commands[name] = [found, *extra]
            else:
                print(f"({name} not found: skipped)")
        print(f"{args.posts} posts, median of {args.repeat} runs, whole process")
        print(f"{'tool':40} {'median s':>9} {'min s':>7} {'posts/s':>8}")
        for name, command in commands.items():
            median, best = timed(command, folder, args.repeat)
            print(f"{name:40} {median:9.3f} {best:7.3f} {args.posts / median:8.0f}")


if __name__ == "__main__":
    main()
