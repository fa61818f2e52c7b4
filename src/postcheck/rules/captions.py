"""A301-A308: videos carry captions that players accept and people can read, in a format each platform takes."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck.context import Context
from postcheck.model import Edit, Field, Fix, Post, Problem, Segment, Severity, Span, Video
from postcheck.rules import rule

if TYPE_CHECKING:
    from postcheck.media.captions import Captions, Cue
    from postcheck.media.video import AudioActivity, VideoInfo

MAX_ISSUES_PER_FILE = 20  # A302 findings per caption file; a broken file would flood the report
LOCALE_NAME = re.compile(r"^[A-Za-z]{2,3}_[A-Za-z]{2}$")


@dataclass
class CaptionFile:
    """A caption file that belongs to a video: named in `captions:` or found beside it."""

    path: Path
    listed: Field | None  # the `captions:` entry, None for a discovered sidecar
    parsed: Captions | None  # None when the file cannot be read as text
    error: str = ""

    @property
    def usable(self) -> bool:
        """Read, not refused as a whole by players, and with a cue to show."""
        return self.parsed is not None and not self.parsed.rejected and bool(self.parsed.cues)


@dataclass
class VideoCaptions:
    """What one video carries: its probe, caption files, embedded subtitle streams, burned-in captions."""

    video: Video
    path: Path
    info: VideoInfo
    files: list[CaptionFile]

    @property
    def embedded(self) -> tuple[str, ...]:
        return self.info.subtitle_codecs


def _videos(post: Post, ctx: Context) -> list[VideoCaptions]:
    """The post's readable local videos with their captions, once per run."""
    if not post.videos:
        return []  # most posts: eight rules ask, and need not look in the run's memo
    return ctx.per_post(post, "captions.videos", lambda: _find_videos(post, ctx))


def _find_videos(post: Post, ctx: Context) -> list[VideoCaptions]:
    if not post.videos:
        return []  # the video modules are imported only for a post that has a video
    from postcheck.media import CAPTION_SUFFIXES, MediaError
    from postcheck.media.video import probe

    found: list[VideoCaptions] = []
    for video in post.videos:
        path = ctx.media_path(post, video.file)
        if path is None:
            continue  # remote, missing, outside or no regular file: F004/F005/F006 say so
        info = probe(ctx, path)
        if isinstance(info, MediaError):
            continue  # F006
        files: list[CaptionFile] = []
        seen: set[Path] = set()
        candidates: list[tuple[Path | None, Field | None]] = [(ctx.media_path(post, c), c) for c in video.captions]
        for sidecar in video.sidecars:
            candidates.append((ctx.media_path(post, os.path.relpath(sidecar, post.directory)), None))
        for caption_path, listed in candidates:
            if (
                caption_path is None
                or not caption_path.is_file()
                or caption_path.suffix.lower() not in CAPTION_SUFFIXES
            ):
                continue  # missing, outside the root, or not a caption file: F004, F005, F006
            resolved = caption_path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            files.append(_read_caption_file(ctx, caption_path, listed))
        found.append(VideoCaptions(video, path, info, files))
    return found


def _read_caption_file(ctx: Context, path: Path, listed: Field | None) -> CaptionFile:
    from postcheck.media import MediaError
    from postcheck.media.captions import read_captions

    result = ctx.read_media(read_captions, path)
    if isinstance(result, MediaError):
        return CaptionFile(path, listed, None, str(result))
    return CaptionFile(path, listed, result)


def _line_span(captions: Captions, line: int) -> Span:
    start = captions.offset(line)
    return captions.source.span(start, start + captions.line_length(line))


def _cue_span(captions: Captions, cue: Cue) -> Span:
    return _line_span(captions, cue.line)


def _clock(seconds: float) -> str:
    minutes, rest = divmod(max(seconds, 0.0), 60)
    return f"{int(minutes)}:{rest:04.1f}"


