"""Each platform's limits (one table, with sources), and counting text the platform's way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one platform accepts. None means no limit we know of."""

    name: str
    text_max: int | None
    counting: str  # "x-weighted" | "graphemes" | "characters" | "characters-url23"
    media_max: int | None  # images + videos per post
    images_max: int | None
    alt_max: int | None
    image_formats: tuple[str, ...]  # Pillow format names
    image_bytes: int | None
    gif_bytes: int | None
    video_formats: tuple[str, ...]  # file suffixes
    video_bytes: int | None
    video_seconds: float | None
    caption_formats: tuple[str, ...]  # ".srt", ".vtt", ".sbv" or "burned-in"
    caption_bytes: int | None = None
    title_max: int | None = None
    links_max: int | None = None
    links_clickable: bool = True
    sources: dict[str, str] = field(default_factory=dict)
    image_max_side: int | None = None  # pixels, longer side
    image_min_side: int | None = None  # pixels, shorter side
    image_max_pixels: int | None = None  # width x height
    image_aspect: tuple[float, float] | None = None  # accepted width/height ratios (low, high)
    videos_max: int | None = None  # videos per post
    media_mix: bool = True  # images and videos together in one post
    text_fold: int | None = None  # characters shown before the feed folds the rest behind "… more"


COMMON_IMAGES = ("JPEG", "PNG", "GIF", "WEBP")

PLATFORMS: dict[str, Limits] = {
    "x": Limits(
        name="X",
        text_max=280,
        counting="x-weighted",
        media_max=4,
        images_max=4,
        alt_max=1000,
        image_formats=COMMON_IMAGES,
        image_bytes=5 * MB,
        gif_bytes=15 * MB,
        video_formats=(".mp4", ".mov"),
        video_bytes=512 * MB,
        video_seconds=140.0,
        caption_formats=(".srt",),
        sources={
            "text": "twitter-text v3 config (maxWeightedTweetLength 280, URL 23)",
            "media": "X help: up to 4 photos, or 1 GIF or video; photos 5 MB, GIFs 15 MB (mobile) ",
            "alt": "X help: image descriptions up to 1,000 characters",
            "video": "X media best practices: 512 MB, 2 min 20 s (140 s)",
            "image-dimensions": "X media upload docs: images at least 4 x 4 and at most 8192 x 8192 pixels",
        },
        image_max_side=8192,
        image_min_side=4,
    ),
    "facebook": Limits(
        name="Facebook",
        text_max=63206,
        counting="characters",
        media_max=None,
        images_max=None,
        alt_max=1000,
        image_formats=COMMON_IMAGES + ("BMP", "TIFF"),
        image_bytes=30 * MB,
        gif_bytes=30 * MB,
        video_formats=(".mp4", ".mov"),
        video_bytes=4 * 1024 * MB,
        video_seconds=240 * 60.0,
        caption_formats=(".srt",),
        text_fold=477,
        sources={
            "text": "Facebook post limit 63,206 characters",
            "fold": 'Facebook feed: "See more" after about 477 characters (fewer on phones)',
            "captions": "Facebook SRT named name.<lang>_<CC>.srt",
        },
    ),
    "instagram": Limits(
        name="Instagram",
        text_max=2200,
        counting="characters",
        media_max=20,
        images_max=20,
        alt_max=1000,
        image_formats=("JPEG", "PNG"),
        image_bytes=8 * MB,
        gif_bytes=8 * MB,
        video_formats=(".mp4", ".mov"),
        video_bytes=4 * 1024 * MB,
        video_seconds=15 * 60.0,
        caption_formats=("burned-in",),
        links_clickable=False,
        text_fold=125,
        sources={
            "text": "Instagram caption 2,200 characters",
            "fold": 'Instagram Business help: captions are cut after about 125 characters in the feed ("… more")',
            "media": "carousel up to 20 items",
            "image-aspect": "Instagram Graph API content publishing: aspect ratio within 4:5 to 1.91:1",
        },
        image_aspect=(0.8, 1.91),
    ),
    "linkedin": Limits(
        name="LinkedIn",
        text_max=3000,
        counting="characters",
        media_max=20,
        images_max=20,
        alt_max=1000,
        image_formats=("JPEG", "PNG", "GIF"),
        image_bytes=5 * MB,
        gif_bytes=5 * MB,
        video_formats=(".mp4", ".mov"),
        video_bytes=5 * 1024 * MB,
        video_seconds=15 * 60.0,
        caption_formats=(".srt",),
        videos_max=1,  # up to 20 images, or 1 video: not both
        media_mix=False,
        text_fold=210,
        sources={
            "text": "LinkedIn post 3,000 characters",
            "fold": 'LinkedIn feed: "…see more" after about 210 characters (3 lines on desktop)',
            "alt": "1,000 in the app; 256 via schedulers' API",
            "image-pixels": "LinkedIn Images API: images must have fewer than 36,152,320 pixels",
        },
        image_max_pixels=36152320,
    ),
    "youtube": Limits(
        name="YouTube",
        text_max=5000,
        counting="characters",
        media_max=None,
        images_max=0,
        alt_max=None,
        image_formats=(),
        image_bytes=None,
        gif_bytes=None,
        video_formats=(".mp4", ".mov", ".webm", ".avi", ".mkv"),
        video_bytes=256 * 1024 * MB,
        video_seconds=12 * 3600.0,
        caption_formats=(".srt", ".vtt", ".sbv"),
        title_max=100,
        videos_max=1,  # an upload is one video
        text_fold=157,
        sources={
            "text": "YouTube description 5,000 characters, title 100",
            "fold": 'YouTube: the first 157 characters of a description show above "…more"',
        },
    ),
    "mastodon": Limits(
        name="Mastodon",
        text_max=500,
        counting="characters-url23",
        media_max=4,
        images_max=4,
        alt_max=1500,
        image_formats=COMMON_IMAGES,
        image_bytes=16 * MB,
        gif_bytes=16 * MB,
        video_formats=(".mp4", ".mov", ".webm"),
        video_bytes=99 * MB,
        video_seconds=None,
        caption_formats=(),
        videos_max=1,  # 4 images, or 1 video: not both
        media_mix=False,
        sources={"text": "Mastodon default 500 characters, URLs count 23", "alt": "Mastodon 1,500 characters"},
    ),
    "bluesky": Limits(
        name="Bluesky",
        text_max=300,
        counting="graphemes",
        media_max=4,
        images_max=4,
        alt_max=2000,
        image_formats=("JPEG", "PNG", "GIF", "WEBP"),
        image_bytes=1000000,
        gif_bytes=1000000,
        video_formats=(".mp4",),
        video_bytes=100 * MB,
        video_seconds=180.0,
        caption_formats=(".vtt",),
        caption_bytes=20 * 1024,
        videos_max=1,  # 4 images, or 1 video: not both
        media_mix=False,
        sources={"text": "Bluesky 300 graphemes", "media": "4 images, each at most 1,000,000 bytes"},
    ),
    "threads": Limits(
        name="Threads",
        text_max=500,
        counting="characters",
        media_max=20,
        images_max=20,
        alt_max=1000,
        image_formats=("JPEG", "PNG"),
        image_bytes=8 * MB,
        gif_bytes=8 * MB,
        video_formats=(".mp4", ".mov"),
        video_bytes=1024 * MB,
        video_seconds=5 * 60.0,
        caption_formats=(),
        links_max=5,
        sources={"text": "Threads 500 characters, at most 5 links"},
    ),
}


