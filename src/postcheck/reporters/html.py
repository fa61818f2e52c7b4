"""The HTML compliance report: one self-contained page with each post as it will look and every finding explained.

The page makes no requests: images become small data-URI thumbnails (Pillow), a video becomes its first keyframe
(PyAV) and its caption cues as text. Media that cannot be read is shown as a placeholder with the reason. Only
files inside the posts root are read, as for the rules. The page's frame goes through Jinja2 with autoescape on;
the posts travel as one JSON document (escaped for a <script> element) that the page's own script renders with
DOM text nodes only, never as markup.
"""

from __future__ import annotations

import base64
import io
import json
import os
import secrets
import tempfile
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck import __version__
from postcheck.config import ALL_PLATFORMS
from postcheck.model import Field, Finding, Post, Severity
from postcheck.reporters import Report
from postcheck.text import counted

if TYPE_CHECKING:
    from postcheck.context import Context

THUMBNAIL_SIZE = 480  # longest side, in pixels
MAX_POSTER_PACKETS = 600  # packets read to find the first keyframe
MAX_CUES = 400  # cues shown per caption file; the rest are counted
SAFE_SCHEMES = ("http", "https")
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}
SEVERITY_ICONS = {"error": "\u2716", "warning": "\u25b2", "info": "\u2139"}  # ✖ ▲ ℹ: shape as well as colour


@dataclass
class Picture:
    """An embedded picture (data URI) or the reason there is none."""

    uri: str | None = None
    width: int = 0
    height: int = 0
    problem: str | None = None
    details: str = ""


@dataclass
class CaptionView:
    name: str
    format: str
    cues: list[dict[str, str]] = field(default_factory=list)
    more: int = 0
    problem: str | None = None
    issues: int = 0


class Pictures:
    """Each distinct picture of the run once: posts refer to it by its index."""

    def __init__(self) -> None:
        self.uris: list[str] = []
        self._index: dict[str, int] = {}

    def add(self, picture: Picture) -> dict[str, Any]:
        """The picture as a post refers to it: {src: index, w, h} or {problem}, with its details."""
        if picture.uri is None:
            return {"src": None, "problem": picture.problem or "not shown", "details": picture.details}
        index = self._index.get(picture.uri)
        if index is None:
            index = self._index[picture.uri] = len(self.uris)
            self.uris.append(picture.uri)
        return {"src": index, "w": picture.width, "h": picture.height, "details": picture.details}


