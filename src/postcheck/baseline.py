"""The baseline: findings a team accepted when it adopted postcheck, kept out of reports until they are fixed.

`postcheck-baseline.json` at the posts root holds one entry per finding: the post's path (relative to the root),
the rule's code and a fingerprint of the finding's own text, not of its line, so that editing another part of the
post or moving lines keeps the entry. Equal entries may repeat: each one covers one finding.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

from postcheck.model import Finding, Post

VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")


class BaselineError(Exception):
    """A baseline file that cannot be read or understood (exit 2, never silently ignored)."""


Key = tuple[str, str, str]  # (post path relative to the root, code, fingerprint)


def fingerprint(finding: Finding, root: Path) -> str:
    """A digest of the finding's code and the text it points at (whitespace folded), or of its message when it
    points at nothing in the post (a cue in a caption file, a whole post). A finding in another file (a caption
    file) names that file relative to the posts root, as a run from the root shows it: from any folder, and with
    absolute paths, the digest is the same."""
    text = ""
    if finding.source is not None and finding.span.length:
        start = finding.span.offset
        text = " ".join(finding.source.text[start : start + finding.span.length].split())
    if finding.source is None or not text:
        text = f"{_file_path(finding.display_path, root) if finding.source is None else ''}\0{finding.message}"
    return hashlib.sha256(f"{finding.code}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _file_path(shown: str, root: Path) -> str:
    """A file a finding shows (relative to the current folder, or absolute), relative to the posts root."""
    folder, name = os.path.split(os.path.abspath(shown))
    try:  # the folder's links resolved, as the root's are; the file's own name kept
        return (Path(os.path.realpath(folder)) / name).relative_to(root).as_posix()
    except ValueError:
        return shown


def post_path(post: Post, root: Path) -> str:
    """The post's file, relative to the posts root, "/"-separated."""
    resolved = post.path.resolve()
    try:
        return resolved.relative_to(post.root or root).as_posix()
    except ValueError:
        return resolved.as_posix()


def key(finding: Finding, root: Path) -> Key:
    return post_path(finding.post, root), finding.code, fingerprint(finding, root)


class Baseline:
    """The accepted findings, as a multiset of keys."""

    def __init__(self, path: Path | None, root: Path, entries: Counter[Key] | None = None):
        self.path = path
        self.root = root
        self.entries: Counter[Key] = entries or Counter()

    @classmethod
    def load(cls, path: Path | None, root: Path) -> Baseline:
        """The baseline at `path` (empty when there is no such file; BaselineError when it is not a baseline, or
        when it lies, through a symbolic link, outside the posts root, which bounds what postcheck reads)."""
        if path is None:
            return cls(path, root)
        try:
            inside = path.resolve().is_relative_to(root.resolve())
        except (RuntimeError, OSError):  # a link loop
            inside = False
        if not inside:
            raise BaselineError(f"{path}: a symbolic link that leads out of the posts root: not read or written")
        if not path.exists():
            return cls(path, root)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise BaselineError(
                f"{path}: cannot read the baseline: {getattr(error, 'strerror', None) or error}"
            ) from None
        except json.JSONDecodeError as error:
            raise BaselineError(
                f"{path}:{error.lineno}:{error.colno}: the baseline is not valid JSON: {error.msg}"
            ) from None
        entries = data.get("entries") if isinstance(data, dict) else None
        version = data.get("version") if isinstance(data, dict) else None
        if type(version) is int and version > VERSION:
            raise BaselineError(
                f"{path}: written by a newer postcheck (baseline version {version}; this one reads version {VERSION}):"
                " upgrade postcheck"
            )
        if not isinstance(entries, list) or type(data.get("version")) is not int or data["version"] != VERSION:
            raise BaselineError(f'{path}: not a postcheck baseline (expected {{"version": 1, "entries": [...]}})')
        counted: Counter[Key] = Counter()
        for number, entry in enumerate(entries, 1):
            fields = [entry.get(name) if isinstance(entry, dict) else None for name in ("path", "code", "fingerprint")]
            if not all(isinstance(value, str) and value for value in fields):
                raise BaselineError(f"{path}: entry {number} needs a path, a code and a fingerprint (text)")
            counted[tuple(fields)] += 1  # type: ignore[index]
        return cls(path, root, counted)

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], Counter[Path]]:
        """The findings the baseline does not hold, and how many it held per post file."""
        held: Counter[Path] = Counter()
        if not self.entries:
            return findings, held
        left = Counter(self.entries)
        kept = []
        for finding in findings:
            k = key(finding, self.root)
            if left[k] > 0:
                left[k] -= 1
                held[finding.post.path.resolve()] += 1
            else:
                kept.append(finding)
        return kept, held

    def updated(self, findings: list[Finding], checked: set[str], prune: bool) -> Counter[Key]:
        """The entries after a `baseline` run that checked the posts `checked` (paths relative to the root):
        entries of other posts stay while their file does; the checked posts' entries become their findings (with
        `prune`, only the entries that still match a finding)."""
        found = Counter(key(finding, self.root) for finding in findings)
        # a post renamed or deleted matches nothing any more, whichever posts this run checked
        kept = Counter({k: n for k, n in self.entries.items() if k[0] not in checked and self._exists(k[0])})
        return kept + (self.entries & found if prune else found)

    def _exists(self, path: str) -> bool:
        return os.path.lexists(self.root / path)

    def write(self, entries: Counter[Key]) -> None:
        """Write the entries, sorted for stable diffs, atomically (a reader never sees half a file)."""
        assert self.path is not None
        rows = [
            {"path": path, "code": code, "fingerprint": print_}
            for (path, code, print_), n in sorted(entries.items())
            for _ in range(n)
        ]
        text = json.dumps({"version": VERSION, "entries": rows}, indent=1, ensure_ascii=False) + "\n"
        # a file name that is not UTF-8 holds lone surrogates: written as JSON escapes, they read back as they were
        text = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
        try:
            mode = self.path.stat().st_mode & 0o777  # a mode the team chose stays
        except FileNotFoundError:
            mode = 0o644  # not mkstemp's 0600: the file is shared, committed and read by CI
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".postcheck-baseline-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.chmod(temporary, mode)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
