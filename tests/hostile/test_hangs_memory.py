"""No input makes postcheck hang or eat memory: loaders and rules run in linear time, big files are capped with a
finding, findings are bounded, links have deadlines, user patterns time out, a pipe never blocks a read
(issue 12, items 15-20)."""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from postcheck.config import load_config
from postcheck.engine import MAX_PER_CODE, Options, run
from postcheck.loaders import bulk_csv
from postcheck.media import MediaError
from tests.conftest import FIXED_NOW, run_cli, write
from tests.video_factory import make_video, tone

LINEAR = 8  # n -> 4n may cost at most 8 times as much: linear work gives 4, quadratic 16 (a shape, not a speed)


# A staff list, so that M103 reads every shape (without one it reads none).
STAFF = """[moderation]
staff = ["Siobhán O'Neill", "Dr Chloé Martin", "Mary-Jane Smith", "Dr Ahmed Khan", "Dawn Wood",
         "Prof Anne-Marie van der Berg", "Dr Siân Ellis-Jones", "Joy Ward", "María José García y López",
         "Nurul Aisyah binti Ahmad", "Ruth McAllister", "Grace May"]
"""


def cost(folder: Path, name: str, text: str, repeats: int = 3) -> float:
    """Seconds to load and check one file, in this process (the least of a few tries, to shed noise)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    (folder / "postcheck.toml").write_text(STAFF, encoding="utf-8")
    config = load_config(folder / "postcheck.toml")
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run([str(path)], config, Options(cache=False))
        best = min(best, time.perf_counter() - start)
    return best


def grows_linearly(folder: Path, name: str, make, n: int) -> tuple[bool, float, float]:
    """Whether checking make(4n) costs at most LINEAR times make(n); with both costs, for the message."""
    cost(folder / "warm", name, make(n), repeats=1)  # imports, word model, compiled patterns
    small, large = cost(folder / "n", name, make(n)), cost(folder / "4n", name, make(4 * n))
    return large <= LINEAR * small + 0.05, small, large


# ----------------------------------------------------------------------------------- 15, 16: linear time

POST_SHAPES = [
    *("![", "![a](", "<!--", "![[", "![a](<", '![a](x "', "#", "[a](", "@", "http://a.b/ ", "&#", "<"),
    *("hxxps://a[.]", "//a(.)"),  # defanged addresses
    "#ab #cd @ef ",  # runs of hashtags on one long line with no sentence word after them (A202)
    # Batch 42's staff-name shapes (M103): initials in capitals before or after the surname, a title and an initial,
    # first names run together, lower-case handles and hashtags, a link's slug.
    *("D Wood Khan A. Smith, M-J MJ Smith ", "Dr C Martin DR A KHAN O' Neill MaryJane "),
    *("#thankyoudawnwood @dawnwood_nurse #askdrkhan ", "nhs.uk/stories/dawn-wood-pals-", "Dawn Wood Close "),
    *("MON-FRI 9AM ", "SAT/", "MON - ", "FRI "),  # batch 35: shortened days in a timetable (A205)
    "version 1.1.1.1 build ",  # batch 36: a dotted quad after a version word is a version number (L104)
    # Batch 47's shapes: a surname's particles and hyphenated parts, after a title or before a rota's comma, a lettered
    # ward, shouted capitals; a book's label before digits; "BS" before a full stop; letters spelled out.
    *("Prof van der Berg Van-Der Berg, A-M Vanderberg ", "Dr Ellis-Jones DR S ELLIS JONES Ward J (x) DR WILL "),
    *("ISBN 0-14-103614-2 ", "ISBN-10: 0", "total BS. ", "p r i c k s l a g ", "bolloxed "),
    *("MSE/2026/0770900123 ", "A/b/"),  # a reference written as a path
    # Batch 49's shapes: an emoji for a letter, the dog's word after a breed; a surname first in capitals, a dropped
    # "y" or patronymic, syllables split by hyphens, Mc apart, middle initials, bare and business handles, a modal.
    *("sh\U0001f4a9t f\U0001f92cck ", "a\U0001f4a9", "Labrador bitch bitches in whelp ", "D-a-w-n W-o-o-d-"),
    *("OKAFOR Chukwuemeka McALLISTER Ruth Mc Allister ", "García y López Garcia Lopez binti Ahmad bt. Ahmad "),
    *("Dr A. K. Kumar DR A K KHAN A. K. Smith ", "grace may be may we ", "@aoifenibhriain @DawnWoodArt "),
    # Batch 52's shapes: keycap digits, a number in words and digits mixed or told in two halves; a handle's
    # CamelCase words.
    *("0\ufe0f\u20e37\ufe0f\u20e3", "oh seven 900 double ", "07700 and then it's 900 ", "07700 then "),
    *("@BigBellend_Dave99 ", "@Ab", "1 one 1 one "),
    "called 'a stupid old silly old ",  # after batch 40: words of scorn inside a quote (M102)
    # Batch 48's shapes (M105): a message the reader got, named or sent, about their care; a letter from a person; the
    # number someone is "on"; a medicine someone uses, asked; a named place's postcode.
    *("got a text from the practice with the wrong ", "Text from the surgery about the screenshot the text we sent "),
    *("had a letter from one of your lovely pen ", "number we can get you on number to catch u "),
    *("which inhalers do u ", "Whats the postcode for Basildon ", "txt n screenshot it n "),
    "text from the mobile clinic by the ",  # after batch 40: a sender of up to three words (M105)
    # Batch 50's shapes (M105): a letter named again and copied; a third person's data after a tag; a call before an
    # emoji; a group's name; a private channel in the sentence after a request; "&" for "and".
    *("got an appointment letter? screenshot the letter and post it ", "take a photo of the letter n snap that & "),
    *("tag your partner in the comments with your baby's ", "Calling all parents \U0001f476 tag "),
    *("your class's name ", "What's your date of birth? Please DM it to us. ", "whats ur dob? ring us with that & "),
    # Batch 51's shapes (M105): slang details, an emoji before the data word, a note's verb, typed into the comments,
    # under a picture, on the wall.
    *("leave ur deets your \U0001f4e7 address ur \U0001f4f1 number ", "jot down the write down your note down "),
    *("type it into the comments under the pic on our wall ", "your \U0001f3e0 \U0001f3e0 address "),
    # Batch 53's shapes: what would help the writer, a street lived on, data named by what was done with it, a number
    # for someone to ring, a side of a document copied, a pharmacy's label, a value read back to be confirmed (M105); a
    # dose to try, the reader in text-speak (M104).
    *("it would really help us to have it'd be ", "street do you live road you ", "the email you used the number "),
    *("number for the physio to give you a ", "snap the front of your snap the back of ", "pic of the label on the "),
    *("is your date of birth 1 1 1 1 ", "is your DOB 12/12/1990? is your ", "you can try 3mg try 5 ", "fine while ur "),
    *("1. your name 2. a ", "1) x ", "halve the split the crush them ", "We'll need it. we'll need it when you ring "),
    *("what dose of the a b are you ", "a pic of your son's x ", "best address to send to ", "your a b and email "),
    *("first line of your mum's ", "good email to post it to a a a a a a a a "),
    *("mix the a b c with the ", "can have a b c d with his ", "as good as the optician's "),
    *("selfie holding your a b c ", "a photo of your a b c d "),
    *("at Boots in Boots walk-in centre ", "get it looked at at the ", "GP. nothing the a can give "),
    *("- we'll need your - need ur ", "best contact for you is the ", "comments r fine "),
    *("which street you live which ", "pop both could we get ", "could we get your a "),
    # Batch 54's shapes: a compound insult in two words, a street named with "The", a street's word abbreviated, a
    # date of birth with its year cut short (M101, M102); a hidden character or styled letters in a word, a compound
    # that opens with a swear word (M102); a surname in lower case before a comma (M103).
    *(
        "a bell end you dick head ",
        "at 2 The Paddocks, Wickford 6 Hawthorn Cl, ",
        "Dob: 3rd April 1951 DOB April 3rd, ",
    ),
    *("sh\u200bite \U0001d41f\U0001d42e\U0001d41c\U0001d424 shitgibbon ", "Khan, Ahmed salt marsh, Dawn "),
    # Batch 60's shapes: an appointment only as a journey's end, as a service's occasion too (M104).
    *("on the way to your a b appointment on the ", "on the long ferry crossing over to your GP on the way to "),
    *("does more for it than any a b the doctor will give you ", "better for a b c than any of the a b your GP "),
    "A SAD lamp SAD light-box light box SAD ",
    "hiya hun hi babe morning lovely ur little ones details ur kids full name ur little ones ",
    "On the a b c form, write your date of birth as DD/MM/YYYY as 1/1/11 as D M ",
    # Quotations that never close, or close only after two words (M105 passes over quoted speech): a year cut short
    # opens a single quote.
    *("Dob: 3rd April '51 - ", "'a b ", "\u201ca b c ", '"a b c \u201c', "'ab' 'cd ef' "),
    # Batch 59's shapes: a date of birth joined to its label by "as" and a record's words, a verb before a bare " at "
    # and a spelled domain, a disguised swear word of a postcode's shape (M101); what a fund is for after a name (M103).
    "DOB was listed as down as DOB has been recorded as 12/03/ ",
    "you can book at nhs dot uk just sarah at ",
    "a bl00dy ss143hg BL00DY ",
    "Dawn Wood Wellbeing Dawn Wood Hardship Fund Dawn Wood ",
    "Mary-Dawn Wood Anne-Dawn Wood-",
    # Batch 63's shapes: a service the reader need not go to, or whose crowds are news (M104); a care letter (M105).
    *("no need to sit in A&E no point going to the GP ", "A&E's full A&E is rammed ", "pic of the discharge letter "),
    # Batch 65's shapes: a past after "some git" (M102); an invite, a listed email, a place ruled out (M105); a meeting.
    *("some git did ", "got your booster invite got ur ", "your ref and email and we ", "rather than here instead of "),
    "feel flat at the end of a long board meeting ",
    # Batch 70's shapes: a health certificate then a side of it copied (M105); a symptom after "for the" (M104).
    *("Got a medical exemption certificate? Snap the front of it ", "got your blue badge a photo of the back of it "),
    "in the meantime drink for the burning for the stinging of ",
    # Batch 75's shapes: a verb's object before a bare " at " (M101); a record by "his" or "her" (M105).
    *("book your flu jab at nhs dot ", "a photo of his prescription of her a b passport "),
    # Batch 76's shapes (M105): a person word before an exam, a number for someone, a message the service sent.
    *("with your a nurse OSCE ", "best number for his support worker best number for ", "sent you a message - "),
]


@pytest.mark.parametrize("shape", POST_SHAPES)
def test_post_body_of_a_repeated_shape_is_checked_in_linear_time(tmp_path, shape):
    make = lambda n: "---\nplatforms: [x]\n---\n" + shape * (n // len(shape))  # noqa: E731
    linear, small, large = grows_linearly(tmp_path, "p.md", make, 5_000)
    assert linear, f"{shape!r}: {small:.3f} s for 5 KB, {large:.3f} s for 20 KB"


# A share's phrase and a paid post's label are read with 'fancy' letters made plain (D101-D103).
# Batch 34: Mastodon's boosts and reblogs read as shares.
SHARE_SHAPES = ["𝐒𝐡𝐚𝐫𝐢𝐧𝐠 ", "ＲＴｓ｜", "ꜱʜᴀʀɪɴɢ ", "𝐀𝐝", "Boosts ≠ ", "Boosting doesn't "]


@pytest.mark.parametrize("shape", SHARE_SHAPES)
def test_a_paid_share_of_a_repeated_fancy_shape_is_checked_in_linear_time(tmp_path, shape):
    front = "---\nplatforms: [x]\nkind: share\nsource: https://x.com/a/status/1\npaid: true\n---\n"
    make = lambda n: front + shape * (n // len(shape))  # noqa: E731
    linear, small, large = grows_linearly(tmp_path, "p.md", make, 5_000)
    assert linear, f"{shape!r}: {small:.3f} s for 5 KB, {large:.3f} s for 20 KB"


# Batch 34: a share's source or a reply's in_reply_to of spaces and zero-width characters names nothing (F003).
@pytest.mark.parametrize("key", ["kind: share\nsource", "kind: reply\nin_reply_to"])
def test_a_blank_address_of_repeated_spaces_is_read_in_linear_time(tmp_path, key):
    blank = " \u200b"
    make = lambda n: f"---\nplatforms: [x]\n{key}: '{blank * (n // 2)}'\n---\nHi\n"  # noqa: E731
    linear, small, large = grows_linearly(tmp_path, "p.md", make, 5_000)
    assert linear, f"{key!r}: {small:.3f} s for 5 KB, {large:.3f} s for 20 KB"


@pytest.mark.parametrize("shape", ["0:00 ", "0:00:00.0", "1:00 +1", "-1"])
def test_a_publish_at_of_a_repeated_time_shape_is_read_in_linear_time(tmp_path, shape):
    make = lambda n: f"---\nplatforms: [x]\npublish_at: '2026-12-01T{shape * (n // len(shape))}'\n---\nHi\n"  # noqa: E731
    linear, small, large = grows_linearly(tmp_path, "p.md", make, 5_000)
    assert linear, f"{shape!r}: {small:.3f} s for 5 KB, {large:.3f} s for 20 KB"


def test_a_reply_of_one_endless_request_is_checked_in_linear_time(tmp_path):
    # The moderation rules read a sentence around each verb and each personal detail: a reply of one sentence
    # thousands of words long, full of both, must not be read again from its start at each of them.
    words = "please send us your details and we will reply about the clinic in the comments below with your name "
    make = lambda n: (  # noqa: E731
        "---\nplatforms: [linkedin]\nkind: reply\nin_reply_to: https://x.com/a/status/2\n---\n"
        + words * (n // len(words))
    )
    linear, small, large = grows_linearly(tmp_path, "p.md", make, 10_000)
    assert linear, f"{small:.3f} s for 10 KB, {large:.3f} s for 40 KB"


# Batch 32's request shapes: a weak verb that needs the sentence's public place, whose negation is looked for each time;
# and batch 34's shapes.
REQUEST_SHAPES = [
    "and don't forget your name in the comments ",
    "your \U0001f4f1 number below ",
    "What number's best to ",
    # Batch 34's: letters split by marks (M102), the dish, a middle name (M103), a place then the data, "under this",
    # a public place in a clause before a private one (M105).
    "w.a.n.k.e.r.",
    "a s h i t e ",
    "faggots and mash and ",
    "Dawn Elizabeth Dawn Elizabeth Wood ",
    "Sound off below with your postcode and ",
    "post it under this, ",
    "Replies here are public, so please chuck your NHS number in a DM, ",
    # Batch 35's: a number in words (M101), a time before " at ", "[.]"; symbols for letters and "BS" (M102); "dr.".
    "oh seven seven oh oh nine oh oh four five six ",
    "oh oh oh oh oh oh oh x ",
    "10am at 10am at leeds dot ",
    "jo [.] bloggs [@] sky [.] ",
    "f@#king f%$k ",
    "total BS total ",
    "dr.khan dr. ",
    # Batch 36's: "hit reply", data listed after a place and a colon, medical details, a symbol before the verb, a place
    # to read (M105); "and put" after what was done, a complaint before "on", permission, doses, a part raised (M104).
    "Hit reply with your postcode and ",
    "just answer in the comments: name, age, address, ",
    "your allergies and any regular meds and the medication you're currently taking ",
    "\U0001f384 \U0001f384 Tell us ",
    "your date of birth in the form linked below ",
    "we've gritted it and put ",
    "Sciatica on ",
    "is safe in pregnancy with 4 hours between doses and foot up on a cushion, ",
    # Batch 37's: a number the line wrapped, "at" and "dot" in other languages, the smaller streets (M101); an insult
    # quoted, after "you" and an adjective, after "Some"; "@" for "a", "v" for "u", a stem's -isation (M102).
    "07700\n900 562 ",
    "0\n0\n",
    "maria arroba gmail punto ",
    "14 Moorland Rise 12 Week Way ",
    "called her a 'cow' ",
    "you lying cow you ",
    "Some knob set ",
    "@rsehole @sshole ",
    "fvck bastardisation ",
    "@dawn.wood.dawn.wood ",
    "3 Castle Hill walks 3 Castle Hill on ",
    "you simply prick the you smelly git ",
    # Batch 38's: someone else's name, the data a photo carries, "along with", a giving verb as an order's means,
    # medicines asked in any tense, what the service does next (M105); an order after "With ...,", a mood's occasion,
    # whether something stops a medicine working, a body part that names a worry (M104).
    "Comment their full name and their name, address and ",
    "Post a photo of your little one's picture with their ",
    "share your memories along with your name and ",
    "reserve yours by leaving your name, you can enter by commenting ",
    "which tablets has your husband been prescribed and what you take and the inhalers you use ",
    "Tell us below and our pharmacists will ",
    "Thanks to everyone who signed up by leaving your ",
    "With diabetes, check your feet ",
    "feel a bit flat at the end of a long campaign ",
    "won't stop your amoxicillin working ",
    "sundowning testicles prostate ",
    # Batch 39's: a name signed onto a list or put forward, data as a passive verb's subject, a form named for what it
    # is, a list after a dash (M105); the reader's own clinicians, a remedy that brings a reading down (M104); a street
    # after a listed word, an acronym before a lower-case word in a hashtag (M102); a nickname in quotes (M103).
    "Add your name to our mailing list and put your name forward and ",
    "Postcode and age in the comments are anonymised and ",
    "through the nomination form through the ",
    "Introduce yourself below - name, age - ",
    "your diabetes team and your asthma nurse and ",
    "a brisk walk brings your sugars down and ",
    "Minge Lane Minge ",
    "#WTFisAPhleb ",
    "Dawn 'Woody' Dawn 'Woody' Wood ",
    # Batch 42's: a flat in a named building, a date of birth, a National Insurance and a hospital number, "O" for zero,
    # a WhatsApp link, a wide at sign, a Yorkshire street's word, a gate's number, a mailbox in another script (M101);
    # lower-case hashtags run together, "on my tits", lookalike letters, "ph" for "f", a disguised innocent word (M102).
    "Flat 3, Moorview House Flat 3, Moor ",
    "DOB 14/03/1948 DOB date of birth ",
    "JT 48 21 93 A JT482193A NI ",
    "hospital number is K4471902 hospital number ",
    "O77OO 9OO 5O8 O",
    "wa.me/447700900274 ",
    "ray＠hotmail.co.uk ＠",
    "22 Town Gate Gate 3, Elland Road 3 Peaks Walk ",
    "zoë.ward@icloud.com zoë",
    "#cancercanfuckoff #wankparking #scunthorpeblooddonors ",
    "gets on my tits on your ",
    "pr1ck fυcking phucking ",
    # Batch 41's: a wish for the data, a car's registration in a longer noun phrase, a relative's name by a pronoun, a
    # bare verb before "underneath", "ur address", a copy of a message about the reader's appointment, by reference
    # (M105).
    "We'd love to hear your name and we'd love to know ",
    "the reg of the car the reg of your ",
    "your mum let us know underneath and ",
    "your mum and her name? Let us know underneath ",
    "Whats ur address pop it on here n ",
    "a text about your appointment screenshot it and post it below ",
    "We'd be glad to hear your thoughts below - your name won't be ",
    "Is your grandad on Ward 7? What's his name? Let us know underneath ",
    "wots ur mams name n address? put it on here ",
    # Batch 43's: a date of birth in brackets, a public venue before its address (M101); a copy of a letter the reader
    # got, asked for as the verb's object (M105).
    "DOB (02/11/1939) DOB ( ",
    "the Carriageworks, 3 Millennium Square, the Old Civic Hall, 3 ",
    "Got a letter with it? Send us a photo of it here and ",
    # Batch 44's: a desk named with words after its article, a request left there, no need to write it here (M105).
    "Leave your details with the main reception desk with the our ",
    "no need to share it here no need to DM just ",
    "no need to DM us just pop ur DOB below no need to ",
    # Batch 45's: a doubled dose, its noun phrase left open (M104).
    "double up on your double up on the inhaler double the ",
    # Batch 46's: a dose's ceiling (M104); part of a number, a prescription's photo, "the letter" the reader had,
    # someone tagged before the place, a purpose before the order, "u", "whats", a place's postcode, an upload (M105).
    "he can use up to 10 puffs up to 4 times a day up to ",
    "the last 3 digits of ur NHS the last 3 of your first half of ur ",
    "post a pic of the perscription post a pic of the ",
    "Had ur booster letter? post a photo of the letter below and ",
    "tag ur daughter in the comments with her tag ur ",
    "to win a family pass to the fun day just reply with ur full name ",
    "we'd never ask u to post ur date of birth scammers are telling u to ",
    "whats the postcode for the whats ur reg whats ur mobile number ",
    "upload a photo of your ID to the portal upload ",
    "Calling all new mums \U0001f476 comment with ur babys name and ur repeat perscription list ",
    "a&e wont do anything for its prob just make sure shes drinking ",
    # Batch 60's (M104, read in replies): an appointment only as a journey's end, as a service's occasion too.
    "seasickness on the way to your a b appointment on the ",
    "seasickness on the long ferry crossing over to your GP on the way to ",
    "a walk does more for it than any a b the doctor will give you ",
    "a walk is better for a b c than any of the a b your GP ",
    "A SAD lamp SAD light-box light box SAD ",
    "hiya hun hi babe morning lovely ur little ones details ur kids full name ur little ones ",
    "On the a b c form, write your date of birth as DD/MM/YYYY as 1/1/11 as D M ",
    # Batch 70's: a reply's question for the reader's medicines, then a private channel ordered.
    "What medication are you on? Please DM us. which inhaler are you using - what meds ",
]


@pytest.mark.parametrize("shape", REQUEST_SHAPES)
def test_a_reply_of_one_repeated_request_shape_is_checked_in_linear_time(tmp_path, shape):
    make = lambda n: (  # noqa: E731
        "---\nplatforms: [linkedin]\nkind: reply\nin_reply_to: https://x.com/a/status/2\n---\n"
        + shape * (n // len(shape))
    )
    linear, small, large = grows_linearly(tmp_path, "p.md", make, 10_000)
    assert linear, f"{shape!r}: {small:.3f} s for 10 KB, {large:.3f} s for 40 KB"


# Batch 36: SSA override blocks (`{\\an8}`) that subtitle editors write into SRT are read as tags too.
CAPTION_SHAPES = [("srt", "<font "), ("vtt", "<c."), ("sbv", "<i"), ("srt", "{\\an8")]


@pytest.mark.parametrize("suffix, shape", CAPTION_SHAPES)
def test_caption_cue_text_of_a_repeated_tag_is_read_in_linear_time(tmp_path, suffix, shape):
    from postcheck.media.captions import parse_captions

    head = {"srt": "1\n00:00:00,000 --> 00:00:02,000\n", "vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n"}
    head["sbv"] = "0:00:00.000,0:00:02.000\n"

    def seconds(n: int) -> float:
        text = head[suffix] + shape * (n // len(shape)) + "\n"
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for cue in parse_captions(text, suffix).cues:
                assert cue.plain_text is not None
            best = min(best, time.perf_counter() - start)
        return best

    seconds(1000)
    small, large = seconds(50_000), seconds(200_000)
    assert large <= LINEAR * small + 0.05, f"{small:.3f} s for 50 KB, {large:.3f} s for 200 KB"


# ----------------------------------------------------------------------------------- 17: memory


def _check(root: Path, *args: str):
    run_ = run_cli(".", "--format", "json", "--now", FIXED_NOW, "--no-cache", *args, cwd=root)
    assert "internal error" not in run_.stderr, run_.stderr
    return run_


def test_bulk_csv_of_too_many_rows_is_one_f001_not_memory(tmp_path):
    rows = "date,time_24hr,message_text\n" + "01/12/2026,09:30,a\n" * (bulk_csv.MAX_ROWS + 1)
    write(tmp_path, {"postcheck.toml": "", "bulk.csv": rows})
    run = _check(tmp_path)
    [finding] = run.json["findings"]
    assert finding["code"] == "F001" and f"more than {bulk_csv.MAX_ROWS:,} rows" in finding["message"]


def test_bulk_csv_at_the_row_limit_is_read():
    rows = "date,time_24hr,message_text\n" + "01/12/2026,09:30,a\n" * bulk_csv.MAX_ROWS
    assert len(bulk_csv.parse_csv(rows)) == bulk_csv.MAX_ROWS + 1


def test_one_huge_csv_cell_is_f001(tmp_path):
    rows = 'date,time_24hr,message_text\n01/12/2026,09:30,"' + "damn " * (bulk_csv.MAX_CELL // 5 + 1) + '"\n'
    write(tmp_path, {"postcheck.toml": "", "bulk.csv": rows})
    [finding] = _check(tmp_path).json["findings"]
    assert finding["code"] == "F001" and "no platform takes a post over" in finding["message"]


def test_a_caption_file_of_thousands_of_bad_cues_gives_bounded_findings(tmp_path):
    cues = "".join(f"{i // 60:02d}:{i % 60:02d}.000 --> {i // 60:02d}:{i % 60:02d}.050\nA\n\n" for i in range(3000))
    post = "---\nplatforms: [x]\nvideos: [{file: clip.mp4, captions: [clip.vtt]}]\n---\nHi\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post, "clip.vtt": "WEBVTT\n\n" + cues})
    make_video(tmp_path / "clip.mp4", 2.0, audio=tone())
    run = _check(tmp_path)
    counts = Counter(run.codes)
    assert counts and max(counts.values()) == MAX_PER_CODE + 1
    more = [f["message"] for f in run.json["findings"] if "not listed" in f["message"]]
    assert more and all(m.startswith("and ") for m in more)


def test_a_bulk_csv_of_many_rows_with_the_same_problem_gives_bounded_findings(tmp_path):
    rows = "date,time_24hr,message_text\n" + "01/12/2026,09:30,Get your #flujab\n" * 300
    write(tmp_path, {"postcheck.toml": "", "bulk.csv": rows})
    run = _check(tmp_path, "--select", "A201")
    assert run.codes == ["A201"] * (MAX_PER_CODE + 1) and run.json["summary"]["posts"] == 300
    last = run.json["findings"][-1]
    assert last["message"].startswith("and 200 more A201 problems") and last["line"] == MAX_PER_CODE + 2


def _huge_png(path: Path, side: int) -> None:
    """An RGBA PNG of side x side pixels, written a row at a time (the test itself must not need the memory)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer, row = zlib.compressobj(1), b"\0" + b"\x80\x40\x20\xff" * side
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def test_a_huge_png_under_the_bomb_limit_is_never_decoded(tmp_path, monkeypatch):
    from PIL import ImageFile

    def no_decoding(self):
        raise AssertionError("decoded every pixel of a 9,450 x 9,450 image")

    _huge_png(tmp_path / "big.png", 9450)
    post = "---\nplatforms: [x]\nimages: [{file: big.png, alt: The clinic poster with its opening hours}]\n---\nHi\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post})
    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    run = _check(tmp_path, "--html", "report.html", "-j", "4")
    assert run.codes == ["P103"]
    assert "too large to preview" in (tmp_path / "report.html").read_text()


