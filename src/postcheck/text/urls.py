"""Find links in post text (linkify-it-py, bare domains included) and normalise and classify their hosts."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Host suffixes that only resolve inside a network (RFC 6762 .local, RFC 6761 .localhost, ICANN .internal,
# RFC 8375 home.arpa) plus the common intranet habit .lan.
INTERNAL_SUFFIXES = ("localhost", "local", "internal", "home.arpa", "lan", "intranet")

# Links linkify does not see: bracketed IPv6 hosts, and localhost with a port ("localhost:8080/admin").
_EXTRA = re.compile(
    r"(?<![\w@./-])(?:(?:https?:)?//\[[0-9A-Fa-f:.]+\](?::\d{1,5})?|localhost:\d{1,5})(?:[/?#][^\s<>\"'()]*)?",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"’”"

TLD_LIST = Path(__file__).with_name("tlds.txt")  # twitter-text's tld_lib.yml: the TLDs X autolinks
TLDS: frozenset[str] = frozenset(
    line.strip() for line in TLD_LIST.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"
)


@dataclass(frozen=True)
class Link:
    """A link found in text: where it is (start/end in the text), as written, and its normalised URL."""

    start: int
    end: int
    raw: str
    url: str
    host: str  # lower-case, IDNA-decoded to ASCII (punycode), no trailing dot, no port
    scheme: str  # "http", "https", ...; "" when written without one


@lru_cache(maxsize=1)
def _linkify():
    from linkify_it import LinkifyIt

    linkify = LinkifyIt(options={"fuzzy_ip": True})
    # Bare intranet names ("intranet.local/rota") should be seen even though platforms would not link them.
    linkify.tlds(["local", "internal", "localhost", "home.arpa", "lan"], True)
    return linkify


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


def find_links(text: str) -> list[Link]:
    """Every link in `text`, bare domains included, in order; e-mail addresses (mailto) are not links."""
    return list(_find_links(text))


# Full stops that browsers read as "." in a host name (IDNA): ideographic, fullwidth, halfwidth ideographic.
_DOTS = str.maketrans("\u3002\uff0e\uff61", "...")


@lru_cache(maxsize=4096)  # several rules look at the links of the same text
def _find_links(text: str) -> tuple[Link, ...]:
    links: list[Link] = []
    read = text.translate(_DOTS)  # same length: positions hold, and "nhs。uk" is found as a browser reads it
    if "." in read or ":" in read:
        for m in _linkify().match(read) or []:
            if m.schema == "mailto:" or m.url.lower().startswith("mailto:"):
                continue
            scheme = m.schema.rstrip(":").lower() if m.schema and m.schema != "//" else ""
            raw = text[m.index : m.last_index]
            links.append(Link(m.index, m.last_index, raw, m.url, url_host(m.url), scheme))
    if "[" in text or "localhost:" in text.lower():
        for m in _EXTRA.finditer(text):
            if any(link.start < m.end() and m.start() < link.end for link in links):
                continue
            raw = m.group().rstrip(_TRAILING)
            end = m.start() + len(raw)
            scheme = raw.split(":", 1)[0].lower() if re.match(r"https?:", raw, re.IGNORECASE) else ""
            url = raw if scheme else ("http:" + raw if raw.startswith("//") else "http://" + raw)
            links.append(Link(m.start(), end, raw, url, url_host(url), scheme))
        links.sort(key=lambda link: link.start)
    return tuple(links)


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
    return None


def host_in(host: str, domains: list[str] | tuple[str, ...]) -> str | None:
    """The listed domain that `host` is, or is a subdomain of; None when it matches none."""
    for domain in domains:
        d = normalise_host(domain.split("://", 1)[-1].split("/", 1)[0])
        if d and (host == d or host.endswith("." + d)):
            return domain
    return None
