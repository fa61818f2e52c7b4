"""What a new user meets first: files that are no posts, flags that conflict, rule names, typos, the effective
configuration, stdin, and the rule documentation every finding links to."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.conftest import FIXED_NOW, run_cli, write

ROOT = Path(__file__).resolve().parents[1]
MISSING = "---\nplatforms: [x]\nimages:\n  - file: media/gone.png\n    alt: Clinic times\n---\nBook your #flujab.\n"
RENOVATE = '{"extends": ["config:recommended"]}\n'
MKDOCS = "site_name: Posts\ntheme:\n  icon: !!python/name:material.extensions.emoji.twemoji\n"


# --- files named on the command line are posts only when they are ---------------------------------------


def test_named_yaml_json_and_csv_files_that_are_no_posts_are_passed_over_silently(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "renovate.json": RENOVATE, "mkdocs.yml": MKDOCS, "data.csv": "a,b\n1,2\n"})
    write(tmp_path, {"empty.yaml": "", "list.json": "[1, 2]\n", "p.md": MISSING})
    run = run_cli(
        "renovate.json", "mkdocs.yml", "data.csv", "empty.yaml", "list.json", "--format", "json", cwd=tmp_path
    )
    assert run.exit_code == 0 and run.json["findings"] == [] and run.json["summary"]["posts"] == 0
    run = run_cli("renovate.json", "p.md", "--format", "json", cwd=tmp_path)
    assert [(f["path"], f["code"]) for f in run.json["findings"]] == [("p.md", "F004"), ("p.md", "A201")]


def test_named_files_that_look_like_posts_but_break_still_get_f001(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "bad.json": '{"text": "hi",}', "bad.yaml": "text: [x\n", "n.txt": "x"})
    run = run_cli("bad.json", "bad.yaml", "n.txt", "--format", "json", cwd=tmp_path)
    assert [(f["path"], f["code"]) for f in run.json["findings"]] == [
        ("bad.json", "F001"),
        ("bad.yaml", "F001"),
        ("n.txt", "F001"),
    ]


def test_a_yaml_file_with_python_tags_is_no_post_in_a_folder_run_either(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "mkdocs.yml": MKDOCS, "p.md": "---\nplatforms: [x]\n---\nHello\n"})
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert run.json["findings"] == [] and run.json["summary"]["posts"] == 1


def test_show_files_lists_what_counts_as_a_post_and_why(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "renovate.json": RENOVATE, "p.md": MISSING, "media/a.png": b"x"})
    write(tmp_path, {"post.yaml": "text: Hello\n", "bulk.csv": "date,time_24hr,message_text\n01/12/2026,09:30,Hi\n"})
    run = run_cli("--show-files", ".", cwd=tmp_path)
    assert run.exit_code == 0
    assert run.output.splitlines() == [
        "bulk.csv: post: CSV with a bulk-scheduling header: 1 post",
        "p.md: post: Markdown file",
        "post.yaml: post: YAML mapping with a `text` key",
        "renovate.json: not a post: JSON file that is not a mapping with a `text` key",
    ]
    run = run_cli("--show-files", "media/a.png", "renovate.json", cwd=tmp_path)
    assert run.output.splitlines() == [
        "media/a.png: media: brings in the posts that use it",
        "renovate.json: not a post: JSON file that is not a mapping with a `text` key",
    ]


# --- flags ----------------------------------------------------------------------------------------------


def test_a_config_exclude_never_brings_git_or_the_cache_folder_into_a_folder_run(tmp_path):
    write(tmp_path, {"postcheck.toml": 'exclude = ["archive"]\n', "p.md": "---\nplatforms: [x]\n---\nHello\n"})
    write(tmp_path, {".git/notes.md": MISSING, ".postcheck_cache/results/ab.json": '{"text": "cached"}'})
    listed = run_cli(".", "--show-files", cwd=tmp_path).output
    assert listed == "p.md: post: Markdown file\n"


def test_extend_exclude_adds_to_the_default_excludes_where_exclude_replaces_them(tmp_path):
    post = "---\nplatforms: [x]\n---\nHello\n"
    write(tmp_path, {"p.md": post, "archive/old.md": post, "README.md": "# Our posts\n", "node_modules/x/a.md": post})
    (tmp_path / "postcheck.toml").write_text('extend-exclude = ["archive"]\n')
    assert run_cli(".", "--show-files", cwd=tmp_path).output == "p.md: post: Markdown file\n"
    assert run_cli("archive/old.md", "--force-exclude", "--show-files", cwd=tmp_path).output.startswith(
        "archive/old.md: not a post: `exclude` covers it"
    )
    (tmp_path / "postcheck.toml").write_text('exclude = ["archive"]\n')  # the defaults replaced: README.md is read
    listed = run_cli(".", "--show-files", cwd=tmp_path).output
    assert "README.md: post" in listed and "archive" not in listed


def test_unsafe_fixes_alone_applies_safe_and_unsafe_fixes(tmp_path):
    # "Image of" is an unsafe fix (A103), the CamelCase hashtag a safe one (A201)
    post = "---\nplatforms: [x]\nimages:\n  - file: a.png\n    alt: Image of a nurse at a clinic\n---\nGet a #flujab\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post, "a.png": _png()})
    run = run_cli("p.md", "--unsafe-fixes", "--select", "A103,A201", cwd=tmp_path)
    text = (tmp_path / "p.md").read_text()
    assert "alt: A nurse at a clinic" in text and "#FluJab" in text, run.output + run.stderr
    assert run.exit_code == 0


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_conflicting_flags_are_a_one_line_error(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING})
    for args, words in [
        (("--fix", "--diff"), "--fix writes the fixes and --diff only shows them"),
        (("--statistics", "--format", "json"), "--statistics counts findings in the text format"),
        (("--stdin-filename", "p.md"), "give `-` as the path"),
    ]:
        run = run_cli(".", *args, cwd=tmp_path)
        assert run.exit_code == 2 and words in run.stderr and len(run.stderr.strip().splitlines()) == 1, args
    assert (tmp_path / "p.md").read_text() == MISSING


def test_exit_zero_reports_findings_and_exits_0(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING})
    run = run_cli(".", "--exit-zero", cwd=tmp_path)
    assert run.exit_code == 0 and "F004" in run.output
    assert run_cli(".", "--exit-zero", "--select", "nonsense-rule-name", cwd=tmp_path).exit_code == 2


def test_output_creates_the_folders_it_is_written_into(tmp_path):
    """As ruff's --output-file does: CI writes reports into a folder of its own, which a fresh checkout lacks."""
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING})
    run = run_cli(".", "--format", "json", "--output", "reports/ci/out.json", cwd=tmp_path)
    assert run.exit_code == 1 and run.output == "", run.stderr
    assert json.loads((tmp_path / "reports/ci/out.json").read_text())["summary"]["errors"] == 1
    write(tmp_path, {"a-file": ""})
    run = run_cli(".", "--output", "a-file/out.txt", cwd=tmp_path)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1 and "--output a-file/out.txt" in run.stderr


