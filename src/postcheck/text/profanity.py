"""Swearing: the maintained word list (profanity.txt) and a matcher that finds its entries as whole words,
obfuscated spellings included (M102)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from postcheck.text import APOSTROPHES, CAMEL_WORD, LazyPattern

WORD_LIST = Path(__file__).with_name("profanity.txt")


@dataclass(frozen=True)
class WordList:
    """Profanity entries: exact words, word stems, name-like words, phrases, and phrases never reported."""

    words: frozenset[str]
    stems: tuple[str, ...]
    name_like: frozenset[str]  # not reported when Capitalised
    phrases: tuple[str, ...]
    innocent: tuple[str, ...]
    endings: tuple[str, ...] = ()  # words that end longer words: clusterfuck, dogshit

    @classmethod
    def parse(cls, lines: list[str]) -> WordList:
        words, stems, name_like, phrases, innocent, endings = set(), [], set(), [], [], []
        for line in lines:
            line = line.split("#", 1)[0].strip().lower().translate(APOSTROPHES)
            if not line:
                continue
            if line.startswith("!"):
                innocent.append(line[1:].strip())
                continue
            tilde = line.endswith("~")
            line = line.rstrip("~").strip()
            if " " in line or "-" in line:  # a phrase, or a hyphenated word ("a-hole")
                phrases.append(line)
            elif line.endswith("*"):
                stems.append(line[:-1])
            elif line.startswith("*"):
                endings.append(line[1:])
            else:
                words.add(line)
                if tilde:
                    name_like.add(line)
        return cls(
            frozenset(words), tuple(stems), frozenset(name_like), tuple(phrases), tuple(innocent), tuple(endings)
        )


@lru_cache(maxsize=1)
def builtin_words() -> WordList:
    """The maintained word list in text/profanity.txt."""
    return WordList.parse(WORD_LIST.read_text(encoding="utf-8").splitlines())


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip()) if p]
    # Not inside a word, nor after a word's apostrophe (O'Neil); an opening quote ('Jane Example') is fine.
    return re.compile(r"(?<!\w)(?<!\w')" + r"[\s-]+".join(parts) + r"(?![\w])", re.IGNORECASE)


def _any_phrase(phrases, *, hyphenated_words: bool = False) -> re.Pattern[str] | None:
    """One pattern matching any of the phrases as whole words, longest first; None for no phrases. With
    `hyphenated_words`, a phrase of no spaces keeps its hyphens ("a-hole" is not "a hole"); otherwise a hyphen is
    any spacing, as between a phrase's words ("cock-a-leekie").

    The word-boundary look-arounds of `_phrase_pattern` stand once, outside the alternation: inside it, the
    look-behinds came first in every branch, so each branch was tried at every position of the text (20x slower)."""
    bodies = []
    for phrase in sorted(phrases, key=len, reverse=True):
        if hyphenated_words and not re.search(r"\s", phrase.strip()):
            bodies.append(r"[-\u2010\u2011]".join(re.escape(p) for p in phrase.strip().split("-")))
            continue
        parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip()) if p]
        if parts:
            bodies.append(r"[\s-]+".join(parts))
    if not bodies:
        return None
    return re.compile(r"(?<!\w)(?<!\w')(?:" + "|".join(bodies) + r")(?!\w)", re.IGNORECASE)


_WORD_RUN = LazyPattern(r"\w+")


def _heads(phrases) -> frozenset[str] | None:
    """The first run of word characters of each phrase, lower-cased: wherever `_any_phrase` matches in ASCII text,
    one of them is a whole run of word characters there (look-arounds or separators stand on either side). None
    when a phrase has none (then every text must be searched)."""
    heads = set()
    for phrase in phrases:
        first = _WORD_RUN.search(re.split(r"[\s-]+", phrase.strip())[0]) if phrase.strip() else None
        if first is None:
            return None
        heads.add(first.group().lower())
    return frozenset(heads)


_LEET = str.maketrans({"0": "o", "1": "i", "!": "i", "3": "e", "4": "a", "@": "a", "$": "s", "5": "s", "7": "t"})
_WILD = "*#"
_GRAWLIX = LazyPattern(r"[@$!%]")
_GRAWLIX_RUN = LazyPattern(r"[@$!%*#]{2}")  # two symbols together
# "BS" for bullshit, only as a verdict ("total BS", "that's BS"): not a standard ("BS 5839", "BS EN 1090"), a degree
# ("BSc") or a body ("BSL"), nor joined to more by a full stop ("bs.com", "BS.5839"); a full stop that ends the
# sentence is no part of it ("Total BS."). In capitals or lower case as written, never mixed.
_BS = LazyPattern(
    r"\b(?:(?:total|utter|complete|absolute|pure|such|a load of|load of|a lot of|that's|that is|it's|this is)\s+)"
    r"(?:BS|bs|B\.S\.?)(?!\w|\.\w)(?!\s*(?:\d|EN\b|ISO\b|en\b|iso\b))",
    re.IGNORECASE,
)
# An emoji typed for a letter inside a word ("sh💩t", "f🤬ck") joins the letters round it into one token, and is read as
# a wildcard; an emoji between two words with no letter touching it on both sides joins nothing.
_EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf"
# A character that shows nothing, typed inside a word to get past a filter ("sh\u200bite"), joins the letters round it:
# the zero-width space and non-joiner, the word joiner, the byte-order mark and the soft hyphen (not the zero-width
# joiner, which builds emoji: "👩\u200d⚕️").
_HIDDEN = "\u200b\u200c\u2060\ufeff\u00ad"
_HIDDEN_RUN = LazyPattern(f"[{_HIDDEN}]+")
_TOKEN = LazyPattern(rf"[\w@$*#!%{_HIDDEN}]+(?:[{_EMOJI}]\ufe0f?[\w@$*#!%{_HIDDEN}]+)*")  # % among them: "f%$king"
_EMOJI_LETTER = LazyPattern(rf"[{_EMOJI}]\ufe0f?")
_ROAD = LazyPattern(r"[A-Z]\d+")  # A55, M25, B1234: a road or route number, not a disguised word


_INFLECTION = LazyPattern(r"(?:ing|in|ed|ers?|e?s|y)$")  # "in" as the g is dropped: "muthafuckin"
_X_FOR_CKS = LazyPattern(r"(?<=.{4})x(?:ed|ing|es)?$")  # "bollox", "bolloxed": four letters before, as in "bollox"
# Faggots the dish (meatballs in gravy), not the slur: "Faggots, mash and mushy peas", "pork faggots in onion gravy".
# A few words at most between the dish and what it is served with; blanked before the words are read.
_DISH = LazyPattern(
    r"\b(?:(?:pork|beef|lamb|homemade|home-made|traditional|brains'?)\s+)?faggots?\b(?=[\s,&+]+(?:(?:and|n'?|with|in|"
    r"mash|mashed|mushy|rich|onion|onions|gravy|peas|chips|potatoes|a|some)\b[\s,&+]*){0,4}"
    r"(?:peas|mash|gravy|chips|onions?|potatoes|greens)\b)|"
    r"\b(?:pork|beef|lamb|homemade|home-made|traditional|brains'?)\s+faggots?\b",
    re.IGNORECASE,
)
# A bitch the dog, in a breeder's or a therapy dog's post: after a breed or a dog's word ("Labrador bitch", "a brood
# bitch"), or before a puppy or a whelp ("a bitch puppy", "bitches in whelp"); blanked before the words are read.
# A blood clot, written apart (not the listed "bloodclot" in two words) or run together by a typing slip in a medical
# sentence: after an article or "of", or a plural. Read only where "clot" is: phrases that open with "a" or "the" among
# the innocent ones would send nearly every post through them.
_MEDICAL_CLOT = LazyPattern(
    r"\b(?:(?:a|the|of|any|no)\s+bloodclot|bloodclots|bloodclotting|blood\s+clots?)\b", re.IGNORECASE
)
# "Bloody" as a word of what is seen, before a clinical noun with another such word between: "a bloody, cloudy patch
# in the eye", "bloody, watery diarrhoea", "bloody and mucousy stools" (the word list's phrases hold "bloody" right
# before its noun: "bloody nose").
_SEEN_BLOODY = LazyPattern(
    # ... or said of what comes up or out: "If you're being sick and it's bloody, or looks like coffee grounds", "If
    # your sick is bloody or looks like coffee grounds"; or of a part of the body or a dressing: "If her nose is still
    # bloody after 10 minutes of pinching" (not "the nose is bloody awful").
    r"\b(?:sick|vomit|vomiting|poos?|wees?|urine|stools?|phlegm|mucus|spit|nose|nostrils?|gums?|lips?|mouth|socket|sockets|dressings?|gauze|pads?|"
    r"bandages?|plasters?|wounds?|cuts?|grazes?|scabs?|stitches|tissues?|nappy|nappies|discharge|semen|sperm)\s+"
    # ("if a cut from wire or machinery is still bloody": what it came from between.)
    r"(?:(?:from|on|in|to|after)\s+(?:(?:an?|the|your|his|her)\s+)?[\w-]+(?:\s+(?:or|and)\s+[\w-]+)?\s+)?"
    r"(?:\w+s\s+(?:or|and)\s+)?"  # ("if your discharge smells or turns bloody")
    # ("If the discharge turns bloody again": what it becomes; "If a wound is deep, gaping or still bloody after":
    # listed.)
    # ("Poo that's bloody, black or sticky like tar")
    r"(?:(?:and\s+)?(?:if\s+)?(?:it's|it\s+is)|that's|(?:that\s+|which\s+)?(?:is|was|are|were|turns?|turned|goes|went|becomes?|"
    r"became))\s+(?:(?:[\w-]+\s*,\s*){0,3}[\w-]+\s+(?:or|and)\s+)?(?:still\s+)?bloody"
    r"(?=\s*(?:[,.;!?)]|$|\s+(?:or|and|after|when|again|for\s+(?:a|\d|more|longer|over)|the\s+(?:day|morning|next))\b))|"
    r"\bbloody(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)(?:(?:dark|light|bright|deep)\s+)?(?:cloudy|clear|watery|mucousy|mucusy|slimy|sticky|runny|frothy|foamy|"
    r"dark|red|black|brown|pink|crusty|weepy|swollen|painful|sore|itchy|smelly|yellow|green|pus-filled|lumpy|rusty|"
    r"[a-z]+-(?:coloured|colored|tinged|streaked))"
    r"(?:\s*,\s*|\s+)(?:patch(?:es)?|spots?|diarrho?ea|stools?|poos?|wee|pee|urine|discharge|mucus|sputum|vomit|phlegm|"
    r"coughs?|nose|nipples?|spit|saliva|tears?|milk|rash|lumps?|blisters?|graze|scabs?|wounds?|cuts?|sores?|eyes?|fluid|"
    r"nappy|nappies|streaks?|specks?|flecks?)\b|"
    # ... or still so, said of what the sentence before named: "A bit of blood in your semen is common. If it's still
    # bloody after that, give your GP a ring" (not "if it's still bloody freezing").
    r"\b(?:if|when|once|while)\s+(?:it's|it\s+is|they're|they\s+are)\s+still\s+bloody"
    r"(?=\s*(?:[,.;!?)]|$|\s+(?:or|and|after|when|again|for\s+(?:a|\d|more|longer|over))\b))|"
    # ... or said of how a thing looks, ending its phrase: "If the dressing looks bloody or soaked through" (not "looks
    # bloody awful").
    # ("If the verruca becomes bloody or starts to weep", "gets bloody", too.)
    r"\b(?:looks?|looked|looking|appears?|seems?|comes?\s+out|came\s+out|turns?|turned|becomes?|became|gets?|got)\s+"
    r"(?:a\s+(?:bit|little)\s+|"
    r"slightly\s+|very\s+|quite\s+)?bloody(?=\s*(?:[,.;!?)]|$|\s+(?:or|and)\s))|"
    # ... or listed after another such word, ending its phrase or before what is seen: "the dressing is soaked and
    # bloody after 10 minutes", "a flat, scaly, crusty or bloody patch", "Dry, cracked or bloody lips" (not "wet and
    # bloody freezing").
    r"\b(?:soaked|wet|damp|sticky|swollen|sore|raw|weepy|crusty|scaly|flaky|oozing|red|messy|heavy|deep|gaping|jagged|"
    r"dirty|open|infected|bruised|grazed|torn|blistered|inflamed|painful|tender|mucky|hot|warm|pink|yellow|green|purple|"
    r"black|tarry|brown|puffy|shiny|cloudy|angry|runny|crusted|clear|dry|cracked|chapped|split|itchy)(?:\s*,\s*|\s+(?:and|or)\s+)"
    r"(?:a\s+(?:bit|little)\s+|slightly\s+)?bloody(?=\s*(?:[,.;!?)]|$|\s+(?:or|and|after|within|in|from|again|when|by|at\s+first|overnight|for\s+(?:a|\d|up|the\s+first|more|longer|over))\b)|\s+(?:patch(?:es)?|spots?|lumps?|"
    r"sores?|scabs?|rash|discharge|fluid|mucus|stools?|poo|wee|urine|tissue|dressings?|plasters?|lips?|gums?|nipples?|"
    r"nostrils?|knuckles?|hands|heels|skin)\b)",
    re.IGNORECASE,
)


# A dyke that holds water back: "the sea wall and the dyke behind Canvey Island", "the flood dyke" (the slur is not
# said of water). Only the word itself (group "word") is innocent: the words around it may still swear.
_EMBANKMENT = LazyPattern(
    r"(?:\b(?:sea\s+walls?|flood\w*|drain\w*|ditch\w*|rivers?|embankments?|marsh\w*|fens?|canals?|tides?|tidal|breach\w*|"
    r"water|Environment\s+Agency)\b[^.!?\n]{0,60}?\b(?=dykes?\b)|\b(?=dykes?\b[^.!?\n]{0,60}?\b(?:flood\w*|sea\s+walls?|"
    r"drain\w*|rivers?|marsh\w*|water|breach\w*|tides?|tidal|burst|overtopp\w*)\b))(?P<word>dykes?)\b",
    re.IGNORECASE,
)


def _blank_innocent(m: re.Match[str]) -> str:
    """An innocent reading blanked, same length (offsets hold): its group "word" where it has one, else all of it."""
    start, end = m.span("word") if "word" in m.re.groupindex else m.span()
    text = m.group()
    return text[: start - m.start()] + " " * (end - start) + text[end - m.start() :]


# Where a sentence starts: a Capitalised word there says nothing of a name.
_SENTENCE_START = LazyPattern(r"(?:^|[.!?:;\n\"“‘(#@]|(?:^|\s)'|\s[-–—])\s*$")
_DOG = LazyPattern(
    r"\b(?:labrador|retriever|spaniel|terrier|collie|poodle|greyhound|whippet|lurcher|beagle|dachshund|shepherd|"
    r"pointer|setter|husky|mastiff|bulldog|hound|dalmatian|rottweiler|doberman|schnauzer|chihuahua|cockapoo|"
    r"labradoodle|cavapoo|corgi|sheepdog|springer|cocker|vizsla|weimaraner|staffie|staffy|staffordshire|westie|yorkie|"
    r"boxer|pug|frenchie|russell|cavalier|akita|malamute|samoyed|bichon|pomeranian|dobermann|ridgeback|pinscher|"
    r"wolfhound|deerhound|saluki|bernese|newfoundland|sprocker|rescue|brood|maiden)\s+bitch(?:es)?\b|"
    r"\bbitch(?:es)?(?=\s+(?:pupp(?:y|ies)|pups?|in\s+(?:whelp|season)|and\s+(?:her|their)\s+(?:pupp|pups|litter)))",
    re.IGNORECASE,
)
# A finger pricked, the verb before its object: "You prick the side of your fingertip with the lancet" (not "You
# prick!").
_PRICK_VERB = LazyPattern(
    r"\byou\s+(?P<word>prick)\s+(?=(?:the|your|a|an|his|her|their|it|them|yourself|each)\s+(?:\w+\s+){0,3}?"
    r"(?:fingers?|fingertips?|thumbs?|heels?|toes?|skin|side|ear\s?lobes?|it|them)\b)",
    re.IGNORECASE,
)
# A word spelled out one letter at a time, the letters split by one mark each ("w.a.n.k.e.r", "f-u-c-k", "s h i t"):
# four letters at least, each a word of its own; never from inside a run (the look-behinds), so a run is read once.
# Split by spaces, a run may begin with the word "a" or "I" ("what a s h i t e day").
_LETTERS_SPLIT = LazyPattern(
    r"(?<![\w.*_-])[a-z]([.\-_*])[a-z](?![a-z])(?:\1[a-z](?![a-z])){2,}|"
    r"(?<![\w.*_-])(?<!(?<!\w)\w\s)[a-z]\s[a-z](?![a-z])(?:\s[a-z](?![a-z])){2,}",
    re.I,
)


# The mostly innocent words (cow, git, prick, knob, slag) used as an insult, in shapes the word list's phrases cannot
# hold: quoted as what someone was called ("called our receptionist a 'cow'", "called 'a stupid old cow'", "Shouting
# 'slag'"), after "you" and an adjective ("you pathetic git"; not "you need Git"), and "Some knob" doing something
# ("Some prick keyed three cars", "some git did it again"; not "Some knobs on the radiators", "some git commands", "some
# cow parsley", nor a door's knob that "came off").
_INSULT_NOUN = r"(?:cow|git|prick|knob|slag)"
# The words of scorn that may come before one inside the quote ("called her 'a stupid old cow'"; not "'Daisy the cow'",
# "'a happy cow'").
_SCORN = (
    r"stupid|silly|old|fat|ugly|lazy|useless|miserable|daft|thick|dumb|nasty|horrible|rude|arrogant|greedy|smug|lying|"
    r"stuck-up|jumped-up|snotty|grumpy|moody|pathetic|evil|selfish|bloody|little|big|right|total|absolute|complete"
)
_INSULT_WORD = LazyPattern(rf"\b{_INSULT_NOUN}s?\b")  # most posts have none, and need no reading for the shapes
# A noun followed by its object is a verb: "you simply prick the side of your finger".
_OBJECT = r"the|your|a|an|his|her|their|my|it|them|yourself|this|that"
# Not "Some cow": an animal may well have got out ("Some cow has escaped onto the A65").
_SOME_NOUN = r"(?:git|prick|knob|slag)"
_BIT_NOUN = r"(?:git|knob|slag|cow)"  # (not "prick": "you'll feel a bit of a prick")
_INSULT = LazyPattern(
    r"\b(?:call(?:s|ed|ing)?|shout(?:s|ed|ing)?|scream(?:s|ed|ing)?|yell(?:s|ed|ing)?)\b"
    rf"(?:\s+[\w']+){{0,3}}?\s+(?:an?\s+)?['\"“](?:(?:you|an?)\s+)?(?:(?:{_SCORN})\s+){{0,3}}(?P<quoted>{_INSULT_NOUN}s?)['\"”](?!\w)|"
    r"\byou\s+(?:\w{3,}(?:less|ful|ous|ish|id|ic|ble|ant|ent|ive)|\w{2,}(?:[^l\W]y|lly)|\w{2,}ing|old|big|"
    rf"little|daft|fat|thick|dumb|sad)\s+(?P<you>{_INSULT_NOUN})\b(?!\s+(?:{_OBJECT})\b)|"
    # ("Some knob has parked across the ambulance bay"; not "Some knob has come off the door".)
    rf"\bsome\s+(?P<some>{_SOME_NOUN})\s+(?=(?:(?:has|had)\s+(?:just\s+|again\s+)?(?:parked|blocked|left|taken|stolen|nicked|"
    r"thrown|keyed|dumped|pinched|scratched)|keeps|who|set|left|took|stole|broke|threw|kept|put|made|went|got|did|drove|ran|"
    rf"hit|spat|swore|rang|wrote|told|said|thought|thinks|reckons|\w{{3,}}ed)\b)|"
    # ("he was a bit of a knob", "such a cow", "a right git"; not a finger's "a bit of a prick", nor "a bit of a git
    # repo".)
    rf"\b(?:a\s+bit\s+of\s+an?|such\s+an?|a\s+right|an?\s+(?:total|complete|absolute))\s+(?P<bit>{_BIT_NOUN})\b"
    r"(?!\s+(?:repo|repository|commands?|parsley|of)\b|-)|"
    # ("To the knob who parked across the dropped kerb": a person, where no door's knob is.)
    rf"\b(?:the|that|this|whichever|whatever)\s+(?P<who>{_SOME_NOUN})s?\s+(?=who\b)",
    re.IGNORECASE,
)
# The mostly innocent words disguised with a digit or a symbol ("pr1ck", "kn0b"): no one disguises a finger prick.
_INNOCENT_DISGUISED = frozenset({"cow", "git", "prick", "knob", "slag", "tits"})
# The idiom "gets on my tits" (the birds perch elsewhere: "blue tits on the feeder").
_ON_TITS = LazyPattern(r"\bon\s+(?:my|your|his|her|our|their|every(?:one|body)'s|people's)\s+(?P<word>tits)\b", re.I)
# Letters of other scripts that look like Latin ones, typed inside a Latin word to dodge filters ("fυcking", with a
# Greek upsilon): read as the Latin letter only in a word that mixes scripts; Greek or Cyrillic words stay as written.
_LOOKALIKES = str.maketrans(
    {"α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "а": "a",
     "е": "e", "і": "i", "к": "k", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s"}
)  # fmt: skip
# A lower-case hashtag run together ("#cancercanfuckoff", "#wankparking") is split into words by the hashtag model
# (A201's), only where a listed word of four letters or more is inside it: "#scunthorpeblooddonors" splits as the town.
_LOWER_TAG = LazyPattern(r"[a-z]{6,}")

# "@" for an "a" that opens a word looks like a mention: read as "a" where the word is five letters or more after it
# (a handle such as @RSE is not "arse"), or shorter and in lower case after a word no handle follows, ending its phrase
# ("a pain in the @rse, but", "kick up the @ss."; not "Thanks to the @rse team").
_AT_FOR_A = LazyPattern(
    r"(?<![\w@.])@([A-Za-z]{5,})(?![\w@])(?!\.\w)|(?:(?<=\bthe\s)|(?<=\bmy\s)|(?<=\byour\s)|(?<=\bur\s)|(?<=\bhis\s)|"
    r"(?<=\bher\s))@([a-z]{2,4})(?=\s*(?:[,.!?;:)\"”]|$|(?:but|and|or|mate|lol)\b))"
)
# A stem's -ise, -ize and -isation forms are standard words: "bastardise", "the bastardisation of statistics".
_STANDARD_DERIVED = LazyPattern(r"i[sz](?:e|es|ed|ing|ation|ations)$")


# The strongest words that open compound insults ("shitgibbon", "assclown", "twatwaffle", "wankstain") as they end
# others ("dogshit"): the rest is a word of the hashtag model's vocabulary, of five letters or more (three or four if a
# common word: "asshat"); after "ass" or "arse" it opens with a consonant, since the Latin words run on with a vowel
# ("assailing", "assayers", "arsenic").
_COMPOUND_HEADS = ("shit", "piss", "wank", "twat", "arse", "ass")
_REST_FLOOR = {3: -11.0, 4: -11.0}  # (a longer rest: -14.5, "gibbon")


def _compound_head(word: str) -> str | None:
    """The strongest word that opens `word` as a compound insult, or None."""
    head = next(h for h in _COMPOUND_HEADS if word.startswith(h))
    rest = _INFLECTION.sub("", word[len(head) :]) if len(word) - len(head) > 5 else word[len(head) :]
    if len(rest) < 3 or (head in ("ass", "arse") and rest[0] in "aeiouy"):
        return None
    from postcheck.text.hashtags import segmenter

    score = segmenter().score(rest)
    if score is None and rest != word[len(head) :]:
        score = segmenter().score(word[len(head) :])  # "gibbons", as the vocabulary has it
    return head if score is not None and score >= _REST_FLOOR.get(len(rest), -14.5) else None


# A compound insult of the list written as two words ("a bell end", "you dick head", "a total knob-head"), after an
# article, "you" or a word of scorn: "the bell end of a trumpet" is the instrument's.
_SPLIT_COMPOUND = LazyPattern(
    r"\b(?:a|an|you|ya|yer|total|absolute|right|proper|complete|utter|massive|such|what|some|bloody|stupid|silly|"
    r"useless|lazy|fat|big|little)\s+(?P<first>[a-z]{3,})[ \t-](?P<second>[a-z]{3,})\b",
    re.IGNORECASE,
)
# Letters styled with Unicode's mathematical, letter-like, circled or full-width forms ("𝐟𝐮𝐜𝐤𝐢𝐧𝐠", "ｆｕｃｋ"), which
# some apps offer as fonts, read as plain ones: each is one character for one, so offsets hold.
_STYLED_RANGES = ((0x1D400, 0x1D7FF), (0x2100, 0x214F), (0x24B6, 0x24E9), (0xFF10, 0xFF5A))


@lru_cache(maxsize=1)
def _styled_letters() -> dict[int, str]:
    """Each styled letter or digit and the plain one it stands for."""
    import unicodedata

    table = {}
    for low, high in _STYLED_RANGES:
        for code in range(low, high + 1):
            plain = unicodedata.normalize("NFKC", chr(code))
            if len(plain) == 1 and plain.isascii() and plain.isalnum():
                table[code] = plain
    return table


_STYLED = LazyPattern("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _STYLED_RANGES) + "]")


def _plural_base(word: str) -> list[str]:
    forms = [word]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


class ProfanityMatcher:
    """Finds listed words as whole words, obfuscated spellings included, skipping innocent phrases."""

    def __init__(self, base: WordList, allow: list[str], deny: list[str]):
        extra = WordList.parse(deny)
        self.words = base.words | extra.words
        self.stems = base.stems + extra.stems
        self.endings = base.endings + extra.endings
        self.name_like = base.name_like
        allow_words = {a.strip().lower() for a in allow if a.strip() and " " not in a.strip()}
        self.words = self.words - allow_words
        self.allow_words = allow_words
        self.phrase_list = base.phrases + extra.phrases
        self.innocent_list = list(base.innocent) + [a for a in allow if " " in a.strip() or "-" in a.strip()]
        self.phrase_heads, self.innocent_heads = _heads(self.phrase_list), _heads(self.innocent_list)
        # In ASCII text only the phrases whose first word the text has are searched for: "you" is in most posts,
        # and one pattern of every phrase cost a post a search through them all. Each pattern is compiled when a
        # text first needs it: compiling them all took a one-post run 6 ms.
        self.by_head: dict[str, list[str]] = {}
        for phrase in self.phrase_list if self.phrase_heads is not None else ():
            self.by_head.setdefault(_WORD_RUN.search(phrase).group(), []).append(phrase)
        self._head_patterns: dict[str, re.Pattern[str]] = {}
        self._verdicts: dict[str, str | None] = {}
        self._hits: dict[tuple[str, bool], tuple[tuple[int, int, str], ...]] = {}
        self._clean: set[str] = set()  # tokens as written that hold no listed word: most of a run's vocabulary
        # The first halves a listed word may be split into ("bell end", "dick head"): a text with none of them as a word
        # has no such split (most posts), and needs no search for one.
        listed = (*self.words, *self.stems, *self.endings)
        self.split_heads = frozenset(w[:i] for w in listed for i in range(3, len(w) - 2))
        self.by_length: dict[int, list[str]] = {}
        for word in self.words:
            for form in (word, word + "s", word + "es"):
                self.by_length.setdefault(len(form), []).append(word)

    @cached_property
    def phrases(self) -> re.Pattern[str] | None:
        return _any_phrase(self.phrase_list, hyphenated_words=True)

    @cached_property
    def innocent(self) -> re.Pattern[str] | None:
        return _any_phrase(self.innocent_list)

    def _phrases_from(self, head: str) -> re.Pattern[str]:
        """One pattern of the phrases whose first word is `head`."""
        if head not in self._head_patterns:
            self._head_patterns[head] = _any_phrase(self.by_head[head], hyphenated_words=True)  # never None
        return self._head_patterns[head]

    def _listed(self, word: str) -> str | None:
        """The entry a plain lower-case word is, or begins with (for stems)."""
        for form in _plural_base(word):
            if form in self.words:
                return form
        if word in self.allow_words:
            return None
        for stem in self.stems:
            if word.startswith(stem) and not _STANDARD_DERIVED.fullmatch(word, len(stem)):
                return stem
        if self.endings:
            # A compound that ends in the word, inflected or not: clusterfuck, clusterfucked, dogshits. At least
            # three letters go before it, so that a name such as Ashit is not one.
            for form in {word, _INFLECTION.sub("", word)}:
                for ending in self.endings:
                    if form.endswith(ending) and len(form) >= len(ending) + 3:
                        return ending
        return None

    def _wildcard(self, pattern: str) -> str | None:
        """The entry a spelling with * or # for letters (f***, s**t, f*ck) stands for."""
        letters = sum(ch.isalpha() for ch in pattern)
        if letters == 0 or not pattern[0].isalpha() or len(pattern) < 3:
            return None
        regex = re.compile(_head_pattern(pattern))
        for word in self.by_length.get(len(pattern), ()):
            for form in (word, word + "s", word + "es"):
                if len(form) == len(pattern) and regex.fullmatch(form):
                    return word
        for stem in self.stems:
            head = pattern[: len(stem)]
            tail = pattern[len(stem) :]
            if (
                len(pattern) >= len(stem)
                and re.fullmatch(_head_pattern(head), stem)
                and all(ch.isalpha() or ch in _WILD for ch in tail)
            ):
                return stem
        # A disguised compound: "sh*tless", "p*sshead" (the head spelled with wildcards, the rest in letters).
        for head in _COMPOUND_HEADS:
            rest = pattern[len(head) :]
            if rest.isalpha() and re.fullmatch(_head_pattern(pattern[: len(head)]), head):
                return _compound_head(head + rest)
        return None

    def _judge(self, token: str) -> str | None:
        """The list entry a token matches, or None; memoised, since posts repeat their words."""
        try:
            return self._verdicts[token]
        except KeyError:
            verdict = self._verdicts[token] = self._judge_uncached(token)
            return verdict

    def _judge_uncached(self, token: str) -> str | None:
        if not token.isascii() and _HIDDEN_RUN.search(token):
            token = _HIDDEN_RUN.sub("", token)  # "sh\u200bite": the hidden character joins nothing
        word = token.lower()
        if word in self.allow_words or _ROAD.fullmatch(token):
            return None
        if word.isalpha() and not word.isascii() and any(ch.isascii() for ch in word):
            folded = word.translate(_LOOKALIKES)  # "fυcking": a Greek letter in a Latin word
            if folded != word and folded.isascii():
                return self._judge_uncached(folded)
        if word.isalpha():
            found = self._listed(word)
            if found is None:
                squeezed = re.sub(r"(\w)\1{2,}", r"\1", word)  # fuuuuck, shiiiit
                found = self._listed(squeezed) if squeezed != word else None
            if found is None and len(word) >= 5 and (x := _X_FOR_CKS.search(word)) is not None:
                # bollox, bolloxed: "x" for "cks", in words too long to be "cox", "dix", inflected or not
                found = self._listed(word[: x.start()] + "cks" + word[x.start() + 1 :])
            if found is None and "v" in word:
                found = self._listed(word.replace("v", "u"))  # fvck, fvcking: "v" for "u", as on old inscriptions
            if found is None and word.startswith("ph"):
                found = self._listed("f" + word[2:])  # phuck, phucking: "ph" for "f" (Phuket is "fuket", no word)
            if found is None and "kk" in word:
                found = self._listed(word.replace("kk", "ck"))  # fukkin, muthafukka: "kk" for "ck", as spoken
            if found is None and word.startswith(_COMPOUND_HEADS):
                found = _compound_head(word)
            if found in self.name_like and token[:1].isupper() and not token.isupper():
                return None
            return found
        if not any(ch.isalpha() for ch in word):
            return None
        if not word.isascii() and _EMOJI_LETTER.search(word):
            word = _EMOJI_LETTER.sub("*", word)
        decoded = word.translate(_LEET)
        # Symbols run together for the letters they hide ("f@#king", "f%$king", "sh!#ty"): each one a wildcard.
        grawlix = _GRAWLIX_RUN.search(word) is not None
        if any(ch in _WILD for ch in decoded):
            found = self._wildcard(decoded)
            return found if found is not None or not grawlix else self._wildcard(_GRAWLIX.sub("*", word))
        if decoded.isalpha() and decoded != word:
            found = self._listed(decoded)
            if found is None and decoded.startswith(_COMPOUND_HEADS):
                found = _compound_head(decoded)  # "sh1thole": a disguised compound
            if found is None and not token.isupper() and decoded in _INNOCENT_DISGUISED:
                found = decoded
            if found is not None or not grawlix:
                return found
        return self._wildcard(_GRAWLIX.sub("*", word)) if grawlix else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entry) for each swear word in `text`."""
        text = text.translate(APOSTROPHES)
        if not text.isascii() and _STYLED.search(text):
            text = text.translate(_styled_letters())
        lowered = text.lower()
        for stem, innocent in (
            ("fagg", _DISH),
            ("bitch", _DOG),
            ("clot", _MEDICAL_CLOT),
            ("bloody", _SEEN_BLOODY),
            ("dyke", _EMBANKMENT),
            ("prick", _PRICK_VERB),
        ):
            if stem in lowered:
                text = innocent.sub(_blank_innocent, text)
                lowered = text.lower()
        # In ASCII text a phrase can only be where its first word is: most texts have none, and need no search
        words = set(_WORD_RUN.findall(lowered)) if text.isascii() else None
        if self.innocent_list and _may_hold(self.innocent_heads, words) and self.innocent is not None:
            text = self.innocent.sub(lambda m: " " * len(m.group()), text)
        if not self.phrase_list or not _may_hold(self.phrase_heads, words) or self.phrases is None:
            phrases = []
        elif words is None or self.phrase_heads is None:
            phrases = [(m.start(), m.end(), m.group().lower()) for m in self.phrases.finditer(text)]
        else:
            hits = sorted(
                (m.start(), -m.end(), m.group().lower())
                for head in words & self.phrase_heads
                for m in self._phrases_from(head).finditer(text)
            )
            phrases, end = [], -1
            for start, neg_end, phrase in hits:  # leftmost-longest, no overlaps: as one pattern would find them
                if start >= end:
                    phrases.append((start, -neg_end, phrase))
                    end = -neg_end
        found = list(phrases)
        if "bs" in lowered or "b.s" in lowered:  # (read before innocent phrases were blanked: _BS reads after)
            found += [(m.end() - len(m.group().split()[-1]), m.end(), "bs") for m in _BS.finditer(text)]
        if _INSULT_WORD.search(lowered):
            for m in _INSULT.finditer(text):
                group = next(g for g in ("quoted", "you", "some", "bit", "who") if m.group(g))
                if not any(start < m.end(group) and m.start(group) < end for start, end, _ in phrases):
                    found.append((m.start(group), m.end(group), m.group(group).lower().rstrip("s")))
        if "tits" in lowered:
            found += [(m.start("word"), m.end("word"), "tits") for m in _ON_TITS.finditer(text)]
        if "@" in text:
            for m in _AT_FOR_A.finditer(text):  # "@rsehole", "@sshole": not a handle but "a" written as "@"
                entry = self._judge("a" + (m.group(1) or m.group(2)).lower())
                if entry is not None:
                    found.append((m.start(), m.end(), entry))
        for m in _SPLIT_COMPOUND.finditer(text) if words is None or not words.isdisjoint(self.split_heads) else ():
            joined = (m.group("first") + m.group("second")).lower()
            # (a part that is itself listed is reported alone: "a smart ass")
            parts_listed = self._listed(m.group("first").lower()) or self._listed(m.group("second").lower())
            entry = None if parts_listed else self._listed(joined)
            # (the compound itself or its plural: "a bell ending the lesson" is no bellend)
            if entry is not None and joined in (entry, entry + "s", entry + "es"):
                found.append((m.start("first"), m.end("second"), entry))
        for m in _LETTERS_SPLIT.finditer(text) if len(text) > 6 else ():
            letters = re.sub(r"[^a-z]", "", m.group().lower())
            entry = self._listed(letters)
            if entry is None and letters[0] in "ai" and len(letters) > 4:
                entry = self._listed(letters[1:])
            if entry is None:
                # A mostly innocent word spelled out letter by letter is disguised as one with a digit is ("p r i c k"):
                # no one spells out a finger prick.
                entry = next((w for w in (letters, letters[1:]) if w in _INNOCENT_DISGUISED and len(w) >= 4), None)
            if entry is not None:
                found.append((m.start(), m.end(), entry))
        if not self._may_swear(text):
            return sorted(found)
        p = 0  # the first phrase that does not end before the current token (tokens come in order)
        for m in _TOKEN.finditer(text):
            token, start, end, hashtag = _strip(m.group(), m.start())
            while p < len(phrases) and phrases[p][1] <= start:
                p += 1
            if not token or (p < len(phrases) and phrases[p][0] <= start):
                continue  # inside a listed phrase
            hits = self._token_hits(token, hashtag)
            if hits and not hashtag and _street_name(text, token, end):
                continue  # a place: "Minge Lane", "Slutshole Lane"
            if (
                hits
                and not hashtag
                and self._surname_like(token, hits)
                and not _SENTENCE_START.search(text, max(0, start - 20), start)
            ):
                continue  # a name: "thank you to Shital Dikshit" (not "Dogshit everywhere." opening a sentence)
            found += [(start + a, start + b, entry) for a, b, entry in hits]
        found.sort()
        return found

    def _surname_like(self, token: str, hits: tuple[tuple[int, int, str], ...]) -> bool:
        """Whether a Capitalised token is a compound that only ends in a listed word, as a surname may ("Dikshit")."""
        return (
            token[:1].isupper()
            and token[1:].islower()
            and len(hits) == 1
            and hits[0][2] in self.endings
            and hits[0][2] in token.lower()[3:]
        )

    def _may_swear(self, text: str) -> bool:
        """Whether a token of `text` holds a listed word: most posts swear nowhere, and need no going through. The
        tokens already known to be clean are set aside in one step; posts repeat their words."""
        for token in set(_TOKEN.findall(text)) - self._clean:
            if self._token_hits(*_strip(token)[::3]):
                return True
            if len(self._clean) < MAX_CLEAN_TOKENS:
                self._clean.add(token)
        return False

    def _token_hits(self, token: str, hashtag: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, entry) of the listed words in a stripped token, relative to it; memoised, since posts
        repeat their words."""
        key = (token, hashtag)
        hits = self._hits.get(key)
        if hits is None:
            found = []
            for part, offset in _parts(token) if token else ():
                entry = self._judge(part)
                if entry is not None:
                    found.append((offset, offset + len(part), entry))
            if not found and hashtag:
                found = [(0, len(token), entry) for entry in self._camelcase_entries(token)[:1]]
            if not found and hashtag == "#":  # a handle run together in lower case is a name ("@essexcockles")
                found = [(0, len(token), entry) for entry in self._lower_case_entries(token)[:1]]
            hits = self._hits[key] = tuple(found)
        return hits

    @cached_property
    def _inner_words(self) -> tuple[str, ...]:
        """The listed words, stems and endings of four letters or more, looked for inside lower-case hashtags."""
        return tuple(w for w in {*self.words, *self.stems, *self.endings} if len(w) >= 4 and w.isalpha())

    def _lower_case_entries(self, hashtag: str) -> list[str]:
        """The entries among the words of a lower-case hashtag run together (#wankparking: "wank", "parking")."""
        if not _LOWER_TAG.fullmatch(hashtag) or not any(w in hashtag for w in self._inner_words):
            return []
        from postcheck.text.hashtags import segment

        split = segment(hashtag, {})
        if split is None or len(split[0]) < 2:
            return []
        return [entry for word in split[0] if (entry := self._judge(word)) is not None]

    def _camelcase_entries(self, hashtag: str) -> list[str]:
        """The entries in a CamelCase hashtag's words (#ShitService, #BloodyAwful), read as a phrase; an acronym in
        capitals before a word in lower case is a word of its own too (#WTFisThis: "WTF", "is", "This")."""
        entries = []
        for reading in (CAMEL_WORD, _ACRONYM_FIRST):
            words = reading.findall(hashtag)
            if len(words) >= 2:
                entries += [entry for _start, _end, entry in self.find(" ".join(words))]
            if entries or not _ACRONYM_BEFORE_LOWER.search(hashtag):
                break
        return entries


