"""A disk cache of media probe results, keyed by content hash, with an (mtime, size) fast path.

Layout under the cache folder: `media/paths/<hash of the path>.json` remembers a file's mtime, size and
content hash; `media/<content hash>.json` holds the results computed for that content ("probe", "audio-30").
An unchanged file is answered from two small JSON reads without opening it; a moved or touched file
is re-hashed but not re-probed. A broken cache entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

VERSION = 1
FULL_HASH_LIMIT = 64 * 1024 * 1024  # larger files are hashed from sampled chunks
SAMPLE = 4 * 1024 * 1024


def content_hash(path: Path) -> str:
    """BLAKE2b of the file; above 64 MB, of its size and 4 MB from the start, middle and end."""
    digest = hashlib.blake2b(digest_size=20)
    size = path.stat().st_size
    with path.open("rb") as file:
        if size <= FULL_HASH_LIMIT:
            for chunk in iter(lambda: file.read(1024 * 1024), b""):
                digest.update(chunk)
        else:
            digest.update(str(size).encode())
            for at in (0, size // 2 - SAMPLE // 2, size - SAMPLE):
                file.seek(at)
                digest.update(file.read(SAMPLE))
    return digest.hexdigest()


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("version") == VERSION else None


def _write(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder only costs speed


def cached(cache_dir: Path, path: Path, kind: str, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The `kind` result for the file at `path`: from the cache when its content was seen, else computed."""
    folder = cache_dir / "media"
    stat = path.stat()
    resolved = str(path.resolve())
    index_file = folder / "paths" / (hashlib.blake2b(resolved.encode(), digest_size=16).hexdigest() + ".json")
    index = _read(index_file)
    if (
        index
        and index.get("path") == resolved
        and index.get("mtime") == stat.st_mtime_ns
        and index.get("size") == (stat.st_size)
    ):
        digest = index["hash"]
    else:
        digest = content_hash(path)
        _write(
            index_file,
            {"version": VERSION, "path": resolved, "mtime": stat.st_mtime_ns, "size": stat.st_size, "hash": digest},
        )
    entry_file = folder / f"{digest}.json"
    entry = _read(entry_file) or {"version": VERSION}
    if kind in entry:
        return entry[kind]
    result = compute()
    entry[kind] = result
    _write(entry_file, entry)
    return result
