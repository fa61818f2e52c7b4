"""The language server (`postcheck server`): checks the editor's unsaved text as `check` would, over LSP on stdio."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import tempfile
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types as lsp
from pygls.exceptions import FeatureRequestError
from pygls.lsp.server import LanguageServer
from pygls.protocol import (
    JsonRPCNotification,
    JsonRPCProtocol,
    JsonRPCRequestMessage,
    LanguageServerProtocol,
    lsp_method,
)
from pygls.uris import from_fs_path, to_fs_path

from postcheck import __version__
from postcheck.config import SCHEMA, Config, ConfigError, find_config, load_config
from postcheck.engine import UsageError
from postcheck.loaders import POST_SUFFIXES
from postcheck.media import CAPTION_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Generator

    from postcheck.engine import Result
    from postcheck.model import Finding, Post, Source, Span

SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning}
CONFIG_FILES = ("postcheck.toml", "pyproject.toml", SCHEMA["baseline"][1])
FIX_ALL = "source.fixAll.postcheck"
# Files whose change on disk re-checks the open posts: config, baseline (its default name), media and captions.
MEDIA = sorted(suffix.lstrip(".") for suffix in IMAGE_SUFFIXES | VIDEO_SUFFIXES | CAPTION_SUFFIXES)
WATCHED = [f"**/{name}" for name in CONFIG_FILES] + ["**/*.{" + ",".join(MEDIA) + "}"]
BOM = "\ufeff"
UTF8, UTF16, UTF32 = lsp.PositionEncodingKind.Utf8, lsp.PositionEncodingKind.Utf16, lsp.PositionEncodingKind.Utf32
# JSON-RPC and LSP error codes
PARSE_ERROR, INVALID_REQUEST, INVALID_PARAMS, SERVER_NOT_INITIALIZED = -32700, -32600, -32602, -32002


@dataclass(frozen=True)
class Negotiated:
    """How edits are written for this client: position encoding, the document version they apply to (None: the
    client takes no versioned edits), and whether it can create files."""

    encoding: str = UTF16
    version: int | None = None
    creates_files: bool = True


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units `text` takes in the position encoding the client chose (UTF-16 unless it chose another:
    there an emoji is 2, in UTF-8 4). A lone surrogate, as an editor may hold half an emoji, is one UTF-16 unit."""
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == UTF32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def index_at(text: str, count: int, encoding: str = UTF16) -> int:
    """The character index in `text` where `count` code units end (the end of `text` when they reach past it)."""
    if encoding == UTF32:
        return min(max(count, 0), len(text))
    done, index = 0, 0
    while index < len(text) and done < count:
        code = ord(text[index])
        if encoding == UTF8:
            done += 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        else:
            done += 2 if code > 0xFFFF else 1  # beyond the BMP a character is a UTF-16 surrogate pair
        index += 1
    return index


def position(source: Source, line: int, column: int, encoding: str = UTF16) -> lsp.Position:
    """The LSP position of a 1-based line and character column of `source`."""
    before = source.line_text(line)[: max(column - 1, 0)]
    if line == 1 and source.bom:  # the engine reads the text without its BOM; an editor that keeps one counts it
        before = BOM + before
    return lsp.Position(line=max(line - 1, 0), character=units(before, encoding))


def offset_position(source: Source, offset: int, encoding: str = UTF16) -> lsp.Position:
    """The LSP position of a character offset of `source`."""
    return position(source, *source.position(min(offset, len(source.text))), encoding)


def span_range(source: Source, span: Span, encoding: str = UTF16) -> lsp.Range:
    """A finding's span as an LSP range (0-based lines, columns in the client's code units)."""
    start = position(source, span.line, span.column, encoding)
    return lsp.Range(start, position(source, span.end_line, span.end_column, encoding))


def character_offset(source: Source, where: lsp.Position, encoding: str = UTF16) -> int:
    """The character offset of an LSP position in `source`; past a line's end is its end, past the last line the
    text's end (as the specification has a client's positions read)."""
    line = where.line + 1
    count = where.character
    if line == 1 and source.bom:
        count = max(count - units(BOM, encoding), 0)
    return source.line_start(line) + index_at(source.line_text(line), count, encoding)