def limits(platform: str, overrides: dict[str, Any] | None = None) -> Limits:
    """The limits of a platform, with `[platform.<name>]` config overrides (kebab-case keys)."""
    base = PLATFORMS[platform]
    if not overrides:
        return base
    changes = {key.replace("-", "_"): _override(platform, key, value) for key, value in overrides.items()}
    return replace(base, **changes)


_LISTS = {"image_formats", "video_formats", "caption_formats"}
_FLAGS = {"links_clickable", "media_mix"}
OVERRIDABLE = sorted(set(Limits.__dataclass_fields__) - {"name", "counting", "sources"})


def limit_kind(name: str) -> str:
    """How a `[platform.<name>]` limit is written: "names", "flag", "ratios", "seconds" or "count"."""
    if name in _LISTS:
        return "names"
    if name in _FLAGS:
        return "flag"
    return {"image_aspect": "ratios", "video_seconds": "seconds"}.get(name, "count")


def _override(platform: str, key: str, value: Any) -> Any:
    """A config value for one limit, checked and converted (lists become tuples); ConfigError when wrong."""
    from postcheck.config import ConfigError, unknown_key

    name = key.replace("-", "_")
    where = f"platform.{platform}.{key}"
    if name not in OVERRIDABLE:
        raise unknown_key(key, sorted(k.replace("_", "-") for k in OVERRIDABLE), f"platform.{platform}.")
    number = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0  # noqa: E731
    kind_of = limit_kind(name)
    if kind_of == "names":
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        kind = "a list of names"
        if ok:
            value = [_format_name(name, v) for v in value]  # "srt", "SRT" and ".srt" mean one thing
    elif kind_of == "flag":
        ok, kind = isinstance(value, bool), "true or false"
    elif kind_of == "ratios":
        ok = isinstance(value, list) and len(value) == 2 and all(number(v) for v in value) and value[0] <= value[1]
        kind = "a list of two ratios [low, high], low first"
    elif kind_of == "seconds":
        ok, kind = number(value), "a number of seconds, 0 or more"
    else:  # counts, characters, pixels and bytes are whole numbers
        ok = number(value) and float(value).is_integer()
        kind = "a whole number, 0 or more"
        value = int(value) if ok else value
    if not ok:
        raise ConfigError(f"{where} must be {kind}, not {value!r}")
    return tuple(value) if isinstance(value, list) else value


