"""A disk cache of media probe results, keyed by content hash, with an (mtime, size) fast path.

Layout under the cache folder: `media/paths/<hash of the path>.json` remembers a file's mtime, size and
content hash; `media/<content hash>.json` holds the results computed for that content ("probe", "audio-30").
An unchanged file is answered from two small JSON reads without opening it; a moved or touched file
is re-hashed but not re-probed. The folder may come from elsewhere (a cloned repository, a shared drive): an entry
of the wrong shape, or one the caller's `decode` refuses, counts as a miss and is recomputed and rewritten, and a
content hash read from an index file is used only when it has exactly the form `content_hash` writes.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from postcheck.cache import read_json, write_json
from postcheck.media import open_regular

T = TypeVar("T")
VERSION = 1
DIGEST_SIZE = 20  # bytes of BLAKE2b: 40 hex digits
DIGEST = re.compile(f"[0-9a-f]{{{2 * DIGEST_SIZE}}}")
FULL_HASH_LIMIT = 64 * 1024 * 1024  # larger files are hashed from sampled chunks
SAMPLE = 4 * 1024 * 1024


def content_hash(path: Path) -> str:
    """BLAKE2b of the file; above 64 MB, of its size and 4 MB from the start, middle and end."""
    digest = hashlib.blake2b(digest_size=DIGEST_SIZE)
    with open_regular(path) as file:  # a pipe swapped in for the file must not hang the run
        size = os.fstat(file.fileno()).st_size
        if size <= FULL_HASH_LIMIT:
            for chunk in iter(lambda: file.read(1024 * 1024), b""):
                digest.update(chunk)
        else:
            digest.update(str(size).encode())
            for at in (0, size // 2 - SAMPLE // 2, size - SAMPLE):
                file.seek(at)
                digest.update(file.read(SAMPLE))
    return digest.hexdigest()


def _read(path: Path, cache_dir: Path) -> dict[str, Any] | None:
    data = read_json(path, cache_dir)
    return data if isinstance(data, dict) and data.get("version") == VERSION else None


def cached(
    cache_dir: Path, path: Path, kind: str, compute: Callable[[], dict[str, Any]], decode: Callable[[Any], T]
) -> T:
    """`decode` of the `kind` result for the file at `path`: from the cache when its content was seen and the stored
    result decodes (`decode` raises ValueError or TypeError on a bad one), else computed and stored."""
    folder = cache_dir / "media"
    stat = path.stat()
    resolved = str(path.resolve())
    index_file = folder / "paths" / (hashlib.blake2b(resolved.encode(), digest_size=16).hexdigest() + ".json")
    index = _read(index_file, cache_dir)
    if (
        index
        and index.get("path") == resolved
        and index.get("mtime") == stat.st_mtime_ns
        and index.get("size") == stat.st_size
        and index.get("ctime") == stat.st_ctime_ns  # new bytes with the old size and mtime (`cp -p`) still move it
        and isinstance(index.get("hash"), str)
        and DIGEST.fullmatch(index["hash"])
    ):
        digest = index["hash"]
    else:
        digest = content_hash(path)
        index = {"version": VERSION, "path": resolved, "mtime": stat.st_mtime_ns, "size": stat.st_size, "hash": digest}
        index["ctime"] = stat.st_ctime_ns
        write_json(index_file, index, cache_dir)
    entry_file = folder / f"{digest}.json"
    entry = _read(entry_file, cache_dir) or {"version": VERSION}
    if kind in entry:
        try:
            return decode(entry[kind])
        except (ValueError, TypeError):
            pass  # a broken or planted entry: recompute it
    result = compute()
    entry[kind] = result
    write_json(entry_file, entry, cache_dir)
    return decode(result)


def result_from_json(data: Any, key: str, decode: Callable[[Any], Any]) -> Any:
    """`decode(data[key])` for {key: ...}, or the message of {"error": message}; ValueError for any other shape."""
    if isinstance(data, dict) and data.keys() == {"error"} and isinstance(data["error"], str):
        return data["error"]
    if isinstance(data, dict) and data.keys() == {key}:
        return decode(data[key])
    raise ValueError(f"not a cached result with {key!r} or 'error'")


def cached_int(value: Any, low: int, high: int) -> int:
    """An int read from the cache with low <= value < high; ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value < high:
        raise ValueError(f"not an int in [{low}, {high}): {value!r:.40}")
    return value