def apply_change(text: str, change: Any, encoding: str = UTF16) -> str:
    """A document's text after one change an editor sent: the whole text, or a range replaced. Lines end only at
    LF, CRLF and CR, as LSP counts them (pygls splits at U+2028, NEL and form feeds too, which moved edits)."""
    if not isinstance(change, lsp.TextDocumentContentChangePartial):
        return change.text
    from postcheck.model import Source

    source = Source(Path("document"), text)
    start = character_offset(source, change.range.start, encoding)
    end = max(character_offset(source, change.range.end, encoding), start)
    return text[:start] + change.text + text[end:]


def one_line(error: BaseException | str) -> str:
    """An error's message on one line (a pop-up shows one; a TOML error may run over several)."""
    return " ".join(str(error).split()) or type(error).__name__


@dataclass
class Document:
    """An open document as the editor has it: its text and version."""

    text: str
    version: int | None


@dataclass
class Checked:
    """The last check of one document: the text and version it saw, and what it found."""

    text: str
    result: Result
    diagnostics: list[tuple[lsp.Diagnostic, Finding]]
    version: int | None = None


class BrokenConfig(Exception):
    """The config a post is to be checked with cannot be used: which file, its stamp, and why."""

    def __init__(self, path: Path | None, stamp: Any, error: Exception):
        super().__init__(one_line(error))
        self.path, self.stamp = path, stamp


@dataclass(frozen=True)
class Malformed:
    """A message whose params do not have the shape its method's asks for (missing fields, wrong types)."""

    data: dict
    reason: str


class PostcheckProtocol(LanguageServerProtocol):
    """pygls's protocol, answering where pygls would leave a client waiting or show it a pop-up, as the LSP
    specification asks: malformed params (InvalidParams), requests before `initialize` (ServerNotInitialized) or
    after `shutdown` (InvalidRequest), text that is no JSON (ParseError) or no request (InvalidRequest). Open
    documents are kept here too, their changes applied with LSP's line endings; a change to a document that was
    never opened is dropped."""

    _server: PostcheckServer

    def __init__(self, server: PostcheckServer, converter: Any):
        super().__init__(server, converter)
        self.started = False  # `initialize` received
        self.stopping = False  # `shutdown` received

    def structure_message(self, data: Any) -> Any:
        if not isinstance(data, dict) or "jsonrpc" not in data or "method" not in data:
            return super().structure_message(data)  # a value inside a message, or a response from the client
        method = data["method"]
        known = self.get_message_type(method) if isinstance(method, str) else None
        kind = known or (JsonRPCRequestMessage if "id" in data else JsonRPCNotification)
        try:
            return self._converter.structure(data, kind)
        except Exception as error:  # noqa: BLE001 - any shape cattrs refuses is the client's mistake, answered
            if "params" not in data:  # `initialized` sent without its empty params, as some clients do
                try:
                    return self._converter.structure({**data, "params": {}}, kind)
                except Exception:  # noqa: BLE001, S110 - the first error says what is wrong
                    pass
            return Malformed(data, _structure_reason(error))

    def refuse(self, ident: Any, code: int, message: str) -> None:
        """Answer a request (or, with `ident` None, a message that cannot be told apart) with an error."""
        # As a plain message: pygls's would leave out an id of None, which JSON-RPC asks to be there, as null
        self._send_data({"jsonrpc": JsonRPCProtocol.VERSION, "id": ident, "error": {"code": code, "message": message}})

    def handle_message(self, message: Any) -> None:
        if isinstance(message, Malformed):
            data = message.data
            if "id" in data:
                self.refuse(data["id"], INVALID_PARAMS, f"invalid params for {data['method']}: {message.reason}")
            else:
                self._server.log(f"postcheck: ignored {data['method']}: invalid params ({message.reason})")
            return
        if not hasattr(message, "jsonrpc") or message.jsonrpc != JsonRPCProtocol.VERSION:
            ident = message.get("id") if isinstance(message, dict) else getattr(message, "id", None)
            self.refuse(ident if isinstance(ident, (int, str)) else None, INVALID_REQUEST, "not a JSON-RPC 2.0 message")
            return
        method = getattr(message, "method", None)
        request = method is not None and hasattr(message, "id")
        if method is not None and method != lsp.EXIT:
            if not self.started and method != lsp.INITIALIZE:
                if request:
                    self.refuse(message.id, SERVER_NOT_INITIALIZED, f"{method} before initialize")
                return  # a notification before initialize is dropped
            if self.stopping or (self.started and method == lsp.INITIALIZE):
                if request:
                    self.refuse(
                        message.id, INVALID_REQUEST, f"{method} after {'shutdown' if self.stopping else method}"
                    )
                return
            self.started = True
            if method == lsp.SHUTDOWN:
                self.stopping = True
        super().handle_message(message)

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: lsp.DidOpenTextDocumentParams) -> Generator[Any, Any, None]:
        item = params.text_document
        self._server.documents[item.uri] = Document(item.text, item.version)
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        document = self._server.documents.get(params.text_document.uri)
        if document is None:
            return  # never opened (against the protocol): there is no text to change, and nothing to check
        for change in params.content_changes:
            document.text = apply_change(document.text, change, self._server.encoding)
        document.version = params.text_document.version
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: lsp.DidCloseTextDocumentParams) -> Generator[Any, Any, None]:
        self._server.documents.pop(params.text_document.uri, None)
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


