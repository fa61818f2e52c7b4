"""The M rules on realistic posts: every case right, and precision/recall per rule.

tests/moderation_cases.yml holds the cases the rules were built on; tests/moderation_cases_unseen.yml the batches
written afterwards to measure how they generalise (its notes give the figures measured before any tuning)."""

from __future__ import annotations

import importlib.util
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
from postcheck.text import advice, word_model

FILES = (
    "moderation_cases.yml",
    "moderation_cases_unseen.yml",
    "moderation_cases_b45.yml",
    "moderation_cases_b46.yml",
    "moderation_cases_b47.yml",
    "moderation_cases_b48.yml",
    "moderation_cases_b49.yml",
    "moderation_cases_b50.yml",
    "moderation_cases_b51.yml",
    "moderation_cases_b52.yml",
    "moderation_cases_b53.yml",
    "moderation_cases_b54.yml",
    "moderation_cases_b59.yml",
    "moderation_cases_b60.yml",
    "moderation_cases_b63.yml",
    "moderation_cases_b65.yml",
    "moderation_cases_b70.yml",
    "moderation_cases_b71.yml",
    "moderation_cases_b75.yml",
    "moderation_cases_b76.yml",
    "moderation_cases_b85.yml",
    "moderation_cases_b87.yml",
    "moderation_cases_b92.yml",
    "moderation_cases_b93.yml",
    "moderation_cases_b98.yml",
    "moderation_cases_b103.yml",
    "moderation_cases_b108.yml",
    "moderation_cases_b121.yml",
    "moderation_cases_b146.yml",
    "moderation_cases_b171.yml",
    "moderation_cases_b200.yml",
    "moderation_cases_b221.yml",
    "moderation_cases_b242.yml",
)
DATA = {name: yaml.safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8")) for name in FILES}
RULES = {
    "M101": m.personal_contact_details,
    "M102": m.profanity,
    "M103": m.names_staff_member,
    "M104": m.medical_advice_without_signposting,
    "M105": m.public_request_for_personal_data,
}
CASES = [
    # A pair's known_miss is its Bad case's; a Good case alone (a probe's) may carry one for a false report.
    (
        code,
        verdict,
        item[verdict],
        item.get("kind", "post"),
        name,
        item.get("known_miss") if verdict == "bad" or "bad" not in item else None,
    )
    for name in FILES
    for code in RULES
    for item in DATA[name].get(code, [])
    for verdict in ("bad", "good")
    if verdict in item
]


@pytest.fixture(scope="module")
def contexts(tmp_path_factory) -> dict[str, Context]:
    """Each file's own configuration: its staff list (M103) and the organisation's contacts (M101)."""
    result = {}
    for name in FILES:
        folder = tmp_path_factory.mktemp("cases")
        config = folder / "postcheck.toml"
        staff = json.dumps(DATA[name].get("staff", []), ensure_ascii=False)
        allowed = json.dumps(DATA[name].get("allowed_contacts", []))
        config.write_text(f"[moderation]\nstaff = {staff}\nallowed-contacts = {allowed}\n", encoding="utf-8")
        result[name] = Context(load_config(config), folder, datetime(2026, 11, 24, 12, tzinfo=UTC))
    return result


def reported(code: str, text: str, kind: str, ctx: Context) -> bool:
    front = f"kind: {kind}\nin_reply_to: https://x.com/someone/status/2\n" if kind == "reply" else ""
    source = Source(Path("case.md"), f"---\nplatforms: [x]\n{front}---\n{text}\n")
    return any(True for _ in RULES[code](load_markdown(source, "case.md"), ctx))


@pytest.mark.parametrize(
    "code, verdict, text, kind, name",
    # A case marked known_miss is one the rule is known to get wrong (its reason in the file): kept, and counted in
    # the scores, so that a fix shows up as an unexpected pass.
    [pytest.param(*c[:5], marks=[pytest.mark.xfail(reason=c[5], strict=True)] if c[5] else []) for c in CASES],
    ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)],
)
def test_moderation_case(code, verdict, text, kind, name, contexts):
    assert reported(code, text, kind, contexts[name]) == (verdict == "bad"), text


