"""Read caption files (WebVTT, SRT, SBV) into cues, and find what browsers and players would reject or drop.

webvtt-py parses the files (the cues' times and text come from it), but it
is lenient where browsers are not: it accepts `WEBVTTfoo`, a form feed after the signature and two byte-order
marks, and it keeps cue blocks whose timings a browser refuses, and it gives no line numbers. So each file is
also scanned, WebVTT with the parsing algorithm of the specification
(https://www.w3.org/TR/webvtt1/#file-parsing): the scan reports what browsers refuse or drop with its line, and
finds the cue blocks they show. The cues are webvtt-py's cues at those blocks, with the blocks' lines.
`convert` writes the converted files for A308 itself, so that no character a viewer sees is lost.
"""

from __future__ import annotations

import html
import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from postcheck.media import MediaError, open_regular
from postcheck.model import Source

MAX_CAPTION_BYTES = 2 * 1024 * 1024
_NEWLINE = re.compile(r"\r\n|\r|\n")
_VTT_TAG = re.compile(r"<([^>]*)(?:>|\Z)")  # in WebVTT cue text every `<` opens a tag, to `>` or the end
# SRT has these; any other `<` is text. Subtitle editors also write SSA override blocks such as `{\an8}` (place the
# cue at the top) into SRT, which players that read SRT (ffmpeg, VLC, mpv) apply and do not show.
_SRT_TAG = re.compile(r"<(/?)(b|i|u|font)\b[^<>]*>|\{\\[^{}\n]*\}", re.IGNORECASE)
# ([^<>], [^{}]: a tag ends before the next "<" or "{", so that "<font " or "{\" repeated without an end is read in
# linear time)
_STYLES = ("b", "i", "u")  # the tags both formats share
_WS = " \t\n\x0c\r"  # WebVTT "skip whitespace": space, tab, LF, FF, CR


@dataclass(frozen=True)
class Cue:
    """One caption cue: times in seconds, the text as written, and where it sits (1-based lines)."""

    start: float
    end: float
    text: str
    line: int  # the timing line
    end_line: int  # the last text line
    identifier: str = ""
    format: str = "vtt"  # of the file: WebVTT cue text has tags and entities, SRT and SBV text is literal

    @property
    def plain_text(self) -> str:
        """The text as shown: tags removed, WebVTT entities decoded."""
        return "".join(chars for chars, _ in styled_text(self.text, self.format))

    @property
    def lines(self) -> list[str]:
        return self.plain_text.split("\n") if self.text else []


def styled_text(text: str, format: str) -> list[tuple[str, str]]:
    """Cue text as players read it: (characters shown, "") pieces and ("", tag) for the bold, italic and
    underline tags (`b`, `/b`, ...); other tags (voice, class, timestamp, font) are left out.

    WebVTT: `<` always opens a tag and `&lt;`, `&amp;` ... are the characters; SRT and SBV: only `<b>`, `<i>`,
    `<u>` and `<font ...>` are tags, the rest is shown as written."""
    pieces: list[tuple[str, str]] = []
    at = 0
    if format == "vtt":
        for match in _VTT_TAG.finditer(text):
            pieces.append((html.unescape(text[at : match.start()]), ""))
            name = re.match(r"/?[^\s.]*", match.group(1)).group()
            if name.lstrip("/") in _STYLES:
                pieces.append(("", name))
            at = match.end()
        pieces.append((html.unescape(text[at:]), ""))
    else:
        for match in _SRT_TAG.finditer(text):
            pieces.append((text[at : match.start()], ""))
            name = (match.group(2) or "").lower()
            if name in _STYLES:
                pieces.append(("", match.group(1) + name))
            at = match.end()
        pieces.append((text[at:], ""))
    return [piece for piece in pieces if piece != ("", "")]


@dataclass(frozen=True)
class CaptionIssue:
    """Something a browser or player rejects or drops, at a 1-based line of the caption file."""

    message: str
    line: int
    rejected: bool = False  # the whole file is refused


