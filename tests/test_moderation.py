"""M rules: contact details, profanity, named staff, medical replies without signposting, public data requests."""

from __future__ import annotations

import pytest

from postcheck.text.pii import AllowedContacts, find_contacts
from postcheck.text.profanity import ProfanityMatcher, builtin_words

REPLY = "kind: reply\nin_reply_to: https://x.com/someone/status/2\n"


def post(text: str, front: str = "") -> str:
    return f"---\nplatforms: [x]\n{front}---\n{text}\n"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.raw) for c in find_contacts(text)]


# ------------------------------------------------------------------ M101: finding contact details


@pytest.mark.parametrize(
    "text, raw",
    [
        ("Call Sam on 07700 900123 today", "07700 900123"),  # Ofcom's fictional mobile range
        ("Ring 01632 960001.", "01632 960001"),
        ("Ring 020 7946 0123", "020 7946 0123"),
        ("Ring (01245) 123456", "(01245) 123456"),
        ("Call +1 202 555 0143", "+1 202 555 0143"),
        ("Call +33 1 23 45 67 89", "+33 1 23 45 67 89"),
        ("Call 020-7946-0123", "020-7946-0123"),
        ("Ring 0113.496.0000 today", "0113.496.0000"),
        ("Ring 01632  960  001", "01632  960  001"),
        ("Ring +44.7700.900.123", "+44.7700.900.123"),
        ("text 07700–900–123", "07700–900–123"),
        ("ring 0113 496 0000 ext 12", "0113 496 0000 ext 12"),
    ],
)
def test_phone_numbers_are_found(text, raw):
    assert kinds(text) == [("phone number", raw)]


@pytest.mark.parametrize(
    "text, raw, key",
    [
        ("Email jo.bloggs at nhs dot net.", "jo.bloggs at nhs dot net", "jo.bloggs@nhs.net"),
        ("Contact jane.doe [at] nhs.net today", "jane.doe [at] nhs.net", "jane.doe@nhs.net"),
        ("Apply to sam(at)nhs(dot)net", "sam(at)nhs(dot)net", "sam@nhs.net"),
        ("Drop me a line: priya {at} nhs {dot} uk", "priya {at} nhs {dot} uk", "priya@nhs.uk"),
        ("email me on j dot smith at nhs dot net", "j dot smith at nhs dot net", "j.smith@nhs.net"),
        ("email jo at nhs dot net", "jo at nhs dot net", "jo@nhs.net"),
        ("write to jo @ nhs.net", "jo @ nhs.net", "jo@nhs.net"),
        ("You can reach sarah at nhs dot net", "sarah at nhs dot net", "sarah@nhs.net"),
    ],
)
def test_email_addresses_written_to_dodge_filters_are_found(text, raw, key):
    assert [(c.kind, c.raw, c.key) for c in find_contacts(text)] == [("e-mail address", raw, key)]


@pytest.mark.parametrize(
    "text",
    [
        "Have a look at the form at nhs.uk/flu",
        "Book at boots.com today",
        "Visit us at leeds dot gov dot uk",
        "Our team at Leeds Teaching Hospitals",
        "Join Dr Smith at nhs.uk/events",
        "See you at 9.30 at St James",
        "Meet jo at the hub",
        "We are at nhs dot uk now",
        "More info at nhs dot uk",
    ],
)
def test_the_word_at_is_not_an_email_address(text):
    assert [c.kind for c in find_contacts(text) if c.kind == "e-mail address"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Clinics on 01/12/2026 and 02.12.2026 and 2026-12-03",
        "Open 09:00-17:00, or 9.00-17.00, from 01-12-2026 09:30",
        "Call 111 or 999, or NHS 111 by text relay on 18001 111",
        "Between 2024 and 2026 we saw 12345 patients; ref 123456789",
        "Costs £1,234,567 over 10 years",
    ],
)
def test_dates_times_years_and_service_numbers_are_not_phone_numbers(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text", ["Your complaint reference is 000123456.", "PALS ref 00987654321", "Invoice 0012345678 paid"]
)
def test_reference_numbers_with_leading_zeros_are_not_phone_numbers(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, raw",
    [
        ("Call 0044 7700 900123", "0044 7700 900123"),
        ("Call 0044 1632 960001", "0044 1632 960001"),
        ("Call +44 7700 900123", "+44 7700 900123"),
        ("Call 00 33 1 23 45 67 89", "00 33 1 23 45 67 89"),
    ],
)
def test_international_numbers_are_found(text, raw):
    assert kinds(text) == [("phone number", raw)]


