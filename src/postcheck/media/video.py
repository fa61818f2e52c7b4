"""Probe videos in-process with PyAV (streams, duration, size, rotation) and measure where their audio is audible.

Probing reads only the container headers; results are cached on disk by content hash (see probe_cache.py).
MP4/MOV files are also walked box by box first: a truncated file is refused before FFmpeg sees it, and the
track header's display matrix gives the rotation without decoding a frame.
"""

from __future__ import annotations

import os
import struct
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck.media import MediaError, open_regular
from postcheck.media.probe_cache import cached, cached_int, result_from_json

if TYPE_CHECKING:
    from postcheck.context import Context

PROBE_OPTIONS = {"probesize": "5000000", "analyzeduration": "5000000"}  # bound FFmpeg's look at broken files
OPEN_TIMEOUT = 5.0  # seconds FFmpeg may block on one read
TOP_LEVEL_BOXES = {b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip", b"pnot", b"uuid"}  # ISO BMFF / QuickTime


@dataclass(frozen=True)
class VideoInfo:
    """What the container says about a video."""

    duration: float | None
    width: int
    height: int
    has_audio: bool
    subtitle_codecs: tuple[str, ...]
    size: int
    video_codec: str = ""
    audio_codec: str = ""
    audio_channels: int = 0
    audio_rate: int = 0
    fps: float | None = None
    rotation: int = 0  # degrees, counter-clockwise, from the display matrix
    format_name: str = ""

    @property
    def display_size(self) -> tuple[int, int]:
        """(width, height) as shown, after rotation."""
        if self.rotation % 180 == 90:
            return self.height, self.width
        return self.width, self.height

    @property
    def vertical(self) -> bool:
        """Taller than wide as shown (stories, reels, shorts): captions may take three lines."""
        width, height = self.display_size
        return height > width

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> VideoInfo:
        """The VideoInfo that `to_json` wrote; raises ValueError for anything else (the cache is untrusted)."""
        if not isinstance(data, dict) or data.keys() != {f.name for f in fields(cls)}:
            raise ValueError("not a VideoInfo")
        codecs = data["subtitle_codecs"]
        if not isinstance(codecs, list | tuple) or not all(isinstance(c, str) for c in codecs):
            raise ValueError("subtitle_codecs: not a list of names")
        for name in ("video_codec", "audio_codec", "format_name"):
            if not isinstance(data[name], str):
                raise ValueError(f"{name}: not a string")
        if not isinstance(data["has_audio"], bool):
            raise ValueError("has_audio: not a boolean")
        return cls(
            duration=None if data["duration"] is None else _cached_number(data["duration"]),
            width=cached_int(data["width"], 1, 2**31),
            height=cached_int(data["height"], 1, 2**31),  # never 0: rules divide by it
            has_audio=data["has_audio"],
            subtitle_codecs=tuple(codecs),
            size=cached_int(data["size"], 0, 2**63),
            video_codec=data["video_codec"],
            audio_codec=data["audio_codec"],
            audio_channels=cached_int(data["audio_channels"], 0, 2**31),
            audio_rate=cached_int(data["audio_rate"], 0, 2**31),
            fps=None if data["fps"] is None else _cached_number(data["fps"]),
            rotation=cached_int(data["rotation"], 0, 360),
            format_name=data["format_name"],
        )


def _cached_number(value: Any) -> float:
    """A number read from the cache, as a float; ValueError for a bool, a string, NaN, 1e400 (inf) or 10**400."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not -(2**53) < value < 2**53:
        raise ValueError(f"not a number in range: {value!r:.40}")
    return float(value)


def probe_video(path: Path, cache_dir: Path | None = None) -> VideoInfo:
    """Read a video's stream headers (cached under cache_dir by content); raises MediaError with the reason."""
    if cache_dir is None:
        return _probe(path)
    result = cached(cache_dir, path, "probe", lambda: _probe_json(path), _probe_from_json)
    if isinstance(result, str):
        raise MediaError(result)
    return result


def probe(ctx: Context, path: Path) -> VideoInfo | MediaError:
    """probe_video once per run (shared with F006) through the disk cache."""
    return ctx.read_media(probe_video, path, ctx.cache_dir)


def _probe_json(path: Path) -> dict[str, Any]:
    try:
        return {"info": _probe(path).to_json()}
    except MediaError as error:
        return {"error": str(error)}


def _probe_from_json(data: Any) -> VideoInfo | str:
    """What `_probe_json` wrote: the VideoInfo, or the reason the file is not a readable video; ValueError else."""
    return result_from_json(data, "info", VideoInfo.from_json)


def _probe(path: Path) -> VideoInfo:
    import av

    with open_regular(path) as file:  # a pipe swapped in for the file must not hang the run
        size = os.fstat(file.fileno()).st_size
        head = file.read(512)
    if size == 0:
        raise MediaError("empty file (0 bytes)")
    if _is_text(head):
        raise MediaError("not a video: the file holds text")
    rotation = 0
    if head[4:8] in TOP_LEVEL_BOXES:
        rotation = _check_bmff(path, size)
    try:
        with (
            open_regular(path) as source,
            av.open(source, options=PROBE_OPTIONS, timeout=OPEN_TIMEOUT, metadata_errors="ignore") as container,
        ):
            video = next((s for s in container.streams if s.type == "video"), None)
            if video is None:
                raise MediaError("no video stream in the file")
            audio = next((s for s in container.streams if s.type == "audio"), None)
            duration = container.duration / 1_000_000 if container.duration else None
            if duration is None and video.duration and video.time_base:
                duration = float(video.duration * video.time_base)
            rate = video.average_rate or video.guessed_rate
            if not rotation:
                rotation = _metadata_rotation(video.metadata)
            ctx = video.codec_context
            if not ctx.width or not ctx.height:
                raise MediaError("the video stream has no picture size (corrupt header)")
            return VideoInfo(
                duration=duration,
                width=ctx.width,
                height=ctx.height,
                has_audio=audio is not None,
                subtitle_codecs=tuple(s.codec_context.name for s in container.streams if s.type == "subtitle"),
                size=size,
                video_codec=ctx.name or "",
                audio_codec=(audio.codec_context.name or "") if audio is not None else "",
                audio_channels=audio.codec_context.channels if audio is not None else 0,
                audio_rate=(audio.codec_context.sample_rate or 0) if audio is not None else 0,
                fps=float(rate) if rate else None,
                rotation=rotation,
                format_name=container.format.name,
            )
    except av.FFmpegError as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise MediaError(f"not a video PyAV can read ({reason})") from None


def _metadata_rotation(metadata: dict[str, str]) -> int:
    try:
        return int(float(metadata.get("rotate", 0))) % 360
    except ValueError:
        return 0


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > len(head) - 4  # a character cut at the end of the sample
    return True


def _boxes(data: bytes, start: int, end: int):
    """(type, payload start, payload end) of the boxes in data[start:end]."""
    i = start
    while i + 8 <= end:
        size, kind = struct.unpack(">I4s", data[i : i + 8])
        header = 8
        if size == 1 and i + 16 <= end:
            size, header = struct.unpack(">Q", data[i + 8 : i + 16])[0], 16
        elif size == 0:
            size = end - i
        if size < header or i + size > end:
            return
        yield kind, i + header, i + size
        i += size


def _check_bmff(path: Path, size: int) -> int:
    """Walk an MP4/MOV's top-level boxes; raise MediaError when one runs past the end; return the rotation."""
    moov: tuple[int, int] | None = None
    with open_regular(path) as file:  # never blocks on a pipe swapped in
        offset = 0
        while offset + 8 <= size:
            file.seek(offset)
            head = file.read(16)
            box_size, kind = struct.unpack(">I4s", head[:8])
            header = 8
            if box_size == 1:
                if len(head) < 16:
                    raise MediaError("truncated file: it ends inside a box header")
                box_size, header = struct.unpack(">Q", head[8:16])[0], 16
            elif box_size == 0:
                box_size = size - offset
            if box_size < header:
                if offset == 0:
                    raise MediaError("not an MP4/MOV file (bad first box)")
                raise MediaError(f"corrupt file: box of size {box_size} at byte {offset}")
            if offset + box_size > size:
                name = kind.decode("latin-1")
                raise MediaError(
                    f"truncated file: the '{name}' box needs {offset + box_size:,} bytes but the file has {size:,}"
                )
            if kind == b"moov":
                moov = (offset + header, offset + box_size)
            offset += box_size
        if offset != size and offset > 0 and size - offset < 8:
            raise MediaError("truncated file: it ends inside a box header")
        if moov is None:
            return 0
        if moov[1] - moov[0] > 64 * 1024 * 1024:
            return 0
        file.seek(moov[0])
        data = file.read(moov[1] - moov[0])
    return _video_track_rotation(data)


def _video_track_rotation(moov: bytes) -> int:
    """Rotation from the display matrix in the video track's header (tkhd), in degrees counter-clockwise."""
    import math

    for kind, start, end in _boxes(moov, 0, len(moov)):
        if kind != b"trak":
            continue
        matrix = None
        handler = None
        for sub, s, e in _boxes(moov, start, end):
            if sub == b"tkhd":
                version = moov[s]
                at = s + (
                    4 + 8 + 8 + 4 + 4 + 8 if version == 1 else 4 + 4 + 4 + 4 + 4 + 4
                )  # past the times and track id
                at += 8 + 2 + 2 + 2 + 2  # reserved, layer, alternate group, volume, reserved
                if at + 36 <= e:
                    matrix = struct.unpack(">9i", moov[at : at + 36])
            elif sub == b"mdia":
                for box, hs, he in _boxes(moov, s, e):
                    if box == b"hdlr" and hs + 12 <= he:
                        handler = moov[hs + 8 : hs + 12]
        if handler == b"vide" and matrix is not None:
            a, b = matrix[0] / 65536, matrix[1] / 65536
            if a == 0 and b == 0:
                return 0
            # FFmpeg's av_display_rotation_get: counter-clockwise degrees
            return round(-math.degrees(math.atan2(b, a))) % 360
    return 0


# --- audio activity (A303) -----------------------------------------------------------------------------------

ANALYSIS_RATE = 8000  # Hz, mono: enough to tell speech from silence
WINDOW = 0.05  # seconds per RMS window
MAX_ANALYSED_SECONDS = 1200.0  # bound the decode (about 2 s): later sound is not analysed


@dataclass(frozen=True)
class AudioActivity:
    """Where a video's audio is audible: (start, end) seconds, and when the audio stream ends."""

    stretches: tuple[tuple[float, float], ...]
    audio_end: float
    reference_db: float  # the track's loud level (95th percentile window RMS, dBFS)

    def to_json(self) -> dict[str, Any]:
        return {
            "stretches": [list(s) for s in self.stretches],
            "audio_end": self.audio_end,
            "reference_db": self.reference_db,
        }

    @classmethod
    def from_json(cls, data: Any) -> AudioActivity:
        """The AudioActivity that `to_json` wrote; raises ValueError for anything else (the cache is untrusted)."""
        if not isinstance(data, dict) or data.keys() != {"stretches", "audio_end", "reference_db"}:
            raise ValueError("not an AudioActivity")
        if not isinstance(data["stretches"], list | tuple):
            raise ValueError("stretches: not a list")
        stretches: list[tuple[float, float]] = []
        for pair in data["stretches"]:
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise ValueError("stretches: not a list of (start, end) pairs")
            start, end = _cached_number(pair[0]), _cached_number(pair[1])
            if end < start or (stretches and start < stretches[-1][1]):
                raise ValueError("stretches: not in order")
            stretches.append((start, end))
        reference = data["reference_db"]  # only informative; a NaN from a damaged track is never cached
        if isinstance(reference, bool) or not isinstance(reference, int | float):
            raise ValueError("reference_db: not a number")
        return cls(tuple(stretches), _cached_number(data["audio_end"]), float(reference))


# Pauses up to this long (seconds) do not split an audible stretch: people pause between sentences, and a talk
# with a breath every few seconds is one long stretch of speech, not many short ones under A303's limit.
PAUSE_BRIDGE = 1.0


def audio_activity(path: Path, cache_dir: Path | None = None, relative_db: float = 30.0) -> AudioActivity:
    """Decode the first audio stream (mono, 8 kHz) and find audible stretches; raises MediaError."""
    if cache_dir is None:
        return _audio_activity(path, relative_db)
    result = cached(
        cache_dir,
        path,
        f"audio-{relative_db:g}-p{PAUSE_BRIDGE:g}",
        lambda: _activity_json(path, relative_db),
        lambda data: result_from_json(data, "activity", AudioActivity.from_json),
    )
    if isinstance(result, str):
        raise MediaError(result)
    return result


def _activity_json(path: Path, relative_db: float) -> dict[str, Any]:
    try:
        return {"activity": _audio_activity(path, relative_db).to_json()}
    except MediaError as error:
        return {"error": str(error)}


def _audio_activity(path: Path, relative_db: float) -> AudioActivity:
    import av
    import numpy as np

    chunks: list[Any] = []
    limit = int(MAX_ANALYSED_SECONDS * ANALYSIS_RATE)
    total = 0
    try:
        with (
            open_regular(path) as source,
            av.open(source, options=PROBE_OPTIONS, timeout=OPEN_TIMEOUT, metadata_errors="ignore") as container,
        ):
            if not container.streams.audio:
                return AudioActivity((), 0.0, -120.0)
            stream = container.streams.audio[0]
            stream.thread_type = "AUTO"
            start = float(stream.start_time * stream.time_base) if stream.start_time and stream.time_base else 0.0
            resampler = av.AudioResampler(format="flt", layout="mono", rate=ANALYSIS_RATE)
            try:
                for frame in container.decode(stream):
                    for out in resampler.resample(frame):
                        samples = out.to_ndarray().reshape(-1)
                        chunks.append(samples)
                        total += samples.size
                    if total >= limit:
                        break
            except av.FFmpegError:
                pass  # a damaged tail: analyse what decoded
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except av.FFmpegError as error:
        raise MediaError(f"the audio cannot be decoded ({getattr(error, 'strerror', None) or error})") from None
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    step = int(WINDOW * ANALYSIS_RATE)
    count = samples.size // step
    audio_end = start + samples.size / ANALYSIS_RATE
    if count == 0:
        return AudioActivity((), audio_end, -120.0)
    frames = samples[: count * step].astype(np.float64).reshape(count, step)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    db = 20 * np.log10(np.maximum(rms, 1e-6))
    reference = float(np.percentile(db, 95))
    threshold = max(reference - relative_db, -55.0)  # -55 dBFS: below it nothing is audible over a phone speaker
    audible = db > threshold
    stretches = _runs(audible, start, bridge=int(PAUSE_BRIDGE / WINDOW))
    return AudioActivity(tuple(stretches), audio_end, reference)


def _runs(mask: Any, offset: float, bridge: int) -> list[tuple[float, float]]:
    """(start, end) seconds of True runs in a per-window mask, joining runs split by `bridge` windows or fewer."""
    runs: list[list[int]] = []
    for i, on in enumerate(mask):
        if not on:
            continue
        if runs and i - runs[-1][1] <= bridge:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return [(offset + a * WINDOW, offset + b * WINDOW) for a, b in runs]
