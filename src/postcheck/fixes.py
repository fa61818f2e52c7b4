"""Apply fixes: the only code that writes user files; atomic, non-overlapping, idempotent.

A rewritten file keeps its identity as far as the process may: its permissions, owner and group, and its hard links
(a file with several links is rewritten in place, not replaced). Nothing is written outside the posts root, after
resolving links. Temporary files are named `.NAME.XXXXXXXX.postcheck-fix` beside the file; one left by a run that
was killed is removed by the next run that fixes that file.
"""

from __future__ import annotations

import difflib
import os
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from postcheck.loaders import Unreadable, read_source
from postcheck.model import Applicability, Edit, Finding, Fix, Source


@dataclass
class Planned:
    """The new text of one file, and how many fixes went into it."""

    path: Path
    old: str | None  # None for a file to create
    new: str
    bom: bool
    fixes: int
    root: Path | None = None  # the posts root: the file must resolve inside it


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.applicability == Applicability.SAFE or unsafe)


def plan(findings: list[Finding], unsafe: bool, texts: dict[Path, str] | None = None) -> list[Planned]:
    """The files that the applicable fixes would change; a fix overlapping an earlier one waits.

    `texts` gives the current text of files that are not to be read from disk (an editor's unsaved buffer).
    """
    by_file: dict[Path, list[Fix]] = defaultdict(list)
    roots: dict[Path, Path | None] = {}
    for finding in findings:
        if applicable(finding.fix, unsafe) and finding.fix.edits:
            target = finding.fix.edits[0].path or finding.post.path
            if all((e.path or finding.post.path) == target for e in finding.fix.edits):
                by_file[target].append(finding.fix)
                roots.setdefault(target, finding.post.root)
    planned = []
    for path, fixes in by_file.items():
        creates = [e for f in fixes for e in f.edits if e.create]
        if creates:
            if not path.exists() and not path.is_symlink():
                planned.append(Planned(path, None, creates[0].content, False, 1, roots[path]))
            continue
        try:
            source = Source(path, texts[path]) if texts and path in texts else read_source(path)
        except Unreadable:
            continue
        chosen: list[Edit] = []
        count = 0
        for fix in sorted(fixes, key=lambda f: min(e.offset for e in f.edits)):
            if any(_overlaps(e, c) for e in fix.edits for c in chosen):
                continue
            if any(e.offset + e.length > len(source.text) for e in fix.edits):
                continue
            chosen.extend(fix.edits)
            count += 1
        text = source.text
        for edit in sorted(set(chosen), key=lambda e: e.offset, reverse=True):
            text = text[: edit.offset] + edit.content + text[edit.offset + edit.length :]
        if text != source.text:
            planned.append(Planned(path, source.text, text, source.bom, count, roots[path]))
    return planned


def _overlaps(a: Edit, b: Edit) -> bool:
    if a == b:
        return False
    return a.offset < b.offset + b.length and b.offset < a.offset + a.length or (a.offset == b.offset)


TEMP_SUFFIX = ".postcheck-fix"
STALE_AFTER = 600  # seconds: a temporary file this old is left from a run that died, not one still writing


def inside_root(path: Path, root: Path | None) -> bool:
    """Whether `path` (its folder resolved, and the file itself when it exists) lies in the posts root."""
    if root is None:
        return True
    try:
        real = path.resolve() if path.exists() or path.is_symlink() else path.parent.resolve() / path.name
        return real.is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def write_atomically(path: Path, text: str, bom: bool = False, create: bool = False) -> None:
    """Write via a temporary file in the same folder and rename, keeping the file's permissions, owner and group. A
    symbolic link is followed: the file it names is rewritten and the link stays a link. A file with several hard
    links is rewritten in place, so that every name still shows the same file."""
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    if create:
        with open(path, "xb") as handle:  # never overwrite an existing file
            handle.write(data)
        return
    path = path.resolve()
    info = path.stat()
    _remove_stale(path)
    if info.st_nlink > 1:
        _write_in_place(path, data)
        return
    handle, temp = tempfile.mkstemp(prefix=f".{path.name[:64]}.", suffix=TEMP_SUFFIX, dir=path.parent)  # short names
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _keep_owner(temp, info)
        os.chmod(temp, info.st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _keep_owner(temp: str, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as this process may (root may; others keep the group
    when they belong to it)."""
    if not hasattr(os, "chown"):
        return
    for uid in (info.st_uid, -1):
        try:
            os.chown(temp, uid, info.st_gid)
            return
        except OSError:
            continue


def _write_in_place(path: Path, data: bytes) -> None:
    """Rewrite a hard-linked file through its own inode. The old bytes are kept in a temporary file beside it until
    the new ones are on disk, so a crash part-way leaves a copy to recover from."""
    backup_handle, backup = tempfile.mkstemp(prefix=f".{path.name[:64]}.", suffix=TEMP_SUFFIX, dir=path.parent)
    with os.fdopen(backup_handle, "wb") as out:
        out.write(path.read_bytes())
        out.flush()
        os.fsync(out.fileno())
    with open(path, "r+b") as file:
        file.write(data)
        file.truncate()
        file.flush()
        os.fsync(file.fileno())
    os.unlink(backup)


def _remove_stale(path: Path) -> None:
    """Remove temporary files that an earlier, killed run left beside `path`."""
    now = time.time()
    try:
        for entry in os.scandir(path.parent):
            ours = entry.name.startswith(f".{path.name[:64]}.") and entry.name.endswith(TEMP_SUFFIX)
            old = ours and entry.is_file(follow_symlinks=False)
            if old and now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                os.unlink(entry.path)
    except OSError:
        pass  # cleaning up is a courtesy; the fix itself goes ahead


def apply(planned: list[Planned], failed: list[tuple[Path, str]] | None = None) -> int:
    """Write every planned file; returns the number of fixes applied. Files left alone go into `failed` with why."""
    applied = 0
    for item in planned:
        try:
            if not inside_root(item.path, item.root):
                raise Unreadable("it lies outside the posts root (through a link or '..'): not written")
            if item.old is None:
                write_atomically(item.path, item.new, create=True)
            else:
                if not os.stat(item.path).st_mode & 0o222:  # read-only for everyone: root's rename would succeed
                    raise Unreadable("it is read-only: not written")
                current = read_source(item.path).text
                if current != item.old:
                    raise Unreadable("it changed while postcheck ran; run it again")  # leave it alone
                write_atomically(item.path, item.new, item.bom)
        except (OSError, Unreadable) as error:
            if failed is not None:
                failed.append((item.path, getattr(error, "strerror", None) or str(error)))
            continue
        applied += item.fixes
    return applied


def _lines(text: str) -> list[str]:
    """Lines as patch and git read them: ended by "\n" only (not U+2028, a form feed or a lone CR)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def unified_diff(planned: list[Planned], display: dict[Path, str]) -> str:
    """The planned changes as a unified diff."""
    chunks = []
    for item in planned:
        name = display.get(item.path) or os.path.relpath(item.path)
        bom = "\ufeff" if item.bom else ""  # the file's first bytes, so that the patch applies to line 1 too
        old = _lines(bom + item.old) if item.old is not None else []
        new = _lines(bom + item.new)
        chunks.extend(difflib.unified_diff(old, new, "/dev/null" if item.old is None else f"a/{name}", f"b/{name}"))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in chunks)