def render_html(report: Report, ctx: Context, generated: datetime | None = None) -> str:
    """The report page for a run: `ctx` (the run's context) says where each post goes, bounds which media files
    are read (the posts root) and shares what the rules already read of them (image headers, probes, cues).

    The page carries the run as one JSON document (each picture and rule page once) and renders the posts that
    the filters show, a page at a time: a month of posts stays small and quick to open."""
    from jinja2 import Environment, PackageLoader
    from markupsafe import Markup

    env = Environment(
        loader=PackageLoader("postcheck.reporters", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["counted"] = counted
    by_post: dict[int, list[Finding]] = {}
    posts = list(report.posts)
    known = {id(p) for p in posts}
    for finding in report.findings:
        by_post.setdefault(id(finding.post), []).append(finding)
        if id(finding.post) not in known:  # a finding about a post the run did not list: show it anyway
            known.add(id(finding.post))
            posts.append(finding.post)
    threshold = Severity(ctx.config.fail_on).rank
    pictures = Pictures()
    views = [_post_view(post, by_post.get(id(post), []), ctx, pictures, threshold) for post in posts]
    views.sort(key=lambda v: (v["sort"] is None, v["sort"] or ""))
    for number, view in enumerate(views, 1):  # anchors follow the order the editor reads them in
        view["id"] = f"post-{number}"
    codes = sorted({f.code for f in report.findings})
    rules = {code: rule_view(code, ctx) for code in codes}
    rule_counts = Counter(f.code for f in report.findings)
    posts_with = {code: sum(1 for v in views if any(f["code"] == code for f in v["findings"])) for code in codes}
    by_rule = sorted(
        ({**rules[code], "code": code, "count": rule_counts[code], "posts": posts_with[code]} for code in codes),
        key=lambda r: (-Severity(r["severity"]).rank, -r["count"], r["code"]),
    )
    verdicts = Counter(v["verdict"] for v in views)
    counts = Counter(f.severity.value for f in report.findings)
    published = sum(1 for v in views if v["published"])
    summary = {
        "posts": len(views),
        "files": report.files,
        "ready": verdicts.get("ready", 0),
        "warnings": verdicts.get("warnings", 0),
        "blocked": verdicts.get("blocked", 0),
        "findings": len(report.findings),
        "by_severity": {level: counts.get(level, 0) for level in SEVERITY_LABELS},
        "posts_with": {level: sum(1 for v in views if v["counts"].get(level)) for level in SEVERITY_LABELS},
        "fixed": report.fixed,
        "published": published,
        "left_out": report.left_out(),  # published posts not checked, findings in the baseline
    }
    generated = generated or datetime.now(UTC)
    data = {
        "posts": [{k: v for k, v in view.items() if k != "sort"} for view in views],
        "rules": rules,
        "pictures": pictures.uris,
        "platforms": {name: platform_view(name, ctx) for name in ALL_PLATFORMS},
    }
    template = env.get_template("report.html.j2")
    return template.render(
        summary=summary,
        by_rule=by_rule,
        settings=_settings(ctx),
        timezone=ctx.config.schedule.timezone,
        labels=SEVERITY_LABELS,
        icons=SEVERITY_ICONS,
        fail_on=ctx.config.fail_on,
        version=__version__,
        generated=generated.strftime("%d %b %Y %H:%M %Z").strip(),
        nonce=secrets.token_urlsafe(16),
        data=Markup(script_json(data)),  # noqa: S704 - escaped for a <script> element by script_json
    )


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>` or `&` (so no `</script>` or `<!--`), and no
    U+2028/U+2029, which old JavaScript parsers took for line ends."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def report_data(html: str) -> dict[str, Any]:
    """The JSON document a report page carries (for tests and tools that read a report)."""
    import re

    found = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    if found is None:
        raise ValueError("not a postcheck HTML report")
    return json.loads(found.group(1))


def write_html(path: Path, text: str) -> None:
    """Write the report atomically: a temporary file beside `path`, then a rename."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------------------------------------------------
# The run


def _platform_name(name: str, ctx: Context) -> str:
    """A platform as it writes its own name (X, LinkedIn, YouTube), from the platform table."""
    from postcheck.text.platforms import PLATFORMS

    return PLATFORMS[name].name if name in PLATFORMS else name


def _settings(ctx: Context) -> list[tuple[str, str]]:
    """The settings that decided this run's findings, as the report shows them."""
    config = ctx.config
    platforms = list(ctx.platform_override or config.platforms)
    shown = ", ".join(_platform_name(p, ctx) for p in platforms)
    if ctx.platform_override:
        shown += " (--platform)"
    where = "none: the defaults"
    if config.path is not None:
        where = _relative(Path(config.path), ctx.root)
    return [
        ("Platforms", shown),
        ("Fail on", f"{config.fail_on} (a post with a finding at or above it is blocked)"),
        ("Now", f"{ctx.now:%a %d %b %Y %H:%M} {ctx.now.tzname() or ''}".strip()),
        ("Time zone", str(config.schedule.timezone)),
        ("Config file", where),
        ("Posts root", ctx.root.resolve().name or "/"),
    ]


def _relative(path: Path, root: Path) -> str:
    """`path` relative to the posts root, as the repository names it; the bare name when outside the root. Bytes
    of a file name that are not UTF-8 are escaped (`caf\\xe9.md`) as the other reports show them."""
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a link loop (an F001 post)
        shown = path.name
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# ---------------------------------------------------------------------------------------------------------------
# Posts


def _post_view(post: Post, findings: list[Finding], ctx: Context, pictures: Pictures, threshold: int) -> dict[str, Any]:
    meta = post.meta
    heading = post.title or _first_line(post.text.value) or Path(post.display_path).name
    targets = ctx.platforms(post)
    publish, moment, month = _publish(post, ctx)
    extra: list[tuple[str, str]] = []
    if post.row:
        extra.append(("Row", str(post.row)))
    for key, label in (("source", "Shares"), ("in_reply_to", "In reply to")):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            extra.append((label, value))
    if meta.get("paid") is True:
        extra.append(("Paid", "yes: paid advertising or partnership"))
    root = ctx.root_of(post)
    findings = sorted(findings, key=lambda f: (-f.severity.rank, f.sort_key))
    counts = Counter(f.severity.value for f in findings)
    verdict = "ready"
    if any(f.severity.rank >= threshold for f in findings):
        verdict = "blocked"
    elif findings:
        verdict = "warnings"
    text, cells = _posted(post)
    return {
        "sort": moment.astimezone(UTC).isoformat() if moment else None,
        "heading": heading,
        "path": _relative(post.path, root),
        "platforms": targets,
        "publish": publish,
        "month": month,
        "kind": post.kind,
        "meta": extra,
        "published": bool(getattr(post, "published", False)),  # set by the engine's post lifecycle
        "status": next((level for level in SEVERITY_LABELS if counts.get(level)), "clean"),
        "verdict": verdict,
        "counts": dict(counts),
        "text": text,
        "pieces": _pieces(text),
        "marks": _marks(post, cells, findings),
        "previews": [_preview(text, name, post, ctx) for name in targets],
        "images": [_image_view(post, image, ctx, pictures) for image in post.images],
        "videos": [_video_view(post, video, ctx, pictures) for video in post.videos],
        "findings": [_finding_view(f, root) for f in findings],
    }


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 64 else line[:60].rstrip() + "…"


def _publish(post: Post, ctx: Context) -> tuple[str | None, datetime | None, str | None]:
    """How `publish_at` reads in the report, in `schedule.timezone` as the rules read it, the moment to sort by
    (None for drafts and for values F003 reports, which are shown as written) and its month ("2027-02")."""
    from postcheck.text.schedule import publish_time, zone

    value = post.meta.get("publish_at")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None, None
    found = publish_time(post, ctx)
    if found is None:
        return str(value).strip(), None, None
    moment, impossible = found
    try:
        local = moment.astimezone(zone(ctx.config.schedule.timezone))
    except ValueError:  # an unusable time zone is a config error; show the time as written
        local = moment
    if impossible:
        return impossible, moment, f"{local:%Y-%m}"
    return f"{local:%a %d %b %Y %H:%M} {local.tzname() or ''}".strip(), moment, f"{local:%Y-%m}"


def _posted(post: Post) -> tuple[str, list[tuple[int, Field]]]:
    """The text as the scheduler posts it (a CSV row's link cells after the message, each after a space), and
    where each posted cell starts in it."""
    from postcheck.text.schedule import posted_cells  # the reading of which cells are posted that P101 uses

    text = post.text.value
    cells: list[tuple[int, Field]] = []
    for cell in posted_cells(post):
        if text:
            text += " "
        cells.append((len(text), cell))
        text += cell.value.strip()
    return text, cells


def _pieces(text: str) -> list[list[Any]]:
    """The links and hashtags of the posted text: [start, end, kind, href], href None when not safe to follow."""
    from postcheck.text.hashtags import find_hashtags
    from postcheck.text.urls import find_links

    marks: list[list[Any]] = []
    try:
        for link in find_links(text):
            marks.append([link.start, link.end, "link", _safe_href(link.url)])
        for tag in find_hashtags(text):
            marks.append([tag.start, tag.end, "hashtag", None])
    except Exception:  # noqa: BLE001 - showing the text plainly beats failing the report
        return []
    pieces: list[list[Any]] = []
    at = 0
    for mark in sorted(marks, key=lambda m: m[0]):
        if mark[0] >= at:
            pieces.append(mark)
            at = mark[1]
    return pieces


def text_pieces(text: str) -> list[tuple[str, str, str | None]]:
    """The text cut into (kind, text, href) runs: plain text, hashtags and links, as the preview shows them."""
    runs: list[tuple[str, str, str | None]] = []
    at = 0
    for start, end, kind, href in _pieces(text):
        if start > at:
            runs.append(("text", text[at:start], None))
        runs.append((kind, text[start:end], href))
        at = end
    if at < len(text):
        runs.append(("text", text[at:], None))
    return runs


def _value_index(field_: Field, offset: int, end: bool = False) -> int | None:
    """The index in a field's value of a file offset (the inverse of Field.file_offset), or None."""
    for seg in field_.segments:
        low, high = seg.file_start, seg.file_start + seg.length
        if low <= offset < high or (end and offset == high):
            return seg.start + offset - seg.file_start
    return None


def _marks(post: Post, cells: list[tuple[int, Field]], findings: list[Finding]) -> list[list[int]]:
    """[start, end, finding number] for each finding whose span lies in the posted text."""
    marks: list[list[int]] = []
    fields = [(0, post.text), *cells]
    for number, finding in enumerate(findings):
        if finding.source is not None and finding.source is not post.source:
            continue
        span = finding.span
        for base, field_ in fields:
            if field_.source is not post.source:
                continue
            start = _value_index(field_, span.offset)
            if start is None:
                continue
            end = _value_index(field_, span.offset + max(span.length, 1), end=True)
            end = min(end if end is not None and end > start else start + 1, len(field_.value))
            if end > start:
                marks.append([base + start, base + end, number])
            break
    return marks


def _preview(text: str, name: str, post: Post, ctx: Context) -> dict[str, Any]:
    """One platform's view of the text: its count the platform's way, where it is cut and where it folds."""
    from postcheck.rules.media_limits import platform_limits
    from postcheck.text.platforms import measure

    limit = platform_limits(ctx, name)
    counted_text = measure(text, limit.counting, limit.text_max)
    fold = None
    if limit.text_fold is not None:
        fold = measure(text, limit.counting, limit.text_fold).overflow
    return {
        "p": name,
        "count": counted_text.count,
        "cut": counted_text.overflow,
        "fold": fold if counted_text.overflow is None or (fold is not None and fold < counted_text.overflow) else None,
    }


def platform_view(name: str, ctx: Context) -> dict[str, Any]:
    """What the previews need of a platform, from its limits (with config overrides): shared by every post."""
    from postcheck.rules.media_limits import platform_limits
    from postcheck.rules.publishing import COUNTED_AS

    limit = platform_limits(ctx, name)
    return {
        "name": limit.name,
        "limit": limit.text_max,
        "unit": COUNTED_AS.get(limit.counting, "characters"),
        "clickable": limit.links_clickable,
        "images": limit.images_max,
    }


def _safe_href(url: str) -> str | None:
    """The link to follow for a URL, or None when its scheme is not http(s) (javascript:, data:, none)."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return url if scheme in SAFE_SCHEMES else None


def _finding_view(f: Finding, root: Path) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        fix = "--fix" if f.fix.applicability.value == "safe" else "--unsafe-fixes"
    path = f.post.path if f.display_path == f.post.display_path else Path(f.display_path)
    view = {
        "code": f.code,
        "severity": f.severity.value,
        "message": f.message,
        "location": f"{_relative(path, root)}:{f.span.line}:{f.span.column}",
    }
    if f.suggestion:  # absent rather than null: a thousand posts' worth of nulls is weight for nothing
        view["suggestion"] = f.suggestion
    if fix:
        view["fix"] = fix
    return view


# ---------------------------------------------------------------------------------------------------------------
# Rules


def rule_view(code: str, ctx: Context | None = None) -> dict[str, Any]:
    """A rule as the report explains it: title, severity, its "Why" and its whole page (or the docs link)."""
    from postcheck.rules import all_rules

    rule = all_rules().get(code)
    name = rule.name if rule else code.lower()
    title = (rule.summary if rule else "") or name.replace("-", " ")
    if "{match}" in title:  # a [[custom]] rule's message template says what it found, not what it checks
        title = name.replace("-", " ")
    title = title.replace("`", "")
    page = explanation(code)
    url = None
    if ctx is not None:
        try:
            template = ctx.config.docs_url
        except (AttributeError, KeyError):
            template = None
        if isinstance(template, str) and template.strip():
            candidate = template.replace("{code}", code).replace("{name}", name)
            url = _safe_href(candidate)
    return {
        "name": name,
        "title": title[:1].upper() + title[1:],
        "severity": rule.severity.value if rule else "warning",
        "why": page["why"] if page else [0, 0],  # the blocks of `page` that say why the rule matters
        "policy": page["policy"] if page else "",
        "page": page["page"] if page else [],
        "url": url,
    }


@lru_cache(maxsize=256)
def explanation(code: str) -> dict[str, Any] | None:
    """The rule page read for the report: its "Why" section, its policy and its body as blocks, or None."""
    try:
        from postcheck.catalogue import front_matter, page_for

        page = page_for(code)
        if page is None:
            return None
        text = page.read_text(encoding="utf-8")
        meta = front_matter(page)
    except Exception:  # noqa: BLE001 - a missing or odd page only loses the explanation
        return None
    body = text.split("---", 2)[2] if text.startswith("---") else text
    blocks = markdown_blocks(body)
    why = [0, 0]  # blocks[start:end]: the page carries its Why section once, the findings point into it
    for index, (kind, content) in enumerate(blocks):
        if kind == "h2" and _plain(content).strip().lower().startswith("why"):
            end = next((j for j in range(index + 1, len(blocks)) if blocks[j][0] in ("h1", "h2")), len(blocks))
            why = [index + 1, end]
            break
    else:  # a page without a Why section: its opening paragraph says what the rule is for
        first = next((j for j, block in enumerate(blocks) if block[0] == "p"), None)
        if first is not None:
            why = [first, first + 1]
    policy = meta.get("policy") if isinstance(meta, dict) else None
    return {"why": why, "policy": policy if isinstance(policy, str) else "", "page": [list(b) for b in blocks]}


def _plain(runs: Any) -> str:
    return runs if isinstance(runs, str) else "".join(text for _, text in runs)


def markdown_blocks(text: str) -> list[tuple[str, Any]]:
    """The Markdown of a rule page as blocks the report renders as text: headings and paragraphs as runs of
    ("t", text) and ("c", code), list items, and code blocks and tables as preformatted text."""
    import re

    blocks: list[tuple[str, Any]] = []
    lines = text.strip("\n").splitlines()
    i = 0
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(("p", inline_runs(" ".join(line.strip() for line in paragraph))))
            paragraph.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")), len(lines))
            blocks.append(("pre", "\n".join(lines[i + 1 : end])))
            i = end + 1
            continue
        heading = re.match(r"(#{1,3})\s+(.*)", line)
        if heading:
            flush()
            blocks.append((f"h{len(heading.group(1))}", inline_runs(heading.group(2))))
        elif line.startswith("|"):
            flush()
            end = i
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            blocks.append(("pre", "\n".join(lines[i:end])))
            i = end
            continue
        elif re.match(r"\s*(?:[-*]|\d+\.)\s+", line):
            flush()
            blocks.append(("li", inline_runs(re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line))))
        elif not line.strip():
            flush()
        elif blocks and blocks[-1][0] == "li" and line.startswith("  ") and not paragraph:
            kind, runs = blocks[-1]
            blocks[-1] = (kind, runs + inline_runs(" " + line.strip()))
        else:
            paragraph.append(line)
        i += 1
    flush()
    return blocks


def inline_runs(text: str) -> list[tuple[str, str]]:
    """Markdown inline text as runs: ("c", code) for `code`, ("t", text) for the rest, with **, * and
    [links](url) reduced to their words."""
    import re

    runs: list[tuple[str, str]] = []
    for index, part in enumerate(re.split(r"`([^`]*)`", text)):
        if index % 2:
            runs.append(("c", part))
        elif part:
            part = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", part)
            part = re.sub(r"\*\*([^*]+)\*\*|__([^_]+)__", lambda m: m.group(1) or m.group(2), part)
            runs.append(("t", part))
    return runs


# ---------------------------------------------------------------------------------------------------------------
# Media


def _locate(post: Post, ref: str, root: Path) -> tuple[Path | None, str | None]:
    """The file a reference names when the report may read it, else (None, the reason)."""
    from postcheck.media import is_remote, locate

    if is_remote(ref):
        return None, "remote file: not fetched for the report"
    located = locate(post.directory, ref, root)
    if located.status != "ok" or located.path is None:
        return None, located.reason or located.status
    if not located.path.is_file():
        return None, "not a file"
    return located.path, None


def _image_view(post: Post, image: Any, ctx: Context, pictures: Pictures) -> dict[str, Any]:
    name = image.file.value
    alt = image.alt.value if image.alt is not None else None
    if alt is not None and not alt.strip():
        alt = None
    path, reason = _locate(post, name, ctx.root_of(post))
    picture = Picture(problem=reason) if path is None else ctx.read_media(image_thumbnail, path, ctx)
    return {
        "name": name,
        "alt": alt,
        "decorative": bool(image.decorative),
        **pictures.add(picture),
        # More about the picture, as [label, text] rows shown under its alt text: the place for what other
        # readers of the file find in it (A107's recognised text, for instance).
        "extra": [] if path is None or image.decorative else _image_text(path, alt or "", ctx),
    }


def _image_text(path: Path, alt: str, ctx: Context) -> list[list[Any]]:
    """The text A107 read on the image in this run, as a [label, text, pieces] row whose pieces are [words,
    missing] runs (missing: not conveyed by the alt text); no row when A107 did not read it (not selected, the
    engine not installed, the image skipped), since the report never starts OCR itself."""
    from postcheck.media.ocr import ImageText, alt_coverage, read_image_text

    text = ctx.media_read(read_image_text, path)
    if not isinstance(text, ImageText) or not text.lines:
        return []
    coverage = alt_coverage(text, alt)
    pieces: list[list[Any]] = []

    def add(words: str, missing: bool) -> None:
        if pieces and pieces[-1][1] == missing and not missing:
            pieces[-1][0] += words
        elif words:
            pieces.append([words, missing])

    missing = iter(coverage.missing)
    word = next(missing, None)
    for index, line in enumerate(text.lines):
        if index:
            add("\n", False)
        at = 0
        while word is not None and word.line == index:
            add(line.text[at : word.start], False)
            add(line.text[word.start : word.end], True)
            at = word.end
            word = next(missing, None)
        add(line.text[at:], False)
    label = "Text on the image (OCR)"
    if coverage.distinct_missing:
        label += f": {coverage.distinct_missing} of {coverage.distinct} words not in the alt text, marked"
    elif coverage.distinct:
        label += ": all its words are in the alt text"
    return [[label, text.text, pieces]]


PREVIEW_PIXELS = 16_000_000  # a PNG, GIF or WebP decodes whole (64 MB of RGBA at this size), twice with the copy


def image_thumbnail(path: Path, ctx: Context) -> Picture:
    """A data-URI thumbnail of an image (its first frame), or the reason it cannot be shown."""
    from postcheck.media import MediaError
    from postcheck.media.images import image_info

    info = image_info(ctx, path)  # refuses bombs, truncated and mislabelled files first
    if isinstance(info, MediaError):
        return Picture(problem=str(info))
    try:
        from PIL import Image, ImageOps

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path) as opened:
                if opened.format == "JPEG":
                    opened.draft("RGB", (THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 2))
                elif opened.width * opened.height > PREVIEW_PIXELS:  # no reduced decoding: 9450² RGBA took 1 GB
                    return Picture(problem=f"{info.width:,} × {info.height:,} pixels: too large to preview here")
                opened.seek(0)
                picture = ImageOps.exif_transpose(opened.copy())
    except Exception as error:  # noqa: BLE001 - a picture that will not decode is a placeholder, not a crash
        return Picture(problem=f"cannot read image: {error}")
    details = f"{info.format}, {info.width} × {info.height}" + (
        f", {counted(info.frames, 'frame')}" if info.animated else ""
    )
    return _encode(picture, details)


