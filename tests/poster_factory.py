"""Posters, cards, photos, logos and watermarks drawn with Pillow at test time: the A107 test set.

Each image comes with the text drawn on it and alt texts that convey that text fully, partly or not at all,
so tests and bench/ocr.py can measure A107's recall and precision. Fonts are Debian's DejaVu and Liberation
when installed, else Pillow's bundled FreeType default (ImageFont.load_default(size=...)).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
FONT_FILES = (
    "DejaVuSans-Bold.ttf",
    "LiberationSans-Regular.ttf",
    "DejaVuSerif.ttf",
    "LiberationSans-Bold.ttf",
    "DejaVuSans.ttf",
    "LiberationSerif-Bold.ttf",
)
NHS_BLUE = (0, 94, 184)
DARK_BLUE = (0, 48, 135)
WARM_YELLOW = (255, 184, 28)
NHS_GREEN = (0, 150, 57)
DARK_PINK = (125, 33, 85)


def font(index: int, size: int):
    """The index-th test font at `size` px (cycling through those installed), else Pillow's default font."""
    from PIL import ImageFont

    installed = [d / name for name in FONT_FILES for d in FONT_DIRS if (d / name).is_file()]
    if installed:
        return ImageFont.truetype(str(installed[index % len(installed)]), size)
    return ImageFont.load_default(size=size)


def _photo(size: tuple[int, int], seed: int):
    """Photo-like noise: smooth colour blobs under fine grain, no text."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(size[0] // 12, size[0] // 3)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(size[0] / 40))
    grain = Image.effect_noise(size, 24).convert("RGB")
    return Image.blend(image, grain, 0.15)


@dataclass
class Sample:
    """One test image: what is written on it, and alt texts by how much of that they convey."""

    name: str
    lines: list[str]  # the text on the image, in reading order ([] for photos)
    full: list[str] = field(default_factory=list)  # alts that convey the text: A107 must pass
    partial: list[str] = field(default_factory=list)  # alts that leave much of it out: A107 must fire
    none: list[str] = field(default_factory=list)  # alts that describe the image but not its text
    minor: bool = False  # a logo's word or a watermark: never A107, whatever the alt

    def draw(self, path: Path) -> Path:
        """Write the image to `path` (PNG or JPEG by suffix)."""
        _DRAWERS[self.name](path)
        return path


def _poster(
    path: Path,
    lines: list[tuple[str, int]],
    size=(1080, 1080),
    bg=NHS_BLUE,
    fg=(255, 255, 255),
    font_index=0,
    photo_seed: int | None = None,
    align="left",
    panel=None,
) -> None:
    from PIL import Image, ImageDraw

    image = _photo(size, photo_seed) if photo_seed is not None else Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(image)
    margin = size[0] // 12
    if panel:
        draw.rectangle((margin // 2, size[1] // 3, size[0] - margin // 2, size[1] - margin), fill=panel)
        y = size[1] // 3 + margin // 2
    else:
        y = margin
    for text, px in lines:
        face = font(font_index, px)
        width = draw.textlength(text, font=face)
        x = (size[0] - width) / 2 if align == "center" else margin
        draw.text((x, y), text, font=face, fill=fg)
        y += int(px * 1.35)
    image.save(path)


def _columns(path: Path, left: list[str], right: list[str], heading: str, size=(1080, 1080)) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (240, 244, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 200), fill=DARK_BLUE)
    draw.text((60, 60), heading, font=font(3, 72), fill=(255, 255, 255))
    for column, x in ((left, 60), (right, size[0] // 2 + 30)):
        y = 260
        for text in column:
            draw.text((x, y), text, font=font(1, 44), fill=(33, 43, 50))
            y += 64
    image.save(path)


def _logo(path: Path, word: str, size=(600, 600)) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    face = font(0, 150)
    box = draw.textbbox((0, 0), word, font=face)
    w, h = box[2] - box[0], box[3] - box[1]
    x, y = (size[0] - w) // 2, (size[1] - h) // 2
    draw.rectangle((x - 30, y - 30, x + w + 30, y + h + 50), fill=NHS_BLUE)
    draw.text((x - box[0], y - box[1]), word, font=face, fill=(255, 255, 255))
    image.save(path)


def _watermark(path: Path, mark: str, seed: int, size=(1080, 720)) -> None:
    from PIL import ImageDraw

    image = _photo(size, seed)
    draw = ImageDraw.Draw(image)
    draw.text((size[0] - 420, size[1] - 60), mark, font=font(4, 30), fill=(235, 235, 235))
    image.save(path)


def _letter(path: Path, size=(1080, 1350)) -> None:
    """A screenshot of a letter: small black text on white, as a phone shows it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    y = 80
    for text in LETTER:
        draw.text((70, y), text, font=font(4, 34), fill=(20, 20, 20))
        y += 52
    image.save(path)


