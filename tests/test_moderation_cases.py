"""The M rules on realistic posts (tests/moderation_cases.yml): every case right, and precision/recall per rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from postcheck.config import load_config
from postcheck.context import Context
from postcheck.loaders.markdown import load_markdown
from postcheck.model import Source
from postcheck.rules import moderation as m

CASES_FILE = Path(__file__).with_name("moderation_cases.yml")
DATA = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
RULES = {
    "M101": m.personal_contact_details,
    "M103": m.names_staff_member,
    "M104": m.medical_advice_without_signposting,
    "M105": m.public_request_for_personal_data,
}
CASES = [
    (code, verdict, item[verdict], item.get("kind", "post"))
    for code in RULES
    for item in DATA[code]
    for verdict in ("bad", "good")
    if verdict in item
]


@pytest.fixture(scope="module")
def ctx(tmp_path_factory) -> Context:
    folder = tmp_path_factory.mktemp("cases")
    config = folder / "postcheck.toml"
    config.write_text(f"[moderation]\nstaff = {json.dumps(DATA['staff'], ensure_ascii=False)}\n", encoding="utf-8")
    return Context(load_config(config), folder, datetime(2026, 11, 24, 12, tzinfo=UTC))


def reported(code: str, text: str, kind: str, ctx: Context) -> bool:
    front = f"kind: {kind}\nin_reply_to: https://x.com/someone/status/2\n" if kind == "reply" else ""
    source = Source(Path("case.md"), f"---\nplatforms: [x]\n{front}---\n{text}\n")
    return any(True for _ in RULES[code](load_markdown(source, "case.md"), ctx))


@pytest.mark.parametrize("code, verdict, text, kind", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_moderation_case(code, verdict, text, kind, ctx):
    assert reported(code, text, kind, ctx) == (verdict == "bad"), text


def scores(ctx: Context) -> dict[str, tuple[float, float]]:
    """(precision, recall) per rule over the case set."""
    result = {}
    for code in RULES:
        found = [(verdict, reported(code, text, kind, ctx)) for c, verdict, text, kind in CASES if c == code]
        tp = sum(1 for verdict, hit in found if hit and verdict == "bad")
        fp = sum(1 for verdict, hit in found if hit and verdict == "good")
        fn = sum(1 for verdict, hit in found if not hit and verdict == "bad")
        result[code] = (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
    return result


def test_every_rule_has_bad_and_good_cases_side_by_side():
    for code in RULES:
        assert sum(c[0] == code and c[1] == "bad" for c in CASES) >= 9
        assert sum(c[0] == code and c[1] == "good" for c in CASES) >= 9


def test_precision_and_recall_per_rule_are_at_least_097(ctx):
    for code, (precision, recall) in scores(ctx).items():
        assert precision >= 0.97 and recall >= 0.97, f"{code}: precision {precision:.2f}, recall {recall:.2f}"
