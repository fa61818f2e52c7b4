"""Load bulk-scheduling CSV files (Sprout Social, Hootsuite, Metricool): one post per row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from postcheck.loaders import Unreadable
from postcheck.model import Field, Image, Post, Problem, Source

KNOWN = (
    "Sprout Social (date,time_24hr,message_text,...), Hootsuite (date time,message,link without a header) "
    "or Metricool (Text,Date,Time,...,Picture Url N,Alt text picture N)"
)


# Bounds that keep memory in proportion to what a scheduler takes: Hootsuite and Sprout import a few hundred posts a
# file, and no platform takes a post over 63,206 characters. (100,000 rows took 700 MB; one 10 MB cell, 850 MB.)
MAX_ROWS = 5000
MAX_CELL = 100_000  # characters


@dataclass
class Cell:
    """One CSV cell: its unquoted value and where it sits in the file."""

    value: str
    start: int
    end: int

    def field(self, source: Source) -> Field:
        return Field.aligned(self.value, source, self.start, self.end)


def parse_csv(text: str, delimiter: str = ",") -> list[list[Cell]]:
    """RFC 4180 rows with the position of every cell; a quote left open, more than MAX_ROWS rows or a cell over
    MAX_CELL characters raises Unreadable."""
    plain = re.compile(rf"[^{re.escape(delimiter)}\r\n]*")
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    while i < n or row:
        start = i
        if i < n and text[i] == '"':
            j, parts = i + 1, []
            while True:
                k = text.find('"', j)
                if k == -1:
                    raise Unreadable("a quoted CSV cell is never closed", offset=start)
                parts.append(text[j:k])
                if text.startswith('""', k):
                    parts.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            cell = Cell("".join(parts), start, i)
            while i < n and text[i] not in (delimiter, "\r", "\n"):
                i += 1  # stray text after a closing quote, kept out of the value as spreadsheets do
        else:
            m = plain.match(text, i)
            i = m.end()
            cell = Cell(m.group(), start, i)
        if cell.end - cell.start > MAX_CELL:
            raise Unreadable(
                f"a cell of {cell.end - cell.start:,} characters: no platform takes a post over 63,206",
                offset=start,
            )
        row.append(cell)
        if i < n and text[i] == delimiter:
            i += 1
            if i == n:
                row.append(Cell("", i, i))
                rows.append(row)
                row = []
            continue
        if text.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
        if not (len(row) == 1 and row[0].value == "" and row[0].start == row[0].end):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:  # the header and MAX_ROWS posts
                raise Unreadable(
                    f"more than {MAX_ROWS:,} rows: split the file (schedulers import a few hundred posts at a time)",
                    offset=row[0].start,
                )
        row = []
        if i >= n:
            break
    return rows


_DATE_FORMATS = {"dmy": ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"], "mdy": ["%m/%d/%Y", "%m-%d-%Y"], "ymd": []}
_TIME_FORMATS = ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p"]
_formats: dict[str, list[str]] = {}  # per date order, the format that last worked first


def _datetime(date: str, time: str, order: str) -> str:
    """ISO local date-time from a CSV date and time; the input unchanged when it does not parse."""
    raw = f"{date} {time}".strip()
    if not raw:
        return raw
    formats = _formats.setdefault(
        order, [f"{d} {t}" for d in ["%Y-%m-%d", "%Y/%m/%d", *_DATE_FORMATS[order]] for t in _TIME_FORMATS]
    )
    for index, fmt in enumerate(formats):
        try:
            value = datetime.strptime(raw, fmt)
        except ValueError:
            continue
        if index:
            formats.insert(0, formats.pop(index))
        return value.isoformat()
    return raw


def _layout(header: list[str]) -> str | None:
    names = [h.strip().lower() for h in header]
    if {"date", "time_24hr", "message_text"} <= set(names):
        return "sprout"
    if {"text", "date", "time"} <= set(names):
        return "metricool"
    if len(names) >= 2 and re.fullmatch(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\s+\d{1,2}:\d{2}(?::\d{2})?", header[0].strip()):
        return "hootsuite"
    return None


DELIMITERS = (",", ";", "\t")
# A status column's words, as schedulers export them, in postcheck's terms (draft, scheduled, published).
STATUS_WORDS = {"sent": "published", "posted": "published", "live": "published", "queued": "scheduled"}


def load_csv(source: Source, display: str, date_order: str) -> list[Post]:
    """One post per data row of a known bulk-scheduling layout; [] for any other CSV file."""
    layout = None
    # Excel's `sep=;` first line names the delimiter (written so that Excel opens the file in any locale)
    excel = re.match(r"sep=([,;\t|])[ \t]*(?:\r\n|\r|\n)", source.text)
    for delimiter in (excel.group(1),) if excel else DELIMITERS:  # or what a comma-decimal locale saves
        rows = parse_csv(source.text, delimiter)[1 if excel else 0 :]
        if not rows:
            return []
        layout = _layout([c.value for c in rows[0]])
        if layout is not None:
            break
    if layout is None:
        return []
    header = [c.value.strip().lower() for c in rows[0]]
    data = rows if layout == "hootsuite" else rows[1:]
    posts = []
    for row in data:
        if all(not c.value.strip() for c in row):
            continue
        posts.append(_row_post(source, display, layout, header, row, date_order))
    return posts


def _row_post(source: Source, display: str, layout: str, header: list[str], row: list[Cell], order: str) -> Post:
    line, _ = source.position(row[0].start)
    post = Post(source=source, display_path=display, format="csv", text=Field("", source, [], row[0].start))
    post.row = line
    post.span = source.span(row[0].start, row[-1].end)
    if layout == "hootsuite" and len(row) > 3:
        post.problems.append(
            Problem(
                f"this row has {len(row)} cells, and Hootsuite rows hold 3 (date time, message, link): "
                "put a message that holds a comma in double quotes",
                source.span(row[3].start, row[-1].end),
                code="F001",
            )
        )
        return post
    if layout == "hootsuite":
        named = {
            "datetime": row[0],
            "message": row[1] if len(row) > 1 else None,
            "link": row[2] if len(row) > 2 else None,
        }
        cells = {k: v for k, v in named.items() if v is not None}
        when = cells["datetime"].value
        text_cell = cells.get("message")
        links = [cells["link"]] if "link" in cells and cells["link"].value.strip() else []
        images: list[tuple[Cell, Cell | None]] = []
        post.meta["publish_at"] = _datetime(when, "", order)
    else:
        if len(row) > len(header):  # a comma in an unquoted cell: every cell after it has moved along one
            post.problems.append(
                Problem(
                    f"this row has {len(row)} cells and the header {len(header)}: put a message that holds a comma "
                    "in double quotes",
                    source.span(row[len(header)].start, row[-1].end),
                    code="F001",
                )
            )
            return post
        cells = {header[i]: cell for i, cell in enumerate(row) if i < len(header)}
        text_key = "message_text" if layout == "sprout" else "text"
        text_cell = cells.get(text_key)
        time_key = "time_24hr" if layout == "sprout" else "time"
        date, time = cells.get("date"), cells.get(time_key)
        post.meta["publish_at"] = _datetime(date.value if date else "", time.value if time else "", order)
        links = [c for k, c in cells.items() if "link" in k and c.value.strip()]
        images = []
        for key, cell in cells.items():
            match = re.fullmatch(
                r"(?:image|picture|photo|media)[ _]?(?:url)?[ _]?(\d*)|(?:picture|image) url (\d+)", key
            )
            if match and cell.value.strip():
                number = match.group(1) or match.group(2) or ""
                alt = next(
                    (
                        c
                        for k, c in cells.items()
                        if "alt" in k and (re.sub(r"\D", "", k) == number or (not number and not re.search(r"\d", k)))
                    ),
                    None,
                )
                images.append((cell, alt))
        network = cells.get("network") or cells.get("networks") or cells.get("platforms") or cells.get("social network")
        if network and network.value.strip():
            post.meta["platforms"] = [p.strip().lower() for p in re.split(r"[,;|]", network.value) if p.strip()]
            post.values["platforms"] = network.field(source)
        if date is not None:
            post.values["publish_at"] = date.field(source)
        status = cells.get("status") or cells.get("post status")
        draft = cells.get("draft")  # Metricool's column: TRUE imports the row as a draft
        if status is not None and status.value.strip():  # as some schedulers export it ("Published", "Draft")
            word = status.value.strip().lower()
            post.meta["status"] = STATUS_WORDS.get(word, word)
            post.values["status"] = status.field(source)
        elif draft is not None and draft.value.strip().lower() in ("true", "yes", "1"):
            post.meta["status"] = "draft"
            post.values["status"] = draft.field(source)
    if layout == "hootsuite":
        post.values["publish_at"] = cells["datetime"].field(source)
    if text_cell is not None:
        post.text = text_cell.field(source)
        post.meta["text"] = text_cell.value
    post.link_cells = [c.field(source) for c in links]
    for cell, alt in images:
        post.images.append(
            Image(file=cell.field(source), alt=alt.field(source) if alt and alt.value.strip() else None, origin="csv")
        )
    return post