def _name(path: Path, post: Post) -> str:
    return os.path.relpath(path, post.directory).replace(os.sep, "/")


# --- A301, A302 ----------------------------------------------------------------------------------------------


@rule("A301", "video-captions-missing", Severity.ERROR, "video with an audio track has no captions")
def video_captions_missing(post: Post, ctx: Context) -> Iterator[Problem]:
    for item in _videos(post, ctx):
        video = item.video
        if not item.info.has_audio or video.burned_in or item.embedded or item.files or video.captions:
            continue  # an invalid or missing caption file is A302 / F004, not A301
        stem = Path(video.file.value).stem
        if video.unlisted:  # the captions may well be there: say what stopped postcheck from seeing them
            yield Problem(
                f"video '{video.file.value}' has sound, and its folder cannot be listed ({video.unlisted}), so caption "
                "files beside it cannot be found: let postcheck list the folder, or name them in `captions:`",
                video.file.span(),
            )
            continue
        yield Problem(
            f"video '{video.file.value}' has sound but no captions: add {stem}.en_GB.srt or {stem}.vtt beside it, "
            "name them in `captions:`, or write `captions: burned-in` if the words are in the picture",
            video.file.span(),
        )


@rule("A302", "captions-invalid", Severity.ERROR, "caption file does not parse, or players would drop cues")
def captions_invalid(post: Post, ctx: Context) -> Iterator[Problem]:
    for item in _videos(post, ctx):
        for caption in item.files:
            if caption.parsed is None:
                continue  # a caption file that cannot be read (not UTF-8, too large) is F006
            parsed = caption.parsed
            issues = parsed.issues
            if not issues and not parsed.cues:  # valid, but it shows nothing: the video goes out uncaptioned
                yield Problem(
                    "the caption file has no cues: viewers see no captions", _line_span(parsed, 1), path=caption.path
                )
            for issue in issues[:MAX_ISSUES_PER_FILE]:
                yield Problem(issue.message, _line_span(parsed, issue.line), path=caption.path)
            if len(issues) > MAX_ISSUES_PER_FILE:
                last = issues[MAX_ISSUES_PER_FILE]
                yield Problem(
                    f"{len(issues) - MAX_ISSUES_PER_FILE} more problems like these in this file",
                    _line_span(parsed, last.line),
                    path=caption.path,
                )


# --- A303 ----------------------------------------------------------------------------------------------------


def _activity(ctx: Context, path: Path) -> AudioActivity | None:
    from postcheck.media import MediaError
    from postcheck.media.video import audio_activity

    key = ("captions.audio", path)
    if key not in ctx.memo:
        try:
            ctx.memo[key] = audio_activity(path, ctx.cache_dir, float(ctx.config.captions.audible_db))
        except (MediaError, OSError):
            ctx.memo[key] = None
    return ctx.memo[key]


def uncaptioned_stretches(activity: AudioActivity, cues: list[Cue]) -> list[tuple[float, float]]:
    """The audible stretches, or their parts, that no cue covers, as (start, end) seconds.

    Cues count from their start to their end, no more: a stretch between two cues is as long as the sound
    without a caption. The audio's own edges are known to one 50 ms analysis window, and pauses up to a second do
    not split a stretch (see `audio_activity`); neither needs slack here, as a stretch is reported only when it is
    longer than max-gap."""
    covered: list[list[float]] = []  # the cues' times joined where they overlap or touch
    for start, end in sorted((c.start, c.end) for c in cues if c.end > c.start):
        if covered and start <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], end)
        else:
            covered.append([start, end])
    stretches: list[tuple[float, float]] = []
    k = 0
    for start, end in activity.stretches:
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        at = start
        for cue_start, cue_end in covered[k:]:
            if cue_start >= end:
                break
            if cue_start > at:
                stretches.append((at, cue_start))
            at = max(at, cue_end)
        if at < end:
            stretches.append((at, end))
    return stretches


