"""The run cache folder (.postcheck_cache in the posts root): JSON files written atomically, never committed; and
the user cache folder, for data built once per installed library version (the word model, bank holidays)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_json(path: Path, data: Any, cache_dir: Path) -> None:
    """Write `data` to `path` inside `cache_dir` atomically; a cache that cannot be written only costs time."""
    try:
        if not cache_dir.is_dir():
            cache_dir.mkdir(parents=True, exist_ok=True)
            (cache_dir / ".gitignore").write_text("# created by postcheck\n*\n", encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(temp, path)
    except OSError:
        pass


def read_json(path: Path) -> Any:
    """The JSON in `path`, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def user_cache(name: str) -> Path | None:
    """A file in the user cache folder: ~/.cache/postcheck (or $XDG_CACHE_HOME/postcheck); the environment variable
    POSTCHECK_MODEL_CACHE=DIR moves it to DIR/postcheck, and "0" turns it off (None)."""
    base = os.environ.get("POSTCHECK_MODEL_CACHE")
    if base == "0":
        return None
    base = base or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "postcheck" / name
