"""Inputs that used to crash the whole run ("internal error", exit 2) are findings on the file at fault: link loops,
deep nesting, folders without permission, huge caption timestamps, absurd config numbers (issue 12, items 10-14)."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

import postcheck.media
from tests.conftest import FIXED_NOW, run_cli, write
from tests.video_factory import make_video, tone

needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")


def _check(root: Path, *args: str):
    run = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--no-cache", *args, cwd=root)
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    return run


def _found(run) -> list[tuple[str, str, str]]:
    return sorted((f["path"], f["code"], f["message"]) for f in run.json["findings"])


# ----------------------------------------------------------------------------------- 10: symbolic link loops


@needs_symlinks
def test_a_loop_between_unreferenced_post_files_is_f001_on_each(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "ok.md": "Hello\n"})
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    run = _check(tmp_path)
    assert [(p, c) for p, c, _ in _found(run)] == [("a.md", "F001"), ("b.md", "F001")]
    assert all("link loop" in m for _, _, m in _found(run))


@needs_symlinks
def test_a_loop_between_media_files_is_f005(tmp_path):
    write(
        tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\nimages: [{file: a.png, alt: Clinic}]\n---\nHi\n"}
    )
    (tmp_path / "a.png").symlink_to("b.png")
    (tmp_path / "b.png").symlink_to("a.png")
    for args in [(), ("--html", "report.html"), ("-j", "4")]:
        run = _check(tmp_path, *args)
        assert ("p.md", "F005", "image file not read: 'a.png' is a symbolic link loop") in _found(run)


@needs_symlinks
def test_a_loop_between_caption_files_beside_a_video_is_f005_whatever_names_the_video(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\nvideos: [{file: clip.mp4}]\n---\nHi\n"})
    make_video(tmp_path / "clip.mp4", 1.0, audio=tone())
    (tmp_path / "clip.vtt").symlink_to("clip.en.vtt")
    (tmp_path / "clip.en.vtt").symlink_to("clip.vtt")
    for paths in (["."], ["clip.mp4"], ["p.md"]):
        run = run_cli(*paths, "--format", "json", "--now", FIXED_NOW, "--no-cache", "--html", "r.html", cwd=tmp_path)
        assert "internal error" not in run.stderr
        assert [f["code"] for f in run.json["findings"]].count("F005") == 2


@needs_symlinks
def test_a_loop_named_on_the_command_line_is_a_one_line_error(tmp_path):
    write(tmp_path, {"postcheck.toml": ""})
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    run = run_cli("a.md", cwd=tmp_path)
    assert (
        run.exit_code == 2 and run.stderr.strip() == "postcheck: error: a.md: a symbolic link loop, it leads to no file"
    )


# ----------------------------------------------------------------------------------- 11: deep nesting


def test_folders_980_deep_are_a_finding_not_a_recursion_error(tmp_path):
    deep = str(tmp_path)
    for _ in range(980):  # one level at a time: Path.mkdir(parents=True) and os.makedirs recurse once per level
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    try:
        with open(os.path.join(deep, "p.md"), "w") as post:
            post.write("Hello\n")
        write(tmp_path, {"postcheck.toml": "", "top.md": "Hello #flujab\n"})
        run = _check(tmp_path)
    finally:  # pytest removes old temporary folders with shutil.rmtree, which recurses too: leave none this deep
        os.remove(os.path.join(deep, "p.md"))
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)
    codes = [f["code"] for f in run.json["findings"]]
    assert "A201" in codes and codes.count("F001") == 1
    assert "nested more than 100 deep" in next(f["message"] for f in run.json["findings"] if f["code"] == "F001")


NESTED = {
    "json 1000": '{"text": "Hello", "x": ' + "[" * 1000 + "]" * 1000 + "}",
    "json 500 with an escape": '{"text": "Hello", "x": ' + "[" * 500 + '"caf\\u00e9"' + "]" * 500 + "}",
    "json 65 tables": '{"text": "Hello", "x": ' + '{"a": ' * 65 + "1" + "}" * 65 + "}",
    "yaml 1000": "text: Hello\nx: " + "[" * 1000 + "]" * 1000 + "\n",
    "front matter 1000": "---\nx: " + "{a: " * 1000 + "1" + "}" * 1000 + "\n---\nHello\n",
}


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
def test_deeply_nested_post_is_f001(tmp_path, text):
    suffix = ".md" if text.startswith("---") else ".yaml" if text.startswith("text:") else ".json"
    write(tmp_path, {"postcheck.toml": "", f"deep{suffix}": text})
    for args in [(), ("-j", "2")]:
        run = _check(tmp_path, *args)
        assert [f["code"] for f in run.json["findings"]] == ["F001"]


# ----------------------------------------------------------------------------------- 12: no search permission


IMAGE_POST = "---\nplatforms: [x]\nimages: [{file: media/a.png, alt: Clinic opening hours}]\n---\nHello\n"


def test_media_folder_without_search_permission_is_f006(tmp_path, monkeypatch):
    write(tmp_path, {"postcheck.toml": "", "p.md": IMAGE_POST, "media/a.png": b"\x89PNG"})
    real_stat = os.stat
    media = str(tmp_path / "media")

    def stat(path, *args, **kwargs):  # what the kernel says of a file in a folder without the x bit
        if os.fspath(path).startswith(media + os.sep):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(postcheck.media.os, "stat", stat)
    run = _check(tmp_path)
    assert _found(run) == [("p.md", "F006", "image 'media/a.png' cannot be read: permission denied")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root enters any folder")
def test_media_folder_without_search_permission_is_f006_for_real(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": IMAGE_POST, "media/a.png": b"\x89PNG"})
    os.chmod(tmp_path / "media", 0o600)
    try:
        run = _check(tmp_path)
    finally:
        os.chmod(tmp_path / "media", 0o700)
    assert [f["code"] for f in run.json["findings"]] == ["F006"]


# ----------------------------------------------------------------------------------- 13: caption timestamps


@pytest.mark.parametrize(
    "captions",
    [
        "WEBVTT\n\n00:00.000 --> " + "9" * 400 + ":00:00.000\nHello\n",
        "WEBVTT\n\n" + "1" * 5000 + ":00:00.000 --> 00:01.000\nHello\n",
    ],
    ids=["end hours", "start hours past int's digit limit"],
)
def test_caption_timestamp_with_hundreds_of_digits_is_a302(tmp_path, captions):
    post = "---\nplatforms: [x]\nvideos: [{file: clip.mp4, captions: [clip.vtt]}]\n---\nHi\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post, "clip.vtt": captions})
    make_video(tmp_path / "clip.mp4", 2.0, audio=tone())
    run = _check(tmp_path)
    a302 = [f["message"] for f in run.json["findings"] if f["code"] == "A302"]
    assert any("digits of hours" in message for message in a302)


def test_inline_timestamp_with_hundreds_of_digits_is_read_as_a_tag(tmp_path):
    captions = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello <" + "9" * 400 + ":00:01.000> there\n"
    post = "---\nplatforms: [x]\nvideos: [{file: clip.mp4, captions: [clip.vtt]}]\n---\nHi\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post, "clip.vtt": captions})
    make_video(tmp_path / "clip.mp4", 2.0, audio=tone())
    assert _check(tmp_path).exit_code in (0, 1)


# ----------------------------------------------------------------------------------- 14: config numbers


@pytest.mark.parametrize(
    "setting",
    [
        "[links]\ntimeout = inf",
        "[links]\ntimeout = 1e400",
        "[links]\ntimeout = nan",
        "[links]\ntimeout = -inf",
        "[links]\ntimeout = 100000",
        "[links]\nworkers = 100000",
        "[captions]\nmax-cps = nan",
        "[captions]\nmax-duration = inf",
        "[hashtags]\nmax = 99999999999999999999",
    ],
)
def test_absurd_numbers_in_config_are_a_one_line_error(tmp_path, setting):
    write(tmp_path, {"postcheck.toml": setting + "\n", "p.md": "See https://nhs.uk\n"})
    run = run_cli(".", "--online", "--no-cache", cwd=tmp_path)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "internal error" not in run.stderr and setting.split("\n")[1].split(" =")[0] in run.stderr
