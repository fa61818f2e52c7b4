"""The on-disk caches treat their contents as untrusted: junk is a miss, and nothing leads out of the cache folder."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
from pathlib import Path

import pytest

from postcheck.cache import read_json, write_json
from postcheck.media import MediaError
from postcheck.media.probe_cache import content_hash
from postcheck.media.video import audio_activity, probe_video
from tests.conftest import FIXED_NOW, run_cli
from tests.video_factory import bursts, make_video, tone

needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
POST = "---\nplatforms: [x]\nvideos: [{file: clip.mp4}]\n---\nHello\n"


@pytest.fixture
def root(tmp_path):
    """A posts root with one video post, beside a folder `outside` that nothing may write into."""
    folder = tmp_path / "root"
    folder.mkdir()
    (tmp_path / "outside").mkdir()
    (folder / "postcheck.toml").write_text("", encoding="utf-8")
    (folder / "p.md").write_text(POST, encoding="utf-8")
    make_video(folder / "clip.mp4", 2.0, audio=tone())
    return folder


def tree(folder: Path, skip: Path | None = None) -> dict[str, bytes | str]:
    """Every file and link under `folder` (links not followed, `skip` left out): path -> content or link target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        if path.is_symlink():
            found[str(path)] = os.readlink(path)
        elif path.is_file():
            found[str(path)] = path.read_bytes()
    return found


def entry_file(cache: Path, video: Path) -> Path:
    return cache / "media" / f"{content_hash(video)}.json"


def index_file(cache: Path, video: Path) -> Path:
    name = hashlib.blake2b(str(video.resolve()).encode(), digest_size=16).hexdigest()
    return cache / "media" / "paths" / f"{name}.json"


def cache_of(path: Path) -> Path:
    """The cache folder `path` is in: its `.postcheck_cache` (or `cache`) ancestor, else its own folder."""
    return next((p for p in path.parents if p.name in (".postcheck_cache", "cache")), path.parent)


