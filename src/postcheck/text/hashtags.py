"""Find hashtags as twitter-text does, and suggest CamelCase for multi-word ones (segmentation + casing lexicon)."""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import re
import stat
import struct
import time
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from postcheck.text import LazyPattern

# twitter-text's hashtag characters: letters and marks (a tag needs one), decimal digits, and these.
_TAG_EXTRA = frozenset(
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
)
_HASH = LazyPattern("[#\uff03]")


def _tag_kind(ch: str) -> int:
    """2 for a letter or mark, 1 for another character a hashtag may hold (a digit, `_`, a joiner), 0 otherwise."""
    if ch.isascii():
        return 2 if ch.isalpha() else 1 if ch.isdigit() or ch == "_" else 0
    category = unicodedata.category(ch)
    return 2 if category[0] in "LM" else 1 if category == "Nd" or ch in _TAG_EXTRA else 0


def _scan_hashtags(text: str) -> list[Hashtag]:
    """Hashtags as twitter-text's extractor finds them: `#` or `＃` not after a hashtag character or `&` (a variation
    selector may come before it: an emoji's), not followed by one (a keycap), then the longest run of hashtag
    characters, which must hold a letter; dropped when `#` or `://` follows the run. A scan rather than
    twitter-text's pattern: Python's `re` has no Unicode classes, and the `regex` module would be loaded and the
    pattern compiled (about 20 ms) for every run over posts with a hashtag."""
    found = []
    at = _HASH.search(text)
    while at is not None:
        i = at.start()
        before = text[i - 1] if i else ""
        after = i + 1
        if before == "&" or (before not in ("", "\ufe0e", "\ufe0f") and _tag_kind(before)):
            at = _HASH.search(text, after)
            continue
        end, letter = after, False
        if text[after : after + 1] not in ("\ufe0f", "\u20e3"):
            while end < len(text) and (kind := _tag_kind(text[end])):
                letter = letter or kind == 2
                end += 1
        if not letter:
            at = _HASH.search(text, after)
            continue
        if not text.startswith(("#", "\uff03", "://"), end):
            found.append(Hashtag(i, end, text[after:end]))
        at = _HASH.search(text, end)
    return found


_BACKTICKS = LazyPattern(r"`+")
_INNER_CAPITAL = LazyPattern(r"[a-z][A-Z]")
_ELONGATED = LazyPattern(r"([a-z])\1\1")
_RUN = LazyPattern(r"([a-z0-9])\1*")

# The built-in casing lexicon: health and public-sector acronyms and terms, written as they should appear.
# Written by hand from NHS and UK public-sector usage; config `hashtags.words` extends it.
LEXICON = (
    # NHS bodies, services and roles
    "NHS", "NHS111", "NHSE", "GP", "GPs", "ICB", "ICS", "ICP", "PCN", "CCG", "CQC", "NICE", "MHRA", "UKHSA", "PHE",
    "OHID", "DHSC", "NHSBT", "NHSBSA", "NHSX", "NHSmail", "HSCNI", "NHSScotland", "NHSWales", "A&E", "AandE",
    "ICU", "ITU", "NICU", "SCBU", "OPD", "AHP", "AHPs", "HCA", "HCAs", "RN", "RGN", "RMN", "ANP", "ACP",
    "CEO", "NMC", "GMC", "HCPC", "BMA", "RCN", "RCM", "RCGP", "RCP", "RCPCH", "RCPsych", "AfC", "CPD",
    "NHSLeadership", "SJA", "RNLI", "RNIB", "RNID", "MND", "CFS",
    # conditions, vaccines, tests
    "COVID", "COVID19", "SARS", "SARSCoV2", "MERS", "HIV", "AIDS", "STI", "STIs", "HPV", "MMR",
    "RSV", "BCG", "DTaP", "TB", "UTI", "UTIs", "COPD", "CKD", "CVD", "ADHD", "ASD", "OCD", "PTSD", "IBS", "IBD",
    "MRSA", "AMR", "DVT", "BMI", "BP", "ECG", "EEG", "MRI", "DNA", "RNA", "PCR", "LFT", "LFTs",
    "FGM", "SIDS", "SUDI", "CPR", "AED", "IVF", "HRT", "PMS", "PCOS", "CMV", "GBS", "MPox", "Mpox", "NCD",
    "AAA", "DNR", "DNACPR", "ReSPECT", "BSE", "CJD", "EBV", "HbA1c", "T1D", "T2D", "Type1", "Type2",
    # public sector, places, communities
    "UK", "GB", "EU", "USA", "GOVUK", "DWP", "HMRC", "DfE", "ONS", "DVLA",
    "TfL", "BBC", "ITV", "PM", "MP", "MPs", "MSP", "MSPs", "VCSE", "CIC", "SENCO",
    "EHCP", "CAMHS", "IAPT", "NEET", "BSL", "LGBT", "LGBTQ", "LGBTQI", "LGBTQIA", "LGBTQ+", "BAME", "BME",
    "SEN", "ESOL", "EDI", "DEI", "FAQ", "FAQs", "Q&A", "QandA", "PPE", "IPC", "RTT", "KPI", "KPIs",
    "AI", "TV", "DIY", "SOS", "VIP", "LinkedIn", "YouTube", "TikTok", "WhatsApp", "iPhone",
    "iPad", "eBay", "PayPal", "COP26", "COP28", "G7", "G20", "GDPR", "FOI",
    # councils, police, schools and universities
    "ID", "SEND", "ASB", "PCSO", "PCSOs", "GMP", "GCSE", "GCSEs", "HAF", "BBQ", "PhD", "PhDs", "UCL", "LSE",
    "EV", "EVs", "OU", "CO2",
)  # fmt: skip

