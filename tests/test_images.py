"""Images: header inspection (F006), alt text rules A101-A106, and P102/P103 for images."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from postcheck.media import MediaError
from postcheck.media.images import flash_report, inspect_image
from postcheck.rules.alt_text import fold, placeholder_reason, without_prefix
from tests.conftest import run_cli

# --- generated media --------------------------------------------------------------------------------------


def png_bytes(size=(40, 30), color=(0, 94, 184)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width=20_000, height=20_000) -> bytes:
    """A valid-looking PNG header claiming a huge image, with a tiny compressed stream: never a real bitmap."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def animation(frames: list[Image.Image], duration_ms: int, fmt: str = "GIF") -> bytes:
    out = io.BytesIO()
    frames[0].save(out, fmt, save_all=True, append_images=frames[1:], duration=duration_ms, loop=0)
    return out.getvalue()


def solid(value: int, size=(120, 90)) -> Image.Image:
    return Image.new("RGB", size, (value, value, value))


def flashing_gif(hz: float = 10, seconds: float = 1, size=(120, 90)) -> bytes:
    """Black/white alternation: `hz` full cycles (flashes) a second."""
    step = round(1000 / (2 * hz))
    count = max(2, round(seconds * 2 * hz))
    return animation([solid(0 if i % 2 == 0 else 255, size) for i in range(count)], step)


def fade_gif() -> bytes:
    """Black to white and back over four seconds, ten frames a second."""
    values = [round(255 * i / 20) for i in range(21)] + [round(255 * (20 - i) / 20) for i in range(1, 20)]
    return animation([solid(v) for v in values], 100)


