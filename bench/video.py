"""Time video probing (PyAV, cold and cached) and A303's audio analysis; compare with spawning ffprobe.

Usage: python bench/video.py [--long]   (--long adds a 10-minute video for the A303 bound)
Videos are generated into a temporary folder with PyAV: H.264 320x180 at 25 fps, AAC 44.1 kHz stereo speech-like
tone bursts. Figures are medians of repeated in-process calls (the first call, which loads FFmpeg, is excluded).
"""

from __future__ import annotations

import argparse
import fractions
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from postcheck.media.video import audio_activity, probe_video  # noqa: E402


def make_test_video(path: Path, seconds: float, width: int = 320, height: int = 180, fps: int = 25) -> Path:
    """A realistic-ish clip: moving gradient picture, stereo AAC with 4 Hz-modulated tone bursts."""
    import av
    import numpy as np

    rate = 44100
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        video.options = {"preset": "ultrafast"}
        sound = container.add_stream("aac", rate=rate)
        sound.layout = "stereo"
        ramp = np.linspace(0, 255, width, dtype=np.float32)
        for i in range(int(seconds * fps)):
            row = ((ramp + i * 3) % 256).astype(np.uint8)
            picture = np.repeat(np.repeat(row[None, :, None], height, 0), 3, 2)
            for packet in video.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)
        step = 1024
        for k in range(0, int(seconds * rate), step):
            t = (np.arange(k, k + step) / rate).astype(np.float32)
            on = (t % 6.0) < 4.0  # 4 s of "speech", 2 s of silence
            mono = np.where(on, 0.4 * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t)) * np.sin(2 * np.pi * 220 * t), 0.0)
            stereo = np.stack([mono, mono]).astype(np.float32).reshape(1, -1, order="F")
            frame = av.AudioFrame.from_ndarray(stereo, format="flt", layout="stereo")
            frame.sample_rate, frame.pts, frame.time_base = rate, k, fractions.Fraction(1, rate)
            for packet in sound.encode(frame):
                container.mux(packet)
        for packet in sound.encode():
            container.mux(packet)
    return path


def median_ms(call, repeat: int) -> float:
    call()  # warm up: loads FFmpeg's libraries
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="also time A303 on a 10-minute video")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        clip = make_test_video(tmp / "clip60.mp4", 60.0)
        print(f"60 s test video: {clip.stat().st_size / 1e6:.1f} MB (H.264 320x180 25 fps, AAC 44.1 kHz stereo)")
        cold = median_ms(lambda: probe_video(clip), 50)
        print(f"probe_video, in-process, no cache:      {cold:7.2f} ms per video (median of 50)")
        cache = tmp / "cache"
        probe_video(clip, cache)
        warm = median_ms(lambda: probe_video(clip, cache), 200)
        print(f"probe_video, disk cache (mtime+size):   {warm:7.2f} ms per video (median of 200)")
        ffprobe = shutil.which("ffprobe")
        if ffprobe:
            command = [ffprobe, "-v", "error", "-show_format", "-show_streams", "-of", "json", str(clip)]
            spawn = median_ms(lambda: subprocess.run(command, capture_output=True, check=True), 20)
            print(f"ffprobe subprocess (ffmpeg-python way): {spawn:7.2f} ms per video (median of 20)")
        else:
            print("ffprobe subprocess: not installed here (DESIGN.md measured about 55 ms per video)")
        a303 = median_ms(lambda: audio_activity(clip), 5)
        print(f"A303 audio analysis, 60 s video:        {a303:7.0f} ms (median of 5)")
        if args.long:
            long = make_test_video(tmp / "clip600.mp4", 600.0, width=64, height=36, fps=5)
            print(f"A303 audio analysis, 10-minute video:   {median_ms(lambda: audio_activity(long), 3):7.0f} ms")


if __name__ == "__main__":
    main()
