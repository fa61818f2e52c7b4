"""The language server (`postcheck server`): checks the editor's unsaved text as `check` would, over LSP on stdio."""

from __future__ import annotations

import asyncio
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from postcheck import __version__
from postcheck.config import SCHEMA, Config, ConfigError, find_config, load_config
from postcheck.engine import UsageError
from postcheck.loaders import POST_SUFFIXES
from postcheck.media import CAPTION_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES

if TYPE_CHECKING:
    from postcheck.engine import Result
    from postcheck.model import Finding, Post, Source, Span

SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning}
CONFIG_FILES = ("postcheck.toml", "pyproject.toml", SCHEMA["baseline"][1])
FIX_ALL = "source.fixAll.postcheck"
# Files whose change on disk re-checks the open posts: config, baseline (its default name), media and captions.
MEDIA = sorted(suffix.lstrip(".") for suffix in IMAGE_SUFFIXES | VIDEO_SUFFIXES | CAPTION_SUFFIXES)
WATCHED = [f"**/{name}" for name in CONFIG_FILES] + ["**/*.{" + ",".join(MEDIA) + "}"]


def utf16_length(text: str) -> int:
    """How many UTF-16 code units `text` takes (LSP counts columns that way: an emoji is 2)."""
    return len(text.encode("utf-16-le")) // 2


def position(source: Source, line: int, column: int) -> lsp.Position:
    """The LSP position of a 1-based line and character column of `source`."""
    text = source.line_text(line)
    return lsp.Position(line=max(line - 1, 0), character=utf16_length(text[: max(column - 1, 0)]))


def offset_position(source: Source, offset: int) -> lsp.Position:
    """The LSP position of a character offset of `source`."""
    return position(source, *source.position(min(offset, len(source.text))))


def span_range(source: Source, span: Span) -> lsp.Range:
    """A finding's span as an LSP range (0-based lines, UTF-16 columns)."""
    return lsp.Range(position(source, span.line, span.column), position(source, span.end_line, span.end_column))


def character_offset(source: Source, where: lsp.Position) -> int:
    """The character offset of an LSP position (UTF-16 columns) in `source`."""
    line = where.line + 1
    start = source.line_start(line)
    text, units, index = source.line_text(line), 0, 0
    while index < len(text) and units < where.character:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return start + index


@dataclass
class Checked:
    """The last check of one document: the text it saw, and what it found."""

    text: str
    result: Result
    diagnostics: list[tuple[lsp.Diagnostic, Finding]]