def _structure_reason(error: Exception) -> str:
    """What is wrong with a message's shape, in a line ("required field missing @ $.params.position")."""
    from cattrs import transform_error

    try:
        reasons = transform_error(error)
    except Exception:  # noqa: BLE001 - not a cattrs validation error: its own words
        reasons = [one_line(error)]
    return "; ".join(reasons[:3])


class PostcheckServer(LanguageServer):
    """Keeps each open post's last check; runs checks one at a time off the event loop."""

    def __init__(self) -> None:
        super().__init__(
            "postcheck",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=PostcheckProtocol,
        )
        self.documents: dict[str, Document] = {}
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        # One worker: the rule registry and the word models are shared, and a stale check still queued is dropped
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postcheck-check")
        self.debounce = 0.0  # seconds to wait for more typing before a check; initializationOptions.debounce (ms)
        self.encoding = UTF16  # of positions, as negotiated at initialize
        self.versioned = False  # the client takes versioned edits (documentChanges)
        self.creates_files = False  # ... and file creation in them
        self.configs: dict[Path | None, tuple[Any, Config | ConfigError]] = {}
        self.told: dict[Path | None, tuple[Any, str]] = {}  # each broken config as last shown to the user
        # Media read by earlier checks (a flash analysis, a caption parse), reused while the file is unchanged
        self.media: dict[tuple, tuple[tuple[int, int] | None, Any]] = {}
        self._nowhere: tempfile.TemporaryDirectory | None = None

    def log(self, message: str, kind: lsp.MessageType = lsp.MessageType.Info) -> None:
        self.window_log_message(lsp.LogMessageParams(type=kind, message=message))

    def internal_error(self, what: str) -> None:
        """Log the traceback of an error in one request to the client; the server goes on serving."""
        self.log(f"postcheck: internal error while {what}:\n{traceback.format_exc()}", lsp.MessageType.Error)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """What pygls could not handle: text that is no JSON gets a ParseError; anything else is logged in a line
        (pygls would show each in a pop-up)."""
        if isinstance(error, (json.JSONDecodeError, UnicodeDecodeError)):
            self.protocol.refuse(None, PARSE_ERROR, f"not JSON: {one_line(error)}")
        elif source is not FeatureRequestError:  # a request's error was its answer
            self.log(f"postcheck: {one_line(error)}", lsp.MessageType.Error)

    # ------------------------------------------------------------------------------------------------ checking

    def config_for(self, path: Path) -> Config:
        """The config `check` would use for `path`, re-read when its file changes (no restart needed); a broken
        one is raised as BrokenConfig."""
        try:
            found = find_config(path.parent)
        except ConfigError as error:  # a pyproject.toml that is no TOML (half typed): which one is in the message
            raise BrokenConfig(None, str(error), error) from None
        stamp = _stamp(found) if found is not None else None
        cached = self.configs.get(found)
        if cached is None or cached[0] != stamp:
            try:
                value: Config | ConfigError = load_config(found)
            except ConfigError as error:
                value = error
            cached = self.configs[found] = (stamp, value)
        if isinstance(cached[1], ConfigError):
            raise BrokenConfig(found, stamp, cached[1])
        return cached[1]

    def workspace_folders(self) -> list[Path]:
        """The folders the editor has open (its root and workspace folders), the deepest first."""
        try:
            workspace = self.workspace
        except RuntimeError:  # not initialized (a check called directly)
            return []
        uris = [folder.uri for folder in workspace.folders.values()] + [workspace.root_uri]
        paths = {Path(path) for uri in uris if uri and uri.startswith("file:") and (path := to_fs_path(uri))}
        return sorted(paths, key=lambda folder: len(folder.parts), reverse=True)

    def nowhere(self) -> Path:
        """An empty folder of the server's own, no post's ancestor: the working folder while a post outside every
        workspace folder, in a folder not made yet, is checked (elsewhere, its own folder is), so that its posts
        root is never the folder the editor started the server in (often `/` or the home folder, from which a post
        could read any file)."""
        if self._nowhere is None:
            self._nowhere = tempfile.TemporaryDirectory(prefix="postcheck-server-", ignore_cleanup_errors=True)
        return Path(self._nowhere.name)

    def clean_up(self) -> None:
        """Remove the server's own empty folder (the process ends with os._exit: no finalizer would)."""
        if self._nowhere is not None:
            os.chdir(tempfile.gettempdir())
            self._nowhere.cleanup()
            self._nowhere = None

    def check_text(
        self, uri: str, text: str, version: int | None = None, folders: list[Path] | None = None
    ) -> Checked | None:
        """Check a document's text (in the worker thread); None for a file the config's `exclude` leaves out."""
        from postcheck import engine

        path = Path(to_fs_path(uri))
        # The posts root is found as `check` finds it, the editor's workspace folder standing for the folder
        # `check` is run in (the server's own working folder is wherever the editor started it)
        home = next((folder for folder in folders or [] if path.is_relative_to(folder) and folder.is_dir()), None)
        os.chdir(home or (path.parent if path.parent.is_dir() else self.nowhere()))
        config = self.config_for(path)
        root = engine.find_root(path)
        try:
            relative = path.resolve().relative_to(root).as_posix()
        except ValueError:
            relative = path.name
        if any(engine.glob_matches(relative, pattern) for pattern in engine.excluded(config)):
            return None  # README.md, a file under node_modules: not a post, as `check --force-exclude` judges
        # The cache lives at a posts root: none is made in a folder that is not one (no config, no git)
        marked = (root / ".git").exists() or (config.path is not None and config.path.parent == root)
        reuse = {key: value for key, (stamp, value) in self.media.items() if _stamp(key[2]) == stamp}
        try:
            result = engine.check_source(path, text, config, engine.Options(cache=marked), reuse)
        except UsageError as error:  # the config names a rule that does not exist
            raise BrokenConfig(config.path, self.configs.get(config.path, (None,))[0], error) from None
        self.media.update(
            (key, (_stamp(key[2]), value))
            for key, value in result.engine.ctx.memo.items()
            if isinstance(key, tuple) and len(key) == 3 and isinstance(key[2], Path)  # Context.read_media's
        )
        docs = result.engine.config.docs_url
        diagnostics = [(diagnostic(finding, docs, self.encoding), finding) for finding in result.findings]
        return Checked(text, result, diagnostics, version)

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
        document = self.documents.get(uri)
        if document is None:
            return  # closed meanwhile
        text, version = document.text, document.version  # the version published is the one checked
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(
                self.worker, self.check_text, uri, text, version, self.workspace_folders()
            )
        except asyncio.CancelledError:
            raise
        except BrokenConfig as broken:
            self.tell(broken)
            start = lsp.Position(line=0, character=0)
            problem = lsp.Diagnostic(
                range=lsp.Range(start, start),
                message=f"postcheck cannot check this post: {broken}",
                severity=lsp.DiagnosticSeverity.Error,
                source="postcheck",
            )
            self.checked.pop(uri, None)
            self.publish(uri, [problem], version)
            return
        except Exception:  # noqa: BLE001 - one bad check must not stop the server
            self.internal_error(f"checking {uri}")
            return
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]
        if checked is None:
            self.checked.pop(uri, None)
            self.publish(uri, [], version)
            return
        for path in (checked.result.engine.config.path, None):  # it works again: a new break is news
            self.told.pop(path, None)
        self.checked[uri] = checked
        self.publish(uri, [d for d, _ in checked.diagnostics], version)

    def tell(self, broken: BrokenConfig) -> None:
        """Show a broken config to the user once (and log it), and again only once the file has changed."""
        said = (broken.stamp, str(broken))
        if self.told.get(broken.path) == said:
            return
        self.told[broken.path] = said
        message = f"postcheck: {broken} (posts are not checked until it is fixed)"
        self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=message))
        self.log(message, lsp.MessageType.Error)

    def publish(self, uri: str, diagnostics: list[lsp.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def recheck_all(self) -> None:
        """Check every open post again (a config, baseline or media file changed on disk)."""
        for uri in list(self.documents):
            self.schedule(uri, 0)

    async def settled(self, uri: str) -> None:
        """Wait (a few seconds at most) for the check of a document's latest text, so that a quick fix or a hover
        asked for as the text changes speaks of that text, not of none."""
        deadline = asyncio.get_running_loop().time() + 5
        while (task := self.pending.get(uri)) is not None and not task.done():
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return
            await asyncio.wait([task], timeout=left)  # not cancelled with this request: it is the document's

    def negotiated(self, checked: Checked) -> Negotiated:
        """How edits for the client are written: its position encoding, and the checked version when it takes
        versioned edits (an editor then refuses them once the text has moved on)."""
        return Negotiated(self.encoding, checked.version if self.versioned else None, self.creates_files)

    # ------------------------------------------------------------------------------------------------ features

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        checked = self.checked.get(uri)
        document = self.documents.get(uri)
        if checked is None or document is None or checked.text != document.text:
            return []  # the text changed since the check: its edits would land in the wrong place
        terms = self.negotiated(checked)
        wanted = params.context.only
        actions: list[lsp.CodeAction] = []
        for diag, finding in checked.diagnostics:
            if not _overlaps(diag.range, params.range):
                continue
            if not wanted or lsp.CodeActionKind.QuickFix in wanted:
                fix_action = quick_fix(uri, diag, finding, terms)
                if fix_action is not None:
                    actions.append(fix_action)
                suppress = suppress_action(uri, diag, finding, terms)
                if suppress is not None:
                    actions.append(suppress)
        fix_all = fix_all_action(uri, checked, terms)
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
        document = self.documents.get(uri)
        if source is None or source.text != checked.text or document is None or checked.text != document.text:
            return lsp.Hover(contents=markdown("\n\n---\n\n".join(parts))) if parts else None  # positions would be off
        offset = character_offset(source, params.position, self.encoding)
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


def diagnostic(finding: Finding, docs_url: str = "", encoding: str = UTF16) -> lsp.Diagnostic:
    """A finding as an LSP diagnostic: code, documentation link (the config's `docs-url`, else the installed page),
    severity and exact range (in the client's position encoding)."""
    post = finding.post
    message = finding.message
    related = None
    other = _other_file(finding)
    if other is None:
        where = span_range(post.source, finding.span, encoding)
    else:  # a problem inside a media or caption file: shown on the post's reference to it, linked to the place
        where = span_range(post.source, _reference_span(post, other), encoding)
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


def _text_edit(source: Source, offset: int, length: int, content: str, encoding: str = UTF16) -> lsp.TextEdit:
    start, end = offset_position(source, offset, encoding), offset_position(source, offset + length, encoding)
    return lsp.TextEdit(range=lsp.Range(start, end), new_text=content)


def document_edit(uri: str, edits: list[lsp.TextEdit], terms: Negotiated) -> lsp.WorkspaceEdit:
    """Edits of one document: versioned when the client takes that, so that it refuses them on newer text."""
    if terms.version is None:
        return lsp.WorkspaceEdit(changes={uri: edits})
    document = lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=terms.version)
    return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(text_document=document, edits=edits)])


