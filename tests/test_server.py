"""`postcheck server` end to end: real LSP clients drive the server over stdio (pytest-lsp, and raw JSON-RPC)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed (pip install '.[test]')")
pytest.importorskip("pygls", reason="the server extra is not installed (pip install '.[server]')")

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

lsp_test = pytest.mark.asyncio(loop_scope="module")  # the tests share one server

CONFIG = 'platforms = ["x", "bluesky"]\n[links]\napproved = ["nhs.uk"]\n'
# Known problems: A201 twice (safe fixes), L103 (http), and an emoji (two UTF-16 units) before the first hashtag.
POST = "---\nplatforms: [x, bluesky]\n---\n😷 Book your #flujab today http://www.nhs.uk/flu #winterwell\n"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "postcheck", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8"
    )


@pytest.fixture(scope="module")
def posts(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("posts")
    (root / "postcheck.toml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "postcheck", "server"]),
)
async def client(lsp_client: LanguageClient, posts: Path):
    lsp_client.registrations = []

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    lsp_client.initialized_with = await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            root_uri=posts.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=posts.as_uri(), name="posts")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str) -> list[lsp.Diagnostic]:
    """The next diagnostics published for `uri` (the caller removed the previous ones)."""

    async def wait() -> list[lsp.Diagnostic]:
        while uri not in client.diagnostics:
            await asyncio.sleep(0.01)
        return list(client.diagnostics[uri])

    return await asyncio.wait_for(wait(), 60)  # a guard against a hang, not a speed check


async def open_post(client: LanguageClient, path: Path, text: str) -> list[lsp.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text))
    )
    return await published(client, uri)


async def change(client: LanguageClient, path: Path, text: str, version: int) -> list[lsp.Diagnostic]:
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await published(client, uri)


def codes(diagnostics: list[lsp.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def utf16_column(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-16-le")) // 2


def edits_in(action: lsp.CodeAction, uri: str, version: int | None = None) -> list[lsp.TextEdit]:
    """The edits an action makes to `uri`; versioned (when the client takes `documentChanges`) at `version`, so
    that an editor refuses them once the text has moved on."""
    edit = action.edit
    if edit.document_changes:
        changes = [
            c for c in edit.document_changes if isinstance(c, lsp.TextDocumentEdit) and c.text_document.uri == uri
        ]
        assert len(changes) == 1
        if version is not None:
            assert changes[0].text_document.version == version
        return list(changes[0].edits)
    assert version is None, "the client takes versioned edits (documentChanges): these are not"
    return list(edit.changes[uri])


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) as an editor does."""
    lines = text.splitlines(keepends=True) + [""]

    def offset(position: lsp.Position) -> int:
        line = lines[position.line]
        units, index = 0, 0
        while units < position.character:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return sum(len(text_line) for text_line in lines[: position.line]) + index

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


@lsp_test
async def test_initialize_announces_diagnostics_code_actions_and_hover(client: LanguageClient):
    result = client.initialized_with
    assert result.server_info.name == "postcheck"
    info = result.capabilities
    assert info.hover_provider
    assert info.code_action_provider
    assert info.text_document_sync is not None


@lsp_test
async def test_open_gives_the_diagnostics_check_gives_with_utf16_ranges(client: LanguageClient, posts: Path):
    path = posts / "flu.md"
    diagnostics = await open_post(client, path, POST)
    report = json.loads(run_cli("check", "--format", "json", "flu.md", cwd=posts).stdout)
    lines = POST.splitlines()
    expected = sorted(
        (
            f["code"],
            f["line"] - 1,
            utf16_column(lines[f["line"] - 1], f["column"]),
            f["end_line"] - 1,
            utf16_column(lines[f["end_line"] - 1], f["end_column"]),
        )
        for f in report["findings"]
    )
    got = sorted(
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in diagnostics
    )
    assert got == expected
    assert {"A201", "L103"} <= set(codes(diagnostics))
    a201 = next(d for d in diagnostics if d.code == "A201" and "flujab" in d.message)
    assert a201.code_description is not None and "A201-hashtag-not-camel-case" in a201.code_description.href
    assert a201.severity == lsp.DiagnosticSeverity.Warning and a201.source == "postcheck"


@lsp_test
async def test_emoji_before_a_hashtag_counts_two_utf16_units(client: LanguageClient, posts: Path):
    text = "😷😷 #flujab\n"
    diagnostics = await open_post(client, posts / "emoji.md", text)
    a201 = next(d for d in diagnostics if d.code == "A201")
    # "😷😷 " is 3 code points but 5 UTF-16 code units; "#flujab" is 7 more
    assert (a201.range.start.line, a201.range.start.character, a201.range.end.character) == (0, 5, 12)


@lsp_test
async def test_change_that_fixes_a_problem_removes_its_diagnostic(client: LanguageClient, posts: Path):
    path = posts / "change.md"
    before = await open_post(client, path, POST)
    assert "L103" in codes(before)
    after = await change(client, path, POST.replace("http://", "https://"), 2)
    assert "L103" not in codes(after)
    assert "A201" in codes(after)