def _stats(path: Path, size=(1200, 675)) -> None:
    """An infographic: three columns, a big figure over two lines of words in each."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for i, (figure, first, second) in enumerate(STATS):
        x = 60 + i * 390
        draw.text((x, 120), figure, font=font(0, 110), fill=NHS_BLUE)
        draw.text((x, 290), first, font=font(1, 38), fill=(33, 43, 50))
        draw.text((x, 340), second, font=font(1, 38), fill=(33, 43, 50))
    image.save(path)


def _outlined_on_photo(path: Path, size=(1080, 1080)) -> None:
    """White words with a dark outline straight on a busy photo, no panel behind them."""
    from PIL import ImageDraw

    image = _photo(size, 21)
    draw = ImageDraw.Draw(image)
    y = 380
    for text, px in OUTLINED:
        draw.text((80, y), text, font=font(3, px), fill=(255, 255, 255), stroke_width=4, stroke_fill=(0, 0, 0))
        y += int(px * 1.4)
    image.save(path)


def _plain_photo(path: Path, seed: int, size=(1080, 1080)) -> None:
    _photo(size, seed).save(path)


def _shapes(path: Path, size=(1080, 1080)) -> None:
    """A graphic with stripes, circles and a chart-like bar run, no text."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for i in range(8):
        draw.rectangle((100 + i * 110, 900 - 80 * (i % 5 + 1), 180 + i * 110, 900), fill=NHS_BLUE)
    for i in range(5):
        draw.ellipse((80 + i * 180, 80, 200 + i * 180, 200), outline=NHS_GREEN, width=12)
    draw.line((60, 960, 1020, 960), fill=(0, 0, 0), width=6)
    image.save(path)


FLU = [("Flu clinics", 110), ("Monday to Friday", 80), ("9am to 5pm", 80), ("No appointment needed", 60)]
QUOTE = [
    ("\u201cThe nurses made me", 64),
    ("feel safe and cared for", 64),
    ("from the moment I arrived.\u201d", 64),
    ("Margaret, 82, Southend", 44),
]
PHARMACY = [
    ("Pharmacy First", 90),
    ("Get treatment for seven", 54),
    ("common conditions without", 54),
    ("seeing a GP. Ask your", 54),
    ("local pharmacist today.", 54),
]
MENTAL = [("Struggling to cope?", 72), ("Call NHS 111 and", 60), ("select the mental", 60), ("health option", 60)]
VOLUNTEER = [("Become a volunteer", 76), ("Help at your local hospital", 48), ("Apply at nhs.uk/volunteer", 48)]
WINTER = [("Stay well this winter", 64), ("Keep warm, check on", 48), ("neighbours and get", 48), ("your vaccines", 48)]
SMALL_CARD = [("Blood donors needed", 40), ("Book an appointment", 30), ("at blood.co.uk", 30)]
MEASLES = [
    ("Measles is spreading.", 70),
    ("Check your child", 56),
    ("has had two doses", 56),
    ("of the MMR vaccine", 56),
]


LETTER = [
    "Dear patient,",
    "Your GP practice is moving to a new building",
    "on 5 January 2027. The new address is",
    "Riverside Health Centre, 12 Mill Lane.",
    "Your appointments stay the same. Parking",
    "is free for the first two hours. If you",
    "have questions, please call the practice.",
]
SMALL_PRINT = [
    ("Carers' clinic", 80),
    ("Free health checks for unpaid carers", 30),
    ("every second Wednesday of the month", 30),
    ("at Oak Road Surgery. Bring your", 30),
    ("carer's card or a letter from your GP.", 30),
]
STATS = [
    ("1 in 4", "adults will have a", "mental health problem"),
    ("70%", "of people feel", "better after talking"),
    ("24/7", "support from", "NHS 111 online"),
]
OUTLINED = [("Walk-in vaccinations", 70), ("this Saturday", 70), ("Town hall, 10am to 2pm", 52)]


