"""A107's OCR: time per 1080x1080 poster (cold and cached), memory, and accuracy on the generated test set.

    python bench/ocr.py [--images 20] [--runs 100,1000] [--run-jobs 1,0]

Cold: each poster read by the engine (loaded once beforehand; its import and start-up are reported apart).
Warm: the same posters again through the disk cache in .postcheck_cache, as a second `postcheck check` reads
them (the in-process memo emptied first), with the coverage of an alt text computed as the rule does.
Accuracy: every sample of tests/poster_factory.py with every alt text, judged with the default thresholds.
Whole runs: `postcheck check --no-cache --select A107` over 100 and 1,000 posts, each with a poster of its own,
in one process (--jobs 1) and with postcheck's default pool (0 here): wall and CPU seconds (workers included),
the peak resident set of the largest process (as the kernel counts it) and the peak of the sum over the process
and its workers, sampled every 50 ms, both as resident sets (pages a worker shares with the parent counted in
each) and as proportional sets (shared pages split between the processes that share them).
Needs the `ocr` extra (pip install 'postcheck[ocr]').
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.poster_factory import NHS_BLUE, SAMPLES, _poster, cases  # noqa: E402

PALETTE = [NHS_BLUE, (0, 48, 135), (0, 150, 57), (125, 33, 85), (218, 41, 28), (51, 51, 51)]
WORDS = ["Flu clinics", "Covid boosters", "Blood pressure checks", "Stop smoking service", "Pharmacy First"]
DAYS = ["Monday to Friday", "Weekends only", "Tuesdays and Thursdays", "Every day this week"]


def posters(folder: Path, count: int) -> list[Path]:
    """`count` different 1080x1080 posters: headline, days, hours and a line of small print."""
    made = []
    for i in range(count):
        lines = [
            (WORDS[i % len(WORDS)], 96),
            (DAYS[i % len(DAYS)], 72),
            (f"{8 + i % 3}am to {4 + i % 4}pm", 72),
            (f"Ask at reception, room {i + 1}", 44),
        ]
        path = folder / f"poster-{i:03}.png"
        _poster(path, lines, bg=PALETTE[i % len(PALETTE)], font_index=i)
        made.append(path)
    return made


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, []))
    return found


def _memory(pid: int) -> tuple[int, int]:
    """Resident and proportional set of one process, in kB (0, 0 once it has gone)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0, 0
    values = {line.split(":")[0]: int(line.split()[1]) for line in rollup[1:] if line.split()[-1] == "kB"}
    return values.get("Rss", 0), values.get("Pss", 0)


def whole_run(folder: Path, paths: list[str], jobs: int) -> tuple[float, float, float, float, float]:
    """`postcheck check` over `paths`: wall s, CPU s, peak MB of the largest process, peak MB of the summed
    resident and of the summed proportional sets."""
    command = [sys.executable, "-m", "postcheck", "check", *paths, "--no-cache", "--select", "A107", "-q"]
    command += ["--jobs", str(jobs)] if jobs else []
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rss_sum = pss_sum = 0
    while True:
        done, _, usage = os.wait4(process.pid, os.WNOHANG)  # the usage of this run alone, its workers included
        if done:
            break
        sizes = [_memory(pid) for pid in _tree(process.pid)]
        rss_sum, pss_sum = max(rss_sum, sum(r for r, _ in sizes)), max(pss_sum, sum(p for _, p in sizes))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, rss_sum / 1024, pss_sum / 1024