# A CamelCase run's words where capitals run straight into a word in lower case: "WTFisAPhlebotomist" -> "WTF", "is",
# "A", "Phlebotomist" (CAMEL_WORD reads "WT", "Fis", as it must for "NHSEngland").
_ACRONYM_FIRST = LazyPattern(r"[A-Z]{2,}(?=[a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_ACRONYM_BEFORE_LOWER = LazyPattern(r"[A-Z]{2}[a-z]")
# A listed word Capitalised before a street's word, itself Capitalised and not followed by another Capitalised word, is
# part of a place's name: "Minge Lane", "Slutshole Lane and the farms" (not the headline "Bloody Road Closures Again").
_STREET_AFTER = LazyPattern(
    r"\s+(?:Lane|Road|Rd|Street|St|Avenue|Ave|Close|Drive|Way|Hill|Green|End|Row|Court|Crescent|Place|Terrace|Gardens|"
    r"Grove|Mews|Walk|Farm|Bottom|Common|Wood|Park|Square|Rise|Fold|Vale|Gate|Bridge|Brook)(?![\w'-])(?!\.?\s+[A-Z])"
)


# (Not after an article or an intensifier: "What a Shit Road", "a total Arse End" are verdicts, not addresses.)
_VERDICT_BEFORE = LazyPattern(r"\b(?:a|an|such|what|total|utter|absolute|complete|proper|right|bloody)\s+$", re.I)


def _street_name(text: str, token: str, end: int) -> bool:
    """Whether a token that ends at `end` is Capitalised and names a street or place with the word after it."""
    return (
        token[:1].isupper()
        and not token.isupper()
        and _STREET_AFTER.match(text, end) is not None
        and not _VERDICT_BEFORE.search(text, max(0, end - len(token) - 20), end - len(token))
    )


MAX_CLEAN_TOKENS = 500_000  # a run over very many distinct words stops remembering more of them


def _may_hold(heads: frozenset[str] | None, words: set[str] | None) -> bool:
    """Whether a text with these words may hold a phrase with these first words (None: cannot tell)."""
    return heads is None or words is None or not heads.isdisjoint(words)


def _strip(token: str, start: int = 0) -> tuple[str, int, int, str]:
    """(the token without its marks, where it starts and ends, "#" for a hashtag or "@" for a handle): a leading @
    or # is a mention or hashtag mark, a trailing ! ends a sentence."""
    # "#" for a hashtag, "@" for a handle, whose CamelCase words are read as a hashtag's are ("@BigBellend_Dave")
    hashtag = "#" if token.lstrip("@!_").startswith("#") else "@" if token.lstrip("!_").startswith("@") else ""
    stripped = token.lstrip("@#!_")  # strip, not a loop of slices: "#" x 800,000 took minutes
    start += len(token) - len(stripped)
    token = stripped.rstrip("!_")
    return token, start, start + len(token), hashtag


def _head_pattern(head: str) -> str:
    return "".join("[a-z]" if ch in _WILD else re.escape(ch) for ch in head)


def _parts(token: str) -> list[tuple[str, int]]:
    """A token, and its underscore-separated parts when it has any."""
    if "_" not in token:
        return [(token, 0)]
    parts, offset = [], 0
    for piece in token.split("_"):
        if piece:
            parts.append((piece, offset))
        offset += len(piece) + 1
    return parts
