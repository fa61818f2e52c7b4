"""A2 rules: hashtags and readable text (CamelCase hashtags, hashtag count, emoji, fancy letters, shouting)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from postcheck.context import Context
from postcheck.model import Fix, Post, Problem, Severity
from postcheck.rules import rule
from postcheck.text import LazyPattern
from postcheck.text.hashtags import Hashtag, code_ranges, find_hashtags, lexicon_keys, suggest


def _words(ctx: Context) -> tuple[str, ...]:
    return tuple(ctx.config.hashtags.words)


@rule(
    "A201",
    "hashtag-not-camel-case",
    Severity.WARNING,
    "multi-word hashtag not in CamelCase; suggestion by word segmentation + casing lexicon",
    fixable="safe/unsafe",
)
def hashtag_not_camel_case(post: Post, ctx: Context) -> Iterator[Problem]:
    text = post.text.value
    for tag in find_hashtags(text):
        new, confident = suggest(tag.tag, _words(ctx))
        if new is None:
            continue
        written = text[tag.start] + new
        edit = post.text.edit(tag.start, tag.end, written)
        fix = None if edit is None else (Fix.safe(edit) if confident else Fix.unsafe(edit))
        yield Problem(
            f"Hashtag {tag.text} is not CamelCase: screen readers read it as one word; write {written}",
            post.text.span(tag.start, tag.end),
            fix=fix,
            suggestion=written,
        )


_SENTENCE_WORD = LazyPattern(r"[^\W\d_]{2,}")


def _runs(text: str, tags: tuple[Hashtag, ...]) -> list[list[Hashtag]]:
    """Hashtags that follow each other with only spaces between them, on one line."""
    runs: list[list[Hashtag]] = []
    for tag in tags:
        if runs and text[runs[-1][-1].end : tag.start].strip(" \t") == "":
            runs[-1].append(tag)
        else:
            runs.append([tag])
    return runs


def _blanked(text: str, tags: tuple[Hashtag, ...], extra: list[tuple[int, int]] | None = None) -> str:
    """`text` with hashtags, mentions, links and `extra` ranges replaced by spaces (offsets still hold)."""
    spans = [(tag.start, tag.end) for tag in tags] + [m.span() for m in re.finditer(r"@\w+", text)] + (extra or [])
    if "." in text:
        from postcheck.text.urls import find_links

        spans += [(link.start, link.end) for link in find_links(text)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@rule(
    "A202",
    "too-many-hashtags",
    Severity.WARNING,
    "more than `hashtags.max` hashtags, or a run of 2+ hashtags with sentence text after it",
)
def too_many_hashtags(post: Post, ctx: Context) -> Iterator[Problem]:
    text = post.text.value
    tags = find_hashtags(text)
    limit = ctx.config.hashtags.max
    if len(tags) > limit:
        extra = tags[limit:]
        yield Problem(
            f"{len(tags)} hashtags (at most {limit}): each one is read out in full by screen readers; keep the few "
            "that matter",
            post.text.span(extra[0].start, extra[-1].end),
        )
    blanked = None
    word = None  # the first sentence word after the last run, to its line's end: later runs before it share it
    for run in _runs(text, tags):
        if len(run) < 2:
            continue
        blanked = blanked or _blanked(text, tags)
        line_end = text.find("\n", run[-1].end)
        end = len(text) if line_end == -1 else line_end
        if word is None or word[0] != end or (word[1] is not None and word[1].start() < run[-1].end):
            word = end, _SENTENCE_WORD.search(blanked, run[-1].end, end)
        if word[1]:
            yield Problem(
                f"{len(run)} hashtags in a row inside a sentence: put them at the end of the post so the sentence "
                "reads on",
                post.text.span(run[0].start, run[-1].end),
            )


def emoji_clusters(text: str) -> list[tuple[int, int, str]]:
    """(start, end, cluster) for every emoji grapheme cluster: ZWJ sequences, flags and keycaps count once."""
    import regex

    found = []
    for m in regex.finditer(r"\X", text):
        cluster = m.group()
        if cluster.isascii():
            continue
        if (
            regex.search(r"\p{Emoji_Presentation}", cluster)
            or ("\ufe0f" in cluster and regex.search(r"\p{Extended_Pictographic}", cluster))
            or "\u20e3" in cluster
        ):
            found.append((m.start(), m.end(), cluster))
    return found


def _base(cluster: str) -> str:
    """An emoji without its skin-tone modifier and variation selector, to spot repeats."""
    return re.sub("[\U0001f3fb-\U0001f3ff\ufe0f]", "", cluster)


@rule(
    "A203",
    "emoji-overuse",
    Severity.WARNING,
    "more than `emoji.max` emoji, the same emoji repeated, emoji as bullets or in place of words",
)
def emoji_overuse(post: Post, ctx: Context) -> Iterator[Problem]:
    text = post.text.value
    if text.isascii():
        return
    emoji = emoji_clusters(text)
    limit = ctx.config.emoji.max
    if len(emoji) > limit:
        yield Problem(
            f"{len(emoji)} emoji (at most {limit}): screen readers read each one's full name aloud",
            post.text.span(emoji[limit][0], emoji[-1][1]),
        )
    i = 0
    while i < len(emoji):
        j = i
        while (
            j + 1 < len(emoji)
            and _base(emoji[j + 1][2]) == _base(emoji[i][2])
            and not text[emoji[j][1] : emoji[j + 1][0]].strip()
        ):
            j += 1
        if j > i:
            yield Problem(
                f"{emoji[i][2]} repeated {j - i + 1} times: screen readers read its name each time; use it once",
                post.text.span(emoji[i][0], emoji[j][1]),
            )
        i = j + 1
    bullets = [(a, b, e) for a, b, e in emoji if _starts_line(text, a)]
    if len(bullets) >= 2:
        yield Problem(
            f"{len(bullets)} lines start with an emoji: screen readers read each one's name before the line; "
            "use words or plain line breaks for a list",
            post.text.span(bullets[0][0], bullets[0][1]),
        )
    elif bullets:
        start, end, cluster = bullets[0]
        yield Problem(
            f"a line starts with {cluster}: screen readers read its name before the words; move it to the end",
            post.text.span(start, end),
        )
    for start, end, cluster in emoji:
        if WORD_BEFORE.search(text, max(0, start - 40), start) and (
            WORD_AFTER.match(text, end)
            or (NEVER_ENDS.search(text, max(0, start - 40), start) and NAME_AFTER.match(text, end))
        ):
            yield Problem(
                f"{cluster} stands in for a word: screen readers read its name instead (write the word)",
                post.text.span(start, end),
            )


def _starts_line(text: str, index: int) -> bool:
    """Whether only spaces or tabs stand between the start of its line and text[index]."""
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return index == 0 or text[index - 1] == "\n"


# An emoji stands in for a word when the word before it cannot end a phrase and a word follows ("get your 💉
# today", "I ❤️ the NHS"); after any other word it is decoration between clauses ("Merry Christmas 🎄 from us").
LEADS_ON = (
    "a an the this that these those some any every "  # determiners
    "my your our their his her its "  # possessives
    "at to for with in on of by from into onto "  # prepositions
    "i we they he she "  # subject pronouns
    "don't don’t can't can’t won't won’t never"  # a negative that a verb must follow ("Don't 🍺 and 🚗")
)
# ... a noun's possessive too ("your baby's 💉 at 8 weeks"), not a verb's contraction ("it's 🎄 time").
# ... and "you" where a verb must follow it ("Eat before you 🍺 and stick with your mates"; not "Thank you 🙏 all").
WORD_BEFORE = LazyPattern(
    rf"\b(?:{'|'.join(LEADS_ON.split())}|(?:before|after|when|if|while|until|unless|once)\s+you|"
    r"(?!(?:it|that|there|what|who|he|she|let|here|where|how|when|everyone)['’]s\b)[a-z]+['’]s) $",
    re.IGNORECASE,
)
WORD_AFTER = LazyPattern(r" [a-z]+\b")
# A capitalised word after the emoji may start a new sentence ("everyone we spoke to 🙏 We'll be back"), except after
# an article, a possessive or "at", which no sentence ends on: "Meet us at 📍 Basildon library", "Join the 🎄
# Christmas jumper day".
NEVER_ENDS = LazyPattern(r"\b(?:a|an|the|my|your|our|their|at) $", re.IGNORECASE)
NAME_AFTER = LazyPattern(r" [A-Z][a-z]+\b")


# Letters of "small caps" fonts (Unicode phonetic small capitals); NFKC leaves them alone.
SMALL_CAPS = dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz", strict=True))
# Superscript and subscript letters, the "tiny text" of fancy-text generators (ᵗⁱⁿʸ ᵗᵉˣᵗ, ₛₘₐₗₗ); NFKC makes them
# plain. Digits are not here: m², CO₂ and H₂O are units and formulas.
TINY_LETTERS = frozenset("ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂₐₑₒₓₕₖₗₘₙₚₛₜᵢᵣᵤᵥⱼ")
# "1ˢᵗ", "2ⁿᵈ": an ordinal's ending written small after its number is typography, not a fancy font.
ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


def plain_letter(ch: str) -> str | None:
    """The ordinary character behind a 'fancy' letter or digit, or None when `ch` is not one."""
    code = ord(ch)
    if 0x1D400 <= code <= 0x1D7FF or 0x2460 <= code <= 0x24FF or 0x1F130 <= code <= 0x1F149:
        plain = unicodedata.normalize("NFKC", ch)
        return plain if plain != ch else None
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return unicodedata.normalize("NFKC", ch)  # fullwidth Latin letters and digits, not CJK punctuation
    if 0x1F150 <= code <= 0x1F169:
        return chr(ord("A") + code - 0x1F150)  # negative circled
    if 0x1F170 <= code <= 0x1F189:
        return chr(ord("A") + code - 0x1F170)  # negative squared
    if ch in TINY_LETTERS:
        return unicodedata.normalize("NFKC", ch)
    return SMALL_CAPS.get(ch)


# Letterlike Symbols that fill the gaps of the italic, script, fraktur and double-struck alphabets (the italic h is
# U+210E, not in U+1D400-1D7FF). On their own they are symbols (ℝ in maths); next to fancy letters they are letters.
LETTERLIKE = "ℂℊℋℌℍℎℐℑℒℓℕℙℚℛℜℝℤℨℬℭℯℰℱℳℴ"


# Fullwidth forms of ASCII, and the characters of Chinese, Japanese and Korean text (with their punctuation).
_FULLWIDTH = LazyPattern("[\uff01-\uff5e]+")
_CJK = LazyPattern("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff61-\uffdc\U00020000-\U0003ffff]")


def _fullwidth_in_cjk(text: str) -> set[int]:
    """Offsets of fullwidth characters next to CJK characters (第１回, ２０２６年): normal typography there."""
    found: set[int] = set()
    for m in _FULLWIDTH.finditer(text):
        if (m.start() and _CJK.match(text, m.start() - 1)) or _CJK.match(text, m.end()):
            found.update(range(m.start(), m.end()))
    return found


def _fancy(text: str, i: int, in_cjk: set[int]) -> tuple[str, bool] | None:
    """(plain text, whether it is a fancy letter of its own) for a fancy character written as text, else None."""
    if text[i + 1 : i + 2] == "\ufe0f" or i in in_cjk:
        return None  # 🅰️ Ⓜ️ ℹ️ (emoji variation selector) are emoji, left to A203; 第１回 is CJK typography
    if text[i] in LETTERLIKE or ("\uff01" <= text[i] <= "\uff5e" and not text[i].isalnum()):
        return unicodedata.normalize("NFKC", text[i]), False  # ℎ in 𝑡ℎ𝑒, ＆ in Ｑ＆Ａ: part of a run, never one alone
    plain = plain_letter(text[i])
    return None if plain is None else (plain, True)


def fancy_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, plain text) for each run of fancy letters with a word of two or more in it.

    Spaces and punctuation inside a run are kept as they are. A fancy letter on its own (𝔼[X], 𝑥 + 𝑦) is
    mathematics, not a fancy font.
    """
    runs: list[tuple[int, int, str]] = []
    in_cjk = _fullwidth_in_cjk(text)
    i, n = 0, len(text)
    while i < n:
        if _fancy(text, i, in_cjk) is None:
            i += 1
            continue
        start, out = i, []
        length, own, word = 0, False, False  # the current word's length, whether it has a letter of its own
        while i < n:
            found = _fancy(text, i, in_cjk)
            if found is not None:
                out.append(found[0])
                length, own = length + 1, own or found[1]
                word = word or (length >= 2 and own)
                i += 1
            elif text[i] in " '’-.,!?" and i + 1 < n and _fancy(text, i + 1, in_cjk) is not None:
                out.append(text[i])
                length, own = 0, False
                i += 1
            else:
                break
        plain = "".join(out)
        if word and not (plain.lower() in ORDINAL_ENDINGS and start and text[start - 1].isdigit()):
            runs.append((start, i, plain))
    return runs


