"""Staff names as people write them (M103): accent-folded, apostrophes and hyphens made plain, any case."""

from __future__ import annotations

import re
from functools import lru_cache

from postcheck.text import CAMEL_WORD, LazyPattern


def fold_name_text(text: str) -> str:
    """`text` as names are compared, one character for one: accents dropped, curly apostrophes and dashes
    made plain, lower case (Siobhán O’Neill -> siobhan o'neill)."""
    import unicodedata

    out = []
    for ch in text:
        if ch.isascii() and ch != "`":  # (the backtick typed for an apostrophe is the one ASCII mark)
            out.append(ch.lower())
            continue
        ch = _NAME_MARKS.get(ch, ch)
        base = unicodedata.normalize("NFD", ch)[0]
        lower = base.lower()
        out.append(lower if len(lower) == 1 else base)
    return "".join(out)


_NAME_MARKS = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", "\u00a0": " "}
# Letters with a stroke or without a dot have no decomposition, so NFD keeps them: "Łukasz" is written "Lukasz".
_NAME_MARKS |= {"Ł": "l", "ł": "l", "Ø": "o", "ø": "o", "Đ": "d", "đ": "d", "Ħ": "h", "ħ": "h", "ı": "i"}
_APOSTROPHE_OR_SPACE = r"(?:'\s?|\s)?"  # O'Neill, ONeill, O Neill, O' Neill
_TITLE_WORDS = (
    r"dr|doctor|mr|mrs|ms|mx|miss|prof|professor|sir|dame|nurse|sister|matron|midwife|rev|revd|reverend|cllr|councillor"
)
# A title as it is abbreviated or spelled out: "Dr Khan" = "Doctor Khan" = "Doc Khan" ("Doc" Capitalised only, which the
# rule checks: "the Word doc Martin sent" is no title).
_SPELLED_TITLES = {"dr": "doctor", "prof": "professor", "rev": "reverend", "cllr": "councillor"}
_INFORMAL_TITLES = {"dr": "doc", "doctor": "doc"}
_TITLES = LazyPattern(rf"^(?:(?:{_TITLE_WORDS})\.?\s+)+", re.I)
# A name inside the name of a place or fund is not the person: the Mary Seacole Ward, the Ahmed Khan Foundation, Dawn
# Wood Nature Reserve.
# What a place, fund or prize is for, in a word or two between the name and its word ("the Ahmed Khan Community Hall",
# "the Jane Example Community Pharmacy Award").
_PURPOSE = (
    r"(?:community|health|medical|sports?|leisure|day|resource|learning|education|wellbeing|youth|family|children's|"
    r"cancer|dental|research|training|teaching|conference|hardship|charity|benevolent|bereavement|carers'?|nursing|"
    r"arts?|music|innovation|excellence|achievement|pharmacy|patient|volunteer|staff|student|mental\s+health|"
    r"respiratory|cardiac|stroke|diabetes|maternity|midwifery|paediatric|palliative|hospice|emergency|surgical|clinical|"
    r"leadership|quality|safety|service|autism|dementia|primary\s+care|critical\s+care|long\s+service|lifetime)"
)
_MAILBOX_GOES_ON = r"[.+][\w.+-]*@"  # more of an e-mail address's mailbox after the name
_NAMED_AFTER = (
    # ... also with what the place is for between ("the Ahmed Khan Community Hall", "@DawnWoodCommunityCentre").
    rf"{_PURPOSE}(?:\s+{_PURPOSE})?\s+(?:centre|center|hall|hub|clinic|unit|ward|house|room|"
    r"suite|building|wing|garden|"
    # ... and before a fund's, a prize's or a lecture's word ("The Jane Example Wellbeing Fund", "the Ahmed Khan Nursing
    # Award"): named after the person, not the person.
    r"fund|trust|foundation|awards?|prize|scholarship|bursary|appeal|lecture|cup|trophy|grant|fellowship)|"
    r"ward|unit|wing|building|house|centre|center|foundation|trust|fund|award|lecture|prize|suite|room|"
    r"library|hall|road|street|lane|avenue|way|school|academy|college|hospital|practice|surgery|pharmacy|"
    r"park|reserve|nature\s+reserve|gardens?|museum|gallery|stadium|arena|institute|drive|crescent|grove|terrace|"
    r"bridge|forest|mews|square|lodge|court(?!\s+(?:case|hearing|appearance|date|order|papers))|"
    # ... or a cup, a trophy, a memorial ("The Ahmed Khan Memorial Cup"; not "memorial service", which is hers).
    r"cup|trophy|shield|scholarship|bursary|memorial(?!\s+(?:service|event|mass|gathering|walk|bench|plaque|tree|fund\s+for\s+(?:her|him|them|jane|\w+'s)\b))"
)


