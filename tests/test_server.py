"""`postcheck server` end to end: a real LSP client (pytest-lsp) drives the server over stdio."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
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
    fixed_one = apply_edits(POST, fix.edit.changes[path.as_uri()])
    assert "#FluJab" in fixed_one and "#winterwell" in fixed_one

    fix_all = next(a for a in actions if a.title == "Fix all safe problems in this post")
    in_editor = apply_edits(POST, fix_all.edit.changes[path.as_uri()])
    copy = posts / "fixme-cli.md"
    copy.write_text(POST, encoding="utf-8")
    run_cli("check", "--fix", "fixme-cli.md", cwd=posts)
    assert in_editor == copy.read_text(encoding="utf-8")

    suppress = next(a for a in actions if a.title == "Suppress A201 in this post…")
    suppressed = apply_edits(POST, suppress.edit.changes[path.as_uri()])
    assert "postcheck:\n  ignore:\n    A201: " in suppressed and suppressed.startswith("---\nplatforms")
    after = await change(client, path, suppressed, 2)
    assert "A201" not in codes(after)
    assert "F003" in codes(after)  # the reason is still to be written


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
    return apply_edits(text, action.edit.changes[path.as_uri()])


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
    assert "alt: A nurse giving a flu jab" in apply_edits(text, fix.edit.changes[path.as_uri()])
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