def _text(lines: list[tuple[str, int]]) -> list[str]:
    return [text for text, _ in lines]


SAMPLES: list[Sample] = [
    Sample(
        "flu-poster",
        _text(FLU),
        full=[
            "Poster: Flu clinics, Monday to Friday, 9am to 5pm. No appointment needed.",
            "Flu clinics are open Monday to Friday from 9am to 5pm, no appointment needed",
            "Flu clinics Mon\u2013Fri, 9\u20135. No appointment needed.",
        ],
        partial=["Flu clinic poster with the opening days, Monday to Friday", "Poster: flu clinics, no appointment"],
        none=["Flu clinic poster", "Blue poster with white writing"],
    ),
    Sample(
        "quote-card",
        _text(QUOTE),
        full=[
            "Quote card: 'The nurses made me feel safe and cared for from the moment I arrived.' "
            "Margaret, 82, Southend",
        ],
        partial=["Quote from Margaret, 82, who felt safe"],
        none=["A patient's quote about our nurses", "Quote card"],
    ),
    Sample(
        "pharmacy-white-on-green",
        _text(PHARMACY),
        full=[
            "Pharmacy First: get treatment for seven common conditions without seeing a GP. "
            "Ask your local pharmacist today."
        ],
        partial=["Pharmacy First: treatment for seven common conditions"],
        none=["Green Pharmacy First graphic"],
    ),
    Sample(
        "mental-health-on-yellow",
        _text(MENTAL),
        full=["Struggling to cope? Call NHS 111 and select the mental health option."],
        partial=["Struggling to cope? There is help."],
        none=["Yellow graphic about mental health support"],
    ),
    Sample(
        "volunteer-on-photo",
        _text(VOLUNTEER),
        full=["Photo with the words: Become a volunteer. Help at your local hospital. Apply at nhs.uk/volunteer"],
        partial=["Become a volunteer, written over a photo"],
        none=["Volunteers smiling in a hospital corridor"],
    ),
    Sample(
        "winter-panel-on-photo",
        _text(WINTER),
        full=["Stay well this winter: keep warm, check on neighbours and get your vaccines."],
        partial=["Stay well this winter"],
        none=["A snowy street at dusk"],
    ),
    Sample(
        "blood-small-card",
        _text(SMALL_CARD),
        full=["Card: Blood donors needed. Book an appointment at blood.co.uk"],
        partial=["Card asking for blood donors"],
        none=["Red card"],
    ),
    Sample(
        "measles-centred-pink",
        _text(MEASLES),
        full=["Measles is spreading. Check your child has had two doses of the MMR vaccine."],
        partial=["Measles warning about the MMR vaccine"],
        none=["Pink campaign graphic"],
    ),
    Sample(
        "clinic-times-columns",
        ["Clinic opening times", "Monday 8am to 6pm", "Tuesday 8am to 6pm", "Wednesday 8am to 1pm"]
        + ["Thursday 8am to 8pm", "Friday 8am to 6pm", "Weekends closed"],
        full=[
            "Clinic opening times: Monday 8am to 6pm, Tuesday 8am to 6pm, Wednesday 8am to 1pm, "
            "Thursday 8am to 8pm, Friday 8am to 6pm, weekends closed"
        ],
        partial=["Clinic opening times for Monday to Wednesday: 8am to 6pm, 1pm on Wednesday"],
        none=["Table of clinic opening times"],
    ),
    Sample(
        "letter-screenshot",
        LETTER,
        full=[
            "Screenshot of a letter: Dear patient, your GP practice is moving to a new building on 5 January 2027. "
            "The new address is Riverside Health Centre, 12 Mill Lane. Your appointments stay the same. Parking is "
            "free for the first two hours. If you have questions, please call the practice."
        ],
        partial=[
            "Letter: the GP practice moves to Riverside Health Centre, 12 Mill Lane on 5 January 2027",
        ],
        none=["Screenshot of a letter from the practice"],
    ),
    Sample(
        "stats-three-columns",
        [line for figure in STATS for line in figure],
        full=[
            "1 in 4 adults will have a mental health problem. 70% of people feel better after talking. "
            "24/7 support from NHS 111 online."
        ],
        partial=["1 in 4 adults will have a mental health problem"],
        none=["Infographic with three statistics"],
    ),
    Sample(
        "outlined-on-photo",
        [text for text, _ in OUTLINED],
        full=[
            "Walk-in vaccinations this Saturday at the town hall, 10am to 2pm",
            "Walk in vaccinations, Sat, town hall 10-2",
        ],
        partial=["Walk-in vaccinations this weekend"],
        none=["A busy high street"],
    ),
    Sample(
        "small-print",
        _text(SMALL_PRINT),
        full=[
            "Carers' clinic: free health checks for unpaid carers every second Wednesday of the month at Oak Road "
            "Surgery. Bring your carer's card or a letter from your GP."
        ],
        partial=["Carers' clinic at Oak Road Surgery"],
        none=["Poster for carers"],
    ),
    Sample("photo-a", [], full=["A nurse talks with an older man in a waiting room"]),
    Sample("photo-b", [], full=["Trees in autumn colours beside a hospital car park"]),
    Sample("shapes", [], full=["Bar chart rising over the year, with green rings above"]),
    Sample("logo-nhs", ["NHS"], full=["NHS logo"], none=["Logo"], minor=True),
    Sample("logo-word", ["Wellbeing"], full=["Our wellbeing service logo"], none=["Logo"], minor=True),
    Sample("watermark", ["Example Photos"], full=["A nurse in a corridor"], minor=True),
    Sample("watermark-dated", ["\u00a9 Example Photos 2026"], full=["Nurses at a desk"], minor=True),
]