@dataclass
class Captions:
    """A parsed caption file."""

    path: Path | None
    format: str  # vtt | srt | sbv
    text: str  # decoded, without the byte-order mark
    cues: list[Cue] = field(default_factory=list)
    issues: list[CaptionIssue] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        """Whether a player refuses the whole file."""
        return any(issue.rejected for issue in self.issues)

    @property
    def valid(self) -> bool:
        return not self.issues

    def offset(self, line: int) -> int:
        """Character offset of the start of a 1-based line."""
        if not self.line_starts:
            return 0
        return self.line_starts[min(max(line, 1), len(self.line_starts)) - 1]

    def line_length(self, line: int) -> int:
        """Length of a 1-based line without its ending."""
        start = self.offset(line)
        match = _NEWLINE.search(self.text, start)
        return (match.start() if match else len(self.text)) - start

    @cached_property
    def source(self) -> Source:
        """The text as a Source, built once, to turn offsets into finding spans."""
        return Source(self.path or Path("captions"), self.text)


def read_caption_text(path: Path) -> str:
    """The decoded text of a caption file; raises MediaError when it is not readable text."""
    with open_regular(path) as file:  # opened once, without blocking: a pipe swapped in is refused, not waited on
        size = os.fstat(file.fileno()).st_size
        if size > MAX_CAPTION_BYTES:
            raise MediaError(f"caption file is {size / 1e6:.1f} MB; that is not a caption file")
        data = file.read(MAX_CAPTION_BYTES + 1)
    if len(data) > MAX_CAPTION_BYTES:
        raise MediaError("caption file grew past the size of a caption file while it was read")
    if not data:
        raise MediaError("empty file (0 bytes)")  # as an empty image or video: F006, not A302
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise MediaError(f"not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}): save it as UTF-8") from None


