"""The bundled sample posts (the quick-start demo) report what they were written to show."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tests.conftest import FIXED_NOW, run_cli
from tests.test_readme import quick_start_demo

ROOT = Path(__file__).resolve().parents[1]

EXPECTED = {
    "bulk/december.csv": {"A107", "A201", "P105"},
    "posts/2026-12-03-mental-health.md": {"A102", "A201"},
    "posts/2026-12-04-share-bbc.md": {"D101"},
    "posts/2026-12-05-weekend-walk-in.md": {"P105", "L102"},
    "posts/2026-12-08-reply-rash.md": {"M104", "M105"},
    "posts/2026-12-09-long-thread.md": {"P101"},
    "posts/2026-12-10-ad.json": {"D103"},
    "posts/2026-12-11-volunteers.md": {"M101", "M103"},
    "posts/2026-12-15-fancy.md": {"A204", "A205"},
}


def test_sample_posts_show_their_problems_and_the_clean_ones_pass():
    run = run_cli("fixtures/posts", "--format", "json", "--now", FIXED_NOW, "--no-cache", cwd=ROOT)
    assert run.exit_code == 1
    found = defaultdict(set)
    for finding in run.json["findings"]:
        found[Path(finding["post"]["path"]).relative_to("fixtures/posts").as_posix()].add(finding["code"])
    from postcheck.media.ocr import engine_missing

    expected = {path: codes - ({"A107"} if engine_missing() else set()) for path, codes in EXPECTED.items()}
    assert dict(found) == expected
    assert run.json["summary"]["posts"] == 16


def test_text_output_points_at_file_line_and_column():
    run = run_cli("fixtures/posts", "--now", FIXED_NOW, "--no-cache", cwd=ROOT)
    assert "fixtures/posts/posts/2026-12-05-weekend-walk-in.md:5:41: L102 " in run.output


def test_readme_demo_pins_the_clock_so_it_shows_these_findings_every_year():
    args = quick_start_demo()
    assert args[args.index("--now") + 1] == FIXED_NOW  # the same clock as the test above, not today's
    run = run_cli(*args, "--format", "json", "--no-cache", cwd=ROOT)
    found = defaultdict(set)
    for finding in run.json["findings"]:
        found[Path(finding["post"]["path"]).relative_to("fixtures/posts").as_posix()].add(finding["code"])
    assert dict(found) == EXPECTED
