"""The data that flows through postcheck: posts, their located fields, findings and fixes."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any


class Severity(str, Enum):
    """How serious a finding is; compared by rank."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @property
    def letter(self) -> str:
        return self.value[0].upper()


class Applicability(str, Enum):
    """Whether `--fix` may apply a fix (safe) or only `--unsafe-fixes` (unsafe)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Span:
    """A range in a source file: 1-based line/column (characters) and 0-based character offset."""

    line: int
    column: int
    offset: int
    length: int
    end_line: int
    end_column: int


class Source:
    """The decoded text of one file, with a line index to turn offsets into spans."""

    def __init__(self, path: Path, text: str, bom: bool = False):
        self.path = path
        self.text = text
        self.bom = bom

    @cached_property
    def directory(self) -> Path:
        """The folder the file is in: one Path per file, so that rules keying run-wide memos by it (media
        resolution) hash it once rather than build and hash a new one per post and reference."""
        return self.path.parent

    @cached_property
    def _line_starts(self) -> list[int]:
        """Where each line starts. A line ends at LF, CRLF or a lone CR (old Mac files; YAML, CSV and caption
        parsers break lines there too)."""
        if "\r" not in self.text:  # the common case, without a regular expression
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            return starts
        return [0, *(m.end() for m in _LINE_END.finditer(self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        starts = self._line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_start(self, line: int) -> int:
        """The offset where a 1-based line starts (the end of the text past the last line)."""
        starts = self._line_starts
        return starts[line - 1] if 1 <= line <= len(starts) else len(self.text)

    def span(self, start: int, end: int | None = None) -> Span:
        """The span of text[start:end]."""
        end = start if end is None else max(end, start)
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, start, end - start, end_line, end_column)

    def line_text(self, line: int, first: int = 0, length: int | None = None) -> str:
        """The text of a 1-based line without its line ending; or `length` characters of it from `first`."""
        starts = self._line_starts
        if not 1 <= line <= len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        if length is not None:  # slice before stripping: lines can be megabytes long
            end = min(end, start + first + length + 2)
        return self.text[start + first : end].rstrip("\r\n")[:length]


@dataclass(frozen=True)
class Segment:
    """A run of a field's value that is copied verbatim from the file."""

    start: int  # in the value
    file_start: int  # in the decoded file
    length: int


_LINE_END = re.compile(r"\r\n|\r|\n")

# What may stand between two characters of a value in its file: escapes (\u00e9, \n, \"), doubled quotes (CSV,
# YAML), quotes, a YAML block header (`|`, `>-`), and the line breaks and indentation that YAML folds or strips.
_SKIPPABLE = re.compile(
    r"(?:\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|[^\n])|\\?\r?\n[ \t]*|[ \t]|[\"']|[|>][-+0-9]*)*"
)