@pytest.mark.parametrize("option", ["--output", "--html"])
def test_a_report_file_named_with_a_trailing_slash_is_refused_as_a_folder(tmp_path, option):
    """`-o reports/` means a folder: a file named "reports" beside it would be a silent surprise."""
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING})
    run = run_cli(".", option, "reports/", cwd=tmp_path)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1 and f"{option} reports/" in run.stderr
    assert not (tmp_path / "reports").exists()


# --- rule names -----------------------------------------------------------------------------------------


def test_rule_names_work_wherever_codes_do(tmp_path):
    write(tmp_path, {"p.md": MISSING})
    write(tmp_path, {"postcheck.toml": '[severity]\nmissing-media = "warning"\n'})
    run = run_cli(".", "--format", "json", "--select", "missing-media", cwd=tmp_path)
    assert [(f["code"], f["severity"]) for f in run.json["findings"]] == [("F004", "warning")]
    run = run_cli(".", "--format", "json", "--ignore", "hashtag-not-camel-case", cwd=tmp_path)
    assert [f["code"] for f in run.json["findings"]] == ["F004"]
    config = (
        'select = ["hashtag-not-camel-case", "F"]\nignore = ["missing-media"]\n[per-file-ignores]\n"p.md" = ["A201"]\n'
    )
    write(tmp_path, {"postcheck.toml": config})
    assert run_cli(".", "--format", "json", cwd=tmp_path).json["findings"] == []
    assert run_cli("explain", "hashtag-not-camel-case").output.startswith("# A201 hashtag-not-camel-case\n")


def test_rule_names_in_the_config_work_for_the_editor_server_too(tmp_path):
    # the server checks an editor's text through the engine, not the CLI: the engine reads names as codes
    from postcheck import engine
    from postcheck.config import load_config

    write(tmp_path, {"postcheck.toml": 'select = ["missing-media"]\n[severity]\nmissing-media = "info"\n'})
    config = load_config(tmp_path / "postcheck.toml")
    result = engine.check_source(tmp_path / "p.md", MISSING, config, engine.Options())
    assert [(f.code, f.severity.value) for f in result.findings] == [("F004", "info")]


