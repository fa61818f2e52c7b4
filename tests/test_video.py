"""Video probing with PyAV, its disk cache, audio activity, broken files, and P103 for videos."""

from __future__ import annotations

import pytest

from postcheck.media import MediaError
from postcheck.media.video import audio_activity, probe_video
from tests.video_factory import bursts, make_video, silence, tone, video_bytes


def test_probe_reads_duration_size_codecs_and_audio(tmp_path):
    path = make_video(tmp_path / "clip.mp4", 2.0, audio=tone())
    info = probe_video(path)
    assert info.duration == pytest.approx(2.0, abs=0.2)
    assert (info.width, info.height) == (32, 32)
    assert info.has_audio and info.audio_codec == "aac"
    assert info.video_codec == "h264" and info.fps == pytest.approx(4.0)
    assert info.size == path.stat().st_size and info.subtitle_codecs == ()


def test_video_without_sound_has_no_audio(tmp_path):
    assert not probe_video(make_video(tmp_path / "mute.mp4")).has_audio


def test_portrait_video_is_vertical(tmp_path):
    info = probe_video(make_video(tmp_path / "story.mp4", width=32, height=64))
    assert info.vertical and info.rotation == 0


def test_rotation_comes_from_the_display_matrix(tmp_path):
    import av

    path = make_video(tmp_path / "phone.mp4", width=64, height=32, rotation=90)
    info = probe_video(path)
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
    assert info.rotation == frame.rotation % 360 == 90
    assert info.vertical and info.display_size == (32, 64)


def test_embedded_mov_text_track_is_found(tmp_path):
    path = make_video(tmp_path / "subs.mp4", subtitles=[(0, 1, "Hello"), (1, 2, "there")])
    assert probe_video(path).subtitle_codecs == ("mov_text",)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"this is a text file, not a video\n", "holds text"),
        (bytes(range(256)) * 20, "not a video"),
    ],
)
def test_unreadable_files_raise_media_error_with_the_reason(tmp_path, content, reason):
    path = tmp_path / "bad.mp4"
    path.write_bytes(content)
    with pytest.raises(MediaError, match=reason):
        probe_video(path)


def test_truncated_mp4_is_refused(tmp_path):
    path = make_video(tmp_path / "cut.mp4", 3.0, audio=tone())
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(MediaError, match="truncated"):
        probe_video(path)


def test_cache_answers_an_unchanged_file_without_opening_it(tmp_path, monkeypatch):
    from postcheck.media import video

    path = make_video(tmp_path / "clip.mp4")
    cache = tmp_path / "cache"
    first = probe_video(path, cache)
    monkeypatch.setattr(video, "_probe", lambda p: pytest.fail("probed again"))
    assert probe_video(path, cache) == first
    copy = tmp_path / "copy.mp4"  # same content elsewhere: hashed, not probed
    copy.write_bytes(path.read_bytes())
    assert probe_video(copy, cache) == first


def test_cache_remembers_broken_files_too(tmp_path):
    path = tmp_path / "empty.mp4"
    path.write_bytes(b"")
    for _ in range(2):
        with pytest.raises(MediaError, match="empty"):
            probe_video(path, tmp_path / "cache")


def test_audio_activity_finds_tone_bursts(tmp_path):
    path = make_video(tmp_path / "talk.mp4", 10.0, audio=bursts([(1.0, 3.0), (6.0, 8.5)]))
    activity = audio_activity(path)
    assert len(activity.stretches) == 2
    (a, b), (c, d) = activity.stretches
    assert a == pytest.approx(1.0, abs=0.2) and b == pytest.approx(3.0, abs=0.2)
    assert c == pytest.approx(6.0, abs=0.2) and d == pytest.approx(8.5, abs=0.2)
    assert activity.audio_end == pytest.approx(10.0, abs=0.2)


def test_silent_track_has_no_audible_stretch(tmp_path):
    assert audio_activity(make_video(tmp_path / "quiet.mp4", 3.0, audio=silence())).stretches == ()


def test_folder_of_broken_media_exits_normally_with_findings(check, tmp_path):
    good = video_bytes(tmp_path / "gen", seconds=3.0, audio=tone())
    post = (
        "---\nplatforms: [youtube]\nvideos:\n  - file: media/cut.mp4\n  - file: media/empty.mp4\n"
        "  - file: media/notes.mp4\n  - file: media/ok.mp4\n    captions: media/broken.vtt\n---\nWatch\n"
    )
    run = check(
        {
            "post.md": post,
            "media/cut.mp4": good[: len(good) // 2],
            "media/empty.mp4": b"",
            "media/notes.mp4": "just some notes\n",
            "media/ok.mp4": good,
            "media/broken.vtt": "WEBVTT FILE\n\n00:00.000 -> 00:01.000\nHello\n",
        }
    )
    assert run.exit_code == 1
    assert sorted(run.codes) == ["A302", "F006", "F006", "F006", "P102"]  # and YouTube takes one video a post
    messages = " ".join(f["message"] for f in run.json["findings"])
    assert "truncated" in messages and "empty file" in messages and "holds text" in messages
    a302 = next(f for f in run.json["findings"] if f["code"] == "A302")
    assert a302["path"].endswith("broken.vtt") and a302["line"] == 3


def test_p103_video_format_duration_for_the_platform(check, tmp_path):
    mkv = video_bytes(tmp_path / "gen", "clip.mkv")
    long = video_bytes(tmp_path / "gen", "long.mp4", seconds=150, fps=1, width=16, height=16)
    run = check(
        {
            "post.md": "---\nplatforms: [x]\nvideos:\n  - media/clip.mkv\n  - media/long.mp4\n---\nWatch\n",
            "media/clip.mkv": mkv,
            "media/long.mp4": long,
        },
        "--select",
        "P103",
    )
    messages = sorted(f["message"] for f in run.json["findings"])
    assert len(messages) == 2
    assert "takes only .mp4 or .mov" in messages[0] and "up to 2 min 20 s" in messages[1]


def test_an_image_listed_as_a_video_is_f006_alone(check):
    from tests.test_images import png_bytes

    post = "---\nplatforms: [x]\nvideos: [media/still.png]\n---\nWatch\n"
    assert check({"post.md": post, "media/still.png": png_bytes((64, 48))}).codes == ["F006"]  # not P103 as well


def test_p103_video_too_big_for_bluesky(check, tmp_path):
    big = video_bytes(tmp_path / "gen", seconds=2.0)
    toml = "[platform.bluesky]\nvideo-bytes = 1000\n"
    files = {"post.md": "---\nplatforms: [bluesky]\nvideos: [media/clip.mp4]\n---\nHi\n", "media/clip.mp4": big}
    run = check({**files, "postcheck.toml": toml}, "--select", "P103")
    assert run.codes == ["P103"] and "up to 1,000 bytes" in run.json["findings"][0]["message"]
