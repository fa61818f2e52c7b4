"""Per-post results kept between runs (.postcheck_cache/results): a post whose file, effective config, postcheck
version and media files are unchanged replays the problems its rules found instead of running them again.

Entries are read and written through `cache.read_json` / `cache.write_json` (bounded, confined to the cache folder)
and validated here: an entry that does not parse as problems of this post is a miss, recomputed and rewritten. A fix
read from the cache may only edit files inside the post's root, and its own file only within its length."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck import __version__
from postcheck.cache import read_json, write_json
from postcheck.model import Applicability, Edit, Fix, Post, Problem, Span

if TYPE_CHECKING:
    from postcheck.context import Context

# Findings that depend on the clock are recomputed on every run, never replayed.
CLOCK_RULES = frozenset({"P105", "P106"})
SHARDS = 256  # files under results/: a one-post run reads and writes one small file, a full run each once
FORMAT = 1


def run_key(ctx: Context, codes: list[str]) -> str:
    """What every post's key shares: postcheck's version, the effective config, the rules run, --platform, and the
    state of the installed packages (a plugin, an OCR engine or a new word list changes what rules find)."""
    settings = json.dumps(ctx.config.values.as_dict(), sort_keys=True, default=str)
    parts = [FORMAT, __version__, settings, sorted(codes), ctx.platform_override, _installed()]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def post_key(post: Post, ctx: Context, run: str) -> str:
    """The key of one post's results: the run's key, the post's file and place in it, its content, and the size
    and modification time of every media and caption file it references (or finds beside a video)."""
    digest = hashlib.sha256(run.encode())
    digest.update(f"\0{post.path}\0{post.row}\0{ctx.root_of(post)}\0".encode("utf-8", "surrogateescape"))
    digest.update(post.source.text.encode("utf-8", "surrogatepass"))
    files = [ctx.locate(post.directory, ref.value, ctx.root_of(post)) for _, ref in post.media_refs()]
    for located in files:
        digest.update(f"\0{located.status}:{located.path}".encode("utf-8", "surrogateescape"))
        if located.path is not None:
            digest.update(_stamp(located.path))
    for video in post.videos:
        for sidecar in video.sidecars + video.loops:
            digest.update(f"\0sidecar:{sidecar}".encode("utf-8", "surrogateescape"))
            digest.update(_stamp(sidecar))
    return digest.hexdigest()


def _installed() -> list[Any]:
    """When the folders packages are installed into last changed (installing or removing one changes them)."""
    import sysconfig

    folders = dict.fromkeys(sysconfig.get_paths()[name] for name in ("purelib", "platlib"))
    return [[folder, _stamp(Path(folder)).decode()] for folder in folders]


def _stamp(path: Path) -> bytes:
    try:
        info = os.stat(path)
    except OSError:
        return b":absent"
    return f":{info.st_size}:{info.st_mtime_ns}".encode()


def problem_data(rule: str, problem: Problem) -> list[Any]:
    """A problem as JSON values (the inverse of `_problem`)."""
    s = problem.span
    fix = None
    if problem.fix is not None:
        edits = [
            [e.offset, e.length, e.content, None if e.path is None else str(e.path), e.create]
            for e in problem.fix.edits
        ]
        fix = [problem.fix.applicability.value, edits]
    path = None if problem.path is None else str(problem.path)
    span = [s.line, s.column, s.offset, s.length, s.end_line, s.end_column]
    return [rule, problem.code, problem.message, span, fix, problem.suggestion, path]


def _problem(data: Any, post: Post, root: Path) -> tuple[str, Problem]:
    """A problem read back; ValueError (or TypeError) when `data` is not one this post could have."""
    rule, code, message, span, fix, suggestion, path = data
    if not (isinstance(rule, str) and isinstance(code, str) and isinstance(message, str)):
        raise ValueError("not a problem")
    if suggestion is not None and not isinstance(suggestion, str):
        raise ValueError("bad suggestion")
    if len(span) != 6 or not all(type(n) is int and n >= 0 for n in span):
        raise ValueError("bad span")
    problem = Problem(message, Span(*span), code=code, suggestion=suggestion, path=_inside(path, root))
    if fix is not None:
        applicability, edits = fix
        problem.fix = Fix(Applicability(applicability), tuple(_edit(e, post, root) for e in edits))
    return rule, problem


def _edit(data: Any, post: Post, root: Path) -> Edit:
    offset, length, content, path, create = data
    if not (type(offset) is int and type(length) is int and isinstance(content, str) and isinstance(create, bool)):
        raise ValueError("bad edit")
    target = post.path if path == str(post.path) else _inside(path, root)  # most fixes edit the post itself
    if offset < 0 or length < 0 or (target in (None, post.path) and offset + length > len(post.source.text)):
        raise ValueError("edit outside the file")
    return Edit(offset, length, content, target, create)


def _inside(path: Any, root: Path) -> Path | None:
    """A path from the cache, which must lead to a file inside the posts root."""
    if path is None:
        return None
    if not isinstance(path, str) or not Path(os.path.normpath(os.path.abspath(path))).is_relative_to(root):
        raise ValueError("path outside the posts root")
    return Path(path)


class ResultCache:
    """The results of one run's posts: read shard by shard as posts ask, written back at the end."""

    def __init__(self, cache_dir: Path):
        self.folder = cache_dir / "results"
        self.cache_dir = cache_dir
        self.shards: dict[str, dict[str, Any]] = {}
        self.dirty: set[str] = set()

    @staticmethod
    def _name(post: Post) -> tuple[str, str]:
        name = f"{post.path}#{post.row or 0}"
        shard = hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:2]
        return shard, name

    def _shard(self, shard: str) -> dict[str, Any]:
        if shard not in self.shards:
            data = read_json(self.folder / f"{shard}.json", self.cache_dir)
            entries = data.get("entries") if isinstance(data, dict) and data.get("format") == FORMAT else None
            self.shards[shard] = entries if isinstance(entries, dict) else {}
        return self.shards[shard]

    def get(self, post: Post, key: str, root: Path) -> tuple[list[tuple[str, Problem]], list[str]] | None:
        """The (rule, problem) pairs and notices stored for `post` under `key`, or None (a miss)."""
        shard, name = self._name(post)
        entry = self._shard(shard).get(name)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        try:
            problems = [_problem(item, post, root) for item in entry["problems"]]
            notices = entry["notices"]
            if not all(isinstance(n, str) for n in notices):
                return None
            return problems, list(notices)
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, post: Post, key: str, problems: list[list[Any]], notices: list[str]) -> None:
        """Store `post`'s problems (as `problem_data` gives them) and notices under `key`."""
        shard, name = self._name(post)
        self._shard(shard)[name] = {"key": key, "problems": problems, "notices": notices}
        self.dirty.add(shard)

    def save(self) -> None:
        """Write back the shards that changed; a cache that cannot be written only costs time next run."""
        for shard in sorted(self.dirty):
            write_json(self.folder / f"{shard}.json", {"format": FORMAT, "entries": self.shards[shard]}, self.cache_dir)
        self.dirty.clear()