_DRAWERS = {
    "flu-poster": lambda p: _poster(p, FLU),
    "quote-card": lambda p: _poster(p, QUOTE, bg=DARK_BLUE, font_index=2, size=(1200, 675)),
    "pharmacy-white-on-green": lambda p: _poster(p, PHARMACY, bg=NHS_GREEN, font_index=3),
    "mental-health-on-yellow": lambda p: _poster(p, MENTAL, bg=WARM_YELLOW, fg=(33, 43, 50), font_index=1),
    "volunteer-on-photo": lambda p: _poster(
        p, VOLUNTEER, photo_seed=3, font_index=0, panel=(0, 0, 0), size=(1080, 1350)
    ),
    "winter-panel-on-photo": lambda p: _poster(p, WINTER, photo_seed=5, panel=DARK_BLUE, font_index=5),
    "blood-small-card": lambda p: _poster(p, SMALL_CARD, bg=(218, 41, 28), size=(500, 300), font_index=4),
    "measles-centred-pink": lambda p: _poster(p, MEASLES, bg=DARK_PINK, align="center", font_index=4),
    "clinic-times-columns": lambda p: _columns(
        p,
        ["Monday 8am to 6pm", "Tuesday 8am to 6pm", "Wednesday 8am to 1pm"],
        ["Thursday 8am to 8pm", "Friday 8am to 6pm", "Weekends closed"],
        "Clinic opening times",
    ),
    "photo-a": lambda p: _plain_photo(p, 11),
    "photo-b": lambda p: _plain_photo(p, 12, size=(1600, 1200)),
    "shapes": _shapes,
    "logo-nhs": lambda p: _logo(p, "NHS"),
    "logo-word": lambda p: _logo(p, "Wellbeing", size=(1000, 500)),
    "watermark": lambda p: _watermark(p, "Example Photos", 13),
    "watermark-dated": lambda p: _watermark(p, "\u00a9 Example Photos 2026", 14),
    "letter-screenshot": _letter,
    "small-print": lambda p: _poster(p, SMALL_PRINT, bg=(255, 255, 255), fg=DARK_BLUE, font_index=1),
    "stats-three-columns": _stats,
    "outlined-on-photo": _outlined_on_photo,
}


def sample(name: str) -> Sample:
    """The sample called `name`."""
    return next(s for s in SAMPLES if s.name == name)


def cases() -> list[tuple[Sample, str, bool]]:
    """(sample, alt, whether A107 should fire) for every alt of every sample."""
    found = []
    for s in SAMPLES:
        found += [(s, alt, False) for alt in s.full]
        found += [(s, alt, not s.minor) for alt in s.partial + s.none]
    return found
