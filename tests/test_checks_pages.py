"""Every rule has a page in checks/, and every page's Bad and Good examples behave as they say."""

from __future__ import annotations

import shutil

import pytest

from postcheck.catalogue import examples, front_matter, pages_dir
from postcheck.rules import all_rules
from tests.conftest import check_files

PAGES = sorted(pages_dir().glob("[A-Z][0-9][0-9][0-9]-*.md"))
MEDIA = pages_dir() / "media"


def test_every_registered_rule_has_a_page():
    codes_with_pages = {p.name.split("-")[0] for p in PAGES}
    # C codes are the config's own [[custom]] rules: they have no page.
    missing = [c for c in all_rules() if c not in codes_with_pages and not c.startswith("C")]
    assert not missing, f"rules without a page in checks/: {missing}"


def test_every_page_belongs_to_a_rule_and_names_it():
    rules = all_rules()
    for page in PAGES:
        code = page.name.split("-")[0]
        assert code in rules, f"{page.name} has no registered rule"
        rule = rules[code]
        assert page.name == f"{code}-{rule.name}.md"
        meta = front_matter(page)
        assert meta.get("code") == code and meta.get("name") == rule.name
        assert meta.get("severity") == rule.severity.value
        assert meta.get("policy"), f"{page.name} does not say which policy clause or guideline it enforces"


def _run_example(tmp_path, page, which):
    if front_matter(page).get("online") and which == "bad":
        pytest.skip("online-only rule: tests/test_links.py runs this example with --online against a local server")
    reason = all_rules()[page.name.split("-")[0]].unavailable()
    if reason and which == "bad":
        pytest.skip(f"{page.stem} cannot run here: {reason}")
    found = examples(page)
    assert which in found, f"{page.name} has no ## {which.title()} example"
    files = found[which].files
    assert files, f"{page.name}: the {which} example has no ```lang file=NAME block"
    if MEDIA.is_dir():
        shutil.copytree(MEDIA, tmp_path / "media")
    return check_files(tmp_path, files)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_bad_example_raises_exactly_its_code(tmp_path, page):
    code = page.name.split("-")[0]
    run = _run_example(tmp_path, page, "bad")
    assert set(run.codes) == {code}, run.output


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_good_example_raises_nothing(tmp_path, page):
    run = _run_example(tmp_path, page, "good")
    assert run.codes == [], run.output
