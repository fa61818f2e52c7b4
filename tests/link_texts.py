"""Texts for the link finder's differential test: the sample posts, the checks/ pages, and generated posts."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = [
    "Book",
    "your",
    "flu",
    "jab",
    "today",
    "at",
    "the",
    "clinic",
    ".",
    ",",
    "!",
    "?",
    ":",
    ";",
    "(",
    ")",
    "-",
    "–",
    "and",
    "or",
    "the",
    "NHS",
    "GP",
    "111",
    "999",
    "12.5%",
    "£10.50",
    "09.30",
    "01.12.2026",
    "v2.4.1",
    "e.g.",
    "i.e.",
    "etc.",
    "Mr.",
    "St.",
    "No.",
    "U.K.",
    "a.m.",
    "p.m.",
    "Dr.Smith",
    "end.Start",
    "fig.3",
    "file.txt",
    "report.pdf",
    "photo.JPG",
    "tar.bz2",
    "$TVI.CA",
    "#flu.jab",
    "@nhs.uk",
    "@NHSEngland",
    "#NHS",
    "中国語",
    "です。",
    "한국",
    "Русские",
]
HOSTS = [
    "nhs.uk",
    "www.nhs.uk",
    "111.nhs.uk",
    "leeds.nhs.uk",
    "www.leedsth.nhs.uk",
    "example.com",
    "bit.ly",
    "t.co",
    "gov.uk",
    "www.gov.scot",
    "nhsinform.scot",
    "gov.wales",
    "phw.nhs.wales",
    "visit.london",
    "tfl.gov.uk",
    "bbc.co.uk",
    "news.sky.com",
    "example.org",
    "foo.jp",
    "it.so",
    "MLB.tv",
    "vine.co",
    "x.com",
    "intranet.local",
    "rota.internal",
    "nas.lan",
    "router.home.arpa",
    "localhost",
    "192.168.0.1",
    "10.0.0.5",
    "8.8.8.8",
    "0x7f.1",
    "2130706433",
    "[::1]",
    "[2001:db8::1]",
    "ELPAÍS.com",
    "münchen.de",
    "xn--mnchen-3ya.de",
    "twitter.みんな",
    "example.comtest",
    "foo.baz",
    "foo.comm",
    "nhs.uk-news",
    "bad_host.com",
]
SCHEMES = ("", "", "", "http://", "https://", "HTTPS://", "ftp://", "//", "mailto:")
PATHS = (
    "",
    "",
    "/",
    "/flu",
    "/conditions/flu/",
    "/a+b",
    "/x?y=1&z=2",
    "/page#top",
    "/wiki/Primer_(film)",
    "/path.",
    "/path,",
    "/path)",
    ":8080",
    ":8080/admin",
    "/?q=flu%20jab",
    "/a-",
    "/über",
    "/これ",
)
AROUND = ("", "", " ", "(", ")", ".", ",", "!", "?", "'", '"', "“", "”", "<", ">", "[", "]", "*", "_", "-")


def generated_texts(count: int = 3000, seed: int = 13) -> list[str]:
    """Posts mixing words with links in the forms people write them, deterministic for a seed."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            if rng.random() < 0.35:
                scheme = rng.choice(SCHEMES)
                user = "jo@" if scheme == "mailto:" or rng.random() < 0.05 else ""
                link = scheme + user + rng.choice(HOSTS) + rng.choice(PATHS)
                parts.append(rng.choice(AROUND) + link + rng.choice(AROUND))
            else:
                parts.append(rng.choice(WORDS))
        texts.append(rng.choice([" ", " ", "", "\n"]).join(parts))
    return texts


def fixture_texts() -> list[str]:
    """The sample posts and the checks/ pages, as whole files."""
    files = sorted((ROOT / "fixtures").rglob("*.*")) + sorted((ROOT / "checks").glob("*.md"))
    return [f.read_text(encoding="utf-8") for f in files if f.suffix in (".md", ".csv", ".json", ".yaml", ".yml")]