# The particles that open a surname and belong to it: "van der Berg", "Ó Briain", "Al-Hassan", "de la Cruz".
_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "le", "la", "les", "al", "el",
    "bin", "ibn", "bint", "binti", "bte", "bt", "ap", "o", "mac", "mc", "ni", "nic", "ua", "st", "ter", "ten", "zu",
})  # fmt: skip
# A Malay or Arabic patronymic ("Nurul Aisyah binti Ahmad") is left out as often as written, or abbreviated ("bt Ahmad",
# "b. Ahmad"): optional in the post, in any of its forms.
_PATRONYMICS = frozenset({"bin", "binti", "bint", "bte", "bt", "ibn"})
_PATRONYMIC = r"(?:binti|bint|bin|bte|bt\.?|ibn|b\.)"
# "y" between two Spanish surnames (Catalan "i", Portuguese "e") joins them and is often left out: "García y López" is
# "García López" and "García-López".
_SURNAME_AND = frozenset({"y", "i", "e"})
# Between the pieces of a surname (its hyphenated parts, its particles): a hyphen, a space, an apostrophe or nothing
# ("Ellis-Jones" = "Ellis Jones", "Ó Briain" = "O'Briain" = "OBriain", "Al-Hassan" = "Al Hassan").
_SURNAME_JOIN = r"(?:'\s?|[\s-])?"


# Words that name a place by a letter or number after them: "Ward J", "Unit B", "Bay C", "Gate A".
_LETTERED_PLACES = frozenset({
    "ward", "unit", "bay", "wing", "block", "gate", "zone", "level", "floor", "room", "theatre", "clinic", "suite",
    "pod", "area", "platform", "court", "house", "lane",
})  # fmt: skip


def _name_words(folded: str) -> tuple[list[str], list[str]]:
    """A folded name without its title as (first names, surname pieces): the surname is the last word with its
    hyphenated parts and the particles before it ("ellis-jones", "van der berg", "o briain"), the first names the
    words before, a hyphen splitting them too ("mary-jane")."""
    tokens = folded.split()
    if len(tokens) < 2:
        pieces = [piece for piece in re.split(r"[\s-]+", folded) if piece.strip("'")]
        return pieces[:-1], pieces[-1:]
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1] in _PARTICLES:
        start -= 1
    if start > 2 and tokens[start - 1] in _SURNAME_AND:  # "garcia y lopez": both surnames
        start -= 2
        while start > 1 and tokens[start - 1] in _PARTICLES:
            start -= 1
    first = [piece for token in tokens[:start] for piece in token.split("-") if piece.strip("'")]
    surname = [piece for token in tokens[start:] for piece in token.split("-") if piece.strip("'")]
    return first, surname


def _surname(pieces: list[str]) -> str:
    """A surname's pieces as a pattern: "ellis-jones" also "ellis jones", "o'neill" also "oneill", "o neil"; a
    patronymic ("binti") or a joining "y" may be left out ("Nurul Aisyah Ahmad", "García López")."""
    out = []
    for i, piece in enumerate(pieces):
        if piece in _PATRONYMICS and i + 1 < len(pieces):
            out.append(rf"(?:{_PATRONYMIC}{_SURNAME_JOIN})?")
        elif piece in _SURNAME_AND and 0 < i < len(pieces) - 1:
            out.append(rf"(?:{_SURNAME_JOIN}{re.escape(piece)})?{_SURNAME_JOIN}")
        else:
            out.append(
                _word(piece) + (_SURNAME_JOIN if i + 1 < len(pieces) and pieces[i + 1] not in _SURNAME_AND else "")
            )
    return "".join(out)


def _word(word: str) -> str:
    """A word of a name as a pattern, its apostrophe kept, left out or written as a space."""
    return _APOSTROPHE_OR_SPACE.join(_name_piece(piece) for piece in word.split("'"))


_RUNS_OF_A_LETTER = LazyPattern(r"(.)\1*")
_MC = LazyPattern(r"ma?c(?=[a-z]{3})")
_MC_WRITTEN = LazyPattern(r"^Ma?c(?=[A-Z]{3})")


