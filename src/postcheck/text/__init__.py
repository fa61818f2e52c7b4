"""Reading post text: hashtags, links, contact details, platform lengths, swearing, names, medical advice and
requests for personal data; and writing plain English about it."""

from __future__ import annotations

from typing import Any

# Curly and modifier apostrophes as the plain one, for patterns written with "'": text.translate(APOSTROPHES).
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# Characters that show nothing (zero-width space, joiners, word joiner, byte-order mark, soft hyphen), as a character
# class's body: typed to get past a required field, or left by a copy from a web page.
INVISIBLE = "\u200b-\u200d\u2060\ufeff\u00ad"


def counted(number: int, noun: str) -> str:
    """A count with its noun agreeing: '1 video', '2 videos'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class LazyPattern:
    """A regular expression compiled when first used, then used as the compiled pattern itself.

    Compiling the rules' patterns costs a one-post run tens of milliseconds, and a run that replays every post from
    the result cache needs none of them; a reply-only rule's patterns are never needed for a post. After the first
    use its methods sit in the instance's own dictionary, so a hot loop pays no more than with `re.compile`."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only called for what the instance does not have yet
        import re

        compiled = re.compile(*self._source)
        self.__dict__.update((key, getattr(compiled, key)) for key in dir(compiled) if not key.startswith("__"))
        return getattr(compiled, name)


_BLANK = LazyPattern(rf"[\s{INVISIBLE}]*")


def blank(text: str) -> bool:
    """Whether `text` holds nothing but white space and INVISIBLE characters."""
    return _BLANK.fullmatch(text) is not None


# A CamelCase run's words: "ShitService" -> "Shit", "Service"; "ThankYouDawnWood" -> "Thank", "You", "Dawn", "Wood".
CAMEL_WORD = LazyPattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# A text's sentences as pieces ending at ".", "!" or "?" (with any run of them) or at a line break.
SENTENCE_TEXT = LazyPattern(r"[^.!?\n]+[.!?]*")
# A line break inside a sentence: the next line goes on in lower case ("could you tell us what\nmedication you're on").
_WRAPPED = LazyPattern(r"(?<!\n)\n(?=[ \t]*[a-z])")
# ... or a long line, no list item, cut after a word or a comma, however the next line begins: a file wrapped at its
# width ("and reply with your\nNHS number so we can check").
_WRAPPED_LONG = LazyPattern(r"(?m)^(?![ \t]*(?:[-*•+>#|]|\d+[.)])\s)[^\n]{60,}[a-z,;]\n(?=[ \t]*\w)")


def masked(text: str, spans) -> str:
    """`text` with each (start, end) span blanked with spaces, so that offsets stay the same."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def unwrap(text: str) -> str:
    """`text` with each line break inside a sentence made a space (same length: offsets hold), so that a sentence
    wrapped in the file is read as one."""
    if "\n" not in text:
        return text
    return _WRAPPED_LONG.sub(lambda m: m.group()[:-1] + " ", _WRAPPED.sub(" ", text))
