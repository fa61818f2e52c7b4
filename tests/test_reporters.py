"""Machine formats for CI: each parses and carries every finding with its location."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from postcheck.model import Finding, Severity, Span
from postcheck.reporters import Report, machine
from tests.conftest import run_cli, write
from tests.video_factory import video_bytes

BAD = "---\nplatforms: [x]\nimages:\n  - file: media/gone.png\n    alt: Clinic times\n---\nClinics open today.\n"
GOOD = "---\nplatforms: [x]\n---\nClinics open today.\n"


@pytest.fixture
def folder(tmp_path):
    return write(tmp_path, {"postcheck.toml": "", "bad.md": BAD, "good.md": GOOD})


def test_sarif_has_one_result_per_finding_with_region(folder):
    run = run_cli(".", "--format", "sarif", cwd=folder)
    log = json.loads(run.output)
    assert log["version"] == "2.1.0"
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "F004" and result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "bad.md"
    assert location["region"]["startLine"] == 4 and location["region"]["startColumn"] == 11
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "F004"


def test_junit_has_a_case_per_post_and_fails_the_bad_one(folder):
    suite = ET.fromstring(run_cli(".", "--format", "junit", cwd=folder).output)
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"bad.md", "good.md"}
    assert cases["bad.md"].find("failure") is not None and cases["good.md"].find("failure") is None
    assert "bad.md:4:11: F004" in cases["bad.md"].find("failure").text


def test_github_annotations(folder):
    output = run_cli(".", "--format", "github", cwd=folder).output
    assert output.startswith("::error file=bad.md,line=4,col=11,")
    assert "title=F004 missing-media::image file 'media/gone.png' does not exist" in output


def test_gitlab_code_quality(folder):
    (issue,) = json.loads(run_cli(".", "--format", "gitlab", cwd=folder).output)
    assert issue["severity"] == "major" and issue["location"] == {"path": "bad.md", "lines": {"begin": 4, "end": 4}}
    assert len(issue["fingerprint"]) == 64


def test_rdjson(folder):
    data = json.loads(run_cli(".", "--format", "rdjson", cwd=folder).output)
    (item,) = data["diagnostics"]
    assert item["code"]["value"] == "F004" and item["location"]["range"]["start"] == {"line": 4, "column": 11}


def test_junit_parses_when_a_message_or_path_holds_characters_xml_forbids(tmp_path):
    # a vertical tab pasted from Word in a media path, and control characters in a file name
    post = '---\nplatforms: [x]\nimages:\n  - file: "media/a\\vb\\x01.png"\n    alt: Clinic times\n---\nClinics.\n'
    write(tmp_path, {"postcheck.toml": "", "a.md": post, "b\x0bc\x1f.md": GOOD})
    suite = ET.fromstring(run_cli(".", "--format", "junit", cwd=tmp_path).output)
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"a.md", "b\ufffdc\ufffd.md"}
    assert "image file 'media/a\ufffdb\ufffd.png' does not exist" in cases["a.md"].find("failure").text


def test_a_region_over_two_lines_keeps_its_end_column(tmp_path):
    # P101 runs from the 281st weighted character on line 5 to the end of the text on line 6
    post = "---\nplatforms: [x]\n---\nFirst line of the post.\n" + "word " * 70 + "\nx\n"
    write(tmp_path, {"postcheck.toml": "", "long.md": post})
    finding = run_cli(".", "--format", "json", cwd=tmp_path).json["findings"][0]
    start, end = (finding["line"], finding["column"]), (finding["end_line"], finding["end_column"])
    assert finding["code"] == "P101" and start[0] == 5 and end == (6, 2) and start[1] > end[1]
    region = json.loads(run_cli(".", "--format", "sarif", cwd=tmp_path).output)["runs"][0]["results"][0]
    region = region["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (*start, *end)
    (item,) = json.loads(run_cli(".", "--format", "rdjson", cwd=tmp_path).output)["diagnostics"]
    assert item["location"]["range"]["end"] == {"line": 6, "column": 2}
    # GitHub takes col/endColumn only for an annotation on one line
    annotation = run_cli(".", "--format", "github", cwd=tmp_path).output
    assert annotation.startswith("::error file=long.md,line=5,endLine=6,title=P101 text-too-long::")


def _fingerprints(folder, fmt: str) -> list[str]:
    output = json.loads(run_cli(".", "--format", fmt, "--select", "A201", cwd=folder).output)
    if fmt == "gitlab":
        return [issue["fingerprint"] for issue in output]
    return [result["partialFingerprints"]["postcheck/v2"] for result in output["runs"][0]["results"]]


def test_fingerprints_are_unique_per_finding_and_survive_a_line_added_above(tmp_path):
    head = "---\nplatforms: [x]\n---\n"
    write(tmp_path, {"postcheck.toml": "", "flu.md": head + "Get your #flujab today, #flujab is free.\n"})
    before = _fingerprints(tmp_path, "gitlab")
    assert len(before) == 2 and len(set(before)) == 2  # GitLab merges equal fingerprints
    assert _fingerprints(tmp_path, "sarif") == before
    write(tmp_path, {"flu.md": head + "Winter is coming.\n\nGet your #flujab today, #flujab is free.\n"})
    assert _fingerprints(tmp_path, "gitlab") == before


def _rdjson_ranges(folder, *args: str) -> list[tuple]:
    data = json.loads(run_cli(".", "--format", "rdjson", *args, cwd=folder).output)
    out = []
    for item in data["diagnostics"]:
        where = item["location"]["range"]
        fixes = [(s["range"]["start"]["column"], s["range"]["end"]["column"]) for s in item.get("suggestions", [])]
        out.append((item["code"]["value"], where["start"]["column"], where["end"]["column"], fixes))
    return out


def test_rdjson_columns_count_utf8_bytes_as_reviewdog_reads_them(tmp_path):
    # "é" is 2 bytes, "𝐀" and "𝐁" 4 each: #flujab is character 9-16 but byte 16-23
    write(tmp_path, {"postcheck.toml": "", "uni.md": "---\nplatforms: [x]\n---\nCafé 𝐀𝐁 #flujab now\n"})
    assert _rdjson_ranges(tmp_path, "--select", "A201,A204") == [
        ("A204", 7, 15, [(7, 15)]),
        ("A201", 16, 23, [(16, 23)]),
    ]
    # JSON keeps characters (DESIGN: columns in characters)
    finding = run_cli(".", "--format", "json", "--select", "A201", cwd=tmp_path).json["findings"][0]
    assert (finding["column"], finding["end_column"]) == (9, 16)


def test_rdjson_columns_in_a_caption_file_count_utf8_bytes(tmp_path):
    post = "---\nplatforms: [youtube]\nvideos:\n  - file: media/clip.mp4\n---\nWatch our video\n"
    cue = "\ufeffWEBVTT\n\n00:00.000 --> 00:06.000\nCafé 𝐀 " + "x" * 40 + "\n"  # 47 characters, 51 bytes
    files = {"postcheck.toml": "", "post.md": post, "media/clip.mp4": video_bytes(tmp_path, seconds=6.0)}
    write(tmp_path, {**files, "media/clip.vtt": cue})
    assert _rdjson_ranges(tmp_path, "--select", "A305") == [("A305", 1, 52, [])]


def test_rdjson_keeps_character_columns_when_the_file_is_gone(tmp_path):
    span = Span(line=2, column=5, offset=0, length=0, end_line=2, end_column=9)
    finding = Finding("A305", "captions-line-length", Severity.WARNING, "long", str(tmp_path / "gone.vtt"), span, None)
    (item,) = json.loads(machine.rdjson(Report([finding], 1, [])))["diagnostics"]
    assert item["location"]["range"] == {"start": {"line": 2, "column": 5}, "end": {"line": 2, "column": 9}}


def test_sarif_uri_is_a_percent_encoded_relative_reference(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "drafts/my post, v2: final #1.md": BAD})
    log = json.loads(run_cli(".", "--format", "sarif", cwd=tmp_path).output)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/my%20post%2C%20v2%3A%20final%20%231.md"
    log = json.loads(run_cli(str(tmp_path / "drafts"), "--format", "sarif", cwd=tmp_path).output)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == (tmp_path / "drafts/my post, v2: final #1.md").as_uri()


def test_text_carets_sit_under_wide_characters_and_tabs(tmp_path):
    head = "---\nplatforms: [x]\n---\n"
    write(tmp_path, {"postcheck.toml": "", "a.md": head + "健康 🎉 #flujab\n", "b.md": head + "\tx #flujab\n"})
    out = run_cli(".", "--select", "A201", cwd=tmp_path).output.splitlines()
    shown = [(text, out[i + 1]) for i, text in enumerate(out) if text.startswith(" 4 |")]
    # "健康 🎉 " takes 8 terminal columns (two wide CJK characters, a wide emoji); a tab is shown as one space
    assert [caret.index("^") - text.index("|") - 2 for text, caret in shown] == [8, 3]
    assert not any("\t" in text for text, _ in shown)
