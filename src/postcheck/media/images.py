"""Read image headers with Pillow (lazily); decode frames only when a rule needs them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from postcheck.media import MediaError


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an image says."""

    format: str  # Pillow's format name: JPEG, PNG, GIF, WEBP...
    width: int
    height: int
    frames: int
    size: int  # bytes on disk


MAX_PIXELS = 89_478_485  # Pillow's default bomb threshold, made explicit


def inspect_image(path: Path) -> ImageInfo:
    """Format, dimensions and frame count from the header; raises MediaError with the reason."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    size = path.stat().st_size
    if size == 0:
        raise MediaError("empty file (0 bytes)")
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise MediaError(f"{width} x {height} pixels is a decompression bomb; refused")
            frames = getattr(image, "n_frames", 1)
            return ImageInfo(image.format or "unknown", width, height, frames, size)
    except Image.DecompressionBombError as error:
        raise MediaError(f"decompression bomb refused: {error}") from None
    except UnidentifiedImageError:
        raise MediaError("not an image Pillow can read (corrupt, or not the format its name says)") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise MediaError(f"cannot read image: {error}") from None
