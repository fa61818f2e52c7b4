"""Probe videos in-process with PyAV: duration, streams, size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from postcheck.media import MediaError


@dataclass(frozen=True)
class VideoInfo:
    """What the container says about a video."""

    duration: float | None
    width: int
    height: int
    has_audio: bool
    subtitle_codecs: tuple[str, ...]
    size: int


def probe_video(path: Path) -> VideoInfo:
    """Open the container and read its stream headers; raises MediaError with the reason."""
    import av

    size = path.stat().st_size
    if size == 0:
        raise MediaError("empty file (0 bytes)")
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            video = next((s for s in container.streams if s.type == "video"), None)
            if video is None:
                raise MediaError("no video stream in the file")
            duration = container.duration / 1_000_000 if container.duration else None
            return VideoInfo(
                duration=duration,
                width=video.codec_context.width,
                height=video.codec_context.height,
                has_audio=any(s.type == "audio" for s in container.streams),
                subtitle_codecs=tuple(s.codec_context.name for s in container.streams if s.type == "subtitle"),
                size=size,
            )
    except av.FFmpegError as error:
        raise MediaError(f"not a video PyAV can read: {error}") from None