def test_fediverse_handles_are_not_emails():
    assert kinds("Follow us at @nhs@mastodon.example.social") == []


def test_the_user_part_of_a_link_is_not_an_email():
    # A phishing link's trick (L101 reports the link); an address written after the link still counts.
    assert kinds("Update your details: https://nhs.uk@nhs-verify-account.com/login") == []
    assert kinds("Renew it: https://www.nhs.uk:covidpass@nhs-pass-renewal.co/verify") == []
    assert kinds("https://user:pw@www.nhs.uk/ or https://nhs.uk/a:b jo@example.com") == [
        ("e-mail address", "jo@example.com")
    ]
    assert kinds("https://nhs.uk/help or jo@example.com") == [("e-mail address", "jo@example.com")]


def test_street_address_span_leaves_out_the_sentence_full_stop():
    assert kinds("She lives at 7 St John's Close. Call us.") == [("street address", "7 St John's Close")]
    assert kinds("At 12 High St. today") == [("street address", "12 High St.")]


def test_numbers_inside_links_are_not_phone_numbers():
    assert kinds("See https://x.com/NHS/status/07700900123 and https://example.nhs.uk/?tel=01632960001") == []


def test_emails_are_found_with_or_without_mailto():
    assert kinds("Email jane.doe@example.com or mailto:help@example.org") == [
        ("e-mail address", "jane.doe@example.com"),
        ("e-mail address", "help@example.org"),
    ]


def test_mentions_are_not_emails():
    assert kinds("Thanks @NHSEngland and @MSE_ICB") == []


def test_street_addresses_and_postcodes_are_found():
    assert kinds("She lives at 14 Oak Tree Road, Basildon SS16 5NL") == [
        ("street address", "14 Oak Tree Road"),
        ("postcode", "SS16 5NL"),
    ]
    assert kinds("in ss0 7aa") == [("postcode", "ss0 7aa")]


@pytest.mark.parametrize("text", ["Our 5 Ways to Wellbeing", "Take 2 Minutes", "The M25 4th lane", "Win £5 Main Prize"])
def test_numbered_phrases_are_not_addresses(text):
    assert kinds(text) == []


def test_nhs_numbers_need_a_valid_check_digit():
    assert kinds("NHS number 943 476 5919") == [("NHS number", "943 476 5919")]
    assert kinds("Reference 943 476 5918") == []


def test_allowed_contacts_match_however_they_are_written():
    allowed = AllowedContacts(["01632 960001", "Enquiries@Example.nhs.uk", "Basildon Hospital, SS16 5NL"])
    found = find_contacts("Call +44 1632 960001 or 01632960001, email enquiries@example.nhs.uk, SS16 5NL")
    assert found and all(allowed.allows(c) for c in found)
    assert not allowed.allows(find_contacts("Call 01632 960002")[0])


# ------------------------------------------------------------------ M101: the rule


def test_personal_phone_number_raises_m101(check):
    run = check({"p.md": post("Any questions? Ring Sam on 07700 900123.")}, "--select", "M")
    assert run.codes == ["M101"]
    finding = run.json["findings"][0]
    assert (finding["line"], finding["column"], finding["end_column"]) == (4, 28, 40)


def test_allowed_contacts_and_public_numbers_pass(check):
    config = '[moderation]\nallowed-contacts = ["01632 960001", "enquiries@example.nhs.uk"]\n'
    text = "Call 01632 960001, email enquiries@example.nhs.uk, or call 111 (999 in an emergency)."
    run = check({"postcheck.toml": config, "p.md": post(text)}, "--select", "M")
    assert run.codes == []


def test_date_and_link_with_digits_pass_m101(check):
    text = "Clinic on 01/12/2026 from 09:00-12:00: https://x.com/MSE/status/07700900123"
    run = check({"p.md": post(text)}, "--select", "M101")
    assert run.codes == []