@rule(
    "A204",
    "fancy-unicode-text",
    Severity.ERROR,
    "'fancy' letters (Mathematical Alphanumeric Symbols, fullwidth, circled...) that screen readers misread",
    fixable="safe",
)
def fancy_unicode_text(post: Post, ctx: Context) -> Iterator[Problem]:
    text = post.text.value
    if text.isascii():
        return
    for start, end, _plain in fancy_runs(text):
        fixed = _letters_only(text[start:end])
        edit = post.text.edit(start, end, fixed)
        if edit and _unquoted_yaml(post) and not _stays_text(text[:start] + fixed + text[end:]):
            edit = None  # an unquoted YAML value `ｔｒｕｅ` would become the boolean true
        yield Problem(
            f"'{text[start:end]}' uses look-alike symbols, not letters: screen readers spell them out or skip them; "
            f"write '{fixed}'",
            post.text.span(start, end),
            fix=Fix.safe(edit) if edit else None,
            suggestion=fixed,
        )


def _unquoted_yaml(post: Post) -> bool:
    """Whether the post's text is an unquoted YAML value (`text: value` on the key's line, no quote or block)."""
    if post.format != "yaml" or not post.text.segments:
        return False
    source, start = post.source.text, post.text.segments[0].file_start
    before = source[source.rfind("\n", 0, start) + 1 : start].rstrip()
    return before.endswith(":")


