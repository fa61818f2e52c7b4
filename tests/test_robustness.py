"""Mangled posts never crash postcheck: every file gets findings or nothing, never an internal error."""

from __future__ import annotations

import random

import pytest

from tests.conftest import FIXED_NOW, run_cli

SEEDS = {
    "post.md": (
        "---\nplatforms: [x, bluesky]\npublish_at: 2026-12-01T09:30:00+00:00\nkind: share\n"
        "source: https://x.com/a/status/1\nimages:\n  - file: media/a.png\n    alt: Poster of the clinic\n"
        "videos:\n  - file: media/v.mp4\n    captions: [media/v.vtt]\npostcheck:\n  ignore: {A201: campaign}\n"
        "---\nBook your #flujab at https://www.nhs.uk/flu 🎉 call 01632 960001\n![Clinic times](media/b.png)\n"
        "<!-- postcheck: ignore A202 reason -->\n"
    ),
    "post.yaml": "text: |\n  Hello #flujab https://nhs.uk\nplatforms: [x]\nimages:\n  - {file: a.png, alt: 'A'}\n",
    "post.json": '{"text": "Caf\\u00e9 #flujab", "platforms": ["x"], "images": [{"file": "a.png", "alt": "x"}]}',
    "bulk.csv": (
        "date,time_24hr,message_text,link_url,image_url,image_alt_text\n"
        '01/12/2026,09:30,"Hello ""you"" #flujab",https://nhs.uk,media/a.png,Clinic times\n'
    ),
}


def _mangle(text: str, rng: random.Random) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        at = rng.randrange(len(data) + 1)
        if choice < 0.3 and data:
            del data[at : at + rng.randint(1, 8)]  # cut
        elif choice < 0.6:
            data[at:at] = bytes(rng.choice(b"-:[]{}\"',\n\r\t#@!\\|>*&%\x00\xff\xc3") for _ in range(rng.randint(1, 4)))
        elif data:
            data[at : at + 1] = data[rng.randrange(len(data)) : rng.randrange(len(data)) + 3]  # shuffle a piece
    if rng.random() < 0.1:
        data = data[: rng.randrange(len(data) + 1)]  # truncate
    return bytes(data)


@pytest.mark.parametrize("seed", range(5))
def test_mangled_posts_give_findings_not_crashes(tmp_path, seed):
    rng = random.Random(seed)
    (tmp_path / "postcheck.toml").write_text('[links]\napproved = ["nhs.uk"]\n')
    media = tmp_path / "media"
    media.mkdir()
    (media / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(64)))
    (media / "v.mp4").write_bytes(bytes(rng.randrange(256) for _ in range(256)))
    (media / "v.vtt").write_bytes(_mangle("WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", rng))
    for name, text in SEEDS.items():
        stem, suffix = name.split(".")
        for i in range(25):
            (tmp_path / f"{stem}-{i}.{suffix}").write_bytes(_mangle(text, rng))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    run = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    assert run.exit_code in (0, 1), run.stderr
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr
    assert run.json["summary"]["files"] >= 50
    assert {p: p.read_bytes() for p in before} == before  # checking never writes a user's file


@pytest.mark.parametrize("seed", range(3))
def test_fix_on_mangled_posts_is_idempotent(tmp_path, seed):
    rng = random.Random(100 + seed)
    (tmp_path / "postcheck.toml").write_text("")
    for name, text in SEEDS.items():
        stem, suffix = name.split(".")
        for i in range(10):
            (tmp_path / f"{stem}-{i}.{suffix}").write_bytes(_mangle(text, rng))
    first = run_cli(".", "--fix", "--unsafe-fixes", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    assert first.exit_code in (0, 1) and "internal error" not in first.stderr
    after = {p: p.read_bytes() for p in tmp_path.glob("*.*")}
    second = run_cli(".", "--fix", "--unsafe-fixes", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    assert "Fixed" not in second.output
    assert {p: p.read_bytes() for p in after} == after