@lsp_test
async def test_quick_fix_for_a201_gives_the_text_fix_writes(client: LanguageClient, posts: Path):
    path = posts / "fixme.md"
    diagnostics = await open_post(client, path, POST)
    a201 = next(d for d in diagnostics if d.code == "A201" and "flujab" in d.message)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()),
            range=a201.range,
            context=lsp.CodeActionContext(diagnostics=[a201]),
        )
    )
    titles = [a.title for a in actions]
    assert "Write #FluJab" in titles
    assert "Fix all safe problems in this post" in titles
    assert "Suppress A201 in this post…" in titles
    fix = next(a for a in actions if a.title == "Write #FluJab")
    assert fix.kind == lsp.CodeActionKind.QuickFix and fix.is_preferred
    fixed_one = apply_edits(POST, edits_in(fix, path.as_uri(), 1))
    assert "#FluJab" in fixed_one and "#winterwell" in fixed_one

    fix_all = next(a for a in actions if a.title == "Fix all safe problems in this post")
    in_editor = apply_edits(POST, edits_in(fix_all, path.as_uri(), 1))
    copy = posts / "fixme-cli.md"
    copy.write_text(POST, encoding="utf-8")
    run_cli("check", "--fix", "fixme-cli.md", cwd=posts)
    assert in_editor == copy.read_text(encoding="utf-8")

    suppress = next(a for a in actions if a.title == "Suppress A201 in this post…")
    suppressed = apply_edits(POST, edits_in(suppress, path.as_uri(), 1))
    assert "postcheck:\n  ignore:\n    A201: " in suppressed and suppressed.startswith("---\nplatforms")
    after = await change(client, path, suppressed, 2)
    assert "F003" in codes(after)  # the reason is still to be written,
    assert "A201" in codes(after)  # and until it is, the suppression suppresses nothing
    reasoned = suppressed.replace('A201: ""', 'A201: "#winterwell is the campaign\'s own tag"')
    assert reasoned != suppressed
    after = await change(client, path, reasoned, 3)
    assert "A201" not in codes(after) and "F003" not in codes(after)


@lsp_test
async def test_hover_on_the_text_shows_its_length_per_platform(client: LanguageClient, posts: Path):
    path = posts / "hover.md"
    await open_post(client, path, POST)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=lsp.Position(3, 8))
    )
    assert hover is not None
    value = hover.contents.value
    assert "| X |" in value and "| 280 " in value
    assert "| Bluesky |" in value and "| 300 " in value
    hashtag = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=lsp.Position(3, 16))
    )
    assert "A201 hashtag-not-camel-case" in hashtag.contents.value  # the rule's explanation on its diagnostic


@lsp_test
async def test_hover_on_an_image_shows_its_size_and_format(client: LanguageClient, posts: Path):
    from PIL import Image

    Image.new("RGB", (64, 48), "red").save(posts / "poster.png")
    path = posts / "image.md"
    text = "---\nimages:\n  - file: poster.png\n    alt: A red poster\n---\nSee the poster.\n"
    await open_post(client, path, text)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=lsp.Position(2, 12))
    )
    assert "PNG, 64×48" in hover.contents.value


@lsp_test
async def test_hover_on_a_poster_shows_the_text_read_from_it(client: LanguageClient, posts: Path):
    from postcheck.media.ocr import engine_missing
    from tests.poster_factory import sample

    if engine_missing():
        pytest.skip(f"A107 cannot run here: {engine_missing()}")
    sample("flu-poster").draw(posts / "flu.png")
    path = posts / "flu.md"
    await open_post(client, path, "---\nimages:\n  - file: flu.png\n    alt: Flu clinic poster\n---\nOpen now.\n")
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=lsp.Position(2, 12))
    )
    assert (
        "Text in the image: Flu clinics, Monday to Friday, 9am to 5pm, No appointment needed." in hover.contents.value
    )


@lsp_test
async def test_an_image_added_later_is_seen_on_the_next_change(client: LanguageClient, posts: Path):
    path = posts / "later.md"
    text = "---\nimages:\n  - file: later.png\n    alt: A blue poster\n---\nSee the poster.\n"
    assert "F004" in codes(await open_post(client, path, text))
    from PIL import Image

    Image.new("RGB", (32, 32), "blue").save(posts / "later.png")
    assert "F004" not in codes(await change(client, path, text + "Soon.\n", 2))


@lsp_test
async def test_config_change_on_disk_updates_diagnostics(client: LanguageClient, tmp_path: Path):
    (tmp_path / "postcheck.toml").write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "config.md"
    assert "A201" in codes(await open_post(client, path, POST))
    (tmp_path / "postcheck.toml").write_text(CONFIG.replace("[links]", 'ignore = ["A201"]\n[links]'), "utf-8")
    client.diagnostics.pop(path.as_uri(), None)
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=(tmp_path / "postcheck.toml").as_uri(), type=lsp.FileChangeType.Changed)]
        )
    )
    assert "A201" not in codes(await published(client, path.as_uri()))


@lsp_test
async def test_the_server_asks_the_editor_to_watch_config_baseline_and_media(client: LanguageClient):
    async def registered() -> list[str]:
        while not client.registrations:
            await asyncio.sleep(0.01)
        options = client.registrations[0].register_options
        return [w["globPattern"] if isinstance(w, dict) else w.glob_pattern for w in _watchers(options)]

    patterns = await asyncio.wait_for(registered(), 60)
    assert "**/postcheck.toml" in patterns and "**/postcheck-baseline.json" in patterns
    assert any("png" in p and "vtt" in p for p in patterns)


def _watchers(options) -> list:
    return options["watchers"] if isinstance(options, dict) else options.watchers


@lsp_test
async def test_baselined_findings_are_left_out_and_a_baseline_change_is_seen(client: LanguageClient, tmp_path: Path):
    (tmp_path / "postcheck.toml").write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "old.md"
    path.write_text(POST, encoding="utf-8")
    made = run_cli("baseline", ".", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert codes(await open_post(client, path, POST)) == []  # everything in it was accepted
    (tmp_path / "postcheck-baseline.json").unlink()
    client.diagnostics.pop(path.as_uri(), None)
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[
                lsp.FileEvent(uri=(tmp_path / "postcheck-baseline.json").as_uri(), type=lsp.FileChangeType.Deleted)
            ]
        )
    )
    assert "A201" in codes(await published(client, path.as_uri()))


@lsp_test
async def test_a_broken_config_is_one_diagnostic_not_a_crash(client: LanguageClient, tmp_path: Path):
    (tmp_path / "postcheck.toml").write_text("platfroms = []\n", encoding="utf-8")
    diagnostics = await open_post(client, tmp_path / "broken-config.md", "Hello\n")
    assert len(diagnostics) == 1 and "did you mean 'platforms'" in diagnostics[0].message


