"""Generate a benchmark corpus: N realistic Markdown posts (no media), deterministic for a seed."""

from __future__ import annotations

import random
import sys
from pathlib import Path

OPENERS = [
    "Flu clinics are open across Mid and South Essex this winter.",
    "Pharmacists can help with coughs, colds and sore throats.",
    "If you need medical help but it is not an emergency, use NHS 111 online.",
    "Our urgent treatment centres are busy this weekend.",
    "Thank you to our volunteers at the Basildon clinic!",
    "Norovirus is going around: wash your hands with soap and water.",
]
ENDINGS = [
    "Book your free vaccine today.",
    "Find out more on the NHS website.",
    "Keep 999 and A&E for emergencies.",
    "Talk to someone today, it helps.",
]
TAGS = [
    "#FluJab",
    "#StayWell",
    "#mentalhealthawareness",
    "#NHS111",
    "#keepwarm",
    "#AskYourPharmacist",
    "#winterwellness",
]
LINKS = [
    "https://www.nhs.uk/vaccinations/flu-vaccine/",
    "https://111.nhs.uk",
    "https://bit.ly/x1",
    "http://example.com",
]


def make_corpus(folder: Path, count: int, seed: int = 1) -> Path:
    """Write `count` posts and a postcheck.toml into `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "postcheck.toml").write_text('[links]\napproved = ["nhs.uk", "gov.uk"]\n')
    for i in range(count):
        text = f"{rng.choice(OPENERS)} {rng.choice(ENDINGS)}\n\n{' '.join(rng.sample(TAGS, 2))} {rng.choice(LINKS)}\n"
        day = 1 + i % 28
        front = f"---\nplatforms: [x, facebook]\npublish_at: 2027-02-{day:02d}T10:00:00+00:00\n---\n"
        (folder / f"post-{i:05d}.md").write_text(front + "# Post\n\n" + text)
    return folder


if __name__ == "__main__":
    make_corpus(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
