"""Read caption files (WebVTT, SRT) as text; parsing and validation build on this."""

from __future__ import annotations

from pathlib import Path

from postcheck.media import MediaError

MAX_CAPTION_BYTES = 2 * 1024 * 1024


def read_caption_text(path: Path) -> str:
    """The decoded text of a caption file; raises MediaError when it is not readable text."""
    size = path.stat().st_size
    if size > MAX_CAPTION_BYTES:
        raise MediaError(f"caption file is {size / 1e6:.1f} MB; that is not a caption file")
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MediaError(f"not UTF-8 text (byte 0x{data[error.start]:02x} at {error.start})") from None