def _name_piece(piece: str) -> str:
    """A part of a name as a pattern, a doubled letter also written once ("neill" -> "neil{1,2}"), a hyphen between
    any two of its letters ("Xiaoming" written "Xiao-ming", as pinyin splits its syllables), and a space after Mc or
    Mac ("Mc Allister")."""
    mc = _MC.match(piece)
    head = re.escape(mc.group()) + r"[\s-]?" if mc else ""
    runs = [m.group() for m in _RUNS_OF_A_LETTER.finditer(piece[mc.end() if mc else 0 :])]
    return head + "-?".join(
        re.escape(run[0]) + ("{1,2}" if len(run) == 2 else "") if len(run) <= 2 else re.escape(run) for run in runs
    )


def _bare_name(name: str) -> str:
    """A listed name folded, without its title ("Dr Chloé Martin" -> "chloe martin")."""
    return _TITLES.sub("", fold_name_text(name).strip())


def name_pattern(name: str) -> re.Pattern[str] | None:
    """A listed name as people write it: without its title, any case and accents, an apostrophe kept, left out or
    written as a space ("O Neill"), a doubled letter written once ("O'Neil"), hyphens or spaces between its parts,
    whole words only; a possessive ('s) is still the person."""
    bare_name = _bare_name(name)
    words, pieces = _name_words(bare_name)
    if not pieces:
        return None
    parts, surname = [_word(word) for word in words], _surname(pieces)
    # A last first name that stands as a word of its own may be the first half of a double-barrelled surname written
    # without its hyphen ("Harriet Forbes Hamilton"): the forms that set the surname apart read it so as well ("FORBES
    # HAMILTON, Harriet", "Harriet 'Hattie' Forbes Hamilton", "H. Forbes Hamilton").
    tokens = bare_name.split()
    double = len(words) >= 2 and len(tokens) >= 3 and "-" not in tokens[-2] and tokens[-2] == words[-1]
    two_surnames = _surname([words[-1], *pieces]) if double else ""
    # First names may run together ("MaryJane Smith"); the surname stands apart ("Dawnwood" is another name).
    written = r"[\s-]*".join(parts) + (r"[\s-]+" if parts else "") + surname
    if parts:
        # The first names as initials, the last with a full stop: "S. O'Neill", "S.O'Neill", "M-J. Smith", "M.J. Smith"
        # (a bare "A Khan" would be an article).
        initials = r"[.\s-]*".join(re.escape(word[0]) for word in words)
        # A middle initial may follow, with its full stop: "A. K. Kumar".
        written += "|" + initials + r"\.\s*(?:[a-z]\.\s*)?" + surname
        if double:
            written += "|" + r"[.\s-]*".join(re.escape(word[0]) for word in words[:-1]) + r"\.\s*" + two_surnames
        # ... or in capitals with no full stop, as a rota or a letter writes them: "D Wood", "MJ Smith", "M-J Smith"
        # (kept only where the post writes the initials in capitals; a lone "A" or "I" is a word, not an initial).
        bare = r"[\s-]?".join(re.escape(word[0]) for word in words)
        # (with a double-barrelled surname, the initials of the first names before it: "H Forbes Hamilton")
        bare_before = r"[\s-]?".join(re.escape(word[0]) for word in words[:-1]) if double else ""
        if len(words) > 1 or words[0][:1] not in ("a", "i"):
            if double:
                written += rf"|(?P<bare>{bare}|(?P<double_bare>{bare_before}))\s+"
                written += rf"(?(double_bare){two_surnames}|{surname})"
            else:
                written += rf"|(?P<bare>{bare})\s+{surname}"
        # Surname first, as a list or a rota writes it: "Khan, Ahmed (Dr)", "KHAN, Dr Ahmed - GP partner", "O'Neill,
        # Siobhan - continence lead"; a bracket, a comma, a dash or the end must follow, or "the wood, dawn chorus"
        # would be a name.
        first = r"[\s-]+".join(parts)
        first_before = r"[\s-]+".join(parts[:-1]) if double else ""
        # A middle name or initial between the first names and the surname: "Dawn Elizabeth Wood", "Dawn E. Wood", or a
        # nickname in quotes or brackets, "Dawn 'Woody' Wood" (the rule keeps it only where the post Capitalises it:
        # "Dawn and Wood" is no name).
        middle = rf"(?!(?:and|or|from|the|of|at|in|on|by|to|with|for|{_TITLE_WORDS})\b)[a-z][a-z']*\.?"
        if double:
            written += rf"|(?:{first}|(?P<double_middle>{first_before}))\s+['\"“(]?(?P<middle>{middle})['\"”)]?\s+"
            written += rf"(?(double_middle){two_surnames}|{surname})"
        else:
            written += rf"|{first}\s+['\"“(]?(?P<middle>{middle})['\"”)]?\s+{surname}"
        # (the surname as written is kept apart: in lower case it is a word, "the salt marsh, David!")
        if double:
            written += rf"|(?P<comma>(?P<double_comma>{two_surnames})|{surname}),\s*(?:(?:{_TITLE_WORDS})\.?\s+)?"
            written += rf"(?(double_comma){first_before}|{first})(?=\s*(?:[(),;:.!?]|[-–]\s|$))"
        else:
            written += rf"|(?P<comma>{surname}),\s*(?:(?:{_TITLE_WORDS})\.?\s+)?{first}(?=\s*(?:[(),;:.!?]|[-–]\s|$))"
        # ... or the first names as initials in capitals, as rotas write them: "Khan A. (Sat)", "Smith, M-J (Ward 4)".
        # A surname that also labels a place by a letter needs the comma: "Ward J (cardiology)" is a ward, as "Unit B"
        # or "Bay C" would be; "Ward, J (Sat)" is still the rota's.
        comma = "," if "".join(pieces) in _LETTERED_PLACES else ",?"
        written += rf"|{surname}{comma}\s+(?P<after>{bare})\.?(?=\s*(?:[(),;:!?]|[-–]\s|$))"
        # ... or surname first with no comma, the surname in capitals as many lists and countries write it to mark
        # which name is which ("OKAFOR Chukwuemeka", "NAGY Zoltán"); the rule keeps it only where the surname is in
        # capitals and the first name is not: without them "Martin Lee" would be Lee Martin.
        if double:
            written += rf"|(?P<upper>(?P<double_upper>{two_surnames})|{surname})\s+"
            written += rf"(?P<given>(?(double_upper){first_before}|{first}))"
        else:
            written += rf"|(?P<upper>{surname})\s+(?P<given>{first})"
    # (Not an e-mail address's mailbox: "j.example@example.nhs.uk", "j.example.comms@nhs.net".)
    return re.compile(
        rf"(?<!\w)(?<!\w')(?:{written})(?![\w@-]|{_MAILBOX_GOES_ON})(?!\s+(?:{_NAMED_AFTER})\b)",
        re.IGNORECASE,
    )


