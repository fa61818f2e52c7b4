"""The HTML compliance report: written beside the normal output, self-contained, escaped, readable in a browser."""

from __future__ import annotations

import functools
import io
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from postcheck import media
from postcheck.media import ocr
from postcheck.media.ocr import ImageText, TextLine
from postcheck.reporters.html import report_data, text_pieces
from tests.conftest import FIXED_NOW, run_cli, write
from tests.video_factory import make_video, tone


def png(width: int = 64, height: int = 40, color: tuple[int, int, int] = (0, 94, 184)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def attribute(self, name: str) -> list[str]:
        return [attrs[name] or "" for _, attrs in self.tags if name in attrs]


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


POSTS = {
    "postcheck.toml": '[links]\napproved = ["nhs.uk"]\n',
    "media/poster.png": png(),
    "posts/flu.md": (
        "---\nplatforms: [x]\ntitle: Flu clinics\nimages:\n  - file: ../media/poster.png\n---\n"
        "Book your flu jab today.\nLine two. #FluJab https://bit.ly/flu"
    ),
    "posts/clean.md": (
        "---\nplatforms: [x]\npublish_at: 2026-12-01T10:00:00+00:00\ntitle: Pharmacy advice\n"
        "images:\n  - file: ../media/poster.png\n    alt: Poster with the pharmacy opening times\n---\n"
        "Ask your pharmacist about coughs and colds. https://www.nhs.uk/pharmacy\n"
    ),
}


def html_run(tmp_path: Path, files: dict, *args: str):
    write(tmp_path, files)
    run = run_cli(".", "--html", "report.html", "--now", FIXED_NOW, "--no-cache", *args, cwd=tmp_path)
    report = tmp_path / "report.html"
    return run, report.read_text(encoding="utf-8") if report.exists() else None


def test_html_report_is_written_beside_the_normal_output_with_every_finding(tmp_path):
    run, html = html_run(tmp_path, POSTS, "--format", "json")
    assert run.exit_code == 1
    assert html is not None
    findings = run.json["findings"]  # the normal output is unchanged
    assert {f["code"] for f in findings} >= {"A101", "L102"}
    data = report_data(html)
    shown = [(f["code"], f["message"], f["location"]) for post in data["posts"] for f in post["findings"]]
    assert sorted(shown) == sorted(
        (f["code"], f["message"], f"{f['path']}:{f['line']}:{f['column']}") for f in findings
    )
    for f in findings:
        assert f["code"] in html and data["rules"][f["code"]]["name"] == f["name"]
    posts = {p["heading"]: p for p in data["posts"]}
    assert posts["Pharmacy advice"]["findings"] == [] and posts["Pharmacy advice"]["verdict"] == "ready"
    assert posts["Flu clinics"]["images"][0]["alt"] is None  # shown as "No alt text"
    assert posts["Flu clinics"]["text"] == "Book your flu jab today.\nLine two. #FluJab https://bit.ly/flu"
    assert list(tmp_path.glob(".report.html.*")) == []  # no temporary file left


def test_html_report_is_self_contained(tmp_path):
    run, html = html_run(tmp_path, POSTS)
    assert html is not None
    tags = parse(html)
    assert tags.attribute("src") == []  # pictures are in the data, each once
    data = report_data(html)
    assert data["pictures"] and all(s.startswith("data:image/") for s in data["pictures"])
    for _, attrs in tags.tags:
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    hrefs = {piece[3] for post in data["posts"] for piece in post["pieces"] if piece[2] == "link"}
    assert hrefs == {"https://bit.ly/flu", "https://www.nhs.uk/pharmacy"}
    assert not [t for t, a in tags.tags if t == "link"]
    assert not [t for t, a in tags.tags if t == "script" and "src" in a]
    assert "url(" not in html and "@import" not in html
    assert 'lang="en"' in html


HOSTILE = {
    "postcheck.toml": "",
    "media/<b>\"x'.png": png(),
    "post.md": (
        "---\nplatforms: [x]\ntitle: '<script>alert(\"title\")</script>'\nimages:\n"
        "  - file: 'media/<b>\"x''.png'\n    alt: '<script>alert(\"alt\")</script> & \"quoted\"'\n---\n"
        "Hello <script>alert('text')</script> \"><img src=x onerror=alert(1)>\n"
        "https://www.nhs.uk/a?q=\"'><script>alert(2)</script> javascript:alert(3)\n"
        "https://www.nhs.uk/a?x=1&y=2 https://www.nhs.uk/it's-ok\n"
    ),
}


def test_hostile_text_alt_and_file_names_are_escaped(tmp_path):
    run, html = html_run(tmp_path, HOSTILE)
    assert html is not None, run.stderr
    tags = parse(html)
    scripts = [a for t, a in tags.tags if t == "script"]
    assert [a.get("type") for a in scripts] == ["application/json", None]  # the data and the report's own script
    assert html.count("</script") == 2 and "<script>alert" not in html and "<img src=x" not in html
    assert "<!--" not in html
    data_block = html.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&") & set(data_block)  # nothing in the data can end the element or open a comment
    assert not [t for t, a in tags.tags if t == "img" and "src" in a]
    data = report_data(html)
    (post,) = data["posts"]
    assert post["heading"] == '<script>alert("title")</script>'
    assert post["images"][0]["alt"] == '<script>alert("alt")</script> & "quoted"'
    assert post["images"][0]["name"] == "media/<b>\"x'.png"
    assert '"><img src=x onerror=alert(1)>' in post["text"]  # kept as text, for the page to show as text
    hrefs = [piece[3] for piece in post["pieces"] if piece[2] == "link"]
    assert None in hrefs or all(h.startswith("https://") for h in hrefs)
    assert all(h is None or (h.startswith("https://") and "<" not in h and '"' not in h) for h in hrefs), hrefs
    assert "https://www.nhs.uk/a?x=1&y=2" in hrefs and "https://www.nhs.uk/it's-ok" in hrefs


def test_decorative_images_get_empty_alt_and_missing_alt_is_marked(tmp_path):
    files = {
        "postcheck.toml": "",
        "media/a.png": png(),
        "post.md": (
            "---\nplatforms: [x]\nimages:\n  - file: media/a.png\n    alt: ''\n    decorative: true\n"
            "  - file: media/a.png\n---\nTwo pictures.\n"
        ),
    }
    run, html = html_run(tmp_path, files)
    (post,) = report_data(html)["posts"]
    assert [(i["alt"], i["decorative"]) for i in post["images"]] == [(None, True), (None, False)]
    assert post["images"][0]["src"] == post["images"][1]["src"] == 0  # one picture, embedded once


def test_unreadable_media_is_a_placeholder_with_the_reason(tmp_path):
    files = {
        "postcheck.toml": "",
        "media/broken.png": b"\x89PNG\r\n\x1a\nnot really",
        "media/clip.mp4": b"this is not a video at all" * 20,
        "media/clip.vtt": b"WEBVTT\n\n00:00.000 --> 00:01.000\n\xff\xfe bad bytes\n",
        "post.md": (
            "---\nplatforms: [x]\nimages:\n  - file: media/broken.png\n    alt: A poster\n"
            "  - file: media/gone.png\n    alt: Missing poster\n  - file: ../outside.png\n    alt: Outside\n"
            "videos:\n  - file: media/clip.mp4\n---\nBroken media.\n"
        ),
    }
    (tmp_path.parent / "outside.png").write_bytes(png())
    run, html = html_run(tmp_path, files)
    assert html is not None
    (post,) = report_data(html)["posts"]
    problems = [i["problem"] for i in post["images"] if i["src"] is None]
    assert len(problems) == 3
    assert any("does not exist" in p for p in problems) and any("outside the posts root" in p for p in problems)
    assert post["videos"][0]["src"] is None and post["videos"][0]["problem"]
    assert "not UTF-8" in html
    assert "data:image" not in html  # nothing outside the root is read


def test_video_shows_a_poster_frame_and_its_caption_cues_not_the_video(tmp_path):
    make_video(tmp_path / "media/clip.mp4", 2.0, width=64, height=36, audio=tone())
    files = {
        "postcheck.toml": "",
        "media/clip.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nWinter is <b>coming</b>.\n\n"
        "00:01.000 --> 00:02.000\nGet your flu jab\nat your pharmacy.\n",
        "post.md": "---\nplatforms: [facebook]\nvideos:\n  - file: media/clip.mp4\n---\nOur film.\n",
    }
    run, html = html_run(tmp_path, files)
    assert html is not None
    data = report_data(html)
    sources = data["pictures"]
    assert len(sources) == 1 and sources[0].startswith("data:image/jpeg;base64,")
    assert "data:video" not in html
    (track,) = data["posts"][0]["videos"][0]["captions"]
    assert [c["text"] for c in track["cues"]] == ["Winter is coming.", "Get your flu jab\nat your pharmacy."]
    assert (track["cues"][1]["start"], track["cues"][1]["end"]) == ("00:01.000", "00:02.000")


def test_report_reuses_what_the_rules_read_of_each_media_file(tmp_path, monkeypatch):
    import functools

    from postcheck.media import captions, images, video

    make_video(tmp_path / "media/clip.mp4", 1.0, width=64, height=36, audio=tone())
    files = {
        **POSTS,
        "media/clip.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nWinter is coming.\n",
        "posts/film.md": "---\nplatforms: [x]\nvideos:\n  - file: ../media/clip.mp4\n---\nOur film.\n",
    }
    calls: list[str] = []

    def counted(module, name):
        real = getattr(module, name)

        @functools.wraps(real)
        def wrapper(path, *args):
            calls.append(f"{name} {Path(path).name}")
            return real(path, *args)

        monkeypatch.setattr(module, name, wrapper)

    for module, name in ((images, "inspect_image"), (video, "probe_video"), (captions, "read_captions")):
        counted(module, name)
    run, html = html_run(tmp_path, files)
    assert "Winter is coming." in html and html.count("data:image/") == 2  # one poster (used twice), one frame
    assert sorted(calls) == ["inspect_image poster.png", "probe_video clip.mp4", "read_captions clip.vtt"]


def test_diff_writes_the_report_too(tmp_path):
    run, html = html_run(
        tmp_path, {"postcheck.toml": "", "p.md": "---\nplatforms: [x]\n---\nGet a #flujab\n"}, "--diff"
    )
    assert run.exit_code == 1 and "+Get a #FluJab" in run.output
    assert html is not None and "A201" in html


def test_changed_since_with_nothing_changed_writes_an_empty_report(tmp_path):
    write(tmp_path, POSTS)
    git = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "first")
    run = run_cli("--html", "report.html", "--changed-since", "HEAD", cwd=tmp_path)
    assert run.exit_code == 0 and "nothing to check" in run.output
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Flu clinics" not in html and "<html" in html


