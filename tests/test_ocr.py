"""A107 image-text-not-in-alt: the words on posters must be in their alt text; OCR runs once per image content."""

from __future__ import annotations

import os
import shutil

import pytest

from postcheck import media
from postcheck.media import ocr
from postcheck.media.ocr import ImageText, TextLine, alt_coverage, as_alt_text, engine_missing
from tests.conftest import FIXED_NOW, check_files, run_cli, write
from tests.poster_factory import SAMPLES, cases, sample

needs_ocr = pytest.mark.skipif(engine_missing() is not None, reason=f"A107 cannot run here: {engine_missing()}")


def _post(image: str, alt: str, extra: str = "") -> str:
    return f"---\nplatforms: [x]\nimages:\n  - file: {image}\n    alt: {alt}\n{extra}---\nOur flu clinics are open.\n"


def _check_image(tmp_path, name: str, alt: str, extra: str = "", *args: str):
    sample(name).draw(tmp_path / "poster.png")
    return check_files(tmp_path, {"post.md": _post("poster.png", alt, extra)}, "--select", "A107", *args)


@pytest.fixture
def engine_calls(monkeypatch):
    """How many images the OCR engine reads (the process-wide memo emptied first)."""
    calls = []
    read = ocr._read

    def counting(path):
        calls.append(path)
        return read(path)

    monkeypatch.setattr(ocr, "_seen", {})
    monkeypatch.setattr(ocr, "_read", counting)
    return calls


@pytest.fixture
def logged_reads(tmp_path, monkeypatch):
    """Every process's readings, the forked ones' too, logged to a file (the process-wide memo emptied first): a
    callable that gives them as (process id, path) pairs."""
    import os

    log = tmp_path.parent / f"{tmp_path.name}-reads.log"
    read = ocr._read

    def logging(path):
        with open(log, "a") as handle:
            handle.write(f"{os.getpid()} {path}\n")
        return read(path)

    monkeypatch.setattr(ocr, "_seen", {})
    monkeypatch.setattr(ocr, "_read", logging)
    return lambda: [tuple(line.split(" ", 1)) for line in log.read_text().splitlines()] if log.exists() else []


# --- the rule, end to end -----------------------------------------------------------------------------------


@needs_ocr
def test_poster_whose_alt_carries_its_text_passes(tmp_path):
    run = _check_image(
        tmp_path, "flu-poster", "Poster: Flu clinics, Monday to Friday, 9am to 5pm. No appointment needed."
    )
    assert run.codes == [], run.output


@needs_ocr
def test_poster_with_a_summary_alt_is_reported_with_the_missing_words_quoted(tmp_path):
    run = _check_image(tmp_path, "flu-poster", "Flu clinic poster")
    assert run.codes == ["A107"] and run.exit_code == 1
    finding = run.json["findings"][0]
    assert finding["severity"] == "error" and finding["line"] == 5
    assert "7 of 9 words missing" in finding["message"]
    assert "\u201cMonday to Friday 9am to 5pm No appointment needed\u201d" in finding["message"]


@needs_ocr
@pytest.mark.parametrize("name", ["photo-a", "shapes", "logo-nhs", "logo-word", "watermark"])
def test_photos_logos_and_watermarks_pass_whatever_the_alt(tmp_path, name):
    run = _check_image(tmp_path, name, "A picture")
    assert run.codes == [], run.output


@needs_ocr
def test_decorative_image_is_not_read(tmp_path, engine_calls):
    run = _check_image(tmp_path, "flu-poster", "Flu clinic poster", "    decorative: true\n")
    assert run.codes == [] and engine_calls == []


@needs_ocr
def test_missing_and_placeholder_alts_are_left_to_a101_and_a102(tmp_path, engine_calls):
    sample("flu-poster").draw(tmp_path / "poster.png")
    files = {"a.md": _post("poster.png", "IMG_2041.jpg"), "b.md": "---\nimages:\n  - file: poster.png\n---\nHi\n"}
    run = check_files(tmp_path, files, "--select", "A1")
    assert sorted(run.codes) == ["A101", "A102"] and engine_calls == []