# (Not the pronoun "I": "The Dr. Khan I saw on Monday"; a middle initial "I." is another person's name.)
# An @handle, its name run together ("@DawnWood") or joined by underscores or dots ("@dawn_wood", "@dawn.wood", as
# Instagram and Bluesky write them); not an e-mail address's domain ("dawn.wood@nhs.net"), nor a full stop after it.
HANDLE = LazyPattern(r"(?<![\w@.])@([A-Za-z0-9_]{2,50}(?:\.[A-Za-z0-9_]{1,50}){0,5})")
_HANDLE_JOINS = LazyPattern(r"[_.]")


def handle_words(handle: str) -> list[str]:
    """The words of an @handle (without its @): its parts between underscores or dots, CamelCase split."""
    return [word for part in _HANDLE_JOINS.split(handle) for word in CAMEL_WORD.findall(part)]


# Words a handle or hashtag adds to a name for the person's role: "@DrKhanGP", "@dawnwood_nurse", "@DawnWood72".
_ROLE_WORDS = (
    r"nurse|rn|rgn|gp|dr|doc|md|nhs|pals|midwife|physio|hca|matron|sister|consultant|surgeon|official|pharmacist|"
    r"orthoptist|dietitian|podiatrist|audiologist|therapist|counsellor|psychologist|cpn|anp|acp|slt|hv|phlebotomist|"
    r"paramedic|radiographer|sonographer|optometrist|hygienist|dentist|\d+"
)
# (After "'s", a day or a season names when her group or clinic is, not another person: "Mrs Example's Tuesday group".)
NEXT_CAPITAL = LazyPattern(
    r"(?:'s(?!\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Christmas|Easter|New\s+Year|Spring|Summer|Autumn|Winter)\b))?"
    r"\s+(?!I(?:'[a-z]+)?(?![\w.]))[A-Z]"
)
_NEXT_WORD = LazyPattern(r"[A-Za-z']+")


