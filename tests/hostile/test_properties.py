"""Property tests over generated post bodies and caption files: never a traceback, findings bounded per code, and
work that grows linearly with the input (n against 4n within one run: a shape, not a speed)."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postcheck.config import load_config
from postcheck.engine import MAX_PER_CODE, Options, run
from postcheck.media.captions import parse_captions
from tests.hostile.test_hangs_memory import LINEAR, grows_linearly

POST_PIECES = [
    "![", "](", "![a](b.png)", "<!--", "-->", "<!-- postcheck: ignore A201 campaign -->", "#", "#flujab", "@nhs",
    "http://", "https://nhs.uk/a", "bit.ly/x", "[", "]", "(", ")", "<", ">", "\n", "\r\n", "\r", "---", "\x1b[2J",
    "\u202e", "\u200d", "😀", "👩‍⚕️", "&#", "&amp;", "café", "CALL NOW", " ", "\t", ":", "`", "*", "_", "\\", '"', "'",
    "01632 960001", "a@b.com", "SW1A 1AA", "damn", "0", "9" * 30, "\ufeff", "\u3002",
]  # fmt: skip
CAPTION_PIECES = [
    "WEBVTT", "\n", "\n\n", "\r\n", "-->", " --> ", "00:00.000", "00:00:01,500", "99:59:59.999", "1" * 40, ":", ".",
    ",", "<b>", "</b>", "<i", "<font ", "<c.x>", "<00:00:00.500>", "&lt;", "&", "NOTE", "STYLE", "REGION", "align:",
    "line:0", "position:", "Hello", "😀", "\x00", "\ufeff", "-", "1", " ",
]  # fmt: skip
pieces = lambda alphabet: st.one_of(st.sampled_from(alphabet), st.text(max_size=4))  # noqa: E731
post_bodies = st.lists(pieces(POST_PIECES), max_size=120).map("".join)
caption_texts = st.lists(pieces(CAPTION_PIECES), max_size=160).map("".join)
# Deterministic (derandomize) and leaving no example database behind: the suite must give the same answer each run.
SLOW_OK = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("properties")


def _findings(folder, name: str, text: str) -> list:
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return run([str(path)], load_config(None), Options(cache=False)).findings


@settings(SLOW_OK, max_examples=40)
@given(body=post_bodies, front=st.sampled_from(["", "---\nplatforms: [x, bluesky]\n---\n", "---\n"]))
def test_any_markdown_post_is_checked_without_a_traceback_and_with_bounded_findings(folder, body, front):
    counts = Counter(f.code for f in _findings(folder, "p.md", front + body))
    assert all(n <= MAX_PER_CODE + 1 for n in counts.values())


@settings(SLOW_OK, max_examples=25)
@given(body=post_bodies)
def test_any_post_text_in_yaml_json_and_csv_is_checked_without_a_traceback(folder, body):
    import json

    quoted = body.replace('"', '""')
    for name, text in {
        "p.json": json.dumps({"text": body, "platforms": ["x"]}),
        "p.yaml": "text: " + json.dumps(body) + "\n",
        "p.csv": f'date,time_24hr,message_text\n01/12/2026,09:30,"{quoted}"\n',
    }.items():
        counts = Counter(f.code for f in _findings(folder, name, text))
        assert all(n <= MAX_PER_CODE + 1 for n in counts.values())


@settings(SLOW_OK, max_examples=150)
@given(text=caption_texts, format=st.sampled_from(["vtt", "srt", "sbv"]))
def test_any_caption_file_parses_without_a_traceback(text, format):
    captions = parse_captions(text, format)
    for cue in captions.cues:
        assert cue.start <= cue.end or cue.end < cue.start  # numbers, never NaN
        assert isinstance(cue.plain_text, str) and isinstance(cue.lines, list)


@settings(SLOW_OK, max_examples=6)
@given(piece=st.lists(pieces(POST_PIECES), min_size=1, max_size=4).map("".join).filter(lambda s: s.strip("\r\n")))
def test_checking_a_post_grows_linearly_with_its_length(tmp_path_factory, piece):
    folder = tmp_path_factory.mktemp("linear")
    make = lambda n: "---\nplatforms: [x]\n---\n" + piece * max(1, n // len(piece))  # noqa: E731
    linear, small, large = grows_linearly(folder, "p.md", make, 2_000)
    assert linear, f"{piece!r}: {small:.3f} s for 2 KB, {large:.3f} s for 8 KB"


@settings(SLOW_OK, max_examples=8)
@given(
    piece=st.lists(pieces(CAPTION_PIECES), min_size=1, max_size=4).map("".join).filter(bool),
    format=st.sampled_from(["vtt", "srt"]),
)
def test_parsing_captions_grows_linearly_with_their_length(piece, format):
    head = {"vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n", "srt": "1\n00:00:00,000 --> 00:00:02,000\n"}[format]

    def seconds(n: int) -> float:
        text = head + piece * max(1, n // len(piece))
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for cue in parse_captions(text, format).cues:
                cue.plain_text  # noqa: B018 - the tag reading is part of the work
            best = min(best, time.perf_counter() - start)
        return best

    seconds(500)
    small, large = seconds(10_000), seconds(40_000)
    assert large <= LINEAR * small + 0.02, f"{piece!r}: {small:.4f} s for 10 KB, {large:.4f} s for 40 KB"