# Lexicon entries that are one name, however their capitals fall: #youtube is one word, not a CamelCase to fix.
BRANDS = frozenset({"LinkedIn", "YouTube", "TikTok", "WhatsApp", "iPhone", "iPad", "eBay", "PayPal"})
# Lexicon entries that are everyday words too ("hearing aids", "a nice day", "3pm", "send"): their capitals are
# used only when the config's `hashtags.words` lists them, and a split holding one is never a safe fix.
AMBIGUOUS = frozenset({"aids", "nice", "respect", "pm", "gps", "sen", "ons", "send"})

# Everyday words of health and care posts that general word lists rate as rare; they count as common words.
HEALTH_WORDS = (
    "jab", "jabs", "flu", "vaccine", "vaccines", "vaccinated", "vaccination", "booster", "boosters", "covid",
    "pharmacy", "pharmacist", "pharmacists", "midwife", "midwives", "nurse", "nurses", "nursing", "carer",
    "carers", "wellbeing", "screening", "smear", "dementia", "asthma", "diabetes", "stroke", "sepsis", "measles",
    "mumps", "rubella", "shingles", "polio", "jabbed", "clinic", "clinics", "surgery", "physio",
    "physiotherapy", "breastfeeding", "antenatal", "postnatal", "maternity", "menopause",
    "loneliness", "hydration", "handwashing", "antibiotics", "immunisation", "immunise", "frontline", "paramedic",
    "paramedics", "ambulance", "hospice",
    "winter", "checkup", "cancer", "prostate", "bowel", "threadworm", "threadworms",
)  # fmt: skip

_HEALTH = frozenset(HEALTH_WORDS)
# Letters that are words on their own ("a", "i"); other single letters are stray unless next to a number.
_SINGLE_LETTER_WORDS = frozenset("ai")
# The least log probability a piece of a split may have, by length (0: longer words).
# Every piece at least this common (and the whole string not a known word): the fix is safe.
CONFIDENT_LOGP = -13.0
MIN_LOGP = {0: -99.0, 1: -99.0, 2: -12.0, 3: -14.0, 4: -16.0}
# Rarer 2-3 letter pieces pass as acronyms (one per split, beside a word of 4+ letters at least COMMON_LOGP).
ACRONYM_LOGP = -18.0
COMMON_LOGP = -13.5
# A split into pieces of 3 letters or fewer needs every piece at least this common ("run|it" but not "ot|bc"),
# or, for a 3-letter word beside a 3-letter lexicon acronym or after a determiner ("nhs|app", "the|jar"), this.
SHORT_LOGP = -10.0
ANCHORED_SHORT_LOGP = -13.0
DETERMINERS = frozenset({"the", "my", "our", "your"})
# Compounds split inside a split of several words: pieces of at least 4 letters, each at least this common, together
# at most COMPOUND_MARGIN less probable than the compound (log).
COMPOUND_PIECE = 4
COMPOUND_LOGP = -14.0
COMPOUND_MARGIN = 2.0
# A split is a safe fix only when every split without one of its word boundaries is this much less probable (log).
RIVAL_MARGIN = 3.0
# A string the word lists know whole at least this well is one word (a town: "witham", not "with|am") unless the web
# word pairs know it as two ("thankyou", "mentalhealth"). Below it, whole strings such as "selfcare" are split.
KNOWN_WHOLE_LOGP = -16.0
# A word repeated ("dingding") is split when the repeated part is at least this common.
REPEAT_LOGP = -13.0
# A letter stretched for emphasis ("happpy"): the log cost of reading it as the plain word, per stretched run.
ELONGATED_LOGP = -7.0
# How common a lexicon word counts in a split: above most two-letter pieces ("nhs|aid", not "nh|said").
LEXICON_LOGP = math.log(2e-4)
# "a" between two words needs the web word pair "<word> a" at least this probable ("what a", not "go a", "int a").
BEFORE_A_LOGP = -12.5
# Small words that join two words into a phrase the lists may know whole ("callofduty"), and the least log
# probability each of the two words must have for the phrase to be split.
PHRASE_WORDS = ("of", "the", "and")
PHRASE_LOGP = -14.0
# Word endings that are no words of their own: "word|ending" is one word the lists lack ("retweetist").
SUFFIXES = frozenset({
    "s", "es", "ed", "er", "ers", "est", "ing", "ly", "y", "al", "ic", "ist", "ism", "ity", "ize", "ise", "ies",
    "les", "bles", "te", "tic", "ish", "less", "ful", "able", "ible", "ment", "tion", "ness",
})  # fmt: skip


