"""Read image headers with Pillow (lazily); decode frames only when a rule needs them (A106 flashing)."""

from __future__ import annotations

import math
import os
import warnings
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck.media import MediaError, open_regular
from postcheck.media.probe_cache import cached, cached_int, result_from_json

if TYPE_CHECKING:
    from postcheck.context import Context


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an image says."""

    format: str  # Pillow's format name: JPEG, PNG, GIF, WEBP... (a multi-picture JPEG counts as JPEG)
    width: int
    height: int
    frames: int
    size: int  # bytes on disk

    @property
    def animated(self) -> bool:
        return self.frames > 1

    @classmethod
    def from_json(cls, data: Any) -> ImageInfo:
        """What `asdict` wrote to the media cache; ValueError or TypeError for anything else."""
        if not isinstance(data, dict) or data.keys() != {f.name for f in fields(cls)}:
            raise ValueError("not an image info")
        if not isinstance(data["format"], str):
            raise ValueError("format not a string")
        return cls(
            format=data["format"],
            width=cached_int(data["width"], 1, MAX_PIXELS + 1),
            height=cached_int(data["height"], 1, MAX_PIXELS + 1),
            frames=cached_int(data["frames"], 1, 2**31),
            size=cached_int(data["size"], 1, 2**63),
        )


MAX_PIXELS = 89_478_485  # Pillow's default bomb threshold, made explicit: larger images are refused unread

# What a file's name promises, as Pillow format names. Suffixes not listed here are not compared.
SUFFIX_FORMATS = {
    ".jpg": ("JPEG",),
    ".jpeg": ("JPEG",),
    ".jpe": ("JPEG",),
    ".jfif": ("JPEG",),
    ".png": ("PNG",),
    ".apng": ("PNG",),
    ".gif": ("GIF",),
    ".webp": ("WEBP",),
    ".bmp": ("BMP",),
    ".tif": ("TIFF",),
    ".tiff": ("TIFF",),
    ".avif": ("AVIF",),
    ".heic": ("HEIF",),
    ".heif": ("HEIF",),
}
SUFFIX_NAMES = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "BMP": ".bmp", "TIFF": ".tif"}

TAIL_BYTES = 4096  # how much of a file's end is read to find its end marker
VERIFY_MAX_BYTES = 64 * 1024 * 1024  # PNG chunk CRCs are verified (streamed, no decoding) up to this size


def _sniff(head: bytes) -> str | None:
    """A short description of content Pillow does not read, for the error message."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return "HEIC/HEIF"
        if brand in (b"avif", b"avis"):
            return "AVIF"
        return "an MP4/MOV video"
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith((b"PK\x03\x04",)):
        return "a ZIP archive (or Office document)"
    if head.lstrip().startswith((b"<svg", b"<?xml")):
        return "SVG/XML text"
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text and all(c.isprintable() or c in "\r\n\t" for c in text):
        return "text"
    return None


def _check_complete(path: Path, fmt: str, size: int) -> None:
    """Raise MediaError when the file ends before its format's end marker (a truncated upload or copy)."""
    with open_regular(path) as handle:  # never blocks on a pipe swapped in
        handle.seek(max(0, size - TAIL_BYTES))
        tail = handle.read()
        if fmt == "WEBP":
            handle.seek(4)
            declared = int.from_bytes(handle.read(4), "little") + 8
            if declared > size:
                raise MediaError(f"truncated: the WebP header says {declared} bytes but the file has {size}")
    if fmt == "PNG" and b"IEND" not in tail:
        raise MediaError("truncated: the PNG ends before its IEND chunk")
    if fmt == "JPEG" and b"\xff\xd9" not in tail:
        raise MediaError("truncated: the JPEG ends before its end-of-image marker")
    if fmt == "GIF" and not tail.rstrip(b"\x00").endswith(b";"):
        raise MediaError("truncated: the GIF ends before its trailer")