def quick_fix(
    uri: str, diag: lsp.Diagnostic, finding: Finding, terms: Negotiated = Negotiated()
) -> lsp.CodeAction | None:
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
        if not terms.creates_files:
            return None  # a client that cannot create files would fail the whole edit
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
        edits = [_text_edit(post.source, e.offset, e.length, e.content, terms.encoding) for e in fix.edits]
        workspace_edit = document_edit(uri, edits, terms)
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=workspace_edit,
        is_preferred=safe,
    )


def fix_all_action(uri: str, checked: Checked, terms: Negotiated = Negotiated()) -> lsp.CodeAction | None:
    """ "Fix all safe problems in this post": the edits `--fix` would make, as one edit of the unsaved text."""
    from postcheck import fixes

    findings = [f for f in checked.result.findings if f.source is not None]
    if not findings:
        return None
    path = findings[0].post.path
    text = checked.text.removeprefix(BOM)  # as the engine read it: the fixes' offsets count from there
    planned = [p for p in fixes.plan(findings, False, {path: text}) if p.path == path and p.old is not None]
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
    edit = _text_edit(source, start, len(old) - end - start, new[start : len(new) - end], terms.encoding)
    return lsp.CodeAction(
        title="Fix all safe problems in this post", kind=FIX_ALL, edit=document_edit(uri, [edit], terms)
    )