def _encode(picture: Any, details: str) -> Picture:
    """Shrink to THUMBNAIL_SIZE and encode as PNG (transparency) or JPEG."""
    from PIL import Image

    picture.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE), Image.Resampling.LANCZOS)
    transparent = picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info)
    buffer = io.BytesIO()
    if transparent:
        picture.convert("RGBA").save(buffer, "PNG", optimize=True)
        mime = "image/png"
    else:
        picture.convert("RGB").save(buffer, "JPEG", quality=78, optimize=True)
        mime = "image/jpeg"
    uri = f"data:{mime};base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return Picture(uri=uri, width=picture.width, height=picture.height, details=details)


def _video_view(post: Post, video: Any, ctx: Context, pictures: Pictures) -> dict[str, Any]:
    name = video.file.value
    root = ctx.root_of(post).resolve()
    path, reason = _locate(post, name, root)
    picture = Picture(problem=reason) if path is None else ctx.read_media(video_poster, path, ctx)
    captions: list[CaptionView] = []
    seen: set[Path] = set()
    for ref in video.captions:
        caption_path, caption_reason = _locate(post, ref.value, root)
        if caption_path is None:
            captions.append(CaptionView(ref.value, "", problem=caption_reason))
            continue
        seen.add(caption_path.resolve())
        captions.append(caption_view(caption_path, ref.value, ctx))
    for sidecar in video.sidecars:
        resolved = sidecar.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        shown = _relative_name(sidecar, post.directory)
        if not resolved.is_relative_to(root) or not resolved.is_file():
            captions.append(CaptionView(shown, "", problem="outside the posts root: not read"))
            continue
        captions.append(caption_view(resolved, shown, ctx))
    return {
        "name": name,
        **pictures.add(picture),
        "burned": bool(video.burned_in),
        "captions": [asdict(c) for c in captions],
    }


