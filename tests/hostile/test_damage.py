"""Hostile inputs must never damage a file: reports do not replace what they report on, --fix keeps a file's
identity and writes nothing outside the posts root (issue 12, items 1, 2 and 4)."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from postcheck import fixes
from tests.conftest import FIXED_NOW, run_cli, write

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="links, FIFOs and owners are POSIX here")
POST = "---\nplatforms: [x]\n---\nBook your #flujab today\n"


def _root(tmp_path: Path) -> Path:
    return write(tmp_path, {"postcheck.toml": "", "p.md": POST})


def _one_line_refusal(run, option: str) -> None:
    assert run.exit_code == 2, run.output
    assert run.stderr.startswith(f"postcheck: error: {option} ") and len(run.stderr.strip().splitlines()) == 1


# ----------------------------------------------------------------------------------- 1: --html / --output


@pytest.mark.parametrize("option", ["--html", "--output"])
def test_report_refuses_to_replace_a_post_being_checked(tmp_path, option):
    root = _root(tmp_path)
    run = run_cli(".", option, "p.md", "--now", FIXED_NOW, "--no-cache", cwd=root)
    _one_line_refusal(run, option)
    assert "postcheck reads that file" in run.stderr
    assert (root / "p.md").read_text() == POST


def test_html_and_output_naming_one_file_is_refused(tmp_path):
    root = _root(tmp_path)
    run = run_cli(".", "--html", "r.txt", "--output", "./r.txt", "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert run.exit_code == 2 and "both name" in run.stderr and not (root / "r.txt").exists()


@pytest.mark.parametrize("option", ["--html", "--output"])
def test_report_refuses_to_replace_the_config(tmp_path, option):
    root = write(tmp_path, {"postcheck.toml": "[hashtags]\nmax = 2\n", "p.md": POST})
    run = run_cli(".", option, "postcheck.toml", "--now", FIXED_NOW, "--no-cache", cwd=root)
    _one_line_refusal(run, option)
    assert (root / "postcheck.toml").read_text() == "[hashtags]\nmax = 2\n"


@pytest.mark.parametrize("option", ["--html", "--output"])
def test_report_refuses_a_hard_link_to_a_checked_media_file(tmp_path, option):
    root = _root(tmp_path)
    (root / "media").mkdir()
    (root / "media" / "a.png").write_bytes(b"\x89PNG not really")
    (root / "p.md").write_text("---\nplatforms: [x]\nimages: [{file: media/a.png, alt: Clinic hours}]\n---\nHi\n")
    os.link(root / "media" / "a.png", root / "report.out")
    run = run_cli(".", option, "report.out", "--now", FIXED_NOW, "--no-cache", cwd=root)
    _one_line_refusal(run, option)
    assert (root / "media" / "a.png").read_bytes() == b"\x89PNG not really"


@needs_posix
@pytest.mark.parametrize("option", ["--html", "--output"])
def test_report_refuses_a_symbolic_link_and_leaves_its_target_alone(tmp_path, option):
    root = _root(tmp_path)
    (tmp_path / "precious.txt").write_text("keep me")
    (root / "report.html").symlink_to(tmp_path / "precious.txt")
    run = run_cli(".", option, "report.html", "--now", FIXED_NOW, "--no-cache", cwd=root)
    _one_line_refusal(run, option)
    assert (root / "report.html").is_symlink() and (tmp_path / "precious.txt").read_text() == "keep me"


@pytest.mark.parametrize("option", ["--html", "--output"])
def test_report_refuses_a_folder(tmp_path, option):
    root = _root(tmp_path)
    (root / "out").mkdir()
    run = run_cli(".", option, "out", "--now", FIXED_NOW, "--no-cache", cwd=root)
    _one_line_refusal(run, option)
    assert (root / "out").is_dir()


@needs_posix
def test_html_report_refuses_a_device_node_and_output_writes_to_it_without_replacing_it(tmp_path):
    root = _root(tmp_path)
    html = run_cli(".", "--html", os.devnull, "--now", FIXED_NOW, "--no-cache", cwd=root)
    _one_line_refusal(html, "--html")
    output = run_cli(".", "--output", os.devnull, "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert output.exit_code in (0, 1)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_report_to_a_new_file_or_a_regular_file_is_written(tmp_path):
    root = _root(tmp_path)
    (root / "old.html").write_text("last week's report")
    run = run_cli(".", "--html", "old.html", "-o", "new.txt", "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert run.exit_code in (0, 1), run.stderr
    assert "<html" in (root / "old.html").read_text() and "A201" in (root / "new.txt").read_text()


# ----------------------------------------------------------------------------------- 2: --fix keeps identity


def test_fix_keeps_hard_links_one_file(tmp_path):
    root = _root(tmp_path)
    os.link(root / "p.md", tmp_path / "other-name.md")
    inode = (root / "p.md").stat().st_ino
    run = run_cli("p.md", "--fix", "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert run.exit_code in (0, 1) and "#FluJab" in (root / "p.md").read_text()
    assert (root / "p.md").stat().st_ino == inode and (root / "p.md").stat().st_nlink == 2
    assert (tmp_path / "other-name.md").read_text() == (root / "p.md").read_text()
    assert not [p for p in root.iterdir() if p.name.endswith(fixes.TEMP_SUFFIX)]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file away")
def test_fix_run_as_root_keeps_the_owner_and_group(tmp_path):
    root = _root(tmp_path)
    os.chown(root / "p.md", 12345, 23456)
    os.chmod(root / "p.md", 0o640)
    run_cli("p.md", "--fix", "--now", FIXED_NOW, "--no-cache", cwd=root)
    info = (root / "p.md").stat()
    assert "#FluJab" in (root / "p.md").read_text()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o640)


def test_fix_leaves_a_read_only_post_alone_and_says_so(tmp_path):
    """A post made read-only (an archive locked, a Perforce checkout not opened for edit) is not replaced, even by
    root, whom the permission would not stop: the rename would otherwise go through."""
    root = _root(tmp_path)
    os.chmod(root / "p.md", 0o444)
    run = run_cli("p.md", "--fix", "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert (root / "p.md").read_text() == POST and stat.S_IMODE((root / "p.md").stat().st_mode) == 0o444
    assert "could not fix p.md: it is read-only" in run.stderr
    assert "A201" in run.output  # still reported, since it was not fixed


def test_fix_removes_temporary_files_a_killed_run_left_and_keeps_a_fresh_one(tmp_path):
    root = _root(tmp_path)
    stale = root / f".p.md.k1ll3d{fixes.TEMP_SUFFIX}"
    fresh = root / f".p.md.wr1t1ng{fixes.TEMP_SUFFIX}"
    unrelated = root / ".p.md.notes"
    for path in (stale, fresh, unrelated):
        path.write_text("half a post")
    old = time.time() - fixes.STALE_AFTER - 60
    os.utime(stale, (old, old))
    os.utime(unrelated, (old, old))
    run_cli("p.md", "--fix", "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert not stale.exists() and fresh.exists() and unrelated.exists()


def test_fix_interrupted_while_writing_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    root = _root(tmp_path)

    def killed(*args):
        raise KeyboardInterrupt  # as a Ctrl-C between writing the copy and renaming it

    monkeypatch.setattr(fixes.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        fixes.write_atomically(root / "p.md", "new text")
    assert (root / "p.md").read_text() == POST
    assert sorted(p.name for p in root.iterdir()) == ["p.md", "postcheck.toml"]


# ----------------------------------------------------------------------------------- 4: nothing outside the root


def test_caption_locale_that_leads_out_of_the_root_is_a_config_error(tmp_path):
    root = write(tmp_path / "root", {"postcheck.toml": '[captions]\nlocale = "../../X"\n', "p.md": POST})
    run = run_cli(".", "--fix", "--unsafe-fixes", "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert run.exit_code == 2 and "captions.locale" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["p.md", "postcheck.toml", "root"]


@needs_posix
def test_fixer_writes_no_file_whose_folder_resolves_outside_the_root(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "media").symlink_to(outside)
    planned = [fixes.Planned(root / "media" / "clip.en_GB.srt", None, "1\n", False, 1, root)]
    failed: list = []
    assert fixes.apply(planned, failed) == 0
    assert list(outside.iterdir()) == [] and "outside the posts root" in failed[0][1]


@needs_posix
def test_fixer_does_not_rewrite_a_post_that_links_out_of_the_root(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "real.md").write_text(POST)
    (root / "p.md").symlink_to(outside / "real.md")
    planned = [fixes.Planned(root / "p.md", POST, POST.replace("#flujab", "#FluJab"), False, 1, root)]
    failed: list = []
    assert fixes.apply(planned, failed) == 0 and (outside / "real.md").read_text() == POST