@lsp_test
async def test_invalid_yaml_gives_f001_at_its_line_and_the_server_goes_on(client: LanguageClient, posts: Path):
    path = posts / "typing.md"
    await open_post(client, path, POST)
    half_typed = "---\nplatforms: [x, bluesky\nkind: post\n---\nBook your #flujab\n"
    diagnostics = await change(client, path, half_typed, 2)
    assert codes(diagnostics) == ["F001"]
    assert diagnostics[0].range.start.line == 2  # line 3 of the file, where YAML found the list unclosed
    unclosed = await change(client, path, "---\nplatforms: [x]\n", 3)
    assert codes(unclosed) == ["F001"]
    again = await change(client, path, POST, 4)
    assert "A201" in codes(again)


@lsp_test
async def test_closing_a_post_clears_its_diagnostics(client: LanguageClient, posts: Path):
    path = posts / "close.md"
    await open_post(client, path, POST)
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri=path.as_uri())))
    assert await published(client, path.as_uri()) == []


@lsp_test
async def test_an_untitled_or_remote_document_is_passed_over_without_an_error(client: LanguageClient, posts: Path):
    """VS Code's "Untitled-1" and a document from a remote file system are no files postcheck can place."""
    for uri in ("untitled:Untitled-1", "https://example.org/post.md", "vscode-vfs://github/x/y/post.md"):
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="Hi"))
        )
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri=uri)))
    assert "A201" in codes(await open_post(client, posts / "after-untitled.md", POST))  # checked after them
    errors = [m.message for m in client.log_messages + client.messages if m.type == lsp.MessageType.Error]
    assert not [m for m in errors if "TypeError" in m or "internal error" in m], errors


def test_server_without_its_extra_says_how_to_install_it(tmp_path: Path):
    blocker = tmp_path / "pygls"  # a package that fails to import stands for pygls not being installed
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('No module named pygls')\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "postcheck", "server"], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 2
    assert "pip install 'postcheck[server]'" in done.stderr


PLUGIN = Path(__file__).resolve().parent / "crashing_plugin"


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "postcheck", "server"],
        server_env={**os.environ, "PYTHONPATH": os.pathsep.join([str(PLUGIN), os.environ.get("PYTHONPATH", "")])},
    ),
)
async def crashing_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_an_internal_error_is_logged_and_the_server_goes_on(crashing_client: LanguageClient, tmp_path: Path):
    path = tmp_path / "crash.md"
    path.write_text("crash-me #flujab\n", encoding="utf-8")
    crashing_client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=1, text="crash-me #flujab\n")
        )
    )

    async def logged() -> str:
        while not any("internal error" in m.message for m in crashing_client.log_messages):
            await asyncio.sleep(0.01)
        return next(m.message for m in crashing_client.log_messages if "internal error" in m.message)

    message = await asyncio.wait_for(logged(), 60)
    assert "this rule fails on purpose" in message
    assert path.as_uri() not in crashing_client.diagnostics
    after = await change(crashing_client, path, "fine now #flujab\n", 2)
    assert "A201" in codes(after)


@lsp_test
async def test_a_problem_in_a_caption_file_shows_on_the_posts_reference_to_it(client: LanguageClient, posts: Path):
    from tests.video_factory import make_video

    make_video(posts / "clip.mp4", 2.0)
    long_line = "This caption line is far longer than forty-two characters allow"
    (posts / "clip.vtt").write_text(f"WEBVTT\n\n00:00.000 --> 00:01.500\n{long_line}\n", encoding="utf-8")
    text = "---\nvideos:\n  - file: clip.mp4\n---\nWatch our clinic video.\n"
    diagnostics = await open_post(client, posts / "video.md", text)
    a305 = next(d for d in diagnostics if d.code == "A305")
    assert a305.message.startswith("clip.vtt:4:")
    assert (a305.range.start.line, a305.range.start.character) == (2, 10)  # `clip.mp4` in the front matter
    related = a305.related_information[0].location
    assert related.uri == (posts / "clip.vtt").as_uri() and related.range.start.line == 3


def _suppressed(tmp_path: Path, name: str, text: str, code: str) -> str:
    """The text after the "Suppress CODE in this post…" action on the first finding of `code`."""
    from postcheck import engine, server
    from postcheck.config import load_config

    path = tmp_path / name
    result = engine.check_source(path, text, load_config(None), engine.Options(cache=False))
    finding = next(f for f in result.findings if f.code == code)
    action = server.suppress_action(path.as_uri(), server.diagnostic(finding), finding)
    return apply_edits(text, edits_in(action, path.as_uri()))


def test_suppress_joins_the_existing_ignore_entries(tmp_path: Path):
    text = '---\npostcheck:\n  ignore:\n    A205: "the campaign name is in capitals"\n---\nBook your #flujab\n'
    after = _suppressed(tmp_path, "post.md", text, "A201")
    assert after == text.replace('capitals"\n', 'capitals"\n    A201: ""  # why this post may break the rule\n')


def test_suppress_adds_front_matter_to_a_post_without_it(tmp_path: Path):
    after = _suppressed(tmp_path, "post.md", "Book your #flujab\n", "A201")
    assert after.startswith('---\npostcheck:\n  ignore:\n    A201: ""  # why this post may break the rule\n---\nBook')


def test_suppress_in_a_yaml_post_appends_the_key(tmp_path: Path):
    after = _suppressed(tmp_path, "post.yaml", 'text: "Book your #flujab"', "A201")
    added = 'postcheck:\n  ignore:\n    A201: ""  # why this post may break the rule\n'
    assert after == 'text: "Book your #flujab"\n' + added


@lsp_test
async def test_an_unsafe_fix_is_offered_but_not_preferred(client: LanguageClient, posts: Path):
    path = posts / "alt.md"
    text = "---\nimages:\n  - file: poster.png\n    alt: Image of a nurse giving a flu jab\n---\nBook now.\n"
    from PIL import Image

    Image.new("RGB", (16, 16), "white").save(posts / "poster.png")
    diagnostics = await open_post(client, path, text)
    a103 = next(d for d in diagnostics if d.code == "A103")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()),
            range=a103.range,
            context=lsp.CodeActionContext(diagnostics=[a103]),
        )
    )
    fix = next(a for a in actions if a.kind == lsp.CodeActionKind.QuickFix and "unsafe" in a.title)
    assert not fix.is_preferred
    assert "alt: A nurse giving a flu jab" in apply_edits(text, edits_in(fix, path.as_uri(), 1))
    assert not any(a.title == "Fix all safe problems in this post" for a in actions)  # an unsafe fix is not safe


