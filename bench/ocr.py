"""A107's OCR: time per 1080x1080 poster (cold and cached), memory, and accuracy on the generated test set.

    python bench/ocr.py [--images 20]

Cold: each poster read by the engine (loaded once beforehand; its import and start-up are reported apart).
Warm: the same posters again through the disk cache in .postcheck_cache, as a second `postcheck check` reads
them (the in-process memo emptied first), with the coverage of an alt text computed as the rule does.
Accuracy: every sample of tests/poster_factory.py with every alt text, judged with the default thresholds.
Needs the `ocr` extra (pip install 'postcheck[ocr]').
"""

from __future__ import annotations

import argparse
import resource
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=20, help="posters to time (default 20)")
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


if __name__ == "__main__":
    main()
