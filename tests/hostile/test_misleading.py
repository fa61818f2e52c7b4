"""A result must not say "all clear" or "add captions" when postcheck could not look: a folder or pipe named as media
is F006, and a folder that cannot be listed is named as the reason (issue 12, items 21 and 22)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, run_cli, write
from tests.video_factory import make_video, tone


def _check(root: Path, *args: str):
    run = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--no-cache", *args, cwd=root)
    assert "internal error" not in run.stderr, run.stderr
    return run


# ----------------------------------------------------------------------------------- 21: folders and FIFOs as media

MEDIA_POST = (
    "---\nplatforms: [x]\nimages: [{{file: media/{image}, alt: The clinic poster with its hours}}]\n"
    "videos: [{{file: media/{video}, captions: burned-in}}]\n---\nHello\n"
)


def test_a_folder_named_as_an_image_or_a_video_is_f006(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MEDIA_POST.format(image="dir.jpg", video="dir.mp4")})
    (tmp_path / "media" / "dir.jpg").mkdir(parents=True)
    (tmp_path / "media" / "dir.mp4").mkdir()
    run = _check(tmp_path)
    assert run.exit_code == 1
    assert [(f["code"], f["message"]) for f in run.json["findings"]] == [
        ("F006", "image 'media/dir.jpg' is a folder, not a file"),
        ("F006", "video 'media/dir.mp4' is a folder, not a file"),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_as_an_image_or_a_video_is_f006(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MEDIA_POST.format(image="pipe.jpg", video="pipe.mp4")})
    (tmp_path / "media").mkdir()
    os.mkfifo(tmp_path / "media" / "pipe.jpg")
    os.mkfifo(tmp_path / "media" / "pipe.mp4")
    run = _check(tmp_path)
    assert run.codes == ["F006", "F006"] and all("not a regular file" in f["message"] for f in run.json["findings"])


def test_a_folder_named_as_a_caption_file_is_f006(tmp_path):
    post = "---\nplatforms: [x]\nvideos: [{file: clip.mp4, captions: [clip.vtt]}]\n---\nHello\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post})
    make_video(tmp_path / "clip.mp4", 1.0, audio=tone())
    (tmp_path / "clip.vtt").mkdir()
    assert ("F006", "caption 'clip.vtt' is a folder, not a file") in [
        (f["code"], f["message"]) for f in _check(tmp_path).json["findings"]
    ]


# ----------------------------------------------------------------------------------- 22: folders that cannot be listed

VIDEO_POST = "---\nplatforms: [x]\nvideos: [{file: media/v.mp4}]\n---\nHello\n"


def _video_beside_captions(root: Path) -> None:
    write(root, {"postcheck.toml": "", "p.md": VIDEO_POST})
    make_video(root / "media" / "v.mp4", 1.0, audio=tone())
    (root / "media" / "v.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n")


def test_a_video_folder_that_cannot_be_listed_is_named_instead_of_asking_for_captions(tmp_path, monkeypatch):
    _video_beside_captions(tmp_path)
    real_iterdir = Path.iterdir

    def iterdir(self):  # what the kernel says of a folder with x but not r
        if self.absolute() == tmp_path / "media":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    [finding] = _check(tmp_path, "--select", "A301,F").json["findings"]
    assert finding["code"] == "A301"
    assert "cannot be listed (permission denied)" in finding["message"] and "add v." not in finding["message"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root lists any folder")
def test_a_video_folder_that_cannot_be_listed_is_named_for_real(tmp_path):
    _video_beside_captions(tmp_path)
    os.chmod(tmp_path / "media", 0o300)  # enter, not list
    try:
        [finding] = _check(tmp_path, "--select", "A301,F").json["findings"]
    finally:
        os.chmod(tmp_path / "media", 0o700)
    assert "cannot be listed" in finding["message"]


def test_a_video_folder_that_can_be_listed_finds_its_captions(tmp_path):
    _video_beside_captions(tmp_path)
    assert _check(tmp_path, "--select", "A301,F").json["findings"] == []
