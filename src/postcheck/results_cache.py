"""Results kept between runs (.postcheck_cache/results), one entry per post file: a file whose content, effective
config, postcheck version and referenced images are unchanged gives back its posts' findings without being parsed
or checked again.

The key of an entry is a hash of the file's content, the effective config, the rules run, `--platform`, postcheck's
version and package files (an editable install changes them without a new version) and the state of the installed
packages; each image the posts reference is stamped with its size, modification and change times and inode.
Findings that depend on the clock (P105, P106) are replayed only while the clock cannot change them: a post that has
come due is stored without findings, so that a folder run can leave it out (published) without parsing it, and any
run that checks it checks it afresh. An entry is not written for a file
with a video (its caption sidecars are found by listing its folder) or an image reference that did not resolve to
a file inside the root: those files are checked afresh on every run.

Entries are read and written through `cache.read_json` / `cache.write_json` (bounded, signed, confined to the cache
folder) and validated here: an entry that does not read back as findings of this file is a miss, checked again and
rewritten. A fix read from the cache may only edit files inside the posts root, and its own file within its length.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck import __version__
from postcheck.cache import read_json, write_json
from postcheck.loaders import POST_SUFFIXES, Unreadable, load_posts, read_source
from postcheck.model import Applicability, Edit, Field, Finding, Fix, Image, Post, Severity, Source, Span
from postcheck.text.schedule import lifecycle, publish_time

if TYPE_CHECKING:
    from postcheck.context import Context
    from postcheck.engine import Engine

FORMAT = 3
_STR_OR_NONE = (str, type(None))
_SEVERITIES = {severity.value: severity for severity in Severity}  # a KeyError for anything else: a bad entry


def run_key(ctx: Context, codes: list[str]) -> str:
    """What every file's key shares: postcheck's version and its package files' stamp, the effective config, the rules
    run, --platform, the working folder (relative paths are shown from it) and the state of the installed packages (a
    plugin, an OCR engine or a new word list changes what rules find)."""
    settings = json.dumps(ctx.config.values.as_dict(), sort_keys=True, default=str)
    package = package_stamp(Path(__file__).parent)
    parts = [FORMAT, __version__, settings, sorted(codes), ctx.platform_override, os.getcwd(), _installed(), package]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def package_stamp(folder: Path) -> list[int]:
    """How many files lie under `folder` and the newest modification and change times among them: postcheck's own
    package, whose modules and word lists (`.tsv`, `.txt`) an editable install or a checkout changes without a new
    version. One `stat` per file (about 70 of them); `__pycache__` is left out, as Python rewrites it at will."""
    count = newest = 0
    pending = [str(folder)]
    while pending:
        try:
            with os.scandir(pending.pop()) as listing:
                for entry in listing:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            pending.append(entry.path)
                        continue
                    info = entry.stat()
                    count += 1
                    newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
        except OSError:
            continue  # a folder that cannot be read changes nothing that runs
    return [count, newest]


def _installed() -> list[Any]:
    """When the folders packages are installed into last changed (installing or removing one changes them)."""
    import sysconfig

    folders = dict.fromkeys(sysconfig.get_paths()[name] for name in ("purelib", "platlib"))
    return [[folder, _stamp(folder)] for folder in folders]


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return "absent"
    # ctime too: new bytes written with the old size and mtime kept (`cp -p`, rsync -t, tar) still change it
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


class ResultCache:
    """The results of one run's post files: read shard by shard as files ask, written back at the end."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.ctx: Context = engine.ctx
        self.cache_dir: Path = self.ctx.cache_dir
        self.folder = self.cache_dir / "results"
        self.run = run_key(self.ctx, list(engine.active)).encode()
        self.shards: dict[str, dict[str, Any]] = {}
        self.dirty: set[str] = set()
        self.stamps: dict[str, str] = {}  # media path -> stamp, once per run
        self.replayed: dict[int, tuple[Post, list[Finding], list[str]]] = {}  # id(post) -> it, findings, notices
        self.rebuilt: dict[int, Post] = {}  # id(post) -> the posts rebuilt from entries (findings or not)
        self.loaded: dict[Path, tuple[str, list[Post]]] = {}  # files checked afresh: their key and posts

    # --- reading ----------------------------------------------------------------------------------------------

    def load(self, path: Path, display: str, named: bool, date_order: str, root: Path, wanted: bool) -> list[Post]:
        """The posts of a file, as `load_posts` gives them: replayed from the cache when its entry is good (their
        findings in `replayed`), else read, parsed and remembered so that `save` can store what they give.
        `wanted`: the file's published posts are checked too (named, or --include-published)."""
        if POST_SUFFIXES.get(path.suffix.lower()) is None:
            return load_posts(path, display, named, date_order)
        try:
            source = read_source(path)
        except Unreadable:
            return load_posts(path, display, named, date_order)  # F001, said the same way; not worth a cache entry
        digest = hashlib.sha256(self.run)
        digest.update(f"\0{path}\0{display}\0{root}\0".encode("utf-8", "surrogateescape"))
        digest.update(source.text.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
        shard, name = self._name(path)
        entry = self._shard(shard).get(name)
        if isinstance(entry, dict) and entry.get("key") == key:
            try:
                posts = self._replay(entry, source, display, root, wanted)
            except (AttributeError, KeyError, TypeError, ValueError):
                posts = None  # not an entry this file could have: checked again, and rewritten
            if posts is not None:
                return posts
        posts = load_posts(path, display, named, date_order, source)
        self.loaded[path] = key, posts
        return posts

    def _replay(
        self, entry: dict[str, Any], source: Source, display: str, root: Path, wanted: bool
    ) -> list[Post] | None:
        """The file's posts rebuilt from `entry`, or None when one must be checked afresh: an image changed, or a
        post to check has no findings stored or has come due since (P105 and P106 must look again)."""
        if not all(isinstance(p, str) and self._stamp(p) == s for p, s in entry["media"]):
            return None
        posts = []
        replayed = {}
        for data in entry["posts"]:
            post = self._post(data, source, display)
            when = post.meta.get("publish_at")
            due = when is not None and datetime.fromisoformat(when) <= self.ctx.now
            gone = due or post.status == "published"
            if gone and lifecycle(post, self.ctx) == "published" and not wanted:
                pass  # left out of the run
            elif data["findings"] is None or due:
                return None
            else:
                platforms, notices = data["platforms"], data["notices"]
                if not all(isinstance(text, str) for text in platforms + notices):
                    raise ValueError("bad platform or notice")
                findings = [self._finding(item, post, root, platforms) for item in data["findings"]]
                replayed[id(post)] = post, findings, notices
            posts.append(post)
        self.replayed.update(replayed)  # only once the whole file replays
        self.rebuilt.update((id(post), post) for post in posts)
        return posts

    def unchecked(self, post: Post) -> bool:
        """Whether `post` was rebuilt from an entry without its findings (a published post left out): it holds
        too little to check, and must be read again to be checked."""
        return self.rebuilt.get(id(post)) is post and id(post) not in self.replayed

    @staticmethod
    def _post(data: dict[str, Any], source: Source, display: str) -> Post:
        """What the run and its reporters need of a post: its file, format, row, kind, status, publish time and
        image references."""
        row, span, meta = data["row"], data["span"], data["meta"]
        if not (row is None or type(row) is int) or not isinstance(data["format"], str):
            raise ValueError("bad post")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in meta.items()):
            raise ValueError("bad meta")
        images = [Image(Field(ref, source, [], 0), None) for ref in data["images"] if isinstance(ref, str)]
        return Post(
            source=source,
            display_path=display,
            format=data["format"],
            text=Field("", source, [], 0),
            meta=dict(meta),
            images=images,
            row=row,
            span=None if span is None else _span(span),
        )

    def _finding(self, item: list[Any], post: Post, root: Path, platforms: list[str]) -> Finding:
        code, severity, message, shown, span, fix, suggestion, own = item
        rule = self.engine.rules[code]
        if type(message) is not str or type(suggestion) not in _STR_OR_NONE or type(shown) not in _STR_OR_NONE:
            raise ValueError("bad finding")
        return Finding(
            code=code,
            name=rule.name,
            severity=_SEVERITIES[severity],
            message=message,
            display_path=post.display_path if shown is None else shown,
            span=_span(span),
            post=post,
            fix=None if fix is None else _fix(fix, post, root),
            suggestion=suggestion,
            source=post.source if own else None,
            platforms=platforms,
        )

    def _stamp(self, path: str) -> str:
        if path not in self.stamps:
            self.stamps[path] = _stamp(path)
        return self.stamps[path]

    @staticmethod
    def _name(path: Path) -> tuple[str, str]:
        """(shard, entry name): 256 shards, so a one-post run reads and writes one small file, a full run each once."""
        name = str(path)
        shard = hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:2]
        return shard, name

    def _shard(self, shard: str) -> dict[str, Any]:
        if shard not in self.shards:
            data = read_json(self.folder / f"{shard}.json", self.cache_dir)
            entries = data.get("entries") if isinstance(data, dict) and data.get("format") == FORMAT else None
            self.shards[shard] = entries if isinstance(entries, dict) else {}
        return self.shards[shard]

    # --- writing ----------------------------------------------------------------------------------------------

    def save(self, posts: list[Post], findings: list[list[Finding]], notices: list[list[str]]) -> None:
        """Store what the files read afresh gave (a post left out as published, or due already, is stored without
        findings), then write back the shards that changed; a cache that cannot be written only costs time."""
        results = {id(post): pair for post, *pair in zip(posts, findings, notices, strict=True)} if self.loaded else {}
        for path, (key, loaded) in self.loaded.items():
            media: dict[str, str] = {}
            stored = []
            for post in loaded:
                refs = self._media(post)
                if post.videos or refs is None:
                    break  # a video's sidecars are found by listing its folder; a missing image may turn up
                media.update(refs)
                stored.append(self._post_data(post, results.get(id(post))))
            else:
                shard, name = self._name(path)
                self._shard(shard)[name] = {"key": key, "media": list(media.items()), "posts": stored}
                self.dirty.add(shard)
        for shard in sorted(self.dirty):
            write_json(self.folder / f"{shard}.json", {"format": FORMAT, "entries": self.shards[shard]}, self.cache_dir)
        self.dirty.clear()

    def _media(self, post: Post) -> dict[str, str] | None:
        """Each image file the post references, with its stamp; None when a reference did not resolve to a file."""
        stamps = {}
        for image in post.images:
            located = self.ctx.locate(post.directory, image.file.value, self.ctx.root_of(post))
            if located.status == "remote":
                continue
            if located.status != "ok":
                return None
            joined = str(post.directory / image.file.value)
            stamps[joined] = self._stamp(joined)
        return stamps

    def _post_data(self, post: Post, result: tuple[list[Finding], list[str]] | None) -> dict[str, Any]:
        meta = {key: post.meta[key] for key in ("kind", "status") if isinstance(post.meta.get(key), str)}
        found = publish_time(post, self.ctx)
        if found is not None:
            meta["publish_at"] = found[0].isoformat()
            if found[0] <= self.ctx.now:
                result = None  # P105 and P106 depend on the clock from now on
        findings, notices = result or (None, [])
        return {
            "format": post.format,
            "row": post.row,
            "span": None if post.span is None else _span_data(post.span),
            "meta": meta,
            "images": [image.file.value for image in post.images],
            "platforms": self.ctx.platforms(post),
            "notices": notices,
            "findings": None if findings is None else [_finding_data(f) for f in findings],
        }