def another_name_follows(original: str, m: re.Match[str]) -> bool:
    """Whether a capitalised word follows a title and surname, making them part of another person's name ("Dr Khan
    Ahmedov"); where the name and that word are both in capitals the post is shouting, and the capital says
    nothing ("DR OKONKWO WILL SEE YOU", "DR KHAN A&E")."""
    after = NEXT_CAPITAL.match(original, m.end())
    if after is None:
        return False
    word = _NEXT_WORD.match(original, after.end() - 1)
    shouted = original[m.start() : m.end()].isupper() and word is not None and word.group().isupper()
    return not shouted


# Where a title and surname run together in a hashtag end the name: the tag's end or a joining word ("#ThanksDrKhan",
# "#DrKhanAndTeam", "#DrKhanForPresident"); any other word is more of the name ("#DrMartinLutherKing").
HASHTAG_NAME_ENDS = LazyPattern(rf"(?:\s+(?:and|for|from|at|of|in|on|the|team|you|rocks|{_ROLE_WORDS})\b|$)")


def _title_written(word: str, *, informal: bool = True) -> str:
    """A title as a pattern, abbreviated (with or without its full stop) or spelled out: "dr" -> "dr.", "doctor"."""
    spelled = {**_SPELLED_TITLES, **{v: k for k, v in _SPELLED_TITLES.items()}}.get(word)
    casual = _INFORMAL_TITLES.get(word) if informal else None
    forms = [re.escape(word) + r"\.?"] + ([re.escape(spelled) + r"\.?"] if spelled else [])
    forms += [rf"(?P<informal>{re.escape(casual)})"] if casual else []
    return "(?:" + "|".join(forms) + ")"


# The titles that may stand before the surname of a name listed without one.
_COURTESY_TITLES = (
    r"mr|mrs|ms|mx|miss|dr|doctor|prof|professor|nurse|sister|matron|midwife|rev|revd|reverend|cllr|councillor|"
    r"major|captain|capt|sergeant|sgt|colonel|col|lieutenant|lt|corporal|cpl|commander|cdr"  # a rank, as a veteran's
)


def _initial(folded_name: str) -> str:
    """The first letter of a name's first name, as a pattern for an initial between a title and a surname."""
    return re.escape(folded_name[:1])


def title_surname_pattern(name: str) -> re.Pattern[str] | None:
    """A listed name as a title and its surname: its own title ("Dr Ahmed Khan": "Dr Khan", "dr. khan"), or, listed
    without one, a title people put before a surname ("Jane Example": "Ms Example", "Dr Example", "Nurse Example",
    "Matron Example")."""
    folded = fold_name_text(name).strip()
    title = _TITLES.match(folded)
    words, pieces = _name_words(folded[title.end() :] if title else folded)
    if not words:
        return None
    # The whole surname: "Dr Ellis-Jones", "Prof van der Berg" (not "Dr Jones", "Prof Berg": other people).
    surname = _surname(pieces)
    if title:
        titles = r"\s+".join(
            _title_written(word.rstrip(".").lower(), informal=i == 0) for i, word in enumerate(title.group().split())
        )
    else:
        titles = rf"(?:{_COURTESY_TITLES})\.?"
    # A middle initial may follow: "Dr A. K. Kumar", "DR A K KUMAR".
    initial = _initial(words[0]) + r"\.?(?:\s*[a-z]\.|\s[a-z](?=\s))?"
    return re.compile(
        # The title's full stop may join the surname ("dr.khan"); not inside an e-mail address ("dr.khan@nhs.net"). The
        # first name's initial may stand between, with or without its full stop ("Dr C Martin", "DR A KHAN").
        rf"(?<!\w){titles}(?:\s+{initial})?(?:\s+|(?<=\.)){surname}(?![\w@-]|{_MAILBOX_GOES_ON})(?!(?:'s)?\s+(?:{_NAMED_AFTER})\b)",
        re.IGNORECASE,
    )


# A job at the service, which a first name set beside it identifies: "Jane, our thyroid nurse specialist", "Our
# safeguarding lead nurse, Jane," (not "Jane, our patient of the month").
_JOB = (
    r"nurse|midwife|matron|sister|doctor|gp|consultant|surgeon|physio|physiotherapist|pharmacist|visitor|"
    r"lead|manager|specialist|practitioner|receptionist|co-?ordinator|navigator|therapist|dietitian|dietician|"
    r"paramedic|hca|assistant|director|officer|clinician|worker|champion|educator|advocate|administrator|secretary|"
    r"phlebotomist|radiographer|sonographer|optometrist|orthoptist|podiatrist|audiologist|technician"
)


