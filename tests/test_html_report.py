"""The HTML compliance report: written beside the normal output, self-contained, escaped, readable in a browser."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

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
        "Book your flu jab today.\nLine two. #FluJab https://bit.ly/flu\n"
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
    text = " ".join(parse(html).text)
    for f in findings:
        assert f["code"] in html
        assert f["name"] in html
        assert f["message"] in text
        assert f"{f['path']}:{f['line']}:{f['column']}" in text
    assert "Pharmacy advice" in html and "Clean" in html  # clean posts are shown too
    assert "No alt text" in html
    assert "Line two." in html and "Book your flu jab today.\nLine two." in html  # line breaks kept as written
    assert list(tmp_path.glob(".report.html.*")) == []  # no temporary file left


def test_html_report_is_self_contained(tmp_path):
    run, html = html_run(tmp_path, POSTS)
    assert html is not None
    tags = parse(html)
    sources = tags.attribute("src")
    assert sources and all(s.startswith("data:image/") for s in sources)
    links = {"https://bit.ly/flu", "https://www.nhs.uk/pharmacy"}
    for tag, attrs in tags.tags:
        if "href" in attrs:
            href = attrs["href"] or ""
            assert href.startswith("#") or (tag == "a" and href in links), href
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
    assert len(scripts) == 1  # only the report's own filter script
    assert "<script>alert" not in html
    assert "onerror=alert(1)>" not in html.replace("&gt;", "")  # the tag is text, never markup
    assert not [t for t, a in tags.tags if t == "img" and a.get("src") == "x"]
    assert "&lt;script&gt;alert(&#34;alt&#34;)&lt;/script&gt; &amp; &#34;quoted&#34;" in html
    assert "&lt;b&gt;&#34;x&#39;.png" in html
    for href in tags.attribute("href"):
        assert href.startswith(("#", "https://")), href
        assert "<" not in href and '"' not in href
    assert 'href="https://www.nhs.uk/a?x=1&amp;y=2"' in html  # the post's own links, escaped
    assert 'href="https://www.nhs.uk/it&#39;s-ok"' in html
    thumbnails = [a for t, a in tags.tags if t == "img"]
    assert thumbnails and thumbnails[0]["alt"] == '<script>alert("alt")</script> & "quoted"'


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
    images = [a for t, a in parse(html).tags if t == "img"]
    assert [a["alt"] for a in images] == ["", ""]
    assert "marked decorative" in html
    assert "No alt text" in html


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
    assert html.count("<strong>Image not shown</strong>") == 3
    assert "Video frame not shown" in html
    assert "does not exist" in html
    assert "outside the posts root" in html
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
    sources = parse(html).attribute("src")
    assert len(sources) == 1 and sources[0].startswith("data:image/jpeg;base64,")
    assert "data:video" not in html
    assert "Winter is coming." in html
    assert "Get your flu jab\nat your pharmacy." in html
    assert "00:01.000 → 00:02.000" in html


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
    assert "Winter is coming." in html and html.count("data:image/") == 3  # two posters of one image, one frame
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
    write(tmp_path, POSTS)
    run = run_cli(".", "--html", "no/such/folder/report.html", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stderr.startswith("postcheck: error: --html no/such/folder/report.html")
    assert run.stderr.count("\n") == 1


def test_html_report_of_the_sample_posts(tmp_path):
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "posts"
    run = run_cli(str(fixtures), "--html", str(tmp_path / "r.html"), "--now", FIXED_NOW, "--no-cache")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert run.exit_code == 1
    assert html.count('<article class="post') >= 10
    assert "Winter is coming." in html  # winter.mp4's captions


def schedule_rows(html: str) -> list[tuple[str, str]]:
    """(publish time, heading) of each Schedule table row, in order."""
    return re.findall(r'<td class="nowrap">([^<]*)</td>\s*<td><a href="#post-\d+">([^<]*)</a>', html)


def card_times(html: str) -> list[tuple[str, str]]:
    """(heading, publish time) of each post card, in order."""
    headings = re.findall(r'<h3 id="post-\d+-h">([^<]*)</h3>', html)
    times = re.findall(r"<dt>Publish</dt><dd>([^<]*)</dd>", html)
    return list(zip(headings, times, strict=True))


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
    assert card_times(html) == [(h, t) for t, h in expected[:-1]] + [("F", "Draft (no publish time)")]
    assert "Times are in Europe/London" in html


def preview_texts(html: str) -> list[str]:
    """The markup of each post's text in "As it will be posted", in order."""
    return re.findall(r'<p class="text">(.*?)</p>', html, re.S)


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
    link = '<a href="{0}" rel="noopener noreferrer nofollow">{0}</a>'.format
    assert preview_texts(html) == [
        'Cold weather alert <span class="hashtag">#KeepWarm</span> ' + link("https://www.gov.uk/cold"),
        "Bad link javascript:alert(11)",  # shown, never followed
        "Already in the text " + link("https://www.nhs.uk/x"),  # the scheduler does not post it twice
        link("https://www.nhs.uk/y"),
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
    assert title == "Post compliance report: 1 error, 1 warning in 1 post"
    assert "1 post in 1 file ·" in html
    assert "… and 1 more cue<" in html and "2 cues" in html
    assert "1 warning</span>" in html and "1 warnings" not in html


# ---------------------------------------------------------------------------------------------------------------
# In a real browser


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("headless Chromium not installed (Debian: apt-get install chromium); browser test skipped")
    return found


def browse(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=tmp_path)


def test_report_renders_in_headless_chromium(tmp_path):
    chromium()
    posts = tmp_path / "posts"
    run, html = html_run(posts, POSTS)
    assert html is not None
    page = posts / "report.html"
    dom = browse(tmp_path, page, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-500:]
    rendered = dom.stdout
    assert "Flu clinics" in rendered and "Pharmacy advice" in rendered
    for code in ("A101", "L102"):
        assert code in rendered
    assert 'id="filters"' in rendered and 'id="filters" hidden' not in rendered  # the script ran

    shot = tmp_path / "shot.png"
    result = browse(tmp_path, page, f"--screenshot={shot}", "--window-size=1280,2000")
    assert result.returncode == 0, result.stderr[-500:]
    assert shot.exists()
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        colors = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colors is None or len(colors) > 1


def test_report_fits_a_phone_screen(tmp_path):
    chromium()  # headless Chromium keeps windows at least 500 px wide: the report goes in a 375 px frame
    posts = tmp_path / "posts"
    run, html = html_run(posts, {**TIMED, **POSTS})
    assert html is not None, run.stderr
    phone = tmp_path / "phone.html"
    phone.write_text(
        f'<!DOCTYPE html><iframe id="f" src="{(posts / "report.html").as_uri()}" width="375" height="700"></iframe>'
        '<p id="r"></p><script>window.addEventListener("load", function () {'
        ' var page = document.getElementById("f").contentDocument.documentElement;'
        ' document.getElementById("r").textContent = page.scrollWidth + " " + page.clientWidth; });</script>',
        encoding="utf-8",
    )
    dom = browse(tmp_path, phone, "--allow-file-access-from-files", "--dump-dom")
    measured = re.search(r'<p id="r">(\d+) (\d+)</p>', dom.stdout)
    assert measured, dom.stdout[-500:]
    content, visible = map(int, measured.groups())
    assert 300 < visible <= 375
    assert content <= visible  # nothing pushes the page sideways; wide tables scroll inside their own box
