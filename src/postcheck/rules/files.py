"""F rules: post files and their fields, and whether referenced media can be read at all."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from postcheck.config import ALL_PLATFORMS, platform_hint
from postcheck.context import Context, platform_names
from postcheck.media import CAPTION_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES
from postcheck.model import Post, Problem, Severity, Source
from postcheck.rules import register_passive, rule
from postcheck.text import blank
from postcheck.text.schedule import WRITTEN_AS, parse_datetime

register_passive("F001", "unparseable-post", Severity.ERROR, "YAML/JSON/CSV syntax error or bad encoding")

KEYS = {
    "platforms", "publish_at", "kind", "source", "in_reply_to", "paid", "title", "images", "videos",
    "postcheck", "text", "status",
}  # fmt: skip
IMAGE_KEYS = {"file", "alt", "decorative"}
VIDEO_KEYS = {"file", "captions"}
KINDS = ("post", "share", "quote", "repost", "reply")
STATUSES = ("draft", "scheduled", "published")
ALIASES = {
    "alt_text": "alt", "alttext": "alt", "alt-text": "alt", "description": "alt", "image": "images",
    "video": "videos", "platform": "platforms", "network": "platforms", "date": "publish_at",
    "publish_date": "publish_at", "scheduled": "publish_at", "schedule": "publish_at", "publish-at": "publish_at",
    "caption": "captions", "subtitles": "captions", "reply_to": "in_reply_to", "in-reply-to": "in_reply_to",
    "body": "text", "message": "text",
}  # fmt: skip


def _did_you_mean(key: str, known: set[str]) -> str:
    guess = ALIASES.get(key.lower()) or next(iter(difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)), None)
    if guess in known:
        return f"; did you mean '{guess}'?"
    if guess in IMAGE_KEYS | VIDEO_KEYS:
        return f"; did you mean '{guess}' inside an entry of {'images' if guess in IMAGE_KEYS else 'videos'}?"
    return ""


def _key_span(post: Post, key: str):
    located = post.keys.get(key)
    return located.span() if located else post.where()


@rule("F002", "unknown-field", Severity.WARNING, "unknown front-matter key, with did-you-mean")
def unknown_field(post: Post, ctx: Context) -> Iterator[Problem]:
    if post.format == "csv":
        return
    for key in post.meta:
        if key not in KEYS:
            yield Problem(f"unknown field '{key}'{_did_you_mean(str(key), KEYS)}", _key_span(post, key))
    settings = post.meta.get("postcheck")
    for key in settings if isinstance(settings, dict) else []:
        if key != "ignore":
            yield Problem(
                f"unknown field '{key}' in postcheck{_did_you_mean(str(key), {'ignore'})}", _key_span(post, "postcheck")
            )
    for name, known in (("images", IMAGE_KEYS), ("videos", VIDEO_KEYS)):
        items = post.meta.get(name)
        for item in items if isinstance(items, list) else []:
            for key in item if isinstance(item, dict) else []:
                if key not in known:
                    yield Problem(
                        f"unknown field '{key}' in {name}{_did_you_mean(str(key), known)}", _key_span(post, name)
                    )


def _names_nothing(value: object) -> bool:
    """True for an address left out, empty, or only spaces and invisible characters (`source: '   '` names nothing,
    as `source: ""` does)."""
    return not value or (isinstance(value, str) and blank(value))


def _bad_time(post: Post, when: str, date_order: str) -> str:
    """Why a `publish_at` value (or a CSV row's date and time) is no time a post can go out at."""
    if post.row is not None:
        return (
            f"date and time {when!r} do not read as a date in schedule.date-order {date_order!r} and a time "
            f"(e.g. {datetime(2026, 12, 1, 9, 30).strftime(WRITTEN_AS[date_order]).replace(' ', ' and ')})"
        )
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when.strip()) and parse_datetime(when.strip() + "T09:30") is not None:
        return f"publish_at {when!r} has no time of day: add one ({when.strip()}T09:30:00+00:00)"
    if re.match(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|$)", when.strip()):  # written as ISO 8601, not "... 5pm"
        return f"publish_at {when!r} is no real date and time (no such day, hour or minute)"
    return f"publish_at {when!r} is not an ISO 8601 date-time (2026-12-01T09:30:00+00:00)"