# ------------------------------------------------------------------ M102


@pytest.fixture(scope="module")
def swearing():
    return ProfanityMatcher(builtin_words(), [], [])


@pytest.mark.parametrize(
    "text",
    [
        "Scunthorpe",
        "Essex and Middlesex",
        "sexual health and mental health",
        "the cockpit",
        "Dickens",
        "a rectal examination",
        "Penistone",
        "Cockermouth",
        "Arsenal",
        "Shitterton",
        "assess the class",
        "Dick Turpin",
        "Dyke Road",
        "a finger prick test",
        "blue tits",
        "bloody diarrhoea and a bloody nose",
        "coughing up bloody phlegm, a bloody cough, bloody or black poo, bloody wee, a bloody nipple discharge",
        "Roadworks on the A55 and M25 and the B1234",
        "Our mobile unit is in Bitchfield on Tuesday",
        "cock-a-leekie soup",
        "10am on the 3rd",
        "grasshopper",
        "therapist",
        "The new grass sod was laid in the memorial garden",
        "Cut down on sodium",
    ],
)
def test_innocent_words_pass(swearing, text):
    assert swearing.find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "bloody",
        "what an arse",
        "bugger",
        "shit",
        "sh1t",
        "$hit",
        "f***",
        "f*ck",
        "F**K",
        "s**t",
        "a$$",
        "fuuuuck",
        "fucking",
        "#FuckCancer",
        "#ShitService",
        "#PissedOff",
        "Three hours on hold #BloodyAwful",
        "motherf***er",
        "b*llocks",
        "taking the piss",
        "sod  off",
        "what a dick",
        "BLOODY",
        "FFS the car park is full",
        "wtf is this",
        "Sod the rain, we are open",
        "a sodding mess",
    ],
)
def test_swearing_is_found(swearing, text):
    assert len(swearing.find(text)) == 1


def test_profanity_raises_m102_at_the_word(check):
    run = check({"p.md": post("The queues were bloody awful.")}, "--select", "M")
    assert run.codes == ["M102"]
    finding = run.json["findings"][0]
    assert (finding["column"], finding["end_column"]) == (17, 23)


def test_place_names_and_clinical_words_pass_m102(check):
    text = "Sexual health and mental health clinics in Scunthorpe, Essex and Cockermouth; rectal screening."
    run = check({"p.md": post(text)}, "--select", "M")
    assert run.codes == []


def test_allow_and_deny_lists_extend_the_word_list(check):
    config = '[moderation]\nallow = ["bloody", "bugger all"]\ndeny = ["numpty", "jobsworth*", "pants on fire"]\n'
    text = "A bloody good result. Bugger all waiting. What a numpty. Jobsworths. Liar liar, pants on fire."
    run = check({"postcheck.toml": config, "p.md": post(text)}, "--select", "M102")
    words = [f["message"].split(": ", 1)[1] for f in run.json["findings"]]
    assert words == ["'numpty'", "'Jobsworths'", "'pants on fire'"]


def test_camelcase_hashtag_swearing_is_reported_on_the_hashtag(swearing):
    text = "On hold. #ShitService #DickTurpin #PissedOff"
    assert [text[start:end] for start, end, _ in swearing.find(text)] == ["ShitService", "PissedOff"]


def test_allow_matches_a_token_as_written_not_only_decoded():
    assert ProfanityMatcher(builtin_words(), [], []).find("Unit a55 is open") != []
    assert ProfanityMatcher(builtin_words(), ["A55"], []).find("Unit a55 is open") == []


@pytest.mark.parametrize(
    "text",
    [
        "Oi you stupid git, and he's a prick. Tell her she's a stupid cow!",
        "Ça va? You stupid git - he’s a prick",  # not ASCII: the one pattern of every phrase is used
    ],
)
def test_phrases_are_found_once_each_as_one_pattern_would_find_them(text):
    """In ASCII text only the phrases whose first word is there are searched for; what is found is what one
    pattern of every phrase finds."""
    matcher = ProfanityMatcher(builtin_words(), [], [])
    one_pattern = [(m.start(), m.end()) for m in matcher.phrases.finditer(text.replace("’", "'"))]
    found = [(start, end) for start, end, _ in matcher.find(text)]
    assert found == one_pattern
    assert [text[a:b].lower().replace("’", "'") for a, b in found][:2] == ["stupid git", "he's a prick"]


