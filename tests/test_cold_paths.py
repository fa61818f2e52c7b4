"""The cold-run shortcuts (issue 11) must not change what is reported: A205's skipping of lower-case words, config
values as plain attributes, per-post and per-run memos of platforms and limits, A105's lazy image keys. No timings
here: bench/speed.py measures them."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from pathlib import Path

from postcheck.config import SCHEMA, Section, load_config
from postcheck.context import Context
from postcheck.loaders import load_posts
from postcheck.model import Field, Post, Problem, Source
from postcheck.rules.hashtags import _WORD, WRITTEN_IN_CAPITALS, _blanked, _words, shouting_caps
from postcheck.rules.media_limits import platform_limits, post_limits
from postcheck.text.hashtags import code_ranges, find_hashtags, lexicon_keys
from postcheck.text.platforms import Measure, limits, measure
from tests.conftest import write

ROOT = Path(__file__).resolve().parents[1]


def _context(tmp_path: Path, toml: str = "") -> Context:
    (tmp_path / "postcheck.toml").write_text(toml, encoding="utf-8")
    config = load_config(tmp_path / "postcheck.toml")
    return Context(config=config, root=tmp_path, now=datetime(2026, 11, 24, 12, tzinfo=UTC))


def _post(text: str, path: Path = Path("/posts/p.md"), meta: dict | None = None) -> Post:
    source = Source(path, text)
    return Post(
        source=source,
        display_path=path.name,
        format="markdown",
        text=Field.verbatim(source, 0, len(text)),
        meta=meta or {},
    )


# --- A205 -----------------------------------------------------------------------------------------------------


def _shouting_reference(post: Post, ctx: Context) -> list[Problem]:
    """A205 as it was: every word judged, whether or not a run of capitals is going."""
    text = post.text.value
    if not re.search(r"[A-Z]{2}", text) and text.isascii():
        return []
    masked_text = _blanked(text, find_hashtags(text), code_ranges(text))
    acronyms = lexicon_keys(_words(ctx)) | WRITTEN_IN_CAPITALS
    found: list[Problem] = []
    run: list[re.Match] = []

    def shouted() -> None:
        if len(run) >= 3:
            words = " ".join(text[run[0].start() : run[-1].end()].split())
            found.append(
                Problem(
                    f"{len(run)} words in capitals ('{words}'): capitals are harder to "
                    "read and screen readers may spell them out; use sentence case",
                    post.text.span(run[0].start(), run[-1].end()),
                )
            )

    for m in _WORD.finditer(masked_text):
        word = m.group()
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 2 or word.lower().replace("'", "") in acronyms:
            continue
        if word.isupper():
            run.append(m)
        else:
            shouted()
            run = []
    shouted()
    return found


SHOUTY = [
    "BOOK",
    "NOW",
    "FREE",
    "FLU",
    "JAB",
    "NHS",
    "GP",
    "A",
    "I'M",
    "O'K",
    "A'B",
    "OK",
    "DON'T",
    "FREEPOST",
    "ÉTÉ",
    "ŒUVRE",
    "Ⅻ",
    "X²",
    "ǅ",
    "ß",
    "Straße",
    "clinic",
    "open",
    "Today",
    "iPhone",
    "e.g.",
    "#FLUJAB",
    "#StayWell",
    "@NHSEngland",
    "https://WWW.NHS.UK/FLU",
    "`CODE HERE NOW`",
    "2026",
    "10AM",
    "—",
    "\n",
    "WINTER'S",
    "ＮＨＳ",
]


def test_a205_finds_what_judging_every_word_found(tmp_path):
    ctx = _context(tmp_path)
    texts = [
        post.text.value for path in sorted((ROOT / "fixtures").rglob("*.md")) for post in load_posts(path, "p", True)
    ]
    rng = random.Random(205)
    texts += ["Aא Bב Cג", "see Aא Bב Cג here", "GO UP ON", "I'M O'K A'B", "ÉTÉ ÉTÉ ÉTÉ"]  # the fewest capitals
    ascii_words = [word for word in SHOUTY if word.isascii()]
    for _ in range(3000):
        texts.append(" ".join(rng.choice(SHOUTY) for _ in range(rng.randint(1, 14))))
        texts.append(" ".join(rng.choice(ascii_words) for _ in range(rng.randint(1, 8))))
    assert any(_shouting_reference(_post(text), ctx) for text in texts)  # the texts do shout, now and then
    for text in texts:
        post = _post(text)
        new = [(p.message, p.span) for p in shouting_caps(post, ctx)]
        assert new == [(p.message, p.span) for p in _shouting_reference(post, ctx)], text


# --- config ----------------------------------------------------------------------------------------------------


def test_config_attributes_are_the_values_read_by_key(tmp_path):
    config = load_config(None, {"platforms": ["x", "bluesky"]})
    for key, spec in SCHEMA.items():
        value = getattr(config, key.replace("-", "_"))
        assert value is config.values[key]
        assert getattr(config, key) is value  # written with hyphens, as before
        if isinstance(spec, dict):
            assert isinstance(value, Section)
            for sub in spec:
                assert getattr(value, sub.replace("-", "_")) is value[sub]
    assert config.platforms == ["x", "bluesky"]
    assert config.links.allow_private is False and config.captions.max_cps == 20
    try:
        config.links.timeout = 1
    except AttributeError:
        pass
    else:
        raise AssertionError("a config section must stay read-only")
    assert config.links.timeout == 5.0


# --- per-post and per-run memos -----------------------------------------------------------------------------------


def test_per_post_values_are_computed_once_per_post_and_again_for_a_new_post(tmp_path):
    ctx = _context(tmp_path)
    calls: list[str] = []
    first, second = _post("one"), _post("two")

    def value(name: str):
        calls.append(name)
        return name.upper()

    assert ctx.per_post(first, "a", lambda: value("one-a")) == "ONE-A"
    assert ctx.per_post(second, "a", lambda: value("two-a")) == "TWO-A"
    assert ctx.per_post(first, "a", lambda: value("again")) == "ONE-A"  # back to the first: still known
    assert ctx.per_post(first, "b", lambda: value("one-b")) == "ONE-B"
    assert ctx.per_post(first, "none", lambda: value("none") and None) is None
    assert ctx.per_post(first, "none", lambda: value("none again")) is None  # None is remembered too
    assert calls == ["one-a", "two-a", "one-b", "none"]
    reloaded = _post("one")  # a post loaded again (after a fix) is computed again
    assert ctx.per_post(reloaded, "a", lambda: value("reloaded")) == "RELOADED"


def test_platforms_and_limits_are_per_post_and_follow_config_overrides(tmp_path):
    ctx = _context(tmp_path, "platforms = ['x', 'facebook']\n[platform.x]\ntext-max = 100\nalt-max = 50\n")
    to_bluesky = _post("a", meta={"platforms": ["bluesky", "nowhere", "x"]})
    default = _post("b")
    assert ctx.platforms(to_bluesky) == ["bluesky", "x"]
    assert ctx.platforms(default) == ["x", "facebook"]
    ctx.platforms(default).append("youtube")  # a caller's change does not reach the memo
    assert ctx.platforms(default) == ["x", "facebook"]
    assert [lim.name for lim in post_limits(default, ctx)] == ["X", "Facebook"]
    x = platform_limits(ctx, "x")
    assert (x.text_max, x.alt_max) == (100, 50) and x is platform_limits(ctx, "x")
    assert platform_limits(ctx, "bluesky") == limits("bluesky")
    assert post_limits(to_bluesky, ctx)[1] is x


def test_counting_the_mastodon_and_bluesky_way_is_unchanged():
    # graphemes 15 (a skin tone, an accent and CR LF join), @ann@example.social as @ann, the URL as 23
    assert measure("héllo 👍🏽 e\u0301 @ann@example.social https://www.nhs.uk/flu/", "characters-url23").count == 38
    assert measure("héllo 👍🏽 e\u0301\r\n!", "graphemes", 8) == Measure(11, 9)
    assert measure("a" * 10 + "e\u0301" * 3, "graphemes", 11).count == 13
    assert measure("a" * 10 + "e\u0301" * 3, "graphemes", 11).overflow == 12


# --- A105 ----------------------------------------------------------------------------------------------------------


def test_a105_tells_apart_the_same_picture_and_another_with_the_same_alt(tmp_path):
    from PIL import Image

    from tests.conftest import check_files

    for name in ("a.png", "b.png"):
        Image.new("RGB", (20, 20), (200, 0, 0)).save(tmp_path / name)
    alt = "Nurse giving a flu jab in a busy clinic"
    write(tmp_path, {"sub/.keep": ""})
    text = (
        f"Flu jabs are open.\n\n![{alt}](a.png)\n![{alt}](./a.png)\n![{alt}](sub/../a.png)\n"
        f"![{alt}](b.png)\n![{alt}](b.png)\n"
    )
    run = check_files(tmp_path, {"post.md": text}, "--select", "A105")
    assert [(f["code"], f["line"]) for f in run.json["findings"]] == [("A105", 6)]
