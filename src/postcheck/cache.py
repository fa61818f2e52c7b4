"""The run cache folder (.postcheck_cache in the posts root): JSON files written atomically, never committed; and
the user cache folder, for data built once per installed library version (the word model, bank holidays).

A cache folder may come from a cloned repository or a shared drive, so its contents are untrusted: nothing is read
or written through a path that leads out of it, only regular files of bounded size are read, and every reader
validates what it gets (an invalid entry is a cache miss)."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

MAX_READ = 32 * 1024 * 1024  # bytes; a larger cache file is junk, not worth the memory


def inside(path: Path, cache_dir: Path) -> bool:
    """Whether `path`, once symbolic links and '..' are resolved, lies in `cache_dir`, itself a real folder.

    The folder's parent is trusted (the posts root, ~/.cache); the folder itself, which postcheck creates, must
    not be a symbolic link, or a planted link would move every cache write elsewhere."""
    try:
        base = cache_dir.parent.resolve() / cache_dir.name
        return path.resolve().is_relative_to(base) and not base.is_symlink()
    except (OSError, RuntimeError, ValueError):
        return False


def write_json(path: Path, data: Any, cache_dir: Path) -> None:
    """Write `data` to `path` inside `cache_dir` atomically; a cache that cannot be written only costs time.

    Nothing is written when `path` would lead out of `cache_dir` (a planted symbolic link or '..')."""
    # The file itself is replaced, never followed, so only its folder must resolve inside the cache.
    if path.name in ("", ".", "..") or not inside(path.parent, cache_dir):
        return
    try:
        if not cache_dir.is_dir():
            cache_dir.mkdir(parents=True, exist_ok=True)
            (cache_dir / ".gitignore").write_text("# created by postcheck\n*\n", encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, allow_nan=False)
            os.replace(temp, path)
        except (OSError, ValueError):
            os.unlink(temp)
    except OSError:
        pass


def read_json(path: Path, cache_dir: Path | None = None) -> Any:
    """The JSON in `path`, or None when it is missing, unreadable, not a regular file, too large, or not JSON;
    with `cache_dir`, also None when `path` leads out of that folder."""
    if cache_dir is not None and not inside(path, cache_dir):
        return None
    try:
        # O_NONBLOCK: a planted FIFO must not hang the run; it is refused below as not a regular file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_READ:
                return None
            raw = file.read(MAX_READ + 1)
        if len(raw) > MAX_READ:
            return None
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (OSError, ValueError, RecursionError):
        return None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def user_cache(name: str) -> Path | None:
    """A file in the user cache folder: ~/.cache/postcheck (or $XDG_CACHE_HOME/postcheck); the environment variable
    POSTCHECK_MODEL_CACHE=DIR moves it to DIR/postcheck, and "0" turns it off (None)."""
    base = os.environ.get("POSTCHECK_MODEL_CACHE")
    if base == "0":
        return None
    base = base or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "postcheck" / name