# ------------------------------------------------------------------ M103

STAFF = '[moderation]\nstaff = ["Jane Example", "Sean O\'Brien"]\n'


def test_staff_names_raise_m103_case_insensitively(check):
    text = "Thanks to jane  example and Sean O’Brien's team."
    run = check({"postcheck.toml": STAFF, "p.md": post(text)}, "--select", "M")
    assert run.codes == ["M103", "M103"]


@pytest.mark.parametrize("text", ["A big thank you to 'Jane Example' and the team.", "Thanks to ‘Jane Example’."])
def test_staff_names_in_single_quotes_raise_m103(check, text):
    run = check({"postcheck.toml": STAFF, "p.md": post(text)}, "--select", "M")
    assert run.codes == ["M103"]
    finding = run.json["findings"][0]
    assert finding["column"] == text.index("Jane") + 1


def test_name_inside_a_name_with_an_apostrophe_passes_m103(check):
    config = '[moderation]\nstaff = ["Neil Smith"]\n'
    run = check({"postcheck.toml": config, "p.md": post("Thanks to Sue O'Neil Smith.")}, "--select", "M")
    assert run.codes == []


def test_first_names_and_longer_words_pass_m103(check):
    text = "Thanks to Jane, and to Jane Examples Ltd."
    run = check({"postcheck.toml": STAFF, "p.md": post(text)}, "--select", "M")
    assert run.codes == []


# ------------------------------------------------------------------ M104


def test_medical_reply_without_signposting_raises_m104(check):
    run = check({"p.md": post("Sorry about your headache. Paracetamol should help.", REPLY)}, "--select", "M")
    assert run.codes == ["M104"]


def test_a_post_that_answers_something_is_a_reply_unless_it_says_otherwise(check):
    text = "Sorry about your headache. Paracetamol should help."
    answers = "in_reply_to: https://x.com/someone/status/2\n"
    run = check({"a.md": post(text, answers), "b.md": post(text, "kind: post\n" + answers)}, "--select", "M")
    assert [(f["path"], f["code"], f["post"]["kind"]) for f in run.json["findings"]] == [("a.md", "M104", "reply")]


@pytest.mark.parametrize(
    "text",
    [
        "Sorry about your headache. If it persists, please contact NHS 111.",
        "Sorry about your headache; 111.nhs.uk can help.",
        "For a rash like that, a pharmacist can advise.",
        "Chest pain can be serious: call 999.",
        "Please speak to your GP about your medication.",
        "Please ask your surgery about your medication.",
        "Ring your local surgery about the rash.",
        "For that cough, the surgery can help.",
    ],
)
def test_reply_that_signposts_passes_m104(check, text):
    run = check({"p.md": post(text, REPLY)}, "--select", "M104")
    assert run.codes == []


@pytest.mark.parametrize(
    "text", ["Heartburn is common in pregnancy. Try Gaviscon after meals.", "For hay fever, Piriton works well."]
)
def test_common_complaints_and_medicine_brands_are_medical_topics(check, text):
    assert check({"p.md": post(text, REPLY)}, "--select", "M104").codes == ["M104"]


def test_surgery_as_an_operation_is_not_signposting(check):
    run = check({"p.md": post("After surgery, take 2 paracetamol every 4 hours for the pain.", REPLY)}, "--select", "M")
    assert run.codes == ["M104"]


def test_non_medical_replies_and_posts_pass_m104(check):
    run = check(
        {
            "a.md": post("Thanks, we will pass your kind words to the team.", REPLY),
            "b.md": post("Headache? Paracetamol helps."),
            "c.md": post("Could you tell us your reference number?", REPLY),
        },
        "--select",
        "M104",
    )
    assert run.codes == []


# ------------------------------------------------------------------ M105


