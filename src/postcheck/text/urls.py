"""Find links in post text as twitter-text finds them (its TLD list, bare domains included), plus the intranet,
IP and other-scheme links a reader could still follow; normalise and classify their hosts."""

from __future__ import annotations

import ipaddress
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from urllib.parse import unquote, urlsplit

from postcheck.text import LazyPattern

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Host suffixes that only a private network resolves: RFC 6761's .localhost, RFC 6762's .local, ICANN's .internal,
# RFC 8375's home.arpa, the intranet habits .lan and .localdomain, and .corp and .home, which ICANN will never
# delegate because so many company networks use them.
INTERNAL_SUFFIXES = ("localhost", "local", "internal", "home.arpa", "lan", "intranet", "localdomain", "corp", "home")

TLD_LIST = Path(__file__).with_name("tlds.txt")  # twitter-text's tld_lib.yml: the TLDs X autolinks
TLDS: frozenset[str] = frozenset(
    line.strip() for line in TLD_LIST.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"
)
# Bare intranet names ("intranet.local/rota") are found too, though no platform links them, so L104 sees them.
_INTRANET_TLDS = ("local", "internal", "localhost", "lan", "intranet")

_TRAILING = ".,;:!?'\"’”"


@dataclass(frozen=True)
class Link:
    """A link found in text: where it is (start/end in the text), as written, and its normalised URL."""

    start: int
    end: int
    raw: str
    url: str
    host: str  # lower-case, IDNA-decoded to ASCII (punycode), no trailing dot, no port
    scheme: str  # "http", "https", ...; "" when written without one
    autolinked: bool = True  # twitter-text finds it; False for intranet, IP and other-scheme links


def normalise_host(host: str) -> str:
    """Lower-case ASCII host: percent-decoded, IDNA-encoded, trailing dot and brackets removed."""
    host = unquote(host).strip().rstrip(".").strip("[]").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def url_host(url: str) -> str:
    """The normalised host of a URL, as a browser would read it."""
    # Browsers read a backslash in the authority as a slash: https://evil.example\@nhs.uk goes to evil.example.
    url = url.replace("\\", "/")
    try:
        return normalise_host(urlsplit(url).hostname or "")
    except ValueError:
        return ""


# ---------------------------------------------------------------------------------------------------------
# twitter-text's URL pattern (js/src/regexp/*.js, Apache-2.0), ported to Python's re.

_SPACES = "\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = "\ufffe\ufeff\uffff"
_DIRECTIONAL = "\u202a-\u202e\u061c\u200e\u200f\u2066\u2067\u2068\u2069"
_PUNCT = r"!'#%&'()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_LATIN = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272"
    "\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"
_DOMAIN_CHAR = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN}]"
_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH_END = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN}]|{_PARENS})"
_PATH = rf"(?:(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END})|(?:@{_PATH_CHAR}+/))"
_QUERY_CHAR = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"
_TLD_END = r"(?=[^0-9a-zA-Z@+-]|$)"
_NOT_BEFORE = f"A-Za-z0-9@＠$#＃{_INVALID}"  # a URL is not part of a word, a mention, a cashtag or a hashtag