# ----------------------------------------------------------------------------------- 18: link deadlines


@pytest.fixture
def slow_loris():
    """A server on 127.0.0.1 that answers one byte of its status line every 0.1 s, for ever."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def trickle(conn: socket.socket) -> None:
        with conn:
            conn.recv(4096)
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
                if stop.wait(0.1):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=trickle, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    listener.close()


def test_a_server_trickling_bytes_cannot_hold_a_link_past_its_deadline(slow_loris):
    from postcheck.text.fetch import LINK_BUDGET, fetch

    result = fetch(slow_loris, timeout=0.3, allow_private=True)  # each byte comes well within the socket timeout
    assert result.broken and f"no full answer within {LINK_BUDGET * 0.3:g} s" in (result.error or "")


def test_links_beyond_the_runs_budget_are_reported_not_waited_for(monkeypatch):
    from postcheck.text import fetch as fetch_module

    release = threading.Event()

    def stuck(url, timeout=5.0, allow_private=False):
        release.wait(5)
        return fetch_module.FetchResult(url, 200, (url,))

    monkeypatch.setattr(fetch_module, "fetch", stuck)
    monkeypatch.setattr(fetch_module, "RUN_BUDGET", 0.2)
    checker = fetch_module.LinkChecker(timeout=0.01, workers=2)
    try:
        results = checker.check(["https://a.example/", "https://b.example/"])
    finally:
        release.set()
    assert all(r.broken and "ran out" in (r.error or "") for r in results.values())


def test_all_links_of_a_run_are_fetched_together(tmp_path, monkeypatch):
    from postcheck.text import fetch as fetch_module

    batches: list[list[str]] = []
    real_check = fetch_module.LinkChecker.check

    def check(self, urls):
        urls = list(urls)
        batches.append([u for u in urls if u not in self._results])
        return real_check(self, urls)

    monkeypatch.setattr(fetch_module.LinkChecker, "check", check)
    monkeypatch.setattr(fetch_module, "fetch", lambda url, *a: fetch_module.FetchResult(url, 200, (url,)))
    posts = {f"p{i}.md": f"See https://site{i}.example/page\n" for i in range(3)}
    write(tmp_path, {"postcheck.toml": "", **posts})
    _check(tmp_path, "--online", "--select", "L105")
    assert sorted(batches[0]) == [f"https://site{i}.example/page" for i in range(3)]
    assert all(batch == [] for batch in batches[1:])


# ----------------------------------------------------------------------------------- 19: user patterns


def test_a_custom_pattern_that_backtracks_for_ever_is_one_config_error_naming_the_rule(tmp_path, monkeypatch):
    from postcheck.rules import custom

    monkeypatch.setattr(custom, "PATTERN_TIMEOUT", 0.2)  # the run's own limit is 1 s; the shape is the same
    config = '[[custom]]\ncode = "C001"\npattern = "(a+)+$"\nforbid = true\nmessage = "no"\n'
    write(tmp_path, {"postcheck.toml": config, "p.md": "a" * 5000 + "!\n"})
    run = run_cli(".", "--no-cache", cwd=tmp_path)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "custom rule C001" in run.stderr and "simplify the pattern" in run.stderr


def test_a_custom_pattern_that_is_fine_still_works_under_the_timeout(tmp_path):
    config = '[[custom]]\ncode = "C001"\npattern = "miracle (cure|pill)"\nforbid = true\nmessage = "no {match}"\n'
    write(tmp_path, {"postcheck.toml": config, "p.md": "A miracle cure!\n"})
    run = _check(tmp_path)
    assert [(f["code"], f["message"]) for f in run.json["findings"]] == [("C001", "no miracle cure")]


# ----------------------------------------------------------------------------------- 20: FIFOs


def _returns_within(seconds: float, call) -> object:
    """call() in a thread; fails the test (rather than hanging it) when it blocks."""
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(_capture(call)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "blocked on a pipe"
    return outcome[0]


def _capture(call):
    try:
        return call()
    except Exception as error:  # noqa: BLE001 - handed back to the test to judge
        return error


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("reader", ["caption", "image", "video", "hash"])
def test_a_media_file_swapped_for_a_fifo_is_refused_without_blocking(tmp_path, reader):
    from postcheck.media.captions import read_caption_text
    from postcheck.media.images import inspect_image
    from postcheck.media.probe_cache import content_hash
    from postcheck.media.video import probe_video

    fifo = tmp_path / "swapped"
    os.mkfifo(fifo)
    call = {"caption": read_caption_text, "image": inspect_image, "video": probe_video, "hash": content_hash}[reader]
    outcome = _returns_within(10, lambda: call(fifo))
    assert isinstance(outcome, MediaError) and "not a regular file" in str(outcome)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_run_over_media_swapped_for_fifos_ends(tmp_path):
    post = "---\nplatforms: [x]\nimages: [{file: a.png, alt: Clinic hours}]\nvideos: [{file: v.mp4}]\n---\nHi\n"
    write(tmp_path, {"postcheck.toml": "", "p.md": post})
    os.mkfifo(tmp_path / "a.png")
    os.mkfifo(tmp_path / "v.mp4")
    run = _returns_within(60, lambda: _check(tmp_path, "--html", "r.html"))
    assert sorted(run.codes) == ["F006", "F006"]


# A102's alt text patterns: the month, campaign and holiday names and years before a kind ("Dry January graphic",
# "Christmas 2026 poster"), and a kind of chart
# before a pointer ("Line chart, described in the post"), each repeated with no end that fits.
ALT_SHAPES = [
    "Dry January ",
    "dry blue may ",
    "Blue Monday ",
    "may may ",
    "Christmas Eve ",
    "christmas 2026 ",
    "2026 eve ",
    "Line chart, ",
    "bar line chart ",
    "chart, see ",
    # Batch 35: holidays, Eid al-Adha, an occasion's year before a kind, a kind and a platform after a dash, an owner's
    # name before "copyright"
    "summer holidays ",
    "Eid al-",
    "Week 2027 ",
    "graphic - Instagram ",
    "Crown Copyright ",
    "NHS birthday season ",
    "Welsh language ",
    "late may ",
    "licensed under cc by ",
    "cc by sa ",
]


@pytest.mark.parametrize("shape", ALT_SHAPES)
def test_an_alt_text_of_a_repeated_occasion_or_chart_shape_is_read_in_linear_time(shape):
    from postcheck.rules.alt_text import placeholder_reason

    def seconds(n: int) -> float:
        start = time.perf_counter()
        for i in range(5):  # answers are cached by alt text and file: a file name of its own each time
            placeholder_reason(shape * n + "graphicx", f"media/{n}-{i}.png")
        return time.perf_counter() - start

    seconds(50)  # compiled patterns
    small, large = seconds(300), seconds(1200)
    assert large <= LINEAR * small + 0.05, f"{shape!r}: {small:.3f} s, then {large:.3f} s for 4 times as long"