def first_name_job_pattern(name: str) -> re.Pattern[str] | None:
    """A listed name's first name set off beside a job at the service, in the folded text: "Jane, our ENT specialist
    nurse" or "our safeguarding lead nurse, Jane" (a first name alone is anyone's; set beside the job it names the
    listed person). Not run into the job ("our nurse Jane", as a name in passing), nor where a surname follows ("our
    nurse, Jane Smith": another person)."""
    words, _ = _name_words(_bare_name(name))
    if not words:
        return None
    first = _word(words[0])
    # (Where the job is may follow it: "Jane, our bereavement lead at the ICB, will be there".)
    # (Or what the job is for: "Jane, our lead for pregnancy loss at the ICB, will be there".)
    where = r"(?:\s+(?:at|in|for|on)\s+(?:the\s+)?[\w'&-]+(?:\s+[\w'&-]+)?){0,2}?"
    job = rf"(?:our|the(?:\s+[\w-]+'s)?)\s+(?:[\w'&-]+\s+){{0,4}}?(?:{_JOB}){where}"
    return re.compile(
        # (The job closed by its own punctuation, so that the reader greeted is not read as the one with the job: "Hi
        # Jane, our nurse will call you".)
        rf"(?<![\w@.-]){first}\s*(?:,|\(|-|–)\s*{job}(?=\s*(?:[,).!;–]|-\s|$))|"
        rf"(?<![\w-]){job}\s*(?:,|\(|-|–)\s*{first}(?![\w@-])",
        re.IGNORECASE,
    )


# A street's word Capitalised after the name makes it the street's: "the Dawn Wood Close bungalows".
_STREET_AFTER = LazyPattern(
    r"\s+(?:Close|Rise|Fold|Row|Croft|Garth|Mount|Green|Hill|Vale|Chase|Wynd|Approach|View|Walk|Bank|Gate|Brow|"
    r"Heights|Place|Parade|Boulevard|Meadows?|Estate)\b"
)
# A fund or a prize named after the person, what it is for in a word or two Capitalised between, whatever the words:
# "the Jane Example Travel Health Award", "The Jane Example Endometriosis Fund" (_NAMED_AFTER lists the common ones in
# any case; "Jane Example won the Wellbeing Award" is still hers).
_PRIZE_AFTER = LazyPattern(
    r"(?:\s+[A-Z][\w'-]*[a-z][\w'-]*){1,2}\s+(?:Fund|Awards?|Prize|Scholarship|Bursary|Appeal|Lecture|Cup|Trophy|Shield|"
    # ... or a place named after her: "the Jane Example Eye Unit", "the Jane Example Day Centre", "The Jane Example
    # Sensory Room".
    r"Grant|Fellowship|Foundation|Trust|Unit|Wing|Centre|Center|Suite|Building|Hub|Garden|Library|Lounge|Room)\b"
)


def written_as_a_name(original: str, m: re.Match[str]) -> bool:
    """Whether a match of a listed name's pattern is written as a name in the post (its offsets are the post's, the
    fold keeping them): a middle name Capitalised ("Dawn Elizabeth Wood", not "Dawn and Wood"), "Doc" Capitalised,
    initials without full stops in capitals ("D Wood", not "a wood"), no street's word after it ("Dawn Wood Close"),
    not the idiom "ward to ward", not the end of a longer hyphenated name ("Mary-Jane Example")."""
    # A name inside a longer hyphenated name is another person's: "Mary-Jane Example" for Jane Example (a hyphen with a
    # letter before it; a dash typed between words is no part of a name: "thanks—Jane Example").
    if m.start() >= 2 and original[m.start() - 1] in "-\u2010\u2011" and original[m.start() - 2].isalpha():
        return False
    for group in ("middle", "informal"):
        start = m.start(group) if group in m.re.groupindex else -1
        if start >= 0 and not original[start : start + 1].isupper():
            return False
    # A surname before its comma in lower case throughout is a word: "the salt marsh, David!" (its particles may be in
    # lower case: "van der Berg, Anne-Marie").
    start = m.start("comma") if "comma" in m.re.groupindex else -1
    if start >= 0 and original[start : m.end("comma")].islower():
        return False
    for group in ("bare", "after", "upper"):
        start = m.start(group) if group in m.re.groupindex else -1
        # (a surname in capitals keeps its Mc or Mac as written: "McALLISTER Ruth")
        if start >= 0 and not _MC_WRITTEN.sub("", original[start : m.end(group)]).isupper():
            return False
    start = m.start("given") if "given" in m.re.groupindex else -1
    if start >= 0 and (
        original[start : m.end()].isupper()
        or not original[start].isupper()
        # (a Capitalised word after makes the first name part of a title's: "the WOOD Dawn Chorus walk")
        or NEXT_CAPITAL.match(original, m.end()) is not None
    ):
        return False
    # A surname that is a modal verb, in lower case before its verb, is the verb: "amazing grace may be".
    last = _WORD.findall(original[m.start() : m.end()])[-1]
    if last.islower() and _MODAL_SURNAME.match(original, m.end() - len(last)) is not None:
        return False
    if _STREET_AFTER.match(original, m.end()) is not None or _PRIZE_AFTER.match(original, m.end()) is not None:
        return False
    # A surname that is a common noun, said twice round "to" or "by", is the idiom: "bring joy ward to ward", "ward by
    # ward", as "door to door" (not the person: "Joy Ward to speak at the AGM").
    again = _SAID_AGAIN.match(original, m.end())
    return again is None or again.group(1).lower() != _WORD.findall(m.group())[-1].lower()