def _finding_data(f: Finding) -> list[Any]:
    """A finding as JSON values (the inverse of `ResultCache._finding`)."""
    fix = None
    if f.fix is not None:
        edits = [[e.offset, e.length, e.content, _edit_path(e.path, f.post), e.create] for e in f.fix.edits]
        fix = [f.fix.applicability.value, edits]
    shown = None if f.display_path == f.post.display_path else f.display_path
    return [f.code, f.severity.value, f.message, shown, _span_data(f.span), fix, f.suggestion, f.source is not None]


def _edit_path(path: Path | None, post: Post) -> str | None:
    """How an edit's file is stored: "" for the post's own file (most fixes), else its path."""
    return None if path is None else "" if path == post.path else str(path)


def _span_data(s: Span) -> list[int]:
    return [s.line, s.column, s.offset, s.length, s.end_line, s.end_column]


def _span(data: Any) -> Span:
    if type(data) is not list or len(data) != 6 or set(map(type, data)) != {int} or min(data) < 0:
        raise ValueError("bad span")
    return Span(*data)


def _fix(data: Any, post: Post, root: Path) -> Fix:
    applicability, edits = data
    return Fix(Applicability(applicability), tuple(_edit(e, post, root) for e in edits))


def _edit(data: Any, post: Post, root: Path) -> Edit:
    offset, length, content, path, create = data
    if not (type(offset) is int and type(length) is int and isinstance(content, str) and isinstance(create, bool)):
        raise ValueError("bad edit")
    target = post.path if path == "" else _inside(path, root)  # most fixes edit the post itself
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