@dataclass(frozen=True)
class Hashtag:
    """A hashtag found in text: where it is (start/end in the text, `#` included) and its tag without `#`."""

    start: int
    end: int
    tag: str

    @property
    def text(self) -> str:
        return "#" + self.tag


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of Markdown code spans (a run of backticks up to the next run of the same length)."""
    ranges: list[tuple[int, int]] = []
    if "`" not in text:
        return ranges
    runs = list(_BACKTICKS.finditer(text))
    i = 0
    while i < len(runs):
        opener = runs[i]
        width = len(opener.group())
        closer = next((j for j in range(i + 1, len(runs)) if len(runs[j].group()) == width), None)
        if closer is None:
            i += 1
            continue
        ranges.append((opener.start(), runs[closer].end()))
        i = closer + 1
    return ranges


@lru_cache(maxsize=1024)
def find_hashtags(text: str) -> tuple[Hashtag, ...]:
    """Every hashtag in `text`, as twitter-text finds them, minus those inside links or Markdown code spans."""
    if "#" not in text and "\uff03" not in text:
        return ()
    found = _scan_hashtags(text)
    if not found:
        return ()
    excluded = code_ranges(text)
    if "." in text or ":" in text:
        from postcheck.text.urls import find_links

        excluded += [(link.start, link.end) for link in find_links(text)]
    if not excluded:
        return tuple(found)
    excluded.sort()
    starts = [a for a, _ in excluded]
    reach = list(itertools.accumulate((b for _, b in excluded), max))  # furthest end among ranges so far
    kept = []
    for tag in found:
        i = bisect_left(starts, tag.end) - 1  # the ranges that start before the tag ends
        if i < 0 or reach[i] <= tag.start:
            kept.append(tag)
    return tuple(kept)


# ---------------------------------------------------------------------------------------------------------------
# Segmentation


@lru_cache(maxsize=64)
def _lexicon(extra: tuple[str, ...] = ()) -> dict[str, str]:
    """Lower-case key -> written form, for the built-in lexicon plus `extra` (which wins). A hashtag holds letters
    and digits only, so "A&E" is written "AE" and "LGBTQ+" "LGBTQ" (the lexicon spells out "AandE" too)."""
    table: dict[str, str] = {}
    for word in LEXICON:
        written = re.sub(r"[^A-Za-z0-9]", "", word)
        if written.lower() not in AMBIGUOUS:
            table[written.lower()] = written
    for word in extra:
        written = re.sub(r"[^A-Za-z0-9]", "", word)
        if written:
            table[written.lower()] = written
    return table


def lexicon_keys(extra: Iterable[str] = ()) -> frozenset[str]:
    """Lower-case forms of the casing lexicon's words (built-in plus `extra`), e.g. for acronym exceptions."""
    return frozenset(_lexicon(tuple(extra))) | AMBIGUOUS


MODEL_VERSION = 4  # bump when the way the model is built or stored changes
# The model's tables: name and the typecodes of the values kept beside each key. Words: log probability; word pairs
# written as one string ("iswear"): log probability and where the first word ends; letters: see `_letter_model`.
TABLES = (("words", "d"), ("pairs", "dH"), ("letters", "d"))
CHAR_ORDER = 4  # letters of context + 1 in the letter model of words
_ALPHABET = 27  # what may follow a context in that model: a letter or "$" (the end)
# The stored model is about 14 MB; a larger file is not one (and is never read into memory).
MAX_MODEL_BYTES = 64 * 1024 * 1024
# Each release of the word lists, each environment with its own copy of them, builds a model of its own (14 MB):
# one that no run has used for this long (an old release's, a removed virtualenv's) is deleted when a new one is
# stored. A model in use is touched at most once a day, so that it stays.
UNUSED_MODEL_DAYS = 30
_MAGIC = b"postcheck hashtag model\n"
_HEADER = struct.Struct("<24sIIQI")  # magic, version, sections, file size, CRC-32 of the index
_ENTRY = struct.Struct("<B2sIQII")  # table, key prefix, keys, offset, length, CRC-32 of the section
# The word lists' data files: the cached model is named after their size and time, so a new release rebuilds it
# (asking importlib.metadata for the versions would scan every installed distribution).
_SOURCES = (("wordfreq", "data/large_en.msgpack.gz"), ("wordsegment", "unigrams.txt"), ("wordsegment", "bigrams.txt"))


def _model_cache() -> Path | None:
    """Where the built model is kept between runs (a user cache folder), or None when caching is off."""
    import sys

    from postcheck.cache import user_cache

    key = str(MODEL_VERSION)
    for package, name in _SOURCES:
        # the package's data file as its import would find it, without importing it
        for entry in sys.path:
            try:
                info = (Path(entry or ".") / package / name).stat()
            except (OSError, ValueError):
                continue
            key += f"|{package}/{name}:{info.st_size}:{info.st_mtime_ns}"
            break
    try:
        return user_cache(f"hashtag-model-{MODEL_VERSION}-{zlib.crc32(key.encode()):08x}.bin")
    except (OSError, RuntimeError):  # no home folder
        return None


class Table:
    """A read-only str -> number table, kept in buckets of keys that share their first two characters; a bucket is
    read from the stored model (and checked) on its first lookup.

    A bucket is sorted keys beside arrays of their values, looked up by bisection. A run over a few posts reads a
    few hundred of the 2,400 buckets: loading them all took 0.09 s, which dominated such a run."""

    __slots__ = ("_model", "_number", "_buckets")

    def __init__(self, model: Model, number: int) -> None:
        self._model, self._number = model, number
        self._buckets: dict[str, tuple[list[str], tuple[array, ...]]] = {}

    def bucket(self, prefix: str) -> tuple[list[str], tuple[array, ...]]:
        """The sorted keys starting with `prefix` (two characters, or one for one-character keys) and their values."""
        found = self._buckets.get(prefix)
        if found is None:
            found = self._buckets[prefix] = self._model.read(self._number, prefix)
        return found

    def get(self, key: str, default: float | None = None, column: int = 0) -> float | None:
        keys, values = self.bucket(key[:2])
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return values[column][i]
        return default


class ModelFile:
    """A stored model opened for reading parts of it: a run reads the index and the few sections it looks up.

    It is opened without blocking (a FIFO planted in the cache folder must not hang the run) and refused unless it
    is a regular file of at most MAX_MODEL_BYTES. Where the system has no `os.pread` it is read whole."""

    def __init__(self, path: Path) -> None:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        self._file = os.fdopen(fd, "rb")
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _HEADER.size <= info.st_size <= MAX_MODEL_BYTES:
            self._file.close()
            raise ValueError("not a hashtag model file")
        self.size, self.mtime = info.st_size, info.st_mtime
        self._data = None if hasattr(os, "pread") else self._file.read(self.size)

    def read(self, offset: int, length: int) -> bytes:
        """`length` bytes at `offset`; ValueError when the file no longer has them."""
        if self._data is not None:
            data = self._data[offset : offset + length]
        else:
            data = os.pread(self._file.fileno(), length, offset)
        if len(data) != length:
            raise ValueError("hashtag model cut short")
        return data

    def close(self) -> None:
        self._file.close()

    def __del__(self) -> None:  # the model is kept for the run; a replaced one lets its file go
        file = getattr(self, "_file", None)  # not there when the file could not be opened
        if file is not None:
            file.close()


