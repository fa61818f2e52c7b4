"""Generate a benchmark corpus: N realistic Markdown posts, about one image each from a pool of 50, deterministic
for a seed."""

from __future__ import annotations

import argparse
import random
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


ALTS = [
    "A nurse gives a flu vaccine to an older man in a GP surgery",
    "A pharmacist talks to a customer across the counter",
    "Volunteers in blue tabards outside the Basildon clinic",
    "",  # no alt text: what markdownlint's MD045 and postcheck's A101 both report
]
IMAGES = 50  # distinct image files, shared by the posts as a comms team reuses its pictures


def make_images(folder: Path, count: int = IMAGES) -> list[str]:
    """Write `count` small distinct PNG images into `folder`/media; their paths relative to `folder`."""
    from PIL import Image

    media = folder / "media"
    media.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(count):
        name = f"media/picture-{i:02d}.png"
        Image.new("RGB", (1200, 675), ((i * 37) % 256, (i * 91) % 256, (i * 53) % 256)).save(folder / name)
        names.append(name)
    return names


def make_corpus(folder: Path, count: int, seed: int = 1, images: bool = True) -> Path:
    """Write `count` posts (each with an inline image when `images`) and a postcheck.toml into `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "postcheck.toml").write_text('[links]\napproved = ["nhs.uk", "gov.uk"]\n')
    pictures = make_images(folder) if images else []
    for i in range(count):
        text = f"{rng.choice(OPENERS)} {rng.choice(ENDINGS)}\n\n{' '.join(rng.sample(TAGS, 2))} {rng.choice(LINKS)}\n"
        if pictures:
            text += f"\n![{rng.choice(ALTS)}]({rng.choice(pictures)})\n"
        day = 1 + i % 28
        front = f"---\nplatforms: [x, facebook]\npublish_at: 2027-02-{day:02d}T10:00:00+00:00\n---\n"
        (folder / f"post-{i:05d}.md").write_text(front + "# Post\n\n" + text)
    return folder


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="where to write the posts (created)")
    parser.add_argument("count", type=int, nargs="?", default=1000, help="how many posts (default 1000)")
    args = parser.parse_args()
    make_corpus(args.folder, args.count)
