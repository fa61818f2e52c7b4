"""Declarative [[custom]] rules from config: forbid or require a pattern or phrases, each with its own code."""

from __future__ import annotations

import pytest

from postcheck.rules import all_rules
from postcheck.rules.custom import clear_custom, phrases_pattern
from tests.conftest import run_cli, write


@pytest.fixture(autouse=True)
def _no_custom_rules_left_behind():
    """Runs here register C rules in the process-wide registry; later tests must not see them."""
    yield
    clear_custom()


BANNED = """
[[custom]]
code = "C001"
name = "banned-claim"
phrases = ["miracle cure", "100% safe", "won't hurt"]
forbid = true
message = "Do not claim '{match}': health claims must be evidence-based"
severity = "error"
"""

HASHTAG = """
[[custom]]
code = "C002"
pattern = "#MSEhealth\\\\b"
require = true
message = "Campaign posts carry #MSEhealth"
platforms = ["x"]
kinds = ["post"]
"""


def post(text: str, platforms: str = "[x]", kind: str = "post") -> str:
    extra = "source: https://x.com/nhs/status/1\n" if kind in ("share", "quote", "repost") else ""
    return f"---\nplatforms: {platforms}\nkind: {kind}\n{extra}---\n{text}\n"


def test_forbidden_phrase_is_reported_with_its_code_severity_and_span(check):
    text = "This jab is a Miracle  Cure for flu."
    run = check({"p.md": post(text), "postcheck.toml": BANNED}, "--select", "C")
    [finding] = run.json["findings"]
    assert finding["code"] == "C001" and finding["name"] == "banned-claim" and finding["severity"] == "error"
    assert finding["message"] == "Do not claim 'Miracle Cure': health claims must be evidence-based"  # spaces collapsed
    assert finding["column"] == text.index("Miracle") + 1 and finding["end_column"] == text.index(" for") + 1


def test_match_across_a_line_break_keeps_the_message_on_one_line(check):
    files = {"p.md": post("This is a miracle\ncure."), "postcheck.toml": BANNED}
    [finding] = check(files, "--select", "C").json["findings"]
    assert finding["message"] == "Do not claim 'miracle cure': health claims must be evidence-based"
    text = check(files, "--select", "C", "--format", "text")
    assert "p.md:5:11: C001 Do not claim 'miracle cure'" in text.output


def test_phrases_match_whole_words_only(check):
    run = check(
        {"p.md": post("The miracle cures exhibition is 100% safer."), "postcheck.toml": BANNED}, "--select", "C"
    )
    assert run.codes == []


def test_phrases_match_curly_apostrophes(check):
    run = check({"p.md": post("It won’t hurt a bit."), "postcheck.toml": BANNED}, "--select", "C")
    assert run.codes == ["C001"]


def test_every_forbidden_match_is_reported(check):
    run = check({"p.md": post("A miracle cure, 100% safe."), "postcheck.toml": BANNED}, "--select", "C")
    assert run.codes == ["C001", "C001"]


def test_required_pattern_missing_is_reported_once(check):
    run = check({"p.md": post("Book your flu jab.\nToday."), "postcheck.toml": HASHTAG}, "--select", "C")
    [finding] = run.json["findings"]
    assert finding["code"] == "C002" and finding["severity"] == "warning"  # the default
    assert finding["name"] == "custom-c002" and finding["line"] == 5


def test_required_pattern_present_passes(check):
    run = check({"p.md": post("Book your flu jab. #MSEhealth"), "postcheck.toml": HASHTAG}, "--select", "C")
    assert run.codes == []


def test_platforms_and_kinds_limit_where_a_rule_applies(check):
    toml = HASHTAG
    assert check({"p.md": post("No tag", "[facebook]"), "postcheck.toml": toml}, "--select", "C").codes == []
    assert check({"p.md": post("No tag", "[x]", "share"), "postcheck.toml": toml}, "--select", "C").codes == []


def test_custom_rules_follow_select_ignore_and_severity_overrides(check):
    files = {"p.md": post("A miracle cure."), "postcheck.toml": BANNED + '\n[severity]\nC001 = "info"\n'}
    run = check(files)
    assert [f["severity"] for f in run.json["findings"] if f["code"] == "C001"] == ["info"]
    assert "C001" not in check(files, "--ignore", "C001").codes


def test_custom_rule_can_be_suppressed_in_the_post(check):
    text = "---\nplatforms: [x]\npostcheck:\n  ignore: {C001: quoting a complaint}\n---\nNot a miracle cure.\n"
    assert check({"p.md": text, "postcheck.toml": BANNED}, "--select", "C,X").codes == []


def test_custom_rules_do_not_leak_into_a_run_with_another_config(check, tmp_path):
    assert check({"p.md": post("A miracle cure."), "postcheck.toml": BANNED}, "--select", "C").codes == ["C001"]
    other = write(tmp_path / "other", {"p.md": post("A miracle cure."), "postcheck.toml": ""})
    run = run_cli(".", "--format", "json", "--no-cache", cwd=other)
    assert "C001" not in [f["code"] for f in run.json["findings"]]
    assert "C001" not in all_rules()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ('code = "X001"\npattern = "a"\nforbid = true\nmessage = "m"', "code must be C"),
        ('code = "C001"\npattern = "(unclosed"\nforbid = true\nmessage = "m"', "not a regular expression"),
        ('code = "C001"\npattern = "a*"\nforbid = true\nmessage = "m"', "matches empty text"),
        ('code = "C001"\npattern = "a"\nphrases = ["b"]\nforbid = true\nmessage = "m"', "exactly one of `pattern`"),
        ('code = "C001"\nforbid = true\nmessage = "m"', "exactly one of `pattern`"),
        ('code = "C001"\npattern = "a"\nforbid = true\nrequire = true\nmessage = "m"', "exactly one of `forbid"),
        ('code = "C001"\npattern = "a"\nmessage = "m"', "exactly one of `forbid"),
        ('code = "C001"\npattern = "a"\nforbid = true', "`message` is required"),
        ('code = "C001"\npattern = "a"\nforbid = true\nmessage = "m"\nseverity = "fatal"', "severity must be"),
        (
            'code = "C001"\npattern = "a"\nforbid = true\nmessage = "m"\nplatforms = ["twiter"]',
            "unknown platform 'twiter'",
        ),
        ('code = "C001"\npattern = "a"\nforbid = true\nmessage = "m"\nkinds = ["tweet"]', "unknown kind 'tweet'"),
        ('code = "C001"\npatern = "a"\nforbid = true\nmessage = "m"', "did you mean 'pattern'"),
        ('code = "C001"\nphrases = []\nforbid = true\nmessage = "m"', "non-empty list"),
        ('code = "C001"\npattern = "a"\nforbid = true\nmessage = "m"\nname = "Bad Name"', "kebab-case"),
    ],
)
def test_invalid_custom_rule_is_a_one_line_config_error(check, entry, expected):
    run = check({"p.md": post("Hello"), "postcheck.toml": f"[[custom]]\n{entry}\n"})
    assert run.exit_code == 2, run.output
    assert expected in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_duplicate_custom_code_is_a_config_error(check):
    run = check({"p.md": post("Hello"), "postcheck.toml": BANNED + BANNED})
    assert run.exit_code == 2 and "used by two" in run.stderr


def test_phrases_pattern_prefers_the_longest_phrase():
    pattern = phrases_pattern(["cure", "miracle cure"])
    assert pattern.search("a miracle cure").group(0) == "miracle cure"
