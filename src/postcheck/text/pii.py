"""Find personal contact details in text: phone numbers, e-mails, UK postcodes, street addresses, NHS numbers, and
the personal numbers a reply may copy from a record (a date of birth, a National Insurance or hospital number)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from postcheck.text import LazyPattern, masked
from postcheck.text.urls import TLDS, find_links

if TYPE_CHECKING:
    from postcheck.text.profanity import ProfanityMatcher

# Numbers that are public services, not anyone's contact details: NHS 111, 999/112, NHS 119, text relay.
PUBLIC_NUMBERS = ("111", "999", "112", "119", "18001 111", "18000")

# After "@" it is a fediverse handle (@nhs@mastodon.example.social), not an e-mail address.
# The mailbox may hold letters of any script ("zoë.ward@icloud.com"); the domain is written in ASCII.
EMAIL = LazyPattern(r"(?<![\w.+%@-])[^\W_][\w.%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# At signs and full stops of other widths, typed to dodge filters ("ray＠hotmail.co.uk"): read as the plain ones, one
# character for one, so offsets hold.
# Wide at signs and dots are read as ASCII ones; a keycap emoji's marks (0️⃣ is "0", U+FE0F, U+20E3) as spaces, so a
# number typed in keycaps is read as digits a space apart (one character for one: offsets hold).
_WIDE_MARKS = str.maketrans({"＠": "@", "﹫": "@", "．": ".", "\ufe0f": " ", "\u20e3": " "})

# E-mail addresses written to dodge filters: "jo at nhs dot net", "jo [at] nhs.net", "jo(at)nhs(dot)net",
# "jo (at) nhs . net".
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
# "at" and "dot" as other languages spell them out: Spanish "arroba" and "punto", French "arobase" and "point", Italian
# "chiocciola", German "Punkt", Polish "małpa" and "kropka", Portuguese "ponto".
_AT_WORDS = r"at|arroba|arobase|chiocciola|małpa"
_DOT_WORDS = r"dot|punto|point|punkt|kropka|ponto"
_SPELLED_AT = rf"(?:\s*{_OPEN}\s*at\s*{_CLOSE}\s*|\s*{_OPEN}\s*@\s*{_CLOSE}\s*|\s+(?:{_AT_WORDS})\s+|\s+@\s+)"
# A dot with a space before it ("k.bell (at) nhs . net") is spelled out too: a full stop never has one.
_SPELLED_DOT = rf"(?:\s*{_OPEN}\s*(?:dot|\.)\s*{_CLOSE}\s*|\s+(?:{_DOT_WORDS})\s+|\s+\.\s*|\.)"  # "[.]" too
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
SPELLED_EMAIL = LazyPattern(
    rf"(?<![\w.@-])(?P<local>[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9])?(?:{_SPELLED_DOT}[A-Za-z0-9][\w%+-]*)*)"
    rf"(?P<at>{_SPELLED_AT})(?P<domain>{_LABEL}(?:{_SPELLED_DOT}{_LABEL})+)(?![\w/-])",  # not a link's path
    re.IGNORECASE,
)
# " at " is also an ordinary word ("the form at nhs.uk", "book at boots.com"): a bare " at " counts only when
# the name before it is written like a mailbox (jo.bloggs, j dot smith) or the domain is spelled out (below).
_MAILBOX_LIKE = LazyPattern(rf"[._\d]|{_SPELLED_DOT}", re.IGNORECASE)
# A spelled "dot" after a bare " at " is the filter-dodging habit ("sarah at nhs dot net"), unless the word
# before "at" is a pronoun or follows an article: "see us at leeds dot gov dot uk", "the form at nhs dot uk".
_NOT_MAILBOX = LazyPattern(
    r"us|me|you|them|him|her|it|we|everyone|all|here|there|home|work|now|are|is|was|were|be|am|look|looking|"
    r"find|found|online|live|available|info|information|more|details|\d+",
    re.IGNORECASE,
)
# Nor is a verb of where to go or what to do there ("book at nhs dot uk", "sign up at", "order it at"): the common ones
# by name, and any word after a modal, "just", "please" or "we" ("you can book at", "just pop in at").
_VERB_LOCAL = LazyPattern(
    r"(?:book|order|buy|shop|apply|register|enrol|enroll|check|search|browse|visit|join|donate|pay|renew|download|"
    r"subscribe|vote|read|learn|watch|listen|report|refer|complain|respond|reply|sign|log|opt|get|see|find|call|"
    r"pop|drop|turn|walk|chat|talk|ask|meet)(?:s|ed|ing)?|appl(?:y|ies|ied|ying)|bought|paid|got|up|in|out|off|on|it|more|help|advice",
    re.IGNORECASE,
)
_VERB_BEFORE = LazyPattern(
    r"\b(?:can|could|will|would|should|must|may|might|shall|just|please|simply|also|then|we|they|i|"
    r"can't|cannot|won't|don't|didn't)\s+\Z",
    re.IGNORECASE,
)
# ... or the object of such a verb: "book your flu jab at nhs dot uk", "book a carer's flu jab at" (not "book an
# appointment with jane at nhs dot net", where the word before "at" is the person).
_VERB_OBJECT_BEFORE = LazyPattern(
    r"\b(?:book|order|buy|get|renew|register|find|check|download|claim|collect)(?:s|ed|ing)?\s+"
    r"(?:(?:your|ur|a|an|the|my|their|his|her|our)\s+)?(?:(?!(?:with|to|for|from|by)\b)[\w'’-]+\s+){0,2}\Z|"
    # ... or what to read about there: "You can read about pregnancy loss at nhs dot uk".
    r"\b(?:read|learn|find\s+out|more|info|information|advice|tips)\s+(?:more\s+)?(?:about|on)\s+"
    r"(?:(?!(?:with|to|for|from|by)\b)[\w'’-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
# Nor is the bare name of a website no one has a mailbox at: "how it's treated at nhs dot uk".
_WEBSITES = {"nhs.uk", "gov.uk"}
_ARTICLE_BEFORE = LazyPattern(r"\b(?:a|an|the|our|your|their|this|that|these|those|my|his|her|its)\s+$", re.IGNORECASE)
# A time before a bare " at " is no mailbox, though it has digits: "live at 10am at leeds dot gov dot uk", "19:00 at".
_TIME_LOCAL = LazyPattern(r"\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)", re.IGNORECASE)
_TIME_BEFORE = LazyPattern(r"\d[:.]\Z")
_AT_HINT = LazyPattern(rf"{_OPEN}\s*(?:at|@)\s*{_CLOSE}|(?<=\s)(?:{_AT_WORDS}|@)(?=\s)", re.IGNORECASE)
_DOMAIN_AHEAD = LazyPattern(rf"{_LABEL}{_SPELLED_DOT}{_LABEL}", re.IGNORECASE)
_LOCAL_MAX = 100  # characters looked at either side of an "at"
_WORD_START = LazyPattern(r"(?<![\w.@%+-])[A-Za-z0-9]")
# What every contact detail has: a digit, @ or "at", the trunk 0 of a number in words ("oh seven seven ..."), or an
# NHS number's label before one in words.
MAYBE_CONTACT = LazyPattern(rf"[\d@＠﹫]|\b(?:{_AT_WORDS}|oh|zero|nought|NHS\s+(?:number|no))\b", re.IGNORECASE)


def find_spelled_emails(text: str) -> list[tuple[int, int]]:
    """Where `text` writes an e-mail address with "at" and "dot" in words or brackets; plain ones are EMAIL."""
    found: list[tuple[int, int]] = []
    # Most "at"s in a post are followed by a word, not by a domain: only those followed by "label dot label"
    # are looked at, and the address pattern runs on the few words around them.
    for hint in _AT_HINT.finditer(text):
        gap = text[hint.end() : hint.end() + 3]
        if not _DOMAIN_AHEAD.match(text, hint.end() + len(gap) - len(gap.lstrip())):
            continue
        if found and hint.start() < found[-1][1]:
            continue
        window = (max(hint.start() - _LOCAL_MAX, 0), min(hint.end() + _LOCAL_MAX, len(text)))
        at = hint.start()
        # Tried from each word start before the "at", leftmost first: an earlier "at" must not swallow the name
        # ("write to me at jo.bloggs at nhs dot net" reads "me at jo.bloggs" first, and that is no address).
        tries = (SPELLED_EMAIL.match(text, w.start(), window[1]) for w in _WORD_START.finditer(text, window[0], at))
        m = next((e for e in tries if e is not None and e.start("at") <= at < e.end("at")), None)
        if m is None:
            continue
        at, domain, local = m.group("at"), m.group("domain"), m.group("local")
        labels = [label.lower() for label in re.split(_SPELLED_DOT, domain, flags=re.IGNORECASE)]
        if labels[-1] not in TLDS:
            continue
        bare = re.fullmatch(r"\s+at\s+", at, re.IGNORECASE) is not None
        spelled_domain = re.search(r"\bdot\b|\s\.", domain, re.IGNORECASE) is not None
        named = (
            spelled_domain
            and not _NOT_MAILBOX.fullmatch(local)
            and not _VERB_LOCAL.fullmatch(local)
            and not _ARTICLE_BEFORE.search(text, max(m.start() - 20, 0), m.start())
            and not _VERB_BEFORE.search(text, max(m.start() - 12, 0), m.start())
            and not _VERB_OBJECT_BEFORE.search(text, max(m.start() - 60, 0), m.start())
            and ".".join(labels) not in _WEBSITES
        )
        if bare and not (_MAILBOX_LIKE.search(local) or named):
            continue
        before = text[max(m.start() - 2, 0) : m.start()]  # "19:" of "19:00": two characters, not the whole text
        if bare and (_TIME_LOCAL.fullmatch(local) or (local.isdigit() and _TIME_BEFORE.search(before))):
            continue
        found.append((m.start(), m.end()))
    return found


# UK postcodes (outward code, inward code): the letters each position can take, per Royal Mail's PAF rules.
POSTCODE = LazyPattern(
    r"(?<![\w-])(GIR ?0AA|[A-PR-UWYZ](?:[A-HK-Y]?\d[A-Z\d]?|\d[A-HJKPSTUW]) ?\d[ABD-HJLNP-UW-Z]{2})(?![\w-])",
    re.IGNORECASE,
)

STREET_WORDS = (
    "Road|Street|Avenue|Lane|Close|Drive|Crescent|Court|Gardens|Grove|Terrace|Mews|Parade|Boulevard|Way|Place"
)
# The endings of the smaller streets of housing estates and villages (Yorkshire's folds and garths too) are everyday
# nouns as well ("our 3 Castle Hill walks"): an address only where the sentence goes on as after an address - a mark,
# the end, a capital (the town, the postcode) or a word of when or where.
SMALL_STREET_WORDS = (  # Yorkshire's Town Gate, Hyde Park View, Greenside Bank too
    "Rise|Fold|Row|Croft|Garth|Mount|Green|Hill|Vale|Chase|Square|Wynd|Approach|View|Walk|Bank|Gate|Brow|Heights|"
    "Meadows?"
)
_AFTER_ADDRESS = (
    r"(?=[ \t]*(?:[,.;:!?)\n]|$)|\s+(?:on|in|at|before|after|by|for|from|to|and|or|until|till|this|next|tomorrow|today|"
    r"tonight|when|where|if|so|is|was|between|around|with|near|instead|but|because|as|which|who|yesterday|last|please|"
    r"again|too|now|soon)\b|\s+[A-Z])"
)
STREET_ABBREVIATIONS = "Rd|St|Ave"  # their full stop is part of the address; a full word's ends the sentence
# The other streets' words abbreviated as addresses write them ("6 Hawthorn Cl, Rayleigh", "2 Elm Gdns"): an address
# where the sentence goes on as after one, though not before a capital ("Dr" is a title as often: "our 3 Locum Dr Lee").
SMALL_STREET_ABBREVIATIONS = "Cl|Cres|Dr|Gdns|Gr|Ln|Pl|Ct|Tce|Sq|Pde"
_AFTER_ABBREVIATION = _AFTER_ADDRESS.replace(r"|\s+[A-Z])", ")")
# A number before a unit is an amount, not a house number: "our 12 Week Way programme", "a 6 Week Rise".
_UNIT = r"(?:Minute|Hour|Day|Week|Month|Year|Mile|Step|Point|Star)s?\b"
# A count of things before "Walk" names a route, not a house: "Our 3 Peaks Walk".
_ROUTE = r"[A-Z][a-z]*[a-rt-z]s\s+Walk\b"
# Events counted before a street's word make it their name: "Join our 6 Memory Lane sessions".
_NAMED_EVENTS = (
    r"\s+(?:sessions|walks|events|classes|groups|meetings|workshops|tours|talks|courses|clubs|cafes|cafés|meet-ups|"
    r"runs|rides|concerts|screenings|shows|visits|episodes|podcasts)\b"
)
# A verb after the number makes it a count of things to do: "Our 5 Go Green tips".
_COUNTED_VERB = r"(?:Go|Get|Be|Do|Make|Keep|Stay|Eat|Live|Think|Walk|Top)\b"
STREET_ADDRESS = LazyPattern(
    rf"(?<![\w£$€.,:/#-])\d{{1,4}}[A-Za-z]?,?\s+(?!{_UNIT}|{_COUNTED_VERB}|{_ROUTE})(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s+){{1,3}}"
    rf"(?:(?:{STREET_WORDS})\b(?!{_NAMED_EVENTS})|(?:{SMALL_STREET_WORDS})\b{_AFTER_ADDRESS}|(?:{STREET_ABBREVIATIONS})\b\.?|"
    rf"(?:{SMALL_STREET_ABBREVIATIONS})\b{_AFTER_ABBREVIATION})"
)
# A house on a street named with "The" and no street's word ("2 The Paddocks, Wickford", "14 The Maltings, Ware"), sent
# to or visited: after "at", "to" or "from" and before a comma and the town. After "at", a number that may be an hour
# before a venue ("drop in at 10 The Forum, Southend") is a house's only after a verb of home visits or post.
_HOUR_AT = LazyPattern(r"at\s(?:[1-9]|1[0-2])\s")
_HOME_VISIT = LazyPattern(r"\b(?:visit|call|live|stay|collect|deliver|post|send|write)\w*\b", re.I)
# A street of one word ("27 Broadway, Leigh-on-Sea", "4 Kingsway, Hadleigh") likewise, where the town closes the
# clause (not "from 9 December, Monday to Friday", "from 3 Stars, Good": a date or an amount is no street).
_CALENDAR_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# (The address is the group "address": the pattern starts at its word "at", "to" or "from", which a search finds faster
# than a look-behind at every character.)
UNSUFFIXED_STREET_ADDRESS = LazyPattern(
    r"\b(?:at|to|from)\s(?P<address>(?:No\.?\s*)?\d{1,4}[A-Za-z]?,?\s+"
    r"(?:The\s+[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?(?=,\s+[A-Z][a-z])"
    rf"|(?!{_CALENDAR_WORD}|{_UNIT})[A-Z][a-z'’]{{3,}}(?=,\s+[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?(?:[,.;:!?)\n]|$))))"
)

# A flat in a named building on a street, with no house number of its own: "Flat 3, Moorview House, Beckett Street".
_BUILDING_WORDS = r"House|Court|Lodge|Mansions|Buildings?|Tower|Heights|Hall|Mill|Works|Point|Apartments|Block|Flats"
FLAT_ADDRESS = LazyPattern(
    rf"(?<![\w-])(?:Flat|Apartment|Apt\.?)\s+\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{_BUILDING_WORDS}),?\s+"
    rf"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s+){{1,3}}(?:{STREET_WORDS}|{SMALL_STREET_WORDS}|{STREET_ABBREVIATIONS})\b"
)
# A number that names a gate, a ward or a platform before a comma and a road is not a house number: "Gate 3, Elland
# Road" (a flat's or a house's label keeps it one: "Flat 3, ...", "No. 3, ...").
_LABEL_BEFORE_NUMBER = LazyPattern(r"(?<![\w.])(?!(?:Flat|Apartment|Apt|No|Number|House)\b)[A-Z][a-z]+\s+\Z")
# A public venue named before its address is no one's home: "at the Carriageworks, 3 Millennium Square", "Pudsey Civic
# Hall, 1 Dawsons Corner" - a public building's word, or a name of two words or more after "the", then a comma (not a
# house's own name, "the Old Vicarage, 3 Church Lane", nor a family's, "the Smiths, 4 Oak Road").
_PUBLIC_BUILDING = (
    r"Centre|Center|Hall|Library|Hub|Church|Chapel|Cathedral|Minster|Mosque|Masjid|Gurdwara|Mandir|Temple|Synagogue|"
    r"Surgery|Practice|Pharmacy|Clinic|Hospital|Hospice|Museum|Gallery|Theatre|Institute|Club|Pavilion|Stadium|Arena|Exchange|"
    r"School|Academy|College|University|Hotel|Inn|Arms|Market|Baths|Crematorium|Cemetery|Studios?|Prison|Station|"
    r"(?:Charity\s+|Coffee\s+|Farm\s+)?Shop|Store|Caf[eé]|"
    r"(?:Meeting|Community|Guild|Council|Parish)\s+House|"  # a public house of a few kinds: "the Friends Meeting House"
    r"[A-Z][a-z]*[Ww]orks"  # the Carriageworks
)
_HOUSE_NAME = r"House|Cottage|Cottages|Vicarage|Rectory|Farm|Farmhouse|Barn|Bungalow|Lodge|Villa|Flat|Annexe"
_VENUE_BEFORE_NUMBER = LazyPattern(
    rf"(?:\bthe\s+(?:[A-Z][\w'’&-]*\s+){{1,3}}(?!(?:{_HOUSE_NAME})\b)[A-Z][\w'’-]*"
    rf"|\b(?:[A-Z][\w'’&-]*\s+){{0,3}}(?:{_PUBLIC_BUILDING})"
    # (or a prison's mark before its name: "HMP Chelmsford, 200 Springfield Road")
    r"|\b(?:HMP|HMYOI|HMPYOI|HM\s+Prison)(?:\s+[A-Z][\w'’-]*){1,3}"
    # (... its word in lower case after a capitalised name: "the Salvation Army hall, 3 Victoria Avenue", "the Methodist
    # church hall, 3 Victoria Avenue")
    # ("the Orsett Hospital outpatients hall, 12 Rowley Road": a word between.)
    rf"|\b(?:[A-Z][\w'’&-]*\s+){{1,3}}(?i:(?:{_PUBLIC_BUILDING})\s+(?:[a-z]+\s+)?)?(?i:{_PUBLIC_BUILDING})),\s*\Z"
)

# The personal numbers a reply may copy from someone's record (the policy's "personal details"): a date of birth with
# its label (not "born on": the NHS was born on 5 July 1948), a National Insurance number (two letters, six digits,
# A-D; HMRC's unused prefixes left out; written without spaces only after its label), a hospital number with its label.
_MONTHS = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
_MONTHS += r"Nov(?:ember)?|Dec(?:ember)?"
# A year in full, or its last two digits after an apostrophe ("3rd April '51").
_YEAR = r"(?:(?:19|20)\d\d|['’]\d\d)"
# The label and the date may be joined by "as", as a record is read out: "has your DOB as 12/03/1951", "DOB down as",
# "date of birth recorded as" (a form's format, "your date of birth as DD/MM/YYYY, e.g. 01/04/1985", has no date there).
_DOB_AS = (
    r"(?:(?:is|was|were|has\s+been|had\s+been)\s+)?"
    r"(?:(?:down|listed|recorded|registered|entered|written|put|shown|showing|still|wrongly|now)\s+){0,2}as"
)
# A day of the month in words, as a date is read out: "the fourteenth of March 1952", "twenty-first of June".
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth"
)
DATE_OF_BIRTH = LazyPattern(
    # ("a DOB of 12/05/1958", "your date of birth, the ninth of August 1957": "of" or a comma between.)
    # ("is your dad's DOB still 3rd June 1941?")
    rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth)\s*(?:[:–,-]|{_DOB_AS}|(?:is\s+|was\s+)?still|is|was|on|of)?\s*[(\[]?\s*(?:the\s+)?"
    rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)?\d\d|(?:\d{{1,2}}(?:st|nd|rd|th)?|{_DAY_WORDS})\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+"
    rf"{_YEAR}|"
    # ... the month first, as American forms write it ("April 3rd, 1951")
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})(?!\d)",
    re.IGNORECASE,
)
NI_NUMBER = LazyPattern(
    r"(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]( ?)\d\d\1\d\d\1\d\d\1[A-D](?![\w-])"
)
_NI_LABEL = LazyPattern(r"\b(?:NI|NINO|national\s+insurance)\b", re.IGNORECASE)
HOSPITAL_NUMBER = LazyPattern(
    r"\b(?:hospital\s+(?:number|no\.?|ID)|MRN)\s*(?:is|was|as|[:–-])?\s*"
    r"(?P<number>[A-Z]{0,3}\d{5,10}[A-Z]?)(?![\w-])",
    re.IGNORECASE,
)
# Digits written with the letter O for a zero, to dodge filters ("O77OO 9OO 518", "o7700 9OO 461"): read as digits
# when the run has a phone number's length and at least three real digits.
_O_FOR_ZERO = LazyPattern(r"(?<![\w+])[0Oo][\dOo](?:[ .-]?[\dOo]){8,11}(?![\w])")
_ZERO = str.maketrans("Oo", "00")
# A WhatsApp click-to-chat link carries a phone number ("wa.me/447700900274", "api.whatsapp.com/send?phone=44...").
_CHAT_LINK = LazyPattern(r"(?:^|\.)(?:wa\.me|whatsapp\.com)$")
_CHAT_NUMBER = LazyPattern(r"(?:wa\.me/|phone=)\+?(\d{8,15})(?!\d)")

NHS_NUMBER = LazyPattern(r"(?<![\w+.,/-])([1-9]\d\d)([ -]?)(\d{3})\2(\d{4})(?![\w-])")
# Ten digits labelled as another kind of number are that number, whatever their check digit: "Your order number is
# 4471209388", "booking ref: 4471209388" (one in ten runs of ten digits passes the NHS check).
# (The words that label a reference, for phone numbers too: _REFERENCE_LABEL.)
_REFERENCE_WORDS = r"reference|ref|booking|order|case|ticket|invoice|tracking|confirmation"
_OTHER_NUMBER_LABEL = LazyPattern(
    rf"\b(?:{_REFERENCE_WORDS}|application|account|customer|membership|policy|transaction|serial|batch|lot|job|claim|"
    r"complaint|PO|sample|specimen|lab|kit|barcode|test)\s*(?:number|no\.?|num|#|code|id)?"
    # ("your order number for the pelvic floor trainer is 4471209388")
    r"(?:\s+for\s+(?:the|your|his|her|their)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?=is\b|was\b))?\s*(?:is|was|:|=|-)?\s*$",
    re.IGNORECASE,
)

_DIGIT = LazyPattern(r"\d")
# Seven digits with nothing but spaces, punctuation or an extension's "x" between them: every number that
# libphonenumber finds possible has as many (a UK number's national digits, or a country code and its number).
# "Call 999 or 111, open 9am to 5pm" does not, and need not load the library.
_MAYBE_PHONE = LazyPattern(r"\d(?:[\Wx_]*\d){6}")
_DATE = LazyPattern(r"(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")


@lru_cache(maxsize=1)
def _swearing() -> ProfanityMatcher:
    from postcheck.text.profanity import ProfanityMatcher, builtin_words

    return ProfanityMatcher(builtin_words(), [], [])


def _disguised_word(run: str) -> bool:
    """Whether a postcode-shaped run written without its space is a swear word with digits for letters ("bl00dy" is
    no BL0 0DY): the built-in word list reads it whole as one. No real postcode reads so."""
    return any(start == 0 and end == len(run) for start, end, _entry in _swearing().find(run))


@dataclass(frozen=True)
class Contact:
    """A contact detail found in text: where it is, as written, what kind, and a key to compare it by."""

    start: int
    end: int
    raw: str
    kind: str  # "phone number", "e-mail address", "postcode", "street address", "NHS number", "date of birth"...
    key: str  # E.164 for phones, lower-case e-mail, postcode without space, folded address text


def spelled_email_key(raw: str) -> str:
    """The address an e-mail written in words stands for: "jo [at] nhs dot net" -> "jo@nhs.net"."""
    key = re.sub(_SPELLED_AT, "@", raw, count=1, flags=re.IGNORECASE)
    return re.sub(_SPELLED_DOT, ".", key, flags=re.IGNORECASE).lower()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def phone_key(raw: str, region: str = "GB") -> str:
    """A phone number's E.164 form (or its digits when it cannot be parsed), to compare numbers as written."""
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, region)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return _digits(raw)


