"""Find links in post text (linkify-it-py, bare domains included) and normalise their hosts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit


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

    return LinkifyIt()


def normalise_host(host: str) -> str:
    """Lower-case ASCII host: IDNA-encoded, trailing dot and brackets removed."""
    host = host.strip().rstrip(".").strip("[]").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def find_links(text: str) -> list[Link]:
    """Every link in `text`, bare domains included; e-mail addresses (mailto) are not links."""
    if "." not in text:
        return []
    matches = _linkify().match(text) or []
    links = []
    for m in matches:
        if m.schema == "mailto:" or m.url.startswith("mailto:"):
            continue
        parts = urlsplit(m.url)
        scheme = m.schema.rstrip(":").lower() if m.schema else ""
        links.append(Link(m.index, m.last_index, m.raw, m.url, normalise_host(parts.hostname or ""), scheme))
    return links
