"""Benchmark the HTML report at a month's scale: 1,000 posts with images, opened in headless Chromium.

    python bench/report.py [POSTS] [--keep FOLDER]

Prints the report's size, first paint, DOMContentLoaded, and the time from a search keystroke or a filter change
to the next frame. Needs Debian's chromium and `pip install websocket-client` (as the browser tests do).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import make_corpus  # noqa: E402

PLATFORM_SETS = ["[x, facebook]", "[instagram, facebook]", "[x, linkedin]", "[instagram]", "[x, mastodon, bluesky]"]
ALTS = ["Poster with the clinic's opening times", "", "image", "A nurse gives a flu vaccine to an older man"]


def poster(path: Path, number: int, rng: random.Random) -> None:
    """A 1080 x 1080 poster with a few lines of text, different for each number."""
    from PIL import Image, ImageDraw

    colour = tuple(rng.randrange(0, 160) for _ in range(3))
    image = Image.new("RGB", (1080, 1080), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 1040, 1040), outline=(255, 255, 255), width=12)
    for line, words in enumerate(("Flu clinic", f"Poster {number}", "Book today", "nhs.uk/flu")):
        draw.text((100, 140 + line * 180), words, fill=(255, 255, 255), font_size=110)
    image.save(path, "PNG")


def make_report_corpus(folder: Path, count: int = 1000, pictures: int = 50, seed: int = 1) -> Path:
    """bench/corpus.py's posts, each with one of `pictures` distinct posters, on varied platforms."""
    rng = random.Random(seed)
    make_corpus(folder, count, seed)
    (folder / "media").mkdir(exist_ok=True)
    for number in range(pictures):
        poster(folder / "media" / f"poster-{number:02d}.png", number, rng)
    for index, post in enumerate(sorted(folder.glob("post-*.md"))):
        text = post.read_text(encoding="utf-8")
        alt = rng.choice(ALTS)
        image = f"images:\n  - file: media/poster-{index % pictures:02d}.png\n" + (f"    alt: {alt}\n" if alt else "")
        if index % 7 == 0:  # some long posts, over X's 280
            text = text.replace("# Post\n\n", "# Post\n\n" + "Our winter services are busy. " * 9)
        text = text.replace("platforms: [x, facebook]\n", f"platforms: {rng.choice(PLATFORM_SETS)}\n" + image, 1)
        post.write_text(text, encoding="utf-8")
    return folder


def measure(page: Path) -> dict[str, float]:
    """Open the report in headless Chromium and time it (milliseconds)."""
    from tests.browser import Browser

    browser = Browser()
    try:
        browser.open(page)
        timing = browser.js(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " const p = performance.getEntriesByType('paint');"
            " const first = p.find(e => e.name === 'first-paint') || p[0];"
            " return {paint: first ? first.startTime : -1, dcl: n.domContentLoadedEventEnd,"
            " load: n.loadEventEnd, nodes: document.getElementsByTagName('*').length}; })()"
        )
        step = (
            "(async (change) => { const t = performance.now(); change();"
            " await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));"
            " return performance.now() - t; })"
        )
        keystrokes = []
        for typed in ("f", "fl", "flu", "flu ", "flu j", "flu ja", "flu jab", ""):
            keystrokes.append(
                browser.js(
                    f"{step}(() => {{ const q = document.getElementById('f-q'); q.value = {typed!r};"
                    " q.dispatchEvent(new Event('input', {bubbles: true})); })"
                )
            )
        filters = []
        for facet, value in (("rule", "A101"), ("platform", "instagram"), ("severity", "error"), ("status", "")):
            filters.append(
                browser.js(
                    f"{step}(() => {{ const s = document.getElementById('f-{facet}'); s.value = {value!r};"
                    " s.dispatchEvent(new Event('input', {bubbles: true})); })"
                )
            )
        back = browser.js(f"{step}(() => document.getElementById('f-clear').click())")
        return {
            "first paint": timing["paint"],
            "DOMContentLoaded": timing["dcl"],
            "load": timing["load"],
            "DOM nodes": timing["nodes"],
            "keystroke (median)": statistics.median(keystrokes),
            "keystroke (max)": max(keystrokes),
            "filter change (max)": max(filters),
            "back to all": back,
        }
    finally:
        browser.close()


def main(argv: list[str]) -> None:
    from typer.testing import CliRunner

    from postcheck.cli import app

    count = int(argv[0]) if argv and argv[0].isdigit() else 1000
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    with tempfile.TemporaryDirectory() as temporary:
        folder = keep or Path(temporary) / "posts"
        make_report_corpus(folder, count)
        page = folder.parent / "report.html"
        started = time.perf_counter()
        CliRunner().invoke(
            app, ["check", str(folder), "--html", str(page), "--no-cache", "--now", "2027-01-15T12:00:00Z"]
        )
        built = time.perf_counter() - started
        size = page.stat().st_size
        figures = measure(page)
    print(f"{count} posts, 50 distinct posters: report {size / 1e6:.2f} MB, written in {built:.1f} s (the whole check)")
    for name, value in figures.items():
        unit = "" if name == "DOM nodes" else " ms"
        print(f"  {name}: {value:.0f}{unit}")


if __name__ == "__main__":
    main(sys.argv[1:])