def test_media_results_are_reused_across_checks_until_the_file_changes(tmp_path: Path, monkeypatch):
    import functools
    import os

    from PIL import Image

    from postcheck import server
    from postcheck.media import images

    frames = [Image.new("RGB", (16, 16), colour) for colour in ("black", "white", "black")]
    frames[0].save(tmp_path / "blink.gif", save_all=True, append_images=frames[1:], duration=500, loop=0)
    analysed = []

    @functools.wraps(images.flash_report)  # the same name: the run's memo is keyed by it
    def counting(path):
        analysed.append(path)
        return real(path)

    real = images.flash_report
    monkeypatch.setattr(images, "flash_report", counting)
    lsp_server = server.PostcheckServer()
    uri = (tmp_path / "blink.md").as_uri()
    text = "---\nimages:\n  - file: blink.gif\n    alt: A sign that blinks\n---\nSee it.\n"
    lsp_server.check_text(uri, text)
    lsp_server.check_text(uri, text + "Now.\n")
    assert len(analysed) == 1  # the second check, as typing goes on, reused the analysis
    info = os.stat(tmp_path / "blink.gif")
    os.utime(tmp_path / "blink.gif", ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    lsp_server.check_text(uri, text)
    assert len(analysed) == 2  # the file changed: analysed again


# ---------------------------------------------------------------------------------------------------------------------
# How an editor really drives the server: odd documents, typing bursts, file events, quick fixes on moving text.


@lsp_test
async def test_a_change_to_a_document_never_opened_is_ignored_without_an_error(client: LanguageClient, posts: Path):
    path = posts / "never-opened.md"
    before = len(client.log_messages) + len(client.messages)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="Book your #flujab\n")],
        )
    )
    assert "A201" in codes(await open_post(client, path, POST))  # the server goes on, and opens it afresh
    said = [m.message for m in (client.log_messages + client.messages)[before:]]
    assert not [m for m in said if "KeyError" in m or "Error in server" in m or "Traceback" in m], said


@lsp_test
async def test_a_broken_config_is_reported_once_and_again_only_when_it_changes(client: LanguageClient, tmp_path: Path):
    config = tmp_path / "postcheck.toml"
    config.write_text("platfroms = []\n", encoding="utf-8")
    before = len(client.messages), len(client.log_messages)
    paths = [tmp_path / f"post-{n}.md" for n in range(3)]
    for path in paths:
        diagnostics = await open_post(client, path, "Hello\n")
        assert len(diagnostics) == 1 and "did you mean 'platforms'" in diagnostics[0].message  # on each post
    for _ in range(2):  # every open post is checked again: nothing new to say
        await watched_change(client, config, paths)

    shown = [m for m in client.messages[before[0] :] if "platfroms" in m.message]
    assert len(shown) == 1 and "\n" not in shown[0].message and shown[0].type == lsp.MessageType.Error
    assert len([m for m in client.log_messages[before[1] :] if "platfroms" in m.message]) == 1  # and logged once

    config.write_text("platforms = [\n", encoding="utf-8")  # still broken, differently
    again = len(client.messages), len(client.log_messages)
    await watched_change(client, config, paths)
    assert len([m for m in client.messages[again[0] :] if "postcheck.toml" in m.message]) == 1
    config.write_text('platforms = ["x"]\n', encoding="utf-8")
    fixed = await watched_change(client, config, paths)
    assert all("cannot check" not in d.message for diagnostics in fixed for d in diagnostics)


async def watched_change(client: LanguageClient, changed: Path, paths: list[Path]) -> list[list[lsp.Diagnostic]]:
    """Tell the server a file changed on disk, as an editor's watcher does; the open posts' new diagnostics."""
    for path in paths:
        client.diagnostics.pop(path.as_uri(), None)
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=changed.as_uri(), type=lsp.FileChangeType.Changed)])
    )
    return [await published(client, path.as_uri()) for path in paths]


@lsp_test
async def test_a_pyproject_toml_being_typed_is_a_broken_config_not_an_internal_error(client: LanguageClient, tmp_path):
    """A half-typed pyproject.toml cannot even be read to see whether it holds [tool.postcheck]."""
    (tmp_path / "pyproject.toml").write_text('[tool.postcheck\nplatforms = ["x"]\n', encoding="utf-8")
    before = len(client.log_messages)
    diagnostics = await open_post(client, tmp_path / "typing.md", POST)
    assert len(diagnostics) == 1 and "pyproject.toml" in diagnostics[0].message
    assert not [m.message for m in client.log_messages[before:] if "internal error" in m.message]
    (tmp_path / "pyproject.toml").write_text('[tool.postcheck]\nplatforms = ["x"]\n', encoding="utf-8")
    (fixed,) = await watched_change(client, tmp_path / "pyproject.toml", [tmp_path / "typing.md"])
    assert "A201" in codes(fixed)


@lsp_test
async def test_closing_a_post_that_could_not_be_checked_clears_its_diagnostic(client: LanguageClient, tmp_path: Path):
    (tmp_path / "postcheck.toml").write_text("platfroms = []\n", encoding="utf-8")
    path = tmp_path / "unchecked.md"
    assert len(await open_post(client, path, "Hello\n")) == 1
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri=path.as_uri())))
    assert await published(client, path.as_uri()) == []


@lsp_test
async def test_text_with_a_lone_surrogate_is_checked_not_an_internal_error(client: LanguageClient, posts: Path):
    """An editor may hold half an emoji (a lone UTF-16 surrogate) while a paste or a keystroke is under way."""
    before = len(client.log_messages)
    uri = (posts / "half-emoji.md").as_uri()  # (no file: a lone surrogate cannot be written as UTF-8)
    item = lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="\ud83d Book your #flujab\n")
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(item))
    diagnostics = await published(client, uri)
    a201 = next(d for d in diagnostics if d.code == "A201")
    assert (a201.range.start.character, a201.range.end.character) == (12, 19)  # the surrogate is one unit
    assert not [m.message for m in client.log_messages[before:] if "internal error" in m.message]