@rule("A303", "captions-incomplete", Severity.WARNING, "audible stretch with no cue, or cues end before the audio")
def captions_incomplete(post: Post, ctx: Context) -> Iterator[Problem]:
    options = ctx.config.captions
    for item in _videos(post, ctx):
        if not item.info.has_audio:
            continue
        checked = [c for c in item.files if c.parsed is not None and c.parsed.valid and c.parsed.cues]
        if not checked:
            continue
        activity = _activity(ctx, item.path)
        if activity is None or not activity.stretches:
            continue
        last_audible = activity.stretches[-1][1]
        for caption in checked:
            parsed = caption.parsed
            cues = parsed.cues
            reported_tail = False
            for start, end in uncaptioned_stretches(activity, cues):
                if end - start <= options.max_gap:
                    continue
                before = [c for c in cues if c.start <= start]
                where = _cue_span(parsed, before[-1]) if before else _line_span(parsed, 1)
                yield Problem(
                    f"sound from {_clock(start)} to {_clock(end)} ({end - start:.1f} s) has no caption",
                    where,
                    path=caption.path,
                )
                reported_tail = reported_tail or end >= last_audible - 0.1
            last_cue_end = max((c.end for c in cues), default=0.0)
            if cues and not reported_tail and last_audible - last_cue_end > options.max_tail:
                final = max(cues, key=lambda c: c.end)
                yield Problem(
                    f"captions end at {_clock(last_cue_end)} but the sound goes on until {_clock(last_audible)}",
                    _cue_span(parsed, final),
                    path=caption.path,
                )


# --- A304-A307: cue by cue -----------------------------------------------------------------------------------


def _valid_cues(post: Post, ctx: Context) -> Iterator[tuple[VideoCaptions, CaptionFile, Cue]]:
    for item in _videos(post, ctx):
        for caption in item.files:
            if caption.usable:
                for cue in caption.parsed.cues:
                    yield item, caption, cue


def caption_fields(post: Post, ctx: Context) -> Iterator[tuple[Path, Field]]:
    """The text of each usable caption file, cue after cue as written in its file (not the timing lines), one line
    apart: what viewers read on a video, where a sentence or a phone number may run on from one cue into the next."""
    for item in _videos(post, ctx):
        for caption in item.files:
            if not caption.usable:
                continue
            captions = caption.parsed
            parts: list[str] = []
            segments: list[Segment] = []
            at = 0
            for cue in captions.cues:
                start = captions.offset(cue.line + 1)
                end = captions.offset(cue.end_line) + captions.line_length(cue.end_line)
                if cue.end_line > cue.line and end > start:
                    segments.append(Segment(at, start, end - start))
                    parts.append(captions.source.text[start:end])
                    at += end - start + 1
            if parts:
                yield caption.path, Field("\n".join(parts), captions.source, segments, segments[0].file_start)


def reading_length(cue: Cue) -> int:
    """Characters a viewer reads: spaces and punctuation count, line breaks do not."""
    return len(cue.plain_text.replace("\n", ""))


@rule("A304", "captions-reading-speed", Severity.WARNING, "cue faster than max-cps characters per second")
def captions_reading_speed(post: Post, ctx: Context) -> Iterator[Problem]:
    options = ctx.config.captions
    for _, caption, cue in _valid_cues(post, ctx):
        duration = cue.end - cue.start
        if duration <= 0:
            continue  # A307
        if options.max_wpm:
            words = len(cue.plain_text.split())
            wpm = words * 60 / duration
            if wpm > options.max_wpm:
                yield Problem(
                    f"cue reads at {wpm:.0f} words per minute (most {options.max_wpm:g}): "
                    "shorten the text or show it longer",
                    _cue_span(caption.parsed, cue),
                    path=caption.path,
                )
            continue
        cps = reading_length(cue) / duration
        if cps > options.max_cps:
            yield Problem(
                f"cue reads at {cps:.1f} characters per second (most {options.max_cps:g}): "
                "shorten the text or show it longer",
                _cue_span(caption.parsed, cue),
                path=caption.path,
            )