def test_front_matter_suppressions_take_rule_names(tmp_path):
    post = MISSING.replace("---\nBook", "postcheck:\n  ignore: {hashtag-not-camel-case: campaign tag}\n---\nBook")
    write(tmp_path, {"postcheck.toml": "", "p.md": post})
    assert run_cli(".", "--format", "json", cwd=tmp_path).codes == ["F004"]
    write(tmp_path, {"p.md": post.replace("#flujab", "#FluJab")})  # nothing left to suppress: X001 names the code
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert [f["message"] for f in run.json["findings"] if f["code"] == "X001"] == [
        "suppression of A201 is unused: nothing to suppress here"
    ]


def test_suppressions_take_codes_in_lower_case_as_config_does(tmp_path):
    front = MISSING.replace("---\nBook", "postcheck:\n  ignore: {a201: campaign tag}\n---\nBook")
    inline = MISSING + "<!-- postcheck: ignore a201 campaign tag set by NHS England -->\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": front, "q.md": inline})
    assert run_cli(".", "--format", "json", cwd=tmp_path).codes == ["F004", "F004"]


def test_inline_comment_suppressions_take_rule_names_and_an_unknown_one_is_said(tmp_path):
    named = MISSING + "<!-- postcheck: ignore hashtag-not-camel-case campaign tag set by NHS England -->\n"
    write(
        tmp_path, {"postcheck.toml": "", "p.md": named, "q.md": MISSING + "<!-- postcheck: ignore this for now -->\n"}
    )
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert sorted((f["path"], f["code"]) for f in run.json["findings"]) == [
        ("p.md", "F004"),
        ("q.md", "A201"),
        ("q.md", "F004"),
        ("q.md", "X001"),
    ]
    assert "suppression of unknown rule this" in [f["message"] for f in run.json["findings"]]


def test_a_mistyped_rule_name_gets_a_did_you_mean(tmp_path):
    write(tmp_path, {"postcheck.toml": 'ignore = ["image-alt-mising"]\n', "p.md": MISSING})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and "did you mean 'image-alt-missing'?" in run.stderr
    assert "postcheck.toml: ignore:" in run.stderr
    run = run_cli("explain", "hashtag-not-camelcase")
    assert run.exit_code == 2 and "did you mean 'hashtag-not-camel-case'?" in run.stderr


def test_a_mistyped_command_gets_a_did_you_mean(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "postcheck", "chek", "posts"], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 2
    assert run.stderr == "postcheck: error: no command or path 'chek'; did you mean 'check'?\n"


# --- the effective configuration ------------------------------------------------------------------------


def test_rules_and_explain_show_what_the_config_changes(tmp_path):
    config = (
        'ignore = ["A205"]\n[severity]\nhashtag-not-camel-case = "info"\n[per-file-ignores]\n"archive/**" = ["P105"]\n'
    )
    write(tmp_path, {"postcheck.toml": config})
    lines = {line.split()[0]: line for line in run_cli("rules", cwd=tmp_path).output.splitlines()}
    assert lines["A201"].startswith("A201  I  S/U") and lines["A201"].endswith("[severity info]")
    assert lines["A205"].endswith("[off (select/ignore)]") and lines["P105"].endswith("[off for archive/**]")
    assert not lines["A101"].endswith("]")
    items = {item["code"]: item for item in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).output)}
    assert items["A201"]["severity"] == "warning" and items["A201"]["configured"]["severity"] == "info"
    assert items["A205"]["configured"]["enabled"] is False
    page = run_cli("explain", "A201", cwd=tmp_path).output
    assert "Here (postcheck.toml): severity info.\n" in page


def test_show_settings_prints_the_resolved_config_as_toml(tmp_path):
    write(tmp_path, {"postcheck.toml": '[links]\napproved = ["nhs.uk"]\n[severity]\nshouting-caps = "info"\n'})
    run = run_cli("--show-settings", "--select", "A,image-alt-missing", "--fail-on", "warning", cwd=tmp_path)
    assert run.exit_code == 0 and run.output.startswith("# postcheck settings: postcheck.toml")
    settings = tomllib.loads(run.output)
    assert settings["links"]["approved"] == ["nhs.uk"] and settings["links"]["timeout"] == 5.0  # file, defaults
    assert settings["select"] == ["A", "A101"] and settings["fail-on"] == "warning"  # the flags
    assert settings["severity"] == {"A205": "info"} and settings["schedule"]["timezone"] == "Europe/London"


