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
from postcheck.rules.hashtags import _WORD, WRITTEN_IN_CAPITALS, _blanked, _time_of_day, _words, shouting_caps
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
        if len(letters) < 2 or word.lower().replace("'", "") in acronyms or _time_of_day(masked_text, m):
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


# --- YAML values ---------------------------------------------------------------------------------------------------

YAML_PIECES = [
    "text: Hello #flujab",
    "platforms: [x, facebook]",
    "platforms:\n  - x\n  - linkedin",
    "publish_at: 2026-12-01T09:30:00+00:00",
    "publish_at: 2027-02-30",
    "publish_at: 2026-12-01",
    "paid: yes",
    "paid: true",
    "count: 012",
    "count: 0x1F",
    "ratio: .5",
    "ratio: .nan",
    "none: ~",
    "empty:",
    "quoted: '123'",
    'escaped: "caf\\u00e9 \\n line"',
    "folded: >\n  one\n  two",
    "literal: |-\n  one\n  two",
    "images:\n  - file: a.png\n    alt: A nurse\n  - b.png",
    "images: [{file: a.png, alt: 'x: y'}]",
    "postcheck: {ignore: {A201: brand tag}}",
    "anchor: &a [x, y]\nagain: *a",
    "base: &b {k: 1}\nmerged: {<<: *b, j: 2}",
    "= : value key",
    "binary: !!binary aGVsbG8=",
    "set: !!set {a, b}",
    "omap: !!omap [a: 1, b: 2]",
    "str_int: !!str 12",
    "int_str: !!int '12'",
    "bad_int: !!int twelve",
    "bad_bool: !!bool maybe",
    "bad_time: !!timestamp soon",
    "bad_later: [!!int twelve]",
    "unknown: !Ref thing",
    "python: !!python/name:os.system",
    "? [complex, key]\n: value",
    "? {a: 1}\n: value",
    "1: one\n1.5: float key\nnull: null key\ntrue: bool key\n2026-12-01: date key",
    "dup: 1\ndup: 2",
    "nested: " + "[" * 70 + "]" * 70,
    "nested: " + "[" * 10 + "x" + "]" * 10,
]


def _yaml_values(text: str, fast: bool):
    import yaml

    from postcheck.loaders.structured import _BadValue, _construct_document, _Loader

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _construct_document(loader, node) if fast else loader.construct_document(node)
    except yaml.YAMLError as error:
        return ("error", type(error).__name__, str(error))
    except _BadValue as error:  # the reference's bare ValueError, KeyError or AttributeError, with its node
        return ("error", "bad value", error.node.value)
    except (ValueError, KeyError, AttributeError) as error:
        return ("error", "bad value", str(error))
    finally:
        loader.dispose()


def test_yaml_values_are_built_as_pyyamls_constructor_builds_them():
    documents = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures").rglob("*.y*ml"))]
    documents += [
        text[4 : text.index("\n---", 4)]
        for path in sorted((ROOT / "fixtures").rglob("*.md"))
        if (text := path.read_text(encoding="utf-8")).startswith("---\n") and "\n---" in text[4:]
    ]
    documents += YAML_PIECES
    rng = random.Random(11)
    pieces = [piece for piece in YAML_PIECES if not piece.startswith(("nested", "="))]
    for _ in range(1500):
        documents.append("\n".join(rng.sample(pieces, rng.randint(1, 6))))
    errors = 0
    for text in documents:
        fast, reference = _yaml_values(text, True), _yaml_values(text, False)
        if isinstance(reference, tuple) and reference[1] == "bad value":
            assert fast[:2] == reference[:2], text  # which value: the fast path names it, PyYAML's message may not
            continue
        assert repr(fast) == repr(reference), text  # repr: nan is not equal to itself; types show
        if isinstance(reference, dict):
            assert list(map(type, reference.values())) == list(map(type, fast.values()))
            shared = [[a is b for b in reference.values()] for a in reference.values() if isinstance(a, (list, dict))]
            assert shared == [[a is b for b in fast.values()] for a in fast.values() if isinstance(a, (list, dict))]
        errors += isinstance(reference, tuple)
    assert errors  # the errors are compared too


def test_a_value_that_is_not_what_its_tag_says_is_f001_not_a_crash(check):
    for value in ("!!int twelve", "!!bool maybe", "!!timestamp soon", "!!float abc"):
        run = check({"post.md": f"---\nplatforms: [x]\ncount: {value}\n---\nHello\n"})
        assert [(f["code"], f["line"], f["column"]) for f in run.json["findings"]] == [("F001", 3, 8)]
        assert "is not a valid !!" in run.json["findings"][0]["message"]
    run = check({"post.md": "---\nx: [!!int twelve]\ny: !Ref thing\n---\nHello\n"})  # PyYAML meets !Ref first
    assert [f["code"] for f in run.json["findings"]] == ["F001"]
    assert "could not determine a constructor for the tag '!Ref'" in run.json["findings"][0]["message"]
    run = check({"post.md": "---\nbase: &b {k: 1}\nm: {<<: *b}\ncount: !!int twelve\n---\nHello\n"})
    assert [f["code"] for f in run.json["findings"]] == ["F001"]
    assert "does not read as the type its tag names" in run.json["findings"][0]["message"]


def test_folding_alt_text_keeps_runs_of_letters_and_digits_as_the_substitution_did():
    """Its runs of letters and digits, as a substitution finds them, once case and accents are folded ("café" is
    "cafe")."""
    import unicodedata

    from postcheck.rules.alt_text import fold

    def plain(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))

    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures").rglob("*.md"))]
    alphabet = "aZ9_ -.,\t\n\u00a0\u2028ßẞİﬁǅ²½Ⅻ٣é\u0301👍🏽\u200d#@'’\x1c\u3000日本"
    rng = random.Random(105)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        assert fold(text) == " ".join(re.sub(r"[\W_]+", " ", plain(text)).split()), repr(text)
    assert fold("Volunteers at the memory café") == fold("volunteers at the memory cafe.")


def _too_deep_reference(meta) -> bool:
    """The nesting check as it was: every value visited, a value deeper than MAX_NESTING refused."""
    from postcheck.loaders import MAX_NESTING

    stack = [(meta, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_NESTING:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False


def test_nesting_limit_refuses_what_visiting_every_value_refused():
    from postcheck.loaders import MAX_NESTING, Unreadable, _shallow

    rng = random.Random(64)

    def nested(depth: int):
        inner = rng.choice([[], {}, "x", 1, None, [1], {"k": "v"}])
        for _ in range(depth):
            inner = rng.choice([[inner], {"a": inner}, [1, inner, "y"], {"a": 1, "b": inner}])
        return inner

    cases = [{"x": nested(depth)} for depth in range(MAX_NESTING - 4, MAX_NESTING + 4) for _ in range(40)]
    cases += [{}, {"x": []}, {"x": nested(3), "y": nested(MAX_NESTING + 1)}]
    refused = 0
    for meta in cases:
        post = _post("text", meta=meta)
        try:
            _shallow([post])
            deep = False
        except Unreadable:
            deep = True
        assert deep == _too_deep_reference(meta), meta
        refused += deep
    assert 0 < refused < len(cases)
