"""P102 and P103: how many images and videos a platform takes, and which files it accepts."""

from __future__ import annotations

from collections.abc import Iterator

from postcheck.context import Context
from postcheck.model import Field, Image, Post, Problem, Severity
from postcheck.rules import rule
from postcheck.text import counted
from postcheck.text.platforms import Limits, limits

_LIMITS = "platform-limits"  # ctx.memo key: platform name -> its Limits with the config's overrides, once per run


def platform_limits(ctx: Context, name: str) -> Limits:
    """One platform's limits, with its `[platform.<name>]` overrides from config (checked when config loads)."""
    table = ctx.memo.get(_LIMITS)
    if table is None:
        table = ctx.memo[_LIMITS] = {}
    found = table.get(name)
    if found is None:
        found = table[name] = limits(name, ctx.config.platform.get(name))
    return found


def post_limits(post: Post, ctx: Context) -> list[Limits]:
    """The limits of every platform the post goes to, with `[platform.<name>]` overrides from config; once per
    post (four rules ask)."""
    return ctx.per_post(post, "limits", lambda: [platform_limits(ctx, name) for name in ctx.platforms(post)])


def join_names(names: list[str]) -> str:
    """Platform names as a sentence reads them: "X", "X and Threads", "X, Bluesky and Threads"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _grouped(found: dict[tuple, list[str]]) -> Iterator[tuple[tuple, str, str]]:
    """(key, platform names joined, verb) for problems shared by several platforms."""
    for key, names in found.items():
        yield key, join_names(names), "takes" if len(names) == 1 else "take"


def _sizes(size: int, limit: int) -> tuple[str, str]:
    """A file size and the limit it passes, in the limit's own unit: whole MB, or bytes (Bluesky's 1,000,000)."""
    mb = 1024 * 1024
    if limit % mb == 0:
        return f"{size / mb:.1f} MB", f"{limit // mb} MB"
    return f"{size:,} bytes", f"{limit:,} bytes"


# --- P102 -------------------------------------------------------------------------------------------------


@rule("P102", "too-many-media", Severity.ERROR, "more images or videos than the platform takes")
def too_many_media(post: Post, ctx: Context) -> Iterator[Problem]:
    images, videos = len(post.images), len(post.videos)
    if not images and not videos:
        return
    media: list[Field] = [i.file for i in post.images] + [v.file for v in post.videos]
    found: dict[tuple, list[str]] = {}
    for lim in post_limits(post, ctx):
        # Platforms that take no images (YouTube uploads are videos) are not judged on images here.
        if lim.images_max and images > lim.images_max:
            found.setdefault(("images", lim.images_max), []).append(lim.name)
        elif lim.videos_max is not None and videos > lim.videos_max:
            found.setdefault(("videos", lim.videos_max), []).append(lim.name)
        elif not lim.media_mix and images and videos and lim.images_max != 0:
            found.setdefault(("mix", 0), []).append(lim.name)
        elif lim.media_max is not None and (videos or lim.images_max) and images + videos > lim.media_max:
            found.setdefault(("media", lim.media_max), []).append(lim.name)
    for (what, most), names, verb in _grouped(found):
        if what == "images":
            message = f"{images} images; {names} {verb} at most {most} per post"
            where = post.images[most].file.span()
        elif what == "videos":
            message = f"{counted(videos, 'video')}; {names} {verb} at most {counted(most, 'video')} per post"
            where = post.videos[most].file.span()
        elif what == "mix":
            message = f"images and a video together; {names} {verb} images or a video, not both"
            where = post.videos[0].file.span()
        else:
            message = (
                f"{counted(images, 'image')} and {counted(videos, 'video')}; {names} {verb} at most {most} per post"
            )
            where = media[most].span()
        yield Problem(message + ": split it into a thread or drop some", where)


# --- P103 -------------------------------------------------------------------------------------------------


def _image_problems(post: Post, ctx: Context) -> Iterator[Problem]:
    """Image format, file size and dimensions outside what each platform accepts."""
    from postcheck.media import MediaError
    from postcheck.media.images import image_info

    platforms = [lim for lim in post_limits(post, ctx) if lim.images_max != 0]
    if not platforms:
        return
    for image in post.images:
        path = ctx.media_path(post, image.file)
        if path is None:
            continue  # remote, missing, outside or no regular file: F004/F005/F006 say so
        info = image_info(ctx, path)
        if isinstance(info, MediaError):
            continue  # F006
        for message in _image_refusals(image, info, platforms):
            yield Problem(message, image.file.span())


def _image_refusals(image: Image, info, platforms: list[Limits]) -> Iterator[str]:
    """One message per kind of refusal, naming every platform that refuses it."""
    name = image.file.value
    found: dict[tuple, list[str]] = {}
    for lim in platforms:
        if lim.image_formats and info.format not in lim.image_formats:
            found.setdefault(("format", ", ".join(map(str, lim.image_formats))), []).append(lim.name)
            continue
        most = lim.gif_bytes if info.format == "GIF" else lim.image_bytes
        if most is not None and info.size > most:
            found.setdefault(("bytes", most), []).append(lim.name)
        side = max(info.width, info.height)
        if lim.image_max_side is not None and side > lim.image_max_side:
            found.setdefault(("max-side", lim.image_max_side), []).append(lim.name)
        if lim.image_min_side is not None and min(info.width, info.height) < lim.image_min_side:
            found.setdefault(("min-side", lim.image_min_side), []).append(lim.name)
        if lim.image_max_pixels is not None and info.width * info.height > lim.image_max_pixels:
            found.setdefault(("pixels", lim.image_max_pixels), []).append(lim.name)
        if lim.image_aspect is not None:
            low, high = lim.image_aspect  # a list when set in postcheck.toml
            ratio = info.width / info.height
            if not low - 0.005 <= ratio <= high + 0.005:
                found.setdefault(("aspect", (low, high)), []).append(lim.name)
    for (what, value), names, verb in _grouped(found):
        if what == "format":
            yield f"'{name}' is {info.format}; {names} {verb} only {value}: convert it"
        elif what == "bytes":
            kind = "GIFs" if info.format == "GIF" else "images"
            size, limit = _sizes(info.size, value)
            yield f"'{name}' is {size}; {names} {verb} {kind} up to {limit}: compress it"
        elif what == "max-side":
            yield f"'{name}' is {info.width} x {info.height} pixels; {names} {verb} at most {value} on a side"
        elif what == "min-side":
            yield f"'{name}' is {info.width} x {info.height} pixels; {names} {verb} at least {value} on a side"
        elif what == "pixels":
            yield f"'{name}' has {info.width * info.height:,} pixels; {names} {verb} at most {value:,}: resize it"
        elif what == "aspect":
            low, high = value
            yield (
                f"'{name}' is {info.width} x {info.height} (ratio {info.width / info.height:.2f}); {names} {verb} "
                f"width/height ratios from {low:g} to {high:g} only: crop or pad it"
            )


def _video_problems(post: Post, ctx: Context) -> Iterator[Problem]:
    """Video format (file type), file size and duration outside each platform's limits."""
    if not post.videos:
        return  # the video module is imported only for a post that has a video
    from postcheck.media import IMAGE_SUFFIXES, MediaError
    from postcheck.media.video import probe

    platforms = [lim for lim in post_limits(post, ctx) if lim.video_formats]
    for video in post.videos if platforms else []:
        path = ctx.media_path(post, video.file)
        if path is None or path.suffix.lower() in IMAGE_SUFFIXES:
            continue  # remote, missing, outside or no regular file, or an image listed as a video: F004/F005/F006
        info = probe(ctx, path)
        if isinstance(info, MediaError):
            continue  # F006
        name, suffix = video.file.value, path.suffix.lower()
        found: dict[tuple, list[str]] = {}
        for lim in platforms:
            if suffix not in lim.video_formats:
                found.setdefault(("format", " or ".join(lim.video_formats)), []).append(lim.name)
                continue
            if lim.video_bytes is not None and info.size > lim.video_bytes:
                found.setdefault(("bytes", lim.video_bytes), []).append(lim.name)
            if lim.video_seconds is not None and info.duration is not None and info.duration > lim.video_seconds:
                found.setdefault(("seconds", lim.video_seconds), []).append(lim.name)
        for (what, value), names, verb in _grouped(found):
            if what == "format":
                message = f"'{name}' is a {suffix or 'file without a type'}; {names} {verb} only {value} videos"
            elif what == "bytes":
                size, limit = _sizes(info.size, value)
                message = f"'{name}' is {size}; {names} {verb} videos up to {limit}"
            else:
                minutes, seconds = divmod(int(value), 60)
                most = f"{minutes} min {seconds} s" if minutes and seconds else f"{minutes} min" if minutes else ""
                most = most or f"{value:g} s"
                message = f"'{name}' lasts {info.duration:.0f} s; {names} {verb} videos up to {most}: trim it"
            yield Problem(message, video.file.span())


@rule("P103", "media-not-accepted", Severity.ERROR, "image or video size, format, dimensions or duration not accepted")
def media_not_accepted(post: Post, ctx: Context) -> Iterator[Problem]:
    yield from _image_problems(post, ctx)
    yield from _video_problems(post, ctx)