def _stays_text(value: str) -> bool:
    """Whether YAML reads `value`, written unquoted, as that text (not true, null, 1234 or 12:30)."""
    import yaml

    try:
        return yaml.safe_load(value) == value.strip()
    except yaml.YAMLError:
        return False


def _letters_only(run: str) -> str:
    """A fancy run with only its letters and digits made plain. The fix writes no quote, backslash, comma, `#` or
    `<` (from ＂ ＼ ， ＃ ＜) into a JSON string, YAML scalar, CSV cell or Markdown body, where they are syntax."""
    out = []
    for ch in run:
        plain = plain_letter(ch) or unicodedata.normalize("NFKC", ch)
        out.append(plain if plain.isalnum() else ch)
    return "".join(out)


_WORD = LazyPattern(r"[^\W\d_](?:[^\W_]|['’][^\W\d_])*")  # (digits inside a word are part of it: "T2DR", "COVID19")


# Words that are written in capitals by rule, not for shouting: Royal Mail asks for FREEPOST in capitals.
WRITTEN_IN_CAPITALS = frozenset({"freepost"})
# and the licence code after it, as on its envelopes: "FREEPOST RTKL-ABCD-EFGH".
FREEPOST_CODE = LazyPattern(r"(?<=FREEPOST )[A-Z0-9]{2,4}(?:-[A-Z0-9]{4}){1,3}\b")
# A date or time written as a form asks for it ("DD/MM/YYYY", "YYYY-MM-DD", "HH:MM"): capitals by convention.
DATE_MASK = LazyPattern(r"\b(?:DD|MM|YY|YYYY|HH|SS)(?:[/.:-](?:DD|MM|YY|YYYY|HH|SS)){1,2}\b")