REASON = '""  # why this post may break the rule'


def suppress_action(
    uri: str, diag: lsp.Diagnostic, finding: Finding, terms: Negotiated = Negotiated()
) -> lsp.CodeAction | None:
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
    edit = _text_edit(source, offset, 0, insert, terms.encoding)
    return lsp.CodeAction(
        title=f"Suppress {code} in this post…",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=document_edit(uri, [edit], terms),
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
            ls.debounce = min(max(float(options["debounce"]), 0.0), 10_000) / 1000
        ls.encoding = ls.workspace.position_encoding or UTF16  # the client's first choice pygls also speaks
        workspace = params.capabilities.workspace
        edits = workspace.workspace_edit if workspace else None
        ls.versioned = bool(edits and edits.document_changes)
        ls.creates_files = ls.versioned and lsp.ResourceOperationKind.Create in (edits.resource_operations or [])

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
        ls.checked.pop(uri, None)
        if is_post(uri):  # whatever was published for it (findings, or a config it could not be checked with)
            ls.publish(uri, [], None)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: PostcheckServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()  # a config, the baseline, or a media file beside a post

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    async def code_action(ls: PostcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        await ls.settled(params.text_document.uri)
        try:
            return ls.code_actions(params)
        except Exception:  # noqa: BLE001 - logged; the server keeps serving
            ls.internal_error("listing code actions")
            return None

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: PostcheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        await ls.settled(params.text_document.uri)
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


class OneLine(logging.Formatter):
    """pygls's own log lines, on stderr (the editor's output panel), one line each and without tracebacks: the
    errors it logs are a client's malformed messages, which the server answers."""

    def format(self, record: logging.LogRecord) -> str:
        return "postcheck server: " + one_line(record.getMessage().split("\n", 1)[0])


def serve() -> None:
    """Run the language server on stdin and stdout until the client exits; exit code 0 after `shutdown`, else 1
    (as LSP has it for `exit`, or for an editor that went away)."""
    os.environ.setdefault("NO_COLOR", "1")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    pygls_log = logging.getLogger("pygls")
    pygls_log.addHandler(handler)
    pygls_log.setLevel(logging.ERROR)
    pygls_log.propagate = False
    server = make_server()
    try:
        server.start_io()
    finally:
        server.clean_up()
    raise SystemExit(0 if server.protocol.stopping else 1)