@needs_ocr
def test_corrupt_image_is_f006_and_never_reaches_the_ocr(tmp_path, engine_calls):
    files = {"post.md": _post("poster.png", "Flu clinic poster"), "poster.png": b"\x89PNG\r\n\x1a\n broken"}
    run = check_files(tmp_path, files)
    assert [c for c in run.codes if c.startswith(("F", "A107"))] == ["F006"]
    assert engine_calls == []


@needs_ocr
def test_ocr_runs_once_per_image_content_and_a_second_run_reads_the_cache(tmp_path, engine_calls):
    sample("flu-poster").draw(tmp_path / "poster.png")
    (tmp_path / "copy.png").write_bytes((tmp_path / "poster.png").read_bytes())
    files = {
        "postcheck.toml": "",
        "a.md": _post("poster.png", "Flu clinic poster"),
        "b.md": _post("poster.png", "Poster about flu clinics"),
        "c.md": _post("copy.png", "Flu clinic poster again"),
    }
    write(tmp_path, files)
    first = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--select", "A107", cwd=tmp_path)
    assert first.codes == ["A107"] * 3 and len(engine_calls) == 1  # three posts, two files, one content
    assert list((tmp_path / ".postcheck_cache" / "media").glob("*.json"))
    ocr._seen.clear()
    second = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--select", "A107", cwd=tmp_path)
    assert second.json["findings"] == first.json["findings"] and len(engine_calls) == 1


@needs_ocr
def test_a_tampered_cache_entry_is_read_again(tmp_path, engine_calls):
    sample("flu-poster").draw(tmp_path / "poster.png")
    write(tmp_path, {"postcheck.toml": "", "a.md": _post("poster.png", "Flu clinic poster")})
    run_cli(".", "--select", "A107", cwd=tmp_path)
    for entry in (tmp_path / ".postcheck_cache" / "media").glob("*.json"):
        text = entry.read_text()
        if "ocr-" in text:
            entry.write_text(text.replace('"lines":[[', '"lines":[[7,'))
    shutil.rmtree(tmp_path / ".postcheck_cache" / "results")  # else the post's findings are replayed, OCR not asked
    ocr._seen.clear()
    again = run_cli(".", "--format", "json", "--select", "A107", cwd=tmp_path)
    assert again.codes == ["A107"] and len(engine_calls) == 2


@needs_ocr
def test_prefetch_reads_each_image_once_for_a_pool_to_inherit_and_lets_the_engine_go(tmp_path, engine_calls):
    from postcheck.config import load_config
    from postcheck.engine import Options, collect_posts, make_context
    from postcheck.rules.alt_text import image_text_not_in_alt, prefetch_image_text

    sample("flu-poster").draw(tmp_path / "poster.png")
    sample("photo-a").draw(tmp_path / "photo.png")
    files = {
        "postcheck.toml": "",
        "a.md": _post("poster.png", "Flu clinic poster"),
        "b.md": _post("poster.png", "Poster about flu clinics"),
        "c.md": _post("photo.png", "A photo", "    decorative: true\n"),
    }
    write(tmp_path, files)
    config, options = load_config(tmp_path / "postcheck.toml"), Options(cache=False)
    ctx = make_context([str(tmp_path)], config, options)
    posts, _ = collect_posts([str(tmp_path)], config, ctx, options)
    prefetch_image_text(posts, ctx)
    assert engine_calls == [tmp_path.resolve() / "poster.png"] and ocr._engine is None  # the decorative one unread
    found = [problem for post in posts for problem in image_text_not_in_alt(post, ctx)]
    assert len(found) == 2 and len(engine_calls) == 1  # the rule, as a forked worker runs it, reads the memo


@needs_ocr
def test_two_threads_asking_for_one_image_content_read_it_once(tmp_path, engine_calls):
    from concurrent.futures import ThreadPoolExecutor

    sample("flu-poster").draw(tmp_path / "poster.png")
    (tmp_path / "copy.png").write_bytes((tmp_path / "poster.png").read_bytes())
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(ocr.read_image_text, [tmp_path / "poster.png", tmp_path / "copy.png"]))
    assert texts[0] == texts[1] and len(engine_calls) == 1


