"""D rules: shares and external links carry the non-endorsement phrase; paid posts start with an ad label."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from postcheck.context import Context
from postcheck.model import Post, Problem, Severity
from postcheck.rules import rule
from postcheck.rules.hashtags import plain_letter
from postcheck.text import LazyPattern

SHARING_KINDS = ("share", "quote", "repost")

# Used only when disclaimer.phrases is empty: any "not ... endorse(ment)" wording, as the policy puts it:
# "Content we retweet (RT) or share on social media does not imply endorsement."
GENERIC_DISCLAIMER = LazyPattern(r"\b(?:not|no|nor)\b(?:\s+\w+){0,3}?\s+endors(?:e|es|ed|ement|ements|ing)\b")

# The configured phrase said in other words of the same meaning, read as it: the policy names "retweet (RT) or
# share" as one act, so a share, an RT, a retweet, a repost, a quote, a link or Mastodon's boost (a reblog in its
# API) ("Boosts are not endorsements", "Reposting does not imply endorsement",
# "Retweets are not endorsements", "Links are not endorsements") is one word; so are the forms of a word ("Shares
# do not imply endorsement", "RT is not an endorsement", "...that we endorse it"), "mean", "equal", "constitute",
# "signify", "indicate" and "suggest" for "imply", and "≠" for "are not" ("RT ≠ endorsement"). Applied to the phrase
# and the text alike; the sense still has to be the phrase's, word for word in its order.
_SAME_WORD = {
    form: word
    for word, forms in (
        (
            "share",
            "share shares shared sharing reshare reshares reshared resharing rt rts rted rting retweet retweets "
            "retweeted retweeting repost reposts reposted reposting quote quotes quoted quoting "
            "link links linked linking boost boosts boosted boosting reblog reblogs reblogged reblogging",
        ),
        ("are", "is are was were be"),
        ("do", "do does did"),
        (
            "imply",
            "imply implies implied mean means equal equals constitute constitutes signify signifies indicate "
            "indicates suggest suggests",
        ),
        ("endorse", "endorse endorses endorsed endorsing endorsement endorsements"),
        ("", "a an"),  # "RT is not an endorsement"
    )
    for form in forms.split()
}
_PREFIXED = LazyPattern(r" re (tweet|post|share)")  # "re-tweet", "re-post"
_SYMBOLS = (("≠", " are not "), ("!=", " are not "), ("=", " imply "))
# Up to two words may stand between the words of a configured phrase ("Sharing this post does not imply
# endorsement", "RTs and shares are not endorsements"), but no word that would turn the sense round.
_GAP = r"(?: (?!(?:not|no|nor|never|always)\b)\w+){0,2}"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "ʼ": "'", "′": "'", "`": "'", "“": '"', "”": '"'})
_CONTRACTIONS = (("can't", "cannot"), ("won't", "will not"), ("n't", " not"))
# The same contractions typed without their apostrophe ("Sharing doesnt imply endorsement"): only those that are no
# other English word.
_BARE_CONTRACTIONS = {
    f"{stem}nt": f"{stem} not"
    for stem in ("does", "do", "is", "are", "did", "was", "were", "has", "have", "should", "would")
}
_NON_WORD = LazyPattern(r"[\W_]+")  # an underscore too: Markdown's "_Sharing does not imply endorsement._"
_CAMEL_BREAK = LazyPattern(r"(?<=[a-z])(?=[A-Z])")

# ASA/CAP: "Ad", "Advert", "Advertising", "Advertisement" (feature), "#ad", at the very start of the post,
# alone or followed by punctuation, in brackets or in Markdown's emphasis ("**Ad**", posted as written, still
# reads "Ad"), after an emoji or two ("📢 Ad:" is still the first thing read); "Sponsored" or "in partnership with"
# alone is not enough.
AD_LABEL = LazyPattern(
    r"^\s*(?:[^\w\s\[(*_#]{1,8}\s*)?[\s\[(*_]*#?(?:ad|advert|advertising|advertisement(?:\s+feature)?)"
    # then a space, or punctuation: a separator may run straight into the words ("Ad|Free checks", "AD/ Stop"), a
    # hyphen may not ("Ad-free" is a word)
    r"(?:[\])*_]|\s*[:|/\-–—.,!]+)*(?:(?=\s|$)|(?<=[:|/])(?=\w))",
    re.IGNORECASE,
)


def normalise_phrase(text: str) -> str:
    """Case, curly quotes, contractions, punctuation, spacing and 'fancy' letters folded, for tolerant matching."""
    if not text.isascii():  # the phrase in a generator's bold or fullwidth letters still reads as the phrase (A204)
        text = _plain_letters(text)
    text = _CAMEL_BREAK.sub(" ", text.translate(_QUOTES)).casefold()  # "#SharingDoesNotImplyEndorsement" too
    for short, full in _CONTRACTIONS:
        text = text.replace(short, full)
    text = text.replace("'", "")  # inside a word, not a break: "RT's" is "rts", as in "RTs are not endorsements"
    for symbol, words in _SYMBOLS:
        text = text.replace(symbol, words)
    text = _PREFIXED.sub(r" re\1", " " + " ".join(_NON_WORD.sub(" ", text).split()) + " ")
    text = " ".join(_BARE_CONTRACTIONS.get(word, word) for word in text.split())
    words = (_SAME_WORD.get(word, word) for word in text.split())
    return " " + " ".join(word for word in words if word) + " "


@functools.lru_cache(maxsize=64)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """The configured phrase as a pattern over normalised text: its words in order, a few words allowed between."""
    words = normalise_phrase(phrase).split()
    if not words:
        return None
    return re.compile(" " + re.escape(words[0]) + "".join(_GAP + " " + re.escape(w) for w in words[1:]) + " ")


def has_disclaimer(text: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """Whether `text` carries one of `phrases` (or, with none configured, any non-endorsement wording)."""
    folded = normalise_phrase(text)
    if not phrases:
        return bool(GENERIC_DISCLAIMER.search(folded))
    for phrase in phrases:
        pattern = _phrase_pattern(phrase)
        if pattern is not None and (normalise_phrase(phrase) in folded or pattern.search(folded)):
            return True
    return False


def _example(ctx: Context) -> str:
    phrases = ctx.config.disclaimer.phrases
    return phrases[0] if phrases else "Sharing does not imply endorsement"


def _post_anchor(post: Post):
    """Where to report a post-level finding: its text, else its `kind` key, else the post."""
    if post.text.value.strip():
        return post.text.span(0, len(post.text.value.rstrip()))
    field = post.keys.get("kind")
    return field.span() if field is not None else post.where()


@rule("D101", "share-without-disclaimer", Severity.ERROR, "share/quote/repost without a non-endorsement phrase")
def share_without_disclaimer(post: Post, ctx: Context) -> Iterator[Problem]:
    if post.kind not in SHARING_KINDS:
        return
    if has_disclaimer(post.text.value, ctx.config.disclaimer.phrases):
        return
    platforms = ctx.platforms(post)
    if post.kind == "repost":
        # A repost has no text of its own: a profile bio that carries the phrase covers it there.
        in_profile = {p.lower() for p in ctx.config.disclaimer.in_profile}
        platforms = [p for p in platforms if p not in in_profile]
        if not platforms:
            return
        where = f" on {', '.join(platforms)}" if in_profile else ""
        yield Problem(
            f"Repost{where} without a non-endorsement disclaimer in the profile (disclaimer.in-profile) or the text",
            _post_anchor(post),
            suggestion=_example(ctx),
        )
        return
    yield Problem(
        f'A {post.kind} needs the non-endorsement phrase, e.g. "{_example(ctx)}"',
        _post_anchor(post),
        suggestion=_example(ctx),
    )


@rule(
    "D102", "external-link-without-disclaimer", Severity.WARNING, "link to a links.external domain without the phrase"
)
def external_link_without_disclaimer(post: Post, ctx: Context) -> Iterator[Problem]:
    external = ctx.config.links.external
    if not external or post.kind in SHARING_KINDS:  # D101 already asks shares for the phrase
        return
    from postcheck.rules.links import is_external, post_links

    hits = [item for item in post_links(post, ctx) if is_external(item.link, ctx)]
    if not hits or has_disclaimer(post.text.value, ctx.config.disclaimer.phrases):
        return
    hosts = ", ".join(dict.fromkeys(i.link.host for i in hits))
    yield Problem(
        f'Link to third-party source {hosts} without the non-endorsement phrase, e.g. "{_example(ctx)}"',
        hits[0].span(),
        suggestion=_example(ctx),
    )


def _plain_letters(text: str) -> str:
    """`text` with its 'fancy' letters and digits made plain (A204's reading): "𝐀𝐝" reads "Ad"."""
    return "".join(plain_letter(ch) or ch for ch in text)


def _plain_start(text: str) -> str:
    """The post's first characters with 'fancy' letters and fullwidth punctuation made plain: "𝐀𝐝:" reads "Ad:"."""
    return unicodedata.normalize("NFKC", _plain_letters(text[:80]))  # "ＡＤ｜" too


@rule("D103", "ad-not-labelled", Severity.ERROR, 'paid post does not start with an ad label ("Ad", "#ad")')
def ad_not_labelled(post: Post, ctx: Context) -> Iterator[Problem]:
    if post.meta.get("paid") is not True:
        return
    text = post.text.value
    if AD_LABEL.match(text) or (not text.isascii() and AD_LABEL.match(_plain_start(text))):
        return
    start = len(text) - len(text.lstrip())
    first_word = re.match(r"\S+", text[start:])
    if first_word:
        span = post.text.span(start, start + first_word.end())
    else:
        field = post.keys.get("paid")
        span = field.span() if field is not None else post.where()
    weaker = re.search(r"\b(?:sponsored|in partnership with|paid partnership)\b", text, re.IGNORECASE)
    also = f'; "{weaker.group()}" alone is not enough' if weaker else ""
    yield Problem(f'Paid post must start with an ad label ("Ad", "#ad" or "Advertisement"){also}', span)