# --- stdin ----------------------------------------------------------------------------------------------


def test_a_post_from_stdin_is_reported_at_its_filename_with_media_beside_it(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "posts/media/a.png": _png()})
    images = "images:\n  - file: media/a.png\n    alt: image\n  - file: media/b.png\n    alt: x\n"
    post = f"---\nplatforms: [x]\n{images}---\nHi\n"
    command = [sys.executable, "-m", "postcheck", "check", "--stdin-filename", "posts/x.md", "-", "--format", "json"]
    run = subprocess.run(command, cwd=tmp_path, input=post, capture_output=True, text=True)
    found = [(f["path"], f["line"], f["code"]) for f in json.loads(run.stdout)["findings"]]
    assert ("posts/x.md", 5, "A102") in found and ("posts/x.md", 6, "F004") in found  # a.png found, b.png not
    assert not (tmp_path / "posts" / "x.md").exists()
    assert run_cli("-", cwd=tmp_path).exit_code == 2  # `-` needs --stdin-filename


def test_stdin_and_editor_text_keep_the_size_and_nul_limits_of_a_post_file(tmp_path):
    """A 2 MB paste is F001 at once, as the same file on disk is, not minutes of rules (or a stalled editor)."""
    from postcheck import engine
    from postcheck.config import load_config

    write(tmp_path, {"postcheck.toml": ""})
    huge = "---\nplatforms: [x]\n---\n" + "Book now #flujab https://www.nhs.uk/flu " * 60_000
    cfg = load_config(tmp_path / "postcheck.toml")
    for name, text, why in [
        ("p.md", huge, "post files over 1 MB are not read"),
        ("p.md", "---\nplatforms: [x]\n---\nHi\0there\n", "contains NUL bytes"),
    ]:
        result = engine.check_source(tmp_path / name, text, cfg, engine.Options(cache=False))
        assert [(f.code, why in f.message) for f in result.findings] == [("F001", True)], name
    from typer.testing import CliRunner

    from postcheck.cli import app

    stdin = ["check", "--stdin-filename", str(tmp_path / "p.md"), "-", "--format", "json", "--now", FIXED_NOW]
    run = CliRunner().invoke(app, stdin, input=huge, catch_exceptions=False)
    assert [f["code"] for f in json.loads(run.stdout)["findings"]] == ["F001"]


# --- rule documentation on every finding ----------------------------------------------------------------


def test_json_findings_carry_the_rule_page_url_and_docs_url_templates_it(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING})
    [finding, _] = run_cli(".", "--format", "json", cwd=tmp_path).json["findings"]
    assert finding["url"].startswith("file://") and finding["url"].endswith("/checks/F004-missing-media.md")
    assert Path(unquote(urlparse(finding["url"]).path)).is_file()  # the page installed with postcheck
    write(tmp_path, {"postcheck.toml": 'docs-url = "https://docs.example.org/rules/{code}-{name}/"\n'})
    [finding, _] = run_cli(".", "--format", "json", cwd=tmp_path).json["findings"]
    assert finding["url"] == "https://docs.example.org/rules/F004-missing-media/"
    write(tmp_path, {"postcheck.toml": 'docs-url = "https://x.org/{rule}"\n'})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and "docs-url" in run.stderr and "{code} and {name}" in run.stderr


def test_editor_diagnostics_link_the_docs_url_of_the_config(tmp_path):
    from postcheck import engine, server
    from postcheck.config import load_config

    write(tmp_path, {"postcheck.toml": 'docs-url = "https://docs.example.org/{name}"\nselect = ["F004"]\n'})
    config = load_config(tmp_path / "postcheck.toml")
    [finding] = engine.check_source(tmp_path / "p.md", MISSING, config, engine.Options()).findings
    assert server.diagnostic(finding, config.docs_url).code_description.href == "https://docs.example.org/missing-media"
    assert server.diagnostic(finding).code_description.href.endswith("/checks/F004-missing-media.md")


def test_sarif_rules_carry_help_uri_and_the_rule_page_as_help(tmp_path):
    write(tmp_path, {"postcheck.toml": 'docs-url = "https://docs.example.org/{code}"\n', "p.md": MISSING})
    rules = json.loads(run_cli(".", "--format", "sarif", cwd=tmp_path).output)["runs"][0]["tool"]["driver"]["rules"]
    f004 = next(rule for rule in rules if rule["id"] == "F004")
    assert f004["helpUri"] == "https://docs.example.org/F004"
    assert (
        f004["help"]["text"]
        == "referenced image, video or caption file does not exist. See https://docs.example.org/F004"
    )
    assert f004["help"]["markdown"].startswith("# F004 missing-media") and "## Bad" in f004["help"]["markdown"]