def cursor_gif() -> bytes:
    """A text box with a blinking cursor, 10 Hz: high contrast but a tiny area."""

    def frame(on: bool) -> Image.Image:
        image = Image.new("RGB", (320, 240), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        draw.rectangle((20, 20, 300, 44), outline=(0, 0, 0))
        draw.text((26, 26), "Search", fill=(0, 0, 0))
        if on:
            draw.rectangle((70, 24, 71, 40), fill=(0, 0, 0))
        return image

    return animation([frame(i % 2 == 0) for i in range(10)], 50)


def corner_flash_gif(fraction: float) -> bytes:
    """A white frame whose top-left square of `fraction` of the width (and height) flashes black at 10 Hz."""
    w, h = 300, 200

    def frame(on: bool) -> Image.Image:
        image = Image.new("RGB", (w, h), (255, 255, 255))
        if on:
            ImageDraw.Draw(image).rectangle((0, 0, int(w * fraction), int(h * fraction)), fill=(0, 0, 0))
        return image

    return animation([frame(i % 2 == 0) for i in range(20)], 50)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- inspect_image (F006) ---------------------------------------------------------------------------------


def test_valid_images_report_format_size_and_frames(tmp_path):
    info = inspect_image(write(tmp_path, "a.png", png_bytes((40, 30))))
    assert (info.format, info.width, info.height, info.frames) == ("PNG", 40, 30, 1)
    assert inspect_image(write(tmp_path, "b.jpg", jpeg_bytes())).format == "JPEG"
    gif = inspect_image(write(tmp_path, "c.gif", flashing_gif()))
    assert gif.format == "GIF" and gif.animated


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("huge.png", bomb_png(), "decompression bomb"),
        ("empty.jpg", b"", "empty file"),
        ("truncated.png", png_bytes((200, 100))[:-20], "truncated"),
        ("truncated.jpg", jpeg_bytes((200, 200))[:600], "truncated"),
        ("truncated.gif", flashing_gif()[:-1], "truncated"),
        ("notes.jpg", b"Remember to add the poster here\n", "looks like text"),
        ("photo.jpg", png_bytes(), "content is PNG but the name says .jpg"),
        ("poster.png", jpeg_bytes(), "content is JPEG but the name says .png"),
        ("phone.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 40, "HEIC"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_unreadable_images_raise_media_error_with_the_reason(tmp_path, name, data, reason):
    with pytest.raises(MediaError, match=reason):
        inspect_image(write(tmp_path, name, data))


def test_image_headers_are_read_once_per_content_across_runs_and_refusals_are_kept(tmp_path, monkeypatch):
    from postcheck.media import images

    opened = []
    inspect = images._inspect_image
    monkeypatch.setattr(images, "_inspect_image", lambda path: opened.append(path.name) or inspect(path))
    (tmp_path / "postcheck.toml").write_text("")
    (tmp_path / "a.png").write_bytes(png_bytes((40, 30)))
    (tmp_path / "b.png").write_bytes(png_bytes((200, 100))[:-20])
    post = "---\nplatforms: [x]\nimages:\n  - file: a.png\n    alt: A nurse\n  - file: b.png\n    alt: A clinic\n---\n"

    def check(text: str) -> list[str]:
        (tmp_path / "post.md").write_text(post + text)  # a changed post: its rules run again
        return sorted(f["code"] for f in run_cli("post.md", "--format", "json", cwd=tmp_path).json["findings"])

    assert check("Flu clinics.\n") == ["F006"] and sorted(opened) == ["a.png", "b.png"]
    assert check("Flu clinics are open.\n") == ["F006"] and len(opened) == 2  # both answered by the cache
    (tmp_path / "a.png").write_bytes(png_bytes((40, 30))[:-20])  # an edited image is opened again
    assert check("Flu clinics are open!\n") == ["F006", "F006"] and opened[2:] == ["a.png"]
    assert check("Flu clinics.\n") == ["F006", "F006"] and len(opened) == 3
    (tmp_path / "b.jpg").write_bytes(png_bytes((40, 30)))  # the same bytes as a.png was, named as a JPEG
    (tmp_path / "a.png").write_bytes(png_bytes((40, 30)))
    (tmp_path / "post.md").write_text(post.replace("b.png", "b.jpg") + "Flu clinics.\n")
    found = run_cli("post.md", "--format", "json", cwd=tmp_path).json["findings"]
    assert [f["code"] for f in found] == ["F006"] and "the content is PNG but the name says .jpg" in found[0]["message"]


def test_png_with_a_corrupt_chunk_is_refused(tmp_path):
    data = bytearray(png_bytes((60, 60)))
    idat = data.index(b"IDAT")
    data[idat + 8] ^= 0xFF  # inside the compressed data: the CRC no longer matches
    with pytest.raises(MediaError, match="corrupt"):
        inspect_image(write(tmp_path, "bad.png", bytes(data)))


def test_folder_of_broken_images_gives_f006_in_normal_memory(tmp_path):
    """20,000 x 20,000 PNG, 0-byte JPEG, truncated PNG and text named .jpg: F006 each, exit 1, small memory."""
    media = tmp_path / "media"
    media.mkdir()
    write(media, "huge.png", bomb_png())
    write(media, "empty.jpg", b"")
    write(media, "cut.png", png_bytes((300, 200))[:-30])
    write(media, "text.jpg", b"not an image at all\n")
    (tmp_path / "postcheck.toml").write_text("")
    images = "".join(
        f"  - file: media/{n}\n    alt: Poster number {i} with the clinic times\n"
        for i, n in enumerate(("huge.png", "empty.jpg", "cut.png", "text.jpg"))
    )
    (tmp_path / "post.md").write_text(f"---\nplatforms: [x]\nimages:\n{images}---\nFlu clinics open Monday.\n")
    script = (
        "import resource, sys\n"
        "from postcheck.cli import main\n"
        "sys.argv = ['postcheck', 'check', '.', '--format', 'json', '--no-cache']\n"
        "try:\n    main()\n"
        "except SystemExit as e:\n    code = e.code\n"
        "else:\n    code = 0\n"
        # VmHWM, not ru_maxrss: after fork+exec, ru_maxrss still counts the parent's (pytest's) peak.
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "print(hwm[0].split()[1] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    import json

    found = json.loads(done.stdout)["findings"]
    assert sorted((f["code"], f["line"]) for f in found) == [("F006", 4), ("F006", 6), ("F006", 8), ("F006", 10)]
    max_rss_mb = int(done.stderr.strip().splitlines()[-1]) / 1024  # Linux: kilobytes
    assert max_rss_mb < 250, f"used {max_rss_mb:.0f} MB"


# --- A106 flash analysis ----------------------------------------------------------------------------------


def test_ten_hertz_black_white_flash_is_caught(tmp_path):
    assert flash_report(write(tmp_path, "f.gif", flashing_gif(10))).flashes >= 9


def test_slow_fade_is_not_flashing(tmp_path):
    assert flash_report(write(tmp_path, "fade.gif", fade_gif())).flashes <= 1


def test_small_blinking_cursor_is_not_flashing(tmp_path):
    assert flash_report(write(tmp_path, "cursor.gif", cursor_gif())).flashes == 0


def test_three_flashes_a_second_pass_and_four_fail(tmp_path):
    # GIF delays are in centiseconds: 170 ms frames flash 2.9 times a second, 120 ms frames 4.2 times.
    three = animation([solid(0 if i % 2 == 0 else 255) for i in range(12)], 170)
    four = animation([solid(0 if i % 2 == 0 else 255) for i in range(16)], 120)
    assert flash_report(write(tmp_path, "three.gif", three)).flashes <= 3
    assert flash_report(write(tmp_path, "four.gif", four)).flashes > 3


def test_two_frame_loop_flashes_through_its_wrap_around(tmp_path):
    two = animation([solid(0), solid(255)], 100)  # 5 Hz only when the loop is taken into account
    assert flash_report(write(tmp_path, "two.gif", two)).flashes == 5


def test_flash_area_must_cover_a_quarter_of_a_ten_degree_field(tmp_path):
    # The 10-degree field is a third of each side of the fitted view: 1/36 of the frame is the threshold.
    assert flash_report(write(tmp_path, "big.gif", corner_flash_gif(0.3))).flashes > 3
    assert flash_report(write(tmp_path, "small.gif", corner_flash_gif(0.1))).flashes == 0


@pytest.mark.parametrize("fmt, name", [("PNG", "flash.png"), ("WEBP", "flash.webp")])
def test_apng_and_webp_animations_are_analysed(tmp_path, fmt, name):
    data = animation([solid(0 if i % 2 == 0 else 255) for i in range(10)], 50, fmt)
    path = write(tmp_path, name, data)
    assert inspect_image(path).animated
    assert flash_report(path).flashes > 3


def test_dark_grey_flicker_below_ten_percent_is_not_a_flash(tmp_path):
    # sRGB 0 and 80 differ by about 0.08 in relative luminance: under WCAG's 10%.
    gif = animation([solid(0 if i % 2 == 0 else 80) for i in range(20)], 50)
    assert flash_report(write(tmp_path, "grey.gif", gif)).flashes == 0


# --- alt text helpers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "alt",
    [
        "image",
        "Photo",
        "picture",
        "graphic",
        "alt",
        "Alt text",
        "screenshot",
        "Untitled",
        "logo",
        "img",
        "image 1",
        "IMG_1234",
        "IMG_1234.jpg",
        "DSC0001",
        "DSCN4521.JPG",
        "PXL_20261102_101433123.MP.jpg",
        "Screenshot 2026-11-02 at 10.14.33",
        "Screen Shot 2026-11-02 at 10.14.33 AM (2)",
        "Screenshot_20261102-101433",
        "IMG-20261102-WA0001",
        "Image from iOS (3).jpg",
        "CleanShot 2026-11-02 at 10.14.33@2x",
        "2026-11-02 10_14_33-Greenshot",
        "Snag_1a2b3c4d",
        "Lightshot",
        "Screen Recording 2026-11-02 at 10.14.33.mov",
        "Screenshot (12)",
        "Screenshot_20261102-101433_Chrome",
        "Screenshot from 2026-11-02 10-14-33",
        "Monosnap 2026-11-02 10-14-33",
        "Snipping Tool",
        "unnamed",
        "Untitled design (3)",
        "Copy of Untitled design",
        "untitled-design-4.png",
        "Untitled document",
        "Stock photo",
        "N/A",
        "[alt text to come]",
        "🙂",
        "#FluJab #StayWell",
        "See caption",
        "Described in the post",
        "As above",
        "Lorem ipsum dolor sit amet",
        "flu-clinic.jpg",
        "flu clinic",
        "12345",
        "x",
        "ok",
        "Poster",
        "a flyer",
        "Infographic",
        "leaflet",
        "chart",
        "map",
        "Header image",
        "Social media graphic",
        "Instagram post",
        "Video thumbnail",
        "Slide 1",
        "To be added",
        "Alt text coming soon",
        "Photo credit: Jane Smith",
        "Image courtesy of Essex Police",
        "© NHS England",
        "Photo by Sam Lee on Unsplash",
        "Photo by the NHS",
        "Photo: NHS England",
        "Picture: Southend Echo",
        "Image | Getty Images",
        "Photo: Joe Giddens/PA",
        "Via NHS England",
        "(c) Mid and South Essex ICB 2027",
        "Getty Images",
        "Alamy Stock Photo",
        "Canva",
        "clinic_final_v3",
        "flu-poster-final",
        "Photo on 04-05-2027 at 10.22",
        "Pasted image 20270504102231",
        "Bildschirmfoto 2027-05-04 um 10.22.31",
        "Capture d’écran 2027-05-04 à 10.22.31",
        "Captura de pantalla 2027-05-04 a las 10.22.31",
        "Artboard 1",
        "Frame 12",
        "Layer 2",
        "Photo courtesy NHS England",
        # a size after a placeholder, or alone; a paper size (batch 24)
        "Web banner 1200x628",
        "Header image (1200 x 675)",
        "Graphic 1200x1200px",
        "1080x1080",
        "Poster (A4)",
        # a Canva design named for its topic and format, or with the size Canva adds
        "Stoptober Instagram Story",
        "Copy of Men's Health Week Instagram Post (1080 x 1080 px)",
        "Carers Week Facebook Post (940 x 788 px)",
        "Long Covid (1200 x 627 px)",
        # credits of stock and icon libraries; where the picture is used; "Group shot"; Turkish
        "Designed by Freepik",
        "Designed by pch.vector / Freepik",
        "Icons by Flaticon",
        "Flaticon",
        "Newsletter image",
        "Email banner",
        "Group shot",
        "Resim",
        # a topic and where it is used; a kind of picture or a place in a series before another; a number in words;
        # what it goes with; a note that one is needed; pointers; credits to organisations; a copyright line (batch 26)
        "NHS App promo image",
        "Flu jab social media post",
        "Cervical screening campaign artwork",
        "Spring booster campaign banner (2)",
        "Flu graphic for Facebook",
        "Flu promo graphic (Instagram)",
        "Campaign graphic - Facebook",
        "Homepage banner",
        "Poster image",
        "Draft graphic",
        "Image two",
        "First image",
        "Final slide",
        "Image to accompany post",
        "Accompanying image",
        "Needs alt text",
        "Not applicable",
        "Decorative",
        "See post text",
        "See tweet for details",
        "Text in post",
        "Refer to caption",
        "Photo: Mid and South Essex ICB",
        "Photo: Mid and South Essex NHS Foundation Trust",
        "Copyright NHS England 2026",
    ],
)
def test_placeholders_and_file_names_are_a102(alt):
    assert placeholder_reason(alt, "media/flu-clinic.jpg") is not None


@pytest.mark.parametrize(
    "alt",
    [
        "A child holds up an image of their vaccination card",
        "Image of a nurse giving a flu jab",
        "NHS logo",
        "Screenshot of the NHS App showing the appointment booking page",
        "Photo 1 of 3: a nurse at the clinic door",
        "Poster 3 of 5: Ask for a private room",
        "Card 3 of 5: ask a pharmacist",
        "P1 results table",
        "Poster: flu clinics open Monday to Friday, 9am to 5pm",
        "Map of the new car park beside the main entrance",
        "Screen capture of the booking page",
        "Recording of our webinar on flu",
        "A snip of the rota",
        "Untitled (2019), an oil painting of Southend pier by a local artist",
        "Stock photo of a nurse taking a patient's blood pressure",
        "A smiling nurse 🙂",
        "#FluJab poster on a pharmacy door",
        "Caption competition winner holding her trophy",
        "A table of clinic times; see the post for the full list",
        "Facebook logo",
        "Cover of the annual report",
        "Main entrance of Basildon Hospital",
        "Story time at Grays library",
        "Coming soon sign outside the new clinic",
        "Credit card reader at the pharmacy till",
        "Copyright notice on a poster",
        "Photo by the sea: a family walking along Southend beach at sunset",
        "Picture by the window at sunset",
        "Photo by a river",
        "Photograph: a midwife weighs a newborn baby",
        "Photo: Southend Pier at sunset",
        "Photograph: Basildon Hospital",
        "Photo: Dr Ade Obi",
        "Image: NHS App home screen",
        "Via the back door: the new step-free entrance",
        "Shutterstock photo of a nurse checking a blood pressure monitor",
        "COVID-19",
        "Drop-in",
        "Queue at Basildon Hospital on 04-05-2027 at 10.22",
        "Frame 12 of the animation: the virus spreading between two people",
        "Group photo of the maternity team at Southend",
        "Courtesy bus outside Southend Hospital",
        "Capture the flag at the family fun day",
        "Designed by patients: a mural of the Thames estuary on the waiting room wall",
        "Drawn by a patient aged 9: a rainbow over the ward",
        "A nurse holds up her phone to show our Stoptober Instagram Story",
        "A 1200 x 600 mm banner reading Welcome across the front of Basildon Hospital",
        "Southend Pride Parade 2027 Float With Our NHS Banner",
        "Group shot of the Basildon pharmacy team outside the shop",
        "Instagram Story shows a nurse waving",
        "Poster A3 size on a noticeboard listing blood test times",
        "Newsletter front page with a photo of the new hub",
        # batch 26: descriptions shaped like its placeholders
        "A nurse holding our campaign banner",
        "Volunteers with the social media graphic on a screen behind them",
        "Our social media team at their desks",
        "Flu jab social media post on a phone screen",
        "First day of the new vaccine bus in Wickford",
        "Final design of the new hospital wing",
        "Decorative lights on the Christmas tree in the atrium",
        "Not applicable to under 18s: a poster about the vaccine",
        "Needs assessment form on a clipboard",
        "Refer to caption for the route: a map of the walk along the seafront",
        "Photo: Mid and South Essex ICB headquarters",
        "Photo: Basildon and Thurrock Hospital",
        "Copyright Licensing Agency logo on a poster",
        "Image 1 of 3: a midwife listens to a pregnant woman's bump",
        "Flu clinic poster",
        "Pink campaign graphic",
    ],
)
def test_descriptions_are_not_placeholders(alt):
    assert placeholder_reason(alt, "media/flu-clinic.jpg") is None


def test_prefix_removal_keeps_the_capital():
    assert without_prefix("Image of a nurse") == (0, 10, "A")
    assert without_prefix("Photo of iPhone showing the NHS App") == (0, 9, "")  # not "IPhone"
    assert without_prefix("a photo showing the clinic") == (0, 16, "")
    assert without_prefix("Image of") is None
    assert without_prefix("This is a photo of the clinic") == (0, 20, "T")  # "The clinic"
    assert without_prefix("Imagery of the coast") is None
    assert without_prefix("Pic of the week: our volunteers") is None  # a feature's name
    # a label that says what the field is, copied into it
    assert without_prefix("Image description: a nurse gives a jab") == (0, 20, "A")
    assert without_prefix("Alt text - poster with the clinic times") == (0, 12, "P")
    assert without_prefix("Description of the rash: red and raised") is None


def test_fold_ignores_case_spaces_and_punctuation():
    assert fold("Book your  flu jab, today!") == fold("book your flu jab today")


# --- rules through the CLI --------------------------------------------------------------------------------


def post(images: str, text: str = "Our flu clinics open on Monday.", platforms: str = "x") -> str:
    return f"---\nplatforms: [{platforms}]\nimages:\n{images}---\n{text}\n"


def item(file: str = "media/poster.png", alt: str | None = "Poster with the clinic times", extra: str = "") -> str:
    line = f"  - file: {file}\n"
    if alt is not None:
        line += f"    alt: {alt}\n"
    return line + extra


MEDIA = {"media/poster.png": png_bytes((320, 180)), "media/other.png": png_bytes((320, 180), (200, 30, 30))}


def test_missing_blank_and_inline_empty_alt_are_a101(check):
    files = {
        **MEDIA,
        "a.md": post(item(alt=None)),
        "b.md": post(item(alt='""')),
        "c.md": "---\nplatforms: [x]\n---\nOur flu clinics open on Monday.\n![](media/poster.png)\n",
        "d.md": post(item(alt='"\\u200b "')),  # a zero-width space typed to get past a required field
    }
    run = check(files, "--select", "A1")
    assert sorted((f["path"], f["code"]) for f in run.json["findings"]) == [
        ("a.md", "A101"),
        ("b.md", "A101"),
        ("c.md", "A101"),
        ("d.md", "A101"),
    ]


def test_decorative_image_without_alt_passes_a101(check):
    run = check({**MEDIA, "a.md": post(item(alt=None, extra="    decorative: true\n"))}, "--select", "A101")
    assert run.codes == []


def test_csv_row_without_alt_is_a101_and_remote_images_are_not_opened(check):
    csv = (
        "Text,Date,Time,Picture Url 1,Alt text picture 1,Picture Url 2,Alt text picture 2\n"
        "Flu clinics open,2026-12-01,09:30,https://example.org/IMG_0001.gif,,"
        "https://example.org/b.gif,A nurse at the clinic door\n"
    )
    run = check({"bulk.csv": csv}, "--select", "A1,P102,P103")
    assert run.codes == ["A101"]


def test_image_of_a_nurse_is_a103_not_a102(check):
    run = check({**MEDIA, "a.md": post(item(alt="Image of a nurse giving a flu jab"))}, "--select", "A1")
    assert run.codes == ["A103"]
    assert run.json["findings"][0]["suggestion"] == "A nurse giving a flu jab"


def test_alt_that_mentions_image_in_a_sentence_passes(check):
    alt = "A child holds up an image of their vaccination card"
    assert check({**MEDIA, "a.md": post(item(alt=alt))}, "--select", "A1").codes == []


def test_alt_that_is_the_image_file_name_is_a102(check):
    files = {**MEDIA, "a.md": post(item(alt="poster")), "b.md": post(item(alt="Screenshot 2026-11-02 at 10.14"))}
    assert check(files, "--select", "A1").codes == ["A102", "A102"]


def test_a_logo_said_to_be_whose_it_is_describes_it_though_its_file_has_that_name(check):
    logo = {"media/nhs-logo.png": png_bytes((320, 180))}
    files = {
        **logo,
        "a.md": post(item(file="media/nhs-logo.png", alt="NHS logo")),
        "b.md": post(item(file="media/nhs-logo.png", alt="nhs-logo")),
        "c.md": post(item(file="media/nhs-logo.png", alt="nhs-logo.png")),
    }
    run = check(files, "--select", "A102")
    assert sorted(f["path"] for f in run.json["findings"]) == ["b.md", "c.md"]


def test_a103_unsafe_fix_removes_prefix_and_restores_capital(check, tmp_path):
    files = {**MEDIA, "a.md": post(item(alt="Image of a nurse giving a flu jab") + item(alt="photo of the clinic"))}
    check(files, "--select", "A103", "--fix")
    assert "Image of a nurse" in (tmp_path / "a.md").read_text()  # unsafe: not applied by --fix alone
    check({}, "--select", "A103", "--fix", "--unsafe-fixes")
    text = (tmp_path / "a.md").read_text()
    assert "alt: A nurse giving a flu jab\n" in text and "alt: the clinic\n" in text
    assert check({}, "--select", "A103").codes == []


def test_inline_alt_with_prefix_is_fixed_in_the_brackets(check, tmp_path):
    body = "---\nplatforms: [x]\n---\nFlu clinics open.\n![Picture of the clinic door](media/poster.png)\n"
    check({**MEDIA, "a.md": body}, "--select", "A103", "--fix", "--unsafe-fixes")
    assert "![The clinic door](media/poster.png)" in (tmp_path / "a.md").read_text()


def test_alt_too_long_uses_the_smallest_platform_limit(check):
    alt = "A nurse " * 150  # 1,200 characters
    assert check({**MEDIA, "a.md": post(item(alt=alt.strip()))}, "--select", "A104").codes == ["A104"]
    mastodon = check({**MEDIA, "a.md": post(item(alt=alt.strip()), platforms="mastodon")}, "--select", "A104")
    assert mastodon.codes == []


def test_linkedin_alt_limit_is_configurable(check):
    alt = "A nurse giving a flu jab to an older man in a GP surgery, " * 5
    files = {**MEDIA, "a.md": post(item(alt=alt.strip()), platforms="linkedin")}
    assert check(files, "--select", "A104").codes == []
    files["postcheck.toml"] = "[platform.linkedin]\nalt-max = 256\n"
    run = check(files, "--select", "A104")
    assert run.codes == ["A104"] and "LinkedIn takes at most 256" in run.json["findings"][0]["message"]


def test_alt_repeating_the_post_text_is_a105(check):
    files = {**MEDIA, "a.md": post(item(alt="our flu clinics open on monday"))}
    assert check(files, "--select", "A105").codes == ["A105"]


def test_alt_repeating_the_post_text_without_its_link_and_hashtags_is_a105(check):
    text = "Our flu clinics open on Monday! https://www.nhs.uk/flu #FluJab @NHSEngland"
    files = {**MEDIA, "a.md": post(item(alt="Our flu clinics open on Monday"), text=text)}
    assert check(files, "--select", "A105").codes == ["A105"]
    files["a.md"] = post(item(alt="Our flu clinics open on Monday"), text="Our flu clinics open on Monday at 9am.")
    assert check(files, "--select", "A105").codes == []  # the alt text says less than the post, not the same


def test_two_different_images_with_one_alt_are_a105(check):
    files = {**MEDIA, "a.md": post(item() + item(file="media/other.png"))}
    run = check(files, "--select", "A105")
    assert run.codes == ["A105"] and run.json["findings"][0]["line"] == 7


def test_alts_a_screen_reader_says_alike_are_a105(check):
    pair = item(alt="Pharmacy shopfront at night") + item(file="media/other.png", alt="pharmacy shop-front at night")
    assert check({**MEDIA, "a.md": post(pair)}, "--select", "A105").codes == ["A105"]
    pair = item(alt="Pharmacy shopfront at night") + item(file="media/other.png", alt="Pharmacy shopfront at noon")
    assert check({**MEDIA, "a.md": post(pair)}, "--select", "A105").codes == []


def test_same_image_twice_with_the_same_alt_is_not_a105(check):
    files = {**MEDIA, "a.md": post(item() + item(file="./media/poster.png"))}
    assert check(files, "--select", "A105").codes == []


def test_flashing_gif_is_a106_and_calm_ones_are_not(check):
    files = {
        "media/flash.gif": flashing_gif(10),
        "media/fade.gif": fade_gif(),
        "media/cursor.gif": cursor_gif(),
        "a.md": post(
            item(file="media/flash.gif", alt="Banner flashing black and white")
            + item(file="media/fade.gif", alt="Banner fading slowly")
            + item(file="media/cursor.gif", alt="Search box with a blinking cursor")
        ),
    }
    run = check(files, "--select", "A106")
    assert [(f["code"], f["line"]) for f in run.json["findings"]] == [("A106", 4)]


# --- P102 / P103 ------------------------------------------------------------------------------------------


def test_five_images_are_too_many_for_x_but_not_instagram(check):
    images = "".join(item() for _ in range(5))
    run = check({**MEDIA, "a.md": post(images, platforms="x, instagram")}, "--select", "P102")
    assert run.codes == ["P102"] and "X takes at most 4" in run.json["findings"][0]["message"]
    assert run.json["findings"][0]["line"] == 12  # the fifth image


def test_images_and_videos_together_count_against_media_max(check):
    body = "---\nplatforms: [x]\nimages:\n" + "".join(item() for _ in range(3))
    body += "videos:\n  - file: media/a.mp4\n  - file: media/b.mp4\n---\nHello\n"
    run = check({**MEDIA, "a.md": body}, "--select", "P102")
    assert run.codes == ["P102"] and "3 images and 2 videos" in run.json["findings"][0]["message"]


@pytest.mark.parametrize(
    ("platform", "images", "videos", "expected"),
    [
        ("youtube", 0, 2, "2 videos; YouTube takes at most 1 video per post"),
        ("bluesky", 1, 1, "images and a video together; Bluesky takes images or a video, not both"),
        ("mastodon", 0, 2, "2 videos; Mastodon takes at most 1 video per post"),
        ("linkedin", 2, 1, "images and a video together; LinkedIn takes images or a video, not both"),
    ],
)
def test_platforms_that_take_one_video_or_images_not_both(check, platform, images, videos, expected):
    body = f"---\nplatforms: [{platform}]\n"
    body += "images:\n" + "".join(item() for _ in range(images)) if images else ""
    body += "videos:\n" + "".join(f"  - file: media/v{i}.mp4\n" for i in range(videos)) + "---\nHello\n"
    [finding] = check({**MEDIA, "a.md": body}, "--select", "P102").json["findings"]
    assert finding["message"].startswith(expected)


def test_youtube_does_not_count_images(check):
    images = "".join(item() for _ in range(5))
    assert check({**MEDIA, "a.md": post(images, platforms="youtube")}, "--select", "P102").codes == []


def test_gif_on_instagram_and_wide_banner_are_p103(check):
    files = {
        "media/anim.gif": fade_gif(),
        "media/banner.png": png_bytes((1500, 300)),
        **MEDIA,
        "a.md": post(
            item(file="media/anim.gif", alt="Banner fading slowly")
            + item(file="media/banner.png", alt="Banner with the clinic times")
            + item(),
            platforms="instagram",
        ),
    }
    run = check(files, "--select", "P103")
    messages = [f["message"] for f in run.json["findings"]]
    assert len(messages) == 2
    assert "is GIF; Instagram takes only JPEG, PNG" in messages[0]
    assert "ratio 5.00" in messages[1]


def test_exif_orientation_gives_the_dimensions_as_shown(tmp_path, check):
    def rotated(size, orientation):
        exif = Image.Exif()
        exif[0x0112] = orientation
        out = io.BytesIO()
        Image.new("RGB", size, (0, 94, 184)).save(out, "JPEG", exif=exif)
        return out.getvalue()

    (tmp_path / "portrait.jpg").write_bytes(rotated((1200, 800), 6))  # stored wide, shown tall
    info = inspect_image(tmp_path / "portrait.jpg")
    assert (info.width, info.height) == (800, 1200)
    files = {
        "media/tall.jpg": rotated((1200, 800), 6),  # shown 800 x 1200: ratio 0.67, too tall for Instagram
        "media/wide.jpg": rotated((800, 1200), 8),  # shown 1200 x 800: ratio 1.5, fine
        "a.md": post(item(file="media/tall.jpg") + item(file="media/wide.jpg"), platforms="instagram"),
    }
    [finding] = check(files, "--select", "P103").json["findings"]
    assert finding["line"] == 4 and "ratio 0.67" in finding["message"]  # the tall image's `file:` line


def test_image_over_bluesky_byte_limit_is_p103(check):
    out = io.BytesIO()
    Image.frombytes("RGB", (640, 640), bytes(range(256)) * 4800).save(out, "PNG", compress_level=0)
    assert out.tell() > 1_000_000
    files = {"media/big.png": out.getvalue(), "a.md": post(item(file="media/big.png"), platforms="bluesky, x")}
    run = check(files, "--select", "P103")
    message = run.json["findings"][0]["message"]
    assert run.codes == ["P103"] and "Bluesky takes images up to 1,000,000 bytes" in message
    assert f"is {len(out.getvalue()):,} bytes;" in message  # the size in the limit's unit, not "1.2 MB"


def test_image_dimension_limits_of_x(check):
    files = {"media/strip.png": png_bytes((9000, 3)), "a.md": post(item(file="media/strip.png"))}
    messages = [f["message"] for f in check(files, "--select", "P103").json["findings"]]
    assert any("at most 8192 on a side" in m for m in messages)
    assert any("at least 4 on a side" in m for m in messages)


def test_platform_overrides_change_p103_limits(check):
    files = {**MEDIA, "a.md": post(item()), "postcheck.toml": '[platform.x]\nimage-formats = ["JPEG"]\n'}
    run = check(files, "--select", "P103")
    assert run.codes == ["P103"] and "X takes only JPEG" in run.json["findings"][0]["message"]


def test_instagram_aspect_range_can_be_set_in_config(check):
    files = {
        "media/banner.png": png_bytes((1500, 300)),
        "a.md": post(item(file="media/banner.png"), platforms="instagram"),
        "postcheck.toml": "[platform.instagram]\nimage-aspect = [0.5, 6.0]\n",
    }
    assert check(files, "--select", "P103").codes == []


def assert_placeholders(*alts: str) -> None:
    """Each alt text is a placeholder (A102)."""
    for alt in alts:
        assert placeholder_reason(alt, "media/x.png") is not None, alt


def assert_descriptions(*alts: str) -> None:
    """No alt text is a placeholder (A102)."""
    for alt in alts:
        assert placeholder_reason(alt, "media/x.png") is None, alt


def assert_placeholder_check_is_linear(alts, n: int = 10) -> None:
    """A shape, not a speed: placeholder_reason on `alts(4 * n)` may cost at most 8 times as much as on `alts(n)`
    (linear work gives 4). Each call gets a file name of its own: the answers are cached by alt text and file."""
    import time

    def seconds(n: int) -> float:
        start = time.perf_counter()
        for i in range(20):
            for j, alt in enumerate(alts(n)):
                placeholder_reason(alt, f"media/{j}-{time.perf_counter_ns()}-{i}.png")
        return time.perf_counter() - start

    seconds(n)
    small, large = min(seconds(n) for _ in range(3)), min(seconds(4 * n) for _ in range(3))
    assert large <= 8 * small + 0.05, f"{small:.4f} s for {n} repeats, {large:.4f} s for {4 * n}"


def test_placeholder_check_is_linear_on_long_runs_of_title_words_and_sizes():
    """A design's name is title-case words before a platform and a format; a size is digits, "x", digits. Long runs
    of either must not be split every possible way."""
    assert_placeholder_check_is_linear(lambda n: ["Health " * n + "Instagram Postx", "Banner " + "12 x 12 " * n + "!"])


def test_placeholder_check_is_linear_on_long_runs_of_kind_and_topic_words():
    """Kinds of picture may stand before one another ("Poster image", "First image") and a few words of topic before
    where a picture is used ("Flu jab social media post"): long runs of such words must not be split every possible
    way."""
    assert_placeholder_check_is_linear(
        lambda n: [
            "First poster map " * n + "banner x",
            "Flu social media " * n + "campaign graphic for",
            "See the post text " * n + "x",
        ]
    )


def test_placeholder_check_is_linear_on_a_long_run_of_hex_letters():
    """A screenshot tool's id is hex ("Snag_1a2b3c4d"); a long run of the letters a to f in an alt text must not be
    split every possible way (each 6 letters more took 4-5 times as long: minutes at 70)."""
    assert placeholder_reason("Snag_1a2b3c4d", "media/x.png") is not None
    assert placeholder_reason("A" + "b" * 60, "media/x.png") is None
    assert_placeholder_check_is_linear(lambda n: ["A" + "b" * n], n=15)


def test_placeholder_check_is_linear_on_long_runs_of_recruitment_event_and_pointer_words():
    """A job advert, an event or an occasion is where a picture is used ("Nurse recruitment graphic", "Careers fair
    banner", "Carers Week graphic"), a topic may stand before a dash and a platform ("Hiring now - Instagram post"), and
    a pointer may follow a kind of picture ("Map - see link"): long runs of such words must not be split every possible
    way."""
    assert placeholder_reason("Nurse recruitment graphic 1080x1080", "media/x.png") is not None
    assert_placeholder_check_is_linear(
        lambda n: [
            "Careers fair day week event " * n + "x",
            "We are hiring recruitment vacancy jobs " * n + "banner x",
            "Hiring - " * n + "Instagram postx",
            "Map - " + "more info below " * n + "x",
        ]
    )


def test_placeholder_check_is_linear_on_long_runs_of_occasion_version_promise_and_credit_words():
    """A kind of picture may come from an occasion ("Photos from the day"), be a version ("Poster - Polish version"),
    be promised by someone ("TBC - comms to add"), point at itself in brackets ("Photo (see post)") or be credited with
    a verb ("Photo taken by our comms team"): long runs of such words must not be split every possible way."""
    assert_placeholders(
        "A few snaps from the launch",
        "Leaflet (Easy Read version)",
        "Poster - Welsh",
        "TBC - comms to add",
        "Image - alt text to follow",
        "Outlook-0rx1ab2c",
        "Taken by our photographer",
    )
    assert_placeholder_check_is_linear(
        lambda n: [
            "Some photos from the day " * n + "x",
            "Poster - Polish version " * n + "x",
            "TBC - comms to add " * n + "x",
            "Photo (see post) " * n + "x",
            "Description to follow - Jo " * n + "x",
            "Poster - Welsh (Polish version) " * n + "x",
            "Image - alt text to follow by " * n + "x",
            "Taken by our " * n + "x",
            "Photo taken by " * n + "x",
            "Outlook-" + "a1" * n + " x",
        ]
    )


def test_placeholder_check_is_linear_on_long_runs_of_card_screen_version_and_pointer_words():
    """A card's kind, a shape or a screen may stand before a kind of picture ("Quote card", "Square graphic", "Digital
    screen slide"), version marks may follow one ("Poster v2 FINAL"), a topic may end on "promo" ("Flu jab promo") and
    a pointer may send the reader to another image ("Same as above", "See previous image"): long runs of such words
    must not be split every possible way."""
    assert_placeholders(
        "Placeholder image",
        "Quote card",
        "Stat card",
        "Story frame 2",
        "Photo montage",
        "Badge graphic",
        "Email signature banner",
        "Poster v2 FINAL",
        "Flu jab promo",
        "See alt",
        "Same as above",
        "Ditto",
        "See previous image",
    )
    assert_descriptions(
        "Quote card: 'The nurses were so kind to Mum' - Margaret, Southend",
        "Same view as above, at night: the hospital's entrance lit up in purple",
        "Design of the new health centre seen from the car park",
    )
    assert_placeholder_check_is_linear(
        lambda n: [
            "Quote stat square digital screen " * n + "x",
            "Photo picture placeholder badge design " * n + "x",
            "Poster v2 final draft " * n + "x",
            "Flu jab " * n + "promo x",
            "See the previous image " * n + "x",
            "Same as " * n + "above x",
        ]
    )


def test_notes_to_self_promises_and_edit_states_are_placeholders():
    """A note after a marker ("TBC - check with comms"), a marker after the field's name ("Alt text: TBC"), where a
    picture came from ("File photo"), an editor's state ("Cropped"), an apology ("Sorry, no alt text"), a template's
    variable ("{alt}") and keys mashed ("asdf") say nothing of what the picture shows; long runs of such words must not
    be split every possible way."""
    assert_placeholders(
        "TBC - check with comms",
        "tbc - ask Sarah for description",
        "alt text tbc (ask Mark)",
        "Alt text: TBC",
        "TBC: alt text",
        "Decorative only",
        "Same as previous",
        "See post for description",
        "Full text in post",
        "File photo",
        "Image credit",
        "Cropped",
        "Will add later",
        "Sorry, no alt text",
        "{alt}",
        "%ALT%",
        "asdf",
        "Bez tytułu",
        "图片",
        "Zrzut ekranu 2026-11-02 101433",
        "Asset 7@2x.png",
    )
    assert_descriptions(
        "Work in progress: builders fit the windows of the new Pitsea health hub",
        "Poster asking people to check with their pharmacist before buying cold remedies",
        "File photo from 2019: the old Basildon walk-in centre before it closed",
        "Text below the NHS logo reads 'Your health, your way'",
        "Volunteers plant trees at Orsett Hospital. Photo credit: Sam Lee",
        "Cropped photo of a hand holding a blue inhaler",
    )
    assert_placeholder_check_is_linear(
        lambda n: [
            "TBC" + " - ask Jo for alt text" * n + " x",
            "Photo" + " only" * n + " x",
            "Image" + ": tbc" * n + " x",
            "File library archive " * n + "photo x",
            "a" * n + "b",
        ]
    )


def test_labels_before_pointers_and_promises_and_web_asset_names_are_placeholders():
    """The field's label or a kind before a pointer or a promise ("Alt text: see post", "Image: to follow"), alt text
    said to be in the comments or a thread, who or when after "TBC" ("TBC (Jo)", "TBC by Friday") and a web page's
    hyphen-joined asset names ("og-image") describe nothing; long runs of such words must not be split every possible
    way."""
    assert_placeholders(
        "Alt text: see post",
        "Alt text: as above",
        "Image: to follow",
        "Image 1 - see post",
        "Alt text in comments",
        "See reply for alt text",
        "TBC (Jo)",
        "TBC by Friday",
        "Alt text TBC - Sam",
        "og-image",
        "twitter-card",
        "Footer image",
        "Not needed",
        "N.A.",
    )
    assert_descriptions(
        "Comments from patients on sticky notes: 'Kind staff', 'Quick service'",
        "Footer of the letter showing the practice's address",
        "Drop-in",
        "Poster: Carers' café, date TBC, Wickford Baptist Church",
    )
    assert_placeholder_check_is_linear(
        lambda n: [
            "Alt text: " * n + "see post x",
            "Image" + ": to follow" * n + " x",
            "TBC" + " (Jo)" * n + " x",
            "og-" * n + "image!",
        ]
    )


def test_a_month_or_health_campaign_and_a_kind_of_picture_is_a102():
    # fresh batch 33: "Dry January graphic" names the occasion, as "Christmas graphic" does, and shows nothing
    assert_placeholders(
        "Dry January graphic",
        "January graphic",
        "Veganuary banner",
        "Stoptober poster",
        "Blue Monday graphic",
        "A poster for Dry January",
    )
    assert_descriptions(
        "Dry January graphic: a mocktail in a tall glass",
        "Blue Monday: a man sits alone on a bench",
        "March for Men poster",
        "January sales graphic",
        "The May fair poster",
    )


def test_the_days_around_christmas_and_new_year_and_a_year_before_a_kind_are_a102():
    # fresh batch 33's probes: occasions as "Christmas graphic" is one, and a year between them and the kind
    assert_placeholders(
        "Christmas Eve banner",
        "New Year's Eve poster",
        "Hogmanay graphic",
        "Burns Night poster",
        "Bank holiday graphic",
        "Black History Month graphic",
        "Time to Talk Day banner",
        "Dry Jan graphic",
        "Christmas 2026 poster",
        "2026 poster",
    )
    assert_descriptions(
        "Christmas Eve at Southend Hospital: nurses in tinsel hand out mince pies",
        "A 2026 poster on the surgery door listing bank holiday hours: closed 25, 26 and 28 December",
        "Black History Month graphic: portraits of six NHS nurses who came to Essex in the 1950s",
        "Bank holiday traffic on the A127 at dusk",
        "1952 poster of a nurse with a lantern, in red and cream",
    )


def test_a_charts_type_alone_is_a102():
    # fresh batch 33's probes: "Bar chart" says no more than "chart"
    assert_placeholders("Line chart", "Bar graph", "Pie chart 2", "Org chart", "Organisation chart")
    assert_descriptions(
        "Line chart of weekly flu jabs", "Bar chart comparing waits in 2025 and 2026", "Flow chart: call 111 first"
    )


def test_a_kind_of_chart_then_a_pointer_is_a102():
    # fresh batch 33: "Line chart, described in the post"
    assert_placeholders(
        "Line chart, described in the post",
        "Bar chart - see thread",
        "Pie chart (see post)",
        "Table, see caption",
        "Org chart - see below",
    )
    assert_descriptions(
        "Line chart of flu jabs given each week, rising from 4,100 to 9,800; figures in the post",
        "Bar chart, see how A&E attendances rose from 310 to 420 a day in December",
    )