def _relative_name(path: Path, folder: Path) -> str:
    try:
        return os.path.relpath(path, folder)
    except ValueError:
        return path.name


def video_poster(path: Path, ctx: Context) -> Picture:
    """The first keyframe of a video as a data-URI thumbnail, or the reason it cannot be shown."""
    from postcheck.media import MediaError, open_regular
    from postcheck.media.video import OPEN_TIMEOUT, PROBE_OPTIONS, probe

    info = probe(ctx, path)
    if isinstance(info, MediaError):
        return Picture(problem=str(info))
    try:
        import av

        frame_image = None
        with (
            open_regular(path) as source,
            av.open(source, options=PROBE_OPTIONS, timeout=OPEN_TIMEOUT, metadata_errors="ignore") as container,
        ):
            stream = container.streams.video[0]
            stream.codec_context.skip_frame = "NONKEY"
            for count, packet in enumerate(container.demux(stream)):
                frames = packet.decode()
                if frames:
                    frame_image = frames[0].to_image()
                    break
                if count >= MAX_POSTER_PACKETS:  # no keyframe early on: give up rather than read the whole file
                    break
    except Exception as error:  # noqa: BLE001 - FFmpeg raises many kinds of errors on bad files
        return Picture(problem=f"cannot decode a frame: {error}")
    if frame_image is None:
        return Picture(problem="no picture could be decoded from the video")
    if info.rotation % 360:
        frame_image = frame_image.rotate(info.rotation, expand=True)
    width, height = info.display_size
    duration = f", {info.duration:.1f} s" if info.duration else ""
    sound = ", with sound" if info.has_audio else ", no sound"
    return _encode(frame_image, f"{info.video_codec or 'video'}, {width} × {height}{duration}{sound}")


