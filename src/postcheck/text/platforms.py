"""Each platform's limits (one table, with sources), and counting text the platform's way."""

from __future__ import annotations

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


COMMON_IMAGES = ("JPEG", "PNG", "GIF", "WEBP")

PLATFORMS: dict[str, Limits] = {
    "x": Limits(
        "X",
        280,
        "x-weighted",
        4,
        4,
        1000,
        COMMON_IMAGES,
        5 * MB,
        15 * MB,
        (".mp4", ".mov"),
        512 * MB,
        140.0,
        (".srt",),
        sources={
            "text": "twitter-text v3 config (maxWeightedTweetLength 280, URL 23)",
            "media": "X help: up to 4 photos, or 1 GIF or video; photos 5 MB, GIFs 15 MB (mobile) ",
            "alt": "X help: image descriptions up to 1,000 characters",
            "video": "X media best practices: 512 MB, 2 min 20 s (140 s)",
        },
    ),
    "facebook": Limits(
        "Facebook",
        63206,
        "characters",
        None,
        None,
        1000,
        COMMON_IMAGES + ("BMP", "TIFF"),
        30 * MB,
        30 * MB,
        (".mp4", ".mov"),
        4 * 1024 * MB,
        240 * 60.0,
        (".srt",),
        sources={
            "text": "Facebook post limit 63,206 characters",
            "captions": "Facebook SRT named name.<lang>_<CC>.srt",
        },
    ),
    "instagram": Limits(
        "Instagram",
        2200,
        "characters",
        20,
        20,
        1000,
        ("JPEG", "PNG"),
        8 * MB,
        8 * MB,
        (".mp4", ".mov"),
        4 * 1024 * MB,
        15 * 60.0,
        ("burned-in",),
        links_clickable=False,
        sources={"text": "Instagram caption 2,200 characters", "media": "carousel up to 20 items"},
    ),
    "linkedin": Limits(
        "LinkedIn",
        3000,
        "characters",
        20,
        20,
        1000,
        ("JPEG", "PNG", "GIF"),
        5 * MB,
        5 * MB,
        (".mp4", ".mov"),
        5 * 1024 * MB,
        15 * 60.0,
        (".srt",),
        sources={"text": "LinkedIn post 3,000 characters", "alt": "1,000 in the app; 256 via schedulers' API"},
    ),
    "youtube": Limits(
        "YouTube",
        5000,
        "characters",
        None,
        0,
        None,
        (),
        None,
        None,
        (".mp4", ".mov", ".webm", ".avi", ".mkv"),
        256 * 1024 * MB,
        12 * 3600.0,
        (".srt", ".vtt", ".sbv"),
        title_max=100,
        sources={"text": "YouTube description 5,000 characters, title 100"},
    ),
    "mastodon": Limits(
        "Mastodon",
        500,
        "characters-url23",
        4,
        4,
        1500,
        COMMON_IMAGES,
        16 * MB,
        16 * MB,
        (".mp4", ".mov", ".webm"),
        99 * MB,
        None,
        (),
        sources={"text": "Mastodon default 500 characters, URLs count 23", "alt": "Mastodon 1,500 characters"},
    ),
    "bluesky": Limits(
        "Bluesky",
        300,
        "graphemes",
        4,
        4,
        2000,
        ("JPEG", "PNG", "GIF", "WEBP"),
        1_000_000,
        1_000_000,
        (".mp4",),
        100 * MB,
        180.0,
        (".vtt",),
        caption_bytes=20 * 1024,
        sources={"text": "Bluesky 300 graphemes", "media": "4 images, each at most 1,000,000 bytes"},
    ),
    "threads": Limits(
        "Threads",
        500,
        "characters",
        20,
        20,
        1000,
        ("JPEG", "PNG"),
        8 * MB,
        8 * MB,
        (".mp4", ".mov"),
        1024 * MB,
        5 * 60.0,
        (),
        links_max=5,
        sources={"text": "Threads 500 characters, at most 5 links"},
    ),
}


def limits(platform: str, overrides: dict[str, Any] | None = None) -> Limits:
    """The limits of a platform, with `[platform.<name>]` config overrides (kebab-case keys)."""
    base = PLATFORMS[platform]
    if not overrides:
        return base
    changes = {k.replace("-", "_"): v for k, v in overrides.items()}
    unknown = set(changes) - set(base.__dataclass_fields__)
    if unknown:
        from postcheck.config import ConfigError

        raise ConfigError(f"platform.{platform}: unknown limit {sorted(unknown)[0]!r}")
    return replace(base, **changes)