@lsp_test
@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x0c", "\x1e"])
async def test_a_character_python_splits_lines_at_does_not_move_an_incremental_change(
    client: LanguageClient, posts: Path, separator: str
):
    """LSP lines end only at LF, CRLF and CR: U+2028, NEL or a form feed inside a line must not shift an edit."""
    path = posts / "separator.md"
    text = f"Wash{separator}hands\nBook today\n"
    await open_post(client, path, text)
    client.diagnostics.pop(path.as_uri(), None)
    at = lsp.Position(line=1, character=0)  # the start of "Book today", as the editor counts lines
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[lsp.TextDocumentContentChangePartial(range=lsp.Range(at, at), text="#flujab ")],
        )
    )
    a201 = next(d for d in await published(client, path.as_uri()) if d.code == "A201")
    assert (a201.range.start.line, a201.range.start.character, a201.range.end.character) == (1, 0, 7)


@lsp_test
async def test_astral_characters_and_crlf_before_a_finding_give_utf16_ranges(client: LanguageClient, posts: Path):
    text = "---\r\nplatforms: [x]\r\n---\r\n𠀀𠀁 é Book\r\n👩‍⚕️ says #flujab\r\n"
    diagnostics = await open_post(client, posts / "astral.md", text)
    a201 = next(d for d in diagnostics if d.code == "A201")
    # "👩‍⚕️ says " is 👩 (2) + ZWJ (1) + ⚕ (1) + VS16 (1) + " says " (6) = 11 UTF-16 units
    assert (a201.range.start.line, a201.range.start.character, a201.range.end.character) == (4, 11, 18)
    lone_cr = await open_post(client, posts / "lone-cr.md", "Book\r😷 #flujab\r")
    a201 = next(d for d in lone_cr if d.code == "A201")
    assert (a201.range.start.line, a201.range.start.character) == (1, 3)


@lsp_test
async def test_a_byte_order_mark_kept_in_the_text_shifts_nothing(client: LanguageClient, posts: Path):
    """Most editors hide a BOM; one that sends it counts it as a character of line 0, so ranges and fixes must."""
    path = posts / "bom.md"
    text = "\ufeffBook #flujab now\n"
    a201 = next(d for d in await open_post(client, path, text) if d.code == "A201")
    assert (a201.range.start.character, a201.range.end.character) == (6, 13)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()),
            range=a201.range,
            context=lsp.CodeActionContext(diagnostics=[a201]),
        )
    )
    for title in ("Write #FluJab", "Fix all safe problems in this post"):
        action = next(a for a in actions if a.title == title)
        assert apply_edits(text, edits_in(action, path.as_uri(), 1)) == "\ufeffBook #FluJab now\n", title
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=lsp.Position(0, 7))
    )
    assert "A201" in hover.contents.value


@lsp_test
async def test_quick_fixes_asked_for_at_once_after_a_change_are_for_the_new_text(client: LanguageClient, posts: Path):
    """An editor asks for code actions as the cursor moves, before the check of the latest text has finished."""
    path = posts / "moving.md"
    await open_post(client, path, "Stay well.\n")
    text = "Stay well.\n😷 Book your #flujab\n"
    for version in (2, 3):
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    start, end = lsp.Position(line=1, character=13), lsp.Position(line=1, character=20)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()),
            range=lsp.Range(start, end),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    fix = next(a for a in actions if a.title == "Write #FluJab")
    assert apply_edits(text, edits_in(fix, path.as_uri(), 3)) == text.replace("#flujab", "#FluJab")
    fix_all = next(a for a in actions if a.title == "Fix all safe problems in this post")
    assert apply_edits(text, edits_in(fix_all, path.as_uri(), 3)) == text.replace("#flujab", "#FluJab")


@lsp_test
async def test_saving_a_post_checks_it_and_saving_the_config_checks_every_open_post(client: LanguageClient, tmp_path):
    config = tmp_path / "postcheck.toml"
    config.write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "saved.md"
    assert "A201" in codes(await open_post(client, path, POST))
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri=path.as_uri())))
    assert "A201" in codes(await published(client, path.as_uri()))
    config.write_text('ignore = ["A201"]\n' + CONFIG, encoding="utf-8")
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri=config.as_uri())))
    assert "A201" not in codes(await published(client, path.as_uri()))


@lsp_test
async def test_a_new_image_beside_a_post_is_seen_when_the_editor_reports_it(client: LanguageClient, tmp_path: Path):
    from PIL import Image

    path = tmp_path / "poster-later.md"
    text = "---\nimages:\n  - file: media/arrives.png\n    alt: A green poster\n---\nSee the poster.\n"
    assert "F004" in codes(await open_post(client, path, text))
    (tmp_path / "media").mkdir()
    Image.new("RGB", (32, 32), "green").save(tmp_path / "media" / "arrives.png")
    client.diagnostics.pop(path.as_uri(), None)
    event = lsp.FileEvent(uri=(tmp_path / "media" / "arrives.png").as_uri(), type=lsp.FileChangeType.Created)
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[event]))
    assert "F004" not in codes(await published(client, path.as_uri()))


