"""The pipeline end to end: loaders, positions, bad input, config, selection, suppressions, exit codes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, run_cli, write

POST = "---\nplatforms: [x]\n---\nOur flu clinics open on Monday.\n"
MISSING_IMAGE = (
    "---\nplatforms: [x]\nimages:\n  - file: media/gone.png\n    alt: A poster with opening times\n"
    "---\nOur flu clinics open on Monday.\n"
)


def findings(run):
    return [(f["code"], f["line"], f["column"]) for f in run.json["findings"]]


# --- bad input: a finding or a one-line error, never a traceback, never a changed file -----------------


@pytest.mark.parametrize(
    "name, content, where",
    [
        ("bad.md", "---\nplatforms: [x\n---\nHello\n", None),
        ("bad.yaml", "text: hello\nplatforms: [x\n", None),
        ("bad.json", '{"text": "hello", "platforms": ["x"],}', (1, 38)),
        ("bad.csv", 'date,time_24hr,message_text\n01/12/2026,09:30,"never closed\n', (2, 18)),
        ("unclosed.md", "---\nplatforms: [x]\nHello\n", (1, 1)),
        ("latin1.md", "Caf\xe9 opens today\n".encode("latin-1"), (1, 4)),
        ("empty.md", b"", (1, 1)),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (3, 1)),
        ("excel.csv", "date,time_24hr,message_text\n".encode("utf-16"), (1, 1)),
    ],
)
def test_unreadable_file_named_on_the_command_line_is_f001_with_position(tmp_path, name, content, where):
    write(tmp_path, {"postcheck.toml": "", name: content})
    before = (tmp_path / name).read_bytes()
    run = run_cli(name, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 1
    assert [f["code"] for f in run.json["findings"]] == ["F001"]
    finding = run.json["findings"][0]
    if where:
        assert (finding["line"], finding["column"]) == where
    assert "Traceback" not in run.output + run.stderr
    assert (tmp_path / name).read_bytes() == before


def test_utf16_file_is_named_as_such_and_platform_names_are_any_case(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "excel.csv": "date,time_24hr,message_text\n".encode("utf-16")})
    [finding] = run_cli("excel.csv", "--format", "json", cwd=tmp_path).json["findings"]
    assert "UTF-16" in finding["message"] and "save the file as UTF-8" in finding["message"]
    write(tmp_path, {"p.md": "---\n---\nHello\n"})
    assert run_cli("p.md", "--platform", "X,Facebook", cwd=tmp_path).exit_code == 0


def test_malformed_yaml_reports_the_line_of_the_error_in_the_file(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\nkind: post\ntitle: [broken\n---\nHi\n"})
    run = run_cli("p.md", "--format", "json", cwd=tmp_path)
    finding = run.json["findings"][0]
    assert finding["code"] == "F001" and finding["line"] >= 4


def test_bom_and_crlf_posts_are_read_and_positions_count_characters(tmp_path):
    text = "\ufeff---\r\nplatforms: [x]\r\nimages:\r\n  - file: media/gone.png\r\n    alt: Flu jabs\r\n---\r\nHello\r\n"
    (tmp_path / "postcheck.toml").write_text("")
    (tmp_path / "p.md").write_bytes(text.encode("utf-8"))
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert findings(run) == [("F004", 4, 11)]
    edit_free = run.json["findings"][0]
    assert edit_free["end_column"] == 11 + len("media/gone.png")


def test_big_text_files_are_refused_with_a_finding_not_read(tmp_path):
    (tmp_path / "postcheck.toml").write_text("")
    (tmp_path / "huge.md").write_text("word " * 4_200_000)  # 21 MB
    (tmp_path / "large.md").write_text("word " * 220_000)  # 1.1 MB: no platform takes a post this long
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert run.codes == ["F001", "F001"]
    assert all("post files over 1 MB are not read" in f["message"] for f in run.json["findings"])


def test_a_long_post_under_the_limit_is_checked_with_findings_bounded_per_code(tmp_path):
    # 200 KB on one line with many findings of several rules: each used to rescan the text per finding.
    from collections import Counter

    from postcheck.engine import MAX_PER_CODE

    words = ["flu", "#flujab", "https://x.test/a", "01632 960001", "😀", "THE BIG SALE", "bloody", "a@b.com"]
    (tmp_path / "postcheck.toml").write_text("")
    (tmp_path / "long.md").write_text("---\nplatforms: [x]\n---\n" + " ".join(words * 3000))
    run = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    counts = Counter(run.codes)
    assert run.exit_code == 1 and len(counts) >= 4 and max(counts.values()) == MAX_PER_CODE + 1
    summaries = [f["message"] for f in run.json["findings"] if "more" in f["message"] and "not listed" in f["message"]]
    assert len(summaries) == sum(1 for n in counts.values() if n > MAX_PER_CODE)


def test_config_typo_is_a_one_line_error_with_did_you_mean(tmp_path):
    write(tmp_path, {"postcheck.toml": "[links]\napproved = ['nhs.uk']\nshortners = ['bit.ly']\n", "p.md": POST})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2
    assert "did you mean 'shorteners'" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_config_wrong_type_is_a_one_line_error(tmp_path):
    write(tmp_path, {"postcheck.toml": "platforms = 'x'\n", "p.md": POST})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and "platforms must be a list of strings" in run.stderr


def test_unknown_platform_limit_is_a_config_error_whichever_rules_run(tmp_path):
    write(tmp_path, {"postcheck.toml": "[platform.x]\ntext-mx = 300\n", "p.md": POST})
    run = run_cli(".", "--select", "P101", cwd=tmp_path)
    assert run.exit_code == 2 and "unknown key 'platform.x.text-mx'; did you mean 'text-max'?" in run.stderr


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[per-file-ignores]\n"*.md" = ["A2O1"]\n', "per-file-ignores.'*.md': unknown rule code or prefix 'A2O1'"),
        ('ignore = ["A2O1"]\n', "did you mean 'A201'?"),
        ("[hashtags]\nmax = -1\n", "hashtags.max must be at least 0, not -1"),
        ("[captions]\nmax-cps = 0\n", "captions.max-cps must be above 0, not 0"),
    ],
)
def test_config_codes_and_numbers_are_checked(tmp_path, toml, expected):
    write(tmp_path, {"postcheck.toml": toml, "p.md": POST})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and expected in run.stderr and len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [(".",), ("rules",)])
def test_tool_postcheck_that_is_not_a_table_is_a_config_error(tmp_path, command):
    write(tmp_path, {"pyproject.toml": "[tool]\npostcheck = 1\n", "p.md": POST})
    run = run_cli(*command, cwd=tmp_path)
    assert run.exit_code == 2 and run.stderr.strip().endswith("[tool.postcheck] must be a table")


def test_config_toml_syntax_error_is_exit_2(tmp_path):
    write(tmp_path, {"postcheck.toml": "platforms = [\n", "p.md": POST})
    assert run_cli(".", cwd=tmp_path).exit_code == 2


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    run = run_cli("no/such/place", cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stderr.strip() == "postcheck: error: no/such/place: no such file or directory"


def test_folder_without_posts_says_so_and_exits_0(tmp_path):
    (tmp_path / "postcheck.toml").write_text("")
    (tmp_path / "notes.txt").write_text("not a post")
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 0 and "No posts found" in run.output


def test_no_traceback_on_internal_error_without_debug(tmp_path, monkeypatch):
    from postcheck import engine

    write(tmp_path, {"postcheck.toml": "", "p.md": POST})
    monkeypatch.setattr(engine, "run", lambda *a, **k: 1 / 0)
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and "internal error: ZeroDivisionError" in run.stderr
    assert "Traceback" not in run.stderr


# --- loaders ---------------------------------------------------------------------------------------------


def test_unquoted_yaml_value_cut_short_by_a_hashtag_comment_is_f003(tmp_path):
    files = {
        "postcheck.toml": "",
        "cut.yaml": "platforms: [x]\ntext: Book your jab #flujab at https://bit.ly/flu\n",
        "quoted.yaml": 'platforms: [x]\ntext: "Book your jab #flujab" # our note\n',
        "after-quote.yaml": 'platforms: [x]\ntext: "Book your jab" #FluJab\n',
        "noted.md": "---\nplatforms: [x]\ntitle: Winter flu clinics   # YouTube's title\n---\nBody #FluJab\n",
        "block.yaml": "platforms: [x]\ntext: |\n  Book your jab #flujab\n",
        "alt.md": "---\nplatforms: [x]\nimages:\n  - file: a.png\n    alt: A nurse #flu jab\n---\nBody #FluJab\n",
    }
    write(tmp_path, files)
    found = run_cli(".", "--format", "json", "--select", "F003", cwd=tmp_path).json["findings"]
    assert [(f["path"], f["line"], f["column"]) for f in found] == [
        ("after-quote.yaml", 2, 23),
        ("alt.md", 5, 18),
        ("cut.yaml", 2, 21),
    ]
    assert "'#flujab at https://bit.ly/flu' as a comment" in found[2]["message"]


def test_caption_sidecar_linking_out_of_the_root_is_f005_on_the_video(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.vtt").write_text("WEBVTT\n")
    root = tmp_path / "posts"
    post = "---\nplatforms: [x]\nvideos:\n  - file: clip.mp4\n---\nOur film.\n"
    write(root, {"postcheck.toml": "", "clip.mp4": b"not read here", "post.md": post})
    (root / "clip.vtt").symlink_to(outside / "secret.vtt")
    [finding] = run_cli(".", "--format", "json", "--select", "F005", cwd=root).json["findings"]
    assert (finding["line"], finding["column"]) == (4, 11)
    assert "caption file beside the video not read: 'clip.vtt' is a symlink leading outside" in finding["message"]


def test_unknown_platform_is_f003_at_the_item_with_a_hint(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [facebook, twitter, linkdin]\n---\nHello\n"})
    found = run_cli(".", "--format", "json", "--select", "F003", cwd=tmp_path).json["findings"]
    assert [(f["column"], f["message"].split(" (known")[0]) for f in found] == [
        (23, "unknown platform 'twitter'; did you mean 'x'?"),
        (32, "unknown platform 'linkdin'; did you mean 'linkedin'?"),
    ]


def test_empty_platforms_is_f003_and_the_post_is_still_checked_for_the_configured_ones(tmp_path):
    files = {
        "postcheck.toml": 'platforms = ["x"]\n',
        "empty.md": "---\nplatforms: []\n---\n" + "Our flu clinics open on Monday. " * 10 + "\n",
        "blank.md": "---\nplatforms:\n---\nHello\n",
        "commas.csv": 'Text,Date,Time,Networks\nHello,2027-01-12,09:30," , "\n',
        "none.json": '{"text": "Hello", "platforms": []}',
        "no-key.md": "Hello\n",
        "csv-blank.csv": "Text,Date,Time,Networks\nHello,2027-01-12,09:30,\n",  # empty: the configured platforms
        "number.md": "---\nplatforms: 5\n---\nHello\n",
    }
    write(tmp_path, files)
    found = run_cli(".", "--format", "json", "--select", "F003,P101", cwd=tmp_path).json["findings"]
    assert sorted((f["path"], f["code"], f["message"].split(":")[0]) for f in found) == [
        ("blank.md", "F003", "platforms is empty"),
        ("commas.csv", "F003", "platforms is empty"),
        ("empty.md", "F003", "platforms is empty"),
        ("empty.md", "P101", "text is too long for X"),
        ("none.json", "F003", "platforms is empty"),
        ("number.md", "F003", "platforms must be a list of platform names"),
    ]


def test_a_key_given_twice_is_f003_at_the_one_that_is_lost(tmp_path):
    files = {
        "postcheck.toml": "",
        "a.md": "---\nplatforms: [x]\ntitle: A\nplatforms: [facebook]\n---\nHello\n",
        "b.json": '{"text": "First #flujab", "platforms": ["x"], "text": "Second"}',
    }
    write(tmp_path, files)
    found = run_cli(".", "--format", "json", "--select", "F003", cwd=tmp_path).json["findings"]
    assert [(f["path"], f["line"], f["column"], f["message"]) for f in found] == [
        ("a.md", 2, 1, "`platforms` is given again at 4:1, which replaces this one: keep one"),
        ("b.json", 1, 3, "`text` is given again at 1:48, which replaces this one: keep one"),
    ]


def test_yaml_and_json_posts_need_a_text_key(tmp_path):
    write(
        tmp_path,
        {
            "postcheck.toml": "",
            "post.yaml": "text: Hello\nplatforms: [x]\nimages:\n  - file: gone.png\n    alt: Clinic times\n",
            "post.json": '{"text": "Hello", "platforms": ["x"], "images": [{"file": "gone.png", "alt": "Clinic"}]}',
            "other.yaml": "name: not a post\n",
        },
    )
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert sorted((f["path"], f["code"], f["line"]) for f in run.json["findings"]) == [
        ("post.json", "F004", 1),
        ("post.yaml", "F004", 4),
    ]
    assert run.json["summary"]["posts"] == 2


def test_an_escaped_character_is_not_matched_to_the_same_character_further_on(tmp_path):
    # "\u00e9" early and a literal "é" later: the fix must land on the first #flujab, not inside #flujabclinic
    text = 'platforms: [x]\ntext: "Caf\\u00e9 open #flujab, café signs #flujabclinic"\n'
    wrapped = 'platforms: [x]\ntext: "First\\nsecond #flujab line that wraps\n  onto the next #stayhealthy"\n'
    write(tmp_path, {"postcheck.toml": "", "a.yaml": text, "b.yaml": wrapped})
    found = run_cli(".", "--format", "json", "--select", "A201", cwd=tmp_path).json["findings"]
    assert [(f["path"], f["line"], f["column"], bool(f["fix"])) for f in found] == [
        ("a.yaml", 2, 23, True),
        ("a.yaml", 2, 43, True),
        ("b.yaml", 2, 22, True),
        ("b.yaml", 3, 17, True),
    ]
    run_cli(".", "--fix", "--select", "A201", cwd=tmp_path)
    fixed = text.replace("#flujab,", "#FluJab,").replace("#flujabclinic", "#FluJabClinic")
    assert (tmp_path / "a.yaml").read_text() == fixed


def test_yaml_block_values_keep_positions_and_fixes(tmp_path):
    literal = "platforms: [x]\ntext: |\n  Clinic: open now\n  Get a #flujab\n"
    folded = "platforms: [x]\ntext: >-\n  Folded text with\n  #flujab inside\n"
    write(tmp_path, {"postcheck.toml": "", "a.yaml": literal, "b.yaml": folded})
    found = run_cli(".", "--format", "json", "--select", "A201", cwd=tmp_path).json["findings"]
    assert [(f["path"], f["line"], f["column"], bool(f["fix"])) for f in found] == [
        ("a.yaml", 4, 9, True),
        ("b.yaml", 4, 3, True),
    ]
    run_cli(".", "--fix", cwd=tmp_path)
    assert (tmp_path / "a.yaml").read_text() == literal.replace("#flujab", "#FluJab")


def test_json_with_characters_yaml_refuses_keeps_positions(tmp_path):
    post = '{"platforms": ["x"], "text": "We don\x92t close #flujab", "images": [{"file": "a.png", "alt": "A nurse"}]}'
    write(tmp_path, {"postcheck.toml": "", "a.json": post})
    run = run_cli("a.json", "--format", "json", "--select", "A201", cwd=tmp_path)
    [finding] = run.json["findings"]  # it crashed the run (KeyError), or put every finding at 1:1
    assert (finding["line"], finding["column"]) == (1, post.index("#flujab") + 1) and finding["fix"]


def test_json_written_with_surrogate_pair_escapes_keeps_positions_and_fixes(tmp_path):
    text = json.dumps({"platforms": ["x"], "text": "Open 😀 get your #flujab today"})  # "\ud83d\ude00"
    write(tmp_path, {"postcheck.toml": "", "m.json": text})
    [finding] = run_cli("m.json", "--format", "json", "--select", "A201", cwd=tmp_path).json["findings"]
    assert finding["column"] == text.index("#flujab") + 1 and finding["fix"]["edits"]
    assert run_cli("m.json", "--fix", cwd=tmp_path).exit_code == 0
    assert json.loads((tmp_path / "m.json").read_text())["text"] == "Open 😀 get your #FluJab today"


def test_inline_markdown_images_are_images_with_their_positions(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\n---\nHello\n\n![Flu jabs](media/gone.png)\n"})
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert findings(run) == [("F004", 6, 13)]


def test_image_markup_in_a_code_span_or_fence_is_text_and_a_stray_backtick_hides_no_image(tmp_path):
    body = (
        "---\nplatforms: [x]\n---\nWrite alt text like this: `![A nurse](flu.jpg)` or ``![`x`](a.png)``.\n\n"
        "```\n![Fence](fenced.png)\n\n```\n\nA stray ` backtick.\n\n![Poster](media/gone.png) and a `code`.\n"
    )
    write(tmp_path, {"postcheck.toml": "", "p.md": body})
    run = run_cli(".", "--format", "json", "--select", "F004", cwd=tmp_path)
    assert findings(run) == [("F004", 13, 11)]


def test_an_inline_image_destination_is_read_as_a_url_and_findings_still_point_at_it(tmp_path):
    body = "---\nplatforms: [x]\n---\nHello\n\n![Flu jabs](media/flu%20poster.png) ![Flu](media/no%20such.png)\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": body, "media/flu poster.png": b"not read"})
    run = run_cli(".", "--format", "json", "--select", "F004", cwd=tmp_path)
    assert findings(run) == [("F004", 6, 44)]
    assert "media/no such.png" in run.json["findings"][0]["message"]


def test_a_path_written_with_backslashes_names_the_file_it_meant(tmp_path):
    """A path written "media\\flu.png" names that file only on Windows: F004 elsewhere says which file it meant."""
    body = "---\nplatforms: [x]\n---\nHello\n\n![Flu jabs](media\\flu.png) ![Gone](media\\gone.png)\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": body, "media/flu.png": b"not read"})
    run = run_cli(".", "--format", "json", "--select", "F004", cwd=tmp_path)
    meant, gone = run.json["findings"]
    assert "did you mean 'media/flu.png'?" in meant["message"] and meant["suggestion"] == "media/flu.png"
    assert gone["message"] == "image file 'media\\gone.png' does not exist" and gone.get("suggestion") is None


@pytest.mark.parametrize(
    "csv_text, line, column",
    [
        ("date,time_24hr,message_text,image_url\n01/12/2026,09:30,Hello,media/gone.png\n", 2, 24),
        ("Text,Date,Time,Picture Url 1,Alt text picture 1\nHello,2026-12-01,09:30,media/gone.png,A poster\n", 2, 24),
    ],
)
def test_bulk_csv_rows_are_posts_and_findings_point_at_the_cell(tmp_path, csv_text, line, column):
    write(tmp_path, {"postcheck.toml": "", "bulk.csv": csv_text})
    run = run_cli(".", "--format", "json", "--select", "F", cwd=tmp_path)
    assert findings(run) == [("F004", line, column)]


def test_csv_saved_with_semicolons_or_tabs_is_read(tmp_path):
    files = {
        "postcheck.toml": "",
        "semi.csv": 'date;time_24hr;message_text\n01/12/2026;10:00;"Hello; #flujab"\n',
        "tab.csv": "date\ttime_24hr\tmessage_text\n01/12/2026\t10:00\tHello #flujab\n",
    }
    write(tmp_path, files)
    run = run_cli(".", "--format", "json", "--select", "A201", cwd=tmp_path)
    assert sorted((f["path"], f["line"], f["column"]) for f in run.json["findings"]) == [
        ("semi.csv", 2, 26),
        ("tab.csv", 2, 24),
    ]


def test_hootsuite_file_with_semicolons_keeps_commas_in_its_messages(tmp_path):
    write(
        tmp_path, {"postcheck.toml": "", "h.csv": "01/12/2026 09:30;Book your jab, today #flujab;https://www.nhs.uk\n"}
    )
    run = run_cli(".", "--format", "json", "--select", "F003,A201", cwd=tmp_path)
    assert [(f["code"], f["column"]) for f in run.json["findings"]] == [("A201", 39)]


def test_hootsuite_row_with_an_unquoted_comma_is_f001_on_that_row(tmp_path):
    rows = "01/12/2026 10:00,Get your #flujab, it is free,https://www.nhs.uk\n02/12/2026 10:00,Hi #flujab,\n"
    write(tmp_path, {"postcheck.toml": "", "hoot.csv": rows})
    run = run_cli(".", "--format", "json", "--select", "F001,A201", cwd=tmp_path)
    assert [(f["code"], f["line"]) for f in run.json["findings"]] == [("F001", 1), ("A201", 2)]
    assert "4 cells" in run.json["findings"][0]["message"]


def test_csv_layouts_load_text_links_and_local_times():
    from postcheck.loaders.bulk_csv import load_csv
    from postcheck.model import Source

    sprout = 'date,time_24hr,message_text,link_url\n01/12/2026,09:30,"Flu ""jab"" today",https://www.nhs.uk\n'
    hootsuite = '12/01/2026 14:00,"Book now",https://www.nhs.uk/flu\n'
    metricool = "Text,Date,Time,Picture Url 1,Alt text picture 1\nHi,2026-12-01,09:30,a.png,Alt\n"
    from pathlib import Path

    (post,) = load_csv(Source(Path("s.csv"), sprout), "s.csv", "dmy")
    assert post.text.value == 'Flu "jab" today' and post.meta["publish_at"] == "2026-12-01T09:30:00"
    assert post.text.span(0, 3).column == 19 and [c.value for c in post.link_cells] == ["https://www.nhs.uk"]
    (post,) = load_csv(Source(Path("h.csv"), hootsuite), "h.csv", "mdy")
    assert post.text.value == "Book now" and post.meta["publish_at"] == "2026-12-01T14:00:00"
    (post,) = load_csv(Source(Path("m.csv"), metricool), "m.csv", "dmy")
    assert post.images[0].file.value == "a.png" and post.images[0].alt.value == "Alt"


def test_sidecar_captions_are_discovered_beside_the_video(tmp_path):
    from postcheck.loaders.structured import discover_sidecars

    for name in [
        "clip.mp4",
        "clip.vtt",
        "clip.en.vtt",
        "clip.en_GB.srt",
        "clip.en-GB.vtt",
        "clip2.vtt",
        "clip.notes.txt",
    ]:
        (tmp_path / name).write_text("x")
    found = [p.name for p in discover_sidecars(tmp_path, "clip.mp4")[0]]
    assert found == ["clip.en-GB.vtt", "clip.en.vtt", "clip.en_GB.srt", "clip.vtt"]


def test_field_positions_survive_yaml_escapes():
    from pathlib import Path

    from postcheck.loaders.markdown import load_markdown
    from postcheck.model import Source

    text = '---\ntitle: "Say \\"hi\\" #flujab"\n---\nBody\n'
    post = load_markdown(Source(Path("p.md"), text), "p.md")
    title = post.values["title"]
    start = title.value.index("#flujab")
    span = title.span(start, start + 7)
    assert text[span.offset : span.offset + span.length] == "#flujab"


# --- discovery -------------------------------------------------------------------------------------------


def test_default_excludes_skip_readme_and_virtualenvs(tmp_path):
    write(
        tmp_path,
        {"postcheck.toml": "", "README.md": "", ".venv/x.md": "", "node_modules/y.md": "", "posts/p.md": MISSING_IMAGE},
    )
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert run.json["summary"]["files"] == 1 and run.codes == ["F004"]


def test_named_media_file_brings_in_the_posts_that_use_it(tmp_path):
    from PIL import Image

    write(tmp_path, {"postcheck.toml": "", "a.md": MISSING_IMAGE.replace("gone", "used"), "b.md": MISSING_IMAGE})
    (tmp_path / "media").mkdir(exist_ok=True)
    Image.new("RGB", (8, 8)).save(tmp_path / "media" / "used.png")
    run = run_cli("media/used.png", "--format", "json", cwd=tmp_path)
    assert [p for p in {f["post"]["path"] for f in run.json["findings"]}] in ([], ["a.md"])
    assert run.json["summary"]["posts"] == 1


def test_named_media_file_brings_in_every_csv_row_that_uses_it(tmp_path):
    from PIL import Image

    rows = "Text,Date,Time,Picture Url 1,Alt text picture 1\n"
    rows += "First post,2026-12-01,10:00,media/a.png,\nSecond post,2026-12-02,10:00,media/a.png,\n"
    write(tmp_path, {"postcheck.toml": "", "posts.csv": rows})
    (tmp_path / "media").mkdir(exist_ok=True)
    Image.new("RGB", (8, 8)).save(tmp_path / "media" / "a.png")
    run = run_cli("media/a.png", "--select", "A101", "--format", "json", cwd=tmp_path)
    assert [(f["line"], f["code"]) for f in run.json["findings"]] == [(2, "A101"), (3, "A101")]
    assert run.json["summary"]["files"] == 1 and run.json["summary"]["posts"] == 2


# --- config, selection, suppression ---------------------------------------------------------------------


def test_select_ignore_and_severity_overrides(tmp_path):
    write(tmp_path, {"postcheck.toml": '[severity]\nF004 = "warning"\n', "p.md": MISSING_IMAGE})
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert run.json["findings"][0]["severity"] == "warning" and run.exit_code == 0
    assert run_cli(".", "--format", "json", "--fail-on", "warning", cwd=tmp_path).exit_code == 1
    assert run_cli(".", "--format", "json", "--ignore", "F", cwd=tmp_path).codes == []
    assert run_cli(".", "--format", "json", "--select", "X,F004", cwd=tmp_path).codes == ["F004"]


def test_unknown_select_code_is_a_usage_error(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": POST})
    run = run_cli(".", "--select", "Z9", cwd=tmp_path)
    assert run.exit_code == 2 and "unknown rule code" in run.stderr


def test_per_file_ignores(tmp_path):
    write(tmp_path, {"postcheck.toml": '[per-file-ignores]\n"archive/**" = ["F004"]\n', "archive/p.md": MISSING_IMAGE})
    assert run_cli(".", "--format", "json", cwd=tmp_path).codes == []


def test_front_matter_suppression_needs_a_reason_and_unused_ones_are_reported(tmp_path):
    # a suppression without a reason is F003 and suppresses nothing: the F004 it names stands
    used = MISSING_IMAGE.replace("---\nOur", "postcheck:\n  ignore: {F004: the designer adds it tomorrow}\n---\nOur")
    no_reason = MISSING_IMAGE.replace("---\nOur", "postcheck:\n  ignore: {F004: ''}\n---\nOur")
    unused = POST.replace("---\nOur", "postcheck:\n  ignore: {F004: just in case}\n---\nOur")
    write(tmp_path, {"postcheck.toml": "", "used.md": used, "no_reason.md": no_reason, "unused.md": unused})
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert sorted((f["path"], f["code"]) for f in run.json["findings"]) == [
        ("no_reason.md", "F003"),
        ("no_reason.md", "F004"),
        ("unused.md", "X001"),
    ]


def test_inline_comment_suppression(tmp_path):
    post = MISSING_IMAGE + "<!-- postcheck: ignore F004 the file arrives from the designer -->\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post})
    assert run_cli(".", "--format", "json", cwd=tmp_path).codes == []


def test_suppressions_take_prefixes_and_several_codes_and_their_own_findings_obey_per_file_ignores(tmp_path):
    shouting = "---\nplatforms: [x]\n---\nBOOK YOUR FLU JAB NOW #flujab\n"
    files = {
        "postcheck.toml": '[per-file-ignores]\n"quiet/**" = ["X001"]\n',
        "prefix.md": shouting.replace("---\nBOOK", "postcheck:\n  ignore: {A2: campaign style}\n---\nBOOK"),
        "inline.md": shouting + "<!-- postcheck: ignore A201, A205 NHS England writes it so -->\n",
        "typo.md": POST.replace("---\nOur", "postcheck:\n  ignroe: {F004: later}\n---\nOur"),
        "quiet/unused.md": POST.replace("---\nOur", "postcheck:\n  ignore: {F004: just in case}\n---\nOur"),
    }
    write(tmp_path, files)
    found = run_cli(".", "--format", "json", cwd=tmp_path).json["findings"]
    assert [(f["path"], f["code"]) for f in found] == [("typo.md", "F002")]
    assert "did you mean 'ignore'" in found[0]["message"]


def test_pyproject_tool_section_is_found_walking_up(tmp_path):
    write(tmp_path, {"pyproject.toml": '[tool.postcheck]\nignore = ["F004"]\n', "posts/deep/p.md": MISSING_IMAGE})
    assert run_cli("posts", "--format", "json", cwd=tmp_path).codes == []


# --- output and commands --------------------------------------------------------------------------------


def test_json_output_has_the_documented_shape(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING_IMAGE})
    data = run_cli(".", "--format", "json", cwd=tmp_path).json
    assert data["version"] == 1
    finding = data["findings"][0]
    assert set(finding) == {
        "path", "line", "column", "end_line", "end_column", "code", "name", "url", "severity", "message",
        "suggestion", "fix", "post",
    }  # fmt: skip
    assert finding["post"] == {"path": "p.md", "platforms": ["x"], "kind": "post"}
    assert set(data["summary"]) == {
        *("files", "posts", "errors", "warnings", "infos", "fixable"),
        *("published_not_checked", "baselined"),  # what the run left out (DESIGN, Additions)
    }


def test_text_output_has_location_snippet_and_summary(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING_IMAGE})
    run = run_cli(".", cwd=tmp_path)
    assert "p.md:4:11: F004 image file 'media/gone.png' does not exist [error]" in run.output
    assert "^^^^^^^^^^^^^^" in run.output and "\033[" not in run.output
    assert run.output.strip().endswith("Found 1 problem (1 error) in 1 post.")


def test_output_file_and_statistics(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING_IMAGE})
    run = run_cli(".", "--statistics", "--output", "report.txt", cwd=tmp_path)
    assert run.output == "" and "1  F004  missing-media" in (tmp_path / "report.txt").read_text()


def test_rules_json_lists_every_registered_rule():
    from postcheck.rules import all_rules

    listed = json.loads(run_cli("rules", "--format", "json").output)
    assert [r["code"] for r in listed] == list(all_rules())
    assert {"code", "name", "severity", "fixable", "summary"} <= set(listed[0])


def test_explain_prints_the_rule_page():
    run = run_cli("explain", "F001")
    assert run.exit_code == 0 and run.output.startswith("# F001 unparseable-post\n\nSeverity: error. Fix: none.")
    assert "## Bad" in run.output and "\ncode: F001" not in run.output  # the page, its metadata in words
    assert run_cli("explain", "Q999").exit_code == 2
    assert run_cli("explain", "*").exit_code == 2  # not a file pattern: no page is picked at random


def test_cli_conveniences(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\n---\nGet a #flujab and a #stayhealthy\n"})
    result = subprocess.run(  # an option before the command
        [sys.executable, "-m", "postcheck", "--format", "json", "check", "p.md"], cwd=tmp_path, capture_output=True
    )
    assert json.loads(result.stdout)["summary"]["posts"] == 1
    assert run_cli("p.md", "--select", "a201", "--format", "json", cwd=tmp_path).codes == ["A201", "A201"]
    stats = run_cli("p.md", "--statistics", cwd=tmp_path).output
    assert stats.splitlines()[0].split() == ["2", "A201", "hashtag-not-camel-case", "[warning]"]  # counts alone
    run = run_cli("p.md", "--diff", "--output", "fixes.patch", cwd=tmp_path)
    assert run.exit_code == 1 and run.output == "" and "+Get a #FluJab" in (tmp_path / "fixes.patch").read_text()
    assert run_cli("p.md", "--diff", "--format", "json", cwd=tmp_path).exit_code == 2
    (tmp_path / "sub").mkdir()
    assert run_cli("init", "sub", cwd=tmp_path).exit_code == 0 and (tmp_path / "sub/postcheck.toml").is_file()


def test_explain_describes_a_custom_rule_from_the_config(tmp_path):
    toml = '[[custom]]\ncode = "C001"\nphrases = ["miracle cure"]\nforbid = true\nmessage = "No cure claims"\n'
    write(tmp_path, {"postcheck.toml": toml})
    run = run_cli("explain", "c001", cwd=tmp_path)
    assert run.exit_code == 0 and run.output.startswith("# C001 custom-c001")
    assert "must not contain one of 'miracle cure'" in run.output and "No cure claims" in run.output


def test_init_writes_the_policy_starter_once(tmp_path):
    assert run_cli("init", cwd=tmp_path).exit_code == 0
    text = (tmp_path / "postcheck.toml").read_text()
    assert "nhs.uk" in text and "Mon-Fri 09:00-17:00" in text and "Europe/London" in text
    from postcheck.config import load_config

    load_config(tmp_path / "postcheck.toml")  # the starter is valid
    assert run_cli("init", cwd=tmp_path).exit_code == 2
    policy = "Content we retweet (RT) or share on social media does not imply endorsement."
    share = f"---\nkind: share\nsource: https://x.com/NHSEngland/status/1\n---\nWorth a read. {policy}\n"
    write(tmp_path, {"share.md": share})
    assert "D101" not in run_cli("share.md", "--format", "json", cwd=tmp_path).codes  # the policy's own sentence


def test_init_errors_are_one_line(tmp_path):
    run = run_cli("init", "no/such/folder/postcheck.toml", cwd=tmp_path)
    assert run.exit_code == 2 and run.stderr.startswith("postcheck: error: cannot write no/such/folder/postcheck.toml")
    write(tmp_path, {"pyproject.toml": "[tool.postcheck]\nplatforms = ['x']\n"})
    run = run_cli("init", cwd=tmp_path)
    assert run.exit_code == 2 and "already configures postcheck" in run.stderr
    assert not (tmp_path / "postcheck.toml").exists()
    assert run_cli("init", "--force", cwd=tmp_path).exit_code == 0


def test_python_dash_m_and_default_command(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": MISSING_IMAGE})
    result = subprocess.run(
        [sys.executable, "-m", "postcheck", "p.md", "--now", FIXED_NOW], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1 and "F004" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--format", "xml", "."], "Invalid value for '--format'"),
        (["--bogus"], "No such option: --bogus"),
        (["--jobs", "0", "."], "Invalid value for '--jobs'"),
        (["explain"], "Missing argument"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path, args, expected):
    result = subprocess.run([sys.executable, "-m", "postcheck", *args], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("postcheck: error: ") and expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_files_of_two_repositories_in_one_run_keep_their_own_posts_root(tmp_path):
    from PIL import Image

    write(tmp_path, {"team-a/postcheck.toml": "", "team-b/postcheck.toml": ""})
    write(tmp_path, {"team-a/p.md": "---\nplatforms: [x]\n---\nHello\n"})
    post = "---\nplatforms: [x]\nimages:\n  - file: media/img.png\n    alt: Flu clinic times poster\n---\nHello\n"
    write(tmp_path, {"team-b/img.md": post})
    (tmp_path / "team-b/media").mkdir()
    Image.new("RGB", (64, 40)).save(tmp_path / "team-b/media/img.png")
    for paths in (("team-a/p.md", "team-b/img.md"), ("team-b/img.md", "team-a/p.md")):  # pre-commit passes both
        run = run_cli(*paths, "--format", "json", cwd=tmp_path)
        assert run.codes == [] and run.json["summary"]["posts"] == 2, paths  # no F005 for team-b's image
        assert "postcheck.toml is not used: one run takes one config" in run.stderr
    run = run_cli("team-a/p.md", "team-b/media/img.png", "--format", "json", cwd=tmp_path)
    assert run.json["summary"]["posts"] == 2  # a named image brings in the post that uses it, in its own root


def test_changed_since_checks_only_changed_posts(tmp_path):
    git = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)  # noqa: E731
    write(tmp_path, {"postcheck.toml": "", "old.md": MISSING_IMAGE})
    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qam", "x", "--allow-empty")
    git("add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "first")
    write(tmp_path, {"new.md": MISSING_IMAGE})
    run = run_cli(".", "--format", "json", "--changed-since", "HEAD", cwd=tmp_path)
    assert [f["path"] for f in run.json["findings"]] == ["new.md"]


def test_changed_since_judges_changed_files_as_discovery_does(tmp_path):
    git = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)  # noqa: E731
    write(tmp_path, {"postcheck.toml": ""})
    git("init", "-q")
    git("add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "first")
    write(
        tmp_path,
        {
            ".github/workflows/ci.yml": "on: push\n",  # excluded
            "notes.txt": "not a post format",  # not included
            "settings.json": '{"theme": "dark"}',  # included, but no post: skipped as discovery skips it
            "README.md": "# Posts\n",  # excluded
            "new.md": MISSING_IMAGE,
        },
    )
    run = run_cli(".", "--format", "json", "--changed-since", "HEAD", cwd=tmp_path)
    assert {f["path"] for f in run.json["findings"]} == {"new.md"}
    assert run.json["summary"]["posts"] == 1


def test_changed_since_with_nothing_changed_still_writes_machine_output(tmp_path):
    git = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)  # noqa: E731
    write(tmp_path, {"postcheck.toml": "", "old.md": MISSING_IMAGE})
    git("init", "-q")
    git("add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "first")
    run = run_cli(".", "--format", "json", "--changed-since", "HEAD", cwd=tmp_path)
    assert run.exit_code == 0 and run.json["findings"] == [] and "nothing to check" in run.stderr
    run = run_cli(".", "--format", "sarif", "--output", "out.sarif", "--changed-since", "HEAD", cwd=tmp_path)
    assert run.exit_code == 0 and json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"] == []


def test_changed_since_an_unknown_ref_says_how_to_fetch_it(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(tmp_path, {"postcheck.toml": ""})
    run = run_cli(".", "--changed-since", "origin/", cwd=tmp_path)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "unknown revision" in run.stderr and "fetch-depth: 0" in run.stderr


@pytest.mark.parametrize(
    ("rel", "pattern", "expected"),
    [
        ("posts/2026/a.md", "posts/2026", True),  # a folder's files go with it
        ("posts/2026/a.md", "posts/2026/", True),
        ("posts/2026/a.md", "./posts", True),
        ("posts/2026/a.md", "/posts", True),
        ("archive/old.md", "archive", True),  # a name anywhere
        ("x/archive/old.md", "archive", True),
        ("a.md", "**/*.md", True),  # "**/" may match nothing
        ("deep/er/a.md", "**/*.md", True),
        ("posts/a.md", "posts/**", True),
        ("posts/a.md", "posts/**/*.md", True),
        ("posts/x/y/a.md", "posts/**/*.md", True),
        ("posts/a.md", "drafts/**", False),
        ("postsx/a.md", "posts", False),
        ("old.md", "old.md", True),
        ("README.md", "README*", True),
    ],
)
def test_config_globs(rel, pattern, expected):
    from postcheck.engine import glob_matches

    assert glob_matches(rel, pattern) is expected


def test_include_and_exclude_are_read_from_the_posts_root_whatever_folder_is_checked(tmp_path):
    toml = 'include = ["posts/**/*.md"]\nexclude = ["posts/2026/", "./archive"]\n'
    files = {"postcheck.toml": toml, "posts/a.md": MISSING_IMAGE, "posts/2026/b.md": MISSING_IMAGE}
    write(tmp_path, {**files, "archive/c.md": MISSING_IMAGE, "other/d.md": MISSING_IMAGE})
    for given in (".", "posts"):
        run = run_cli(given, "--format", "json", cwd=tmp_path)
        assert [f["path"] for f in run.json["findings"]] == ["posts/a.md"], given


def test_per_file_ignores_use_the_same_globs_and_take_all(tmp_path):
    toml = '[per-file-ignores]\n"archive" = ["ALL"]\n"**/*.md" = ["A1"]\n'
    write(tmp_path, {"postcheck.toml": toml, "top.md": MISSING_IMAGE, "archive/old.md": MISSING_IMAGE})
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert [(f["path"], f["code"]) for f in run.json["findings"]] == [("top.md", "F004")]


def test_a_file_name_that_is_not_utf8_is_escaped_in_reports_and_still_fixed(tmp_path):
    write(tmp_path, {"postcheck.toml": ""})
    name = os.fsencode(tmp_path) + b"/caf\xe9.md"
    with open(name, "w") as handle:
        handle.write("---\nplatforms: [x]\n---\nGet a #flujab\n")
    run = run_cli(".", "--format", "json", "--output", "out.json", "--html", "r.html", cwd=tmp_path)
    assert run.exit_code == 0
    assert [f["path"] for f in json.loads((tmp_path / "out.json").read_text())["findings"]] == ["caf\\xe9.md"]
    assert run_cli(".", "--fix", cwd=tmp_path).exit_code == 0
    with open(name) as handle:
        assert "#FluJab" in handle.read()


def test_a_file_named_after_its_folder_keeps_its_f001(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "data.json": '{"text": "Hello", "platforms": ["x"],}'})
    for args in ((".", "data.json"), ("data.json", ".")):
        assert run_cli(*args, "--format", "json", cwd=tmp_path).codes == ["F001"], args


def test_pipes_are_not_read_and_links_out_of_the_root_are_not_followed(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(MISSING_IMAGE)
    root = tmp_path / "root"
    write(root, {"postcheck.toml": "", "ok.md": "---\nplatforms: [x]\n---\nHello\n"})
    os.mkfifo(root / "pipe.md")
    (root / "link.md").symlink_to(outside)
    run = run_cli(".", "--format", "json", cwd=root)  # neither blocks on the pipe nor reads outside.md
    assert run.codes == [] and run.json["summary"]["posts"] == 1
    [finding] = run_cli("pipe.md", "--format", "json", cwd=root).json["findings"]
    assert finding["code"] == "F001" and "not a regular file" in finding["message"]


def test_force_exclude_skips_named_files_that_exclude_covers(tmp_path):
    write(tmp_path, {"postcheck.toml": 'exclude = [".github", "drafts"]\n', ".github/notes.md": MISSING_IMAGE})
    write(tmp_path, {"drafts/p.md": MISSING_IMAGE, "p.md": MISSING_IMAGE})
    named = (".github/notes.md", "drafts/p.md", "p.md")
    assert {f["path"] for f in run_cli(*named, "--format", "json", cwd=tmp_path).json["findings"]} == set(named)
    run = run_cli(*named, "--format", "json", "--force-exclude", cwd=tmp_path)
    assert {f["path"] for f in run.json["findings"]} == {"p.md"}


# --- fixes ----------------------------------------------------------------------------------------------


def _fixable_finding(tmp_path):
    """A post and a fake finding with a safe fix on its text, to test the fix machinery alone."""
    from postcheck.loaders import read_source
    from postcheck.loaders.markdown import load_markdown
    from postcheck.model import Finding, Fix, Severity

    path = tmp_path / "p.md"
    path.write_text("---\nplatforms: [x]\n---\nBook your #flujab today #staywell\n")
    os.chmod(path, 0o640)
    post = load_markdown(read_source(path), "p.md")
    start = post.text.value.index("#flujab")
    other = post.text.value.index("#staywell")
    make = lambda edit: Finding("A201", "x", Severity.WARNING, "m", "p.md", post.text.span(), post, Fix.safe(edit))  # noqa: E731
    return path, [
        make(post.text.edit(start, start + 7, "#FluJab")),
        make(post.text.edit(other, other + 9, "#StayWell")),
        make(post.text.edit(start, start + 3, "#Xx")),  # overlaps the first: waits for the next round
    ]


def test_fixes_apply_atomically_keep_permissions_and_skip_overlaps(tmp_path):
    from postcheck import fixes

    path, found = _fixable_finding(tmp_path)
    planned = fixes.plan(found, unsafe=False)
    assert fixes.apply(planned) == 2
    assert path.read_text().endswith("Book your #FluJab today #StayWell\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".postcheck")]


def test_fix_through_a_symlinked_post_rewrites_the_file_it_names_and_keeps_the_link(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "real/target.md": "---\nplatforms: [x]\n---\nGet your #flujab today\n"})
    (tmp_path / "link.md").symlink_to("real/target.md")
    assert run_cli(".", "--fix", "--select", "A201", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "link.md").is_symlink()
    assert "#FluJab" in (tmp_path / "real/target.md").read_text()
    assert run_cli(".", "--fix", "--select", "A201", cwd=tmp_path).output.startswith("All clear")


def test_fix_that_writes_a_caption_sidecar_rechecks_its_post_and_diff_names_it_relatively(tmp_path):
    from tests.video_factory import make_video, tone

    make_video(tmp_path / "media/clip.mp4", 2.0, audio=tone())
    vtt = "WEBVTT\n\n00:00.000 --> 00:01.500\nGet your flu jab.\n"
    post = "---\nplatforms: [facebook]\nvideos:\n  - file: media/clip.mp4\n---\nOur film.\n"
    write(tmp_path, {"postcheck.toml": "", "media/clip.vtt": vtt, "post.md": post})
    diff = run_cli(".", "--diff", "--select", "A308", cwd=tmp_path)
    assert "--- /dev/null\n+++ b/media/clip.en_GB.srt\n" in diff.output
    run = run_cli(".", "--fix", "--select", "A308", cwd=tmp_path)
    assert "Fixed 1" in run.output and "All clear" in run.output and (tmp_path / "media/clip.en_GB.srt").exists()
    # a new file is work left for the author (pre-commit would otherwise pass a commit without it)
    assert run.exit_code == 1 and "wrote media/clip.en_GB.srt, a new file: add it to your commit" in run.stderr
    assert run_cli(".", "--fix", "--select", "A308", cwd=tmp_path).exit_code == 0


def test_fix_of_a_file_with_a_long_name_works_and_a_failed_write_is_said(tmp_path, monkeypatch):
    from postcheck import fixes

    name = "a" * 240 + ".md"  # the temporary file beside it must not pass the 255-byte limit
    write(tmp_path, {"postcheck.toml": "", name: "---\nplatforms: [x]\n---\nGet a #flujab\n", "b.md": "#flujab\n"})
    assert run_cli(name, "--fix", "--select", "A201", cwd=tmp_path).exit_code == 0
    assert "#FluJab" in (tmp_path / name).read_text()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fixes, "write_atomically", refuse)
    run = run_cli("b.md", "--fix", "--select", "A201", cwd=tmp_path)
    assert "postcheck: could not fix b.md: Permission denied" in run.stderr and "A201" in run.output


def test_diff_of_a_file_with_a_bom_applies_with_git(tmp_path):
    write(tmp_path, {"postcheck.toml": ""})
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbfdate,time_24hr,message_text\n01/12/2026,10:00,Get a #flujab\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "d.patch").write_text(run_cli("b.csv", "--diff", cwd=tmp_path).output, encoding="utf-8")
    subprocess.run(["git", "apply", "d.patch"], cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "b.csv").read_bytes().startswith(b"\xef\xbb\xbfdate") and b"#FluJab" in (
        tmp_path / "b.csv"
    ).read_bytes()


def test_diff_splits_lines_as_patch_does(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\n---\n#flujab today\u2028see you\n"})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "d.patch").write_text(run_cli("p.md", "--diff", cwd=tmp_path).output, encoding="utf-8")
    subprocess.run(["git", "apply", "d.patch"], cwd=tmp_path, check=True, capture_output=True)
    assert "#FluJab today\u2028see you" in (tmp_path / "p.md").read_text(encoding="utf-8")


def test_tab_indented_json_keeps_positions_and_fixes(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "t.json": '{\n\t"platforms": ["x"],\n\t"text": "Get a #flujab"\n}\n'})
    [finding] = run_cli("t.json", "--format", "json", cwd=tmp_path).json["findings"]
    assert (finding["line"], finding["column"]) == (3, 17) and finding["fix"]


def test_unsafe_fixes_need_the_flag_and_diff_changes_nothing(tmp_path):
    from postcheck import fixes
    from postcheck.model import Applicability, Fix

    path, found = _fixable_finding(tmp_path)
    for f in found:
        f.fix = Fix(Applicability.UNSAFE, f.fix.edits)
    assert fixes.plan(found, unsafe=False) == []
    planned = fixes.plan(found, unsafe=True)
    diff = fixes.unified_diff(planned, {path: "p.md"})
    assert "-Book your #flujab today #staywell" in diff and "+Book your #FluJab today #StayWell" in diff
    assert "#flujab" in path.read_text()


def test_fix_refuses_a_file_changed_since_it_was_read(tmp_path):
    from postcheck import fixes

    path, found = _fixable_finding(tmp_path)
    planned = fixes.plan(found, unsafe=False)
    path.write_text(path.read_text() + "edited meanwhile\n")
    assert fixes.apply(planned) == 0 and "#flujab" in path.read_text()


def test_create_edit_never_overwrites(tmp_path):
    from postcheck import fixes
    from postcheck.model import Edit, Finding, Fix, Severity

    path, found = _fixable_finding(tmp_path)
    target = tmp_path / "clip.en_GB.srt"
    create = Finding("A308", "x", Severity.ERROR, "m", "p.md", found[0].span, found[0].post,
                     Fix.safe(Edit(0, 0, "1\n", target, create=True)))  # fmt: skip
    assert fixes.apply(fixes.plan([create], unsafe=False)) == 1 and target.read_text() == "1\n"
    target.write_text("mine")
    assert fixes.plan([create], unsafe=False) == [] and target.read_text() == "mine"


def test_field_positions_resume_after_an_escape_with_no_verbatim_form():
    from pathlib import Path

    from postcheck.loaders.structured import load_structured
    from postcheck.model import Source

    text = '{"text": "Caf\\u00e9 opens #flujab\\nnow"}'
    post = load_structured(Source(Path("p.json"), text), "p.json", "json")
    start = post.text.value.index("#flujab")
    edit = post.text.edit(start, start + 7, "#FluJab")
    assert text[edit.offset : edit.offset + edit.length] == "#flujab"
    assert post.text.edit(0, 5, "Cafe") is None  # "Café" is not verbatim in the file: no edit


def test_platform_limit_of_the_wrong_type_is_a_one_line_config_error(tmp_path):
    write(tmp_path, {"postcheck.toml": '[platform.x]\ntext-max = "abc"\n', "p.md": POST})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and "platform.x.text-max must be a whole number, 0 or more, not 'abc'" in run.stderr


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("images-max = 2.5", "platform.x.images-max must be a whole number"),  # it crashed the run
        ("image-aspect = [2, 1]", "low first"),
    ],
)
def test_platform_limits_that_cannot_work_are_config_errors(tmp_path, toml, expected):
    write(tmp_path, {"postcheck.toml": f"[platform.x]\n{toml}\n", "p.md": POST})
    run = run_cli(".", cwd=tmp_path)
    assert run.exit_code == 2 and expected in run.stderr


def test_platform_formats_are_read_as_people_write_them():
    from postcheck.text.platforms import limits

    read = limits("x", {"caption-formats": ["srt", "VTT"], "image-formats": ["jpg", "png"], "video-formats": [".MP4"]})
    assert (read.caption_formats, read.image_formats, read.video_formats) == (
        (".srt", ".vtt"),
        ("JPEG", "PNG"),
        (".mp4",),
    )


def test_image_entries_without_a_file_are_one_f003_with_their_count(tmp_path):
    post = "---\nplatforms: [x]\nimages:\n  - alt: A poster\n  - alt: Another\n---\nClinics open.\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post})
    run = run_cli(".", "--format", "json", cwd=tmp_path)
    assert run.codes == ["F003"] and "2 entries of images without `file:`" in run.json["findings"][0]["message"]


def test_lines_end_at_lf_crlf_or_a_lone_cr():
    from postcheck.model import Source

    source = Source(Path("captions.vtt"), "WEBVTT\r\r00:01.000 --> 00:02.000\rHello\r\nthere\nend")
    assert [source.position(source.text.index(word))[0] for word in ("WEBVTT", "00:01", "Hello", "there", "end")] == [
        1,
        3,
        4,
        5,
        6,
    ]
    assert source.line_text(4) == "Hello" and source.line_text(3) == "00:01.000 --> 00:02.000"
