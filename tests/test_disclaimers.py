"""D rules: non-endorsement phrases on shares and external links, ad labels on paid posts."""

from __future__ import annotations

import pytest

from postcheck.rules.disclaimers import AD_LABEL, has_disclaimer

PHRASES = '[disclaimer]\nphrases = ["Sharing does not imply endorsement", "RTs are not endorsements"]\n'
SOURCE = "source: https://x.com/NHSEngland/status/1\n"


def post(text: str, front: str = "") -> str:
    return f"---\nplatforms: [x]\n{front}---\n{text}\n"


# ------------------------------------------------------------------ phrase matching


@pytest.mark.parametrize(
    "text",
    [
        "Worth a read. Sharing does not imply endorsement.",
        "Worth a read. SHARING DOES NOT IMPLY ENDORSEMENT",
        "Worth a read (sharing doesn’t imply endorsement!)",
        "Worth a read. “Sharing  does not\nimply endorsement”",
        "RTs are not endorsements",
        "rts aren't endorsements.",
        "Useful winter tips. RT's are not endorsements",
        "Useful winter tips. RT’s are not endorsements",
    ],
)
def test_phrases_match_tolerating_case_punctuation_and_curly_quotes(text):
    assert has_disclaimer(text, ["Sharing does not imply endorsement", "RTs are not endorsements"])


@pytest.mark.parametrize(
    "text",
    [
        "Worth a read. 𝐒𝐡𝐚𝐫𝐢𝐧𝐠 𝐝𝐨𝐞𝐬 𝐧𝐨𝐭 𝐢𝐦𝐩𝐥𝐲 𝐞𝐧𝐝𝐨𝐫𝐬𝐞𝐦𝐞𝐧𝐭",
        "Worth a read. ＲＴｓ ａｒｅ ｎｏｔ ｅｎｄｏｒｓｅｍｅｎｔｓ",
        "Worth a read. ꜱʜᴀʀɪɴɢ ᴅᴏᴇꜱ ɴᴏᴛ ɪᴍᴘʟʏ ᴇɴᴅᴏʀꜱᴇᴍᴇɴᴛ",
        "Worth a read. Sharing 𝘥𝘰𝘦𝘴 𝘯𝘰𝘵 imply endorsement",
    ],
)
def test_phrases_match_in_fancy_letters(text):
    # A204 reports the font; the phrase still reads as the phrase
    assert has_disclaimer(text, ["Sharing does not imply endorsement", "RTs are not endorsements"])


def test_other_words_in_fancy_letters_are_still_not_the_phrase():
    assert not has_disclaimer("𝐒𝐡𝐚𝐫𝐢𝐧𝐠 𝐝𝐨𝐞𝐬 𝐧𝐨 𝐢𝐦𝐩𝐥𝐲 𝐞𝐧𝐝𝐨𝐫𝐬𝐞𝐦𝐞𝐧𝐭", ["Sharing does not imply endorsement"])
    assert not has_disclaimer("𝐒𝐡𝐚𝐫𝐞𝐝 𝐟𝐨𝐫 𝐢𝐧𝐟𝐨𝐫𝐦𝐚𝐭𝐢𝐨𝐧", ["Sharing does not imply endorsement"])


def test_apostrophes_in_the_configured_phrase_are_ignored_too():
    assert has_disclaimer("RTs are not endorsements.", ["RT’s are not endorsements"])


def test_phrases_must_be_whole_words():
    # a word's forms are the word ("Resharing", "endorsements"), but a longer word holding it is not
    assert not has_disclaimer("Timesharing does not imply endorsementism", ["Sharing does not imply endorsement"])
    assert has_disclaimer("Resharing does not imply endorsements", ["Sharing does not imply endorsement"])


@pytest.mark.parametrize(
    "text",
    [
        "Sharing this post does not imply endorsement.",
        "RTs and shares are not endorsements",
        "Retweets are not endorsements",
        "Re-tweets aren't endorsements",
        "Reposts are not endorsements",
        "Reposting does not imply endorsement.",
        "Shares do not imply endorsement",
        "Sharing this does not imply that we endorse it",
        "RT is not an endorsement",
        "RT ≠ endorsement",
        "Sharing doesn't mean endorsement",
        "Links are not endorsements",
        "Re-sharing this doesn't imply endorsement",
        "Worth a read #SharingDoesNotImplyEndorsement",
        "Retweets do not constitute an endorsement",
        "Sharing does not signify endorsement",
    ],
)
def test_phrases_match_with_a_few_words_between_and_other_names_for_a_retweet(text):
    assert has_disclaimer(text, ["Sharing does not imply endorsement", "RTs are not endorsements"])


@pytest.mark.parametrize(
    "text",
    [
        "Sharing does imply endorsement",
        "Sharing does not always imply endorsement",
        "Sharing is great for reach. It does not imply endorsement",
        "Retweets are endorsements",
        "Reposting does imply endorsement",
        "RT = endorsement",
        "RTs not endorsements",
        "Shared for information only",
        "Sharing does constitute endorsement",
        "Sharing does not constitute advice",
    ],
)
def test_words_between_may_not_turn_the_sense_round_or_run_long(text):
    assert not has_disclaimer(text, ["Sharing does not imply endorsement", "RTs are not endorsements"])


def test_generic_wording_counts_when_no_phrase_is_configured():
    assert has_disclaimer("Sharing is not an endorsement.", [])
    assert has_disclaimer("We do not endorse any product.", [])
    assert not has_disclaimer("We endorse this advice.", [])


# ------------------------------------------------------------------ D101


