"""Tiny videos made with PyAV at test time: silent or with sound, tone bursts, subtitle tracks, rotation."""

from __future__ import annotations

import fractions
from collections.abc import Callable, Sequence
from pathlib import Path

ASS_HEADER = (
    b"[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n[V4+ Styles]\n"
    b"Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
    b"Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
    b"MarginR, MarginV, Encoding\nStyle: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,"
    b"10,10,10,0\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
)


def tone(frequency: float = 440.0, level: float = 0.5) -> Callable:
    """A steady sine tone."""
    import numpy as np

    return lambda t: level * np.sin(2 * np.pi * frequency * t)


def silence() -> Callable:
    import numpy as np

    return lambda t: np.zeros_like(t)


def bursts(spans: Sequence[tuple[float, float]], frequency: float = 300.0, level: float = 0.5) -> Callable:
    """Speech-like tone bursts (amplitude-modulated at 4 Hz like syllables) during the given (start, end) spans."""
    import numpy as np

    def signal(t):
        on = np.zeros_like(t, dtype=bool)
        for start, end in spans:
            on |= (t >= start) & (t < end)
        syllables = 0.6 + 0.4 * np.sin(2 * np.pi * 4 * t)
        return np.where(on, level * syllables * np.sin(2 * np.pi * frequency * t), 0.0)

    return signal


def make_video(
    path: Path,
    seconds: float = 2.0,
    *,
    fps: int = 4,
    width: int = 32,
    height: int = 32,
    audio: Callable | None = None,
    rate: int = 8000,
    audio_bit_rate: int | None = None,
    rotation: int = 0,
    subtitles: Sequence[tuple[float, float, str]] | None = None,
) -> Path:
    """Write a small H.264 MP4 (AAC sound when `audio` maps times to samples; mov_text cues when given)."""
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        video.options = {"preset": "ultrafast"}
        if rotation:
            video.set_display_rotation(rotation)
        sound = None
        if audio is not None:
            sound = container.add_stream("aac", rate=rate)
            sound.layout = "mono"
            if audio_bit_rate:
                sound.bit_rate = audio_bit_rate
        text = None
        if subtitles:
            text = container.add_stream("mov_text")
            text.codec_context.subtitle_header = ASS_HEADER
        for i in range(max(1, round(seconds * fps))):
            picture = np.full((height, width, 3), (i * 40) % 256, np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)
        if sound is not None:
            count = int(seconds * rate)
            samples = audio(np.arange(count) / rate).astype(np.float32)
            for k in range(0, count, 1024):
                frame = av.AudioFrame.from_ndarray(samples[k : k + 1024].reshape(1, -1), format="flt", layout="mono")
                frame.sample_rate, frame.pts, frame.time_base = rate, k, fractions.Fraction(1, rate)
                for packet in sound.encode(frame):
                    container.mux(packet)
            for packet in sound.encode():
                container.mux(packet)
        for start, end, words in subtitles or ():
            data = words.encode()
            packet = av.Packet(len(data).to_bytes(2, "big") + data)
            packet.stream = text
            packet.time_base = fractions.Fraction(1, 1000)
            packet.pts = packet.dts = int(start * 1000)
            packet.duration = int((end - start) * 1000)
            container.mux(packet)
    return path


def video_bytes(tmp: Path, name: str = "clip.mp4", **options) -> bytes:
    """The bytes of a generated video (for the `check` fixture's file dict)."""
    return make_video(tmp / name, **options).read_bytes()