def plant(path: Path, data: object | str) -> None:
    """Store `data` as a genuine (signed) entry, as a bug in postcheck itself might have written it; a str is
    written as is, for text that is no entry at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        write_json(path, data, cache_of(path))
        assert read_json(path, cache_of(path)) == data


def stored(path: Path) -> object:
    """The data of a cache entry, its signature checked."""
    return read_json(path, cache_of(path))


def check(root: Path, *args: str):
    return run_cli(".", "--format", "json", "--now", FIXED_NOW, *args, cwd=root)


# ------------------------------------------------------------------ media probe cache

GOOD_INFO = {
    "duration": 2.0,
    "width": 32,
    "height": 32,
    "has_audio": True,
    "subtitle_codecs": [],
    "size": 1,
    "video_codec": "h264",
    "audio_codec": "aac",
    "audio_channels": 1,
    "audio_rate": 8000,
    "fps": 4.0,
    "rotation": 0,
    "format_name": "mp4",
}

JUNK_PROBES = {
    "string": "junk",
    "list": [],
    "null": None,
    "unknown key": {"info": {"x": 1}},
    "info is a list": {"info": [1, 2]},
    "info is null": {"info": None},
    "error is a number": {"error": 5},
    "info and error": {"info": GOOD_INFO, "error": "x"},
    "missing field": {"info": {k: v for k, v in GOOD_INFO.items() if k != "fps"}},
    "extra field": {"info": {**GOOD_INFO, "evil": 1}},
    "zero height": {"info": {**GOOD_INFO, "height": 0}},
    "huge width": {"info": {**GOOD_INFO, "width": 10**400}},
    "width is a string": {"info": {**GOOD_INFO, "width": "32"}},
    "width is a float": {"info": {**GOOD_INFO, "width": 32.0}},
    "has_audio is 1": {"info": {**GOOD_INFO, "has_audio": 1}},
    "rotation 720": {"info": {**GOOD_INFO, "rotation": 720}},
    "codecs is a string": {"info": {**GOOD_INFO, "subtitle_codecs": "mov_text"}},
    "codecs hold null": {"info": {**GOOD_INFO, "subtitle_codecs": [None]}},
    "duration is a dict": {"info": {**GOOD_INFO, "duration": {}}},
    "duration is true": {"info": {**GOOD_INFO, "duration": True}},
}


@pytest.mark.parametrize("junk", JUNK_PROBES.values(), ids=JUNK_PROBES.keys())
def test_probe_entry_of_the_wrong_shape_is_recomputed_and_rewritten(root, junk):
    video, cache = root / "clip.mp4", root / ".postcheck_cache"
    fresh = probe_video(video)
    plant(entry_file(cache, video), {"version": 1, "probe": junk})
    assert probe_video(video, cache) == fresh
    rewritten = stored(entry_file(cache, video))["probe"]["info"]
    assert rewritten == fresh.to_json() | {"subtitle_codecs": []}


@pytest.mark.parametrize(
    "text",
    [
        '{"version": 1, "probe": {"info": {"duration": 1e400}}}',
        '{"version": 1, "probe": {"info": {"duration": NaN}}}',
        '{"version": 1, "probe": {"info": {"fps": -Infinity}}}',
        "[" * 100_000,
        "",
        "\xff\xfe",
        '{"version": 1, "probe": ',
        "[1, 2, 3]",
        "null",
    ],
    ids=["1e400", "NaN", "-Infinity", "deep nesting", "empty", "not utf-8", "cut short", "a list", "null"],
)
def test_probe_entry_that_is_not_usable_json_is_recomputed(root, text):
    video, cache = root / "clip.mp4", root / ".postcheck_cache"
    fresh = probe_video(video)
    plant(entry_file(cache, video), text)
    assert probe_video(video, cache) == fresh


def test_cached_error_of_the_wrong_type_is_not_raised(tmp_path):
    path = tmp_path / "empty.mp4"
    path.write_bytes(b"")
    cache = tmp_path / "cache"
    plant(entry_file(cache, path), {"version": 1, "probe": {"error": ["not", "a", "message"]}})
    with pytest.raises(MediaError, match="empty"):
        probe_video(path, cache)


@pytest.mark.parametrize(
    "junk",
    ["junk", {"x": 1}, {"version": 1, "probe": "junk"}, {"version": 1, "probe": {"info": {**GOOD_INFO, "height": 0}}}],
)
def test_run_over_a_junk_probe_entry_reports_as_without_a_cache(root, junk):
    expected = check(root, "--no-cache")
    assert expected.exit_code == 1 and expected.codes == ["A301"]
    check(root)  # fill the cache, then spoil the entry
    plant(entry_file(root / ".postcheck_cache", root / "clip.mp4"), junk)
    run = check(root)
    assert (run.exit_code, run.json) == (expected.exit_code, expected.json)


# ------------------------------------------------------------------ index files: the hash never becomes a path

HOSTILE_HASHES = {
    "traversal": "../../../outside/planted",
    "deep traversal": "../../../../../../../../../../ABSOLUTE/planted",  # also replaced: never aim at /etc
    "absolute": "/ABSOLUTE/planted",  # replaced by the test with a path into `outside`
    "upper case hex": "A" * 40,
    "39 digits": "a" * 39,
    "41 digits": "a" * 41,
    "trailing newline": "a" * 40 + "\n",
    "null": None,
    "number": 123,
    "list": ["a" * 40],
}


@pytest.mark.parametrize("digest", HOSTILE_HASHES.values(), ids=HOSTILE_HASHES.keys())
def test_hash_in_an_index_file_is_used_only_when_it_is_hex(root, digest):
    video, cache = root / "clip.mp4", root / ".postcheck_cache"
    outside = root.parent / "outside"
    if isinstance(digest, str) and "ABSOLUTE" in digest:
        # Aim at `outside`, so that the test, run against a broken cache, damages nothing but its own folder.
        digest = digest.replace("/ABSOLUTE", str(outside.resolve()))
    fresh = probe_video(video)
    stat = video.stat()
    index = {"version": 1, "path": str(video.resolve()), "mtime": stat.st_mtime_ns, "size": stat.st_size}
    plant(index_file(cache, video), index | {"hash": digest})
    before = tree(root.parent, skip=cache)
    assert probe_video(video, cache) == fresh
    assert check(root).codes == ["A301"]
    assert tree(root.parent, skip=cache) == before
    assert not list(outside.iterdir())
    assert stored(index_file(cache, video))["hash"] == content_hash(video)


@pytest.mark.parametrize(
    "junk",
    [
        [],
        {"version": 1},
        {"version": 1, "path": None, "mtime": "now", "size": -1, "hash": "a" * 40},
        {"version": 2, "path": "x", "mtime": 0, "size": 0, "hash": "a" * 40},
    ],
)
def test_index_file_of_the_wrong_shape_is_rebuilt(root, junk):
    video, cache = root / "clip.mp4", root / ".postcheck_cache"
    fresh = probe_video(video)
    plant(index_file(cache, video), junk)
    assert probe_video(video, cache) == fresh
    assert stored(index_file(cache, video))["hash"] == content_hash(video)


# ------------------------------------------------------------------ audio-activity cache

JUNK_ACTIVITIES = {
    "string": "junk",
    "list": [[0, 1]],
    "activity is null": {"activity": None},
    "missing field": {"activity": {"stretches": [], "audio_end": 1.0}},
    "stretches is a dict": {"activity": {"stretches": {}, "audio_end": 1.0, "reference_db": -3.0}},
    "stretch of three": {"activity": {"stretches": [[0, 1, 2]], "audio_end": 3.0, "reference_db": -3.0}},
    "stretch of strings": {"activity": {"stretches": [["0", "1"]], "audio_end": 3.0, "reference_db": -3.0}},
    "backwards stretch": {"activity": {"stretches": [[5.0, 1.0]], "audio_end": 6.0, "reference_db": -3.0}},
    "stretches out of order": {"activity": {"stretches": [[4, 5], [1, 2]], "audio_end": 6, "reference_db": -3}},
    "huge end": {"activity": {"stretches": [[0, 10**400]], "audio_end": 6.0, "reference_db": -3.0}},
    "audio_end is null": {"activity": {"stretches": [], "audio_end": None, "reference_db": -3.0}},
    "error is a dict": {"error": {}},
}


@pytest.mark.parametrize("junk", JUNK_ACTIVITIES.values(), ids=JUNK_ACTIVITIES.keys())
def test_audio_activity_entry_of_the_wrong_shape_is_recomputed(tmp_path, junk):
    video = make_video(tmp_path / "talk.mp4", 4.0, audio=bursts([(1.0, 2.0)]))
    cache = tmp_path / "cache"
    fresh = audio_activity(video)
    plant(entry_file(cache, video), {"version": 1, "audio-30-p1": junk})
    assert audio_activity(video, cache) == fresh
    assert stored(entry_file(cache, video))["audio-30-p1"] == {"activity": fresh.to_json()}


def test_run_over_a_junk_audio_entry_reports_as_without_a_cache(root):
    make_video(root / "clip.mp4", 10.0, audio=tone())  # sound to the end, captions for 2 s only: A303
    cues = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello there\n"
    (root / "clip.vtt").write_text(cues, encoding="utf-8")
    (root / "p.md").write_text(POST.replace("clip.mp4}", "clip.mp4, captions: [clip.vtt]}"), encoding="utf-8")
    expected = check(root, "--no-cache")
    plant(entry_file(root / ".postcheck_cache", root / "clip.mp4"), {"version": 1, "audio-30-p1": {"activity": "x"}})
    run = check(root)
    assert (run.exit_code, run.json) == (expected.exit_code, expected.json)
    assert "A303" in run.codes


# ------------------------------------------------------------------ the cache folder and its files


@needs_symlinks
def test_cache_folder_that_is_a_symlink_is_neither_read_nor_written(root):
    outside = root.parent / "outside"
    (root / ".postcheck_cache").symlink_to(outside, target_is_directory=True)
    expected = check(root, "--no-cache")
    assert check(root).json == expected.json
    assert not list(outside.iterdir())


@needs_symlinks
def test_media_folder_that_is_a_symlink_is_not_written_through(root):
    outside = root.parent / "outside"
    cache = root / ".postcheck_cache"
    cache.mkdir()
    (cache / "media").symlink_to(outside, target_is_directory=True)
    assert probe_video(root / "clip.mp4", cache) == probe_video(root / "clip.mp4")
    assert not list(outside.iterdir())


@needs_symlinks
def test_entry_that_links_outside_is_not_read_and_the_target_is_left_alone(root):
    video, cache = root / "clip.mp4", root / ".postcheck_cache"
    lie = json.dumps({"version": 1, "probe": {"info": {**GOOD_INFO, "width": 9999}}})
    target = root.parent / "outside" / "lie.json"
    target.write_text(lie, encoding="utf-8")
    entry_file(cache, video).parent.mkdir(parents=True)
    entry_file(cache, video).symlink_to(target)
    assert probe_video(video, cache).width == 32
    assert target.read_text(encoding="utf-8") == lie
    assert not entry_file(cache, video).is_symlink()  # the link itself was replaced by a real entry


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_planted_as_an_entry_does_not_hang_the_run(root):
    video, cache = root / "clip.mp4", root / ".postcheck_cache"
    entry_file(cache, video).parent.mkdir(parents=True)
    os.mkfifo(entry_file(cache, video))
    results = []
    reader = threading.Thread(target=lambda: results.append(read_json(entry_file(cache, video), cache)), daemon=True)
    reader.start()
    reader.join(10)
    assert results == [None]
    assert probe_video(video, cache) == probe_video(video)


def test_write_json_writes_nothing_outside_the_cache_folder(tmp_path):
    cache = tmp_path / "cache"
    for path in (cache / ".." / "escaped.json", cache / "a" / ".." / ".." / "escaped.json", tmp_path / "escaped.json"):
        write_json(path, {"x": 1}, cache)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    write_json(cache / "a" / "ok.json", {"x": 1}, cache)
    assert read_json(cache / "a" / "ok.json", cache) == {"x": 1}


def test_read_json_refuses_a_path_outside_the_cache_folder(tmp_path):
    (tmp_path / "secret.json").write_text('{"x": 1}', encoding="utf-8")
    assert read_json(tmp_path / "cache" / ".." / "secret.json", tmp_path / "cache") is None


# ------------------------------------------------------------------ link cache (links.json, --online)


def good_link(url: str, when: float) -> dict:
    return {"time": when, "result": {"url": url, "status": 200, "chain": [url], "error": None, "refused": False}}


def spoil(link: str, when: float, **changes: object) -> dict:
    """A good entry for `link` with some of its values changed."""
    entry = good_link(link, when)
    entry["result"] |= {k: v for k, v in changes.items() if k != "time"}
    if "time" in changes:
        entry["time"] = changes["time"]
    return entry


@pytest.fixture
def fetched(monkeypatch):
    """The URLs fetched (none really: each answers 404), in order."""
    from postcheck.text import fetch as fetch_module

    urls: list[str] = []

    def fake(url, timeout=5.0, allow_private=False):
        urls.append(url)
        return fetch_module.FetchResult(url, 404, (url,), "HTTP 404")

    monkeypatch.setattr(fetch_module, "fetch", fake)
    return urls


def test_link_cache_entries_of_the_wrong_shape_are_fetched_again(tmp_path, fetched):
    import time

    from postcheck.text.fetch import LinkChecker

    now = time.time()
    u = "https://example.org/"
    planted = {
        u + "good": good_link(u + "good", now - 10),
        u + "list": [],
        u + "null": None,
        u + "no result": {"time": now},
        u + "extra key": good_link(u + "extra key", now) | {"evil": 1},
        u + "time is a string": spoil(u + "time is a string", now, time="now"),
        u + "time is true": spoil(u + "time is true", now, time=True),
        u + "time in the future": spoil(u + "time in the future", now, time=now + 10**6),
        u + "huge time": spoil(u + "huge time", now, time=10**400),
        u + "infinite time": spoil(u + "infinite time", now, time="INFINITY"),
        u + "other url": spoil(u + "other url", now, url=u + "good"),
        u + "status is a string": spoil(u + "status is a string", now, status="200"),
        u + "status 99999": spoil(u + "status 99999", now, status=99999),
        u + "huge status": spoil(u + "huge status", now, status=10**400),
        u + "chain is a string": spoil(u + "chain is a string", now, chain="https://example.org/"),
        u + "empty chain": spoil(u + "empty chain", now, chain=[]),
        u + "chain holds null": spoil(u + "chain holds null", now, chain=[None]),
        u + "error is a list": spoil(u + "error is a list", now, error=["x"]),
        u + "refused": spoil(u + "refused", now, refused=True),
        u + "result is a list": {"time": now, "result": []},
    }
    plant(tmp_path / "links.json", planted)
    results = LinkChecker(cache_dir=tmp_path).check(planted)
    assert fetched == [url for url in planted if url != u + "good"]
    assert results[u + "good"].status == 200
    assert all(r.status == 404 and r.chain == (url,) for url, r in results.items() if url != u + "good")
    again = LinkChecker(cache_dir=tmp_path).check(planted)  # the rewritten cache is all good entries
    assert len(fetched) == len(planted) - 1 and again == results


@pytest.mark.parametrize("text", ["[]", "null", '"links"', "[" * 100_000, '{"a": 1', "NaN"])
def test_link_cache_that_is_not_a_table_is_ignored(tmp_path, fetched, text):
    from postcheck.text.fetch import LinkChecker

    (tmp_path / "links.json").write_text(text, encoding="utf-8")
    assert LinkChecker(cache_dir=tmp_path).check(["https://example.org/"])["https://example.org/"].status == 404
    assert fetched == ["https://example.org/"]


def test_online_run_over_a_planted_link_cache_fetches_again(root, fetched):
    import time

    url = "https://example.org/page"
    (root / "p.md").write_text(f"---\nplatforms: [x]\n---\nSee {url}\n", encoding="utf-8")
    cache = root / ".postcheck_cache"
    plant(cache / "links.json", {url: spoil(url, time.time(), status="200", chain=url)})
    before = tree(root.parent, skip=cache)
    run = check(root, "--select", "L105", "--online")
    assert (run.exit_code, run.codes, fetched) == (1, ["L105"], [url])
    assert tree(root.parent, skip=cache) == before


@needs_symlinks
def test_link_cache_file_that_links_outside_is_neither_read_nor_overwritten(root, fetched):
    import time

    url = "https://example.org/page"
    (root / "p.md").write_text(f"---\nplatforms: [x]\n---\nSee {url}\n", encoding="utf-8")
    target = root.parent / "outside" / "links.json"
    target.write_text(json.dumps({url: good_link(url, time.time())}), encoding="utf-8")
    cache = root / ".postcheck_cache"
    cache.mkdir()
    (cache / "links.json").symlink_to(target)
    before = target.read_bytes()
    run = check(root, "--select", "L105", "--online")
    assert (run.codes, fetched) == (["L105"], [url])
    assert target.read_bytes() == before