class PostcheckServer(LanguageServer):
    """Keeps each open post's last check; runs checks one at a time off the event loop."""

    def __init__(self) -> None:
        super().__init__("postcheck", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        # One worker: the rule registry and the word models are shared, and a stale check still queued is dropped
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postcheck-check")
        self.debounce = 0.0  # seconds to wait for more typing before a check; initializationOptions.debounce (ms)
        self.configs: dict[Path | None, tuple[Any, Config | ConfigError]] = {}
        # Media read by earlier checks (a flash analysis, a caption parse), reused while the file is unchanged
        self.media: dict[tuple, tuple[tuple[int, int] | None, Any]] = {}

    def log(self, message: str, kind: lsp.MessageType = lsp.MessageType.Info) -> None:
        self.window_log_message(lsp.LogMessageParams(type=kind, message=message))

    def internal_error(self, what: str) -> None:
        """Log the traceback of an error in one request to the client; the server goes on serving."""
        self.log(f"postcheck: internal error while {what}:\n{traceback.format_exc()}", lsp.MessageType.Error)

    # ------------------------------------------------------------------------------------------------ checking

    def config_for(self, path: Path) -> Config:
        """The config `check` would use for `path`, re-read when its file changes (no restart needed)."""
        found = find_config(path.parent)
        stamp = None
        if found is not None:
            info = found.stat()
            stamp = (info.st_mtime_ns, info.st_size)
        cached = self.configs.get(found)
        if cached is None or cached[0] != stamp:
            try:
                value: Config | ConfigError = load_config(found)
            except ConfigError as error:
                value = error
            cached = self.configs[found] = (stamp, value)
        if isinstance(cached[1], ConfigError):
            raise cached[1]
        return cached[1]

    def check_text(self, uri: str, text: str) -> Checked:
        """Check a document's text (in the worker thread)."""
        from postcheck import engine

        path = Path(to_fs_path(uri))
        reuse = {key: value for key, (stamp, value) in self.media.items() if _stamp(key[2]) == stamp}
        result = engine.check_source(path, text, self.config_for(path), engine.Options(), reuse)
        self.media.update(
            (key, (_stamp(key[2]), value))
            for key, value in result.engine.ctx.memo.items()
            if isinstance(key, tuple) and len(key) == 3 and isinstance(key[2], Path)  # Context.read_media's
        )
        docs = result.engine.config.docs_url
        diagnostics = [(diagnostic(finding, docs), finding) for finding in result.findings]
        return Checked(text, result, diagnostics)

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay`, cancelling a check of older text that has not finished."""
        if not is_post(uri):
            return
        stale = self.pending.pop(uri, None)
        if stale is not None:
            stale.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text = document.source
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(self.worker, self.check_text, uri, text)
        except asyncio.CancelledError:
            raise
        except (ConfigError, UsageError) as error:
            self.log(f"postcheck: {error}", lsp.MessageType.Error)
            start = lsp.Position(line=0, character=0)
            problem = lsp.Diagnostic(
                range=lsp.Range(start, start),
                message=f"postcheck cannot check this post: {error}",
                severity=lsp.DiagnosticSeverity.Error,
                source="postcheck",
            )
            self.publish(uri, [problem], document.version)
            return
        except Exception:  # noqa: BLE001 - one bad check must not stop the server
            self.internal_error(f"checking {uri}")
            return
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]
        self.checked[uri] = checked
        self.publish(uri, [d for d, _ in checked.diagnostics], document.version)

    def publish(self, uri: str, diagnostics: list[lsp.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def recheck_all(self) -> None:
        """Check every open post again (a config, baseline or media file changed on disk)."""
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    # ------------------------------------------------------------------------------------------------ features

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        checked = self.checked.get(params.text_document.uri)
        if checked is None or checked.text != self.workspace.get_text_document(params.text_document.uri).source:
            return []  # the text changed since the check: its edits would land in the wrong place
        uri = params.text_document.uri
        wanted = params.context.only
        actions: list[lsp.CodeAction] = []
        for diag, finding in checked.diagnostics:
            if not _overlaps(diag.range, params.range):
                continue
            if not wanted or lsp.CodeActionKind.QuickFix in wanted:
                fix_action = quick_fix(uri, diag, finding)
                if fix_action is not None:
                    actions.append(fix_action)
                suppress = suppress_action(uri, diag, finding)
                if suppress is not None:
                    actions.append(suppress)
        fix_all = fix_all_action(uri, checked)
        if fix_all is not None and (not wanted or any(k.startswith("source") for k in wanted) or actions):
            actions.append(fix_all)
        return actions

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        checked = self.checked.get(uri)
        if checked is None:
            return None
        parts = [explain(finding) for diag, finding in checked.diagnostics if _contains(diag.range, params.position)]
        posts = checked.result.posts
        source = posts[0].source if posts else None
        current = self.workspace.get_text_document(uri).source
        if source is None or source.text != checked.text or checked.text != current:  # positions would be off
            return lsp.Hover(contents=markdown("\n\n---\n\n".join(parts))) if parts else None
        offset = character_offset(source, params.position)
        for post in posts:
            image = image_under(post, offset, checked.result)
            if image is not None:
                parts.append(image)
            if in_text(post, offset, params.position.line + 1):
                parts.append(lengths(post, checked.result))
        if not parts:
            return None
        return lsp.Hover(contents=markdown("\n\n---\n\n".join(parts)))


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's modification time and size, to tell whether what was read from it still holds."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def file_name(uri: str) -> str:
    """The name of the file a document is, or "" for one that is no file here ("untitled:Untitled-1", a remote
    file system's document): such documents are not checked, since their media and config cannot be found."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path).name if path else ""


def is_post(uri: str) -> bool:
    """Whether a document is a post file postcheck reads (by its extension, as discovery judges)."""
    return Path(file_name(uri)).suffix.lower() in POST_SUFFIXES


def markdown(text: str) -> lsp.MarkupContent:
    return lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text)


def _before(a: lsp.Position, b: lsp.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return not (_before(a.end, b.start) or _before(b.end, a.start))


def _contains(r: lsp.Range, p: lsp.Position) -> bool:
    return not (_before(p, r.start) or _before(r.end, p))


def _other_file(finding: Finding) -> Path | None:
    """The media or caption file a finding points into, when it is not the post's own file."""
    if finding.source is not None:
        return None
    return Path(finding.display_path).absolute()


def diagnostic(finding: Finding, docs_url: str = "") -> lsp.Diagnostic:
    """A finding as an LSP diagnostic: code, documentation link (the config's `docs-url`, else the installed page),
    severity and exact range (UTF-16)."""
    post = finding.post
    message = finding.message
    related = None
    other = _other_file(finding)
    if other is None:
        where = span_range(post.source, finding.span)
    else:  # a problem inside a media or caption file: shown on the post's reference to it, linked to the place
        where = span_range(post.source, _reference_span(post, other))
        message = f"{other.name}:{finding.span.line}:{finding.span.column}: {message}"
        at = lsp.Position(line=max(finding.span.line - 1, 0), character=max(finding.span.column - 1, 0))
        related = [
            lsp.DiagnosticRelatedInformation(
                location=lsp.Location(uri=from_fs_path(str(other)), range=lsp.Range(at, at)), message=finding.message
            )
        ]
    if finding.suggestion:
        message += f" (suggestion: {finding.suggestion})"
    from postcheck.catalogue import rule_url

    href = rule_url(finding.code, finding.name, docs_url)
    return lsp.Diagnostic(
        range=where,
        message=message,
        severity=SEVERITY.get(finding.severity.value, lsp.DiagnosticSeverity.Information),
        code=finding.code,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source="postcheck",
        related_information=related,
        tags=[lsp.DiagnosticTag.Unnecessary] if finding.code == "X001" else None,
    )


def _reference_span(post: Post, target: Path) -> Span:
    """Where the post names a media or caption file (a sidecar counts as its video's); else the post itself."""
    target = target.resolve()
    for _, ref in post.media_refs():
        if (post.directory / ref.value).resolve() == target:
            return ref.span()
    for video in post.videos:
        if any(sidecar.resolve() == target for sidecar in video.sidecars):
            return video.file.span()
    return post.where()


def _text_edit(source: Source, offset: int, length: int, content: str) -> lsp.TextEdit:
    start, end = offset_position(source, offset), offset_position(source, offset + length)
    return lsp.TextEdit(range=lsp.Range(start, end), new_text=content)


def quick_fix(uri: str, diag: lsp.Diagnostic, finding: Finding) -> lsp.CodeAction | None:
    """The finding's fix as a quick fix: "Write #FluJab" (safe fixes are preferred)."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return None
    post = finding.post
    safe = fix.applicability.value == "safe"
    title = f"Write {finding.suggestion}" if finding.suggestion else f"Fix {finding.code}: {finding.message}"
    if not safe:
        title += " (unsafe fix: check it)"
    if any(e.create for e in fix.edits):  # a new file (A308's converted caption sidecar)
        changes: list[Any] = []
        for edit in fix.edits:
            if not edit.create or edit.path is None:
                return None
            target = from_fs_path(str(edit.path))
            changes.append(lsp.CreateFile(uri=target, options=lsp.CreateFileOptions(ignore_if_exists=True)))
            start = lsp.Position(line=0, character=0)
            changes.append(
                lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=target, version=None),
                    edits=[lsp.TextEdit(range=lsp.Range(start, start), new_text=edit.content)],
                )
            )
        workspace_edit = lsp.WorkspaceEdit(document_changes=changes)
    else:
        if any(e.path is not None and e.path != post.path for e in fix.edits):
            return None
        edits = [_text_edit(post.source, e.offset, e.length, e.content) for e in fix.edits]
        workspace_edit = lsp.WorkspaceEdit(changes={uri: edits})
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=workspace_edit,
        is_preferred=safe,
    )


def fix_all_action(uri: str, checked: Checked) -> lsp.CodeAction | None:
    """ "Fix all safe problems in this post": the edits `--fix` would make, as one edit of the unsaved text."""
    from postcheck import fixes

    findings = [f for f in checked.result.findings if f.source is not None]
    if not findings:
        return None
    path = findings[0].post.path
    planned = [p for p in fixes.plan(findings, False, {path: checked.text}) if p.path == path and p.old is not None]
    if not planned:
        return None
    old, new = planned[0].old or "", planned[0].new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    source = findings[0].post.source
    edit = _text_edit(source, start, len(old) - end - start, new[start : len(new) - end])
    return lsp.CodeAction(
        title="Fix all safe problems in this post",
        kind=FIX_ALL,
        edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
    )


REASON = '""  # why this post may break the rule'


def suppress_action(uri: str, diag: lsp.Diagnostic, finding: Finding) -> lsp.CodeAction | None:
    """ "Suppress CODE in this post…": the front-matter `postcheck: ignore:` entry, its reason left to write."""
    post = finding.post
    code = finding.code
    if code in ("F001", "X001") or code in post.suppressions or post.format not in ("markdown", "yaml"):
        return None
    source = post.source
    text = source.text
    newline = "\r\n" if "\r\n" in text else "\n"
    if post.suppressions:  # a line under the existing `ignore:` entries, indented as they are
        last = max(post.suppressions.values(), key=lambda s: s.span.offset).span
        line = source.line_text(last.line)
        if "{" in line:
            return None  # written in flow style: left to the author
        indent = line[: len(line) - len(line.lstrip())]
        offset = source.line_start(last.line + 1)
        insert = f"{indent}{code}: {REASON}{newline}"
        if offset == len(text) and not text.endswith(("\n", "\r")):  # the entry was the file's last line
            insert = newline + insert.rstrip("\r\n")
    elif "postcheck" in post.meta:
        return None  # a `postcheck:` key without `ignore:` entries: left to the author
    else:
        entry = f"postcheck:{newline}  ignore:{newline}    {code}: {REASON}{newline}"
        if post.format == "yaml":
            offset = len(text)
            insert = ("" if text.endswith(("\n", "\r")) else newline) + entry
        else:
            from postcheck.loaders.markdown import CLOSE, FENCE

            close = CLOSE.search(text, text.index("\n") + 1) if FENCE.match(text) and "\n" in text else None
            if close is None:
                offset, insert = 0, f"---{newline}{entry}---{newline}"
            else:
                offset, insert = close.start(), entry
    edit = _text_edit(source, offset, 0, insert)
    return lsp.CodeAction(
        title=f"Suppress {code} in this post…",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
    )


def explain(finding: Finding) -> str:
    """The rule's explanation for a hover: its code, name and summary, then its page's first paragraph."""
    from postcheck.catalogue import page_for

    rule = f"**{finding.code} {finding.name}** ({finding.severity.value}): {finding.message}"
    page = page_for(finding.code)
    if page is None:
        return rule
    body = page.read_text(encoding="utf-8")
    if body.startswith("---"):
        body = body.split("---", 2)[2]
    paragraphs = [p.strip() for p in body.strip().split("\n\n")]
    about = next((p for p in paragraphs[1:] if p and not p.startswith(("#", "```", "-"))), "")
    link = f"\n\n[{finding.code} documentation]({page.resolve().as_uri()})"
    return f"{rule}\n\n{' '.join(about.split())}{link}"


def in_text(post: Post, offset: int, line: int) -> bool:
    """Whether a file offset lies in the post's text (or, for a CSV row, on its row)."""
    if post.format == "csv":
        return post.span is not None and post.span.line <= line <= post.span.end_line
    return any(seg.file_start <= offset <= seg.file_start + seg.length for seg in post.text.segments)


def lengths(post: Post, result: Result) -> str:
    """The post text's length per target platform, counted as P101 counts it, against each limit."""
    from postcheck.rules.media_limits import platform_limits
    from postcheck.rules.publishing import COUNTED_AS, posted_text
    from postcheck.text.platforms import measure

    ctx = result.engine.ctx
    text = posted_text(post)
    rows = ["| platform | length | limit |", "|---|---:|---:|"]
    for name in ctx.platforms(post):
        limit = platform_limits(ctx, name)
        if limit.text_max is None:
            continue
        count = measure(text, limit.counting, limit.text_max).count
        mark = " (over)" if count > limit.text_max else ""
        rows.append(f"| {limit.name} | {count}{mark} | {limit.text_max} {COUNTED_AS[limit.counting].split(' (')[0]} |")
    return "**Length per platform**\n\n" + "\n".join(rows)


def image_under(post: Post, offset: int, result: Result) -> str | None:
    """For an image reference under the cursor: its size, dimensions and format."""
    for image in post.images:
        spans = [image.file.span()] + ([image.alt.span()] if image.alt is not None else [])
        if not any(s.offset <= offset <= s.offset + s.length for s in spans):
            continue
        ctx = result.engine.ctx
        path = ctx.media_path(post, image.file)
        if path is None:
            return f"**Image** `{image.file.value}`: not found inside the posts root"
        from postcheck.media import MediaError
        from postcheck.media.images import image_info

        info = image_info(ctx, path)
        if isinstance(info, MediaError):
            return f"**Image** `{image.file.value}`: cannot be read ({info})"
        frames = f", {info.frames} frames" if info.frames > 1 else ""
        shape = f"{info.format}, {info.width}×{info.height}{frames}, {_size(info.size)}"
        lines = [f"**Image** `{image.file.value}`: {shape}"]
        recognised = recognised_text(path, ctx)
        if recognised:
            lines.append(f"Text in the image: {recognised}")
        return "\n\n".join(lines)
    return None


def recognised_text(path: Path, ctx: Any) -> str | None:
    """Text recognised in an image (OCR, as A107 reads it, from its cache), when the `ocr` extra is installed."""
    from postcheck.media import MediaError
    from postcheck.media.ocr import OcrUnavailable, as_alt_text, engine_missing, read_image_text

    if engine_missing():
        return None
    try:
        text = ctx.read_media(read_image_text, path, ctx.cache_dir)
    except OcrUnavailable:
        return None
    return None if isinstance(text, MediaError) or not text.lines else as_alt_text(text)


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB" if size >= 1e3 else f"{size} bytes"


def make_server() -> PostcheckServer:
    """The server with its features registered."""
    server = PostcheckServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: PostcheckServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce = max(float(options["debounce"]), 0.0) / 1000

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: PostcheckServer, params: lsp.InitializedParams) -> None:
        ls.worker.submit(warm_up)  # load the word models now, not on the first keystroke
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:  # editors without an extension to watch for us (Neovim)
            watchers = [lsp.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
            options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = lsp.Registration(id="postcheck-files", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
            registration.register_options = options
            try:
                await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))
            except Exception as error:  # noqa: BLE001 - without watchers, a config change is seen on the next edit
                ls.log(f"postcheck: the editor does not watch config and media files for it ({error})")

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PostcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        if file_name(params.text_document.uri) in CONFIG_FILES:
            return
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PostcheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PostcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if file_name(params.text_document.uri) in CONFIG_FILES:
            ls.recheck_all()  # a config edited in the editor itself
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PostcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        stale = ls.pending.pop(uri, None)
        if stale is not None:
            stale.cancel()
        if ls.checked.pop(uri, None) is not None:
            ls.publish(uri, [], None)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: PostcheckServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()  # a config, the baseline, or a media file beside a post

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: PostcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        try:
            return ls.code_actions(params)
        except Exception:  # noqa: BLE001 - logged; the server keeps serving
            ls.internal_error("listing code actions")
            return None

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: PostcheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        try:
            return ls.hover(params)
        except Exception:  # noqa: BLE001 - logged; the server keeps serving
            ls.internal_error("hovering")
            return None

    return server


def warm_up() -> None:
    """Load the rules and the hashtag word models once, in the worker, so that the first check is fast."""
    import tempfile

    from postcheck import engine
    from postcheck.config import load_config as defaults

    with tempfile.TemporaryDirectory() as folder:
        post = Path(folder) / "warm-up.md"
        engine.check_source(post, "Book your #flujab today", defaults(None), engine.Options(cache=False))


def serve() -> None:
    """Run the language server on stdin and stdout until the client exits."""
    os.environ.setdefault("NO_COLOR", "1")
    make_server().start_io()
