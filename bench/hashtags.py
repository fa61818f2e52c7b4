"""Benchmark A201 (hashtag-not-camel-case) through the public CLI against gold hashtag segmentations.

Usage: python bench/hashtags.py [SET ...] [--data DIR] [--no-baseline]

Each hashtag of a set is lower-cased and written as one post (rows of a bulk-scheduling CSV), then
`postcheck check DIR --format json --select A201` runs once over the folder and its findings are mapped back.
Protocol (issue 4):
- a gold's word boundaries are compared on the hashtag's letters and digits, case-insensitively; boundaries next
  to a digit are ignored (`season 1 episode 2` has none left);
- with no A201 the hashtag stays as written (its only boundaries are its underscores); with A201 it becomes the
  suggestion; either is right when its boundaries equal a gold's, except that A201 on a one-word gold is wrong
  (so a one-word gold is right when no A201 is raised, `season 1 episode 2` either way);
- STAN sets accept any gold in `<set>_alts.tsv`;
- a wrong suggestion is an A201 that is not right (a wrong CamelCase fix is worse than none); "safe" counts the
  suggestions whose fix is safe (applied by --fix), "s.wrong" those of them that are wrong.
A second accuracy, "contractions whole", reads a gold's contraction endings as part of their word (`don t` as
`dont`): postcheck keeps `#DontGiveUp` whole on purpose, which BOUN's gold counts as wrong.
The baseline is plain wordsegment: capitalise each segment, no A201 when it gives one segment.
Data: ../shared/data/hashtags/ beside the repository (see its SOURCE.md); skipped cleanly when absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "hashtags"
DEV_SETS = ("boun_dev", "stan_large_dev", "stan_small", "stan_dev_celebi")
TEST_SETS = ("boun_test", "stan_large_test")
REPORT_SETS = ("hashset_manual",)
POSTS_PER_FILE = 100  # the CLI lists at most 100 findings of a code per file (engine.MAX_PER_CODE)
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def load_set(name: str, data: Path = DATA) -> list[tuple[str, list[str]]]:
    """(hashtag, golds) pairs of one data set; all accepted golds from `_alts.tsv` when there is one."""
    alts = data / f"{name}_alts.tsv"
    path = alts if alts.exists() else data / f"{name}.tsv"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0]:
            pairs.append((cells[0], [g for g in cells[1:] if g.strip()]))
    return pairs


def camel_words(tag: str) -> list[str]:
    """Words of a CamelCase hashtag (without `#`): case changes, digit runs and underscores split it."""
    return [w for part in tag.split("_") for w in _CAMEL.findall(part)]


def boundaries(words: list[str]) -> frozenset[int]:
    """Word boundaries as offsets in the joined letters and digits, minus those next to a digit."""
    chars = "".join(re.sub(r"[^0-9A-Za-z]", "", w) for w in words)
    found, at = set(), 0
    for word in words[:-1]:
        at += len(re.sub(r"[^0-9A-Za-z]", "", word))
        if 0 < at < len(chars) and not (chars[at - 1].isdigit() or chars[at].isdigit()):
            found.add(at)
    return frozenset(found)


def contractions_whole(gold: str) -> str:
    """A gold with each contraction's ending joined to its word: "don t give up" -> "dont give up"."""
    return re.sub(r"(?<=[A-Za-z]) (?=(?:t|s|m|d|ll|re|ve)(?: |$))", "", gold, flags=re.IGNORECASE)


def judge(tag: str, golds: list[str], suggestion: str | None) -> bool:
    """Whether A201's outcome on `tag` (its suggestion without `#`, or None for no finding) is right for any gold.

    With no finding the hashtag stays as written, so its only word boundaries are its underscores.
    """
    final = boundaries(camel_words(suggestion if suggestion is not None else tag.lower()))
    for gold in golds:
        words = gold.split()
        if final == boundaries(words) and (suggestion is None or len(words) > 1):
            return True
    return False


def baseline(tag: str) -> str | None:
    """Plain wordsegment: capitalise each segment; None when it gives one segment."""
    import wordsegment

    if not wordsegment.UNIGRAMS:
        wordsegment.load()
    words = wordsegment.segment(tag)
    if len(words) < 2:
        return None
    return "".join(w[:1].upper() + w[1:] for w in words)