# --- markdown -------------------------------------------------------------------------------------------


def test_markdown_format_counts_per_rule_and_tables_every_finding(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING, "q|r.md": MISSING})
    run = run_cli(".", "--format", "markdown", "--now", FIXED_NOW, cwd=tmp_path)
    lines = run.output.splitlines()
    assert lines[:3] == ["## postcheck", "", "Found 4 problems (2 errors, 2 warnings) in 2 posts."]
    assert "| F004 | missing-media | 🔴 error | 2 |" in lines
    assert "| A201 | hashtag-not-camel-case | 🟡 warning | 2 |" in lines
    row = next(line for line in lines if line.startswith("| q\\|r.md | 4 | F004 |"))
    assert "image file 'media/gone.png' does not exist" in row
    clean = write(tmp_path / "clean", {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\n---\nHello\n"})
    write(clean, {"old.md": "---\nplatforms: [x]\npublish_at: 2020-01-06T10:00:00+00:00\n---\nHello #flujab\n"})
    output = run_cli(".", "--format", "markdown", "--now", FIXED_NOW, cwd=clean).output
    assert "All clear: 1 post in 1 file, no problems. Not reported: 1 published post not checked." in output


def test_help_texts_keep_their_square_brackets(monkeypatch):
    """Help is rendered as rich markup, where `[tool.postcheck]` reads as a style tag and vanishes."""
    monkeypatch.setenv("COLUMNS", "200")
    run = run_cli("schema", "--help")
    assert run.exit_code == 0 and "[tool.postcheck]" in run.output


# --- machine formats stay machine-readable -------------------------------------------------------------------

ODD = 'posts/a b/ünï <&>"\'/say "hi" & <bye>.md'
FUTURE = "---\nplatforms: [x]\npublish_at: 2026-12-10T10:00:00+00:00\n---\nBook your #flujab.\n"
GONE_OUT = FUTURE.replace("2026-12-10", "2026-01-10")


def _paths(fmt: str, text: str) -> list[str]:
    """The paths of the findings in a report of that format, read as its consumers read it."""
    from xml.etree import ElementTree

    if fmt == "junit":
        suite = ElementTree.fromstring(text.encode())
        return [case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None]
    document = json.loads(text)
    if fmt == "json":
        return [f["path"] for f in document["findings"]]
    if fmt == "sarif":
        results = document["runs"][0]["results"]
        return [unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results]
    items = document if fmt == "gitlab" else document["diagnostics"]
    return [item["location"]["path"] for item in items]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "gitlab", "rdjson"])
def test_machine_formats_parse_with_odd_paths_and_with_no_findings(tmp_path, fmt):
    write(tmp_path, {"postcheck.toml": 'platforms = ["x"]\n', ODD: FUTURE, "posts/old.md": GONE_OUT})
    found = run_cli(".", "--format", fmt, cwd=tmp_path)
    assert found.exit_code == 0, found.stderr  # a warning
    assert _paths(fmt, found.output) == [ODD]
    (tmp_path / ODD).write_text(FUTURE.replace("#flujab", "#FluJab"), encoding="utf-8")
    assert _paths(fmt, run_cli(".", "--format", fmt, cwd=tmp_path).output) == []


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("text", "1 published post not checked"),
        ("json", '"published_not_checked": 1'),
        ("sarif", '"publishedNotChecked": 1'),
        ("junit", '<property name="published_not_checked" value="1"/>'),
        ("github", "::notice title=postcheck::Not reported: 1 published post not checked"),
        ("markdown", "1 published post not checked"),
    ],
)
def test_every_format_with_room_for_it_counts_the_published_posts_not_checked(tmp_path, fmt, said):
    """GitLab Code Quality (a bare array of issues) and rdjson (diagnostics only) have no place for a count."""
    write(tmp_path, {"postcheck.toml": 'platforms = ["x"]\n', "new.md": FUTURE, "old.md": GONE_OUT})
    assert said in run_cli(".", "--format", fmt, cwd=tmp_path).output
    write(tmp_path, {"new.md": FUTURE.replace("#flujab", "#FluJab")})  # and with nothing found
    assert said in run_cli(".", "--format", fmt, cwd=tmp_path).output
