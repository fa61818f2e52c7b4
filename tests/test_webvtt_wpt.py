"""The web-platform-tests WebVTT file-parsing corpus: postcheck must read each file as browsers do.

Reads ../shared/data/webvtt-wpt (manifest.tsv, vtt/*.vtt); skipped when that folder is absent.
A file is right when: an `error` file raises A302 (refused); a `load` file is not refused and its cue count
equals `expected_cues`; a `load` file whose blocks browsers drop (webvtt-py keeps more cues, or the file has
`-->` lines outside cues) raises A302 at a line inside a dropped block.
"""

from __future__ import annotations

import csv
import re

import pytest

from postcheck.media import MediaError
from postcheck.media.captions import read_captions
from tests.conftest import SHARED, check_files

CORPUS = SHARED / "data" / "webvtt-wpt"
ROWS = list(csv.DictReader((CORPUS / "manifest.tsv").open(encoding="utf-8"), delimiter="\t")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not ROWS, reason=f"WebVTT conformance corpus not found at {CORPUS}")


def webvtt_py_alone(row: dict) -> bool:
    """Whether webvtt-py by itself (webvtt.read) reads one corpus file as browsers do."""
    import webvtt

    try:
        cues = len(webvtt.read(str(CORPUS / row["file"])).captions)
    except Exception:
        return row["expect"] == "error"
    return row["expect"] == "load" and (not row["expected_cues"] or cues == int(row["expected_cues"]))


def _webvtt_py_cues(text: str) -> int | None:
    import webvtt

    try:
        return len(webvtt.WebVTT.from_string(text).captions)
    except Exception:
        return None


def verdict(row: dict) -> tuple[bool, str]:
    """Whether postcheck reads one corpus file right, and why not."""
    path = CORPUS / row["file"]
    try:
        captions = read_captions(path)
    except MediaError as error:
        return row["expect"] == "error", f"unreadable: {error}"
    if row["expect"] == "error":
        return captions.rejected, "not refused"
    if captions.rejected:
        return False, f"refused: {captions.issues[0].message}"
    if row["expected_cues"] and len(captions.cues) != int(row["expected_cues"]):
        return False, f"{len(captions.cues)} cues, browsers show {row['expected_cues']}"
    lenient = _webvtt_py_cues(captions.text)
    if lenient is not None and lenient > len(captions.cues) and not captions.issues:
        return False, "cue blocks browsers drop were not reported"
    return True, ""


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["file"])
def test_corpus_file_is_read_as_browsers_read_it(row):
    right, why = verdict(row)
    assert right, why


def test_score_is_fifty_of_fifty():
    right = sum(verdict(row)[0] for row in ROWS)
    assert right == len(ROWS) == 50


def test_webvtt_py_alone_falls_short():
    """43/50 with webvtt-py 0.6.0: it takes WEBVTTfoo, a form feed, two BOMs, and cues with malformed timings."""
    assert sum(map(webvtt_py_alone, ROWS)) < len(ROWS)


def test_dropped_blocks_raise_a302_at_their_line(tmp_path):
    """timings-garbage.vtt: browsers show none of its cues; every A302 points at a broken timing line."""
    text = (CORPUS / "vtt" / "timings-garbage.vtt").read_text(encoding="utf-8")
    post = "---\nplatforms: [youtube]\nvideos:\n  - file: media/clip.mp4\n    captions: media/clip.vtt\n---\nWatch\n"
    from tests.video_factory import video_bytes

    run = check_files(
        tmp_path,
        {"post.md": post, "media/clip.mp4": video_bytes(tmp_path / "gen"), "media/clip.vtt": text},
        "--select",
        "A302",
    )
    lines = text.splitlines()
    findings = run.json["findings"]
    assert findings and all(f["code"] == "A302" for f in findings)
    shown = [f for f in findings if "more problems" not in f["message"]]
    assert all(re.search(r"-->|\d:\d", lines[f["line"] - 1]) for f in shown)
    assert all("dropped" in f["message"] or "ignored" in f["message"] for f in shown)


def test_every_error_file_raises_a302_through_the_cli(tmp_path):
    """A302, or F006 for the empty file (as for an empty image or video: F006's page)."""
    from tests.video_factory import video_bytes

    files = {"media/clip.mp4": video_bytes(tmp_path / "gen")}
    errors = [row for row in ROWS if row["expect"] == "error"]
    entries = ""
    for i, row in enumerate(errors):
        files[f"media/c{i}.vtt"] = (CORPUS / row["file"]).read_bytes()
        entries += f"      - media/c{i}.vtt\n"
    files["post.md"] = f"---\nplatforms: [youtube]\nvideos:\n  - file: media/clip.mp4\n    captions:\n{entries}---\nW\n"
    run = check_files(tmp_path, files, "--select", "A302,F006")
    findings = run.json["findings"]
    flagged = {f["path"].rsplit("/", 1)[-1] for f in findings if f["code"] == "A302"}
    flagged |= {re.search(r"c\d+\.vtt", f["message"])[0] for f in findings if f["code"] == "F006"}
    assert flagged == {f"c{i}.vtt" for i in range(len(errors))}
    assert sum(f["code"] == "F006" for f in findings) == sum(not files[f"media/c{i}.vtt"] for i in range(len(errors)))
