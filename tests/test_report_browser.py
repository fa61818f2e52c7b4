"""The HTML report in headless Chromium: finding and filtering, previews, keyboard, small screens, print, axe-core.

One browser for the module. Needs Debian's `chromium` and `websocket-client`; the axe-core tests also need npm's
`axe-core` (`npm install --prefix .ci/npm axe-core`, or $AXE_CORE_JS naming axe.min.js). Each test skips with the
reason when its tool is missing.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.browser import Browser, axe_path, chromium_path
from tests.conftest import FIXED_NOW, run_cli, write
from tests.test_html_report import HOSTILE, HOSTILE_OCR, fake_ocr, png

pytest.importorskip(
    "websocket", reason="websocket-client not installed (pip install websocket-client): browser tests skipped"
)
if chromium_path() is None:
    pytest.skip(
        "headless Chromium not installed (Debian: apt-get install chromium): browser tests skipped",
        allow_module_level=True,
    )

LONG = (
    "Flu jabs 💉 are free for over-65s. "
    + "Book at your GP surgery or a pharmacy near you today. " * 5
    + "https://www.nhs.uk/flu"
)
EDITOR = {
    "postcheck.toml": '[links]\napproved = ["nhs.uk"]\n',
    "media/poster.png": png(900, 600, (20, 80, 160)),
    "posts/long.md": f"---\nplatforms: [x, instagram]\ntitle: Long\npublish_at: 2026-12-01T10:00:00Z\n---\n{LONG}\n",
    "posts/tag.md": (
        "---\nplatforms: [instagram, facebook]\ntitle: Tag\npublish_at: 2027-01-05T10:00:00Z\nimages:\n"
        "  - file: ../media/poster.png\n    alt: Poster with the flu clinic times\n---\nGet your jab. #flujab\n"
    ),
    "posts/wide.md": (
        "---\nplatforms: [x]\ntitle: Wide\npublish_at: 2026-12-03T10:00:00Z\n---\n"
        f"Read https://www.nhs.uk/{'a' * 200} and #{'b' * 150}\n"
    ),
    "posts/clean.md": "---\nplatforms: [facebook]\ntitle: Clean\npublish_at: 2026-12-04T10:00:00Z\n---\nAll fine.\n",
    "posts/draft.md": "---\nplatforms: [x]\ntitle: Draft\n---\nCall 07700 900123 today.\n",
}


def build(folder: Path, files: dict) -> Path:
    write(folder, files)
    run_cli(".", "--html", "report.html", "--now", FIXED_NOW, "--no-cache", cwd=folder)
    return folder / "report.html"


@pytest.fixture(scope="module")
def browser():
    try:
        opened = Browser()
    except RuntimeError as error:
        pytest.skip(f"Chromium did not start: {error}")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("editor"), EDITOR)


def shown(browser: Browser) -> tuple[str, list[str]]:
    """The status line and the headings of the posts on the page."""
    return browser.js(
        "[document.getElementById('shown').textContent,"
        " Array.from(document.querySelectorAll('article.post h3')).map(h => h.textContent)]"
    )


def choose(browser: Browser, facet: str, value: str) -> None:
    browser.js(
        f"(() => {{ const s = document.getElementById('f-{facet}'); s.value = {json.dumps(value)};"
        " s.dispatchEvent(new Event('input', {bubbles: true})); })()"
    )


def option_texts(browser: Browser, facet: str) -> list[str]:
    return browser.js(f"Array.from(document.getElementById('f-{facet}').options).map(o => o.textContent)")


def test_search_and_each_filter_change_what_is_shown_with_counts(browser, editor):
    browser.open(editor)
    assert shown(browser) == ["Showing 5 of 5 posts", ["Long", "Wide", "Clean", "Tag", "Draft"]]
    browser.js("document.getElementById('f-q').focus()")
    browser.type("FLUJAB")  # search is case-blind, over text, alt text, file names and messages
    assert shown(browser) == ["Showing 1 of 5 posts", ["Tag"]]
    browser.js(
        "(() => { const q = document.getElementById('f-q'); q.value = 'clinic times';"
        " q.dispatchEvent(new Event('input', {bubbles: true})); })()"
    )  # an alt text
    assert shown(browser)[1] == ["Tag"]
    browser.js("document.getElementById('f-clear').click()")
    assert browser.js("document.getElementById('f-rule').options[0].textContent") == "Any rule"
    assert (
        "A201 Multi-word hashtag not in CamelCase; suggestion by word segmentation + casing lexicon (1)"
        in option_texts(browser, "rule")
    )
    assert option_texts(browser, "platform") == ["Any platform", "X (3)", "Facebook (2)", "Instagram (2)"]
    assert option_texts(browser, "month") == [
        "Any month",
        "December 2026 (3)",
        "January 2027 (1)",
        "No date (drafts) (1)",
    ]
    assert option_texts(browser, "status") == ["Any verdict", "Ready (2)", "Warnings only (1)", "Blocked (2)"]
    for facet, value, expected in (
        ("rule", "A201", ["Tag"]),
        ("platform", "instagram", ["Long", "Tag"]),
        ("month", "2027-01", ["Tag"]),
        ("month", "draft", ["Draft"]),
        ("status", "ready", ["Wide", "Clean"]),
        ("severity", "error", ["Long", "Draft"]),
    ):
        browser.js("document.getElementById('f-clear').click()")
        choose(browser, facet, value)
        assert shown(browser) == [f"Showing {len(expected)} of 5 posts", expected], (facet, value)
    # Counts follow the other filters: with errors, only X and Instagram posts are left
    assert option_texts(browser, "platform") == ["Any platform", "X (2)", "Facebook (0)", "Instagram (1)"]
    assert browser.js("document.getElementById('shown').getAttribute('aria-live')") == "polite"


def test_the_url_fragment_keeps_and_restores_the_filters(browser, editor):
    browser.open(editor, fragment="#rule=A201&platform=instagram")
    assert shown(browser) == ["Showing 1 of 5 posts", ["Tag"]]
    assert browser.js("[document.getElementById('f-rule').value, document.getElementById('f-platform').value]") == [
        "A201",
        "instagram",
    ]
    assert browser.js("document.querySelector('#post-4 .tabs [aria-pressed=true]').textContent") == "Instagram"
    choose(browser, "month", "2027-01")
    time.sleep(0.4)  # the address is written when the editor pauses
    assert browser.js("location.hash") == "#rule=A201&platform=instagram&month=2027-01"
    browser.open(editor, fragment="#rule=NOPE&q=%3Cb%3E")  # unknown values are ignored, terms stay text
    assert browser.js("[document.getElementById('f-rule').value, document.getElementById('f-q').value]") == ["", "<b>"]
    assert shown(browser)[0] == "Showing 0 of 5 posts"


def test_every_control_works_from_the_keyboard(browser, editor):
    browser.open(editor)
    browser.js("document.activeElement.blur()")
    seen = []
    for _ in range(60):
        browser.key("Tab")
        seen.append(
            browser.js(
                "(e => e.id || e.getAttribute('data-rule') || e.getAttribute('aria-label')"
                " || e.textContent.trim().slice(0, 30))(document.activeElement)"
            )
        )
    for control in (
        "f-q",
        "f-status",
        "f-severity",
        "f-rule",
        "f-platform",
        "f-month",
        "f-clear",
        "A201",
        "Open image 1 full size",
        "Instagram",
    ):
        assert control in seen, (control, seen)
    # A select changes with the arrow keys, and the posts follow
    browser.js("document.getElementById('f-status').focus()")
    browser.key("ArrowDown")
    assert browser.js("document.getElementById('f-status').value") == "ready"
    assert shown(browser)[1] == ["Wide", "Clean"]
    browser.js("document.getElementById('f-clear').focus()")
    browser.key("Enter")
    assert shown(browser)[0] == "Showing 5 of 5 posts"
    # The rule table's button filters by its rule
    browser.js("document.querySelector('button[data-rule=A201]').focus()")
    browser.key("Enter")
    assert shown(browser)[1] == ["Tag"]
    # A platform's preview is chosen with Space
    browser.js("document.querySelector('#post-4 .tabs button[data-platform=facebook]').focus()")
    browser.key(" ", " ")
    assert browser.js("document.querySelector('#post-4 .platform-preview').getAttribute('data-platform')") == "facebook"
    # An image opens full size with Enter, and Escape gives the focus back
    browser.js("document.querySelector('#post-4 button.open').focus()")
    browser.key("Enter")
    assert browser.js("document.getElementById('viewer').open") is True
    size = browser.js("(i => [i.naturalWidth, i.naturalHeight, i.alt])(document.getElementById('viewer-img'))")
    assert size == [480, 320, "Poster with the flu clinic times"]  # the embedded picture at its own size
    browser.key("Escape")
    assert browser.js("document.getElementById('viewer').open") is False
    assert browser.js("document.activeElement.getAttribute('aria-label')") == "Open image 1 full size"
    # A highlighted span leads to its finding
    browser.js("document.querySelector('#post-4 a.mark').focus()")
    browser.key("Enter")
    assert browser.js("document.activeElement.id") == "post-4-f0"
    # Explanations and the schedule open with Enter; the whole rule page is drawn when opened
    browser.js("document.querySelector('#post-4-f0 details.why > summary').focus()")
    browser.key("Enter")
    assert browser.js("document.querySelector('#post-4-f0 details.why').open") is True
    browser.js("document.querySelector('#post-4-f0 details.rule-page > summary').focus()")
    browser.key("Enter")
    page = browser.js(
        "new Promise(r => setTimeout(() => r(document.querySelector('#post-4-f0 details.rule-page').textContent), 50))"
    )  # drawn on the toggle event, which follows the key press
    assert "Screen readers read" in page and "## Why" not in page


def test_a_320_px_screen_needs_no_sideways_scrolling(browser, editor):
    browser.open(editor, width=320, height=640)
    assert browser.js("document.documentElement.clientWidth") == 320
    assert browser.js("document.documentElement.scrollWidth") <= 320
    browser.js("document.getElementById('schedule-box').open = true")
    assert browser.js("document.documentElement.scrollWidth") <= 320


def test_x_preview_marks_the_cut_at_the_right_character(browser, editor):
    from postcheck.text.platforms import measure

    cut = measure(LONG, "x-weighted", 280).overflow
    assert cut is not None
    browser.open(editor)
    before, marker, after = browser.js(
        "(() => { const p = document.querySelector('#post-1 .platform-preview[data-platform=x] p.text');"
        " const m = p.querySelector('.marker.cut'); let before = '', after = '', past = false;"
        " const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);"
        " while (walk.nextNode()) { const n = walk.currentNode;"
        "   if (m.contains(n)) { past = true; continue; }"
        "   if (n.parentElement.closest('sup, .visually-hidden')) continue;"
        "   if (past) after += n.data; else before += n.data; }"
        " return [before, m.textContent, after]; })()"
    )
    assert before == LONG[:cut] and after == LONG[cut:]
    assert marker == "✂ X cuts here"
    count = browser.js("document.querySelector('#post-1 .count').textContent")
    assert count.startswith(f"X: {measure(LONG, 'x-weighted').count} of 280")


def test_a_finding_span_is_highlighted_and_linked_to_its_finding(browser, editor):
    browser.open(editor)
    mark = browser.js(
        "(a => [a.children[1].textContent, a.getAttribute('href'), a.className])"
        "(document.querySelector('#post-4 a.mark'))"
    )
    assert mark == ["#flujab", "#post-4-f0", "mark warning"]
    assert browser.js("document.querySelector('#post-4-f0 .code').textContent") == "A201"
    # Instagram shows the link as text that cannot be followed, and says so; a long post folds behind "… more"
    assert browser.js("document.querySelector('#post-1 .tabs button[data-platform=instagram]').click()") is None
    texts = browser.js(
        "Array.from(document.querySelectorAll('#post-1 .platform-preview p.text > span')).map(s => s.textContent)"
    )
    assert " (not clickable on Instagram)" in texts and "… more: Instagram folds here" in texts


def test_print_shows_every_post_with_its_explanations_in_ink(browser, tmp_path):
    files = {"postcheck.toml": "", "poster.png": png()}
    for i in range(30):
        image = "images:\n  - file: poster.png\n    alt: A poster\n" if i == 25 else ""
        files[f"p{i:02d}.md"] = f"---\nplatforms: [x]\ntitle: Post {i}\n{image}---\nGet a #flujab {i}\n"
    page = build(tmp_path, files)
    browser.open(page)
    assert browser.js("document.querySelectorAll('article.post').length") == 20  # a page at a time on screen
    browser.send("Emulation.setEmulatedMedia", media="print")
    try:
        browser.js("window.dispatchEvent(new Event('beforeprint'))")
        assert browser.js("document.querySelectorAll('article.post').length") == 30
        assert browser.js("Array.from(document.querySelectorAll('details.why')).every(d => d.open)") is True
        assert browser.js("document.querySelectorAll('article img').length") == 1
        assert browser.js("document.querySelectorAll('img[loading=lazy]').length") == 0  # images print too
        style = browser.js(
            "(b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor])"
            "(document.querySelector('article .badge.warning'))"
        )
        assert style == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
        assert browser.js("getComputedStyle(document.getElementById('filters')).display") == "none"
        assert browser.js("getComputedStyle(document.querySelector('article.post')).breakInside") == "auto"
        pdf = browser.send("Page.printToPDF", printBackground=False)
        assert len(pdf["data"]) > 1000
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")


def test_hostile_text_search_terms_and_fragments_stay_text(browser, tmp_path):
    page = build(tmp_path, HOSTILE)
    browser.send(
        "Page.addScriptToEvaluateOnNewDocument",
        source="window.__alerts = []; window.alert = m => window.__alerts.push(m);",
    )
    payload = "<img src=x onerror=alert(9)>"
    browser.open(page, fragment="#q=" + payload.replace(" ", "%20"))
    assert browser.js("document.getElementById('f-q').value") == payload
    browser.js("document.getElementById('f-clear').click()")
    browser.js("document.getElementById('f-q').focus()")
    browser.type("<script>alert(8)</script>")
    browser.js("document.getElementById('f-clear').click()")
    assert browser.js("document.querySelector('article h3').textContent") == '<script>alert("title")</script>'
    text = browser.js("document.querySelector('article .platform-preview p.text').textContent")
    assert '"><img src=x onerror=alert(1)>' in text
    assert (
        browser.js("document.querySelector('article .alt').textContent") == '<script>alert("alt")</script> & "quoted"'
    )
    assert browser.js("document.querySelectorAll('script').length") == 2
    assert browser.js("document.querySelectorAll('img[src=x], [onerror]').length") == 0
    hrefs = browser.js("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    assert all(h.startswith(("#", "https://")) for h in hrefs), hrefs
    browser.open(page, fragment="#post-1%22%3E%3Cimg%20src=x%20onerror=alert(7)%3E")
    time.sleep(0.1)
    assert browser.js("window.__alerts") == []
    browser.open(page, fragment="#q=%E0%A4%A&rule=%")  # malformed escapes: the page still works
    assert browser.js("document.getElementById('shown').textContent").startswith("Showing ")


# ---------------------------------------------------------------------------------------------------------------
# axe-core


def axe_script() -> Path:
    found = axe_path()
    if found is None:
        pytest.skip("axe-core not installed (npm install --prefix .ci/npm axe-core, or set AXE_CORE_JS): skipped")
    return found


def test_fixtures_report_has_no_axe_violations(browser, tmp_path):
    script = axe_script()
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "posts"
    page = tmp_path / "r.html"
    run_cli(str(fixtures), "--html", str(page), "--now", FIXED_NOW, "--no-cache")
    browser.open(page)
    browser.js("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert browser.axe(script) == []
    broken = tmp_path / "broken.html"  # the check can fail: a page with an unnamed image and field
    broken.write_text(
        '<!DOCTYPE html><html lang="en"><title>t</title><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<input type="text"></main></html>',
        encoding="utf-8",
    )
    browser.open(broken)
    assert {"image-alt", "label"} <= {v["id"] for v in browser.axe(script)}


def test_image_text_marks_the_missing_words_in_words_stays_text_and_passes_axe(browser, tmp_path, monkeypatch):
    script = axe_script()
    fake_ocr(monkeypatch, "Flu clinics", "Monday to Friday", *HOSTILE_OCR)
    files = {
        "postcheck.toml": "",
        "media/a.png": png(),
        "post.md": "---\nplatforms: [x]\nimages:\n  - file: media/a.png\n    alt: Our flu clinics poster\n---\nHi.\n",
    }
    page = build(tmp_path, files)
    browser.send(
        "Page.addScriptToEvaluateOnNewDocument",
        source="window.__alerts = []; window.alert = m => window.__alerts.push(m);",
    )
    browser.open(page)
    browser.js("document.querySelectorAll('details').forEach(d => d.open = true)")
    shown = browser.js(
        "Array.from(document.querySelectorAll('.media-list .alt')).map(p => [p.previousElementSibling.textContent,"
        " (c => (c.querySelectorAll('.visually-hidden').forEach(h => h.remove()), c.textContent))(p.cloneNode(true)),"
        " Array.from(p.querySelectorAll('mark.missing')).map(m => m.textContent)])"
    )
    label, text, marks = shown[1]
    assert label.startswith("Text on the image (OCR): ") and label.endswith("not in the alt text, marked")
    assert text.splitlines()[:2] == ["Flu clinics", "Monday to Friday"]  # what sighted readers see: the OCR's lines
    assert marks[0] == "[missing from the alt text: Monday]"  # what a screen reader hears, not colour alone
    assert '<script>alert("ocr")</script>' in text and "<img src=x onerror=alert(1)>" in text
    style = browser.js("getComputedStyle(document.querySelector('mark.missing')).textDecorationLine")
    assert "underline" in style
    assert browser.js("document.querySelectorAll('script').length") == 2
    assert browser.js("document.querySelectorAll('img[src=x], [onerror]').length") == 0
    assert browser.js("window.__alerts") == []
    assert browser.axe(script) == []


def test_thousand_post_report_has_no_axe_violations(browser, tmp_path):
    script = axe_script()
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.report import make_report_corpus

    folder = make_report_corpus(tmp_path / "posts", 1000, pictures=10)
    page = tmp_path / "r.html"
    run_cli(
        str(folder), "--html", str(page), "--now", FIXED_NOW, "--no-cache", "--ignore", "A107"
    )  # the posters carry text
    browser.open(page)
    assert browser.js("document.getElementById('shown').textContent") == "Showing 1,000 of 1,000 posts"
    assert browser.js("document.getElementById('schedule-box').open") is False  # collapsed at scale
    browser.js("document.getElementById('more').focus()")
    browser.key("Enter")  # "Show more posts" from the keyboard: the next posts, the focus on the first of them
    assert browser.js("document.querySelectorAll('article.post').length") == 40
    assert browser.js("document.activeElement.id") == "post-21-h"
    assert browser.axe(script) == []
    assert browser.js("document.documentElement.scrollWidth <= document.documentElement.clientWidth") is True
    choose(browser, "status", "ready")
    folded = browser.js("document.querySelectorAll('article.post > button.unfold').length")
    assert folded > 0  # posts without findings start folded at this scale
    browser.js("document.querySelector('article.post > button.unfold').focus()")
    browser.key("Enter")
    assert browser.js("document.querySelectorAll('article.post > button.unfold').length") == folded - 1


def test_published_posts_are_behind_a_switch(browser, tmp_path):
    files = {
        "postcheck.toml": "",
        "a.md": "---\nplatforms: [x]\nstatus: published\ntitle: Out\n---\nHello.\n",
        "b.md": "---\nplatforms: [x]\ntitle: Draft\n---\nHello.\n",
    }
    write(tmp_path, files)
    run_cli(".", "--html", "report.html", "--now", FIXED_NOW, "--no-cache", "--include-published", cwd=tmp_path)
    browser.open(tmp_path / "report.html")
    assert shown(browser) == ["Showing 1 of 2 posts", ["Draft"]]
    assert browser.js("document.querySelector('label[for=f-published]').textContent") == "Show published posts (1)"
    browser.js("document.getElementById('f-published').focus()")
    browser.key(" ", " ")
    assert shown(browser) == ["Showing 2 of 2 posts", ["Out", "Draft"]]
    assert browser.js("document.querySelector('#post-1 .badge.published').textContent") == "Published"