# What people write for Pillow's format names.
_IMAGE_NAMES = {"JPG": "JPEG", "TIF": "TIFF", "APNG": "PNG"}


def _format_name(name: str, value: str) -> str:
    """A format as the limits write it: Pillow's name for images (JPEG), a suffix for videos and captions (.srt)."""
    value = value.strip()
    if name == "image_formats":
        upper = value.lstrip(".").upper()
        return _IMAGE_NAMES.get(upper, upper)
    if name == "caption_formats" and value.lower() in ("burned-in", "burned_in", "burnedin"):
        return "burned-in"
    return "." + value.lstrip(".").lower()


# Counting text the platform's way. Figures from twitter/twitter-text config/v3.json (the v3 configuration
# X uses): maxWeightedTweetLength 280, scale 100, defaultWeight 200, transformedURLLength 23,
# emojiParsingEnabled true, and these code point ranges weigh 100 (one character); everything else 200.
X_SCALE = 100
X_DEFAULT_WEIGHT = 200
X_URL_LENGTH = 23
X_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
# Mastodon (app/validators/status_length_validator.rb): grapheme clusters, every http(s) URL counts as 23
# ("x" * 23 placeholder), a remote mention @user@domain counts as @user.
MASTODON_URL_LENGTH = 23
# twitter-text refuses URLs over 4,096 characters and hosts with a label over 63 (after punycode).
_URL_MAX = 4096
_LABEL_MAX = 63
# A character before a schemeless URL that stops twitter-text from linking it (it is a mention, hashtag...).
_X_NOT_BEFORE = "@＠$#＃"
_NOT_TLDS = {"local", "internal", "localhost", "lan", "intranet", "arpa"}

_EMOJI = None
_GRAPHEME = None
_REMOTE_MENTION = None


def _grapheme_pattern():
    """One extended grapheme cluster; compiled once (the `regex` module's own cache is slow to ask)."""
    global _GRAPHEME
    if _GRAPHEME is None:
        import regex

        _GRAPHEME = regex.compile(r"\X")
    return _GRAPHEME


def _remote_mention_pattern():
    """A remote mention, @user@domain, which Mastodon counts as @user."""
    global _REMOTE_MENTION
    if _REMOTE_MENTION is None:
        import regex

        _REMOTE_MENTION = regex.compile(r"(?<![=/\w])@(\w+(?:[\w.-]*\w)?)@[\w.-]*\w")
    return _REMOTE_MENTION


def _emoji_pattern():
    """An emoji as twitter-text counts it: one sequence (ZWJ, skin tone, flag, keycap, tag) weighs 2."""
    global _EMOJI
    if _EMOJI is None:
        import regex

        modifier = "[\U0001f3fb-\U0001f3ff]"
        element = rf"\p{{Extended_Pictographic}}[\ufe0e\ufe0f]?{modifier}?"
        _EMOJI = regex.compile(
            rf"\p{{Regional_Indicator}}{{1,2}}"
            rf"|[0-9#*]\ufe0f?\u20e3"
            rf"|{element}[\U000e0020-\U000e007f]*(?:\u200d{element})*"
        )
    return _EMOJI


@dataclass(frozen=True)
class Measure:
    """A text's length the platform's way, and where it first passes a limit."""

    count: int
    overflow: int | None  # index in the text of the first character past the limit; None when within it


def _x_char_weight(char: str) -> int:
    code = ord(char)
    for start, end, weight in X_RANGES:
        if start <= code <= end:
            return weight
    return X_DEFAULT_WEIGHT


def _x_url_counts(text: str, link) -> bool:
    """Whether twitter-text would turn this link into a t.co link (weight 23)."""
    if not link.autolinked or link.scheme not in ("", "http", "https"):
        return False  # found for the L rules (an IP, an intranet name, https://x.test/), not linked by X
    # Only an ASCII letter or digit before a bare link joins it to a word: after Chinese, Cyrillic or Greek letters
    # ("访问nhs.uk") twitter-text links the ASCII host (its CJK conformance cases), which then weighs 23.
    before = text[link.start - 1] if link.start > 0 else ""
    if not link.scheme and before and (before in _X_NOT_BEFORE or (before.isascii() and before.isalnum())):
        return False
    labels = [
        label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
        for label in link.host.split(".")
    ]
    if not link.host or any(not label or len(label) > _LABEL_MAX for label in labels):
        return False
    if len(labels) < 2 or labels[-1].isdigit() or labels[-1].lower() in _NOT_TLDS:
        return False  # twitter-text links only hosts under a real top-level domain: no localhost, IPs, intranet
    return len(link.raw) + len(link.host) <= _URL_MAX