# A list of codes ("A&E, UTC, SDEC, MIU") reads as acronyms, not shouting: words in capitals with commas or slashes
# between them, each rarer as a word than this (log probability in the hashtag word lists), as acronyms the
# lexicon lacks are; a list of everyday words ("FREE, FAST, FRIENDLY") is still shouted.
CODE_WORD_LOGP = -11.0
_LIST_SEPARATOR = LazyPattern(r"[\sA-Z0-9&/,]*[/,][\sA-Z0-9&/,]*")  # acronyms and numbers between count too


def _code_list(text: str, run: list[re.Match]) -> bool:
    """Whether a run of words in capitals is a list of acronyms ("UTC, SDEC, MIU", "MIU/UTC/SDEC")."""
    if not all(_LIST_SEPARATOR.fullmatch(text, a.end(), b.start()) for a, b in zip(run, run[1:], strict=False)):
        return False
    from postcheck.text.hashtags import segmenter

    model = segmenter()
    return all(
        (model.score(m.group().lower().replace("’", "").replace("'", "")) or -99.0) < CODE_WORD_LOGP for m in run
    )


def _time_of_day(text: str, m: re.Match) -> bool:
    """Whether the word is the AM or PM of a time ("9AM", "5.30 PM"): part of a number, not a shouted word."""
    if m.group().lower() not in ("am", "pm"):
        return False
    before = text[max(0, m.start() - 2) : m.start()]
    return before[-1:].isdigit() or (before[-1:] == " " and before[:1].isdigit())