class _Packed:
    """A model held in memory, as just built (the same interface as ModelFile)."""

    def __init__(self, data: bytes) -> None:
        self.size, self._data = len(data), memoryview(data)

    def read(self, offset: int, length: int) -> bytes | memoryview:
        return self._data[offset : offset + length]


class Model:
    """The word model: tables whose buckets are read, and checked, on first use.

    File layout: a header (magic, version, number of sections, file size, CRC-32 of the index), the index (one entry
    per bucket: table, prefix, number of keys, offset, length, CRC-32) and the sections (keys joined by newlines,
    then each value column's packed numbers). Every size is checked against the file's before anything is read, so a
    damaged or planted file costs at most its own size in memory (bounded by MAX_MODEL_BYTES); a section whose
    checksum or shape is wrong makes the model rebuild (`rebuild`)."""

    def __init__(self, source: ModelFile | bytes, rebuild: Callable[[], bytes] | None = None) -> None:
        self._source = _Packed(source) if isinstance(source, bytes) else source
        self._rebuild = rebuild
        try:
            self._index = self._read_index(self._source)
        except (ValueError, OSError):
            if isinstance(source, ModelFile):
                source.close()
            raise
        self.words, self.pairs, self.letters = (Table(self, n) for n in range(len(TABLES)))

    @staticmethod
    def _read_index(source: ModelFile | _Packed) -> dict[tuple[int, str], tuple[int, int, int, int]]:
        if source.size < _HEADER.size:
            raise ValueError("too short for a hashtag model")
        magic, version, sections, size, crc = _HEADER.unpack(source.read(0, _HEADER.size))
        if magic != _MAGIC or version != MODEL_VERSION:
            raise ValueError("not a hashtag model of this version")
        end = _HEADER.size + sections * _ENTRY.size
        if size != source.size or end > size:
            raise ValueError("hashtag model cut short or too long")
        index_bytes = source.read(_HEADER.size, end - _HEADER.size)
        if zlib.crc32(index_bytes) != crc:
            raise ValueError("hashtag model index damaged")
        index = {}
        for table, prefix, count, offset, length, section_crc in _ENTRY.iter_unpack(index_bytes):
            if table >= len(TABLES) or offset < end or offset + length > size:
                raise ValueError("hashtag model index damaged")
            index[(table, prefix.rstrip(b"\0").decode("ascii"))] = (count, offset, length, section_crc)
        return index

    def read(self, table: int, prefix: str) -> tuple[list[str], tuple[array, ...]]:
        """One bucket of a table; an empty one when the table has no key with that prefix."""
        try:
            return self._section(table, prefix)
        except (ValueError, UnicodeDecodeError, OSError):
            if self._rebuild is None:
                raise
        if isinstance(self._source, ModelFile):
            self._source.close()
        self._source, self._rebuild = _Packed(self._rebuild()), None  # damaged since it was opened: rebuild once
        self._index = self._read_index(self._source)
        return self._section(table, prefix)

    def _section(self, table: int, prefix: str) -> tuple[list[str], tuple[array, ...]]:
        typecodes = TABLES[table][1]
        entry = self._index.get((table, prefix))
        if entry is None:
            return [], tuple(array(code) for code in typecodes)
        count, offset, length, crc = entry
        section = memoryview(self._source.read(offset, length))
        if zlib.crc32(section) != crc:
            raise ValueError("hashtag model section damaged")
        columns = [array(code) for code in typecodes]
        at = length - count * sum(column.itemsize for column in columns)
        if at < 0:
            raise ValueError("hashtag model section damaged")
        keys = str(section[:at], "ascii").split("\n") if at else []
        for column in columns:
            column.frombytes(section[at : at + count * column.itemsize])
            at += count * column.itemsize
        if len(keys) != count or any(not key.startswith(prefix) for key in (keys[:1] + keys[-1:])):
            raise ValueError("hashtag model section damaged")
        return keys, tuple(columns)


def pack_model(tables: dict[str, dict[str, float | tuple[float, ...]]]) -> bytes:
    """The built model in its stored form (see `Model`): per table, a value per key (a tuple of them for a table of
    several columns). Keys must be ASCII without a newline (others are left out: a hashtag piece is ASCII letters
    and digits)."""
    sections: list[tuple[int, str, int, bytes]] = []
    for number, (name, typecodes) in enumerate(TABLES):
        table = tables[name]
        keys = sorted(k for k in table if k and k.isascii() and "\n" not in k)
        if len(typecodes) == 1:
            columns = [array(typecodes, map(table.__getitem__, keys))]
        else:
            rows = list(map(table.__getitem__, keys))
            columns = [array(code, [row[i] for row in rows]) for i, code in enumerate(typecodes)]
        starts = [i for i in range(len(keys)) if i == 0 or keys[i][:2] != keys[i - 1][:2]]
        for a, b in zip(starts, [*starts[1:], len(keys)], strict=True):
            blob = "\n".join(keys[a:b]).encode("ascii") + b"".join(column[a:b].tobytes() for column in columns)
            sections.append((number, keys[a][:2], b - a, blob))
    start = _HEADER.size + len(sections) * _ENTRY.size
    index, offset = bytearray(), start
    for number, prefix, count, blob in sections:
        index += _ENTRY.pack(number, prefix.encode("ascii"), count, offset, len(blob), zlib.crc32(blob))
        offset += len(blob)
    header = _HEADER.pack(_MAGIC, MODEL_VERSION, len(sections), offset, zlib.crc32(index))
    return b"".join([header, bytes(index), *(blob for *_, blob in sections)])