@needs_ocr
def test_a_pooled_run_reads_each_shared_image_once_before_its_workers_fork(tmp_path, logged_reads):
    from postcheck.engine import MIN_POOL

    sample("flu-poster").draw(tmp_path / "poster.png")
    sample("photo-a").draw(tmp_path / "photo.png")  # read at the same time as the poster (two threads)
    images = ["poster.png", "photo.png"]
    posts = {f"p{i:03}.md": _post(images[i % 2], "Flu clinic poster") for i in range(MIN_POOL)}
    write(tmp_path, {"postcheck.toml": "", **posts})
    run = run_cli(
        ".", "--format", "json", "--now", FIXED_NOW, "--select", "A107", "--jobs", "2", "--no-cache", cwd=tmp_path
    )
    assert run.codes == ["A107"] * (MIN_POOL // 2)  # the poster's posts; the photo has no text
    assert sorted(path for _, path in logged_reads()) == sorted(str(tmp_path.resolve() / name) for name in images)


def _reader_run(tmp_path, *args: str):
    """A pooled run over posts sharing five images (and one left to a published post)."""
    from postcheck.engine import MIN_POOL

    images = ["flu-poster", "photo-a", "photo-b", "shapes", "logo-word", "logo-nhs"]
    for name in images:
        sample(name).draw(tmp_path / f"{name}.png")
    posts = {f"p{i:03}.md": _post(f"{images[i % 5]}.png", "Flu clinic poster") for i in range(MIN_POOL)}
    gone = _post("logo-nhs.png", "Our logo").replace("---\nOur", "status: published\n---\nOur")
    write(tmp_path, {"postcheck.toml": "", **posts, "gone.md": gone})
    return run_cli(".", "--format", "json", "--select", "A107", "--no-cache", *args, cwd=tmp_path)


@needs_ocr
def test_a_pooled_run_reads_its_images_in_a_reader_process_while_the_posts_load(tmp_path, logged_reads):
    import os
    from pathlib import Path

    run = _reader_run(tmp_path, "--jobs", "2")
    assert run.codes == ["A107"] * 40  # the poster's posts: the photos and the chart carry no text, the logo is minor
    assert sorted(Path(path).name for _, path in logged_reads()) == sorted(
        f"{name}.png" for name in ["flu-poster", "photo-a", "photo-b", "shapes", "logo-word"]
    )  # each once, and not the published post's logo
    readers = {pid for pid, _ in logged_reads()}
    assert len(readers) == 1 and str(os.getpid()) not in readers  # all in the reader, none in the run's process


@needs_ocr
def test_a_reader_that_dies_leaves_the_reading_to_the_run(tmp_path, monkeypatch, logged_reads):
    import multiprocessing
    import os

    from postcheck.rules.alt_text import ImageTextReader

    monkeypatch.setattr(ImageTextReader, "_read", lambda *args: os._exit(1))
    run = _reader_run(tmp_path, "--jobs", "2")
    assert run.codes == ["A107"] * 40 and len(logged_reads()) == 5
    assert not multiprocessing.active_children()


@needs_ocr
def test_a_run_that_stops_while_loading_leaves_no_reader(tmp_path, logged_reads):
    import multiprocessing

    from postcheck.config import load_config
    from postcheck.engine import Options, UsageError, run

    _reader_run(tmp_path, "--jobs", "1")  # writes the posts
    options = Options(cache=False, jobs=2)
    with pytest.raises(UsageError):  # found after the folder's posts have loaded and the reader has started
        run([str(tmp_path), str(tmp_path / "no-such-folder")], load_config(tmp_path / "postcheck.toml"), options)
    assert not multiprocessing.active_children()


def test_text_presence_step_passes_faint_small_words_and_stops_plain_images():
    from PIL import Image, ImageDraw

    from tests.poster_factory import font

    plain = Image.new("RGB", (512, 288), (0, 94, 184))
    gradient = Image.linear_gradient("L").resize((512, 288)).convert("RGB")
    word = plain.copy()
    ImageDraw.Draw(word).text((200, 130), "Open", fill=(40, 120, 200), font=font(0, 12))  # faint on blue
    assert not ocr.may_have_text(plain) and not ocr.may_have_text(gradient)
    assert ocr.may_have_text(word)


# --- the unsafe fix ---------------------------------------------------------------------------------------


@needs_ocr
def test_unsafe_fix_appends_the_text_on_the_image(tmp_path):
    sample("flu-poster").draw(tmp_path / "poster.png")
    files = {
        "plain.md": _post("poster.png", "Flu clinic poster"),
        "inline.md": "Our clinics are open.\n![Flu clinic poster](poster.png)\n",
        "quoted.yaml": 'text: Our clinics are open.\nimages:\n  - file: poster.png\n    alt: "Flu clinic poster."\n',
        "bulk.csv": "date,time_24hr,message_text,image_url,image_alt_text\n"
        "01/12/2026,10:00,Our clinics are open.,poster.png,Flu clinic poster\n",
    }
    run = check_files(tmp_path, files, "--select", "A107", "--fix")
    assert run.codes == ["A107"] * 4 and (tmp_path / "plain.md").read_text() == files["plain.md"]  # unsafe only
    check_files(tmp_path, {}, "--select", "A107", "--fix", "--unsafe-fixes")
    words = "Text on the image: Flu clinics, Monday to Friday, 9am to 5pm, No appointment needed."
    assert (tmp_path / "plain.md").read_text() == files["plain.md"].replace(
        "alt: Flu clinic poster", f'alt: "Flu clinic poster. {words}"'
    )
    assert (tmp_path / "inline.md").read_text() == f"Our clinics are open.\n![Flu clinic poster. {words}](poster.png)\n"
    assert (tmp_path / "quoted.yaml").read_text() == files["quoted.yaml"].replace(
        '"Flu clinic poster."', f'"Flu clinic poster. {words}"'
    )
    assert (tmp_path / "bulk.csv").read_text().endswith(f',poster.png,"Flu clinic poster. {words}"\n')
    assert check_files(tmp_path, {}, "--select", "A107").codes == []


def test_fix_text_joins_lines_as_a_sentence():
    lines = ("Pharmacy First", "Get treatment for seven", "conditions. Ask your", "pharmacist today")
    text = ImageText(tuple(TextLine(line, 1.0, (0, i * 10, 100, i * 10 + 8)) for i, line in enumerate(lines)))
    assert as_alt_text(text) == "Pharmacy First, Get treatment for seven, conditions. Ask your, pharmacist today."


# --- availability -------------------------------------------------------------------------------------------


def test_without_the_ocr_extra_a107_is_unavailable_and_a_run_with_images_says_so_once(tmp_path, monkeypatch):
    monkeypatch.setattr(media, "OCR_MODULES", ("postcheck_no_such_ocr_engine",))
    listed = run_cli("rules")
    assert "A107  E  U    image-text-not-in-alt" in listed.output
    assert "[unavailable: the OCR engine is not installed: pip install 'postcheck[ocr]']" in listed.output
    assert {r["code"]: r["available"] for r in run_cli("rules", "--format", "json").json}["A107"] is False
    (tmp_path / "poster.png").write_bytes(b"not read")
    write(tmp_path, {"postcheck.toml": "", "a.md": _post("poster.png", "Flu"), "b.md": _post("poster.png", "Flu")})
    run = run_cli(".", "--select", "A107", "--no-cache", cwd=tmp_path)
    assert run.exit_code == 0
    note = "postcheck: note: A107 image-text-not-in-alt is not checked: the OCR engine is not installed"
    assert run.stderr.count(note) == 1
    warm = run_cli(".", "--select", "A107", cwd=tmp_path), run_cli(".", "--select", "A107", cwd=tmp_path)
    assert [r.stderr.count(note) for r in warm] == [1, 1]  # a post replayed from the cache says it again
    write(tmp_path, {"a.md": "Flu jabs at your GP practice.\n", "b.md": "Book online.\n"})
    for args in (("--no-cache",), ()):  # nothing for A107 to read: nothing said, on a fresh run or a cached one
        assert note not in run_cli(".", "--select", "A107", *args, cwd=tmp_path).stderr


def test_image_text_thresholds_are_validated(tmp_path):
    write(tmp_path, {"postcheck.toml": "[image-text]\nmin-coverage = 1.5\n", "a.md": "Hi\n"})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and "image-text.min-coverage must be at most 1" in run.stderr
    write(tmp_path, {"postcheck.toml": "[image-text]\nmin-wrods = 3\n"})
    assert "did you mean 'min-words'" in run_cli(".", cwd=tmp_path).stderr


def test_init_starter_carries_the_image_text_thresholds(tmp_path):
    assert run_cli("init", cwd=tmp_path).exit_code == 0
    starter = (tmp_path / "postcheck.toml").read_text()
    assert "[image-text]\n" in starter and "min-words = 4" in starter and "min-coverage = 0.8" in starter


# --- coverage, without the engine -------------------------------------------------------------------------


def _text(*lines: str) -> ImageText:
    return ImageText(tuple(TextLine(line, 1.0, (0, 10 * i, 100, 10 * i + 8)) for i, line in enumerate(lines)))


def test_coverage_forgives_ocr_noise_case_punctuation_and_order():
    text = _text("FLU CLINICS", "Mon-Fri 9am-5pm", "Iocal pharmacy", "8amto6pm")
    coverage = alt_coverage(
        text, "From 8 am to 6 pm, and 9am to 5pm Monday to Friday: flu clinic at the local pharmacy"
    )
    assert coverage.missing == () and coverage.share == 1.0


def test_coverage_counts_different_significant_words_and_quotes_from_the_first_missing():
    coverage = alt_coverage(_text("Flu clinics", "Monday to Friday", "9am to 5pm"), "Flu clinic poster")
    assert coverage.distinct == 6 and coverage.distinct_missing == 4
    assert [w.text for w in coverage.missing] == ["Monday", "Friday", "9am", "5pm"]
    assert coverage.missing[0].line == 1 and coverage.missing[0].start == 0
    assert coverage.missing_text() == "Monday to Friday 9am to 5pm"
    assert alt_coverage(_text("19 December"), "9 December").missing[0].text == "19"


# --- accuracy on the test set -------------------------------------------------------------------------------


@needs_ocr
def test_recall_and_precision_on_the_generated_posters(tmp_path):
    """Every sample with every alt as one post, checked in one run (each image read once)."""
    files = {"postcheck.toml": ""}
    expected = {}
    for s in SAMPLES:
        s.draw(tmp_path / f"{s.name}.png")
    for number, (s, alt, fires) in enumerate(cases()):
        name = f"case{number:03}.md"
        files[name] = _post(f"{s.name}.png", '"' + alt.replace('"', '\\"') + '"')
        expected[name] = fires
    write(tmp_path, files)
    run = run_cli(".", "--format", "json", "--select", "A107", "--no-cache", cwd=tmp_path)
    flagged = {f["path"] for f in run.json["findings"]}
    true_pos = sum(1 for name, fires in expected.items() if fires and name in flagged)
    recall = true_pos / sum(expected.values())
    precision = true_pos / len(flagged)
    assert recall >= 0.95 and precision >= 0.95, (recall, precision, sorted(flagged))
    minor = {f"case{n:03}.md" for n, (s, _, _) in enumerate(cases()) if s.minor or not s.lines}
    assert not flagged & minor  # photos, logos and watermarks never


def _engine_in_child() -> tuple[bool, bool]:
    return ocr._engine is None, ocr._engine_lock.acquire(timeout=1)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_process_starts_without_the_engine_or_a_lock_held_at_the_fork():
    """A run forks its workers (and A107's reader) while another thread may be reading an image: the child must not
    inherit the engine, whose ONNX Runtime threads did not come with it, nor the lock that reading held."""
    import multiprocessing

    ocr._engine = object()
    ocr._engine_lock.acquire()
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            assert pool.apply(_engine_in_child) == (True, True)
    finally:
        ocr._engine_lock.release()
        ocr._engine = None


def _frozen_in_child() -> int:
    import gc

    return gc.get_freeze_count()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_process_never_collects_what_it_inherited():
    """The parent's garbage may hold threads of a C library (PyAV's filter graphs) that a fork does not copy: a
    forked worker that collected it waited for them for ever. What a child inherits is frozen, and the parent thaws."""
    import gc
    import multiprocessing

    import postcheck.engine  # noqa: F401  (registers the freeze)

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_frozen_in_child) > 0
    assert gc.get_freeze_count() == 0