# Day names shortened as opening hours write them ("MON-FRI 9AM-5PM, SAT 10AM-1PM"): part of a timetable, as the AM
# or PM of a time is, when joined to another day ("MON-FRI", "SAT/SUN") or followed by a time ("SAT 10AM", "WED 9:30").
# Alone they may be words ("SUN SAFETY TIPS").
_SHORT_DAYS = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
_DAY_JOIN = "-–—/&"


def _day_in_hours(text: str, m: re.Match) -> bool:
    """Whether the word is a shortened day name in a timetable ("MON-FRI", "SAT 10AM-1PM")."""
    if not m.group().isupper() or m.group().lower() not in _SHORT_DAYS:
        return False
    after = text[m.end() : m.end() + 3].lstrip(" ")
    if after[:1].isdigit():
        return True
    before, following = text[max(0, m.start() - 8) : m.start()], text[m.end() : m.end() + 8]
    joined_after = following[:1] in _DAY_JOIN and _SHORT_DAY_START.match(following[1:].lstrip(" "))
    joined_before = before.rstrip(" ")[-1:] in _DAY_JOIN and _SHORT_DAY_END.search(before.rstrip(" ")[:-1].rstrip(" "))
    return bool(joined_after or joined_before)


_SHORT_DAY_START = LazyPattern(r"(?:MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)\b")
_SHORT_DAY_END = LazyPattern(r"\b(?:MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)$")


@rule("A205", "shouting-caps", Severity.WARNING, "3 or more consecutive ALL-CAPS words (lexicon acronyms excepted)")
def shouting_caps(post: Post, ctx: Context) -> Iterator[Problem]:
    text = post.text.value
    if not re.search(r"[A-Z]{2}", text) and text.isascii():
        return
    # Three words in capitals hold at least three capitals, or six in ASCII text (two letters each): most posts
    # have fewer, and need no hashtags, links or words found
    if text.isascii():
        if len(text) - len(text.encode("ascii").translate(None, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")) < 6:
            return
    elif sum(map(str.isupper, text)) < 3:
        return
    unread = code_ranges(text)
    if "FREEPOST" in text:
        unread += [m.span() for m in FREEPOST_CODE.finditer(text)]
    unread += [m.span() for m in DATE_MASK.finditer(text)]
    masked_text = _blanked(text, find_hashtags(text), unread)
    if sum(map(str.isupper, _WORD.findall(masked_text))) < 3:
        return  # fewer than three words in capitals, acronyms included: no run (the words as strings are quick)
    acronyms = lexicon_keys(_words(ctx)) | WRITTEN_IN_CAPITALS
    run: list[re.Match] = []

    def shouted() -> Problem | None:
        if len(run) >= 3 and not _code_list(masked_text, run):
            words = " ".join(text[run[0].start() : run[-1].end()].split())  # a run may cross lines; messages don't
            return Problem(
                f"{len(run)} words in capitals ('{words}'): capitals are harder to "
                "read and screen readers may spell them out; use sentence case",
                post.text.span(run[0].start(), run[-1].end()),
            )
        return None

    for m in _WORD.finditer(masked_text):
        word = m.group()
        if not run and not word.isupper():
            continue  # with no run going, a word that is not in capitals changes nothing (most words)
        letters = [c for c in word if c.isalpha()]
        neutral = (
            len(letters) < 2
            or word.lower().replace("'", "") in acronyms
            or _time_of_day(masked_text, m)
            or _day_in_hours(masked_text, m)
        )
        if neutral:
            continue
        if word.isupper():
            run.append(m)
        else:
            problem = shouted()
            if problem:
                yield problem
            run = []
    problem = shouted()
    if problem:
        yield problem
