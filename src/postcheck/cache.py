"""The run cache folder (.postcheck_cache in the posts root): JSON files written atomically, never committed; and
the user cache folder, for data built once per installed library version (the word model, bank holidays).

A cache folder may come from a cloned repository or a shared drive, so its contents are untrusted: nothing is read
or written through a path that leads out of it, only regular files of bounded size are read, and every reader
validates what it gets (an invalid entry is a cache miss).

The API every cache uses (media probes, link checks, per-file results; a new cache needs nothing more):

- `write_json(path, data, cache_dir)` stores `data` (plain JSON) signed with HMAC-SHA256 under this user's key
  (`cache-key` in the user cache folder, outside any repository, created 0600 on first use). The signature covers
  the entry's path inside `cache_dir` too, so a genuine entry copied to another name does not verify.
- `read_json(path, cache_dir)` returns the data only when the signature verifies; an entry written by another
  user, another machine or by hand (a `.postcheck_cache` committed to the repository) is a miss, recomputed and
  rewritten. A cache folder that git tracks is not used at all, with one warning: someone committed it.
- Without a usable user cache folder (POSTCHECK_MODEL_CACHE=0, read-only home) the key lives for this process
  only: the run still caches in memory's lifetime, and nothing on disk from before is trusted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

MAX_READ = 32 * 1024 * 1024  # bytes; a larger cache file is junk, not worth the memory
FORMAT = "postcheck-cache-2"  # the signed envelope: {"format", "mac", "data"}, the MAC over the data's bytes as written
_HEAD = f'{{"format":"{FORMAT}","mac":"'
_MAC_HEX = 64
_DATA = '","data":'
KEY_FILE = "cache-key"
_lock = threading.Lock()
_key: bytes | None = None
_tracked: dict[tuple[Path, tuple[str, int]], bool] = {}  # (cache folder, git index state) -> whether git tracks it


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
    if path.name in ("", ".", "..") or not inside(path.parent, cache_dir) or tracked_by_git(cache_dir):
        return
    try:
        if not cache_dir.is_dir():
            cache_dir.mkdir(parents=True, exist_ok=True)
            (cache_dir / ".gitignore").write_text("# created by postcheck\n*\n", encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_sign(data, _entry_name(path, cache_dir)))
            os.replace(temp, path)
        except (OSError, ValueError):
            os.unlink(temp)
    except OSError:
        pass


def read_json(path: Path, cache_dir: Path | None = None) -> Any:
    """The data `write_json` stored in `path`, or None when it is missing, unreadable, not a regular file, too
    large, not JSON or not signed with this user's key; with `cache_dir`, also None when `path` leads out of that
    folder or git tracks that folder. Without `cache_dir`, the entry is the one written with `path`'s folder."""
    if cache_dir is not None and (not inside(path, cache_dir) or tracked_by_git(cache_dir)):
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
        data = _verified(raw, _entry_name(path, cache_dir if cache_dir is not None else path.parent))
        return None if data is None else json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except (OSError, ValueError, RecursionError):
        return None


def _entry_name(path: Path, cache_dir: Path) -> str:
    """The entry's name inside its cache folder, as the signature binds it."""
    try:
        return path.relative_to(cache_dir).as_posix()
    except ValueError:
        return path.name


def _mac(data: bytes, name: str) -> str:
    message = name.encode("utf-8", "surrogateescape") + b"\0" + data
    return hmac.new(_user_key(), message, hashlib.sha256).hexdigest()


def _sign(data: Any, name: str) -> bytes:
    """The envelope's bytes: still one JSON document, so that a person can read it."""
    text = json.dumps(data, allow_nan=False, separators=(",", ":")).encode("utf-8")
    return f"{_HEAD}{_mac(text, name)}{_DATA}".encode("ascii") + text + b"}"


def _verified(raw: bytes, name: str) -> bytes | None:
    """The data bytes of a signed envelope whose MAC is this user's for this entry name, else None. The MAC is
    checked before anything is parsed: a foreign entry costs no JSON decoding."""
    head, data_at = len(_HEAD), len(_HEAD) + _MAC_HEX + len(_DATA)
    if not raw.startswith(_HEAD.encode()) or raw[head + _MAC_HEX : data_at] != _DATA.encode() or raw[-1:] != b"}":
        return None
    data = raw[data_at:-1]
    mac = raw[head : head + _MAC_HEX].decode("ascii", "replace")
    return data if hmac.compare_digest(mac, _mac(data, name)) else None


def _user_key() -> bytes:
    """This user's cache key: read from (or created in) the user cache folder, else one for this process only."""
    global _key
    with _lock:
        if _key is None:
            _key = _load_key() or secrets.token_bytes(32)
        return _key


def _load_key() -> bytes | None:
    path = user_cache(KEY_FILE)
    if path is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            # Only a key this user alone can read and write keeps others from signing entries.
            private = not hasattr(os, "getuid") or (info.st_uid == os.getuid() and not info.st_mode & 0o077)
            if not stat.S_ISREG(info.st_mode) or not private:
                return None
            text = file.read(65).decode("ascii").strip()
        return bytes.fromhex(text) if len(text) == 64 else None
    except (OSError, ValueError):
        return None


def tracked_by_git(cache_dir: Path) -> bool:
    """Whether git tracks anything in `cache_dir` (a committed cache); warns once per folder when it does.

    Asked of git once per state of the repository's index (a commit or `git add` asks again), and only inside a
    repository."""
    index = _git_index(cache_dir)
    if index is None:
        return False
    key = (cache_dir.absolute(), index)
    with _lock:
        if key in _tracked:
            return _tracked[key]
    found = False
    if cache_dir.is_dir():
        try:
            listed = subprocess.run(
                ["git", "ls-files", "-z", "--", cache_dir.name],
                cwd=cache_dir.parent,
                capture_output=True,
                timeout=10,
                check=False,
            )
            found = listed.returncode == 0 and bool(listed.stdout.strip(b"\0"))
        except (OSError, subprocess.SubprocessError):
            found = False
    with _lock:
        warned = any(folder == key[0] and seen for (folder, _), seen in _tracked.items())
        if found and not warned:
            sys.stderr.write(
                f"postcheck: warning: {cache_dir} is tracked by git, so it is not used (anyone could have written it);"
                f" remove it from the repository: git rm -r --cached {cache_dir.name}\n"
            )
        _tracked[key] = found
    return found


def _git_index(cache_dir: Path) -> tuple[str, int] | None:
    """The git index of the repository `cache_dir` is in, and when it last changed; None outside a repository."""
    folder = cache_dir.absolute().parent
    for directory in (folder, *folder.parents):
        git = directory / ".git"
        if git.exists():
            try:
                return str(git), (git / "index").stat().st_mtime_ns
            except OSError:
                return str(git), 0  # no index yet, or a worktree's .git file: git answers all the same
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