def _trie(words: list[str]) -> str:
    """One regex alternation for many words, as a trie, so that matching a TLD costs its length, not the list's."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items(), reverse=True) if ch]
        if "" in node:
            branches.append("")  # the shorter word last: the longest TLD is tried first
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return walk(tree)


# twitter-text's pattern holds its whole TLD list as one alternation, which Python takes about 50 ms to compile.
# Here the pattern stops before the TLD: the labels it found are tried right to left, as the regex would backtrack,
# against a small pattern of the TLDs that start with the letter there, compiled on first need. The result is the
# same match, at a few milliseconds' start-up.
_LABELS = LazyPattern(
    rf"(?:(?<![{_NOT_BEFORE}])|(?<=[{_DIRECTIONAL}]))(?P<protocol>https?://)?"
    rf"(?:{_DOMAIN_CHAR}(?:[_-]*{_DOMAIN_CHAR})*\.)*{_DOMAIN_CHAR}(?:-*{_DOMAIN_CHAR})*\.",
    re.IGNORECASE,
)
_SUBDOMAIN = LazyPattern(rf"{_DOMAIN_CHAR}(?:[_-]*{_DOMAIN_CHAR})*\.", re.IGNORECASE)
_NAME = LazyPattern(rf"{_DOMAIN_CHAR}(?:-*{_DOMAIN_CHAR})*\.", re.IGNORECASE)
_ASCII_LABELS = LazyPattern(rf"(?:[\-a-z0-9{_LATIN}]+\.)+", re.IGNORECASE)
# Characters other than A-Z that match one of them when case is ignored (the Kelvin sign, long s, dotted and
# dotless i): where one of them starts a TLD, the pattern of all TLDs is tried.
_LIKE_ASCII = LazyPattern(r"[a-z]", re.IGNORECASE)


@lru_cache(maxsize=64)
def _tld_pattern(first: str | None) -> re.Pattern[str]:
    """twitter-text's TLD pattern (and the intranet TLDs) for the TLDs starting with `first` (a lower-case ASCII
    letter), with the others when `first` is "" and all of them when it is None."""
    tlds = TLDS | set(_INTRANET_TLDS)
    if first is not None:
        tlds = {tld for tld in tlds if tld[0] == first} if first else {tld for tld in tlds if not tld[0].isascii()}
    trie = _trie(sorted(tlds)) if tlds else "(?!)"
    return re.compile(f"(?:{trie}|xn--[\\-0-9a-z]+){_TLD_END}", re.IGNORECASE)


def _tld(text: str, at: int) -> re.Pattern[str] | None:
    """The TLD pattern that can match at `at`: the one of its first letter's TLDs, case ignored as re ignores it
    (no TLD starts with a digit, and none with a letter that matches an ASCII one); None when none can."""
    ch = text[at]
    if ch.isascii():
        return _tld_pattern(ch.lower()) if ch.isalpha() else None
    return _tld_pattern(None if _LIKE_ASCII.match(ch) else "")


def _tld_end(text: str, at: int, end: int) -> int | None:
    """Where the TLD that twitter-text's pattern takes at `at` ends (before `end`), or None."""
    if at >= end or (pattern := _tld(text, at)) is None:
        return None
    m = pattern.match(text, at, end)
    return m.end() if m else None


@dataclass(frozen=True)
class _Url:
    """One match of twitter-text's extractUrl pattern, with the groups that are read."""

    start: int
    end: int
    domain_start: int
    domain_end: int
    protocol: str | None
    path: bool


def _url_search(text: str, pos: int, end: int) -> _Url | None:
    """The first match of twitter-text's extractUrl pattern in text[pos:end] (see _LABELS)."""
    tail = _tail()
    while True:
        m = _LABELS.search(text, pos, end)
        if m is None:
            return None
        domain = m.end("protocol") if m.group("protocol") else m.start()
        # Every way the regex can end the domain's labels, last first: subdomain labels, then a name label.
        labels = []
        at = domain
        while (label := _SUBDOMAIN.match(text, at, end)) is not None:
            labels.append((at, label.end()))
            at = label.end()
        for first, after in reversed(labels):
            if _NAME.match(text, first, end) is None:
                continue
            domain_end = _tld_end(text, after, end)
            if domain_end is not None:
                t = tail.match(text, domain_end, end)
                return _Url(m.start(), t.end(), domain, domain_end, m.group("protocol"), t.group("path") is not None)
        pos = m.start() + 1


def _ascii_domains(domain: str) -> Iterator[tuple[int, int]]:
    """Where twitter-text's validAsciiDomain pattern matches in `domain`, one after another (as re.finditer)."""
    pos = 0
    while (m := _ASCII_LABELS.search(domain, pos)) is not None:
        # Its labels end at each full stop in the match: the last one first, as the regex backtracks. A start
        # further in the same labels has only some of the same ends, so the next try starts after them.
        for dot in range(m.end() - 1, m.start(), -1):
            if domain[dot] == "." and (found := _tld_end(domain, dot + 1, len(domain))) is not None:
                yield m.start(), found
                pos = found
                break
        else:
            pos = m.end()
        if pos >= len(domain):
            return


def _ascii_domain(domain: str) -> bool:
    """Whether all of `domain` is one twitter-text validAsciiDomain."""
    m = _ASCII_LABELS.match(domain)
    if m is None or m.end() != domain.rfind(".") + 1 or m.end() == len(domain):
        return False
    pattern = _tld(domain, m.end())
    return pattern is not None and pattern.fullmatch(domain, m.end()) is not None


