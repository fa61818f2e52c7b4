"""Where media files are, and whether postcheck may read them (inside the posts root, not links out)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".apng", ".bmp", ".tif", ".tiff", ".heic", ".avif"}
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi"}
CAPTION_SUFFIXES = {".vtt", ".srt", ".sbv"}


class MediaError(Exception):
    """A media file that cannot be used; the message is the reason."""


@dataclass(frozen=True)
class Located:
    """A media reference resolved: status is ok, remote, missing or outside (with the reason)."""

    path: Path | None
    status: str
    reason: str = ""


def is_remote(ref: str) -> bool:
    return "://" in ref or ref.startswith("data:")


def locate(directory: Path, ref: str, root: Path) -> Located:
    """Resolve `ref` relative to the post's folder without reading it; refuse escapes from `root`."""
    if is_remote(ref):
        return Located(None, "remote")
    if not ref.strip():
        return Located(None, "missing", "empty file name")
    if os.path.isabs(ref) or ref.startswith("~"):
        return Located(None, "outside", "absolute paths are not allowed; use a path relative to the post")
    candidate = directory / ref
    root = root.resolve()
    lexical = Path(os.path.normpath(os.path.abspath(candidate)))
    if not lexical.is_relative_to(root):
        return Located(
            None,
            "outside",
            f"'{ref}' leads outside the posts root (the folder with postcheck.toml or .git): move it in",
        )
    if candidate.is_symlink() or any(p.is_symlink() for p in lexical.parents if p.is_relative_to(root)):
        real = candidate.resolve()
        if not real.is_relative_to(root):
            return Located(None, "outside", f"'{ref}' is a symlink leading outside the posts root")
    if not lexical.exists():
        return Located(lexical, "missing", f"'{ref}' does not exist")
    return Located(lexical, "ok")
