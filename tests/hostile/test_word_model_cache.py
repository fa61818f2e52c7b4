"""Issue 12, item 9: the stored word model is untrusted input. A planted or damaged file must cost no more memory
than its own (bounded) size, never hang or crash the run, and is rebuilt."""

from __future__ import annotations

import os
import struct
import tracemalloc
import zlib

import pytest

from postcheck.text import hashtags

WORDS = {"a": -3.0, "ab": -5.5, "abc": -7.25, "b": -4.0, "bc": -6.0, "cat": -8.0, "flu": -9.0, "jab": -9.5}
TABLES = {"words": WORDS, "pairs": {"flujab": (-10.0, 3)}, "letters": {"^^^a": -1.5, "^^^f": -2.0}}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The model cache in tmp_path, with a small model built in place of the word lists; returns the builds."""
    built: list[int] = []
    monkeypatch.setattr(hashtags, "build_model", lambda: built.append(1) or TABLES)
    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", str(tmp_path))
    return built


def model_path():
    path = hashtags._model_cache()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def assert_good(model: hashtags.Model) -> None:
    assert [model.words.get(w) for w in ("cat", "jab", "dog")] == [-8.0, -9.5, None]
    assert hashtags.Segmenter(model).pair("flujab") == (-10.0, ("flu", "jab"))


def peak_while(action) -> int:
    """Peak bytes Python allocated while `action()` ran."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def header(sections: int, size: int, index: bytes = b"") -> bytes:
    return hashtags._HEADER.pack(hashtags._MAGIC, hashtags.MODEL_VERSION, sections, size, zlib.crc32(index)) + index


@pytest.mark.parametrize(
    "planted",
    [
        b"\xdb\xff\xff\xff\x7f",  # the 5 bytes that made marshal allocate 1.6 GB: a list of 2**31 items
        b"",
        b"not a model",
        b"\x00" * 4096,
        header(0xFFFF_FFFF, 2**63),  # claims four billion sections and a file of 8 EB
        header(10**6, 40),  # more index entries than the file holds
    ],
    ids=["marshal-bomb", "empty", "text", "zeros", "huge-claims", "index-past-end"],
)
def test_a_planted_file_is_refused_in_bounded_memory_and_rebuilt(cache, planted):
    path = model_path()
    path.write_bytes(planted)
    opened = lambda: hashtags.Model(hashtags.ModelFile(path))  # noqa: E731
    assert peak_while(lambda: pytest.raises(ValueError, opened)) < 100_000
    assert_good(hashtags.load_model())
    assert cache == [1] and path.read_bytes() == hashtags.pack_model(TABLES)  # rewritten


def test_a_file_larger_than_any_model_is_not_read(cache):
    path = model_path()
    with open(path, "wb") as file:
        file.truncate(hashtags.MAX_MODEL_BYTES + 1)  # sparse: no disk used
    assert peak_while(lambda: pytest.raises(ValueError, hashtags.ModelFile, path)) < 100_000
    assert_good(hashtags.load_model())
    assert cache == [1]


def test_an_index_entry_pointing_outside_the_file_is_refused(cache):
    good = hashtags.pack_model(TABLES)
    sections = hashtags._HEADER.unpack_from(good)[2]
    entry = hashtags._ENTRY.pack(0, b"ca", 10**6, 10**9, 10**9, 0)
    index = entry + good[hashtags._HEADER.size + hashtags._ENTRY.size : hashtags._HEADER.size + sections * 24]
    data = header(sections, len(good), index) + good[hashtags._HEADER.size + len(index) :]
    assert len(data) == len(good)
    with pytest.raises(ValueError, match="index damaged"):
        hashtags.Model(data)


def test_a_section_whose_sizes_lie_is_refused_even_with_a_matching_checksum():
    good = hashtags.pack_model(TABLES)
    model = hashtags.Model(good)
    (table, prefix), (count, offset, length, crc) = next(iter(model._index.items()))
    model._index[(table, prefix)] = (count + 10**8, offset, length, crc)  # more keys than bytes
    with pytest.raises(ValueError, match="section damaged"):
        model.read(table, prefix)


def test_a_damaged_section_is_found_on_first_use_and_the_model_rebuilt(cache):
    path = model_path()
    data = bytearray(hashtags.pack_model(TABLES))
    data[data.index(b"cat")] = ord("d")  # "dat": same shape, wrong checksum
    path.write_bytes(bytes(data))
    model = hashtags.load_model()  # the header and index are sound
    assert cache == []
    assert_good(model)  # the "ca" section fails its checksum: rebuilt once, the lookup answered
    assert cache == [1] and path.read_bytes() == hashtags.pack_model(TABLES)


def test_a_model_of_another_version_is_rebuilt(cache, monkeypatch):
    path = model_path()
    path.write_bytes(hashtags.pack_model(TABLES))
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, len(hashtags._MAGIC), hashtags.MODEL_VERSION + 1)
    path.write_bytes(bytes(data))
    assert_good(hashtags.load_model())
    assert cache == [1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_place_of_the_model_does_not_hang_the_run(cache):
    path = model_path()
    os.mkfifo(path)  # nobody writes to it: a blocking open would wait for ever
    assert_good(hashtags.load_model())
    assert cache == [1] and path.is_file()


def test_a_device_in_place_of_the_model_is_not_read(cache):
    path = model_path()
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    path.symlink_to("/dev/zero")  # endless zeros
    assert peak_while(lambda: pytest.raises(ValueError, hashtags.ModelFile, path)) < 100_000
    assert_good(hashtags.load_model())


def test_a_cache_folder_that_cannot_be_written_still_gives_the_model(tmp_path, monkeypatch):
    built: list[int] = []
    monkeypatch.setattr(hashtags, "build_model", lambda: built.append(1) or TABLES)
    (tmp_path / "postcheck").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", str(tmp_path))
    assert_good(hashtags.load_model())
    assert_good(hashtags.load_model())
    assert built == [1, 1]  # nothing could be stored: built each time, no error


def test_a_model_file_cut_short_while_in_use_is_rebuilt(cache):
    path = model_path()
    path.write_bytes(hashtags.pack_model(TABLES))
    model = hashtags.load_model()  # reads the header and index only
    with open(path, "r+b") as file:
        file.truncate(path.stat().st_size // 2)  # another process cuts it short, in place
    assert_good(model)  # its sections are read now: cut short, so rebuilt
    assert cache == [1]


def test_a_partial_model_left_by_a_killed_run_is_removed_when_stale(cache):
    path = model_path()
    stale = path.with_name(f".{path.name}.99999.tmp")
    fresh = path.with_name(f".{path.name}.99998.tmp")  # another run may be writing it now
    stale.write_bytes(b"half a model")
    fresh.write_bytes(b"half a model")
    os.utime(stale, (0, 0))
    assert_good(hashtags.load_model())
    assert not stale.exists() and fresh.exists() and path.is_file()
