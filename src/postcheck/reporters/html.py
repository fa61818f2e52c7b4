"""The HTML compliance report: one self-contained page with each post as it will look and every finding explained.

The page makes no requests: images become small data-URI thumbnails (Pillow), a video becomes its first keyframe
(PyAV) and its caption cues as text. Media that cannot be read is shown as a placeholder with the reason. Only
files inside the posts root are read, as for the rules. All text goes through Jinja2 with autoescape on.
"""

from __future__ import annotations

import base64
import io
import os
import secrets
import tempfile
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck import __version__
from postcheck.model import Finding, Post, Severity
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
class Piece:
    """A run of post text: plain, a hashtag, a mention or a link (with its href when it is safe to follow)."""

    kind: str
    text: str
    href: str | None = None


@dataclass
class Picture:
    """An embedded picture (data URI) or the reason there is none."""

    uri: str | None = None
    width: int = 0
    height: int = 0
    problem: str | None = None
    details: str = ""


@dataclass
class ImageView:
    name: str
    alt: str | None  # None: no alt text
    decorative: bool
    picture: Picture


@dataclass
class CaptionView:
    name: str
    format: str
    cues: list[dict[str, str]] = field(default_factory=list)
    more: int = 0
    problem: str | None = None
    issues: int = 0


@dataclass
class VideoView:
    name: str
    picture: Picture
    burned_in: bool
    captions: list[CaptionView]


@dataclass
class PostView:
    """What the template shows for one post."""

    anchor: str
    heading: str
    path: str
    row: int | None
    platforms: list[str]
    publish: str | None  # in the schedule's time zone, named: "Tue 01 Dec 2026 10:00 GMT"
    publish_sort: datetime | None  # the real moment, to order the posts by
    kind: str
    meta: list[tuple[str, str]]
    pieces: list[Piece]
    images: list[ImageView]
    videos: list[VideoView]
    findings: list[dict[str, Any]]
    counts: dict[str, int]

    @property
    def status(self) -> str:
        for level in ("error", "warning", "info"):
            if self.counts.get(level):
                return level
        return "clean"


def render_html(report: Report, ctx: Context, generated: datetime | None = None) -> str:
    """The report page for a run: `ctx` (the run's context) says where each post goes, bounds which media files
    are read (the posts root) and shares what the rules already read of them (image headers, probes, cues)."""
    from jinja2 import Environment, PackageLoader

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
    views = [_post_view(i, post, by_post.get(id(post), []), ctx) for i, post in enumerate(posts, 1)]
    views.sort(key=lambda v: (v.publish_sort is None, v.publish_sort or datetime.min.replace(tzinfo=UTC)))
    counts = Counter(f.severity.value for f in report.findings)
    rules = Counter((f.code, f.name, f.severity.value) for f in report.findings)
    by_rule = [
        {"code": c, "name": n, "severity": s, "count": k, "explanation": explanation(c)}
        for (c, n, s), k in sorted(rules.items(), key=lambda kv: (-Severity(kv[0][2]).rank, -kv[1], kv[0][0]))
    ]
    generated = generated or datetime.now(UTC)
    template = env.get_template("report.html.j2")
    return template.render(
        posts=views,
        summary={
            "posts": len(views),
            "clean": sum(1 for v in views if v.status == "clean"),
            "files": report.files,
            "errors": counts.get("error", 0),
            "warnings": counts.get("warning", 0),
            "infos": counts.get("info", 0),
            "fixed": report.fixed,
        },
        by_rule=by_rule,
        timezone=ctx.config.schedule.timezone,
        labels=SEVERITY_LABELS,
        icons=SEVERITY_ICONS,
        version=__version__,
        generated=generated.strftime("%d %b %Y %H:%M %Z").strip(),
        nonce=secrets.token_urlsafe(16),
    )


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
# Posts


def _post_view(number: int, post: Post, findings: list[Finding], ctx: Context) -> PostView:
    meta = post.meta
    where = f"row {post.row}" if post.row else None
    heading = post.title or _first_line(post.text.value) or Path(post.display_path).name
    targets = ctx.platforms(post)
    publish, publish_sort = _publish(post, ctx)
    extra: list[tuple[str, str]] = []
    for key, label in (("source", "Shares"), ("in_reply_to", "In reply to")):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            extra.append((label, value))
    if meta.get("paid") is True:
        extra.append(("Paid", "yes: paid advertising or partnership"))
    counts = Counter(f.severity.value for f in findings)
    return PostView(
        anchor=f"post-{number}",
        heading=heading,
        path=post.display_path,
        row=post.row,
        platforms=targets,
        publish=publish,
        publish_sort=publish_sort,
        kind=post.kind,
        meta=([("Row", where)] if where else []) + extra,
        pieces=text_pieces(post.text.value) + _link_cell_pieces(post),
        images=[_image_view(post, image, ctx) for image in post.images],
        videos=[_video_view(post, video, ctx) for video in post.videos],
        findings=[_finding_view(f) for f in sorted(findings, key=lambda f: (-f.severity.rank, f.sort_key))],
        counts=dict(counts),
    )


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 64 else line[:60].rstrip() + "…"


