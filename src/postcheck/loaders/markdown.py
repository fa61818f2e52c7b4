"""Load a Markdown post: YAML front matter, then the body as written (inline images count)."""

from __future__ import annotations

import bisect
import re

from postcheck.loaders import Unreadable
from postcheck.loaders.structured import fill_post, parse_yaml
from postcheck.model import Field, Image, Post, Segment, Source, Suppression

FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
# Every pattern here stops at the next opening bracket, so that a post of "![" or "![a](" repeated is read in linear
# time (an unclosed bracket scanned to the end of the post, once per bracket, took minutes for 80 KB).
# Alt text may hold one level of balanced brackets, a file name one level of balanced parentheses (photo(1).png).
INLINE_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\[\]\\]|\\.|\[[^\[\]\\]*\])*)\]"
    r"\(\s*(?P<file><[^<>\n]*>|[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\s*\)"
)
PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")  # in an image's destination, a URL: "my%20photo.png"
# `postcheck: ignore A201 reason`, or several codes: `ignore A201, A205 reason` (a code after the first has digits, so
# a reason may start with capitals: "ignore A201 NHS England sets this hashtag"). A rule's name may stand first
# instead of a code (`ignore hashtag-not-camel-case reason`), as everywhere else.
SUPPRESS = re.compile(
    r"^\s*postcheck:\s*ignore\s+(?P<codes>(?:[A-Z]+[0-9]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:[\s,]+[A-Z]+[0-9]+\b)*)\b"
    r"[ \t,]*(?P<reason>.*?)\s*$",
    re.DOTALL,
)


def load_markdown(source: Source, display: str) -> Post:
    """A post from a Markdown file with optional YAML front matter."""
    text = source.text
    post = Post(source=source, display_path=display, format="markdown", text=Field("", source, [], 0))
    body_start = 0
    if FENCE.match(text):
        opening_end = text.index("\n") + 1 if "\n" in text else len(text)
        close = CLOSE.search(text, opening_end)
        if close is None:
            raise Unreadable("front matter opened with '---' on line 1 is never closed", line=1, column=1)
        front = text[opening_end : close.start()]
        meta, node = parse_yaml(front, line_base=1)
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            raise Unreadable("front matter must be a YAML mapping of keys to values", line=2, column=1)
        fill_post(post, meta, node, opening_end)
        body_start = close.end()
    _read_body(post, body_start)
    return post


def _comments(text: str, start: int) -> list[tuple[tuple[int, int], str]]:
    """The HTML comments `<!-- ... -->` from `start`: (span, text inside); an unclosed one ends the search."""
    found = []
    at = start
    while (opening := text.find("<!--", at)) != -1:
        closing = text.find("-->", opening + 4)
        if closing == -1:
            break  # no comment closes after this one, nor after any later "<!--"
        found.append(((opening, closing + 3), text[opening + 4 : closing]))
        at = closing + 3
    return found


BACKTICKS = re.compile(r"`+")
BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _code_spans(text: str, start: int) -> list[tuple[int, int]]:
    """The code spans from `start`, as CommonMark pairs them: a run of backticks up to the next run of the same
    length, within a paragraph (a fence of three or more may hold blank lines); a run with no partner is a literal
    backtick, so a stray one leaves the images after it alone."""
    runs = [(m.start(), m.end() - m.start()) for m in BACKTICKS.finditer(text, start)]
    blanks = [m.start() for m in BLANK_LINE.finditer(text, start)]
    by_length: dict[int, list[int]] = {}
    for index, (_, length) in enumerate(runs):
        by_length.setdefault(length, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        opening, length = runs[index]
        later = by_length[length]
        partner = bisect.bisect_right(later, index)
        if partner == len(later):
            index += 1
            continue
        closing = later[partner]
        end = runs[closing][0] + length
        blank = bisect.bisect_left(blanks, opening)
        if length < 3 and blank < len(blanks) and blanks[blank] < end:
            index += 1  # a paragraph ends before the partner: this run is a literal backtick
            continue
        spans.append((opening, end))
        index = closing + 1
    return spans


def _path_end(text: str, start: int, end: int) -> int:
    """Where an inline image's path ends: its destination is a URL, whose query ("?v=2") or fragment
    ("#gh-dark-mode-only") names no file."""
    value = text[start:end]
    if "://" in value or value.startswith("data:"):
        return end
    cuts = [i for i in (value.find("?"), value.find("#")) if i > 0]
    return start + min(cuts) if cuts else end


def _read_body(post: Post, start: int) -> None:
    """Post text = body minus HTML comments and inline images; both are read for what they carry."""
    source = post.source
    text = source.text
    removed: list[tuple[int, int]] = []
    for span, inside in _comments(text, start):
        removed.append(span)
        directive = SUPPRESS.match(inside)
        if directive:
            for code in re.split(r"[\s,]+", directive.group("codes")):
                post.suppressions[code] = Suppression(code, directive.group("reason"), source.span(*span))
    # Image markup in a code span is an example written out, posted as it stands: text, not an image.
    code = _code_spans(text, start) if "`" in text else []
    code_starts = [a for a, _ in code]
    for match in INLINE_IMAGE.finditer(text, start):
        if any(a <= match.start() < b for a, b in removed):
            continue
        inside = bisect.bisect_right(code_starts, match.start()) - 1
        if inside >= 0 and match.start() < code[inside][1]:
            continue
        removed.append(match.span())
        file_start, file_end = match.span("file")
        if text[file_start] == "<":
            file_start, file_end = file_start + 1, file_end - 1
        file_end = _path_end(text, file_start, file_end)
        alt = Field.verbatim(source, *match.span("alt"))
        file = Field.verbatim(source, file_start, file_end)
        if "%" in file.value and PERCENT_ESCAPE.search(file.value):
            # A Markdown image's destination is a URL: editors write "my%20photo.png" for "my photo.png".
            from urllib.parse import unquote

            file = Field.aligned(unquote(file.value), source, file_start, file_end)
        post.images.append(Image(file=file, alt=alt, origin="inline"))
    removed.sort()

    kept, position = [], start
    for a, b in removed:
        if a > position:
            kept.append((position, a))
        position = max(position, b)
    kept.append((position, len(text)))

    # Trim surrounding whitespace of the whole text, keeping inner runs as written.
    while kept and not text[kept[0][0] : kept[0][1]].strip():
        kept.pop(0)
    while kept and not text[kept[-1][0] : kept[-1][1]].strip():
        kept.pop()
    if kept:
        a, b = kept[0]
        kept[0] = (a + len(text[a:b]) - len(text[a:b].lstrip()), b)
        a, b = kept[-1]
        kept[-1] = (a, a + len(text[a:b].rstrip()))
    value, segments = [], []
    length = 0
    for a, b in kept:
        segments.append(Segment(length, a, b - a))
        value.append(text[a:b])
        length += b - a
    post.text = Field("".join(value), source, segments, kept[0][0] if kept else start)