def undecodable_text(path: Path) -> tuple[str, int, int] | None:
    """A file that is not UTF-8 as shown (bad bytes as U+FFFD), where its first bad byte is and that byte; else None."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # Everything before the first bad byte decodes, so its length is the bad byte's offset in the shown text.
        return data.decode("utf-8", errors="replace"), len(data[: error.start].decode("utf-8")), data[error.start]
    return None


def read_captions(path: Path) -> Captions:
    """Read and parse a caption file by its suffix (.vtt, .srt, .sbv); raises MediaError when it is not text."""
    text = read_caption_text(path)
    return parse_captions(text, _format_of(path), path)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in ("vtt", "srt", "sbv") else "vtt"


def parse_captions(text: str, format: str, path: Path | None = None) -> Captions:
    """Parse caption text in the given format ("vtt", "srt" or "sbv")."""
    if text.startswith("\ufeff"):  # the UTF-8 decoder removes one BOM, as browsers do
        text = text[1:]
    captions = Captions(path, format, text, line_starts=_line_starts(text))
    scan = {"srt": _scan_srt, "sbv": _scan_sbv}.get(format, _scan_vtt)
    shown = scan(captions)
    read = _read_with_webvtt_py(captions)
    captions.cues = shown if read is None else _at_blocks(read, shown)
    return captions


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _NEWLINE.finditer(text))
    return starts


def _lines(text: str) -> list[str]:
    return _NEWLINE.split(text)


def _read_with_webvtt_py(captions: Captions) -> list[tuple[int, int, str]] | None:
    """webvtt-py's cues as (start ms, end ms, text), or None when it refuses the file (an issue unless the scan
    already explained why). NUL becomes U+FFFD first, as browsers read it."""
    if captions.rejected or not captions.text.strip():
        return None
    import io

    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    text = captions.text.replace("\x00", "\ufffd")
    if captions.format != "vtt":
        # Players skip blank lines before an SRT's first cue (editors and exporters leave them); webvtt-py refuses
        # the file. A WebVTT file must start with its header, so there they stay an error.
        text = text.lstrip(" \t\r\n")
        # Players read a cue number by its digits ("1 " is cue 1), as the scan does; webvtt-py refuses the whole
        # file when its first line is anything but digits.
        first, newline, rest = text.partition("\n")
        if first.strip().isdigit():
            text = first.strip() + newline + rest
    try:
        if captions.format == "vtt":
            parsed = webvtt.WebVTT.from_string(text)
        else:
            parsed = webvtt.WebVTT.from_buffer(io.StringIO(text), format=captions.format)
    except (MalformedFileError, MalformedCaptionError, ValueError) as error:
        if not captions.issues:
            captions.issues.append(CaptionIssue(f"webvtt-py cannot read it: {error}", 1, captions.format != "vtt"))
        return None
    return [(c.start_time.in_milliseconds(), c.end_time.in_milliseconds(), c.raw_text) for c in parsed.captions]


def _at_blocks(read: list[tuple[int, int, str]], shown: list[Cue]) -> list[Cue]:
    """webvtt-py's cues at the blocks the scan found shown, with the blocks' lines; the rest (blocks browsers
    drop, which webvtt-py keeps) are left out. Each block takes the first unused cue after the last one taken
    with its timings and text, else with its timings only. Text decides where timings repeat (nulls.vtt has
    eleven cues at 0-1 s).

    A cue keeps no more text lines than its block has: webvtt-py adds an SRT block it cannot read as a cue (a
    broken timing line) to the text of the cue before it, but players drop that block (A302 says so), and the
    cue before it must not be judged with its words (A304, A305)."""
    exact: dict[tuple, list[int]] = {}
    timed: dict[tuple, list[int]] = {}
    for index, (start, end, text) in enumerate(read):
        exact.setdefault((start, end, text), []).append(index)
        timed.setdefault((start, end), []).append(index)

    def first(table: dict[tuple, list[int]], key: tuple, after: int) -> int | None:
        indexes = table.get(key, [])
        k = bisect_left(indexes, after)
        return indexes[k] if k < len(indexes) else None

    cues: list[Cue] = []
    after = 0
    for cue in shown:
        timings = (round(cue.start * 1000), round(cue.end * 1000))
        index = first(exact, (*timings, cue.text.replace("\x00", "\ufffd")), after)
        if index is None:
            index = first(timed, timings, after)
        if index is None:
            continue  # a block webvtt-py does not read as a cue
        start, end, text = read[index]
        own = "\n".join(text.split("\n")[: cue.end_line - cue.line])
        cues.append(replace(cue, start=start / 1000, end=end / 1000, text=own))
        after = index + 1
    return cues


# --- WebVTT: the parsing algorithm of the WebVTT specification -------------------------------------------


def _vtt_timestamp(line: str, i: int) -> tuple[float | None, int, str]:
    """Collect a WebVTT timestamp at line[i]: (seconds or None, new index, reason when None)."""
    n = len(line)

    def digits(j: int) -> tuple[str, int]:
        k = j
        while k < n and line[k].isascii() and line[k].isdigit():
            k += 1
        return line[j:k], k

    if i >= n or not (line[i].isascii() and line[i].isdigit()):
        return None, i, "a timestamp must start with a digit"
    first, i = digits(i)
    if len(first) > 6:  # the grammar allows any number of hour digits; a float does not (OverflowError)
        return None, i, f"{len(first)} digits of hours: not a timestamp a video can reach"
    hours_first = len(first) != 2 or int(first) > 59
    if i >= n or line[i] != ":":
        return None, i, f"'{first}' is not followed by ':'"
    second, i = digits(i + 1)
    if len(second) != 2:
        return None, i, "minutes and seconds need exactly two digits"
    if hours_first or (i < n and line[i] == ":"):
        if i >= n or line[i] != ":":
            return None, i, "hours need minutes and seconds after them"
        third, i = digits(i + 1)
        if len(third) != 2:
            return None, i, "seconds need exactly two digits"
        hours, minutes, seconds = int(first), int(second), int(third)
    else:
        hours, minutes, seconds = 0, int(first), int(second)
    if i >= n or line[i] != ".":
        return None, i, "seconds must be followed by '.' and three digits (a comma is SRT, not WebVTT)"
    fraction, i = digits(i + 1)
    if len(fraction) != 3:
        return None, i, "the fraction of a second needs exactly three digits"
    if minutes > 59 or seconds > 59:
        return None, i, "minutes and seconds cannot exceed 59"
    return hours * 3600 + minutes * 60 + seconds + int(fraction) / 1000, i, ""


def _vtt_timings(line: str) -> tuple[float, float] | str:
    """Parse a cue timings line: (start, end), or the reason a browser refuses it."""
    i, n = 0, len(line)
    while i < n and line[i] in _WS:
        i += 1
    start, i, reason = _vtt_timestamp(line, i)
    if start is None:
        return f"malformed start time: {reason}"
    while i < n and line[i] in _WS:
        i += 1
    if line[i : i + 3] != "-->":
        return "the start time must be followed by '-->'"
    i += 3
    while i < n and line[i] in _WS:
        i += 1
    end, i, reason = _vtt_timestamp(line, i)
    if end is None:
        return f"malformed end time: {reason}"
    return start, end


def _scan_vtt(captions: Captions) -> list[Cue]:
    """Follow the WebVTT parser: the signature, the header, then blocks (cues, comments, styles, regions).

    Reports what browsers refuse or drop; returns the cues they show."""
    issues = captions.issues
    for number, line in enumerate(_lines(captions.text), 1):
        if "\x00" in line:
            issues.append(CaptionIssue("NUL character in the file (shown as \ufffd)", number))
    text = captions.text.replace("\x00", "\ufffd")
    if text.startswith("\ufeff"):
        issues.append(CaptionIssue("a second byte-order mark before WEBVTT: browsers refuse the file", 1, True))
        return []
    normal = _NEWLINE.sub("\n", text)
    if not normal:
        issues.append(CaptionIssue("empty file: a WebVTT file starts with the line WEBVTT", 1, True))
        return []
    if not normal.startswith("WEBVTT"):
        issues.append(CaptionIssue("the file must start with WEBVTT (uppercase): browsers refuse it", 1, True))
        return []
    if len(normal) > 6 and normal[6] not in " \t\n":
        after = {"\x0c": "a form feed", "\ufffd": "a NUL"}.get(normal[6], repr(normal[6]))
        issues.append(
            CaptionIssue(
                f"WEBVTT must be followed by a space, a tab or a line break, not {after}: browsers refuse the file",
                1,
                True,
            )
        )
        return []

    lines = normal.split("\n")
    n = len(lines)
    if "-->" in lines[0]:
        # Browsers skip the rest of the signature line: a cue written there is never shown.
        issues.append(CaptionIssue("a cue timing on the WEBVTT line is ignored: put a blank line after WEBVTT", 1))

    def past_end(p: int) -> bool:
        return p >= n or (p == n - 1 and lines[p] == "")

    p = 1  # the signature line is consumed
    shown: list[Cue] = []
    if past_end(p):
        return shown
    seen_cue = False
    if lines[p] != "":
        p, _ = _vtt_block(lines, p, in_header=True, seen_cue=False)
    while not past_end(p) and lines[p] == "":
        p += 1
    while not past_end(p):
        first = p
        p, block = _vtt_block(lines, p, in_header=False, seen_cue=seen_cue)
        if isinstance(block, Cue):
            seen_cue = True
            shown.append(block)
        elif isinstance(block, CaptionIssue):
            issues.append(block)
        if p == first:  # cannot happen per the algorithm; guards against a loop
            p += 1
        while not past_end(p) and lines[p] == "":
            p += 1
    return shown


def _vtt_block(lines: list[str], p: int, in_header: bool, seen_cue: bool) -> tuple[int, Cue | CaptionIssue | None]:
    """Collect one WebVTT block from line index p: (next index, a cue, an issue for a dropped block, or None)."""
    n = len(lines)
    first = p
    line_count = 0
    previous = p
    buffer: list[str] = []
    seen_arrow = False
    timings: tuple[float, float] | None = None
    timing_line = 0
    identifier = ""
    failure = ""
    failure_line = 0
    kind = None  # "style" | "region"
    last = first + 1  # 1-based number of the block's last line
    rewound = False  # the block ended at a timing line that starts the next block
    while True:
        line = lines[p]
        line_count += 1
        seen_eof = p == n - 1
        p += 1
        if "-->" in line:
            if not in_header and (line_count == 1 or (line_count == 2 and not seen_arrow)):
                seen_arrow = True
                previous = p
                parsed = _vtt_timings(line)
                if isinstance(parsed, tuple):
                    timings, timing_line, last = parsed, p, p
                    identifier = "\n".join(buffer)
                    buffer = []
                else:
                    failure, failure_line = parsed, p
            else:
                p, rewound = previous, True
                break
        elif line == "":
            break
        else:
            if not in_header and line_count == 2 and not seen_cue:
                head = "\n".join(buffer)
                if re.fullmatch(r"STYLE[ \t]*", head):
                    kind, buffer = "style", []
                elif re.fullmatch(r"REGION[ \t]*", head):
                    kind, buffer = "region", []
            buffer.append(line)
            previous, last = p, p
        if seen_eof:
            break
    if timings is not None:
        start, end = timings
        return p, Cue(start, end, "\n".join(buffer), timing_line, last, identifier)
    if in_header or kind is not None:
        return p, None
    head = lines[first]
    if re.match(r"NOTE($|[ \t])", head):
        return p, None
    if failure and not buffer and rewound:
        return p, CaptionIssue(f"line ignored by browsers: not a cue timing line ({failure})", failure_line)
    if failure:
        return p, CaptionIssue(f"cue dropped by browsers: {failure}", failure_line)
    if re.match(r"\s*\d+:\d", head):
        return p, CaptionIssue("cue dropped by browsers: the timing line needs '-->' between the times", first + 1)
    if re.fullmatch(r"(STYLE|REGION)[ \t]*", head):
        return p, CaptionIssue(f"{head.strip()} block after the first cue is ignored by browsers", first + 1)
    return p, CaptionIssue(
        "block without cue timings is ignored by browsers (a comment must start with NOTE)", first + 1
    )


# --- SRT and SBV ---------------------------------------------------------------------------------------------

_SRT_TIME = r"(\d{1,3}):(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_SRT_TIMING = re.compile(rf"\s*{_SRT_TIME}\s*-->\s*{_SRT_TIME}(?:\s.*)?")
_SBV_TIMING = re.compile(r"\s*(\d+):(\d{1,2}):(\d{1,2})\.(\d{3}),(\d+):(\d{1,2}):(\d{1,2})\.(\d{3})\s*")


def _seconds(h: str, m: str, s: str, ms: str) -> float | None:
    """Seconds, or None past 59 minutes or seconds; `07,5` is 5 ms, as webvtt-py and most SRT readers read it."""
    if int(m) > 59 or int(s) > 59:
        return None
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines: (1-based first line, lines)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(_lines(text), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _scan_srt(captions: Captions) -> list[Cue]:
    """SRT: blocks of a number, `00:00:01,000 --> 00:00:02,500`, and text. Returns the cues players show."""
    if not captions.text.strip():
        captions.issues.append(CaptionIssue("empty caption file", 1, True))
        return []
    shown: list[Cue] = []
    for start, block in _srt_blocks(captions):
        if "\x00" in "".join(block):
            captions.issues.append(CaptionIssue("NUL character in the file", start))
        index = 1 if block[0].strip().isdigit() else 0
        if index == 0 and "-->" in block[0]:
            captions.issues.append(CaptionIssue("cue has no number before its timing line", start))
        timing = block[index] if index < len(block) else ""
        match = _SRT_TIMING.fullmatch(timing)
        if match is None:
            what = "malformed timing line" if re.search(r"-->|\d:\d", timing) else "block has no timing line"
            captions.issues.append(
                CaptionIssue(f"cue dropped by players: {what} (00:00:01,000 --> ...)", start + index)
            )
            continue
        begin, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
        if begin is None or end is None:
            captions.issues.append(
                CaptionIssue("cue dropped by players: minutes and seconds cannot exceed 59", start + index)
            )
            continue
        text = "\n".join(block[index + 1 :])
        shown.append(Cue(begin, end, text, start + index, start + len(block) - 1, block[0] if index else "", "srt"))
    if not shown and captions.issues:
        first = captions.issues[0]
        captions.issues[0] = CaptionIssue(f"not an SRT file: {first.message}", first.line, rejected=True)
    return shown


def _srt_blocks(captions: Captions) -> list[tuple[int, list[str]]]:
    """The SRT's blocks, a block that runs into the next cue (no blank line before its number and timing) cut
    there and reported: webvtt-py reads two cues, some players one cue that shows the next one's timing."""
    blocks = []
    for start, block in _blocks(captions.text):
        cut = 0
        for i in range(2, len(block)):
            number = i - 1 if block[i - 1].strip().isdigit() else i
            if number - cut > 1 and _SRT_TIMING.fullmatch(block[i]):
                captions.issues.append(
                    CaptionIssue(
                        "no blank line before this cue: some players join it to the one before", start + number
                    )
                )
                blocks.append((start + cut, block[cut:number]))
                cut = number
        blocks.append((start + cut, block[cut:]))
    return blocks