def _letter_model(words: Iterable[str]) -> dict[str, float]:
    """Letter 4-grams of the spelling of words (each word once, "^" pads the start, "$" ends it): gram -> log
    probability of its last letter after the first three; a 3-letter context alone -> that of a letter unseen after it.
    """
    from collections import Counter

    pad = "^" * (CHAR_ORDER - 1)
    padded = [pad + word + "$" for word in words]
    grams = Counter(chars[i : i + CHAR_ORDER] for chars in padded for i in range(len(chars) - CHAR_ORDER + 1))
    contexts: Counter[str] = Counter()
    for gram, n in grams.items():  # each gram is one sighting of its context
        contexts[gram[:-1]] += n
    smooth = 0.1  # add-0.1 smoothing
    table = {g: math.log((n + smooth) / (contexts[g[:-1]] + smooth * _ALPHABET)) for g, n in grams.items()}
    table.update((c, math.log(smooth / (n + smooth * _ALPHABET))) for c, n in contexts.items())
    return table


def build_model() -> dict[str, dict[str, float | tuple[float, ...]]]:
    """Unigram log probabilities (wordfreq and wordsegment averaged), web word pairs as joined strings (log
    probability and where the first word ends), and a letter model of how known words are spelt."""
    import wordsegment
    from wordfreq import get_frequency_dict

    log = math.log
    wf = {w: log(f) for w, f in get_frequency_dict("en", wordlist="large").items() if w.isascii() and w.isalnum()}
    if not wordsegment.UNIGRAMS:
        wordsegment.load()
    total = log(1024908267229.0)  # wordsegment's corpus size
    ws = {w: log(c) - total for w, c in wordsegment.UNIGRAMS.items()}
    only_one = log(0.1)  # a word that only one list knows is less trusted
    words = {w: a + only_one if (b := ws.get(w)) is None else (a + b) / 2 for w, a in wf.items()}
    words.update((w, b + only_one) for w, b in ws.items() if w not in wf)
    pairs: dict[str, float | tuple[float, ...]] = {}
    for pair, count in wordsegment.BIGRAMS.items():
        a, _, b = pair.partition(" ")
        if a.isalpha() and b.isalpha():
            pairs[a + b] = (log(count) - total + 1.0, len(a))
    return {"words": words, "pairs": pairs, "letters": _letter_model(w for w in wf if w.isalpha())}


def load_model() -> Model:
    """The model from the user cache, built (about 3 s) and stored on first use; a damaged or foreign file is
    rebuilt."""
    path = _model_cache()

    def rebuild() -> bytes:
        data = pack_model(build_model())
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                for stale in path.parent.glob(".hashtag-model-*.tmp"):  # left by a run killed while writing
                    if time.time() - stale.lstat().st_mtime > 3600:
                        stale.unlink()
                partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                partial.write_bytes(data)
                os.replace(partial, path)
                prune_models(path)
            except OSError:
                pass
        return data

    if path is not None:
        try:
            stored = ModelFile(path)
            model = Model(stored, rebuild)
        except (OSError, ValueError):
            pass
        else:
            if time.time() - stored.mtime > 86400:
                with contextlib.suppress(OSError):
                    os.utime(path)  # in use: not pruned as unused
            return model
    return Model(rebuild())  # the same tables a cached run gets


def prune_models(kept: Path) -> None:
    """Delete the stored models beside `kept` that no run has used for UNUSED_MODEL_DAYS."""
    for other in kept.parent.glob("hashtag-model-*.bin"):
        with contextlib.suppress(OSError):
            if other != kept and time.time() - other.lstat().st_mtime > UNUSED_MODEL_DAYS * 86400:
                other.unlink()


# A Viterbi table (see Segmenter.best): the buckets looked up per start, and per end the best (log probability,
# start, last piece) of the text up to there.
Viterbi = tuple[tuple[list, list], list[tuple[float, int, tuple[str, ...]] | None]]