def caption_view(path: Path, shown: str, ctx: Context) -> CaptionView:
    """The cues of a caption file as text rows, or the reason they cannot be shown."""
    from postcheck.media import MediaError
    from postcheck.media.captions import read_captions

    suffix = path.suffix.lstrip(".").lower()
    try:
        captions = ctx.read_media(read_captions, path)
    except Exception as error:  # noqa: BLE001 - a caption file the parser chokes on is a placeholder
        return CaptionView(shown, suffix, problem=f"cannot read captions: {error}")
    if isinstance(captions, MediaError):
        return CaptionView(shown, suffix, problem=str(captions))
    rows = [
        {"start": _clock(c.start), "end": _clock(c.end), "text": c.plain_text, "line": str(c.line)}
        for c in captions.cues[:MAX_CUES]
    ]
    view = CaptionView(shown, captions.format, rows, max(0, len(captions.cues) - MAX_CUES))
    view.issues = len(captions.issues)
    if not captions.cues:
        view.problem = "no cues that players would show"
    return view


def _clock(seconds: float) -> str:
    whole = max(0.0, seconds)
    minutes, rest = divmod(whole, 60)
    hours, minutes = divmod(int(minutes), 60)
    text = f"{minutes:02d}:{rest:06.3f}"
    return f"{hours}:{text}" if hours else text