@pytest.mark.parametrize(
    "text",
    [
        "Please reply with your NHS number and date of birth.",
        "Can you tell us your DOB and postcode?",
        "What is your home address?",
        "Could you share your phone number so we can call you?",
    ],
)
def test_public_requests_for_personal_data_raise_m105(check, text):
    run = check({"p.md": post(text, REPLY)}, "--select", "M105")
    assert run.codes == ["M105"]


@pytest.mark.parametrize(
    "text",
    [
        "Please send us a DM with your date of birth.",
        "Please send us a direct message with your NHS number and address.",
        "Please do not share your NHS number here.",
        "We are looking into this to address your concerns, please bear with us.",
        "We will never ask for your date of birth in public.",
        "Please email us your reference and postcode.",
    ],
)
def test_requests_by_direct_message_and_warnings_pass_m105(check, text):
    run = check({"p.md": post(text, REPLY)}, "--select", "M105")
    assert run.codes == []


@pytest.mark.parametrize(
    "text",
    [
        "If you have not heard from us, please reply with your NHS number and date of birth.",
        "Please reply with your date of birth and postcode so we don't mix up your records.",
        "Please reply below with your full name and address. We will then message you privately.",
        "We have sent you a direct message. Please reply here with your date of birth.",
        "Hi Sam, could you please let us know your postcode?",
        "We need you to confirm your name, date of birth and address.",
    ],
)
def test_request_is_not_cleared_by_an_unrelated_not_or_a_later_private_channel(check, text):
    run = check({"p.md": post(text, REPLY)}, "--select", "M105")
    assert run.codes == ["M105"]


@pytest.mark.parametrize(
    "text",
    [
        "Please email your NHS number to enquiries@example.nhs.uk and we will look into it.",
        "Please send your date of birth to enquiries@example.nhs.uk.",
        "Please ring 01632 960001 with your NHS number to hand.",
        "Please give us a call on 01632 960001 with your NHS number.",
        "Please contact PALS on 01632 960001 with your NHS number.",
        "Please message us with your NHS number.",
        "Please send us a private message. Include your NHS number and date of birth.",
        "Please don't post your NHS number, we will send you a message.",
        "Please reply with your email address by email.",
    ],
)
def test_request_by_email_phone_or_message_passes_m105(check, text):
    run = check({"p.md": post(text, REPLY)}, "--select", "M105")
    assert run.codes == []


@pytest.mark.parametrize(
    "text",
    [
        "Please remember to bring your NHS number and a list of your medicines to your appointment.",
        "Need a pharmacy open late? Please enter your postcode at https://www.nhs.uk/service-search to find one.",
        "What is your NHS number? It is the 10-digit number on letters from the NHS.",
        "Can you help? Share our post so people know their NHS number is in the NHS App.",
        "Moved house? Please keep your address and phone number up to date with your GP practice.",
        "Letters from the NHS include your NHS number.",
        "Our pop-up clinic is open today: this post has your date of birth questions answered.",
    ],
)
def test_information_posts_that_mention_personal_data_pass_m105(check, text):
    run = check({"p.md": post(text)}, "--select", "M105")
    assert run.codes == []


def test_direct_question_for_personal_data_is_m105_only_in_a_reply(check):
    run = check({"p.md": post("What is your NHS number?", REPLY)}, "--select", "M105")
    assert run.codes == ["M105"]
    assert check({"p.md": post("What is your NHS number?")}, "--select", "M105").codes == []


def test_title_and_alt_text_are_checked_like_the_text(check):
    toml = '[moderation]\nstaff = ["Jane Example"]\n'
    front = (
        "title: Bloody good advice from Jane Example\nimages:\n  - file: a.png\n"
        "    alt: Jane Example holds a sign saying call 07700 900123\n"
    )
    run = check({"postcheck.toml": toml, "p.md": post("Watch our film.", front)}, "--select", "M101,M102,M103")
    found = sorted((f["code"], f["line"], f["column"], f["message"].split(":")[0]) for f in run.json["findings"])
    assert found == [
        ("M101", 6, 48, "Personal contact details in the alt text"),
        ("M102", 3, 8, "Swearing or obscenity in the title"),
        ("M103", 3, 32, "Names a member of staff (Jane Example) in the title"),
        ("M103", 6, 10, "Names a member of staff (Jane Example) in the alt text"),
    ]