@lsp_test
async def test_files_the_config_excludes_are_not_checked(client: LanguageClient, tmp_path: Path):
    """A README, a CHANGELOG or a file under node_modules is no post (as `check --force-exclude` judges)."""
    excluded = 'exclude = ["README*", "CHANGELOG*", "node_modules", "drafts/old"]\n'
    (tmp_path / "postcheck.toml").write_text(excluded, encoding="utf-8")
    for name in ("README.md", "CHANGELOG.md", "node_modules/pkg/notes.md", "drafts/old/flu.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        assert await open_post(client, path, POST) == [], name
    assert "A201" in codes(await open_post(client, tmp_path / "drafts" / "flu.md", POST))
    assert "A201" in codes(await open_post(client, tmp_path / "flu.markdown", POST))  # named: `include` is for folders


@lsp_test
@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("huge.md", "Book your #flujab. " * 60_000, "F001"),  # over 1 MB
        ("binary.md", "Book\0your #flujab", "F001"),
        ("post.yaml", 'text: "Book your #flujab"\n', "A201"),
        ("post.json", '{"text": "Book your #flujab"}', "A201"),
        ("bulk.csv", "date,time_24hr,message_text\n01/12/2030,09:30,Book your #flujab\n", "A201"),
    ],
)
async def test_what_an_editor_may_send_as_a_post(client: LanguageClient, tmp_path: Path, name, text, expected):
    (tmp_path / "postcheck.toml").write_text(CONFIG, encoding="utf-8")
    assert expected in codes(await open_post(client, tmp_path / name, text))


@lsp_test
async def test_files_that_are_no_posts_get_no_diagnostics(client: LanguageClient, tmp_path: Path):
    (tmp_path / "postcheck.toml").write_text(CONFIG, encoding="utf-8")
    assert await open_post(client, tmp_path / "package.json", '{"name": "site", "version": "1.0.0"}') == []
    assert await open_post(client, tmp_path / "export.csv", "id,name\n1,#flujab\n") == []
    notes = tmp_path / "notes.txt"  # not a post type: never checked, nothing published
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=notes.as_uri(), language_id="plaintext", version=1, text="#flujab")
        )
    )
    assert "A201" in codes(await open_post(client, tmp_path / "after-notes.md", POST))
    assert notes.as_uri() not in client.diagnostics


# ---------------------------------------------------------------------------------------------------------------------
# The protocol itself, spoken as raw JSON-RPC (Content-Length framing) by a client that prefers UTF-8 positions, as
# Neovim does: malformed messages, unknown methods, cancellation, shutdown and exit.

SRC = str(Path(__import__("postcheck").__file__).resolve().parents[1])  # the postcheck under test, wherever run