def _entities(text: str, counting: str) -> list[tuple[int, int, int]]:
    """Stretches of the text that count as a fixed number of units: (start, end, units)."""
    from postcheck.text.urls import find_links

    found: list[tuple[int, int, int]] = []
    if counting == "x-weighted":
        found = [
            (link.start, link.end, X_URL_LENGTH * X_SCALE) for link in find_links(text) if _x_url_counts(text, link)
        ]
    elif counting in ("characters-url23", "mastodon"):
        found = [
            (link.start, link.end, MASTODON_URL_LENGTH) for link in find_links(text) if link.scheme in ("http", "https")
        ]
        for m in _remote_mention_pattern().finditer(text):
            found.append((m.start(), m.end(), 1 + len(m.group(1))))
    found.sort()
    entities: list[tuple[int, int, int]] = []
    for entity in found:
        if not entities or entity[0] >= entities[-1][1]:
            entities.append(entity)
    return entities


def _units(text: str, counting: str):
    """Yield (start, end, weight, each): `weight` units for text[start:end], or for each of its characters if `each`."""
    entities = _entities(text, counting)
    one = X_SCALE if counting == "x-weighted" else 1
    position = 0
    for start, end, units in [*entities, (len(text), len(text), 0)]:
        yield from _plain_units(text, position, start, counting, one)
        if end > start:
            yield start, end, units, False
        position = end


# A run of ASCII characters, each of which counts one, except CR (CR LF is one grapheme). The caller leaves
# out the run's last character when more text follows: it may join what comes next (keycap 1️⃣, an accent).
_ASCII_RUN_FAST = re.compile(r"[\x00-\x0c\x0e-\x7f]+")


def _plain_units(text: str, position: int, stop: int, counting: str, one: int):
    """Units of text[position:stop], which holds no link: ASCII runs in bulk, the rest one by one."""
    grapheme = _grapheme_pattern() if counting != "x-weighted" else None
    i = position
    while i < stop:
        run = _ASCII_RUN_FAST.match(text, i, stop)
        if run and run.end() > i:
            end = run.end() if run.end() == stop else run.end() - 1
            if end > i:
                yield i, end, one, True
                i = end
                continue
        if counting == "x-weighted":
            m = _emoji_pattern().match(text, i, stop)
            if text.startswith("\r\n", i):  # a Windows line ending is posted as one newline
                yield i, i + 2, X_SCALE, False
                i += 2
            elif m and m.end() > i:
                yield i, m.end(), X_DEFAULT_WEIGHT, False
                i = m.end()
            else:
                yield i, i + 1, _x_char_weight(text[i]), False
                i += 1
        else:
            m = grapheme.match(text, i, stop)
            yield i, m.end(), 1, False
            i = m.end()


def measure(text: str, counting: str, limit: int | None = None) -> Measure:
    """The length of `text` counted as `counting` says (see Limits.counting), and where it passes `limit`.

    "x-weighted": twitter-text v3 (NFC, URLs 23, emoji and CJK 2); "graphemes": user-perceived characters;
    "characters-url23": Mastodon (graphemes, http(s) URLs 23, @user@domain as @user); "characters": code points.
    """
    if counting == "characters":
        count = len(text)
        return Measure(count, limit if limit is not None and count > limit else None)
    scale = X_SCALE if counting == "x-weighted" else 1
    counted = text
    if counting == "x-weighted":
        import unicodedata

        counted = unicodedata.normalize("NFC", text)
    budget = None if limit is None else limit * scale
    total = 0
    overflow = None
    for start, end, weight, each in _units(counted, counting):
        size = weight * (end - start) if each else weight
        if overflow is None and budget is not None and total + size > budget:
            overflow = start + (budget - total) // weight if each else start
        total += size
    if overflow is not None and counted != text:
        overflow = _original_index(text, overflow)
    return Measure(total // scale, overflow)


def _original_index(text: str, normalised_index: int) -> int:
    """The index in `text` of the character that NFC normalisation puts at `normalised_index`."""
    import unicodedata

    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        if len(unicodedata.normalize("NFC", text[:middle])) <= normalised_index:
            low = middle + 1
        else:
            high = middle
    return max(low - 1, 0)


def weighted_length(text: str) -> int:
    """X's weighted length of a post (twitter-text v3): the number X compares with 280."""
    return measure(text, "x-weighted").count


def grapheme_length(text: str) -> int:
    """User-perceived characters (extended grapheme clusters), as Bluesky counts its 300."""
    return measure(text, "graphemes").count