@lru_cache(maxsize=1)
def _tail() -> re.Pattern[str]:
    """What follows the TLD in twitter-text's extractUrl: a port, a path, a query."""
    return re.compile(rf"(?::[0-9]+)?(?P<path>/{_PATH}*)?(?:\?{_QUERY_CHAR}*{_QUERY_END})?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _tco() -> re.Pattern[str]:
    """twitter-text's validTcoUrl."""
    return re.compile(rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY_CHAR}*{_QUERY_END})?", re.IGNORECASE)


# Where a link can be: a dot before a letter (bare domains), or "://". Only the words around these are given to
# the URL pattern, since most of a post has neither and the pattern is long.
_CANDIDATE = LazyPattern(r"[.\u3002\uff0e\uff61](?=[^\W\d_]|xn--)|://", re.IGNORECASE)
_WINDOW_BEFORE = 256  # a host longer than this before its first dot is not one (labels are at most 63)
_MAX_URL = 4096  # twitter-text's MAX_URL_LENGTH
_MAX_TCO_SLUG = 40
# Full stops that browsers read as "." in a host name (IDNA): ideographic, fullwidth, halfwidth ideographic.
_DOTS = str.maketrans("\u3002\uff0e\uff61", "...")


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` (whitespace-delimited, merged) around each place a link could be."""
    windows: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(text):
        if windows and m.start() < windows[-1][1]:
            continue
        start = max(m.start() - _WINDOW_BEFORE, 0)
        space = max(text.rfind(" ", start, m.start()), text.rfind("\n", start, m.start()))
        start = space + 1 if space >= 0 else start
        after = _SPACE.search(text, m.end(), m.start() + _MAX_URL)
        windows.append((start, after.start() if after else min(len(text), m.start() + _MAX_URL)))
    return windows


_SPACE = LazyPattern(r"\s")


def _punycode_ok(domain: str) -> bool:
    """twitter-text's idna.toAscii check: every label 1 to 63 characters once punycode-encoded."""
    for label in domain.split("."):
        try:
            encoded = label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
        except UnicodeError:
            return False
        if not 1 <= len(encoded) <= 63:
            return False
    return True


def _twitter_links(text: str, read: str) -> list[Link]:
    """The links twitter-text extracts from `read` (text with IDNA full stops as "."), positions in `text`."""
    links: list[Link] = []
    for window_start, window_end in _windows(read):
        for m in _matches(read, window_start, window_end):
            domain, protocol = read[m.domain_start : m.domain_end], m.protocol
            if domain.lower().startswith("xn--") and not _ascii_domain(domain):
                continue
            if not _punycode_ok(domain) or len(protocol or "https://") + m.end - m.start > _MAX_URL:
                continue
            start, end = m.start, m.end
            if not protocol:
                if start > 0 and read[start - 1] in "-_./":
                    continue
                if not m.path and _MAILBOX_GOES_ON.match(read, end):
                    continue  # the start of an e-mail address ("quit.coach.mel@gmail.com"): M101's, not a link
                found = [(m.domain_start + a, m.domain_start + b) for a, b in _ascii_domains(domain)]
                if not found:
                    continue
                if m.path:
                    found[-1] = (found[-1][0], end)
                links += [_link(text, a, b, "", _autolinked(read[a:b])) for a, b in found]
                continue
            slug = _tco().match(read, start, end)
            if slug:
                if len(slug.group(1)) > _MAX_TCO_SLUG:
                    continue
                end = slug.end()
            elif _host_goes_on(read, end):
                # X links https://nhs.uk in https://nhs.uk.evil.example/ or https://nhs.uk@evil.example/, but a
                # platform that links the whole address sends the reader to evil.example: that is the link.
                end = _browser_end(read, start, end)
                links.append(_link(text, start, end, protocol[:-3].lower(), autolinked=False))
                continue
            links.append(_link(text, start, end, protocol[:-3].lower(), _autolinked(domain)))
    return links


def _matches(text: str, start: int, end: int) -> Iterator[_Url]:
    """The pattern's matches as twitter-text's loop finds them: its pattern consumes the character before a URL,
    so a URL cannot start right where the previous match (kept or skipped) ended."""
    pos = start
    previous_end = -1
    while pos <= end:
        m = _url_search(text, pos, end)
        if m is None:
            return
        if m.start == previous_end:
            pos = m.start + 1
            continue
        yield m
        previous_end = pos = m.end


_MAILBOX_GOES_ON = re.compile(r"[\w.+-]*@[\w-]+\.")  # more of an e-mail address's mailbox, then its domain


# What twitter-text reads as a host can be the start of a user name, before "@" with nothing that ends an authority
# between: in https://nhs.uk@evil.example/, https://nhs.uk:pass@evil.example/ and https://nhs.uk%2F@evil.example/
# the browser goes to evil.example.
_USER_INFO_REST = re.compile(r"[^\s/?#<>\"'()\[\]@\\]*@")
# A browser percent-decodes a host: https://nhs.uk%2eevil.example/ goes to nhs.uk.evil.example. Only escapes of
# what a host name may hold (letters, digits, "." and "-") carry it on.
_HOST_ESCAPE = re.compile(r"%(?:2[de]|3[0-9]|[46][1-9a-f]|[57][0-9a])", re.IGNORECASE)


def _host_goes_on(text: str, end: int) -> bool:
    """Whether the host of a URL that twitter-text ends at `end` goes on for a browser: a user name (user@,
    user:password@), \\, .label or a percent-escaped host character (%2e)."""
    if end >= len(text):
        return False
    return (
        text[end] == "\\"
        or _USER_INFO_REST.match(text, end) is not None
        or _HOST_ESCAPE.match(text, end) is not None
        or (text[end] == "." and end + 1 < len(text) and text[end + 1].isascii() and text[end + 1].isalnum())
    )


def _autolinked(domain: str) -> bool:
    """Whether X links a domain the pattern found: not when it ends in an intranet name postcheck added."""
    return re.split(r"[/:?#]", domain, maxsplit=1)[0].rsplit(".", 1)[-1].lower() in TLDS or "xn--" in domain.lower()


def _link(text: str, start: int, end: int, scheme: str, autolinked: bool = True) -> Link:
    raw = text[start:end]
    read = raw.translate(_DOTS)
    url = read if scheme else "http://" + read
    return Link(start, end, raw, url, url_host(url), scheme, autolinked)


# Links twitter-text does not find but a reader can follow, so L103/L104 must see them: any scheme:// address
# (an IP, intranet or bracketed IPv6 host, a host under any TLD, ftp://), bare IPv4 addresses and localhost with
# a port. Their paths end where twitter-text ends a path.
_TAIL = rf"(?:[/\\]{_PATH}*)?(?:\?{_QUERY_CHAR}*{_QUERY_END})?"  # a browser reads \ as /
_OTHER_URL = (
    r"(?:(?P<scheme>[a-z][a-z0-9+.-]*):)?//(?:[^\s/?#<>\"'()\[\]@\\]*@)?"  # user:password@
    rf"(?P<host>\[[0-9a-f:.]+\]|[\w.%-]+)(?::\d{{1,5}})?{_TAIL}"
)


@lru_cache(maxsize=1)  # compiled on first need (about 15 ms): most posts have no "//" or IP address
def _other() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w@./+:-]){_OTHER_URL}"
        rf"|(?<![\w@./:-])(?P<ip>(?:\d{{1,3}}\.){{3}}\d{{1,3}}(?![\w.-])|localhost:\d{{1,5}}){_TAIL}",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _schemed() -> re.Pattern[str]:
    return re.compile(_OTHER_URL, re.IGNORECASE)


_OTHER_HINT = LazyPattern(r"\d\.\d+\.\d|localhost:", re.IGNORECASE)  # what _other() needs besides "//"


def _browser_end(text: str, start: int, end: int) -> int:
    """Where the address starting at `start` ends for a browser, when it goes on past twitter-text's `end`."""
    m = _schemed().match(text, start)
    return max(end, _trimmed_end(m)) if m else end


def _trimmed_end(m: re.Match[str]) -> int:
    """A match's end without a host's trailing full stop or hyphen ("see //nhs.uk.")."""
    return m.start() + len(m.group().rstrip(".-_%")) if m.end() == m.end("host") else m.end()


# A bare dotted quad straight after a word that names a version ("version 3.41.0.1", "build 10.0.2.1", "ver. 2.1.0.4")
# is the software's version, not an address: no port, path or scheme makes it one. Only the few characters before it
# are read.
_VERSION_WORD = LazyPattern(
    r"\b(?:versions?|ver\.?|v\.|build|release|firmware|update)[ \t]*[:#]?[ \t]*\Z", re.IGNORECASE
)
_VERSION_REACH = 24

# Defanged addresses: a scheme or a full stop spoilt on purpose so that no app or browser follows the address.
_DEFANGED = frozenset({"hxxp", "hxxps", "hxxpx", "fxp", "fxps"})
_DEFANGED_DOT = LazyPattern(r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)", re.IGNORECASE)


def _other_links(text: str, read: str, taken: list[Link]) -> list[Link]:
    links = []
    found = _Spans(taken)
    for m in _other().finditer(read):
        if found.cover(m.start()):
            continue
        # A link twitter-text found later in the same word ends this one: "//a.example/x?y]https://nhs.uk/".
        later = found.next_start(m.start())
        end = later if later is not None and later < m.end() else _trimmed_end(m)
        end = m.start() + len(read[m.start() : end].rstrip(_TRAILING + "])"))
        if m.group("ip"):
            bare = end == m.end("ip") and not (read[end : end + 1] == ":" and read[end + 1 : end + 2].isdigit())
            if bare and _VERSION_WORD.search(read, max(0, m.start() - _VERSION_REACH), m.start()):
                continue  # "version 3.41.0.1": a software version written as four numbers, with no port or path
            links.append(_link(text, m.start(), end, "", autolinked=False))
            continue
        scheme = (m.group("scheme") or "").lower()
        host = m.group("host")
        if scheme == "mailto" or not _followable(host if host.startswith("[") else host.rstrip(".-_%")):
            continue
        if scheme in _DEFANGED or _DEFANGED_DOT.match(read, m.end("host")):
            continue  # written not to be followed, as scam warnings write them: "hxxps://nhs-refund[.]com"
        url = read[m.start() : end]
        url = url if scheme else "http:" + url
        host = url_host(url)
        if end < _trimmed_end(m) and not host.startswith("[") and not _followable(host):
            continue  # cut inside its host ("https://www%2enhs.uk", where X links "2enhs.uk"): no host of its own
        links.append(Link(m.start(), end, text[m.start() : end], url, host, scheme, autolinked=False))
    return links


def _followable(host: str) -> bool:
    """Whether a host twitter-text did not link is one a browser goes to when the link is clicked elsewhere
    (Facebook and LinkedIn link any http:// address): an IP address, a bracketed IPv6 address, or a host name
    whose labels are well formed, under any TLD."""
    if host.startswith("["):
        return True
    name = normalise_host(host)
    if host_ip(name) is not None:
        return True
    return all(_LABEL.fullmatch(label) for label in name.split("."))


_LABEL = LazyPattern(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def find_links(text: str) -> list[Link]:
    """Every link in `text`, bare domains included, in order; e-mail addresses (mailto) are not links."""
    return list(_find_links(text))


@lru_cache(maxsize=4096)  # several rules look at the links of the same text
def _find_links(text: str) -> tuple[Link, ...]:
    read = text.translate(_DOTS)  # same length: positions hold, and "nhs。uk" is found as a browser reads it
    if "." not in read and "/" not in read:
        return ()
    links = _twitter_links(text, read)
    if _OTHER_HINT.search(read) or _uncovered_slashes(read, links):
        links += _other_links(text, read, links)
        links.sort(key=lambda link: link.start)
    if "](" in read:
        links = _markdown_targets(text, read, links)
    if "ile:" in read or "ILE:" in read:  # file:, File:, FILE: without copying the text to lower it
        links = _file_links(text, read, links)
    return tuple(links)


# A Markdown link whose label is an address with a path, "[www.nhs.uk/flu](https://evil.example/start)": twitter-text
# reads label and target as one address (a path may hold brackets), which X links to the label's host and counts once.
# The target is an address of its own all the same: Facebook and LinkedIn link it as written, and a Markdown
# renderer sends the reader there. It is added as a link that X does not make.
_MARKDOWN_TARGET = LazyPattern(r"\]\(<?(?=[a-z][a-z0-9+.-]*://)", re.IGNORECASE)


def _markdown_targets(text: str, read: str, links: list[Link]) -> list[Link]:
    """`links` with the target of each Markdown link that lies inside another link (an address label's path)."""
    found = []
    starts = {link.start for link in links}
    for link in links:
        for m in _MARKDOWN_TARGET.finditer(read, link.start, link.end):
            target = _schemed().match(read, m.end())
            if target is None or m.end() in starts:
                continue
            end = m.end() + len(read[m.end() : _trimmed_end(target)].rstrip(_TRAILING + "])>"))
            scheme = (target.group("scheme") or "").lower()
            url = read[m.end() : end]
            found.append(Link(m.end(), end, text[m.end() : end], url, url_host(url), scheme, autolinked=False))
    return sorted(links + found, key=lambda link: link.start) if found else links


# A file:// address pasted from the author's own computer or a file share (file:///C:/Users/..., file://server/x):
# whatever its host, nobody else can open it.
_FILE_URL = LazyPattern(r"(?<![\w@./+:-])file:/{1,3}[^\s<>\"'\[\]]+", re.IGNORECASE)


def _file_links(text: str, read: str, links: list[Link]) -> list[Link]:
    """`links` with every file: address in place of what the other searches made of it (a share's host)."""
    found = []
    for m in _FILE_URL.finditer(read):
        end = m.start() + len(m.group().rstrip(_TRAILING + ")"))
        found.append(Link(m.start(), end, text[m.start() : end], read[m.start() : end], "", "file", autolinked=False))
    if not found:
        return links
    kept = [link for link in links if not any(f.start <= link.start < f.end for f in found)]
    return sorted(kept + found, key=lambda link: link.start)


_SLASHES = LazyPattern("//")
_SCHEME_CHAR = LazyPattern(r"[a-z0-9+.-]", re.IGNORECASE)


def _uncovered_slashes(read: str, links: list[Link]) -> bool:
    """Whether a "//" may start a link of its own: it lies in no link twitter-text found, or in one that a scheme could
    reach into from before it ("a.https://"). Most posts' "//" are their https links': no other search."""
    solid = _Spans([link for link in links if not (link.start and _SCHEME_CHAR.match(read, link.start - 1))])
    return any(not solid.cover(m.start()) for m in _SLASHES.finditer(read))


class _Spans:
    """Links' spans, to look a position up among them in logarithmic time (they may nest: a post of many links takes
    time in step with its length)."""

    def __init__(self, links: list[Link]):
        spans = sorted((link.start, link.end) for link in links)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))  # the furthest end of the spans up to each

    def cover(self, at: int) -> bool:
        """Whether a span holds position `at`."""
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and self.reach[i] > at

    def next_start(self, at: int) -> int | None:
        """The first start after `at`."""
        i = bisect_right(self.starts, at)
        return self.starts[i] if i < len(self.starts) else None


def host_ip(host: str) -> IPAddress | None:
    """The IP address a host names, read the way browsers do (``0x7f.1``, ``2130706433``); None for names."""
    if not host:
        return None
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    parts = host.split(".")
    if parts[-1] == "":
        parts.pop()
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        if not (part.isascii() and part.isalnum()):
            return None  # int() would take "-1", "+1", " 1", "1_0" and other digits; a browser does not
        try:
            if part.lower().startswith("0x"):
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part, 8))
            else:
                numbers.append(int(part, 10))
        except ValueError:
            return None
    # WHATWG IPv4 parser: the last part fills the remaining bytes.
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1]
    for i, n in enumerate(numbers[:-1]):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def is_private_ip(ip: IPAddress) -> bool:
    """Whether an address is not on the public internet (private, loopback, link-local, reserved...)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def internal_reason(host: str) -> str | None:
    """Why a host is internal (localhost, a private or bare IP address, an intranet name), or None."""
    if not host:
        return None
    ip = host_ip(host)
    if ip is not None:
        if ip.is_loopback:
            return "a loopback address"
        if ip.is_link_local:
            return "a link-local address"
        if is_private_ip(ip):
            return "a private network address"
        return "a bare IP address"
    if "." not in host:
        return "localhost" if host == "localhost" else "an intranet host name"
    for suffix in INTERNAL_SUFFIXES:
        if host == suffix or host.endswith("." + suffix):
            return f"an intranet host name (.{suffix})"
    if host.startswith("nww."):  # the NHS's private network (HSCN, once N3) names its intranet sites nww.*
        return "an NHS intranet site (nww.), reachable only on the Health and Social Care Network"
    return None


def host_in(host: str, domains: list[str] | tuple[str, ...]) -> str | None:
    """The listed domain that `host` is, or is a subdomain of; None when it matches none."""
    for domain in domains:
        d = normalise_host(domain.split("://", 1)[-1].split("/", 1)[0])
        if d and (host == d or host.endswith("." + d)):
            return domain
    return None