def _verify_png(path: Path) -> None:
    """Check every PNG chunk's CRC without decoding pixels (memory stays at one chunk)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with open_regular(path) as handle, Image.open(handle) as image:
                image.verify()
    except Exception as error:  # noqa: BLE001 - Pillow raises many types for corrupt data
        raise MediaError(f"corrupt PNG data: {error}") from None


ROTATED = (5, 6, 7, 8)  # EXIF orientations that turn the picture a quarter: shown height x width


def _orientation(image) -> int:
    """The EXIF orientation tag (1 when there is none or the EXIF block is unreadable)."""
    if image.format == "PNG" and "exif" not in image.info:
        return 1  # Pillow would decode every pixel to look for an eXIf chunk after the image data (377 MB)
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - a broken EXIF block does not make the picture unusable
        return 1
    return value if isinstance(value, int) else 1


def inspect_image(path: Path, cache_dir: Path | None = None) -> ImageInfo:
    """`_inspect_image`, through the media cache (by content) when there is one: a run over images it has seen opens
    none of them, nor loads Pillow. The entry is kept per postcheck version, since what is refused may change, and
    per file suffix, since the same bytes named `.jpg` and `.png` are judged apart."""
    if cache_dir is None:
        return _inspect_image(path)
    from postcheck import __version__

    def compute() -> dict[str, Any]:
        try:
            return {"info": asdict(_inspect_image(path))}
        except MediaError as error:
            return {"error": str(error)}

    result = cached(cache_dir, path, f"image-{__version__}{path.suffix.lower()}", compute, _info_from_json)
    if isinstance(result, str):
        raise MediaError(result)
    return result


def _info_from_json(data: Any) -> ImageInfo | str:
    """What `compute` in inspect_image wrote: the ImageInfo, or why the file is no usable image; ValueError else."""
    return result_from_json(data, "info", ImageInfo.from_json)


def image_info(ctx: Context, path: Path) -> ImageInfo | MediaError:
    """inspect_image once per run (shared by F006, P103, A106, A107 and the report) through the media cache."""
    return ctx.read_media(inspect_image, path, ctx.cache_dir)


def _inspect_image(path: Path) -> ImageInfo:
    """Format, dimensions (as shown, after the EXIF orientation) and frame count from the header; raises MediaError
    with the reason.

    Refuses decompression bombs before decoding, files whose content is another format than their name
    says, and files that end before their end marker (truncated).
    """
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with open_regular(path) as handle:  # a pipe swapped in for the file must not hang the run
        size = os.fstat(handle.fileno()).st_size
    if size == 0:
        raise MediaError("empty file (0 bytes)")
    suffix = path.suffix.lower()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning: judged below instead
            with open_regular(path) as handle, Image.open(handle) as image:
                width, height = image.size
                fmt = image.format or "unknown"
                if width * height > MAX_PIXELS:
                    raise MediaError(
                        f"{width:,} x {height:,} pixels is more than {MAX_PIXELS:,}: a decompression bomb, refused"
                    )
                if fmt == "MPO":  # a camera JPEG with an embedded second picture
                    fmt, frames = "JPEG", 1
                else:
                    frames = getattr(image, "n_frames", 1)
                if _orientation(image) in ROTATED:
                    width, height = height, width  # shown turned a quarter, as phones store portrait photos
    except Image.DecompressionBombError:
        raise MediaError(f"more than {MAX_PIXELS:,} pixels: a decompression bomb, refused") from None
    except UnidentifiedImageError:
        with open_regular(path) as handle:  # never blocks on a pipe swapped in
            seen = _sniff(handle.read(512))
        if seen in ("HEIC/HEIF", "AVIF"):
            raise MediaError(f"{seen} image that postcheck cannot read; export it as JPEG or PNG") from None
        what = f"it looks like {seen}" if seen else "corrupt, or not an image format Pillow knows"
        raise MediaError(f"not an image ({what})") from None
    except MediaError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        if isinstance(error, EOFError) or "truncat" in str(error).lower():
            raise MediaError("truncated: the file ends inside the image header") from None
        raise MediaError(f"cannot read image: {error}") from None
    expected = SUFFIX_FORMATS.get(suffix)
    if expected and fmt not in expected:
        better = SUFFIX_NAMES.get(fmt)
        hint = f"; rename it to {path.stem}{better}" if better else ""
        raise MediaError(f"the content is {fmt} but the name says {suffix}{hint}")
    _check_complete(path, fmt, size)
    if fmt == "PNG" and size <= VERIFY_MAX_BYTES:
        _verify_png(path)
    return ImageInfo(fmt, width, height, frames, size)


# --- A106: flashing (WCAG 2.3.1, general flash threshold) -------------------------------------------------

FLASH_DELTA = 0.10  # a transition is a change of relative luminance of at least 10% of the maximum...
FLASH_DARK = 0.80  # ...where the darker of the two is below 0.80
VIEW = (1024, 768)  # the image is assumed to fill this view (conservative: tapped open, full screen)
FIELD = (341, 256)  # WCAG's estimate of a 10-degree visual field at 1024 x 768
FIELD_SHARE = 0.25  # a flash counts when it covers more than 25% of some 10-degree field
GRID = 64  # frames are downscaled so their longer side has this many cells before analysis
MAX_FRAMES = 1000  # frames decoded at most (the rest of a very long animation is not analysed)
MAX_DECODED_PIXELS = 2_000_000_000  # and at most this many pixels decoded in all
MAX_UNROLLED = 5000  # frames analysed at most once the loop is unrolled
MIN_DELAY_MS = 20  # browsers show frames with a delay under 20 ms (0 or 1 cs) for 100 ms
DEFAULT_DELAY_MS = 100


@dataclass(frozen=True)
class FlashReport:
    """The worst one-second window of an animation: how many flashes, and when it starts."""

    flashes: float  # transitions / 2 in the worst window
    start: float  # seconds from the start of the animation
    frames: int  # frames analysed
    duration: float  # seconds of one loop


def _linear_table() -> list[float]:
    """sRGB 8-bit value -> linear light (WCAG relative luminance formula)."""
    table = []
    for value in range(256):
        c = value / 255
        table.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return table


def luminance_frames(path: Path) -> tuple[list, list[float], tuple[int, int]]:
    """Every frame's relative luminance on a small grid, each frame's duration (s), and the image size."""
    import numpy as np
    from PIL import Image, ImageSequence

    table = np.array(_linear_table(), dtype=np.float32)
    weights = np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)
    frames, durations = [], []
    decoded = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with open_regular(path) as handle, Image.open(handle) as image:
            width, height = image.size
            scale = GRID / max(width, height)
            grid = (max(1, round(width * scale)), max(1, round(height * scale)))
            for frame in ImageSequence.Iterator(image):
                if len(frames) >= MAX_FRAMES or decoded > MAX_DECODED_PIXELS:
                    break
                decoded += width * height
                delay = frame.info.get("duration") or 0
                durations.append((delay if delay >= MIN_DELAY_MS else DEFAULT_DELAY_MS) / 1000)
                small = frame.convert("RGBA").resize(grid, Image.Resampling.BOX)
                # Transparent areas are shown over the page: assume a white (light-mode) page.
                page = Image.new("RGBA", grid, (255, 255, 255, 255))
                rgb = Image.alpha_composite(page, small).convert("RGB")
                pixels = table[np.asarray(rgb, dtype=np.uint8)]
                frames.append(pixels @ weights)
    return frames, durations, (width, height)


def _transitions(frames: list) -> tuple:
    """Per frame and cell: +1 where luminance turned upward by >= 10%, -1 where it turned downward."""
    import numpy as np

    first = frames[0]
    low, high = first.copy(), first.copy()
    extreme = first.copy()
    direction = np.zeros(first.shape, dtype=np.int8)  # 0 unknown, +1 rising, -1 falling
    events = [np.zeros(first.shape, dtype=np.int8)]
    for lum in frames[1:]:
        event = np.zeros(first.shape, dtype=np.int8)
        # Before the first transition: watch the range seen so far.
        unknown = direction == 0
        low = np.where(unknown, np.minimum(low, lum), low)
        high = np.where(unknown, np.maximum(high, lum), high)
        up0 = unknown & (lum - low >= FLASH_DELTA) & (low < FLASH_DARK)
        down0 = unknown & ~up0 & (high - lum >= FLASH_DELTA) & (lum < FLASH_DARK)
        # Rising cells: follow the rise; a fall of >= 10% from the peak is a transition.
        rising = direction == 1
        down1 = rising & (extreme - lum >= FLASH_DELTA) & (lum < FLASH_DARK)
        # Falling cells: follow the fall; a rise of >= 10% from the trough is a transition.
        falling = direction == -1
        up1 = falling & (lum - extreme >= FLASH_DELTA) & (extreme < FLASH_DARK)
        up, down = up0 | up1, down0 | down1
        event[up] = 1
        event[down] = -1
        extreme = np.where(up | down, lum, extreme)
        extreme = np.where(rising & ~down, np.maximum(extreme, lum), extreme)
        extreme = np.where(falling & ~up, np.minimum(extreme, lum), extreme)
        direction = np.where(up, 1, np.where(down, -1, direction)).astype(np.int8)
        events.append(event)
    return events


def _window_counts(mask, window: tuple[int, int]):
    """How many True cells every window position holds (integral image)."""
    import numpy as np

    h, w = mask.shape
    wh, ww = min(window[0], h), min(window[1], w)
    integral = np.zeros((h + 1, w + 1), dtype=np.int32)
    integral[1:, 1:] = mask.astype(np.int32).cumsum(0).cumsum(1)
    return integral[wh:, ww:] - integral[:-wh, ww:] - integral[wh:, :-ww] + integral[:-wh, :-ww]


def flash_report(path: Path) -> FlashReport:
    """The most flashes an animation shows in any one second (WCAG 2.3.1 general flash threshold).

    Luminance is tracked per cell of a downscaled grid; a cell makes a transition when its relative
    luminance turns by at least 0.10 with the darker state below 0.80. A frame makes a transition for a
    10-degree visual field (341 x 256 px of a 1024 x 768 view the image is fitted into) when cells turning
    the same way cover more than 25% of that field. A flash is two opposing transitions; the animation
    loops, so it is unrolled until every one-second window is seen.
    """
    import numpy as np

    try:
        frames, durations, (width, height) = luminance_frames(path)
    except MemoryError:
        raise MediaError("too large to decode for the flashing check") from None
    except Exception as error:  # noqa: BLE001 - a corrupt frame must not stop the run; F006 judges the file
        raise MediaError(f"cannot decode the animation: {error}") from None
    loop = sum(durations)
    if len(frames) < 2 or loop <= 0:
        return FlashReport(0, 0.0, len(frames), loop)
    # Animations loop: unroll until one loop plus one second is covered, so the wrap from the last frame
    # to the first is seen in every one-second window.
    sequence, delays, elapsed, i = [], [], 0.0, 0
    while elapsed < loop + 1.0 and len(sequence) < MAX_UNROLLED:
        sequence.append(frames[i % len(frames)])
        delays.append(durations[i % len(frames)])
        elapsed += delays[-1]
        i += 1
    starts = np.concatenate([[0.0], np.cumsum(delays)[:-1]])
    rows, cols = frames[0].shape
    fit = min(VIEW[0] / width, VIEW[1] / height)  # view pixels per image pixel
    cell = width / cols  # image pixels per grid cell
    field_cells = (FIELD[1] / fit / cell, FIELD[0] / fit / cell)  # (rows, cols) of a 10-degree field
    window = (max(1, math.ceil(field_cells[0])), max(1, math.ceil(field_cells[1])))
    needed = FIELD_SHARE * field_cells[0] * field_cells[1]
    shape = _window_counts(np.zeros((rows, cols), dtype=bool), window).shape
    last = np.zeros(shape, dtype=np.int8)
    marks = []
    for event in _transitions(sequence):
        ups = _window_counts(event == 1, window) > needed
        downs = _window_counts(event == -1, window) > needed
        turn = np.where(ups & ~downs, 1, np.where(downs & ~ups, -1, 0)).astype(np.int8)
        both = ups & downs  # two areas of one field swap: an opposing change either way
        turn = np.where(both, -last + (last == 0), turn).astype(np.int8)
        new = (turn != 0) & (turn != last)
        last = np.where(new, turn, last)
        marks.append(new)
    counts = np.cumsum(np.stack(marks).astype(np.int32), axis=0)
    worst, worst_start = 0, 0.0
    for i, start in enumerate(starts):
        j = int(np.searchsorted(starts, start - 1.0 + 1e-9, side="left"))
        window_count = counts[i] - (counts[j - 1] if j > 0 else 0)
        peak = int(window_count.max())
        if peak > worst:
            worst, worst_start = peak, float(starts[j])
    return FlashReport(worst / 2, worst_start % loop, len(frames), loop)