class Segmenter:
    """Viterbi over unigrams from wordfreq (Twitter among its sources) and wordsegment (web), plus web word pairs."""

    MAX_WORD = 24
    WORD_BONUS = -2.0  # log bonus per word: unigram models under-split
    PAIR_BONUS = 0.0  # extra log bonus for a known word pair
    # Log probability that a string is one word the lists lack (a name, a brand), before its spelling's probability.
    UNKNOWN_WORD = -8.0

    def __init__(self, model: Model | None = None) -> None:
        self.model = model or load_model()
        self.words, self.pairs, self.letters = self.model.words, self.model.pairs, self.model.letters
        self.digits = math.log(1e-4)  # a run of digits: a token of its own

    def pair(self, word: str) -> tuple[float, tuple[str, str]] | None:
        """A web word pair written as one string ("iswear"): its log probability and its two words."""
        keys, (scores, cuts) = self.pairs.bucket(word[:2])
        i = bisect_left(keys, word)
        if i == len(keys) or keys[i] != word:
            return None
        return scores[i], (word[: cuts[i]], word[cuts[i] :])

    def unknown(self, word: str) -> float:
        """Log probability of `word` as one word the lists lack, spelt like the words they know (letter 4-grams)."""
        letters, order = self.letters, CHAR_ORDER
        chars = "^" * (order - 1) + word + "$"
        total = self.UNKNOWN_WORD
        for i in range(order, len(chars) + 1):
            gram = chars[i - order : i]
            score = letters.get(gram)
            if score is None:
                score = letters.get(gram[:-1], -math.log(_ALPHABET))
            total += score
        return total

    def score(self, word: str) -> float | None:
        """Log probability of one token, or None when it is not a known word."""
        if word.isalpha():
            return self.words.get(word)
        if word.isdigit():
            return self.digits
        key = re.sub(r"\d", "0", word) if sum(c.isdigit() for c in word) > 1 else word
        return self.words.get(key)

    def best(self, text: str, floors: dict[str, float], uncut: int = 0) -> tuple[list[str], float] | None:
        """The most probable split of `text` into known words (and digit runs), with its log probability; a word
        of `floors` counts as at least that probable. With `uncut`, the best split with no word boundary there."""
        return self.read(self.table(text, floors, uncut))

    def table(self, text: str, floors: dict[str, float], uncut: int = 0) -> Viterbi:
        """The work behind `best`, kept so that `best_without` can reuse it."""
        lookups = self._lookups(text)
        return lookups, self._fill(text, floors, uncut, lookups)

    def best_without(
        self, text: str, floors: dict[str, float], plain: Viterbi, cuts: Iterable[int]
    ) -> Iterator[tuple[list[str], float] | None]:
        """`best(text, floors, uncut=at)` for each `at` of `cuts`, in turn, from the table of `best(text, floors)`:
        the buckets are the same, and so is the table before `at`, so only the rest of it is filled again."""
        lookups, rows = plain
        for at in cuts:
            yield self.read((lookups, self._fill(text, floors, at, lookups, rows[:at])))

    def _lookups(self, text: str) -> tuple[list, list]:
        """Per start: the buckets of words and of word pairs that start as text does there."""
        n = len(text)
        word_buckets = [self.words.bucket(text[start : start + 2]) for start in range(n)]
        pair_buckets = [self.pairs.bucket(text[start : start + 2]) for start in range(n)]
        return word_buckets, pair_buckets

    def _fill(
        self,
        text: str,
        floors: dict[str, float],
        uncut: int,
        lookups: tuple[list, list],
        prefix: list[tuple[float, int, tuple[str, ...]] | None] | None = None,
    ) -> list[tuple[float, int, tuple[str, ...]] | None]:
        """The Viterbi table: per end, the best (log probability, start, last piece) of text[:end]; with `prefix`,
        its first entries as given (those before `uncut` do not depend on it)."""
        n = len(text)
        best: list[tuple[float, int, tuple[str, ...]] | None] = [None] * (n + 1)
        if prefix:
            best[: len(prefix)] = prefix
        else:
            best[0] = (0.0, 0, ())
        # The hot loop: Table.get inlined (bisection in the bucket of keys that start as the piece does) for plain
        # words and word pairs. Once no key starts with text[start:end], none is text[start:end + k]: the bucket is
        # not searched again from that start. Pieces of one character are looked up in their own small bucket.
        word_buckets, pair_buckets = lookups
        word_open, pair_open = [True] * n, [True] * n
        bonus = self.WORD_BONUS
        pair_bonus = 2 * bonus + self.PAIR_BONUS
        for end in range(max(1, len(prefix or ())), n + 1):
            top = None
            if end == uncut:
                continue
            for start in range(max(0, end - self.MAX_WORD), end):
                prev = best[start]
                if prev is None:
                    continue
                word = text[start:end]
                s = None
                if end - start == 1 or not word.isalpha():
                    s = self.score(word)
                elif word_open[start]:  # self.score(word), without the call
                    keys, (values,) = word_buckets[start]
                    i = bisect_left(keys, word)
                    key = keys[i] if i < len(keys) else ""
                    if key == word:
                        s = values[i]
                    elif not key.startswith(word):
                        word_open[start] = False
                floor = floors.get(word)
                if floor is not None and (s is None or s < floor):
                    s = floor
                if s is not None:
                    total = prev[0] + s + bonus
                    if top is None or total > top[0]:
                        top = (total, start, (word,))
                if pair_open[start] and end - start > 1:
                    keys, (values, cuts) = pair_buckets[start]
                    i = bisect_left(keys, word)
                    key = keys[i] if i < len(keys) else ""
                    if key == word and start + cuts[i] != uncut:
                        total = prev[0] + values[i] + pair_bonus
                        if top is None or total > top[0]:
                            top = (total, start, (word[: cuts[i]], word[cuts[i] :]))
                    elif key != word and not key.startswith(word):
                        pair_open[start] = False
            best[end] = top
        return best

    @staticmethod
    def read(table: Viterbi) -> tuple[list[str], float] | None:
        """The split a Viterbi table ends with, and its log probability; None when there is none."""
        best = table[1]
        n = len(best) - 1
        if best[n] is None:
            return None
        found: list[str] = []
        end = n
        while end > 0:
            _, start, piece = best[end]
            found[:0] = piece
            end = start
        return found, best[n][0]


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    """The segmentation model, loaded once, on first need."""
    return Segmenter()


def _marked(part: str) -> bool:
    """Whether the author already marks words with capitals (a capital inside, beside small letters)."""
    return any(c.isupper() for c in part[1:]) and any(c.islower() for c in part)


