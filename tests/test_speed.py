"""What makes runs fast must not change what they report: the process pool, the result cache, lazy imports and the
rewritten hot paths (M102's patterns, front-matter positions, the JSON encoder). No timings here: bench/speed.py."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from postcheck import engine, results_cache
from postcheck.cache import read_json, write_json
from postcheck.model import Field, Source
from tests.conftest import FIXED_NOW, run_cli, write

ROOT = Path(__file__).resolve().parents[1]

WORDS = [
    "flu",
    "clinic",
    "open",
    "winter",
    "book",
    "free",
    "vaccine",
    "pharmacist",
    "help",
    "cough",
    "cold",
    "bloody",
    "hell",
    "Jane",
    "Example",
    "damn",
]
TAGS = ["#FluJab", "#staywell", "#mentalhealthawareness", "#NHS111"]
LINKS = ["https://www.nhs.uk/flu/", "https://bit.ly/x1", "http://example.com", "www.gov.uk"]


def generated(folder: Path, count: int, seed: int = 7) -> Path:
    """A posts root with `count` varied posts: images (one missing), suppressions, dates, a bulk CSV."""
    rng = random.Random(seed)
    files: dict[str, str | bytes] = {
        "postcheck.toml": '[links]\napproved = ["nhs.uk"]\n[moderation]\nstaff = ["Jane Example"]\n',
        "bulk.csv": "text,platforms,publish_at\nHello #flujab,x,2026-12-01 10:00\nCall 07700 900123,facebook,\n",
    }
    write(folder, files)
    for i in range(3):
        Image.new("RGB", (40 + i, 30), (i * 80, 0, 0)).save(folder / f"img{i}.png")
    for i in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30)))
        text = f"{words.capitalize()}. {rng.choice(TAGS)} {rng.choice(LINKS)}"
        front = f"platforms: [{rng.choice(['x', 'facebook', 'x, linkedin'])}]\n"
        if rng.random() < 0.7:
            hour = rng.choice(["03", "10", "22"])
            front += f"publish_at: 2026-{rng.choice([11, 12])}-{1 + i % 28:02d}T{hour}:00:00+00:00\n"
        body = text
        if rng.random() < 0.5:
            body += f"\n\n![{rng.choice(['', 'image', 'A nurse at work'])}](img{rng.randint(0, 3)}.png)"
        if rng.random() < 0.1:
            body += "\n<!-- postcheck: ignore M102 quoting a patient -->"
        (folder / f"post-{i:04d}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    return folder


def check_json(folder: Path, *args: str) -> str:
    run = run_cli(".", "--format", "json", "--now", FIXED_NOW, *args, cwd=folder)
    assert run.exit_code in (0, 1), run.output + run.stderr
    return run.output


@pytest.fixture
def pool_pids(monkeypatch, tmp_path):
    """The ids of the processes that ran the rules (a forked worker inherits the patched method)."""
    marks = tmp_path / "pids"
    marks.mkdir()
    real = engine.Engine.rule_problems

    def spy(self, post):
        (marks / str(os.getpid())).touch()
        return real(self, post)

    monkeypatch.setattr(engine.Engine, "rule_problems", spy)

    def pids() -> set[int]:
        found = {int(p.name) for p in marks.iterdir()}
        for p in marks.iterdir():
            p.unlink()
        return found

    return pids


def test_jobs_2_gives_byte_identical_json_on_the_fixtures(monkeypatch, pool_pids):
    monkeypatch.setattr(engine, "MIN_POOL", 1)  # the fixtures are a small run: pool them all the same
    alone = check_json(ROOT, "fixtures/posts", "--no-cache", "--jobs", "1")
    assert pool_pids() == {os.getpid()}
    pooled = check_json(ROOT, "fixtures/posts", "--no-cache", "--jobs", "2")
    workers = pool_pids()
    assert len(workers) == 2 and os.getpid() not in workers
    assert pooled == alone
    assert json.loads(alone)["findings"]


def test_jobs_2_gives_byte_identical_json_on_a_generated_folder(tmp_path, pool_pids):
    folder = generated(tmp_path / "posts", 260)
    alone = check_json(folder, "--no-cache", "--jobs", "1", "--include-published")
    pool_pids()
    pooled = check_json(folder, "--no-cache", "--jobs", "2", "--include-published")
    assert len(pool_pids() - {os.getpid()}) == 2
    assert pooled == alone
    codes = {f["code"] for f in json.loads(alone)["findings"]}
    assert {"A101", "A201", "F004", "L101", "M102", "P106"} <= codes


def test_a_small_run_stays_in_one_process(tmp_path, pool_pids):
    folder = generated(tmp_path / "posts", 20)
    check_json(folder, "--no-cache", "--jobs", "2")
    assert pool_pids() == {os.getpid()}


def imported(folder: Path, modules: list[str], cache: bool = False) -> list[str]:
    """Which of `modules` (or their submodules) a check of post.md in a fresh interpreter imported."""
    argv = ["postcheck", "check", "post.md"] + ([] if cache else ["--no-cache"])
    script = (
        f"import sys\nfrom postcheck.cli import main\nsys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        f"print(sorted(m for m in sys.modules if m in {modules!r} or m.split('.')[0] in {modules!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1].replace("'", '"'))


def test_text_only_post_imports_no_media_phone_or_word_library(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "post.md": "---\nplatforms: [x]\n---\nFlu clinics are open this winter.\n"})
    assert imported(tmp_path, ["av", "PIL", "numpy", "phonenumbers", "wordsegment", "wordfreq"]) == []


def test_post_with_hashtags_does_not_load_the_regex_module(tmp_path):
    text = "Flu clinics are open #FluJab #stayhealthy, see https://www.nhs.uk #NHS111\n"
    write(tmp_path, {"postcheck.toml": "", "post.md": f"---\nplatforms: [x, facebook]\n---\n{text}"})
    assert imported(tmp_path, ["regex"]) == []


def test_post_naming_only_public_numbers_does_not_load_the_phone_library(tmp_path):
    toml = '[moderation]\nallowed-contacts = ["01632 960001", "enquiries@example.nhs.uk"]\n'
    text = "Keep 999 and A&E for emergencies, or call 111. Open 9am to 5pm, 7 days a week.\n"
    write(tmp_path, {"postcheck.toml": toml, "post.md": f"---\nplatforms: [x]\n---\n{text}"})
    assert imported(tmp_path, ["phonenumbers"]) == []


def test_image_post_imports_no_video_or_caption_module(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "post.md": "---\nplatforms: [x]\n---\nFlu clinic.\n![A nurse](a.png)\n"})
    Image.new("RGB", (40, 30), (200, 0, 0)).save(tmp_path / "a.png")
    assert imported(tmp_path, ["av", "webvtt", "postcheck.media.video", "postcheck.media.captions"]) == []


def test_changed_post_whose_images_are_unchanged_does_not_load_pillow(tmp_path):
    Image.new("RGB", (40, 30), (200, 0, 0)).save(tmp_path / "a.png")
    post = "---\nplatforms: [x]\n---\n![A nurse](a.png)\n"
    write(tmp_path, {"postcheck.toml": "", "post.md": post + "Flu clinic.\n"})
    assert "PIL" in imported(tmp_path, ["PIL"], cache=True)
    write(tmp_path, {"post.md": post + "Flu clinics are open.\n"})
    assert imported(tmp_path, ["PIL"], cache=True) == []  # the media cache knows the image


def test_console_entry_ends_the_process_with_all_its_output_and_exit_code(tmp_path):
    posts = {f"p{i:03}.md": f"---\nplatforms: [x]\n---\nPost {i} #flujab #stayhealthy\n" for i in range(300)}
    write(tmp_path, {"postcheck.toml": "", **posts})
    command = [sys.executable, "-m", "postcheck", ".", "--now", FIXED_NOW, "--no-cache", "--fail-on", "warning"]
    inside = run_cli(".", "--no-cache", "--fail-on", "warning", cwd=tmp_path)
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (1, inside.output) and len(done.stdout) > 50_000
    json_done = subprocess.run([*command, "--format", "json", "--output", "out.json"], cwd=tmp_path)
    assert json_done.returncode == 1 and len(json.loads((tmp_path / "out.json").read_text())["findings"]) == 600
    # a reader that stops early (`| head`): no traceback
    piped = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    piped.stdout.read(100)
    piped.stdout.close()
    assert "Traceback" not in piped.stderr.read().decode() and piped.wait() != 0


# --- the result cache -------------------------------------------------------------------------------------------


@pytest.fixture
def rule_runs(monkeypatch):
    """How many posts had their (clock-free) rules run, across the runs of a test."""
    calls = []
    real = engine.Engine.rule_problems

    def spy(self, post):
        calls.append(post.display_path)
        return real(self, post)

    monkeypatch.setattr(engine.Engine, "rule_problems", spy)
    return calls


def cached_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    write(
        folder,
        {
            "postcheck.toml": '[links]\napproved = ["nhs.uk"]\n',
            "a.md": "---\nplatforms: [x]\npublish_at: 2026-12-01T10:00:00+00:00\n---\nSee https://example.com today\n"
            "\n![A nurse at work](pic.png)\n",
            "b.md": "---\nplatforms: [x]\n---\nFlu clinics are open. #flujab\n",
        },
    )
    Image.new("RGB", (40, 30), (200, 0, 0)).save(folder / "pic.png")
    return folder


def codes(output: str, path: str) -> list[str]:
    return [f["code"] for f in json.loads(output)["findings"] if f["path"] == path]


def test_unchanged_posts_are_replayed_with_identical_output(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    first = check_json(folder)
    assert len(rule_runs) == 2
    assert list((folder / ".postcheck_cache" / "results").glob("*.json"))
    assert check_json(folder) == first
    assert len(rule_runs) == 2  # nothing ran again
    assert check_json(folder, "--no-cache") == first
    assert len(rule_runs) == 4


def test_edited_post_is_checked_again(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    assert "L101" not in codes(check_json(folder), "b.md")
    (folder / "b.md").write_text("---\nplatforms: [x]\n---\nFlu clinics: https://example.com #flujab\n")
    assert "L101" in codes(check_json(folder), "b.md")
    assert rule_runs == ["a.md", "b.md", "b.md"]


def test_edited_referenced_image_is_checked_again(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    assert "F006" not in codes(check_json(folder), "a.md")
    (folder / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n not an image any more")
    assert "F006" in codes(check_json(folder), "a.md")
    assert rule_runs == ["a.md", "b.md", "a.md"]


def test_image_rewritten_with_its_size_and_mtime_kept_is_checked_again(tmp_path, rule_runs):
    """`cp -p`, rsync -t or a tar extraction can give an image new bytes with the old size and mtime, in the same
    inode: its ctime still moves, so neither the results cache nor the media cache replays the old answer."""
    folder = cached_folder(tmp_path)
    first = check_json(folder)
    assert "F006" not in codes(first, "a.md")
    image = folder / "pic.png"
    before = image.stat()
    spoilt = bytearray(image.read_bytes())
    spoilt[-20] ^= 0xFF  # inside the image data: its checksum no longer matches
    with open(image, "r+b") as file:
        file.write(spoilt)
    os.utime(image, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (image.stat().st_size, image.stat().st_mtime_ns, image.stat().st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    warm = check_json(folder)
    assert warm == check_json(folder, "--no-cache") and "F006" in codes(warm, "a.md")


def test_changed_config_checks_every_post_again(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    assert "L101" in codes(check_json(folder), "a.md")
    (folder / "postcheck.toml").write_text('[links]\napproved = ["nhs.uk", "example.com"]\n')
    assert "L101" not in codes(check_json(folder), "a.md")
    assert len(rule_runs) == 4


def test_corrupt_cache_files_are_ignored_and_rewritten(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    first = check_json(folder)
    shards = list((folder / ".postcheck_cache" / "results").glob("*.json"))
    junk = [
        "not json",
        json.dumps({"format": results_cache.FORMAT, "entries": {str(folder / "a.md"): {"key": "x", "posts": 3}}}),
        json.dumps([1, 2]),
    ]
    for shard, text in zip(shards, junk * len(shards), strict=False):
        shard.write_text(text)
    assert check_json(folder) == first
    assert len(rule_runs) == 4
    for shard in shards:  # rewritten, signed, in this module's format
        assert read_json(shard, folder / ".postcheck_cache")["format"] == results_cache.FORMAT
    assert check_json(folder) == first
    assert len(rule_runs) == 4


def test_cached_entry_whose_key_matches_but_content_is_foreign_is_recomputed(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    first = check_json(folder)
    cache = folder / ".postcheck_cache"
    for shard in (cache / "results").glob("*.json"):  # signed with this user's key, but what it holds is wrong
        data = read_json(shard, cache)
        for entry in data["entries"].values():  # a fix that would write outside the posts root
            entry["posts"][0]["findings"] = [
                ["L101", "error", "x", None, [1, 1, 0, 0, 1, 1], ["safe", [[0, 0, "x", "/etc/x", True]]], None, True]
            ]
        write_json(shard, data, cache)
    assert check_json(folder) == first
    assert len(rule_runs) == 4


def test_read_only_cache_folder_still_works_quietly(tmp_path, monkeypatch, rule_runs):
    folder = cached_folder(tmp_path)
    (folder / ".postcheck_cache").mkdir()
    (folder / ".postcheck_cache" / "results").write_text("a file where the folder would go")  # no folder can be made
    os.chmod(folder / ".postcheck_cache", 0o555)

    def refuse(*args, **kwargs):  # what a read-only folder says, even to root
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr("postcheck.cache.tempfile.mkstemp", refuse)
    try:
        run = run_cli(".", "--format", "json", "--now", FIXED_NOW, cwd=folder)
        again = run_cli(".", "--format", "json", "--now", FIXED_NOW, cwd=folder)
    finally:
        os.chmod(folder / ".postcheck_cache", 0o755)
    assert run.exit_code == 1 and run.stderr == "" and again.output == run.output
    assert check_json(folder, "--no-cache") == run.output


def test_a_post_that_has_come_due_is_checked_again_never_replayed(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    before = run_cli(
        ".", "--format", "json", "--now", "2026-11-24T12:00:00+00:00", "--include-published", cwd=folder
    ).output
    after = run_cli(
        ".", "--format", "json", "--now", "2026-12-05T12:00:00+00:00", "--include-published", cwd=folder
    ).output
    back = run_cli(
        ".", "--format", "json", "--now", "2026-11-24T12:00:00+00:00", "--include-published", cwd=folder
    ).output
    assert "P106" not in codes(before, "a.md")
    assert "P106" in codes(after, "a.md")
    assert back == before
    # b.md, a draft, is replayed; a.md's P106 depends on the clock once its time has come: it is never replayed
    assert rule_runs == ["a.md", "b.md", "a.md", "a.md"]


# --- rewritten hot paths ----------------------------------------------------------------------------------------


def test_m102_phrase_pattern_matches_as_the_per_phrase_alternation_did():
    from postcheck.text.profanity import _any_phrase, _phrase_pattern, builtin_words

    words = builtin_words()
    phrases = list(words.phrases) + list(words.innocent) + ["pants on fire", "bugger-all"]
    old = re.compile(
        "|".join(f"(?:{_phrase_pattern(p).pattern})" for p in sorted(phrases, key=len, reverse=True)), re.IGNORECASE
    )
    new = _any_phrase(phrases)
    rng = random.Random(3)
    pieces = [p for phrase in phrases for p in re.split(r"[\s-]+", phrase)] + ["x", "O'", "'", "-", " ", "\n", "é"]
    texts = [path.read_text(encoding="utf-8") for path in (ROOT / "fixtures").rglob("*.md")]
    texts += [
        "".join(rng.choice(pieces) + rng.choice(["", " ", "-", "_", "'"]) for _ in range(30)) for _ in range(3000)
    ]
    texts += [phrase.upper() + "s " + phrase for phrase in phrases]
    for text in texts:
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text


def test_m102_finds_as_it_did_without_its_prefilters(monkeypatch):
    """M102 searches a text for phrases only when it has one of their first words, and goes through it token by
    token only when a token holds a listed word: on the fixtures and thousands of generated texts, the same finds."""
    from postcheck.text import profanity
    from postcheck.text.profanity import ProfanityMatcher, builtin_words

    words = builtin_words()
    phrases = list(words.phrases) + list(words.innocent) + ["pants on fire", "bugger-all"]
    rng = random.Random(5)
    pieces = [p for phrase in phrases for p in re.split(r"[\s-]+", phrase)] + sorted(words.words)[:300]
    pieces += ["x", "O'", "'", "-", " ", "\n", "é", "#", "@", "f*ck", "sh1t", "ſ", "K", "_", "!"]
    texts = [path.read_text(encoding="utf-8") for path in (ROOT / "fixtures").rglob("*.md")]
    texts += [
        "".join(rng.choice(pieces) + rng.choice(["", " ", "-", "_", "'"]) for _ in range(25)) for _ in range(3000)
    ]
    texts += [phrase.upper() + "s " + phrase.title() for phrase in phrases]
    found = [ProfanityMatcher(words, ["pants on fire"], ["bugger-all", "arsing"]).find(text) for text in texts]
    monkeypatch.setattr(profanity, "_may_hold", lambda heads, words: True)  # search every text for phrases
    monkeypatch.setattr(ProfanityMatcher, "_may_swear", lambda self, text: True)  # and go through every token
    slow = ProfanityMatcher(words, ["pants on fire"], ["bugger-all", "arsing"])
    assert [slow.find(text) for text in texts] == found
    assert sum(map(bool, found)) > 1000  # the texts swear often enough to tell


def test_phone_prefilter_lets_through_every_number_libphonenumber_finds(monkeypatch):
    from postcheck.text import pii

    rng = random.Random(11)
    gaps = ["", "", "", "", "", "", " ", " ", "  ", "-", ".", "/", "(", ")", " - ", "\n", " x "]
    starts = ["0", "07", "01", "02", "+44 ", "+44 (0)", "00", "+1 ", "+353 ", "０", "٠"]

    def number() -> str:
        digits = [rng.choice("0123456789") for _ in range(rng.randint(8, 10))]
        return rng.choice(starts) + "".join(d + rng.choice(gaps) for d in digits)

    words = ["Call", "us on", "open 9am to 5pm", "or 111", "ref", "NHS", "#", "@", "x", "ext 12", "\n"]
    texts = [" ".join(rng.choice(words + [number()] * 3) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    texts += [
        "Call 0161 496 0000",
        "07700.900.123",
        "+44 (0) 20  7946  0000",
        "020-7946-0000 x 12",
        "0 7 7 0 0 9 0 0 1 2",
    ]
    found = [pii.find_phone_numbers(text) for text in texts]
    monkeypatch.setattr(pii, "_MAYBE_PHONE", re.compile(""))  # every text goes to libphonenumber
    assert [pii.find_phone_numbers(text) for text in texts] == found
    assert sum(map(bool, found)) > 300  # numbers common enough to tell, among near misses


def test_front_matter_fields_map_as_character_alignment_does():
    from postcheck.loaders.structured import _scalar_field, parse_yaml

    values = ["plain", "two words", "é and ü", "a 'quote'", 'say "hi"', "tab\there", "x\ny", "", "'", "ends with '"]
    docs = [f"key: {json.dumps(v, ensure_ascii=False)}\n" for v in values]
    docs += [f"key: {v}\n" for v in values if v and "\n" not in v and v[0] not in "'\"" and ": " not in v]
    docs += ["key: 'it''s'\n", "key: |\n  block\n  text\n", "key: >-\n  folded\n  text\n", 'key: "\\u00e9t\\u00e9"\n']
    for doc in docs:
        source = Source(Path("p.md"), doc)
        _, node = parse_yaml(doc)
        scalar = node.value[0][1]
        start, end = scalar.start_mark.index, scalar.end_mark.index
        assert _scalar_field(scalar, source, 0) == Field.aligned(str(scalar.value), source, start, end), doc


def test_json_indenting_matches_json_dumps():
    from postcheck.reporters.json import indented

    rng = random.Random(5)
    leaves = [None, True, False, 0, -3, 2**70, 1.5, float("nan"), "", 'é\n"\\\u2028\x00', "plain"]

    def value(depth: int):
        roll = rng.random()
        if depth > 3 or roll < 0.4:
            return rng.choice(leaves)
        if roll < 0.7:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(["a", "b", "é", "\n"]) + str(i): value(depth + 1) for i in range(rng.randint(0, 3))}

    for _ in range(2000):
        data = value(0)
        assert indented(data) == json.dumps(data, indent=2, ensure_ascii=False)


def test_installed_plugins_are_listed_from_the_user_cache_until_a_package_folder_changes(tmp_path, monkeypatch):
    import importlib.metadata

    from postcheck.rules import installed_plugins

    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", str(tmp_path / "cache"))
    site = tmp_path / "site"
    info = site / "postcheck_extra-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: postcheck-extra\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[postcheck.rules]\nextra = postcheck_extra.rules\n")
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    assert ("extra", "postcheck_extra.rules") in installed_plugins()

    def no_scan(**kwargs):
        raise AssertionError("scanned the installed distributions again")

    with monkeypatch.context() as patch:
        patch.setattr(importlib.metadata, "entry_points", no_scan)
        assert ("extra", "postcheck_extra.rules") in installed_plugins()

    other = site / "postcheck_more-2.0.dist-info"  # installing a package changes its folder
    other.mkdir()
    (other / "METADATA").write_text("Metadata-Version: 2.1\nName: postcheck-more\nVersion: 2.0\n")
    (other / "entry_points.txt").write_text("[postcheck.rules]\nmore = postcheck_more:rules\n")
    os.utime(site, ns=(1, os.stat(site).st_mtime_ns + 10**9))
    assert {("extra", "postcheck_extra.rules"), ("more", "postcheck_more:rules")} <= set(installed_plugins())

    both = set(installed_plugins())
    monkeypatch.setattr(sys, "path", sys.path[1:])  # another environment (an editor's, pre-commit's) in between
    assert ("extra", "postcheck_extra.rules") not in installed_plugins()
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    with monkeypatch.context() as patch:  # the first environment's list is still kept
        patch.setattr(importlib.metadata, "entry_points", no_scan)
        assert set(installed_plugins()) == both


def test_compiled_globs_match_as_fnmatch_does():
    import fnmatch

    from postcheck.engine import glob_matches

    def reference(rel: str, pattern: str) -> bool:  # the matcher before patterns were compiled once
        pattern = pattern.strip()
        while pattern.startswith("./"):
            pattern = pattern[2:]
        pattern = pattern.strip("/")
        if not pattern:
            return False
        parts = rel.split("/")
        if "/" not in pattern:
            return any(fnmatch.fnmatch(part, pattern) for part in parts)
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        forms = {pattern, pattern.replace("/**/", "/")}
        forms |= {form[3:] for form in forms if form.startswith("**/")}
        return any(fnmatch.fnmatch(prefix, form) for prefix in prefixes for form in forms)

    rng = random.Random(11)
    names = ["posts", "archive", "drafts", "a.md", "b.yaml", "README.md", "x[1].md", "2026"]
    bits = ["*", "**", "?", "[ab]", "*.md", "posts", "archive", "drafts", "./", "/", " ", "2026", "[!a]*"]
    for _ in range(3000):
        rel = "/".join(rng.choice(names) for _ in range(rng.randint(1, 4)))
        pattern = "".join(rng.choice(bits + ["/"]) for _ in range(rng.randint(1, 5)))
        assert glob_matches(rel, pattern) == reference(rel, pattern), (rel, pattern)


def test_combined_globs_match_as_each_pattern_does():
    from postcheck.engine import _matches, glob_matches

    rng = random.Random(12)
    names = ["posts", "archive", "drafts", "a.md", "b.yaml", "README.md", "x[1].md", "2026", "A.MD"]
    bits = ["*", "**", "?", "[ab]", "*.md", "posts", "archive", "drafts", "./", "/", " ", "2026", "[!a]*", "|", "("]
    for _ in range(3000):
        rel = "/".join(rng.choice(names) for _ in range(rng.randint(1, 4)))
        patterns = [
            "".join(rng.choice(bits + ["/"]) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(0, 4))
        ]
        assert _matches(rel, patterns) == any(glob_matches(rel, p) for p in patterns), (rel, patterns)


def test_display_paths_are_as_relpath_gives_them(tmp_path, monkeypatch):
    from postcheck.engine import _display

    (tmp_path / "in" / "deep").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "in")
    for given in ["a.md", "./a.md", "deep/../a.md", "deep/./b.md", "../in/a.md", "../x.md", "..", "./deep//c.md"]:
        assert _display(Path(given), given) == os.path.relpath(Path(given), Path.cwd()), given
    assert _display(tmp_path / "a.md", str(tmp_path)) == str(tmp_path / "a.md")


def test_posts_reached_through_linked_folders_and_files_are_loaded_once(tmp_path, monkeypatch):
    from postcheck.config import load_config

    write(tmp_path, {"postcheck.toml": "", "posts/a.md": "---\nplatforms: [x]\n---\nFlu clinic open today.\n"})
    (tmp_path / "linked").symlink_to(tmp_path / "posts")
    (tmp_path / "posts" / "b.md").symlink_to(tmp_path / "posts" / "a.md")
    monkeypatch.chdir(tmp_path)
    result = engine.run(["posts", "linked/a.md"], load_config(tmp_path / "postcheck.toml"), engine.Options())
    assert [p.display_path for p in result.posts] == ["posts/a.md"]


def test_fix_checks_the_posts_themselves_not_their_cached_findings(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    first = json.loads(check_json(folder))
    fixable = [f for f in first["findings"] if f["path"] == "b.md" and f["fix"]]
    assert fixable and fixable[0]["fix"]["applicability"] == "safe"
    run_cli(".", "--fix", "--now", FIXED_NOW, cwd=folder)
    assert rule_runs.count("b.md") == 3  # checked, checked again to fix, then checked once fixed
    assert (folder / "b.md").read_text() != "---\nplatforms: [x]\n---\nFlu clinics are open. #flujab\n"
    assert not [f for f in json.loads(check_json(folder))["findings"] if f["path"] == "b.md" and f["fix"]]


def test_installing_a_package_checks_every_post_again(tmp_path, monkeypatch, rule_runs):
    from postcheck import results_cache

    folder = cached_folder(tmp_path)
    first = check_json(folder)
    monkeypatch.setattr(results_cache, "_installed", lambda: [["site-packages", ":1:2"]])  # a plugin, an OCR engine
    assert check_json(folder) == first
    assert len(rule_runs) == 4


def test_published_posts_are_left_out_without_being_read_again_and_checked_when_named(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    (folder / "old.md").write_text(
        "---\nplatforms: [x]\npublish_at: 2026-01-05T10:00:00+00:00\n---\nSee http://x.org\n"
    )
    first = json.loads(check_json(folder))
    assert first["summary"]["published_not_checked"] == 1 and rule_runs == ["a.md", "b.md"]
    assert json.loads(check_json(folder)) == first
    assert rule_runs == ["a.md", "b.md"]  # old.md's entry says it has gone out: not parsed, not checked
    named = run_cli("old.md", "--format", "json", "--now", FIXED_NOW, cwd=folder)
    assert {"L101", "P106"} <= {f["code"] for f in json.loads(named.output)["findings"]}
    assert rule_runs == ["a.md", "b.md", "old.md"]  # named: checked, its findings never replayed (it is due)


def test_a_missing_image_is_looked_for_again_on_every_run(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    (folder / "pic.png").rename(folder / "later.png")
    assert "F004" in codes(check_json(folder), "a.md")
    (folder / "later.png").rename(folder / "pic.png")
    assert "F004" not in codes(check_json(folder), "a.md")
    assert rule_runs == ["a.md", "b.md", "a.md"]  # b.md replayed; a.md, whose image was missing, checked again


def test_a_published_post_named_after_its_folder_is_read_again_not_checked_as_replayed(tmp_path, rule_runs):
    folder = cached_folder(tmp_path)
    (folder / "old.md").write_text(
        "---\nplatforms: [x]\npublish_at: 2026-01-05T10:00:00+00:00\n---\nSee http://x.org\n\n![A nurse](pic.png)\n"
    )
    check_json(folder)
    check_json(folder)  # old.md comes from the cache now, left out as published
    fresh = run_cli(".", "old.md", "--format", "json", "--now", FIXED_NOW, "--no-cache", cwd=folder).output
    named = run_cli(".", "old.md", "--format", "json", "--now", FIXED_NOW, cwd=folder).output
    assert named == fresh
    assert {"L101", "P106"} <= set(codes(named, "old.md")) and "A101" not in codes(named, "old.md")


def test_package_stamp_moves_when_a_module_or_data_file_under_the_folder_changes(tmp_path):
    """An editable install changes postcheck's files without a new version: the results cache key must see it."""
    from postcheck import results_cache

    package = write(tmp_path / "postcheck", {"__init__.py": "", "text/words.tsv": "a\t1\n", "rules/x.py": ""})
    first = results_cache.package_stamp(package)
    assert first[0] == 3
    later = os.stat(package / "text/words.tsv").st_mtime_ns + 5_000_000_000
    os.utime(package / "text/words.tsv", ns=(later, later))
    second = results_cache.package_stamp(package)
    assert second != first
    write(package, {"text/extra.txt": "new\n"})
    assert results_cache.package_stamp(package)[0] == 4
    write(package, {"__pycache__/x.cpython-312.pyc": b"\0"})  # Python's own writes are not a change
    assert results_cache.package_stamp(package)[0] == 4


def test_results_cache_key_covers_postcheck_own_files(tmp_path, monkeypatch, rule_runs):
    from postcheck import results_cache

    folder = cached_folder(tmp_path)
    first = check_json(folder)
    assert check_json(folder) == first and len(rule_runs) == 2  # replayed
    monkeypatch.setattr(results_cache, "package_stamp", lambda folder: [1, 2])  # a module edited in place
    assert check_json(folder) == first
    assert len(rule_runs) == 4  # checked afresh
