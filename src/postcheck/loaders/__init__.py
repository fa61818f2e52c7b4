"""Read post files of every supported format into Post objects; loaders never judge."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from postcheck.model import Field, Post, Problem, Source, Span

# No platform takes more than 63,206 characters, so a bigger file is no post (and would only be slow to check);
# a bulk CSV holds many posts.
MAX_POST_BYTES = 1024 * 1024
MAX_CSV_BYTES = 10 * 1024 * 1024
MAX_NESTING = 64  # levels of lists and tables in a post's fields: a post needs three; 1,000 would exhaust the stack
POST_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
}


class Unreadable(Exception):
    """The file cannot be read as a post; the message says why, at `offset` or `line`/`column`."""

    def __init__(self, message: str, offset: int = 0, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.offset, self.line, self.column = offset, line, column


def read_source(path: Path) -> Source:
    """Decode a post file: UTF-8 (a BOM is allowed and kept), no NUL bytes, at most 1 MB (10 MB for CSV)."""
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer; it is refused below as not a regular file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:  # os.read on the descriptor: no file object to build for each of 10,000 posts
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):  # a pipe would wait for ever, a device never end
                raise Unreadable("not a regular file (a pipe, device or socket): not read")
            limit = size_limit(path)
            if info.st_size > limit:
                raise _too_big(info.st_size, limit)
            data, want = b"", info.st_size + 1  # not the limit: that would allocate it for every file
            while len(data) < want:
                chunk = os.read(fd, want - len(data))
                if not chunk:
                    break
                data += chunk
                if len(data) == want and want <= limit:  # it grew since: read on, stopping at the limit
                    want = limit + 1
        finally:
            os.close(fd)
        if len(data) > limit:
            raise Unreadable(f"file is over {limit // 2**20} MB; post files that size are not read")
    except OSError as error:
        raise Unreadable(f"cannot read file: {error.strerror or error}") from None
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Unreadable("UTF-16 text (as Excel saves 'Unicode text'): save the file as UTF-8")
    nul = data.find(b"\0")
    if nul != -1:
        raise Unreadable(_BINARY, *_position(data, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Unreadable(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8", *_position(data, error.start)
        ) from None
    return Source(path, text, bom=bom)


def check_text(source: Source) -> None:
    """Unreadable, as `read_source` would say of the same text in a file: over its size limit, or holding NUL bytes
    (text piped in or sent by an editor, which no file read has checked)."""
    limit = size_limit(source.path)
    if len(source.text) * 4 > limit:  # (encoded only where it may be too big: at most 4 bytes a character)
        size = len(source.text.encode("utf-8", "surrogatepass"))
        if size > limit:
            raise _too_big(size, limit)
    nul = source.text.find("\0")
    if nul != -1:
        raise Unreadable(_BINARY, nul)


def size_limit(path: Path) -> int:
    """The most bytes a post file may hold: 1 MB, or 10 MB for a bulk CSV."""
    return MAX_CSV_BYTES if path.suffix.lower() == ".csv" else MAX_POST_BYTES


def _too_big(size: int, limit: int) -> Unreadable:
    return Unreadable(f"file is {size / 1e6:.1f} MB; post files over {limit // 2**20} MB are not read")


_BINARY = "binary file (contains NUL bytes), not a text post"


def _position(data: bytes, byte_index: int) -> tuple[int, int, int]:
    """(offset, line, column) in characters of a byte index, for bytes that may not decode."""
    before = data[:byte_index].decode("utf-8", errors="replace")
    line_start = before.rfind("\n") + 1
    return len(before), before.count("\n") + 1, len(before) - line_start + 1


def unreadable_post(path: Path, display: str, error: Unreadable, source: Source | None = None) -> Post:
    """A placeholder post carrying the F001 problem for a file that could not be read."""
    source = source or Source(path, "")
    if error.line is not None:
        line, column = error.line, error.column or 1
        span = Span(line, column, error.offset, 0, line, column)
    else:
        span = source.span(min(error.offset, len(source.text)))
    post = Post(
        source=source,
        display_path=display,
        format=POST_SUFFIXES.get(path.suffix.lower(), "unknown"),
        text=Field("", source, [], 0),
    )
    post.problems.append(Problem(str(error), span, code="F001"))
    return post


def load_posts(
    path: Path, display: str, named: bool, date_order: str = "dmy", source: Source | None = None
) -> list[Post]:
    """Every post in `path` (whose text is `source`, when it has been read already): a Markdown file, a YAML/JSON
    mapping with a `text` key, or a CSV with a known bulk-scheduling header. Other YAML, JSON and CSV files give []
    even when `named` (pre-commit names `renovate.json` and `mkdocs.yml` too); a file of another format gives []
    unless `named` (then F001)."""
    kind = POST_SUFFIXES.get(path.suffix.lower())
    if kind is None and not named:
        return []
    try:
        source = source or read_source(path)
        return posts_from_source(source, display, date_order)
    except Unreadable as error:
        return [unreadable_post(path, display, error, source)]


def posts_from_source(source: Source, display: str, date_order: str = "dmy") -> list[Post]:
    """Every post in text already read (a file, or an editor's unsaved text): [] for a YAML, JSON or CSV file that
    is no post; Unreadable for a post that cannot be read, and for a file of another format."""
    try:
        return _shallow(_parse(source, display, date_order))
    except RecursionError:  # the parsers recurse per level of nesting: 1,000 levels of "[" exhaust the stack
        raise Unreadable(f"lists or tables nested too deeply (more than {MAX_NESTING} levels): not a post") from None


def _parse(source: Source, display: str, date_order: str) -> list[Post]:
    path = source.path
    kind = POST_SUFFIXES.get(path.suffix.lower())
    if not source.text.strip():
        if kind != "markdown":
            return []
        raise Unreadable("empty file: there is nothing to post")
    if kind == "markdown":
        from postcheck.loaders.markdown import load_markdown

        return [load_markdown(source, display)]
    if kind in ("yaml", "json"):
        from postcheck.loaders.structured import load_structured

        post = load_structured(source, display, kind)
        return [post] if post else []
    if kind == "csv":
        from postcheck.loaders.bulk_csv import load_csv

        return load_csv(source, display, date_order)
    raise Unreadable(f"'{path.suffix or path.name}' is not a post format (use .md, .yaml, .json or .csv)")


def _shallow(posts: list[Post]) -> list[Post]:
    """`posts`, unless a post's fields nest more than MAX_NESTING deep (rules walk them; the stack is finite)."""
    for post in posts:
        stack = [(post.meta, 1)] if isinstance(post.meta, (dict, list)) else []
        while stack:  # lists and tables only: the strings and numbers in them cannot nest
            value, depth = stack.pop()
            items = value.values() if isinstance(value, dict) else value
            if items and depth >= MAX_NESTING:  # what it holds lies deeper than allowed
                raise Unreadable(f"lists or tables nested too deeply (more than {MAX_NESTING} levels): not a post")
            stack.extend((item, depth + 1) for item in items if isinstance(item, (dict, list)))
    return posts


def why_post(path: Path, date_order: str = "dmy") -> tuple[bool, str]:
    """(whether the file holds posts, why), as `--show-files` tells it; the file is read as `load_posts` reads it."""
    kind = POST_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return False, f"'{path.suffix or path.name}' is not a post format (F001 when named on the command line)"
    posts = load_posts(path, str(path), False, date_order)
    unreadable = posts and (posts[0].row is None if kind == "csv" else any(p.code == "F001" for p in posts[0].problems))
    if unreadable:
        return True, f"{kind.upper()} file that cannot be read as a post: reported as F001"
    if kind == "markdown":
        return True, "Markdown file"
    if kind in ("yaml", "json"):
        if posts:
            return True, f"{kind.upper()} mapping with a `text` key"
        return False, f"{kind.upper()} file that is not a mapping with a `text` key"
    if posts:
        rows = len(posts)
        return True, f"CSV with a bulk-scheduling header: {rows} post{'s' if rows != 1 else ''}"
    from postcheck.loaders.bulk_csv import KNOWN

    return False, f"CSV without a known bulk-scheduling header ({KNOWN})"