@dataclass
class Field:
    """A string value read from a post file, with where each part of it sits in the file.

    Values can differ from the file text (YAML escapes, CSV quotes, removed image markup);
    `segments` maps the verbatim runs back, so spans and fixes point at the file itself.
    """

    value: str
    source: Source
    segments: list[Segment]
    anchor: int = 0  # file offset used when a position is not inside any segment

    @classmethod
    def verbatim(cls, source: Source, start: int, end: int) -> Field:
        """A field whose value is exactly source.text[start:end]."""
        return cls(source.text[start:end], source, [Segment(0, start, end - start)], start)

    @classmethod
    def aligned(cls, value: str, source: Source, start: int, end: int) -> Field:
        """Map `value` onto source.text[start:end], matching characters in order (escapes skipped)."""
        text = source.text
        segments: list[Segment] = []
        j = start
        run_start = run_file = None
        previous = -2  # value index of the last matched character
        for i, ch in enumerate(value):
            k = text.find(ch, j, end) if j < end else -1
            if k > j and not _SKIPPABLE.fullmatch(text, j, k):
                k = -1  # the file has other text first: this character is written as an escape, not further on
            if k == -1:
                continue  # written as an escape (\u00e9): no verbatim position, the next character may have one
            if run_start is None or i != previous + 1 or k != run_file + (i - run_start):
                if run_start is not None:
                    segments.append(Segment(run_start, run_file, previous + 1 - run_start))
                run_start, run_file = i, k
            previous, j = i, k + 1
        if run_start is not None:
            segments.append(Segment(run_start, run_file, previous + 1 - run_start))
        return cls(value, source, segments, start)

    def file_offset(self, index: int, end: bool = False) -> int | None:
        """File offset of value[index] (or, with `end`, just after value[index - 1]); None if unmapped."""
        for seg in self.segments:
            low, high = (seg.start + 1, seg.start + seg.length) if end else (seg.start, seg.start + seg.length - 1)
            if low <= index <= high:
                return seg.file_start + index - seg.start
        return None

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The file span of value[start:end] (the field's anchor when it cannot be mapped)."""
        end = len(self.value) if end is None else end
        a = self.file_offset(start)
        b = self.file_offset(end, end=True) if end > start else a
        if a is None:
            return self.source.span(self.anchor)
        if b is None or b < a:
            b = a
        return self.source.span(a, b)

    def edit(self, start: int, end: int, content: str) -> Edit | None:
        """An edit replacing value[start:end], or None when that range is not one verbatim run."""
        for seg in self.segments:
            if seg.start <= start and end <= seg.start + seg.length:
                return Edit(seg.file_start + start - seg.start, end - start, content, self.source.path)
        return None


@dataclass(frozen=True)
class Edit:
    """Replace `length` characters at `offset` of `path` with `content`.

    With `create=True` the edit writes a new file at `path` (never overwriting one).
    """

    offset: int
    length: int
    content: str
    path: Path | None = None
    create: bool = False


@dataclass(frozen=True)
class Fix:
    """A set of edits that fix one finding, and whether applying them is safe."""

    applicability: Applicability
    edits: tuple[Edit, ...]

    @classmethod
    def safe(cls, *edits: Edit) -> Fix:
        return cls(Applicability.SAFE, tuple(edits))

    @classmethod
    def unsafe(cls, *edits: Edit) -> Fix:
        return cls(Applicability.UNSAFE, tuple(edits))


@dataclass
class Image:
    """An image attached to a post (front matter, inline Markdown, or CSV column)."""

    file: Field
    alt: Field | None
    decorative: bool = False
    origin: str = "front-matter"  # front-matter | inline | csv


@dataclass
class Video:
    """A video attached to a post, with the caption files that go with it."""

    file: Field
    captions: list[Field] = field(default_factory=list)  # named in `captions:`
    burned_in: bool = False
    sidecars: list[Path] = field(default_factory=list)  # discovered beside the video
    unlisted: str = ""  # why the video's folder could not be listed for sidecars ("permission denied"), if it could not
    loops: list[Path] = field(default_factory=list)  # files named like its sidecars that are symbolic link loops


@dataclass
class Post:
    """One post as read from a file (or a CSV row), before any rule judges it."""

    source: Source
    display_path: str
    format: str  # markdown | yaml | json | csv
    text: Field
    meta: dict[str, Any] = field(default_factory=dict)  # raw metadata values
    keys: dict[str, Field] = field(default_factory=dict)  # where each metadata key sits
    values: dict[str, Field] = field(default_factory=dict)  # where each string metadata value sits
    images: list[Image] = field(default_factory=list)
    videos: list[Video] = field(default_factory=list)
    link_cells: list[Field] = field(default_factory=list)  # CSV link columns
    suppressions: dict[str, Suppression] = field(default_factory=dict)
    row: int | None = None  # CSV row number (1-based, header is row 1)
    span: Span | None = None  # where the post starts (the CSV row)
    problems: list[Problem] = field(default_factory=list)  # found while loading (F002, F003)
    root: Path | None = None  # the posts root of the path it was found under (set by the engine)
    named: bool = False  # named on the command line or changed under --changed-since: checked even when published
    published: bool = False  # gone out already (set by the engine): a folder run leaves it out

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def directory(self) -> Path:
        return self.source.directory

    @property
    def kind(self) -> str:
        kind = self.meta.get("kind")  # read as platform names are, whatever the case: "Share" is a share
        if isinstance(kind, str) and kind.strip():
            return kind.strip().lower()
        # Unsaid, a post that answers something is a reply.
        answers = self.meta.get("in_reply_to")
        return "reply" if isinstance(answers, str) and answers.strip() else "post"

    @property
    def status(self) -> str | None:
        """`status:` as written, whatever its case ("Draft" is a draft); None when absent or not text."""
        status = self.meta.get("status")
        return status.strip().lower() if isinstance(status, str) else None

    @property
    def title(self) -> str | None:
        title = self.meta.get("title")
        return title if isinstance(title, str) else None

    def public_fields(self) -> list[tuple[str, Field]]:
        """What the audience reads, with what to call it: the text, the title, and each image's alt text."""
        fields = [("text", self.text)]
        title = self.values.get("title")
        if title is not None and self.title is not None:
            fields.append(("title", title))
        fields += [("alt text", image.alt) for image in self.images if image.alt is not None and image.alt.value]
        return fields

    def media_refs(self) -> list[tuple[str, Field]]:
        """Every media file the post names, as ("image" | "video" | "caption", field)."""
        refs = [("image", image.file) for image in self.images]
        for video in self.videos:
            refs.append(("video", video.file))
            refs.extend(("caption", caption) for caption in video.captions)
        return refs

    def field_span(self, key: str) -> Span:
        """Where a metadata field is: its value, else its key, else the post itself."""
        located = self.values.get(key) or self.keys.get(key)
        return located.span() if located is not None else self.where()

    def where(self) -> Span:
        """The post's own position: its row, or the start of the file."""
        return self.span or self.source.span(0)


@dataclass
class Suppression:
    """An `ignore` entry for one code, with its reason and where it was written."""

    code: str
    reason: str
    span: Span
    used: bool = False


@dataclass
class Problem:
    """What a rule reports: a message at a span, optionally in another file, with a fix."""

    message: str
    span: Span
    fix: Fix | None = None
    suggestion: str | None = None
    path: Path | None = None  # a media or caption file; default: the post's file
    code: str | None = None  # set by the engine (or by loaders for F-codes)


@dataclass
class Finding:
    """A problem after the engine has given it a rule, a severity and a display path."""

    code: str
    name: str
    severity: Severity
    message: str
    display_path: str
    span: Span
    post: Post
    fix: Fix | None = None
    suggestion: str | None = None
    source: Source | None = None  # the file the span is in, for snippets
    platforms: list[str] = field(default_factory=list)  # where the post goes

    @property
    def sort_key(self) -> tuple:
        return (self.display_path, self.span.line, self.span.column, self.code)