def fold_address(text: str) -> str:
    """Lower-case words of an address, to compare addresses loosely."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


_EXTENSION = LazyPattern(r"\s*[,;]?\s*(?:ext(?:ension)?\.?|x|#)\s*\d{1,6}$", re.IGNORECASE)


def _is_phone(raw: str) -> bool:
    """Whether a number libphonenumber found is written like a dialable phone number."""
    raw = _EXTENSION.sub("", raw.strip())  # "0113 496 0000 ext 12": the number is the part before
    raw = raw.lstrip("( ") if raw.lstrip("( ").startswith(("+", "00")) else raw  # "(+44 7700 900615)"
    if ":" in raw or _DATE.search(raw):  # a date or a time, not a number to ring
        return False
    digits = _digits(raw)
    if raw.startswith("+"):
        return len(digits) >= 8
    if digits.startswith("00"):
        return _is_international(raw)
    # A national number is written with its trunk 0 and has 10 or 11 digits; years, prices, reference
    # numbers and dates do not look like that.
    return raw.lstrip("(").startswith("0") and 10 <= len(digits) <= 11


def _is_international(raw: str) -> bool:
    """Whether a run written with the 00 prefix is a number, not a reference with leading zeros (000123456).

    A UK number (0044) needs its 9 or 10 national digits, since libphonenumber does not call Ofcom's fictional
    ranges valid; any other must be a valid number for its country.
    """
    import phonenumbers

    if _digits(raw).startswith("000"):
        return False
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return False
    if number.country_code == 44:
        return 9 <= len(str(number.national_number)) <= 10
    return phonenumbers.is_valid_number(number)


# Capitals joined to the digits make them part of a reference code, not a number to ring: "WY-0770-0900-123",
# "ABC07700900123" (a phone's label is written apart or with a colon: "Tel 0113...", "TEL: 0113...", "Mob-07700...").
_CODE_PREFIX = LazyPattern(r"(?<![\w-])(?!(?:TEL|MOB|PH|FAX|TXT|SMS|WA)[-/]?$)[A-Z]{2,4}[-/]?$")
# A number labelled as a reference, with its code of capitals written apart: "a reference like MSE 0123 456 789",
# "Booking ref: MSE 0770 900123" (a phone's label is not one: "ref" is no "tel").
_REFERENCE_LABEL = LazyPattern(
    rf"\b(?:{_REFERENCE_WORDS})\s*(?:number|no\.?|code|id)?\s*(?:is|was|like|:|=|-)?\s*(?:[A-Z]{{2,5}}\s)?$",
    re.IGNORECASE,
)
# A book's or a journal's number after its label is no phone number, though an ISBN-10 may start with 0 and have ten
# digits: "ISBN 0-14-103614-2", "ISBN-10: 0141036142", "ISSN 0140-6736".
_BOOK_LABEL = LazyPattern(r"\b(?:ISBN|ISSN)(?:-?1[03])?:?\s*$", re.IGNORECASE)


# The last part of a reference written as a path from a code of capitals: "MSE/2026/0770900123", "FOI/24-25/0770...".
_REFERENCE_PATH = LazyPattern(r"(?<![\w/])(?!(?:TEL|MOB|PH|FAX|TXT|SMS|WA)/)[A-Z]{2,6}(?:/[A-Za-z0-9-]{1,12}){1,4}/$")


def _is_reference(text: str, start: int) -> bool:
    """Whether the number found at `start` is a reference's: joined to a code of capitals, after a book's label, or
    the last part of a reference written as a path."""
    return bool(
        _CODE_PREFIX.search(text, max(0, start - 8), start)
        or _BOOK_LABEL.search(text, max(0, start - 12), start)
        or _REFERENCE_LABEL.search(text, max(0, start - 40), start)
        or (start and text[start - 1] == "/" and _REFERENCE_PATH.search(text, max(0, start - 60), start))
    )


def find_phone_numbers(text: str, region: str = "GB") -> list[Contact]:
    """Phone numbers libphonenumber finds possible (fictional Ofcom ranges included), outside links and e-mails."""
    if not _MAYBE_PHONE.search(text):
        return []
    from phonenumbers import Leniency, PhoneNumberMatcher

    found = []
    for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
        if _is_phone(match.raw_string) and not _is_reference(text, match.start):
            found.append(Contact(match.start, match.end, match.raw_string, "phone number", phone_key(match.raw_string)))
    if _WRAPPED_DIGITS.search(text):
        # A number the line wrapped ("07700\n900 562") is read once more with its line breaks as spaces; the
        # numbers found whole on one line stand.
        joined = _WRAPPED_DIGITS.sub(lambda m: " " * len(m.group()), text)
        for match in PhoneNumberMatcher(joined, region, leniency=Leniency.POSSIBLE):
            raw = match.raw_string
            if "\n" not in text[match.start : match.end] or any(
                c.start < match.end and match.start < c.end for c in found
            ):
                continue
            if _is_phone(raw) and not _is_reference(text, match.start):
                found.append(
                    Contact(match.start, match.end, text[match.start : match.end], "phone number", phone_key(raw))
                )
        found.sort(key=lambda c: c.start)
    return found


# A line break between two digits, with the spaces either side: a number may go on on the next line (its area code
# in brackets too: "(07700)\n900 318").
_WRAPPED_DIGITS = LazyPattern(r"(?<=\d)[ \t]*\n[ \t]*(?=\d)|(?<=\d\))[ \t]*\n[ \t]*(?=\d)")


# A phone number in words, as people write it to dodge filters: "oh seven seven double oh, nine hundred ..." - eight
# number words or more in a row, read as a UK number when they make one with its trunk 0 (10 or 11 digits).
_NUMBER_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_NUMBER_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double|treble|triple|hundred|thousand)"
SPOKEN_NUMBER = LazyPattern(rf"\b{_NUMBER_WORD}(?:[\s,-]+{_NUMBER_WORD}\b){{7,}}", re.IGNORECASE)


def spoken_digits(words: str) -> str:
    """The digits a run of number words spells: "oh seven double oh" -> "0700"."""
    digits, repeat = [], 1
    for word in re.findall(r"[a-z]+", words.lower()):
        if word in ("double", "treble", "triple"):
            repeat = 2 if word == "double" else 3
            continue
        if word in ("hundred", "thousand"):  # "nine hundred" -> "900"
            digits.append("00" if word == "hundred" else "000")
            continue
        digits.append(_NUMBER_WORDS[word] * repeat)
        repeat = 1
    return "".join(digits)


# A number written partly in words and partly in digits: "oh seven seven double oh 900 531", "07700 900 seven two
# six" - number words and groups of up to five digits, at least one of each, that make a UK number with its trunk 0.
_NUMBER_PART = rf"(?:{_NUMBER_WORD}|\d{{1,5}})"
MIXED_NUMBER = LazyPattern(rf"\b{_NUMBER_PART}(?:[\s,-]+{_NUMBER_PART}\b){{2,}}", re.IGNORECASE)


def _spoken_or_written_digits(run: str) -> str:
    """The digits a run of number words and digit groups spells: "oh 7700 double oh" -> "0770000"."""
    return "".join(
        part if part.isdigit() else spoken_digits(part)
        for part in re.findall(r"\d+|[a-z]+(?:[\s,-]+(?!\d)[a-z]+)*", run.lower())
    )


def _national(digits: str) -> bool:
    """Whether digits spelled out make a UK number as dialled at home: its trunk 0, not 00, and 10 or 11 digits."""
    return digits.startswith("0") and not digits.startswith("00") and 10 <= len(digits) <= 11


# An NHS number's label, a little before its number in words: "under NHS number seven two one, four six five, ...".
_NHS_LABEL_BEFORE = LazyPattern(r"\bNHS\s+(?:number|no\b\.?|num\b)[^.!?\n]{0,20}$", re.IGNORECASE)


def find_spoken_numbers(text: str) -> list[Contact]:
    """Phone numbers written in words, or in words and digits mixed (UK numbers with their trunk 0), and NHS numbers
    in words after their label."""
    found = []
    for m in SPOKEN_NUMBER.finditer(text):
        digits = spoken_digits(m.group())
        if _national(digits):
            found.append(Contact(m.start(), m.end(), m.group(), "phone number", phone_key(digits)))
        elif (
            len(digits) == 10
            and _nhs_checksum_ok(digits)
            and _NHS_LABEL_BEFORE.search(text, max(0, m.start() - 40), m.start())
        ):
            found.append(Contact(m.start(), m.end(), m.group(), "NHS number", digits))
    if not _DIGIT.search(text):
        return found
    for m in MIXED_NUMBER.finditer(text):
        run = m.group()
        if not re.search(r"\d", run) or not re.search(r"[a-z]", run, re.IGNORECASE):
            continue  # digits alone are libphonenumber's to read, words alone SPOKEN_NUMBER's
        digits = _spoken_or_written_digits(run)
        if _national(digits):
            found.append(Contact(m.start(), m.end(), run, "phone number", phone_key(digits)))
    return found


# A number told in two halves, its code and then the rest: "his mobile starts 07700 and then it's 900 418", "07700,
# then 900 418" - a mobile's or a geographic area's code (not a time: "starts 0930 and then it's 100 200 people"), a
# few joining words, then six or seven digits.
SPLIT_NUMBER = LazyPattern(
    r"(?<![\w.,/:-])(07\d{3}|01\d{3}|01\d1|011\d|02\d)"
    r"(?:[\s,]+(?:and|then|it's|it’s|it|is|ends|end|followed|by|the|rest|after|that)){1,4}"
    r"[\s,:-]+(\d{3,4}[ -]?\d{3,4})(?![\w/:.-]\w)(?!\s*(?:am|pm)\b)",
    re.IGNORECASE,
)


def _split_number_key(code: str, rest: str) -> str | None:
    """The E.164 form of a number told in two halves, when together they make a possible UK number."""
    import phonenumbers

    digits = code + _digits(rest)  # the code starts with its trunk 0
    if not _national(digits):
        return None
    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


_IN_AUTHORITY = LazyPattern(r"://[^\s/?#@\\]*\Z")  # after a scheme, before the host: a link's user name or password


def find_contacts(text: str) -> list[Contact]:
    """Every contact detail in `text`, in order; numbers inside links or e-mail addresses are not phone numbers."""
    contacts: list[Contact] = []
    blanked = []
    text = text if text.isascii() else text.translate(_WIDE_MARKS)
    for m in EMAIL.finditer(text):
        if _IN_AUTHORITY.search(text, max(m.start() - _LOCAL_MAX, 0), m.start()):
            continue  # https://nhs.uk@x.com, https://nhs.uk:pass@x.com: a link's user part (L101 reports it)
        if m.group().rsplit(".", 1)[1].lower() not in TLDS:
            continue  # no domain: a file exported at double size, "Asset 7@2x.png"
        contacts.append(Contact(m.start(), m.end(), m.group(), "e-mail address", m.group().lower()))
        blanked.append((m.start(), m.end()))
    # "jo [at] nhs.net": the domain alone looks like a link, so spelled addresses are found before links.
    for start, end in find_spelled_emails(masked(text, blanked) if blanked else text):
        raw = text[start:end]
        contacts.append(Contact(start, end, raw, "e-mail address", spelled_email_key(raw)))
        blanked.append((start, end))
    emails = list(blanked)
    links = [link for link in find_links(text) if not any(s < link.end and link.start < e for s, e in emails)]
    blanked += [(link.start, link.end) for link in links]
    for link in links:
        number = _CHAT_NUMBER.search(link.raw) if _CHAT_LINK.search(link.host) else None
        if number is not None:
            key = phone_key("+" + number.group(1))
            contacts.append(Contact(link.start, link.end, link.raw, "phone number", key))
    rest = masked(text, blanked) if blanked else text
    spoken = find_spoken_numbers(rest)
    contacts += spoken
    if spoken:  # a number partly in digits is not read again by libphonenumber
        rest = masked(rest, [(c.start, c.end) for c in spoken])
    if not _DIGIT.search(rest):  # every other kind has a digit
        contacts.sort(key=lambda c: c.start)
        return contacts
    dialled = _O_FOR_ZERO.sub(lambda m: m.group().translate(_ZERO) if len(_digits(m.group())) >= 3 else m.group(), rest)
    contacts += [
        Contact(c.start, c.end, text[c.start : c.end], c.kind, c.key) if dialled is not rest else c
        for c in find_phone_numbers(dialled)
    ]
    taken = sorted((c.start, c.end) for c in contacts)  # do not overlap, so ends rise with starts

    def add(start: int, end: int, raw: str, kind: str, key: str) -> None:
        """Keep a detail found where no earlier one is (the last range that starts before `end` ends by `start`)."""
        i = bisect.bisect_left(taken, (end,)) - 1
        if i < 0 or taken[i][1] <= start:
            contacts.append(Contact(start, end, raw, kind, key))
            bisect.insort(taken, (start, end))

    for m in SPLIT_NUMBER.finditer(rest):
        key = _split_number_key(m.group(1), m.group(2))
        if key is not None:
            add(m.start(), m.end(), m.group(), "phone number", key)
    # (An NHS number the line wrapped, "671 750\n5486", is read with its line break as a space.)
    for m in NHS_NUMBER.finditer(_WRAPPED_DIGITS.sub(lambda w: " " * len(w.group()), rest) if "\n" in rest else rest):
        digits = m.group(1) + m.group(3) + m.group(4)
        if _nhs_checksum_ok(digits) and not _OTHER_NUMBER_LABEL.search(rest, max(0, m.start() - 70), m.start()):
            add(m.start(), m.end(), m.group(), "NHS number", digits)
    for m in FLAT_ADDRESS.finditer(rest) if "Flat" in rest or "Ap" in rest else ():
        add(m.start(), m.end(), m.group(), "street address", fold_address(m.group()))
    # The record numbers are told by their labels: in ASCII text (where IGNORECASE and lower() agree) a text without
    # one needs no search.
    lowered = rest.lower() if rest.isascii() else None

    def labelled(*labels: str) -> bool:
        return lowered is None or any(label in lowered for label in labels)

    for m in DATE_OF_BIRTH.finditer(rest) if labelled("dob", "d.o.b", "birth") else ():
        add(m.start(), m.end(), m.group(), "date of birth", _digits(m.group()))
    for m in NI_NUMBER.finditer(rest):
        if m.group(1) or _NI_LABEL.search(rest, max(0, m.start() - 40), m.start()):
            add(m.start(), m.end(), m.group(), "National Insurance number", m.group().replace(" ", ""))
    for m in HOSPITAL_NUMBER.finditer(rest) if labelled("hospital", "mrn") else ():
        number = m.group("number")
        add(m.start("number"), m.end("number"), number, "hospital number", number.upper())
    for m in STREET_ADDRESS.finditer(rest):
        if re.match(r"\d+[A-Za-z]?,", m.group()) and _LABEL_BEFORE_NUMBER.search(
            rest, max(0, m.start() - 20), m.start()
        ):
            continue  # "Gate 3, Elland Road": the gate's number
        if _VENUE_BEFORE_NUMBER.search(rest, max(0, m.start() - 60), m.start()):
            continue  # "at the Carriageworks, 3 Millennium Square": a public venue's address
        add(m.start(), m.end(), m.group(), "street address", fold_address(m.group()))
    for m in UNSUFFIXED_STREET_ADDRESS.finditer(rest) if "," in rest else ():
        start, address = m.start("address"), m.group("address")
        hour = _HOUR_AT.match(rest, max(0, start - 3)) is not None
        if hour and not _HOME_VISIT.search(rest, max(0, start - 40), start):
            continue  # "at 10 The Forum, Southend": ten o'clock at a venue
        add(start, m.end(), address, "street address", fold_address(address))
    for m in POSTCODE.finditer(rest):
        raw = m.group()
        if " " not in raw and _disguised_word(raw):
            continue  # "a bl00dy nightmare": a word with digits for letters, not BL0 0DY
        if raw.isupper() or raw.islower():
            add(m.start(), m.end(), raw, "postcode", raw.replace(" ", "").upper())
    contacts.sort(key=lambda c: c.start)
    return contacts


class AllowedContacts:
    """The organisation's own contact details (moderation.allowed-contacts), plus public service numbers. Read on
    the first contact found: most posts have none, and reading a phone number loads libphonenumber."""

    def __init__(self, entries: list[str] | tuple[str, ...]):
        self.entries = [entry.strip() for entry in [*PUBLIC_NUMBERS, *entries] if entry.strip()]

    @cached_property
    def keys(self) -> set[str]:
        keys: set[str] = set()
        for entry in self.entries:
            if EMAIL.fullmatch(entry):
                keys.add(entry.lower())
            elif re.fullmatch(r"[\d\s()+.-]+", entry):
                keys.update((_digits(entry), phone_key(entry)))
            keys.update(c.key for c in find_contacts(entry))
        keys.discard("")
        return keys

    @cached_property
    def addresses(self) -> list[str]:
        return [fold_address(entry) for entry in self.entries]

    def allows(self, contact: Contact) -> bool:
        """Whether a found contact is one of ours."""
        if contact.key in self.keys:
            return True
        if contact.kind == "street address":
            return any(contact.key in entry for entry in self.addresses if entry)
        return False