# A surname that is also a modal verb (May, Will), in lower case and followed by the verb it governs, is the verb:
# "amazing grace may be the favourite", "hope will help" (not "thanks to grace may in PALS").
_MODAL_SURNAME = LazyPattern(
    r"(?:may|will|can|must)\s+(?:not\s+|also\s+|still\s+|well\s+|just\s+|never\s+|always\s+|soon\s+)?"
    r"(?:be|have|help|need|want|come|go|get|take|make|find|feel|see|look|like|seem|bring|give|join|start|"
    r"change|mean|cause|work|open|close|run|win|vary|apply|happen|affect|include|depend|return|"
    # ... or the wish, the verb before its subject: "by grace may we all find peace".
    r"we|you|they|he|she|it|i|all|god|peace)\b"
)
# "to" or "by" and a word after a name, for the "ward to ward" idiom, compared with the name's own last word.
_SAID_AGAIN = LazyPattern(r"\s+(?:to|by)\s+([A-Za-z]+)\b")
_WORD = LazyPattern(r"\w+")


@lru_cache(maxsize=16)
def _joined_forms(staff: tuple[str, ...]) -> dict[str, tuple[str, bool]]:
    """Each listed name run together in lower case, as a handle or hashtag writes it ("dawnwood", "drkhan"): the same
    name with spaces, as the patterns read it, and whether it carries a title."""
    forms = {}
    for name in staff:
        folded = fold_name_text(name).strip()
        title = _TITLES.match(folded)
        bare = re.split(r"[\s'-]+", folded[title.end() :] if title else folded)
        forms["".join(bare)] = (" ".join(bare), False)
        surname = [
            part
            for piece in _name_words(folded[title.end() :] if title else folded)[1]
            for part in piece.split("'")
            if part
        ]
        if title and len(bare) > 1:
            word = title.group().split()[0].rstrip(".")
            forms[word + "".join(surname)] = (" ".join([word, *surname]), True)
        elif len(bare) > 1:
            # (A name listed without a title, by a clinician's title before its surname: "#askdrexample".)
            for word in ("dr", "doctor", "nurse", "prof", "professor", "matron", "sister", "midwife"):
                forms[word + "".join(surname)] = (" ".join([word, *surname]), True)
    return {joined: form for joined, form in forms.items() if len(joined) >= 5}


_LOWER_RUN = LazyPattern(r"[a-z]{5,}")
# (A role with its field run in: "@janeexample_adhdnurse".)
_ROLE = LazyPattern(rf"(?:{_ROLE_WORDS}|[a-z]{{2,8}}(?:nurse|midwife|physio|pharmacist))$")
# The words a hashtag addresses a person with before her name run together ("#thankyoudawnwood", "#teamdawnwood"); a
# name after any other word may be a place's ("#visitdawnwood" for the wood). A title makes it a person's anyway.
_ADDRESSED = LazyPattern(
    r"(?:thanks?|thankyou|thx|ty|welldone|congrats|congratulations|retirement|birthday|welcome|farewell|goodbye|ask|"
    r"meet|go|team|proudof|shoutout|cheers|bravo|hero|legend|"
    # (A title or a job before the name is hers: "@nursejaneexample", "#sisterjaneexample".)
    rf"{_TITLE_WORDS})$"
)


