"""Staff names as people write them (M103): accent-folded, apostrophes and hyphens made plain, any case."""

from __future__ import annotations

import re

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
_APOSTROPHE_OR_SPACE = r"(?:'|\s)?"  # O'Neill, ONeill, O Neill
_TITLE_WORDS = r"dr|doctor|mr|mrs|ms|mx|miss|prof|professor|sir|dame|nurse|sister|rev|reverend|cllr|councillor"
# A title as it is abbreviated or spelled out: "Dr Khan" = "Doctor Khan" = "Doc Khan" ("Doc" Capitalised only, which the
# rule checks: "the Word doc Martin sent" is no title).
_SPELLED_TITLES = {"dr": "doctor", "prof": "professor", "rev": "reverend", "cllr": "councillor"}
_INFORMAL_TITLES = {"dr": "doc", "doctor": "doc"}
_TITLES = LazyPattern(rf"^(?:(?:{_TITLE_WORDS})\.?\s+)+", re.I)
# A name inside the name of a place or fund is not the person: the Mary Seacole Ward, the Ahmed Khan Foundation, Dawn
# Wood Nature Reserve.
_NAMED_AFTER = (
    # ... also with what the place is for between ("the Ahmed Khan Community Hall", "@DawnWoodCommunityCentre").
    r"(?:community|health|medical|sports?|leisure|day|resource|learning|education|wellbeing|youth|family|children's|"
    r"cancer|dental|research|training|teaching|conference)\s+(?:centre|center|hall|hub|clinic|unit|ward|house|room|"
    r"suite|building|wing|garden)|"
    r"ward|unit|wing|building|house|centre|center|foundation|trust|fund|award|lecture|prize|suite|room|"
    r"library|hall|road|street|lane|avenue|way|school|academy|college|hospital|practice|surgery|pharmacy|"
    r"park|reserve|nature\s+reserve|gardens?|museum|gallery|stadium|arena|institute|drive|crescent|grove|terrace|"
    r"bridge|forest|mews|square|lodge|court(?!\s+(?:case|hearing|appearance|date|order|papers))|"
    # ... or a cup, a trophy, a memorial ("The Ahmed Khan Memorial Cup"; not "memorial service", which is hers).
    r"cup|trophy|shield|scholarship|bursary|memorial(?!\s+(?:service|event|mass|gathering|walk|bench|plaque|tree|fund\s+for))"
)


def _name_piece(piece: str) -> str:
    """A part of a name as a pattern, a doubled letter also written once: "neill" -> "neil{1,2}"."""
    return re.sub(r"([a-z])\1", r"\1{1,2}", re.escape(piece))


def name_pattern(name: str) -> re.Pattern[str] | None:
    """A listed name as people write it: without its title, any case and accents, an apostrophe kept, left out or
    written as a space ("O Neill"), a doubled letter written once ("O'Neil"), hyphens or spaces between its parts,
    whole words only; a possessive ('s) is still the person."""
    words = re.split(r"[\s-]+", _TITLES.sub("", fold_name_text(name).strip()))
    parts = [
        _APOSTROPHE_OR_SPACE.join(_name_piece(piece) for piece in word.split("'")) for word in words if word.strip("'")
    ]
    if not parts:
        return None
    written = r"[\s-]+".join(parts)
    if len(parts) > 1:
        # The first names as initials, the last with a full stop: "S. O'Neill", "S.O'Neill", "M-J. Smith", "M.J. Smith"
        # (a bare "A Khan" would be an article).
        initials = r"[.\s-]*".join(re.escape(word[0]) for word in words[:-1] if word)
        written += "|" + initials + r"\.\s*" + parts[-1]
        # Surname first, as a list or a rota writes it: "Khan, Ahmed (Dr)", "KHAN, Dr Ahmed - GP partner", "O'Neill,
        # Siobhan - continence lead"; a bracket, a comma, a dash or the end must follow, or "the wood, dawn chorus"
        # would be a name.
        first = r"[\s-]+".join(parts[:-1])
        # A middle name or initial between the first names and the surname: "Dawn Elizabeth Wood", "Dawn E. Wood", or a
        # nickname in quotes or brackets, "Dawn 'Woody' Wood" (the rule keeps it only where the post Capitalises it:
        # "Dawn and Wood" is no name).
        middle = rf"(?!(?:and|or|from|the|of|at|in|on|by|to|with|for|{_TITLE_WORDS})\b)[a-z][a-z']*\.?"
        written += rf"|{first}\s+['\"“(]?(?P<middle>{middle})['\"”)]?\s+{parts[-1]}"
        written += rf"|{parts[-1]},\s*(?:(?:{_TITLE_WORDS})\.?\s+)?{first}(?=\s*(?:[(),;:.!?]|[-–]\s|$))"
    return re.compile(
        rf"(?<!\w)(?<!\w')(?:{written})(?![\w-])(?!\s+(?:{_NAMED_AFTER})\b)",
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


NEXT_CAPITAL = LazyPattern(r"(?:'s)?\s+(?!I(?:'[a-z]+)?(?![\w.]))[A-Z]")
# Where a title and surname run together in a hashtag end the name: the tag's end or a joining word ("#ThanksDrKhan",
# "#DrKhanAndTeam", "#DrKhanForPresident"); any other word is more of the name ("#DrMartinLutherKing").
HASHTAG_NAME_ENDS = LazyPattern(r"(?:\s+(?:and|for|from|at|of|in|on|the|team|you|rocks)\b|$)")


def _title_written(word: str, *, informal: bool = True) -> str:
    """A title as a pattern, abbreviated (with or without its full stop) or spelled out: "dr" -> "dr.", "doctor"."""
    spelled = {**_SPELLED_TITLES, **{v: k for k, v in _SPELLED_TITLES.items()}}.get(word)
    casual = _INFORMAL_TITLES.get(word) if informal else None
    forms = [re.escape(word) + r"\.?"] + ([re.escape(spelled) + r"\.?"] if spelled else [])
    forms += [rf"(?P<informal>{re.escape(casual)})"] if casual else []
    return "(?:" + "|".join(forms) + ")"


def title_surname_pattern(name: str) -> re.Pattern[str] | None:
    """A listed name that carries a title ("Dr Ahmed Khan") as its title and surname: "Dr Khan", "dr. khan"."""
    folded = fold_name_text(name).strip()
    title = _TITLES.match(folded)
    words = re.split(r"[\s-]+", folded[title.end() :]) if title else []
    if not title or len(words) < 2:
        return None
    surname = _APOSTROPHE_OR_SPACE.join(_name_piece(piece) for piece in words[-1].split("'"))
    titles = r"\s+".join(
        _title_written(word.rstrip(".").lower(), informal=i == 0) for i, word in enumerate(title.group().split())
    )
    return re.compile(
        # The title's full stop may join the surname ("dr.khan"); not inside an e-mail address ("dr.khan@nhs.net").
        rf"(?<!\w){titles}(?:\s+|(?<=\.)){surname}(?![\w@-])(?!(?:'s)?\s+(?:{_NAMED_AFTER})\b)",
        re.IGNORECASE,
    )


def written_as_a_name(original: str, m: re.Match[str]) -> bool:
    """Whether a match of a listed name's pattern is written as a name in the post (its offsets are the post's, the
    fold keeping them): a middle name Capitalised ("Dawn Elizabeth Wood", not "Dawn and Wood"), "Doc" Capitalised."""
    for group in ("middle", "informal"):
        start = m.start(group) if group in m.re.groupindex else -1
        if start >= 0 and not original[start : start + 1].isupper():
            return False
    return True
