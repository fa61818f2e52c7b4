"""X's weighted length agrees with twitter-text's own conformance cases (v3, emoji counted as 2)."""

from __future__ import annotations

import pytest
import yaml

from postcheck.text.platforms import PLATFORMS, measure, weighted_length
from tests.conftest import SHARED

VALIDATE = SHARED / "data" / "twitter-text" / "validate.yml"
SECTION = "WeightedTweetsWithDiscountedEmojiCounterTest"


def _cases() -> list[dict]:
    if not VALIDATE.is_file():
        return []
    return yaml.safe_load(VALIDATE.read_text(encoding="utf-8"))["tests"][SECTION]


CASES = _cases()


@pytest.mark.skipif(not CASES, reason=f"twitter-text conformance data not found at {VALIDATE}")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c["description"][:60])
def test_weighted_length_matches_twitter_text_conformance(case):
    text, expected = case["text"], case["expected"]
    assert weighted_length(text) == expected["weightedLength"]
    valid = 0 < weighted_length(text) <= PLATFORMS["x"].text_max
    assert valid == expected["valid"]


def test_urls_count_23_whatever_their_length():
    assert weighted_length("https://www.nhs.uk/conditions/flu/ and more") == 23 + 9


def test_emoji_sequences_count_2_and_cjk_counts_2():
    assert weighted_length("👨\u200d👩\u200d👧\u200d👦") == 2
    assert weighted_length("🇬🇧") == 2
    assert weighted_length("故人") == 4
    assert weighted_length("café") == 4


def test_bare_link_right_after_chinese_counts_23_as_x_links_it():
    # twitter-text links the ASCII host after a short run of CJK ("中国語t.co/abcde" in its conformance cases)
    assert weighted_length("请访问nhs.uk") == 3 * 2 + 23
    assert weighted_length("请访问www.midandsouthessex.ics.nhs.uk/winter") == 3 * 2 + 23
    # but not after a run of CJK too long for a host label (82 characters > 63 once punycode-encoded)
    long_run = "如果您在节日期间需要医疗帮助，请拨打111或访问"
    assert weighted_length(long_run + "111.nhs.uk") == weighted_length(long_run) + len("111.nhs.uk")


def test_text_is_nfc_normalised_before_counting():
    assert weighted_length("cafe\u0301") == 4


def test_overflow_points_at_the_first_character_past_the_limit():
    text = "x" * 285
    assert measure(text, "x-weighted", 280).overflow == 280
    assert measure("e\u0301" * 281, "x-weighted", 280).overflow == 560


def test_graphemes_count_user_perceived_characters():
    assert measure("👍🏽" * 3, "graphemes").count == 3


def test_mastodon_counts_urls_23_and_remote_mentions_without_domain():
    assert measure("https://www.nhs.uk/conditions/flu/", "characters-url23").count == 23
    assert measure("@nhs@mastodon.example hi", "characters-url23").count == len("@nhs hi")
    assert measure("www.nhs.uk/conditions/flu", "characters-url23").count == len("www.nhs.uk/conditions/flu")