@rule("F003", "invalid-field", Severity.ERROR, "wrong type or value: unknown platform or kind, non-ISO date")
def invalid_field(post: Post, ctx: Context) -> Iterator[Problem]:
    meta = post.meta
    span = post.field_span

    platforms = meta.get("platforms")
    if "platforms" in meta and (
        platforms in (None, []) or isinstance(platforms, str) and not platform_names(platforms)
    ):
        # `platforms: []` or left blank: the post would go nowhere. It is checked for the configured platforms.
        yield Problem(
            "platforms is empty: name the platforms the post goes to, or leave it out for the configured ones",
            span("platforms"),
        )
    elif platforms is not None:
        if not isinstance(platforms, (str, list)) or not all(isinstance(p, str) for p in platforms):
            yield Problem("platforms must be a list of platform names", span("platforms"))
        else:
            for i, name in enumerate(platform_names(platforms)):
                if name not in ALL_PLATFORMS:
                    hint = platform_hint(name)
                    where = span(f"platforms[{i}]") if f"platforms[{i}]" in post.values else span("platforms")
                    yield Problem(f"unknown platform '{name}'{hint} (known: {', '.join(ALL_PLATFORMS)})", where)
    status = meta.get("status")
    if status is not None and post.status not in STATUSES:  # read whatever its case, as kind is
        yield Problem(f"status must be one of {', '.join(STATUSES)}, not {status!r}", span("status"))
    kind = meta.get("kind")
    if kind is not None and (not isinstance(kind, str) or kind.strip().lower() not in KINDS):
        yield Problem(f"kind must be one of {', '.join(KINDS)}, not {kind!r}", span("kind"))
    if post.kind in ("share", "quote", "repost") and _names_nothing(meta.get("source")):
        yield Problem(f"a {post.kind} needs `source:`, the address of what it shares", span("kind"))
    if post.kind == "reply" and _names_nothing(meta.get("in_reply_to")):
        yield Problem("a reply needs `in_reply_to:`, the address of what it answers", span("kind"))
    when = meta.get("publish_at")
    if when is not None and parse_datetime(when) is None:
        yield Problem(_bad_time(post, str(when), ctx.config.schedule.date_order), span("publish_at"))
    for key in ("paid",):
        if key in meta and not isinstance(meta[key], bool):
            yield Problem(f"{key} must be true or false, not {meta[key]!r}", span(key))
    for key in ("title", "source", "in_reply_to", "text"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            yield Problem(f"{key} must be text, not {type(meta[key]).__name__}", span(key))
    for key in ("images", "videos"):
        items = meta.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            yield Problem(f"{key} must be a list of {{file: ...}} entries", span(key))
            continue
        without_file = [
            item
            for item in items
            if not (_names_file(item) or isinstance(item, dict) and _names_file(item.get("file")))
        ]
        if without_file:
            which = "an entry" if len(without_file) == 1 else f"{len(without_file)} entries"
            yield Problem(f"{which} of {key} without `file:`, the path of the file", span(key))
        for item in items:
            if not isinstance(item, dict):
                continue
            if key == "images" and item.get("alt") not in (None, "") and not isinstance(item["alt"], str):
                yield Problem(f"alt must be text, not {type(item['alt']).__name__}", span(key))
            if key == "images" and item.get("decorative") is not None and not isinstance(item["decorative"], bool):
                # JSON's "true" in quotes is text: the image is not marked decorative
                yield Problem(f"decorative must be true or false, not {item['decorative']!r}", span(key))
            captions = item.get("captions") if key == "videos" else None
            wrong = [c for c in (captions if isinstance(captions, list) else [captions]) if not _names_file(c)]
            if captions is not None and (wrong or captions == []):
                # `captions: yes` (YAML's true), "" or an empty list names no file: neither captions nor burned-in
                yield Problem(
                    "captions must be a caption file's path, a list of them, or burned-in, not "
                    f"{wrong[0] if wrong else captions!r}",
                    span(key),
                )
    settings = meta.get("postcheck")
    if settings is not None and not (isinstance(settings, dict) and isinstance(settings.get("ignore", {}), dict)):
        yield Problem("postcheck must be a mapping like {ignore: {A201: reason}}", span("postcheck"))
    yield from _cut_by_comments(post)


def _names_file(value: object) -> bool:
    """Whether an entry's `file:` (or the entry itself, written as a bare path), or a `captions:` entry (a path, or
    burned-in), names something: text, not blank."""
    return isinstance(value, str) and value.strip() != ""


# A comment that starts like a hashtag ("#flujab at ..."), after an unquoted value or a quoted one's closing quote
# (`text: "Book now" #FluJab`): "# a note" (with a space) is a comment meant as one.
_COMMENT_AFTER = re.compile(r"[\"']?[ \t]+(#[^\s#][^\n]*)")


def _cut_by_comments(post: Post) -> Iterator[Problem]:
    """YAML text that a hashtag cut short: YAML reads ` #flujab ...` to the end of the line as a comment, after an
    unquoted value or after a quoted one."""
    if post.format not in ("yaml", "markdown"):
        return
    fields = [(key, post.values.get(key)) for key in ("text", "title")]
    fields += [("alt", image.alt) for image in post.images if image.alt is not None and image.origin == "front-matter"]
    source = post.source.text
    for key, field in fields:
        if field is None or not field.segments:
            continue
        last = field.segments[-1]
        comment = _COMMENT_AFTER.match(source, last.file_start + last.length)  # quoted values end at their quote
        if comment is not None:
            yield Problem(
                f"{key}: YAML reads {comment.group(1)!r} as a comment, so it is not part of the {key}: put the whole "
                f"value in quotes, or write it on the lines under `{key}: |`",
                post.source.span(comment.start(1), comment.end(1)),
            )


@rule("F004", "missing-media", Severity.ERROR, "referenced image, video or caption file does not exist")
def missing_media(post: Post, ctx: Context) -> Iterator[Problem]:
    for what, ref in post.media_refs():
        if not ref.value.strip():
            continue  # an empty file name names no file: F003
        located = ctx.locate(post.directory, ref.value, ctx.root_of(post))
        if located.status == "missing":
            said = located.reason if "\0" in ref.value else f"'{ref.value}' does not exist"
            # A path written on Windows ("media\flu.png") names a file only there: say which file it meant.
            meant = ref.value.replace("\\", "/")
            if meant != ref.value and ctx.locate(post.directory, meant, ctx.root_of(post)).status == "ok":
                yield Problem(
                    f"{what} file {said}: did you mean '{meant}'? (write paths with /, which every system reads)",
                    ref.span(),
                    suggestion=meant,
                )
                continue
            yield Problem(f"{what} file {said}", ref.span())


@rule("F005", "media-outside-root", Severity.ERROR, "media path is absolute, escapes the posts root, or links out")
def media_outside_root(post: Post, ctx: Context) -> Iterator[Problem]:
    for what, ref in post.media_refs():
        located = ctx.locate(post.directory, ref.value, ctx.root_of(post))
        if located.status == "outside":
            yield Problem(f"{what} file not read: {located.reason}", ref.span())
    for video in post.videos:  # caption files found beside a video count as its captions: say why one does not
        if ctx.locate(post.directory, video.file.value, ctx.root_of(post)).status != "ok":
            continue
        for sidecar in video.sidecars + video.loops:
            located = ctx.locate(post.directory, os.path.relpath(sidecar, post.directory), ctx.root_of(post))
            if located.status == "outside":
                yield Problem(f"caption file beside the video not read: {located.reason}", video.file.span())


@rule("F006", "unreadable-media", Severity.ERROR, "corrupt, truncated or unsupported image, video or caption file")
def unreadable_media(post: Post, ctx: Context) -> Iterator[Problem]:
    from postcheck.media import MediaError

    read: set[Path] = set()  # a caption file listed and also found beside its video is reported once
    for what, ref in post.media_refs():
        located = ctx.locate(post.directory, ref.value, ctx.root_of(post))
        if located.status == "unreadable":  # a folder, a pipe, a folder postcheck may not enter
            yield Problem(f"{what} {located.reason}", ref.span())
            continue
        path = located.path if located.status == "ok" else None
        if path is None:
            continue
        read.add(ctx.real(path))
        suffix = path.suffix.lower()
        if what == "image" and suffix in VIDEO_SUFFIXES or what == "video" and suffix in IMAGE_SUFFIXES:
            yield Problem(f"'{ref.value}' is listed under {what}s but its name says otherwise", ref.span())
            continue
        if what == "caption" and suffix not in CAPTION_SUFFIXES:
            yield Problem(f"'{ref.value}' is not a caption file (.vtt or .srt)", ref.span())
            continue
        if what == "video":  # the video and caption modules are imported only for a post that has one
            from postcheck.media.video import probe

            result = probe(ctx, path)  # shares the video rules' probe and its disk cache
        elif what == "image":
            from postcheck.media.images import image_info

            result = image_info(ctx, path)
        else:
            from postcheck.media.captions import read_caption_text

            result = ctx.read_media(read_caption_text, path)
        if isinstance(result, MediaError):
            at_byte = _bad_byte(path) if what == "caption" else None
            yield at_byte or Problem(f"{what} '{ref.value}' cannot be read: {result}", ref.span())
    for video in post.videos:  # caption files found beside a video are read as its captions
        if ctx.media_path(post, video.file) is None:
            continue
        for sidecar in video.sidecars:
            from postcheck.media.captions import read_caption_text

            path = ctx.media_path(post, os.path.relpath(sidecar, post.directory))
            if path is None or not path.is_file() or path.suffix.lower() not in CAPTION_SUFFIXES:
                continue
            if ctx.real(path) in read:
                continue
            read.add(ctx.real(path))
            result = ctx.read_media(read_caption_text, path)
            if isinstance(result, MediaError):
                name = os.path.relpath(path, post.directory).replace(os.sep, "/")
                yield _bad_byte(path) or Problem(
                    f"caption '{name}' cannot be read: {result}", Source(path, "").span(0), path=path
                )


def _bad_byte(path: Path) -> Problem | None:
    """F006 at the first byte of a caption file that is not UTF-8, in that file; None when it decodes."""
    from postcheck.media.captions import undecodable_text

    try:
        found = undecodable_text(path)
    except OSError:
        return None
    if found is None:
        return None
    text, offset, byte = found
    return Problem(
        f"caption file is not UTF-8 text (byte 0x{byte:02x}): save it as UTF-8",
        Source(path, text).span(offset, offset + 1),
        path=path,
    )