def whole_runs(folder: Path, counts: list[int], jobs_list: list[int]) -> None:
    """The whole-run figures over `counts` posts, each with a distinct poster, for each of `jobs_list`."""
    largest = max(counts)
    print(f"\nwhole runs (postcheck check --no-cache --select A107), making {largest} posters...", flush=True)
    (folder / "postcheck.toml").write_text("")
    media = folder / "media"
    media.mkdir()
    made = posters(media, largest)
    bounds = sorted(set(counts))
    for index, path in enumerate(made):
        part = folder / f"part-{next(i for i, bound in enumerate(bounds) if index < bound)}"
        part.mkdir(exist_ok=True)
        post = "---\nplatforms: [x]\n---\nCome to the clinic.\n\n![Clinic poster](../media/{})\n"
        (part / f"post-{index:04}.md").write_text(post.format(path.name))
    print("   posts  jobs   wall s    CPU s  largest MB  sum RSS MB  sum PSS MB")
    for count in counts:
        parts = [f"part-{i}" for i, bound in enumerate(bounds) if bound <= count]
        for jobs in jobs_list:
            wall, cpu, peak, rss, pss = whole_run(folder, parts, jobs)
            print(
                f"  {count:6} {jobs or 'pool':>5} {wall:8.1f} {cpu:8.1f} {peak:11.0f} {rss:11.0f} {pss:11.0f}",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=20, help="posters to time (default 20)")
    parser.add_argument("--runs", default="100,1000", help="posts (each with its own poster) of the whole runs")
    parser.add_argument("--run-jobs", default="1,0", help="--jobs of the whole runs; 0: postcheck's default")
    args = parser.parse_args()

    from postcheck.config import SCHEMA
    from postcheck.media import ocr

    reason = ocr.engine_missing()
    if reason:
        sys.exit(f"bench/ocr.py: {reason}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        images = posters(folder, args.images)
        start = time.perf_counter()
        ocr._rapidocr()
        startup = time.perf_counter() - start

        cold, cold_cpu = [], []
        for path in images:
            wall, cpu = time.perf_counter(), time.process_time()
            ocr._read(path)
            cold.append(time.perf_counter() - wall)
            cold_cpu.append(time.process_time() - cpu)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        cache = folder / ".postcheck_cache"
        for path in images:
            ocr.read_image_text(path, cache)  # fill the disk cache
        walls, cpus = [], []
        for _ in range(5):  # median of 5 passes: one pass is a few milliseconds, at the mercy of the scheduler
            ocr._seen.clear()
            start, cpu = time.perf_counter(), time.process_time()
            for path in images:
                ocr.alt_coverage(ocr.read_image_text(path, cache), "Poster with the clinic's opening times")
            walls.append((time.perf_counter() - start) / len(images))
            cpus.append((time.process_time() - cpu) / len(images))
        warm, warm_cpu = statistics.median(walls), statistics.median(cpus)

        for sample in SAMPLES:
            sample.draw(folder / f"{sample.name}.png")
        texts = {s.name: ocr.read_image_text(folder / f"{s.name}.png") for s in SAMPLES}

    options = SCHEMA["image-text"]
    min_words, min_coverage = options["min-words"][1], options["min-coverage"][1]
    results = []
    for sample, alt, fires in cases():
        coverage = ocr.alt_coverage(texts[sample.name], alt)
        flagged = coverage.distinct >= min_words and coverage.share < min_coverage
        results.append((fires, flagged, coverage.share, coverage.distinct))
    true_pos = sum(1 for fires, flagged, *_ in results if fires and flagged)
    recall = true_pos / max(1, sum(1 for fires, *_ in results if fires))
    precision = true_pos / max(1, sum(1 for _, flagged, *_ in results if flagged))
    conveyed = [share for fires, _, share, words in results if not fires and words >= min_words]
    missing = [share for fires, _, share, _ in results if fires]

    print(f"engine import and start-up: {startup * 1000:.0f} ms (once per run that reads an image)")
    print(f"cold OCR per 1080x1080 poster: median {statistics.median(cold) * 1000:.0f} ms wall, ")
    print(f"  {statistics.median(cold_cpu) * 1000:.0f} ms CPU (both cores), over {len(images)} posters")
    print(f"warm (cached) per image, coverage included: {warm * 1000:.2f} ms wall, {warm_cpu * 1000:.2f} ms CPU")
    print(f"peak memory after OCR: {rss:.0f} MB")
    print(f"test set: {len(SAMPLES)} images, {len(results)} image/alt pairs")
    print(f"  recall {recall:.3f}, precision {precision:.3f} (min-words {min_words}, min-coverage {min_coverage})")
    print(f"  share conveyed: lowest of alts that convey the text {min(conveyed):.2f}, ")
    print(f"  highest of alts that do not {max(missing):.2f}")
    if args.runs:
        with tempfile.TemporaryDirectory() as temp:
            counts = sorted(int(n) for n in args.runs.split(","))
            whole_runs(Path(temp), counts, [int(n) for n in args.run_jobs.split(",")])


if __name__ == "__main__":
    main()