def _publish(post: Post, ctx: Context) -> tuple[str | None, datetime | None]:
    """How `publish_at` reads in the report, in `schedule.timezone` as the rules read it, and the moment to sort by
    (None for drafts and for values F003 reports, which are shown as written)."""
    from postcheck.text.schedule import publish_time, zone

    value = post.meta.get("publish_at")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    found = publish_time(post, ctx)
    if found is None:
        return str(value).strip(), None
    moment, impossible = found
    if impossible:
        return impossible, moment
    try:
        local = moment.astimezone(zone(ctx.config.schedule.timezone))
    except ValueError:  # an unusable time zone is a config error; show the time as written
        local = moment
    return f"{local:%a %d %b %Y %H:%M} {local.tzname() or ''}".strip(), moment


def text_pieces(text: str) -> list[Piece]:
    """The post text cut into plain runs, hashtags and links, so the report can show them as the platforms do."""
    from postcheck.text.hashtags import find_hashtags
    from postcheck.text.urls import find_links

    marks: list[tuple[int, int, Piece]] = []
    try:
        for link in find_links(text):
            marks.append((link.start, link.end, Piece("link", text[link.start : link.end], _safe_href(link.url))))
        for tag in find_hashtags(text):
            marks.append((tag.start, tag.end, Piece("hashtag", text[tag.start : tag.end])))
    except Exception:  # noqa: BLE001 - showing the text plainly beats failing the report
        marks = []
    pieces: list[Piece] = []
    at = 0
    for start, end, piece in sorted(marks, key=lambda m: m[0]):
        if start < at:
            continue
        if start > at:
            pieces.append(Piece("text", text[at:start]))
        pieces.append(piece)
        at = end
    if at < len(text):
        pieces.append(Piece("text", text[at:]))
    return pieces


def _link_cell_pieces(post: Post) -> list[Piece]:
    """A CSV row's link cells as the scheduler posts them: after the message, each after a space."""
    from postcheck.text.schedule import posted_cells

    pieces: list[Piece] = []
    for cell in posted_cells(post):
        url = cell.value.strip()
        href = _safe_href(url)
        if post.text.value or pieces:
            pieces.append(Piece("text", " "))
        pieces.append(Piece("link", url, href) if href else Piece("text", url))
    return pieces


def _safe_href(url: str) -> str | None:
    """The link to follow for a URL, or None when its scheme is not http(s) (javascript:, data:, none)."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return url if scheme in SAFE_SCHEMES else None


def _finding_view(f: Finding) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        fix = "--fix" if f.fix.applicability.value == "safe" else "--unsafe-fixes"
    location = f"{f.display_path}:{f.span.line}:{f.span.column}"
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "suggestion": f.suggestion,
        "fix": fix,
        "location": location,
        "explanation": explanation(f.code),
    }


@lru_cache(maxsize=256)
def explanation(code: str) -> dict[str, str] | None:
    """The first paragraph of the rule's page (after its title) and the policy it enforces, or None."""
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
    paragraphs = [p.strip() for p in body.strip().split("\n\n") if p.strip()]
    paragraphs = [p for p in paragraphs if not p.startswith("#")]
    summary = " ".join(paragraphs[0].split()) if paragraphs else ""
    policy = meta.get("policy") if isinstance(meta, dict) else None
    return {"summary": summary, "policy": policy if isinstance(policy, str) else ""}


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


def _image_view(post: Post, image: Any, ctx: Context) -> ImageView:
    name = image.file.value
    alt = image.alt.value if image.alt is not None else None
    if alt is not None and not alt.strip():
        alt = None
    path, reason = _locate(post, name, ctx.root_of(post))
    picture = Picture(problem=reason) if path is None else ctx.read_media(image_thumbnail, path, ctx)
    return ImageView(name=name, alt=alt, decorative=bool(image.decorative), picture=picture)


def image_thumbnail(path: Path, ctx: Context) -> Picture:
    """A data-URI thumbnail of an image (its first frame), or the reason it cannot be shown."""
    from postcheck.media import MediaError
    from postcheck.media.images import inspect_image

    info = ctx.read_media(inspect_image, path)  # refuses bombs, truncated and mislabelled files first
    if isinstance(info, MediaError):
        return Picture(problem=str(info))
    try:
        from PIL import Image, ImageOps

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path) as opened:
                if opened.format == "JPEG":
                    opened.draft("RGB", (THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 2))
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


def _video_view(post: Post, video: Any, ctx: Context) -> VideoView:
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
    return VideoView(name=name, picture=picture, burned_in=bool(video.burned_in), captions=captions)


def _relative_name(path: Path, folder: Path) -> str:
    try:
        return os.path.relpath(path, folder)
    except ValueError:
        return path.name


def video_poster(path: Path, ctx: Context) -> Picture:
    """The first keyframe of a video as a data-URI thumbnail, or the reason it cannot be shown."""
    from postcheck.media import MediaError
    from postcheck.media.video import OPEN_TIMEOUT, PROBE_OPTIONS, probe

    info = probe(ctx, path)
    if isinstance(info, MediaError):
        return Picture(problem=str(info))
    try:
        import av

        frame_image = None
        with av.open(str(path), options=PROBE_OPTIONS, timeout=OPEN_TIMEOUT, metadata_errors="ignore") as container:
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