def test_unwritable_html_path_is_a_one_line_error(tmp_path):
    """A report's folders are made (a fresh CI checkout has no reports/ folder); a parent that is a file is an error."""
    write(tmp_path, POSTS)
    run = run_cli(".", "--html", "reports/2026/report.html", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    assert run.exit_code == 1 and (tmp_path / "reports" / "2026" / "report.html").is_file()
    (tmp_path / "blocked").write_text("a file, not a folder\n")
    run = run_cli(".", "--html", "blocked/report.html", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    assert run.exit_code == 2
    errors = [line for line in run.stderr.splitlines() if not line.startswith("postcheck: note:")]  # A107's, say
    assert len(errors) == 1 and errors[0].startswith("postcheck: error: --html blocked/report.html")


def test_html_report_of_the_sample_posts(tmp_path):
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "posts"
    run = run_cli(str(fixtures), "--html", str(tmp_path / "r.html"), "--now", FIXED_NOW, "--no-cache")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert run.exit_code == 1
    assert len(report_data(html)["posts"]) >= 10
    assert "Winter is coming." in html  # winter.mp4's captions


def schedule_rows(html: str) -> list[tuple[str, str]]:
    """(publish time, heading) of each post, in the order the report shows them."""
    return [(p["publish"] or "Draft", p["heading"]) for p in report_data(html)["posts"]]


TIMED = {
    "postcheck.toml": '[schedule]\ntimezone = "Europe/London"\n',
    "a.md": "---\nplatforms: [x]\ntitle: A\npublish_at: 2027-06-01T09:00:00+00:00\n---\nPost A.\n",
    "b.md": "---\nplatforms: [x]\ntitle: B\npublish_at: 2027-06-01T09:30:00+01:00\n---\nPost B.\n",
    "c.md": "---\nplatforms: [x]\ntitle: C\npublish_at: 2027-06-01T09:45:00\n---\nPost C.\n",
    "d.csv": "date,time_24hr,message_text\n01/06/2027,09:15,D\n",
    "e.md": "---\nplatforms: [x]\ntitle: E\npublish_at: 2026-12-01T10:00:00Z\n---\nPost E.\n",
    "f.md": "---\nplatforms: [x]\ntitle: F\n---\nA draft.\n",
}


def test_posts_are_ordered_by_the_real_moment_and_shown_in_the_schedule_time_zone(tmp_path):
    run, html = html_run(tmp_path, TIMED)
    assert html is not None, run.stderr
    # c.md and the CSV row have no offset: wall-clock times in schedule.timezone (BST in June), as for P105
    expected = [
        ("Tue 01 Dec 2026 10:00 GMT", "E"),
        ("Tue 01 Jun 2027 09:15 BST", "D"),
        ("Tue 01 Jun 2027 09:30 BST", "B"),
        ("Tue 01 Jun 2027 09:45 BST", "C"),
        ("Tue 01 Jun 2027 10:00 BST", "A"),
        ("Draft", "F"),
    ]
    assert schedule_rows(html) == expected
    assert [p["month"] for p in report_data(html)["posts"]] == ["2026-12"] + ["2027-06"] * 4 + [None]
    assert "times in Europe/London" in html


def preview_texts(html: str) -> list[list[tuple[str, str, str | None]]]:
    """Each post's posted text as (kind, text, href) runs, in order."""
    return [text_pieces(p["text"]) for p in report_data(html)["posts"]]


def test_csv_link_column_is_shown_after_the_text_as_the_scheduler_posts_it(tmp_path):
    files = {
        "postcheck.toml": "",
        "p.csv": (
            "date,time_24hr,message_text,link_url\n"
            '17/12/2026,10:00,"Cold weather alert #KeepWarm",https://www.gov.uk/cold\n'
            '18/12/2026,10:00,"Bad link",javascript:alert(11)\n'
            '19/12/2026,10:00,"Already in the text https://www.nhs.uk/x",https://www.nhs.uk/x\n'
            "20/12/2026,10:00,,https://www.nhs.uk/y\n"
        ),
    }
    run, html = html_run(tmp_path, files)
    assert html is not None, run.stderr
    link = lambda url: ("link", url, url)  # noqa: E731
    assert preview_texts(html) == [
        [
            ("text", "Cold weather alert ", None),
            ("hashtag", "#KeepWarm", None),
            ("text", " ", None),
            link("https://www.gov.uk/cold"),
        ],
        [("text", "Bad link javascript:alert(11)", None)],  # shown, never followed
        [("text", "Already in the text ", None), link("https://www.nhs.uk/x")],  # the scheduler does not post it twice
        [link("https://www.nhs.uk/y")],
    ]
    assert 'href="javascript' not in html


def test_counts_agree_with_their_nouns(tmp_path, monkeypatch):
    from postcheck.reporters import html as html_module

    monkeypatch.setattr(html_module, "MAX_CUES", 1)
    files = {
        "postcheck.toml": "",
        "clip.mp4": b"not a video",
        "clip.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nOne.\n\n00:01.000 --> 00:02.000\nTwo.\n",
        "post.md": "---\nplatforms: [x]\nvideos:\n  - file: clip.mp4\n---\nGet a #flujab\n",
    }
    run, html = html_run(tmp_path, files)
    assert html is not None, run.stderr
    title = re.search(r"<title>(.*)</title>", html).group(1)
    assert title == "Post compliance report: 1 blocked, 0 with warnings only, 0 ready, of 1 post"
    assert "1 post in 1 file ·" in html
    assert "1 post with errors, 1 post with warnings, 0 posts with notes: 2 findings in all" in " ".join(html.split())
    (track,) = report_data(html)["posts"][0]["videos"][0]["captions"]
    assert (len(track["cues"]), track["more"]) == (1, 1)


# ---------------------------------------------------------------------------------------------------------------
# What the editor's report carries: each picture and rule once, previews, marks, verdicts, settings


def data_of(tmp_path: Path, files: dict, *args: str) -> dict:
    run, html = html_run(tmp_path, files, *args)
    assert html is not None, run.stderr
    return report_data(html)


def test_each_picture_and_rule_page_is_embedded_once(tmp_path):
    files = {"postcheck.toml": "", "media/poster.png": png()}
    for i in range(6):
        files[f"p{i}.md"] = f"---\nplatforms: [x]\nimages:\n  - file: media/poster.png\n---\nPost {i}.\n"
    run, html = html_run(tmp_path, files)
    data = report_data(html)
    assert len(data["pictures"]) == 1 and html.count("data:image/") == 1
    assert {i["src"] for p in data["posts"] for i in p["images"]} == {0}
    assert [f["code"] for p in data["posts"] for f in p["findings"]] == ["A101"] * 6
    rule = data["rules"]["A101"]
    why = rule["page"][rule["why"][0] : rule["why"][1]]
    assert why and html.count(why[0][1][0][1][:40]) == 1  # the explanation once, not once per finding


def test_paths_are_relative_to_the_posts_root_wherever_the_run_was_started(tmp_path):
    root = tmp_path / "repo"
    write(root, {"postcheck.toml": "", "posts/a.md": "---\nplatforms: [x]\n---\nGet a #flujab\n"})
    run_cli(str(root), "--html", str(tmp_path / "r.html"), "--now", FIXED_NOW, "--no-cache")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert str(tmp_path) not in html
    (post,) = report_data(html)["posts"]
    assert post["path"] == "posts/a.md"
    assert post["findings"][0]["location"] == "posts/a.md:4:7"
    assert "<dt>Config file</dt><dd>postcheck.toml</dd>" in html


def test_verdict_per_post_follows_fail_on_and_the_summary_counts_posts(tmp_path):
    files = {
        "postcheck.toml": "",
        "a.md": "---\nplatforms: [x]\ntitle: A\n---\nGet a #flujab and a #covidjab\n",  # 2 warnings
        "b.md": "---\nplatforms: [x]\ntitle: B\n---\nAll fine here.\n",
        "c.md": "---\nplatforms: [x]\ntitle: C\n---\nSee https://bit.ly/x\n",  # an error
    }
    data = data_of(tmp_path / "1", files)
    assert {p["heading"]: p["verdict"] for p in data["posts"]} == {"A": "warnings", "B": "ready", "C": "blocked"}
    run, html = html_run(tmp_path / "2", files, "--fail-on", "warning")
    assert {p["heading"]: p["verdict"] for p in report_data(html)["posts"]} == {
        "A": "blocked",
        "B": "ready",
        "C": "blocked",
    }
    assert "<title>Post compliance report: 2 blocked, 0 with warnings only, 1 ready, of 3 posts</title>" in html
    assert "<dt>Fail on</dt><dd>warning (a post" in html


def test_settings_rule_titles_and_platform_names_are_written_as_people_read_them(tmp_path):
    files = {"postcheck.toml": 'platforms = ["x", "linkedin", "youtube"]\n', "a.md": "---\n---\nGet a #flujab\n"}
    run, html = html_run(tmp_path, files)
    data = report_data(html)
    assert "<dt>Platforms</dt><dd>X, LinkedIn, YouTube</dd>" in html
    assert {p: v["name"] for p, v in data["platforms"].items()} == {
        "x": "X", "facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn",
        "youtube": "YouTube", "mastodon": "Mastodon", "bluesky": "Bluesky", "threads": "Threads",
    }  # fmt: skip
    assert [p["p"] for p in data["posts"][0]["previews"]] == ["x", "linkedin", "youtube"]
    assert data["rules"]["A201"]["title"].startswith("Multi-word hashtag")
    assert "<dt>Now</dt><dd>Tue 24 Nov 2026 12:00" in html


def test_x_preview_cuts_where_the_weighted_length_passes_280(tmp_path):
    from postcheck.text.platforms import measure

    # A link counts 23 and an emoji 2: a naive count would cut elsewhere.
    text = "Flu jabs 💉 " + "a" * 200 + " https://www.nhs.uk/" + "x" * 80 + " " + "b" * 60
    files = {"postcheck.toml": "", "a.md": f"---\nplatforms: [x, instagram, mastodon]\n---\n{text}\n"}
    data = data_of(tmp_path, files)
    (post,) = data["posts"]
    x, instagram, mastodon = post["previews"]
    assert x["cut"] == measure(text, "x-weighted", 280).overflow
    assert (
        measure(text[: x["cut"]], "x-weighted").count == 280 and measure(text[: x["cut"] + 1], "x-weighted").count > 280
    )
    assert x["count"] == measure(text, "x-weighted").count and data["platforms"]["x"]["limit"] == 280
    assert (
        instagram["cut"] is None and instagram["fold"] == 125 and data["platforms"]["instagram"]["clickable"] is False
    )
    assert mastodon["fold"] is None and mastodon["cut"] is None


def test_finding_spans_are_marked_in_the_text(tmp_path):
    files = {"postcheck.toml": "", "a.md": "---\nplatforms: [x]\n---\nGet your jab. #flujab\nCall 07700 900123 now\n"}
    (post,) = data_of(tmp_path, files)["posts"]
    marked = {post["findings"][i]["code"]: post["text"][a:b] for a, b, i in post["marks"]}
    assert marked["A201"] == "#flujab"
    assert "07700 900123" in marked["M101"]


def test_a_csv_link_cell_span_is_marked_after_the_message(tmp_path):
    files = {
        "postcheck.toml": "",
        "p.csv": "date,time_24hr,message_text,link_url\n17/12/2026,10:00,Hello,https://bit.ly/x\n",
    }
    (post,) = data_of(tmp_path, files)["posts"]
    assert post["text"] == "Hello https://bit.ly/x"
    marked = {post["findings"][i]["code"]: post["text"][a:b] for a, b, i in post["marks"]}
    assert marked["L102"] == "https://bit.ly/x"


def test_every_rule_page_explains_why(tmp_path):
    from postcheck.reporters.html import explanation, rule_view
    from postcheck.rules import all_rules

    for code in all_rules():
        page = explanation(code)
        assert page is not None, code
        blocks = page["page"][page["why"][0] : page["why"][1]]
        why = " ".join(text for kind, runs in blocks for _, text in (runs if kind != "pre" else [("t", runs)]))
        assert len(why.split()) >= 12, f"{code}: the Why section says too little: {why!r}"
        assert "`" not in why, f"{code}: raw Markdown in the why"
        assert not rule_view(code)["title"][0].islower() and "`" not in rule_view(code)["title"]


def test_published_posts_are_counted_and_marked(tmp_path):
    files = {
        "postcheck.toml": "",
        "a.md": "---\nplatforms: [x]\nstatus: published\ntitle: Out\n---\nHello.\n",
        "b.md": "---\nplatforms: [x]\ntitle: Draft\n---\nHello.\n",
    }
    run, html = html_run(tmp_path / "1", files)
    assert [p["heading"] for p in report_data(html)["posts"]] == ["Draft"]
    assert "Not in this report: 1 published post not checked." in html
    run, html = html_run(tmp_path / "2", files, "--include-published")
    assert {p["heading"]: p["published"] for p in report_data(html)["posts"]} == {"Out": True, "Draft": False}
    assert "<dt>Published (checked)</dt><dd>1</dd>" in html


def test_script_json_cannot_end_its_script_element():
    from postcheck.reporters.html import script_json

    hostile = {"t": "</script><script>alert(1)</script><!-- & \u2028"}
    text = script_json(hostile)
    assert not set("<>&\u2028") & set(text)
    import json

    assert json.loads(text) == hostile


def test_the_rule_page_is_linked_when_docs_url_is_set_and_safe():
    from types import SimpleNamespace

    from postcheck.reporters.html import rule_view

    ctx = SimpleNamespace(config=SimpleNamespace(docs_url="https://docs.example.org/{code}-{name}.html"))
    assert rule_view("A101", ctx)["url"] == "https://docs.example.org/A101-image-alt-missing.html"
    ctx = SimpleNamespace(config=SimpleNamespace(docs_url="javascript:alert('{code}')"))
    assert rule_view("A101", ctx)["url"] is None  # never a link to follow; the page is embedded instead
    assert rule_view("A101", ctx)["page"]


def test_a_custom_rule_is_titled_by_its_name(tmp_path):
    toml = (
        '[[custom]]\ncode = "C101"\nname = "say-nhs-111"\nphrases = ["nhs 1 1 1"]\nforbid = true\n'
        'message = "write NHS 111, not {match}"\n'
    )
    data = data_of(tmp_path, {"postcheck.toml": toml, "a.md": "---\nplatforms: [x]\n---\nCall nhs 1 1 1 today.\n"})
    assert data["rules"]["C101"]["title"] == "Say nhs 111"
    (post,) = data["posts"]
    assert [post["text"][a:b] for a, b, _ in post["marks"]] == ["nhs 1 1 1"]


# --- the text A107 read on images -----------------------------------------------------------------------------

needs_ocr = pytest.mark.skipif(
    ocr.engine_missing() is not None, reason=f"the report's image text needs A107's OCR: {ocr.engine_missing()}"
)


@pytest.fixture
def engine_calls(monkeypatch) -> list[Path]:
    """The images the OCR engine reads (the process-wide memo emptied first)."""
    calls: list[Path] = []
    read = ocr._read

    def counting(path: Path) -> ImageText:
        calls.append(path)
        return read(path)

    monkeypatch.setattr(ocr, "_seen", {})
    monkeypatch.setattr(ocr, "_read", counting)
    return calls


def fake_ocr(monkeypatch, *lines: str) -> list[Path]:
    """An OCR engine, installed or not, that reads `lines` on every image; returns the images it read."""
    calls: list[Path] = []

    def read(path: Path) -> ImageText:
        calls.append(path)
        return ImageText(tuple(TextLine(text, 0.99, (0, 30 * i, 200, 30 * i + 20)) for i, text in enumerate(lines)))

    monkeypatch.setattr(media, "OCR_MODULES", ())  # the engine counts as installed
    monkeypatch.setattr(ocr, "_seen", {})
    monkeypatch.setattr(ocr, "_read", read)
    return calls


def image_text(post: dict) -> list[tuple[str, str, list[tuple[str, bool]]]]:
    """Each image's recognised-text row: (label, text, [(words, missing)])."""
    return [(row[0], row[1], [tuple(run) for run in row[2]]) for image in post["images"] for row in image["extra"]]


def _poster_posts(tmp_path: Path) -> dict:
    from tests.poster_factory import sample

    sample("flu-poster").draw(tmp_path / "media" / "poster.png")
    head = "---\nplatforms: [x]\ntitle: {}\nimages:\n  - file: ../media/poster.png\n"
    return {
        "postcheck.toml": "",
        "posts/summary.md": head.format("Summary") + "    alt: Flu clinic poster\n---\nFlu clinics.\n",
        "posts/again.md": head.format("Again") + "    alt: Flu clinics poster\n---\nFlu clinics again.\n",
        "posts/decorative.md": head.format("Decorative") + "    alt: ''\n    decorative: true\n---\nBackdrop.\n",
    }


@needs_ocr
def test_a_poster_with_a_summary_alt_shows_its_text_with_the_missing_words_marked(tmp_path, engine_calls):
    (tmp_path / "media").mkdir()
    run, html = html_run(tmp_path, _poster_posts(tmp_path))
    assert html is not None, run.stderr
    posts = {p["heading"]: p for p in report_data(html)["posts"]}
    ((label, text, runs),) = image_text(posts["Summary"])
    assert label == "Text on the image (OCR): 7 of 9 words not in the alt text, marked"
    assert text == "Flu clinics\nMonday to Friday\n9am to 5pm\nNo appointment needed"
    assert "".join(words for words, _ in runs) == text
    assert [words for words, missing in runs if missing] == [
        "Monday", "Friday", "9am", "5pm", "No", "appointment", "needed"
    ]  # fmt: skip
    assert runs[0] == ("Flu clinics\n", False)  # the alt conveys these
    assert image_text(posts["Decorative"]) == []  # nothing to convey, so nothing shown
    # One OCR for the image in the run, shared by A107 for both posts and by the report.
    assert len(engine_calls) == 1


@needs_ocr
def test_without_a107_the_report_shows_no_image_text_and_never_starts_the_ocr(tmp_path, engine_calls):
    (tmp_path / "media").mkdir()
    run, html = html_run(tmp_path, _poster_posts(tmp_path), "--ignore", "A107")
    assert html is not None, run.stderr
    assert all(image_text(post) == [] for post in report_data(html)["posts"])
    assert engine_calls == []


def test_the_report_reads_the_text_a107_read_and_never_reads_it_again(tmp_path, monkeypatch):
    calls = fake_ocr(monkeypatch, "Flu clinics", "Monday to Friday")
    files = {
        "postcheck.toml": "",
        "media/a.png": png(),
        "media/b.png": png(color=(200, 0, 0)),
        "one.md": "---\nplatforms: [x]\nimages:\n  - file: media/a.png\n    alt: Flu clinics\n"
        "  - file: media/b.png\n    alt: Flu clinics, Monday to Friday\n---\nOne.\n",
        "two.md": "---\nplatforms: [x]\nimages:\n  - file: media/a.png\n    alt: Poster\n---\nTwo.\n",
    }
    asked: list[str] = []
    read_image_text = ocr.read_image_text

    @functools.wraps(read_image_text)  # the same name, so the run's memo knows it
    def counting(path: Path, cache_dir: Path | None = None) -> ImageText:
        asked.append(path.name)
        return read_image_text(path, cache_dir)

    monkeypatch.setattr(ocr, "read_image_text", counting)
    run, html = html_run(tmp_path, files)
    assert html is not None, run.stderr
    # Once per image in the run, by A107: the report neither reads the image nor asks the OCR cache again.
    assert sorted(asked) == ["a.png", "b.png"]
    assert sorted(path.name for path in calls) == ["a.png", "b.png"]
    one, two = sorted(report_data(html)["posts"], key=lambda p: p["path"])
    (a, b) = image_text(one)
    assert a[0].endswith("2 of 4 words not in the alt text, marked")
    assert [words for words, missing in a[2] if missing] == ["Monday", "Friday"]
    assert b[0] == "Text on the image (OCR): all its words are in the alt text" and b[2] == [(b[1], False)]
    ((label, _, runs),) = image_text(two)  # the same image read once, measured against this post's alt
    assert label.endswith("4 of 4 words not in the alt text, marked")
    assert [words for words, missing in runs if missing] == ["Flu", "clinics", "Monday", "Friday"]


def test_a_placeholder_alt_or_an_unreadable_image_shows_no_image_text(tmp_path, monkeypatch):
    calls = fake_ocr(monkeypatch, "Flu clinics", "Monday to Friday")
    files = {
        "postcheck.toml": "",
        "media/a.png": png(),
        "media/broken.png": b"\x89PNG\r\n\x1a\nnot really",
        "one.md": "---\nplatforms: [x]\nimages:\n  - file: media/a.png\n    alt: image\n"
        "  - file: media/broken.png\n    alt: Flu clinics\n---\nOne.\n",
    }
    run, html = html_run(tmp_path, files)
    assert html is not None, run.stderr
    assert calls == [] and image_text(report_data(html)["posts"][0]) == []


HOSTILE_OCR = ('<script>alert("ocr")</script>', "</p><img src=x onerror=alert(1)> & Clinic")


def test_recognised_text_is_escaped_data_never_markup(tmp_path, monkeypatch):
    fake_ocr(monkeypatch, *HOSTILE_OCR)  # a poster can say anything: its words are the attacker's
    files = {"postcheck.toml": "", "media/a.png": png(), "post.md": _post_with_alt("Our new clinic poster for winter")}
    run, html = html_run(tmp_path, files)
    assert html is not None, run.stderr
    assert "<script>alert" not in html and "<img src=x" not in html and html.count("</script") == 2
    data_block = html.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&") & set(data_block)
    ((_, text, runs),) = image_text(report_data(html)["posts"][0])
    assert text == "\n".join(HOSTILE_OCR) and "".join(words for words, _ in runs) == text
    marked = [words for words, missing in runs if missing]
    assert marked[:3] == ["script", "alert", "ocr"] and "onerror" in marked and "Clinic" not in marked


def _post_with_alt(alt: str) -> str:
    return f"---\nplatforms: [x]\nimages:\n  - file: media/a.png\n    alt: {alt}\n---\nFlu clinics.\n"