@rule("A305", "captions-line-length", Severity.WARNING, "caption line too long, or too many lines in a cue")
def captions_line_length(post: Post, ctx: Context) -> Iterator[Problem]:
    options = ctx.config.captions
    for item, caption, cue in _valid_cues(post, ctx):
        lines = cue.lines
        for index, line in enumerate(lines):
            if len(line) > options.max_chars_per_line:
                number = cue.line + 1 + index
                yield Problem(
                    f"caption line has {len(line)} characters (most {options.max_chars_per_line}): break it",
                    _line_span(caption.parsed, number),
                    path=caption.path,
                )
        most = options.max_lines_vertical if item.info.vertical else options.max_lines
        if len(lines) > most:
            kind = " on a vertical video" if item.info.vertical else ""
            yield Problem(
                f"cue has {len(lines)} lines (most {most}{kind}): split it into two cues",
                _cue_span(caption.parsed, cue),
                path=caption.path,
            )


@rule("A306", "captions-duration", Severity.WARNING, "cue shown too briefly or too long")
def captions_duration(post: Post, ctx: Context) -> Iterator[Problem]:
    options = ctx.config.captions
    for _, caption, cue in _valid_cues(post, ctx):
        duration = cue.end - cue.start
        if duration <= 0:
            continue  # A307
        if duration < options.min_duration:
            message = f"cue is shown for {duration:.2f} s (least {options.min_duration:g} s): too quick to read"
        elif duration > options.max_duration:
            message = f"cue is shown for {duration:.1f} s (most {options.max_duration:g} s): split it"
        else:
            continue
        yield Problem(message, _cue_span(caption.parsed, cue), path=caption.path)


@rule("A307", "captions-timing", Severity.ERROR, "cues overlap, run backwards, or end after the video ends")
def captions_timing(post: Post, ctx: Context) -> Iterator[Problem]:
    for item in _videos(post, ctx):
        length = item.info.duration
        for caption in item.files:
            if not caption.usable:
                continue
            previous: Cue | None = None
            for cue in caption.parsed.cues:
                span = _cue_span(caption.parsed, cue)
                if cue.end < cue.start:
                    message = f"cue ends ({_clock(cue.end)}) before it starts ({_clock(cue.start)})"
                elif cue.end == cue.start:
                    message = f"cue starts and ends at {_clock(cue.start)}: it is never shown"
                elif previous is not None and cue.start < previous.start:
                    message = f"cue at {_clock(cue.start)} comes after one at {_clock(previous.start)}: out of order"
                elif previous is not None and cue.start < previous.end:
                    message = (
                        f"cue starts at {_clock(cue.start)}, before the previous one ends ({_clock(previous.end)})"
                    )
                elif length is not None and cue.end > length + 0.5:
                    message = f"cue ends at {_clock(cue.end)}, after the video ends ({_clock(length)})"
                else:
                    message = ""
                if message:
                    yield Problem(message, span, path=caption.path)
                previous = cue


# --- A308 ----------------------------------------------------------------------------------------------------


def _locale_of(name: str) -> str | None:
    """The `lang_CC` part of a caption file's name without its suffix (`clip.lang_CC`), or None. Facebook reads the
    language from the part before `.srt` whatever comes before it, so a listed `subs/final.en_GB.srt` has one too."""
    before, dot, tag = name.rpartition(".")
    return tag if dot and before and LOCALE_NAME.match(tag) else None


def _suits(platform: str, caption: CaptionFile, limit: Any) -> bool:
    suffix = caption.path.suffix.lower()
    if suffix not in limit.caption_formats:
        return False
    if platform == "facebook" and _locale_of(caption.path.name[: -len(caption.path.suffix)]) is None:
        return False
    return not (limit.caption_bytes is not None and caption.path.stat().st_size > limit.caption_bytes)