def _scan_sbv(captions: Captions) -> list[Cue]:
    """YouTube SBV: blocks of `0:00:01.000,0:00:02.500` and text. Returns the cues players show."""
    if not captions.text.strip():
        captions.issues.append(CaptionIssue("empty caption file", 1, True))
        return []
    shown: list[Cue] = []
    for start, block in _blocks(captions.text):
        match = _SBV_TIMING.fullmatch(block[0])
        times = match and (_seconds(*match.groups()[:4]), _seconds(*match.groups()[4:]))
        if not times or None in times:
            captions.issues.append(CaptionIssue("cue dropped: malformed timing line (0:00:01.000,0:00:02.500)", start))
            continue
        shown.append(Cue(times[0], times[1], "\n".join(block[1:]), start, start + len(block) - 1, format="sbv"))
    return shown


# --- conversion (A308) ---------------------------------------------------------------------------------------


def _timestamp(seconds: float) -> str:
    ms = max(0, round(seconds * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def convert(captions: Captions, format: str) -> str:
    """The cues written as `format` ("srt" or "vtt"), keeping every character a viewer sees and the bold, italic
    and underline tags; other tags are left out.

    The text is written here, not by webvtt-py: its SRT writer removes anything between `<` and `>`, which in
    SRT text can be words (`temperature < 38 or > 40`), and its WebVTT writer does not escape `&`, `<` or `>`."""
    blocks = ["WEBVTT\n"] if format == "vtt" else []
    separator = "." if format == "vtt" else ","
    number = 0
    for cue in captions.cues:
        lines = _converted_lines(cue, format)
        if not lines:
            continue  # nothing is shown
        number += 1
        start = _timestamp(cue.start).replace(".", separator)
        end = _timestamp(min(max(cue.end, cue.start), 3.6e7)).replace(".", separator)
        head = [] if format == "vtt" else [str(number)]
        blocks.append("\n".join([*head, f"{start} --> {end}", *lines]) + "\n")
    return "\n".join(blocks)


def _converted_lines(cue: Cue, format: str) -> list[str]:
    """The cue's text as lines of `format`; lines that show nothing are left out, as a blank line ends a cue."""
    lines, shown = [""], [""]
    for chars, tag in styled_text(cue.text, cue.format):
        if tag:
            lines[-1] += f"<{tag}>"
            continue
        if format == "vtt":
            written = chars.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        else:
            written = chars.replace("-->", "->")  # SRT has no escape, and readers take a `-->` line for timings
        first, *rest = written.split("\n")
        lines[-1] += first
        lines.extend(rest)
        first, *rest = chars.split("\n")
        shown[-1] += first
        shown.extend(rest)
    return [line for line, text in zip(lines, shown, strict=True) if text.strip()]