def _unjoined(words: list[str], joined: dict[str, tuple[str, bool]], kind: str) -> list[str]:
    """A run's words with a listed name run together in lower case spelled apart, where the run writes it as the
    person's: after words that address her in the same piece ("#thankyoudawnwood"), after anything with a title
    ("#askdrkhan"), or before a role ("@dawnwood_nurse"); not before another word of a business or place
    ("@dawnwood.photography", "#dawnwoodlandwalk"), nor after a word that makes it a place ("#visitdawnwood"). A
    handle that is the name and nothing else is the person's ("@aoifenibhriain"); a hashtag so written may be the
    place's ("#dawnwood")."""
    out = []
    for i, word in enumerate(words):
        spelled = None
        if _LOWER_RUN.fullmatch(word):
            for form, (spaced, titled) in joined.items():
                lead = word[: -len(form)]
                alone = kind in ("handle", "link") and len(words) == 1
                if word == form and (alone or (i + 1 < len(words) and _ROLE.match(words[i + 1].lower()))):
                    spelled = spaced
                elif lead and word.endswith(form) and (titled or _ADDRESSED.search(lead)):
                    spelled = lead + " " + spaced
                if spelled is not None:
                    break
        out += spelled.split() if spelled is not None else [word]
    return out


_SLUG_JOINS = LazyPattern(r"[-_/.]+")


def name_runs(text: str, staff: tuple[str, ...]) -> list[tuple[int, int, list[str], str]]:
    """(start, end, words, kind) of each run a name may be written into: a hashtag's CamelCase words
    ("#ThankYouDawnWood"), an @handle's ("@DawnWood", "@dawn_wood", "@dawn.wood"), a link's path ("/dawn-wood-pals");
    a listed name run together in lower case is spelled apart where the run writes it as the person's."""
    from urllib.parse import urlsplit

    from postcheck.text.hashtags import find_hashtags
    from postcheck.text.urls import find_links

    joined = _joined_forms(staff)
    runs = [(tag.start, tag.end, CAMEL_WORD.findall(tag.tag), "hashtag") for tag in find_hashtags(text)]
    runs += [(m.start(), m.end(), handle_words(m.group(1)), "handle") for m in HANDLE.finditer(text)]
    if "/" in text:
        for link in find_links(text):
            path = urlsplit(link.url).path
            if "-" in path or "_" in path:
                words = [w for piece in _SLUG_JOINS.split(path) for w in CAMEL_WORD.findall(piece)]
                runs.append((link.start, link.end, words, "link"))
            else:
                # (A piece of the path that is a name run together and nothing else is an account's, as a handle
                # alone is: "twitch.tv/janeexample".)
                runs += [(link.start, link.end, [p.lower()], "link") for p in path.split("/") if p.lower() in joined]
    return [(start, end, _unjoined(words, joined, kind), kind) for start, end, words, kind in runs]


# A business's word after a name in a handle makes it the business's account, as "@dawnwood.photography" is:
# "@AoifeNiBhriainArt", "@DawnWoodDesign".
BUSINESS_AFTER = LazyPattern(
    r"\s+(?:art|arts|photography|photos|design|designs|studio|studios|ltd|events|cakes|crafts|media|catering|"
    r"consulting|coaching|fitness|yoga|music|books|illustration|illustrations|films?|florist|interiors|salon|"
    r"hair|beauty|bakery|kitchen|garden|gardens|shop|store|vapes?|vaping|pharmacy|chemist|opticians?|dental|clinic|"
    r"cafe|deli|butchers?|barbers?|nails|lashes|tattoo|tattoos|motors|cars|plumbing|electrical|builders|cleaning|"
    r"dogs|pets|grooming|nursery|childcare|tutoring|travel|foods?|wines?|brewery|bar|pub|boutique|bakes|cooks|makes|"
    r"creations|knits|sews|gifts|mocktails|cocktails|drinks|coffee|treats|sweets|co|company|trading|taxis?|cabs|"
    r"removals|transport|coaches|haulage|flowers|candles|soaps|jewellery|prints|plants|pilates|skincare|skin|"
    r"aesthetics|massage|therapies|wellness|wellbeing|spa|dance|dancing|gym|training|swim|swimming|cosmetics|makeup|"
    r"caravans|trailers|hire|rentals|lettings|properties|horses|stables|farms?|dampproofing|roofing|scaffolding|"
    r"landscaping|joinery|decorating|glazing|translations|interpreting|tutors|consultancy|solutions|hosiery|clothing|"
    r"fashion|uniforms|footwear|shoes|supplies|mobility|doulas?|hypnobirthing|wigs|hairpieces|footcare|chiropody|"
    r"orthotics|optics|optical|eyewear|eyecare|spectacles|hearing|lenses)\b"
)