def write_posts(folder: Path, tags: list[str]) -> dict[tuple[str, int], int]:
    """Sprout Social CSV files with one post per hashtag; maps (file name, row) -> index in `tags`."""
    where = {}
    for n in range(0, len(tags), POSTS_PER_FILE):
        name = f"posts-{n // POSTS_PER_FILE:03d}.csv"
        with open(folder / name, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["date", "time_24hr", "message_text"])
            for i, tag in enumerate(tags[n : n + POSTS_PER_FILE]):
                out.writerow(["", "", f"Read more #{tag}"])
                where[(name, i + 2)] = n + i
    (folder / "postcheck.toml").write_text('platforms = ["x"]\n', encoding="utf-8")
    return where


def run_cli(tags: list[str]) -> tuple[list[str | None], list[bool], float]:
    """A201's suggestion per hashtag (None when no finding), whether its fix is safe, and the CLI run's wall time."""
    with tempfile.TemporaryDirectory(prefix="postcheck-bench-") as tmp:
        folder = Path(tmp)
        where = write_posts(folder, tags)
        cli = [shutil.which("postcheck")] if shutil.which("postcheck") else [sys.executable, "-m", "postcheck"]
        command = [*cli, "check", ".", "--format", "json", "--select", "A201", "--no-cache"]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise SystemExit(f"postcheck failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
        suggestions: list[str | None] = [None] * len(tags)
        safe = [False] * len(tags)
        for finding in json.loads(done.stdout)["findings"]:
            row = finding.get("post", {}).get("row") or finding["line"]
            index = where.get((Path(finding["path"]).name, row))
            if index is not None and finding.get("suggestion"):
                suggestions[index] = finding["suggestion"].lstrip("#")
                safe[index] = (finding.get("fix") or {}).get("applicability") == "safe"
    return suggestions, safe, elapsed


Scores = tuple[float, int, int, float, int, int]


def score(pairs: list[tuple[str, list[str]]], suggestions: list[str | None], safe: list[bool] | None = None) -> Scores:
    """(accuracy, wrong suggestions, suggestions made, accuracy with contractions whole, safe fixes, wrong ones)."""
    right = wrong = made = whole = safe_made = safe_wrong = 0
    for i, ((tag, golds), suggestion) in enumerate(zip(pairs, suggestions, strict=True)):
        ok = judge(tag, golds, suggestion)
        right += ok
        made += suggestion is not None
        wrong += suggestion is not None and not ok
        whole += ok or judge(tag, [contractions_whole(g) for g in golds], suggestion)
        if safe and safe[i]:
            safe_made += 1
            safe_wrong += not ok
    return right / len(pairs), wrong, made, whole / len(pairs), safe_made, safe_wrong


def print_row(name: str, n: int | str, system: str, scores: Scores, rate: float) -> None:
    accuracy, wrong, made, whole, safe_made, safe_wrong = scores
    print(
        f"{name:<18} {n:>6} {system:<12} {accuracy:>8.3f} {wrong:>6} {made:>6} {rate:>8.0f} {whole:>7.3f} "
        f"{safe_made:>6} {safe_wrong:>7}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help=f"data sets (default: {' '.join(DEV_SETS + TEST_SETS)})")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-baseline", action="store_true", help="skip plain wordsegment")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no hashtag data at {args.data}")
        return 0
    names = args.sets or list(DEV_SETS + TEST_SETS)
    print(
        f"{'set':<18} {'n':>6} {'system':<12} {'accuracy':>8} {'wrong':>6} {'A201':>6} {'tags/s':>8} {'contr.':>7} "
        f"{'safe':>6} {'s.wrong':>7}"
    )
    for name in names:
        pairs = load_set(name, args.data)
        tags = [tag.lower() for tag, _ in pairs]
        suggestions, safe, elapsed = run_cli(tags)
        print_row(name, len(tags), "postcheck", score(pairs, suggestions, safe), len(tags) / elapsed)
        if not args.no_baseline:
            started = time.perf_counter()
            base = [baseline(tag) for tag in tags]
            print_row("", "", "wordsegment", score(pairs, base), len(tags) / (time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
