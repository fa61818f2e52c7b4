"""Where media files are, and whether postcheck may read them (inside the posts root, not links out)."""

from __future__ import annotations

import errno
import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".apng", ".bmp", ".tif", ".tiff", ".heic", ".avif"}
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi"}
CAPTION_SUFFIXES = {".vtt", ".srt", ".sbv"}


OCR_EXTRA = "ocr"  # pip install 'postcheck[ocr]': what A107 reads images with
OCR_MODULES = ("rapidocr", "onnxruntime")


def ocr_missing() -> str | None:
    """Why OCR cannot run in this environment (the `ocr` extra is not installed), or None when it can. Asked of
    every run that selects A107, so it is here and not in `media.ocr`, which most runs need not import."""
    return _missing(OCR_MODULES)


@functools.cache
def _missing(modules: tuple[str, ...]) -> str | None:
    from importlib.util import find_spec

    try:
        absent = [name for name in modules if find_spec(name) is None]
    except (ImportError, ValueError):
        absent = list(modules)
    return f"the OCR engine is not installed: pip install 'postcheck[{OCR_EXTRA}]'" if absent else None


class MediaError(Exception):
    """A media file that cannot be used; the message is the reason."""


@dataclass(frozen=True)
class Located:
    """A media reference resolved: status is ok, remote, missing, outside or unreadable (with the reason)."""

    path: Path | None
    status: str
    reason: str = ""


def is_remote(ref: str) -> bool:
    """Whether a reference is an address on the web (not looked up), not a file on this or another computer."""
    return ("://" in ref and ref[:5].lower() != "file:") or ref.startswith("data:")


def _absolute_elsewhere(ref: str) -> bool:
    """A path absolute on some computer, wherever postcheck runs: `file:///...` pasted from a browser, a Windows
    drive (`C:\\Users\\...`, `C:/Users/...`) or a network share (`\\\\server\\share`)."""
    drive = ref[:1].isalpha() and ref[1:3] in (":\\", ":/")
    return ref[:5].lower() == "file:" or drive or ref.startswith("\\\\")


def locate(directory: Path, ref: str, root: Path) -> Located:
    """Resolve `ref` relative to the post's folder without reading it; refuse escapes from `root`.

    A link loop is "outside" (it leads nowhere); a folder, pipe or device, or a file behind a folder postcheck may
    not enter, is "unreadable", with the reason."""
    try:
        return _locate(directory, ref, root)
    except RuntimeError:  # Path.resolve on a link loop (Python 3.11, 3.12)
        return Located(None, "outside", f"'{ref}' is a symbolic link loop")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Located(None, "outside", f"'{ref}' is a symbolic link loop")
        return Located(None, "unreadable", f"'{ref}' cannot be read: {(error.strerror or str(error)).lower()}")


def _locate(directory: Path, ref: str, root: Path) -> Located:
    if is_remote(ref):
        return Located(None, "remote")
    if not ref.strip():
        return Located(None, "missing", "empty file name")
    if "\0" in ref:  # no file system allows it, and os.stat would raise
        shown = ref.replace("\0", "\\0")
        return Located(None, "missing", f"'{shown}' holds a NUL character, which no file name can")
    if os.path.isabs(ref) or ref.startswith("~") or _absolute_elsewhere(ref):
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
    try:
        info = os.stat(lexical)
    except FileNotFoundError:
        return Located(lexical, "missing", f"'{ref}' does not exist")
    except NotADirectoryError:
        return Located(lexical, "missing", f"'{ref}' does not exist (a file stands where its folder should be)")
    if not stat.S_ISREG(info.st_mode):
        return Located(None, "unreadable", f"'{ref}' {not_regular(info.st_mode)}")
    return Located(lexical, "ok")


def not_regular(mode: int) -> str:
    """What a file that is not a regular file is, said as the reason it is not read."""
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    return "is not a regular file (a pipe, device or socket): not read"


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, once: a file swapped for a pipe during a run must not hang it, so the open does
    not block (O_NONBLOCK) and what was opened is checked (fstat); MediaError when it is not a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise MediaError(not_regular(mode))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")
