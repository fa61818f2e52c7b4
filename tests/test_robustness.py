"""Mangled posts never crash postcheck: every file gets findings or nothing, never an internal error."""

from __future__ import annotations

import os
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


HOSTILE = {
    "deep.json": '{"text": "Hi", "x": ' + "[" * 1000 + "]" * 1000 + "}",
    "escape.md": "Book now \x1b]0;pwned\x07 #flujab \x1b[8mhidden\x1b[0m\n",
    "images.md": "![" * 5000 + "![a](" * 2000 + "<!--" * 2000,
    "media.md": (
        "---\nplatforms: [x]\nimages:\n  - {file: media/loop.png, alt: Clinic hours}\n"
        "  - {file: media/dir.jpg, alt: x}\n"
        "  - {file: media/pipe.png, alt: Clinic}\nvideos: [{file: media/v.mp4}]\n---\nHi\n"
    ),
    "media/v.vtt": "WEBVTT\n\n00:00.000 --> " + "9" * 400 + ":00:00.000\nHello <font " * 500 + "\n",
    "bulk.csv": "date,time_24hr,message_text\n" + "01/12/2026,09:30,a\n" * 5001,
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="links and FIFOs are POSIX here")
@pytest.mark.parametrize("args", [(), ("--html", "report.html", "-j", "2"), ("--fix", "--unsafe-fixes")])
def test_the_hostile_corpus_of_issue_12_gives_findings_and_damages_nothing(tmp_path, args):
    for name, text in {"postcheck.toml": "", **HOSTILE}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "media" / "loop.png").symlink_to("loop2.png")
    (tmp_path / "media" / "loop2.png").symlink_to("loop.png")
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    (tmp_path / "media" / "dir.jpg").mkdir()
    os.mkfifo(tmp_path / "media" / "pipe.png")
    (tmp_path / "media" / "v.mp4").write_bytes(b"\0\0\0\x18ftypmp42" + bytes(64))
    before = {
        p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink() and p.suffix != ".md"
    }
    run = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--no-cache", *args, cwd=tmp_path)
    assert run.exit_code == 1 and "internal error" not in run.stderr, run.stderr
    assert {"F001", "F005", "F006"} <= set(run.codes)
    assert {p: p.read_bytes() for p in before} == before
