"""Links are found as twitter-text finds them: its conformance cases, its TLD list, and the previous finder's
results on the sample posts and 3,000 generated posts, with each intended difference explained."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from postcheck.text.urls import TLDS, find_links, internal_reason
from tests.conftest import SHARED
from tests.link_texts import generated_texts

TWITTER_TEXT = SHARED / "data" / "twitter-text"
EXTRACT = TWITTER_TEXT / "extract.yml"
TLD_LIB = TWITTER_TEXT / "tld_lib.yml"
BEFORE = Path(__file__).with_name("data") / "links_before.json"


def _extract_cases(section: str) -> list[dict]:
    if not EXTRACT.is_file():
        return []
    return yaml.safe_load(EXTRACT.read_text(encoding="utf-8"))["tests"][section]


def x_links(text: str) -> list:
    return [link for link in find_links(text) if link.autolinked]


@pytest.mark.skipif(not _extract_cases("urls"), reason=f"twitter-text conformance data not found at {EXTRACT}")
@pytest.mark.parametrize("case", _extract_cases("urls"), ids=lambda c: c["description"][:70])
def test_urls_match_twitter_text_conformance(case):
    assert [link.raw for link in x_links(case["text"])] == case["expected"]


@pytest.mark.skipif(not _extract_cases("urls_with_indices"), reason=f"twitter-text data not found at {EXTRACT}")
@pytest.mark.parametrize("case", _extract_cases("urls_with_indices"), ids=lambda c: c["description"][:70])
def test_url_indices_match_twitter_text_conformance(case):
    # twitter-text counts indices in code points, as Python does.
    found = [{"url": link.raw, "indices": [link.start, link.end]} for link in x_links(case["text"])]
    assert found == case["expected"]


@pytest.mark.skipif(not TLD_LIB.is_file(), reason=f"twitter-text's TLD list not found at {TLD_LIB}")
def test_packaged_tld_list_is_twitter_texts():
    lib = yaml.safe_load(TLD_LIB.read_text(encoding="utf-8"))
    assert {str(tld).lower() for kind in ("generic", "country") for tld in lib[kind]} == TLDS


@pytest.mark.parametrize(
    "text, raw",
    [
        ("Find your nearest service at nhsinform.scot today.", "nhsinform.scot"),
        ("Read more at gov.wales/flu-vaccine.", "gov.wales/flu-vaccine"),
        ("Tickets at visit.london!", "visit.london"),
        ("Book at www.leedsth.nhs.uk/outpatients", "www.leedsth.nhs.uk/outpatients"),
        ("See phw.nhs.wales, or call 111", "phw.nhs.wales"),
    ],
)
def test_bare_domains_on_newer_tlds_and_nhs_subdomains_are_links(text, raw):
    assert [link.raw for link in find_links(text)] == [raw]


def test_links_in_hashtags_mentions_cashtags_and_file_names_are_not_links():
    assert find_links("#flu.jab @nhs.uk $TVI.CA report.pdf long.test.tar.bz2 v2.4.1 e.g. i.e.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Scam: hxxps://nhs-refund[.]com is fake",
        "Scam: https://nhs-refund[.]com/pay is fake",
        "Scam: HXXP://nhs-login.help/verify is fake",
        "Scam: https://nhs-refund(.)com is fake",
        "Scam: //nhs-refund[dot]com is fake",
    ],
)
def test_defanged_addresses_in_scam_warnings_are_not_links(text):
    assert find_links(text) == []


def test_a_live_address_beside_a_defanged_one_is_still_a_link():
    assert [link.host for link in find_links("hxxps://nhs-refund[.]com is fake, https://nhs-refund.com too")] == [
        "nhs-refund.com"
    ]


# ------------------------------------------------------------------ differential test against the previous finder

# What the previous finder (linkify-it-py) found that this one does not, or the other way round, on purpose:
# - X's TLD list: bare "example.comtest" or "foo.baz" are not links; "twitter.みんな", ".scot", ".wales",
#   ".london" ones are. linkify knew fewer TLDs and guessed at others.
# - twitter-text does not link after "/", "-", "_" or "." or inside words: "end.Start", "fig.3" and
#   "nhs.uk-news" are not links (linkify found "nhs.uk" in "nhs.uk-news").
# - A link ends where twitter-text ends it: a closing quote, bracket or "…" after the path is not part of it, and
#   a path with "(film)" keeps its brackets.
# - Protocol-relative ("//nhs.uk/flu"), ftp:// and any scheme:// address with a well-formed host
#   (https://x.test/) are still found, as links X does not make but other platforms and browsers follow.
# - Where X would link only the start of an address (https://nhs.uk in https://nhs.uk.evil.example/), the whole
#   address is the link, since other platforms send the reader to evil.example.
# The generated posts are written to find differences (odd TLDs, punctuation hugging links): about half change
# where a link ends (mostly a trailing "." or quote no longer in it) and 30% find other hosts (mostly .scot,
# .wales, .london and .みんな links now found); every change must be one of the kinds above.
SAME_HOSTS_AT_LEAST = 0.65


def _spans(text: str) -> list[list]:
    return [[link.start, link.end, link.host, link.scheme] for link in find_links(text)]


def _tld(host: str) -> str:
    try:
        return host.encode("ascii").decode("idna").rsplit(".", 1)[-1]
    except UnicodeError:
        return host.rsplit(".", 1)[-1]


def _kind_of_difference(text: str, before: list, now: list) -> str:
    """Which of the intended differences explains a post's change, or "" when none does."""
    old = {tuple(x) for x in before}
    new = {tuple(x) for x in now}
    for start, end, host, scheme in old - new:
        if any(n[0] < end and start < n[1] for n in new):
            continue  # starts or ends differently: twitter-text's word, path and trailing punctuation rules
        if not re.fullmatch(r"[a-z0-9.-]+", host) or re.search(r"[<>]", text[start:end]):
            continue  # the previous finder read a malformed host ("i.e.$tvi.ca") or ran over a "<"
        tld = _tld(host)
        before_char = text[start - 1] if start else " "
        word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        if "/" in text[word_start:start]:
            continue  # inside the path of an earlier address in the same word, which twitter-text skipped whole
        if before_char == '"' and start > 1:
            before_char = text[start - 2]  # twitter-text reads " as part of a host: _"bit.ly is not a link
        if tld not in TLDS or before_char in "-_./@#$" or before_char.isalnum() or text[end : end + 1] in "-_@":
            continue  # not an X TLD, or not a link where it stands
        if not scheme and "xn--" in host:
            continue
        return f"lost {text[start:end]!r} ({host})"
    for start, end, host, _scheme in new - old:
        if any(o[0] < end and start < o[1] for o in old):
            continue
        if _tld(host) in TLDS or internal_reason(host) or _scheme or text[start : start + 2] == "//":
            continue  # under a TLD linkify did not know, an IP or intranet link, or any scheme:// address
        return f"new {text[start:end]!r} ({host})"
    return ""