class Wire:
    """`postcheck server` in a process of its own, spoken to in raw JSON-RPC over its stdin and stdout."""

    def __init__(self, cwd: Path, **env: str):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]), **env}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "postcheck", "server"],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.received: list[dict] = []
        self.stderr: list[str] = []
        self.ended = False
        self.arrived = threading.Condition()
        self.last_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read(self) -> None:
        out = self.process.stdout
        while True:
            length = None
            while (line := out.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line or length is None:
                break
            message = json.loads(out.read(length))
            with self.arrived:
                self.received.append(message)
                self.arrived.notify_all()
        with self.arrived:
            self.ended = True
            self.arrived.notify_all()

    def _read_stderr(self) -> None:
        for line in self.process.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def send(self, message: dict | bytes) -> None:
        body = message if isinstance(message, bytes) else json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: object) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: object) -> dict:
        """Send a request and wait for its response."""
        self.last_id += 1
        ident = self.last_id
        self.send({"id": ident, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == ident and "method" not in m)

    def wait_for(self, wanted: Callable[[dict], bool], since: int = 0, timeout: float = 60) -> dict:
        """The first message from index `since` on that is `wanted`, waiting for it to arrive."""
        deadline = time.monotonic() + timeout  # a guard against a hang, not a speed check
        with self.arrived:
            while True:
                found = next((m for m in self.received[since:] if wanted(m)), None)
                if found is not None:
                    return found
                if self.ended or time.monotonic() > deadline:
                    raise AssertionError(f"no such message; received {self.received[since:]}")
                self.arrived.wait(deadline - time.monotonic())

    def diagnostics(self, uri: str, since: int) -> dict:
        """The next publishDiagnostics for `uri` after message `since`."""
        return self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, since
        )["params"]

    def open(self, path: Path, text: str, language: str = "markdown") -> dict:
        since = len(self.received)
        item = {"uri": path.as_uri(), "languageId": language, "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})
        return self.diagnostics(path.as_uri(), since)

    def popups(self) -> list[str]:
        return [m["params"]["message"] for m in self.received if m.get("method") == "window/showMessage"]

    def initialize(self, **params: object) -> dict:
        answer = self.request("initialize", {"processId": None, "capabilities": {}, **params})
        self.notify("initialized", {})
        return answer

    def exit_code(self) -> int:
        return self.process.wait(timeout=30)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


@pytest.fixture(scope="module")
def above(tmp_path_factory) -> Path:
    """A folder holding a workspace (`ws`, no config, no git) and, outside it, a file no post there may read."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("above")
    (folder / "ws" / "sub").mkdir(parents=True)
    Image.new("RGB", (8, 8), "black").save(folder / "private.png")
    return folder


@pytest.fixture(scope="module")
def wire(above: Path):
    """One server for the raw tests, started (as an editor might) in a folder above its workspace."""
    server = Wire(cwd=above)
    capabilities = {
        "general": {"positionEncodings": ["utf-8", "utf-16"]},
        "workspace": {"workspaceEdit": {"documentChanges": True}},
    }
    ws = (above / "ws").as_uri()
    answer = server.initialize(rootUri=ws, workspaceFolders=[{"uri": ws, "name": "ws"}], capabilities=capabilities)
    server.encoding = answer["result"]["capabilities"].get("positionEncoding")
    yield server
    server.close()


def no_traceback(wire: Wire) -> None:
    said = [m["params"]["message"] for m in wire.received if m.get("method") in ("window/logMessage",)]
    assert not [m for m in said + wire.stderr if "Traceback" in m], (said, wire.stderr)
    assert not wire.popups(), wire.popups()


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("textDocument/hover", {"textDocument": {"uri": "file:///tmp/a.md"}}),  # no position
        ("textDocument/hover", {"textDocument": {"uri": 7}, "position": {"line": "x", "character": 0}}),
        ("textDocument/codeAction", {"textDocument": {"uri": "file:///tmp/a.md"}, "range": "here", "context": {}}),
        ("textDocument/codeAction", None),
    ],
)
def test_a_request_with_malformed_params_gets_invalid_params(wire: Wire, above: Path, method, params):
    answer = wire.request(method, params)
    assert answer["error"]["code"] == -32602, answer
    assert method in answer["error"]["message"]
    hover = {"textDocument": {"uri": (above / "ws" / "x.md").as_uri()}, "position": {"line": 0, "character": 0}}
    assert wire.request("textDocument/hover", hover) == {"jsonrpc": "2.0", "id": wire.last_id, "result": None}
    no_traceback(wire)


def test_a_notification_with_malformed_params_is_dropped_quietly(wire: Wire, above: Path):
    wire.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///tmp/b.md"}})  # no text, no version
    wire.notify("textDocument/didChange", {"textDocument": {"uri": 3}, "contentChanges": "all"})
    wire.notify("workspace/didChangeWatchedFiles", {})
    assert "A201" in str(wire.open(above / "ws" / "after-bad.md", "Book your #flujab\n")["diagnostics"])
    no_traceback(wire)


def test_invalid_json_gets_a_parse_error_and_a_non_request_an_invalid_request(wire: Wire, above: Path):
    since = len(wire.received)
    wire.send(b"{this is not json")
    error = wire.wait_for(lambda m: "error" in m, since)
    assert error["id"] is None and error["error"]["code"] == -32700
    for body in (b"[1, 2]", b'{"id": 41, "method": "textDocument/hover"}', b'"hello"'):
        since = len(wire.received)
        wire.send(body)
        error = wire.wait_for(lambda m: "error" in m, since)
        assert error["error"]["code"] == -32600, error
    assert "A201" in str(wire.open(above / "ws" / "after-junk.md", "Book your #flujab\n")["diagnostics"])
    no_traceback(wire)


def test_an_unknown_request_is_method_not_found_and_an_unknown_notification_is_ignored(wire: Wire):
    wire.notify("postcheck/unknown", {"any": "thing"})
    wire.notify("$/somethingNew", {})
    assert wire.request("postcheck/unknown", {})["error"]["code"] == -32601
    assert wire.request("$/somethingNew", None)["error"]["code"] == -32601
    no_traceback(wire)


def test_a_cancelled_request_is_still_answered_and_an_unknown_cancel_is_ignored(wire: Wire, above: Path):
    path = above / "ws" / "cancel.md"
    wire.open(path, "Book your #flujab\n")
    wire.notify("$/cancelRequest", {"id": 9999})
    since = len(wire.received)
    wire.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": path.as_uri(), "version": 2}, "contentChanges": [{"text": "Book your #winterwell\n"}]},
    )
    ident = wire.last_id = wire.last_id + 1
    at = {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 21}}
    params = {"textDocument": {"uri": path.as_uri()}, "range": at, "context": {"diagnostics": []}}
    wire.send({"id": ident, "method": "textDocument/codeAction", "params": params})
    wire.notify("$/cancelRequest", {"id": ident})
    answer = wire.wait_for(lambda m: m.get("id") == ident and "method" not in m, since)
    assert "result" in answer or answer["error"]["code"] == -32800, answer  # an answer either way: no waiting
    assert wire.diagnostics(path.as_uri(), since)["version"] == 2
    no_traceback(wire)


def test_positions_are_in_the_encoding_the_client_chose(wire: Wire, above: Path):
    assert wire.encoding == "utf-8"
    path = above / "ws" / "utf8.md"
    text = "é😷 Book your #flujab\n"
    a201 = next(d for d in wire.open(path, text)["diagnostics"] if d["code"] == "A201")
    # é is 2 bytes, 😷 4, then " Book your " 11: #flujab starts at byte 17
    assert (a201["range"]["start"]["character"], a201["range"]["end"]["character"]) == (17, 24)
    params = {"textDocument": {"uri": path.as_uri()}, "range": a201["range"], "context": {"diagnostics": [a201]}}
    actions = wire.request("textDocument/codeAction", params)["result"]
    fix = next(a for a in actions if a["title"] == "Write #FluJab")
    (change,) = fix["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": path.as_uri(), "version": 1}
    assert [e["range"] for e in change["edits"]] == [a201["range"]]
    hover = {"textDocument": {"uri": path.as_uri()}, "position": {"line": 0, "character": 18}}
    assert "A201" in wire.request("textDocument/hover", hover)["result"]["contents"]["value"]


def test_an_incremental_change_in_utf8_positions_lands_where_the_editor_put_it(wire: Wire, above: Path):
    path = above / "ws" / "typing-utf8.md"
    wire.open(path, "ö😷 Book your #flu\n")
    since = len(wire.received)
    at = {"line": 0, "character": 21}  # after "#flu": ö is 2 bytes, 😷 4, " Book your #flu" 15
    change = {"range": {"start": at, "end": at}, "text": "jab"}
    wire.notify(
        "textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": 2}, "contentChanges": [change]}
    )
    (a201,) = [d for d in wire.diagnostics(path.as_uri(), since)["diagnostics"] if d["code"] == "A201"]
    assert "#flujab" in a201["message"] and (
        a201["range"]["start"]["character"],
        a201["range"]["end"]["character"],
    ) == (17, 24)


def test_a_burst_of_changes_publishes_in_version_order_ending_with_the_last(wire: Wire, above: Path):
    path = above / "ws" / "burst.md"
    wire.open(path, "Start.\n")
    since = len(wire.received)
    texts = {version: "x" * version + " #flujab\n" for version in range(2, 32)}
    for version, text in texts.items():
        change = {"textDocument": {"uri": path.as_uri(), "version": version}, "contentChanges": [{"text": text}]}
        wire.notify("textDocument/didChange", change)
    wire.wait_for(lambda m: m.get("params", {}).get("uri") == path.as_uri() and m["params"].get("version") == 31, since)
    hover = {"textDocument": {"uri": path.as_uri()}, "position": {"line": 0, "character": 0}}
    wire.request("textDocument/hover", hover)  # anything still to come for older text would have come by now
    published = [
        m["params"]
        for m in wire.received[since:]
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == path.as_uri()
    ]
    versions = [p["version"] for p in published]
    assert versions == sorted(versions) and versions[-1] == 31, versions
    for p in published:  # each publication speaks of the text of its version: #flujab after `version` x's
        assert [d["range"]["start"]["character"] for d in p["diagnostics"]] == [p["version"] + 1], p


def test_media_outside_the_workspace_is_never_read(wire: Wire, above: Path):
    """The server starts in a folder above the workspace: a post there may still not read beside the workspace."""
    inside = wire.open(
        above / "ws" / "sub" / "peek.md", "---\nimages:\n  - file: ../../private.png\n    alt: A dark square\n---\nHi\n"
    )
    assert [d["code"] for d in inside["diagnostics"]] == ["F005"]
    stray = above / "elsewhere" / "deeper"
    stray.mkdir(parents=True)
    outside = wire.open(
        stray / "peek.md", "---\nimages:\n  - file: ../../private.png\n    alt: A dark square\n---\nHi\n"
    )
    assert [d["code"] for d in outside["diagnostics"]] == ["F005"]
    assert not list(above.rglob(".postcheck_cache"))  # nor is anything written outside a posts folder
    no_traceback(wire)


def test_shutdown_then_requests_are_invalid_and_exit_ends_with_0(tmp_path: Path):
    (tmp_path / "tmp").mkdir()
    server = Wire(cwd=tmp_path, TMPDIR=str(tmp_path / "tmp"))
    try:
        server.initialize()  # no rootUri, no workspace folders: a single file opened from the command line
        assert "A201" in str(server.open(tmp_path / "alone.md", "Book your #flujab\n")["diagnostics"])
        unsaved = tmp_path / "folder-not-made-yet" / "new.md"  # (`vim new/post.md` before the folder is made)
        assert "A201" in str(server.open(unsaved, "Book your #flujab\n")["diagnostics"])
        assert server.request("shutdown", None)["result"] is None
        hover = {"textDocument": {"uri": (tmp_path / "alone.md").as_uri()}, "position": {"line": 0, "character": 0}}
        assert server.request("textDocument/hover", hover)["error"]["code"] == -32600
        assert server.request("shutdown", None)["error"]["code"] == -32600
        server.notify("exit", None)
        assert server.exit_code() == 0
        assert list((tmp_path / "tmp").iterdir()) == []  # the server's own working folder went with it
    finally:
        server.close()


def test_before_initialize_requests_are_refused_and_exit_without_shutdown_ends_with_1(tmp_path: Path):
    server = Wire(cwd=tmp_path)
    try:
        hover = {"textDocument": {"uri": (tmp_path / "a.md").as_uri()}, "position": {"line": 0, "character": 0}}
        assert server.request("textDocument/hover", hover)["error"]["code"] == -32002
        server.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": (tmp_path / "a.md").as_uri(),
                    "languageId": "markdown",
                    "version": 1,
                    "text": "#flujab",
                }
            },
        )
        answer = server.request(
            "initialize", {"processId": None, "rootUri": (tmp_path / "no-such-folder").as_uri(), "capabilities": {}}
        )
        assert answer["result"]["serverInfo"]["name"] == "postcheck"
        server.send({"method": "initialized"})  # without its (empty) params, as some clients send it: still heard
        assert "A201" in str(server.open(tmp_path / "b.md", "Book your #flujab\n")["diagnostics"])
        assert not [m for m in server.received if m.get("params", {}).get("uri") == (tmp_path / "a.md").as_uri()]
        assert server.request("initialize", {"processId": None, "capabilities": {}})["error"]["code"] == -32600
        assert not [m for m in server.received if "ignored initialized" in str(m)]
        no_traceback(server)
        server.notify("exit", None)
        assert server.exit_code() == 1
    finally:
        server.close()


@pytest.mark.parametrize(
    ("encoding", "before_hashtag"),
    [("utf-8", 2 + 4 + 3 + 1), ("utf-16", 1 + 2 + 1 + 1), ("utf-32", 1 + 1 + 1 + 1)],
)
def test_columns_count_the_code_units_of_each_position_encoding(encoding: str, before_hashtag: int):
    """é, 😷, a lone surrogate (half an emoji, one unit in UTF-16 and UTF-32, three bytes in UTF-8 as editors
    write it), then the hashtag: each encoding's column of it, and back."""
    from postcheck import server

    text = "é😷\ud83d #flujab\n"
    assert server.units(text[:4], encoding) == before_hashtag
    assert server.index_at(text.rstrip("\n"), before_hashtag, encoding) == 4
    change = lsp.TextDocumentContentChangePartial(
        range=lsp.Range(lsp.Position(0, before_hashtag + 1), lsp.Position(0, before_hashtag + 4)), text="FLU"
    )
    assert server.apply_change(text, change, encoding) == "é😷\ud83d #FLUjab\n"
    past_the_end = lsp.Position(5, 99)  # a position past the text is its end, as the specification reads it
    end = lsp.TextDocumentContentChangePartial(range=lsp.Range(past_the_end, past_the_end), text="!")
    assert server.apply_change(text, end, encoding) == text + "!"


def test_with_a_debounce_a_burst_of_typing_is_checked_once_at_its_end(tmp_path: Path):
    server = Wire(cwd=tmp_path)
    try:
        server.initialize(rootUri=tmp_path.as_uri(), initializationOptions={"debounce": 300})
        path = tmp_path / "typing.md"
        server.open(path, "B\n")  # opening is checked at once
        since = len(server.received)
        for version in range(2, 12):
            text = "x" * version + " #flujab\n"
            change = {"textDocument": {"uri": path.as_uri(), "version": version}, "contentChanges": [{"text": text}]}
            server.notify("textDocument/didChange", change)
        last = server.wait_for(lambda m: m.get("params", {}).get("version") == 11, since)
        published = [m for m in server.received[since:] if m.get("method") == "textDocument/publishDiagnostics"]
        assert len(published) < 10  # not one check per keystroke (one, unless the machine stalled mid-burst)
        assert [d["range"]["start"]["character"] for d in last["params"]["diagnostics"]] == [12]
    finally:
        server.close()