@pytest.mark.parametrize("kind", ["share", "quote", "repost"])
def test_shares_without_the_phrase_raise_d101(check, kind):
    run = check(
        {"postcheck.toml": PHRASES, "p.md": post("Good advice here.", f"kind: {kind}\n{SOURCE}")}, "--select", "D"
    )
    assert run.codes == ["D101"]


def test_share_with_the_phrase_passes(check):
    text = "Good advice here. Sharing doesn’t imply endorsement."
    run = check({"postcheck.toml": PHRASES, "p.md": post(text, f"kind: share\n{SOURCE}")}, "--select", "D")
    assert run.codes == []


def test_plain_posts_need_no_phrase(check):
    run = check({"postcheck.toml": PHRASES, "p.md": post("Our own news.")}, "--select", "D")
    assert run.codes == []


def test_profile_disclaimer_covers_reposts_on_that_platform_only(check):
    config = PHRASES + 'in-profile = ["x"]\n'
    repost = "---\nplatforms: [x, facebook]\nkind: repost\n" + SOURCE + "---\n"
    run = check({"postcheck.toml": config, "p.md": repost}, "--select", "D")
    (finding,) = run.json["findings"]
    assert finding["code"] == "D101" and "facebook" in finding["message"] and " x" not in finding["message"]
    only_x = check({"postcheck.toml": config, "p.md": post("", f"kind: repost\n{SOURCE}")}, "--select", "D")
    assert only_x.codes == []


def test_profile_disclaimer_does_not_cover_quotes(check):
    config = PHRASES + 'in-profile = ["x"]\n'
    run = check({"postcheck.toml": config, "p.md": post("Read this.", f"kind: quote\n{SOURCE}")}, "--select", "D")
    assert run.codes == ["D101"]


# ------------------------------------------------------------------ D102

EXTERNAL = '[links]\napproved = ["nhs.uk"]\nexternal = ["bbc.co.uk"]\n' + PHRASES


def test_external_link_without_phrase_raises_d102_only(check):
    run = check({"postcheck.toml": EXTERNAL, "p.md": post("Read https://www.bbc.co.uk/news/health today.")})
    assert run.codes == ["D102"]
    assert run.json["findings"][0]["column"] == 6


def test_external_link_with_phrase_passes(check):
    text = "Read https://www.bbc.co.uk/news/health today. RTs are not endorsements."
    run = check({"postcheck.toml": EXTERNAL, "p.md": post(text)}, "--select", "D")
    assert run.codes == []


def test_approved_links_need_no_phrase(check):
    run = check({"postcheck.toml": EXTERNAL, "p.md": post("Read https://www.nhs.uk/flu")}, "--select", "D")
    assert run.codes == []


def test_external_link_in_a_csv_link_column_counts(check):
    csv = "date,time_24hr,message_text,link\n01/12/2026,09:30,Our winter plan,https://www.bbc.co.uk/x\n"
    run = check({"postcheck.toml": EXTERNAL, "posts.csv": csv}, "--select", "D")
    assert run.codes == ["D102"]


# ------------------------------------------------------------------ D103


@pytest.mark.parametrize(
    "text",
    [
        "Ad: flu jabs",
        "#ad flu jabs",
        "#Ad",
        "AD: flu jabs",
        "Advertisement: flu jabs",
        "[Ad] flu jabs",
        "Advert - jabs",
        "**Ad** flu jabs",
        "_Ad:_ flu jabs",
        "📢 Ad: flu jabs",
        "📣📣 #ad flu jabs",
        "Ad|Free NHS Health Checks",
        "AD/ Stop smoking",
        "Ad:free checks",
    ],
)
def test_ad_labels_at_the_start_pass(text):
    assert AD_LABEL.match(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sponsored: flu jabs",
        "Flu jabs #ad",
        "Ad-hoc clinics this week",
        "Adults can book",
        "Paid partnership",
        "**ADHD** support",
        "*Ad*vice on jabs",
        "📢 Adults can book",
        "📢 Flu jabs #ad",
        "Ad-free streaming of our board meetings",
        "Ad.Free checks",
    ],
)
def test_missing_or_late_ad_labels_fail(text):
    assert not AD_LABEL.match(text)


def test_paid_post_without_label_raises_d103(check):
    run = check({"p.md": post("Sponsored: book your flu jab.", "paid: true\n")}, "--select", "D")
    assert run.codes == ["D103"]
    finding = run.json["findings"][0]
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 1, 11)
    assert finding["message"].endswith('"Sponsored" alone is not enough')
    [other] = check({"p.md": post("Book your flu jab.", "paid: true\n")}, "--select", "D").json["findings"]
    assert "alone is not enough" not in other["message"]  # nothing weaker to point at


def test_paid_post_with_label_and_unpaid_post_pass(check):
    run = check(
        {"a.md": post("#ad Book your flu jab.", "paid: true\n"), "b.md": post("Sponsored by nobody.", "paid: false\n")},
        "--select",
        "D",
    )
    assert run.codes == []


def test_an_ad_label_in_fancy_letters_is_still_the_label(check):
    posts = {
        "a.md": post("𝐀𝐝: Book your flu jab.", "paid: true\n"),
        "b.md": post("ＡＤ｜Book your flu jab.", "paid: true\n"),
    }
    posts["c.md"] = post("𝐀𝐝𝐮𝐥𝐭𝐬 can book a flu jab.", "paid: true\n")  # a word that starts with Ad is no label
    assert check(posts, "--select", "D").codes == ["D103"]


def test_paid_post_without_text_points_at_paid(check):
    run = check({"p.md": post("", "paid: true\n")}, "--select", "D")
    assert run.codes == ["D103"] and run.json["findings"][0]["line"] == 3