@pytest.fixture(scope="module")
def before() -> dict:
    return json.loads(BEFORE.read_text(encoding="utf-8"))


def test_sample_posts_and_pages_find_the_same_links_as_before(before):
    changed = []
    for text, old in before["fixtures"]:
        now = _spans(text)
        if now != old:
            changed.append((_kind_of_difference(text, old, now), [text[a:b] for a, b, *_ in old], now))
    unexplained = [c for c in changed if c[0]]
    assert not unexplained, unexplained


def test_generated_posts_find_the_same_links_as_before_but_for_intended_differences(before):
    texts = generated_texts()
    assert len(texts) == len(before["generated"])
    same_hosts = 0
    for text, old in zip(texts, before["generated"], strict=True):
        now = _spans(text)
        same_hosts += sorted(link[2] for link in now) == sorted(link[2] for link in old)
        if now != old:
            assert not _kind_of_difference(text, old, now), (text, old, now)
    assert same_hosts >= SAME_HOSTS_AT_LEAST * len(texts), same_hosts


def test_the_search_for_other_links_is_skipped_only_where_it_finds_nothing(monkeypatch):
    """Other links (other schemes, intranet hosts) are searched for only where a "//" lies outside the links
    twitter-text found: the same links as searching every text with a "//"."""
    from postcheck.text import urls
    from tests.link_texts import fixture_texts

    texts = generated_texts() + fixture_texts()
    texts += [
        "a.https://nhs.uk/x",
        "x+http://nhs.uk//y",
        "see //intranet/page and https://nhs.uk",
        "ftp://files.local/a",
    ]
    find = urls._find_links.__wrapped__  # not the memo: each text is searched twice
    skipped = [find(text) for text in texts]
    monkeypatch.setattr(urls, "_uncovered_slashes", lambda *args: True)
    assert [find(text) for text in texts] == skipped


@pytest.mark.parametrize("shape", ["https://nhs.uk/a ", "a.https://x.org/ ", "//intranet/x https://nhs.uk "])
def test_a_text_of_many_links_is_searched_in_linear_time(shape):
    """Each "//" and each other link is looked up among the links found, not compared with every one of them: a text
    four times as long costs about four times as much (quadratic work would cost sixteen)."""
    import time

    from postcheck.text import urls

    def cost(n: int) -> float:
        text = shape * (n // len(shape))
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            urls._find_links.__wrapped__(text)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = cost(40_000), cost(160_000)
    assert large <= 8 * small + 0.05, f"{small:.3f} s for 40 KB, {large:.3f} s for 160 KB"