def scores(contexts: dict[str, Context]) -> dict[str, tuple[float, float]]:
    """(precision, recall) per rule over both case files."""
    result = {}
    for code in RULES:
        found = [
            (verdict, reported(code, text, kind, contexts[name]))
            for c, verdict, text, kind, name, _miss in CASES
            if c == code
        ]
        tp = sum(1 for verdict, hit in found if hit and verdict == "bad")
        fp = sum(1 for verdict, hit in found if hit and verdict == "good")
        fn = sum(1 for verdict, hit in found if not hit and verdict == "bad")
        result[code] = (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
    return result


def test_every_rule_has_bad_and_good_cases_side_by_side():
    for code in RULES:
        assert sum(c[0] == code and c[1] == "bad" for c in CASES) >= 9
        assert sum(c[0] == code and c[1] == "good" for c in CASES) >= 9


def test_precision_and_recall_per_rule_are_at_least_097(contexts):
    for code, (precision, recall) in scores(contexts).items():
        assert precision >= 0.97 and recall >= 0.97, f"{code}: precision {precision:.2f}, recall {recall:.2f}"


@pytest.fixture(scope="module")
def trainer():
    path = Path(__file__).parents[1] / "bench" / "word_models.py"
    spec = importlib.util.spec_from_file_location("bench_word_models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("rule", ["M104", "M105"])
def test_each_word_model_was_trained_on_these_cases(trainer, rule):
    """The word models are retrained whenever their cases change (python bench/word_models.py): each file names the
    cases it was trained on."""
    header = trainer.MODELS[rule][0].read_text(encoding="utf-8").splitlines()[1]
    assert header == f"# cases {trainer.digest(trainer.load_cases(rule))}", "retrain: python bench/word_models.py"


def test_the_trainer_learns_words_it_was_shown(trainer):
    advising = ["Honey and lemon soothes a sore throat.", "Rest and fluids, it passes in a week.", "Ice it, rest it."]
    other = ["The clinic opens on Monday.", "Thanks for the kind words!", "Parking is free after 6pm."]
    model = trainer.fit(advising + other, [1] * 3 + [0] * 3)
    assert word_model.probability("Honey and rest for that throat.", model) > 0.5
    assert word_model.probability("The clinic is free on Monday.", model) < 0.5


def test_advice_only_the_model_finds_points_at_its_sentence(contexts):
    """Advice in words the patterns do not know, with no medical word: the finding points at the sentence that reads
    most like advice and names no topic."""
    text = "Thanks for asking! Stinging eyes from chlorine? Goggles, and a rinse with clean water after."
    source = Source(Path("case.md"), f"---\nkind: reply\nin_reply_to: https://x.com/a/status/1\n---\n{text}\n")
    [problem] = m.medical_advice_without_signposting(load_markdown(source, "case.md"), contexts[FILES[0]])
    assert problem.message.startswith("Reply gives advice on a medical matter without pointing")
    sentence = "Goggles, and a rinse with clean water after."
    assert (problem.span.column, problem.span.length) == (1 + text.index(sentence), len(sentence))


def test_the_model_has_no_say_on_a_few_words():
    """A few words ("Try it", "Rest.") tell the model too little: the patterns decide (and find no medical matter)."""
    assert word_model.probability("Try it", word_model.load(word_model.ADVICE)) >= advice.REPORT_FROM
    assert advice.medical_advice("Try it") is None


def test_a_request_only_the_model_finds_points_at_its_sentence(contexts):
    """A request in a verb the patterns do not know: M105's word model finds it, points at the sentence that reads
    most like a request, and names the data."""
    text = "Thanks Jo. Yeet your NHS number and date of birth into the replies and we'll chase it."
    source = Source(Path("case.md"), f"---\nkind: reply\nin_reply_to: https://x.com/a/status/1\n---\n{text}\n")
    [problem] = m.public_request_for_personal_data(load_markdown(source, "case.md"), contexts[FILES[0]])
    assert problem.message.startswith("Asks for personal data (date of birth) in public")
    sentence = text[len("Thanks Jo. ") :]
    assert (problem.span.column, problem.span.length) == (1 + text.index(sentence), len(sentence))


@pytest.mark.parametrize(
    "text",
    [
        "Thanks Jo. Yeet your NHS number and date of birth into a DM and we'll chase it.",  # a private channel alone
        "Thanks Jo. Yeet your questions into the replies and we'll chase it.",  # no personal data
        "'Yeet your NHS number into the replies' - a scam doing the rounds. Ignore it.",  # quoted
    ],
)
def test_the_request_model_is_not_asked_where_no_data_is_asked_openly(text):
    from postcheck.text.data_requests import named_openly, public_request

    assert named_openly(text) is None
    assert public_request(text, reply=True) is None


def test_a_sentence_wrapped_across_lines_is_read_as_one():
    """A line break inside a sentence (the next line goes on in lower case) does not end it; a new line that starts a
    new sentence, or a blank line, still does. Offsets hold."""
    from postcheck.text import unwrap
    from postcheck.text.data_requests import public_request

    text = "So we can help, could you tell us in the comments what\nmedication you're on?"
    assert unwrap(text) == text.replace("\n", " ")
    assert public_request(text, reply=True) == (text.index("what\n"), len(text) - 1, "what medication you're on")
    assert unwrap("Book now\nReply below\n\nand more") == "Book now\nReply below\n\nand more"


def test_every_match_of_the_data_patterns_holds_a_hint_of_the_gate():
    """M105 runs its long searches only where a text holds one of a few words (`_may_name_data`): every match they
    find in any case text, post or rule page must hold one, or the gate would hide a request."""
    from postcheck.text import APOSTROPHES, unwrap
    from postcheck.text.data_requests import (
        _A_COPY_OF_IT,
        _CARE_PAPER_POSTED,
        _COPY_IT,
        _COPY_OF_PAPER,
        _IS_THAT_YOUR,
        _NAME_AFTER_KIN,
        _PLACE_THEN_LIST,
        _PRONOUN_NAME,
        PERSONAL_DATA,
        _may_name_data,
    )

    texts = [text for _, _, text, *_ in CASES]
    fresh = yaml.safe_load(Path(__file__).with_name("fresh_posts.yml").read_text(encoding="utf-8"))
    texts += [case["text"] for case in fresh["cases"]]
    texts += [page.read_text(encoding="utf-8") for page in Path(__file__).parents[1].glob("checks/*.md")]
    matches = [
        m.group()
        for text in texts
        for pattern in (
            PERSONAL_DATA,
            _PLACE_THEN_LIST,
            _PRONOUN_NAME,
            _NAME_AFTER_KIN,
            _COPY_IT,
            _A_COPY_OF_IT,
            _COPY_OF_PAPER,
            _CARE_PAPER_POSTED,
            _IS_THAT_YOUR,
        )
        for m in pattern.finditer(unwrap(text.translate(APOSTROPHES)))
    ]
    assert len(matches) > 1000
    assert [m for m in matches if not _may_name_data(m)] == []