def _words_in(form: str) -> int:
    """How many words of letters a CamelCase form reads as ("NHSScotland": 2, "NHS111": 1)."""
    return len(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", form))


def _needs_model(part: str, lexicon: dict[str, str]) -> bool:
    """Whether a hashtag part could hide several uncased words (cheap test, no model)."""
    letters = sum(c.isalpha() for c in part)
    if letters <= 3 or part.isdigit() or _marked(part) or (part.isupper() and letters <= 5):
        return False  # short, a number, an acronym in capitals, or the author's capitals mark the words: trust them
    return re.sub(r"[^a-z0-9]", "", part.lower()) not in lexicon


def _stray(words: list[str], i: int) -> bool:
    """A single letter that is not a word where it stands: not "a"/"i" (but "a" last), and not next to a number."""
    word = words[i]
    if len(word) != 1 or word.isdigit() or (word in _SINGLE_LETTER_WORDS and (word != "a" or i + 1 < len(words))):
        return False
    beside_digit = (i > 0 and words[i - 1][-1].isdigit()) or (i + 1 < len(words) and words[i + 1][0].isdigit())
    return not beside_digit


def _before_a(word: str, model: Segmenter) -> bool:
    """Whether the web word pairs know `word` followed by "a" often enough ("what a", "on a"; not "go a", "int a")."""
    unit = model.pair(word + "a")
    return unit is not None and unit[1] == (word, "a") and unit[0] >= BEFORE_A_LOGP


def _case(word: str, lexicon: dict[str, str], acronym: bool = False) -> str:
    """A word of a CamelCase hashtag: as the lexicon writes it, all capitals for an acronym, else capitalised.

    In a CamelCase hashtag each capital starts a word, so a lexicon form that starts small and has an inner capital
    ("iPhone", "eBay") would read as two words: it is written with one capital ("NewIphoneFund"). Forms that start
    with a capital keep theirs ("AandE", "DfE", "YouTube").
    """
    known = lexicon.get(word)
    if known:
        return known[:1].upper() + known[1:].lower() if known[0].islower() and _INNER_CAPITAL.search(known) else known
    return word.upper() if acronym else word[:1].upper() + word[1:]


@lru_cache(maxsize=64)
def _boosts(keys: tuple[str, ...]) -> dict[str, float]:
    """Floors under the word lists' log probabilities: health words count as common words, and lexicon words as more
    common still ("mri|scan", not "mr|is|can"), however rare the word lists think them."""
    common = math.log(2e-5)
    floors = dict.fromkeys(HEALTH_WORDS, common)
    floors.update((key, max(floors.get(key, -99.0), LEXICON_LOGP)) for key in keys)
    return floors


def _logp(word: str, model: Segmenter, floors: dict[str, float]) -> float | None:
    """A word's log probability in a split: the word lists' figure, raised to its floor."""
    s, floor = model.score(word), floors.get(word)
    return s if floor is None or (s is not None and s >= floor) else floor


def _repeats(word: str, model: Segmenter) -> list[str]:
    """A word made of one common word said again and again ("dingdingding", "heehee") as those words."""
    for size in range(3, len(word) // 2 + 1):
        unit = word[:size]
        if len(word) % size == 0 and word == unit * (len(word) // size):
            if (model.score(unit) or -99) >= REPEAT_LOGP:
                return [unit] * (len(word) // size)
            break
    return [word]


def _compound(word: str, model: Segmenter) -> list[str]:
    """A compound the word lists know whole ("techtalk", "freshbooks") as its two words, inside a split that has
    other words anyway: when the two words are nearly as probable as the compound ("JapanTechTalk")."""
    whole = model.score(word) if len(word) >= 2 * COMPOUND_PIECE and word.isalpha() else None
    if whole is None:
        return [word]
    top = None
    for cut in range(COMPOUND_PIECE, len(word) - COMPOUND_PIECE + 1):
        a, b = model.score(word[:cut]), model.score(word[cut:])
        if a is not None and b is not None and min(a, b) >= COMPOUND_LOGP and (top is None or a + b > top[0]):
            top = (a + b, [word[:cut], word[cut:]])
    return top[1] if top is not None and top[0] >= whole - COMPOUND_MARGIN else [word]


def _phrase(word: str, model: Segmenter) -> list[str]:
    """A known word that is a phrase round "of", "the" or "and" ("callofduty", "gameofthrones") as its words: when
    its two content words are at least as probable together as the whole (the small word costs nothing)."""
    whole = model.score(word)
    if whole is None or len(word) < 8:
        return [word]
    best = None
    for small in PHRASE_WORDS:
        at = word.find(small, 3)
        while 3 <= at <= len(word) - len(small) - 3:
            head, tail = word[:at], word[at + len(small) :]
            a, b = model.score(head), model.score(tail)
            known = a is not None and b is not None and min(a, b) >= PHRASE_LOGP
            if known and a + b >= whole and (best is None or a + b > best[0]):
                best = (a + b, [head, small, tail])
            at = word.find(small, at + 1)
    return best[1] if best else [word]


def _rival(
    text: str, found: tuple[list[str], float], plain: Viterbi, model: Segmenter, floors: dict[str, float]
) -> bool:
    """Whether a split without one of the found word boundaries is nearly as probable: "awards|how" against
    "award|show", "meadow|small" against "meadows|mall". Either could be meant, so the fix is not safe. `plain` is
    the table `found` was read from."""
    # The last boundary first: its table has the fewest entries to fill again.
    cuts = list(itertools.accumulate(len(word) for word in found[0][:-1]))[::-1]
    for rival in model.best_without(text, floors, plain, cuts):
        if rival is not None and rival[1] >= found[1] - RIVAL_MARGIN:
            return True
    return False


def segment(text: str, lexicon: dict[str, str]) -> tuple[list[str], bool, set[int]] | None:
    """Words of a lower-case alphanumeric string, whether the split is confident and which words are acronyms,
    or None to leave the string alone."""
    model = segmenter()
    boosts = _boosts(tuple(lexicon))
    plain = model.table(text, boosts)
    found = model.read(plain)
    if found is None:
        return None
    whole = model.score(text)
    if whole is None and model.unknown(text) > found[1]:
        return None  # spelt like one word the lists lack ("twittelator", "sakshama") more than like its best split
    if whole is not None and whole >= KNOWN_WHOLE_LOGP and len(found[0]) == 2 and model.pair(text) is None:
        return None  # a word the lists know well that no web word pair explains ("witham", a town): one word
    words = [piece for word in found[0] for part in _phrase(word, model) for piece in _repeats(part, model)]
    parts = len(words)
    if parts > 1:  # lexicon and health words are written as one word on purpose ("breastfeeding")
        words = [
            piece
            for word in words
            for piece in (_compound(word, model) if word not in lexicon and word not in _HEALTH else [word])
        ]
    if any(_stray(words, i) for i in range(len(words))):
        return None
    if any(w == "a" and 0 < i < len(words) - 1 and not _before_a(words[i - 1], model) for i, w in enumerate(words)):
        return None  # "go|a|trance", "int|a|photo": a word the web never puts before "a" makes "a" a stray letter
    logps = {w: _logp(w, model, boosts) for w in words}
    letters = [w for w in words if not w.isdigit()]
    if any(w in SUFFIXES and words[i - 1].isalpha() and words[i - 1] not in lexicon for i, w in enumerate(words) if i):
        return None  # a word and an ending ("retweet|ist", "php|viking|er"): one word the lists do not know
    # Only short pieces ("ot|bc"): an acronym or a name is more likely than a run of rare words; beside a lexicon
    # acronym of 3 letters ("nhs|app") or after a determiner ("the|jar") a word of 3 letters may be rarer.
    anchored = any(len(w) == 3 and w in lexicon for w in letters) or (len(words) == 2 and words[0] in DETERMINERS)
    if max(map(len, letters)) <= 3 and any(
        w not in lexicon
        and w not in _HEALTH
        and (logps[w] or -99) < (ANCHORED_SHORT_LOGP if anchored and len(w) == 3 else SHORT_LOGP)
        for w in letters
    ):
        return None
    # a string the word lists know whole may be one word after all, and so may a compound split above
    confident = whole is None and len(words) == parts
    acronyms, codes = set(), set()
    for i, word in enumerate(words):
        if word.isdigit() or word in lexicon:
            continue
        logp = logps[word]
        if logp is not None and logp >= MIN_LOGP.get(len(word), MIN_LOGP[0]):
            confident = confident and logp >= CONFIDENT_LOGP
        elif sum(c.isdigit() for c in word) == 1 and len(word) <= 3 and logp is not None and logp >= ACRONYM_LOGP:
            codes.add(i)  # a code of letters and digits ("1d", "cr7", "p90x")
            confident = False
        elif len(word) in (2, 3) and word.isalpha() and logp is not None and logp >= ACRONYM_LOGP and not acronyms:
            acronyms.add(i)  # one rare short piece beside a common word: an acronym ("mh|strategy", "ux|london")
            confident = False
        else:
            return None  # a rare or unknown piece: more likely a name or an acronym than a word
    if acronyms and not any(len(w) >= 4 and (logps[w] or -99) >= COMMON_LOGP for w in letters):
        return None
    if confident and _rival(text, found, plain, model, boosts):
        confident = False
    return words, confident, codes | {i for i in acronyms if not set(words[i]) & set("aeiouy")}


def segment_elongated(text: str, lexicon: dict[str, str]) -> tuple[list[str], bool, set[int]] | None:
    """`segment`, with letters stretched for emphasis ("happpybirthday", "buzzzing") read as the plain word: runs of
    three or more of a letter are cut to two, the split is made on that and mapped back (never a safe fix)."""
    if not _ELONGATED.search(text):
        return segment(text, lexicon)
    offsets = [m.start() + k for m in _RUN.finditer(text) for k in range(min(2, len(m.group())))]  # letters kept
    squeezed = "".join(text[i] for i in offsets)
    model, boosts = segmenter(), _boosts(tuple(lexicon))
    plain, short = model.best(text, boosts), model.best(squeezed, boosts)
    stretched = len(_ELONGATED.findall(text))
    if short is None or (plain is not None and plain[1] >= short[1] + ELONGATED_LOGP * stretched):
        return segment(text, lexicon)  # "useless|skills", "ill|love": three letters across two words
    found = segment(squeezed, lexicon)
    if found is None:
        return None
    cuts = [0]
    for word in found[0][:-1]:
        cuts.append(cuts[-1] + len(word))
    bounds = [0, *(offsets[cut] for cut in cuts[1:]), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)], False, found[2]


def suggest(tag: str, words: Iterable[str] = ()) -> tuple[str | None, bool]:
    """CamelCase form of a hashtag (without `#`) when it holds several uncased words: (suggestion, confident).

    Returns (None, False) when the hashtag is fine or no split can be trusted.
    """
    return _suggest(tag, tuple(words))


@lru_cache(maxsize=4096)  # campaigns repeat their hashtags across many posts
def _suggest(tag: str, words: tuple[str, ...]) -> tuple[str | None, bool]:
    lexicon = _lexicon(words)
    if not tag.isascii() or not re.fullmatch(r"[A-Za-z0-9_]+", tag):
        return None, False  # other scripts: no model to judge them
    parts = tag.split("_")
    out = []
    changed = False
    confident = True
    for part in parts:
        known = lexicon.get(part.lower())
        if known and known != part and _words_in(known) > 1 and known not in BRANDS and not _marked(part):
            out.append(known)  # a lexicon term of several words, written without its capitals (#nhsscotland)
            changed = True
            continue
        if not _needs_model(part, lexicon):
            out.append(part)
            continue
        found = segment_elongated(part.lower(), lexicon)
        if found is None:
            out.append(part)
            continue
        split, sure, acronyms = found
        if sum(any(c.isalpha() for c in w) for w in split) < 2:
            out.append(part)  # one word, perhaps with a number: nothing to mark
            continue
        out.append("".join(_case(w, lexicon, i in acronyms) for i, w in enumerate(split)))
        changed = changed or out[-1] != part
        # an everyday word that is also an acronym ("send", "aids") could be either: the fix is not safe
        confident = confident and sure and not any(w in AMBIGUOUS and w not in lexicon for w in split)
    if not changed:
        return None, False
    return "_".join(out), confident