def _target(platform: str, source: CaptionFile, video: Path, suffix: str, locale: str) -> Path | None:
    """Where the converted sidecar goes: beside the video, named as the platform wants."""
    name = source.path.name[: -len(source.path.suffix)]
    if name != video.stem and not name.startswith(video.stem + "."):
        # a listed file named otherwise (subs/final.srt): only a sidecar counts as the video's; its language goes along
        locale_tag = _locale_of(name)
        name = video.stem + (f".{locale_tag}" if locale_tag else "")
    if platform == "facebook" and _locale_of(name) is None:
        tag = name[len(video.stem) + 1 :] if name.startswith(video.stem + ".") else ""
        language, _, country = tag.partition("-")
        if language.isalpha() and country.isalpha():  # BCP 47's en-GB is Facebook's en_GB
            name = f"{video.stem}.{language.lower()}_{country.upper()}"
        elif tag and tag.lower() != locale.split("_")[0].lower():
            return None  # a language whose country we cannot guess
        else:
            name = f"{video.stem}.{locale}"
    return video.parent / (name + suffix)


@rule(
    "A308",
    "captions-format-for-platform",
    Severity.ERROR,
    "the video has caption files but none suits a target platform",
    fixable="safe",
)
def captions_format_for_platform(post: Post, ctx: Context) -> Iterator[Problem]:
    if not post.videos:
        return
    from postcheck.media.captions import convert
    from postcheck.rules.media_limits import join_names, platform_limits

    locale = str(ctx.config.captions.locale)
    for item in _videos(post, ctx):
        usable = [c for c in item.files if c.usable]
        if not usable:
            continue  # no caption files (A301) or only broken ones (A302)
        needs: dict[str, list[Any]] = {}  # suffix (or "burned-in") -> the limits of platforms that need it
        for platform in ctx.platforms(post):
            limit = platform_limits(ctx, platform)
            formats = limit.caption_formats
            if not formats or any(_suits(platform, c, limit) for c in usable):
                continue
            if formats == ("burned-in",):
                if not item.video.burned_in:
                    needs.setdefault("burned-in", []).append((platform, limit))
                continue
            needs.setdefault(formats[0], []).append((platform, limit))
        for suffix, wanting in needs.items():
            names = [limit.name for _, limit in wanting]
            joined = join_names(names)
            if suffix == "burned-in":
                yield Problem(
                    f"{joined} shows no caption files: burn the captions into the video and write "
                    "`captions: burned-in`",
                    item.video.file.span(),
                )
                continue
            platforms = [p for p, _ in wanting]
            bounds = [limit.caption_bytes for _, limit in wanting if limit.caption_bytes is not None]
            most = min(bounds) if bounds else None
            source = min(usable, key=lambda c: (len(c.parsed.issues), c.path.suffix.lower() == ".sbv"))
            target = _target("facebook" if "facebook" in platforms else platforms[0], source, item.path, suffix, locale)
            content = convert(source.parsed, suffix.lstrip("."))
            fix = None
            fits = most is None or len(content.encode()) <= most
            # a file with A302 issues is not converted: players differ on it, and the copy would carry the doubt
            if target is not None and not target.exists() and fits and not source.parsed.issues:
                fix = Fix.safe(Edit(0, 0, content, path=target, create=True))
            want = f"{suffix} captions" + (f" named like {item.path.stem}.en_GB.srt" if "facebook" in platforms else "")
            if most is not None:
                want += f" of at most {most // 1024} KB" if most % 1024 == 0 else f" of at most {most:,} bytes"
            have = ", ".join(_name(c.path, post) for c in usable)
            message = f"{joined} {'takes' if len(names) == 1 else 'take'} {want}; the video has {have}"
            if fix is not None:
                message += f" (--fix writes {_name(target, post)})"
            yield Problem(message, item.video.file.span(), fix=fix)
