"""A101-A106: image descriptions (alt text) that screen readers can use, and images that do not flash."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from postcheck.context import Context
from postcheck.media import ocr_missing
from postcheck.model import Fix, Image, Post, Problem, Severity
from postcheck.rules import rule
from postcheck.text import INVISIBLE, LazyPattern

# --- shared helpers ---------------------------------------------------------------------------------------


_LETTERS_AND_DIGITS = LazyPattern(r"[^\W_]+")


def fold(text: str) -> str:
    """Text compared for sameness, as a screen reader says it: case, accents, spacing and punctuation folded away (its
    runs of letters and digits; "café" is "cafe")."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(_LETTERS_AND_DIGITS.findall(plain))


# Invisible characters typed to get past a scheduler's required alt field: an alt text of nothing else is blank.
_BLANK_EDGES = LazyPattern(rf"^[\s{INVISIBLE}]+|[\s{INVISIBLE}]+$")


def _alt(image: Image) -> str:
    return _BLANK_EDGES.sub("", image.alt.value) if image.alt is not None else ""


# A logo said in words to be whose it is describes it, even where a well-named file says the same: "NHS logo" for
# nhs-logo.png.
_LOGO_NAMED = LazyPattern(r"\w[\w'&.-]*(?:\s+[\w'&.-]+)*\s+(?:logos?|emblems?|crests?)", re.IGNORECASE)


def _file_name(ref: str) -> str:
    """The file name an image reference ends with (a URL's path too)."""
    ref = ref.split("?", 1)[0].split("#", 1)[0]
    return PurePosixPath(ref.replace("\\", "/")).name


# --- A101 -------------------------------------------------------------------------------------------------


@rule("A101", "image-alt-missing", Severity.ERROR, "image has no alt text (absent or blank)")
def image_alt_missing(post: Post, ctx: Context) -> Iterator[Problem]:
    for image in post.images:
        if _alt(image):
            continue
        if image.decorative:
            continue
        where = image.alt.span() if image.alt is not None and image.origin == "inline" else image.file.span()
        how = {
            "inline": "describe what it shows between the [ ] of the Markdown image",
            "csv": "describe what it shows in the alt text column",
        }.get(image.origin, "add `alt:` describing what it shows (or `decorative: true` if it adds nothing)")
        yield Problem(f"image '{image.file.value}' has no alt text: {how}", where)


# --- A102 -------------------------------------------------------------------------------------------------

_PLACEHOLDER_WORDS = (
    r"images?|imgs?|photos?|photograph|pictures?|pics?|graphics?|alt|alt[\s-]?text|alt[\s-]?tag|alttext|"
    r"screen\s?shots?|screen\s?grabs?|untitled|logo|icon|banner|thumbnail|placeholder|description|desc|"
    r"image\s+description|caption|figure|attachment|media|file|upload|gif|jpe?g|png|heic|heif|webp|decorative|"
    r"delwedd(?:au)?|llun(?:iau)?|"  # Welsh: "image", "picture"
    r"poster|flyer|leaflet|infographic|chart|diagram|map|table|graph|"
    r"illustrations?|drawings?|cartoons?|clip\s?art|artwork|collage|memes?|visuals?|stills?|"
    r"selfies?|head\s?shots?|portraits?|emojis?|badges?|stickers?|favicons?|frames?|montages?|designs?|"
    r"posts?|story|tile|card|slides?|parts?|carousel|reel|cover|header|footer|hero|divider|spacer|separator|pages?|previews?|link\s+preview|mock[\s-]?ups?|templates?|"
    r"backgrounds?|wallpapers?|decorations?|icons|qr\s+codes?|barcodes?|invitations?|invites?|"
    r"headlines?|headings?|sub\s?headings?|titles?|sub\s?titles?|"
    r"todo|to\s?do|t\.?b\.?[dca]|tk|wip|work\s+in\s+progress|n\s?[/.]?\s?a|none|nothing|null|undefined|object\s+object|unnamed|test|testing|xxx+|"
    # what a script puts in an unfilled field, and a media type: "NaN", "nil", "false", "image/png"
    r"nan|nil|false|(?:image|video)\s?/\s?(?:png|jpe?g|gif|webp|heic|heif|avif|svg(?:\+xml)?|mp4)|"
    r"blank|empty|draft|final|pending|later|"
    # what an editor calls a changed file: "Cropped", "Edited", "Export 1"
    r"edit(?:ed)?|cropped|resized|compressed|exported|exports?|render(?:ed)?|duplicate|"
    # a credit's label with no credit, a rights line: "Photo credit", "All rights reserved"
    r"credits?|attribution|copyright|all\s+rights\s+reserved|stock|"
    # a design app's "Untitled" in the languages most spoken in England: "Bez tytułu", "Sin título"
    r"bez\s+tytu[lł]u|sin\s+t[ií]tulo|sem\s+t[ií]tulo|f[aă]r[aă]\s+titlu|sans\s+titre|senza\s+titolo|ohne\s+titel|"
    # a marketing team's "asset" or "creative", Chrome's "download (1)", a "scanned copy", "Fig. 1", "Snaps",
    # "Highlights", "English version", "Supplied"
    r"assets?|creatives?|downloads?|documents?|docs?|pdfs?|scans?|cop(?:y|ies)|fig\.?|snaps?|snapshots?|highlights|"
    r"versions?|supplied|"
    # "image", "photo" or "picture" in the languages most spoken in England after English, as a translated post's
    # alt text may be left: Polish, Romanian, Portuguese, Spanish, Italian, German, Lithuanian, Turkish, Urdu and
    # Arabic, Bengali, Punjabi, Gujarati, Hindi
    r"zdj[eę]ci[ea]|obra(?:z|zek)|grafika|imagine|fotografi[ea]|poz[aă]|imag(?:em|en)|immagine|bild|foto|"
    r"nuotrauka|paveiksl[eė]lis|resim|g[oö]rsel|foto[gğ]raf|تصویر|تصوير|صورة|فوٹو|ছবি|ਤਸਵੀਰ|ફોટો|ચિત્ર|तस्वीर|चित्र|"
    r"图片|圖片|图像|圖像|照片|படம்|"  # Chinese and Tamil
    # Ukrainian, Russian and Bulgarian, Greek, Somali
    r"фото(?:графія|графия|графија)?|зображення|изображение|картинка|малюнок|рисунок|снимка|εικόνα|φωτογραφία|sawir|"
    # "screenshot" in the same languages: Polish, Romanian, Spanish, Portuguese, Italian, Turkish, Chinese
    r"zrzut(?:\s+ekranu)?|captur[aă]\s+de\s+(?:ecran|pantalla|tela)|schermata|ekran\s+g[oö]r[uü]nt[uü]s[uü]|"
    r"(?:屏幕|螢幕)?(?:截[图圖屏])|скриншот|знімок\s+екрана|снимок\s+экрана"
)
# Words before the placeholder that say only where the image goes, not what it shows: "Header image", "Social
# media graphic", "Instagram post", "Video thumbnail".
_USED_AS = (
    r"header|hero|cover|featured?|main|banner|social(?:\s+media)?|"
    r"(?:instagram|facebook|twitter|linkedin|tiktok)(?!\s+(?:logos?|icons?)\b)|"  # "Facebook logo" names a logo
    r"video|web(?:site)?|home\s?page|landing\s+page|link\s+preview|blog|campaign|event|promo(?:tional)?|post|story|reel|"
    r"footer|"
    r"carousel|profile|thumbnail|"
    r"e-?mail|newsletter|bulletin|intranet|signature|"
    # a card's kind, its shape or the screen it is shown on: "Quote card", "Stat card", "Square graphic", "Digital
    # screen slide"
    r"quote|stats?|statistics?|facts?|recipe|tips?|square|(?:digital|plasma|tv|waiting\s+room)\s+screens?|"
    r"og|open\s+graph|share|sharing|background|decorative|canva|"
    r"easy\s+read|"  # "Easy Read picture": the kind of document it is for, not what it shows
    # a job advert is a use too: "Recruitment graphic", "Vacancy poster", "Hiring banner", "Job advert image"
    r"recruitment|recruiting|(?:we['’]re\s+|we\s+are\s+|now\s+)?hiring|vacanc(?:y|ies)|jobs?(?:\s+advert)?|"
    r"careers?|venue|location|"  # "Venue photo", "Location map": where, unsaid
    # the occasion or season it is for: "Christmas graphic", "New Year banner", "Winter campaign poster"
    r"christmas|xmas|festive|new\s+year(?:['’]s)?|winter|summer|spring|autumn|easter|halloween|diwali|eid|ramadan|"
    r"hanukkah|seasonal|holidays?|half[\s-]term|weekend|anniversary|awareness(?:\s+(?:day|week|month))?|eid\s+mubarak|"
    r"remembrance|armistice|advent|lent|passover|purim|holi|navratri|vesak|thanksgiving|kwanzaa|rosh\s+hashanah|"
    r"st\.?\s+(?:george|patrick|david|andrew)['’]?s(?:\s+day)?|"
    r"eid[\s-]+(?:al|ul|el)[\s-]?(?:fitr|adha|azha)|vaisakhi|pride|bonfire\s+night|"
    r"(?:lunar|chinese)\s+new\s+year|valentine['’]?s?(?:\s+day)?|mother['’]?s\s+day|father['’]?s\s+day|"
    # a month or a health campaign named for one: "January graphic", "Dry January graphic", "Veganuary banner"
    r"(?:dry\s+|sober\s+|blue\s+|early\s+|late\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)|dry\s+jan|dryathlon|blue\s+monday|veganuary|stoptober|movember|black\s+history\s+month|"
    r"time\s+to\s+talk(?:\s+day)?|"
    # the days around Christmas and New Year: "Christmas Eve banner", "New Year's Eve poster", "Hogmanay graphic"
    r"(?:christmas|new\s+year(?:['’]s)?)\s+(?:eve|day)|boxing\s+day|hogmanay|burns\s+night|twelfth\s+night|"
    r"bank\s+holiday|"
    r"test|sample|example|dummy|temp"  # "Test image", "Sample graphic"
)
# How Canva names a design made from a template: colours and a style, what it is about, then the format
# ("Blue Modern Christmas Instagram Post", "Green and White Simple Health Poster"): no description.
_COLOURS = (
    r"blue|green|red|pink|purple|white|black|yellow|orange|gr[ae]y|beige|brown|gold(?:en)?|silver|navy|teal|"
    r"pastel|cream"
)
_STYLES = (
    r"modern|simple|minimal(?:ist)?|elegant|cute|bold|clean|professional|colou?rful|illustrated|playful|aesthetic|"
    r"vintage|retro|creative|abstract|fun|corporate|organic|gradient|geometric|photographic"
)
TEMPLATE_LOOK = LazyPattern(rf"(?:(?:{_COLOURS}|{_STYLES}|and|&)\s+)+", re.IGNORECASE)
_COLOUR = LazyPattern(rf"\b(?:{_COLOURS})\b", re.IGNORECASE)
_STYLE = LazyPattern(rf"\b(?:{_STYLES})\b", re.IGNORECASE)


def is_template_name(words: str) -> bool:
    """Whether `words` is a design template's name: a colour and a style, at most four words of what it is about,
    then only a kind of picture ("Blue Modern Christmas Instagram Post", "Red and White Modern We Are Hiring Instagram
    Post")."""
    words = re.sub(r"^(?:copy\s+of\s+)+", "", words, flags=re.IGNORECASE)
    look = TEMPLATE_LOOK.match(words)
    if not look or not _COLOUR.search(look.group()) or not _STYLE.search(look.group()):
        return False
    rest = words[look.end() :].split(" ")
    return any(PLACEHOLDER.fullmatch(" ".join(rest[skip:])) for skip in range(min(4, len(rest) - 1) + 1))


# A picture's size in pixels, as exports and design tools name files: "1200x628", "(1080 x 1080 px)".
_SIZE = r"\(?\d{2,5}\s*[x×]\s*\d{2,5}\s*(?:px|pixels)?\)?"
SIZE_ONLY = LazyPattern(_SIZE, re.IGNORECASE)
# How Canva names a design made for a platform: what it is about, each word capitalised, then the platform and the
# format ("Stoptober Instagram Story", "Men's Health Week Instagram Post (1080 x 1080 px)"), or the size Canva adds
# in brackets ("Carers Week (940 x 788 px)"). A description has words in lower case ("A nurse shows our Instagram
# story"), and a title-case one names no platform and format ("Southend Pride Parade Float With Our NHS Banner").
_TITLE_WORD = r"(?:(?-i:[A-Z0-9])[\w'’&.+-]*|and|&|of|for|the|a|to|in|on|with)"
_PLATFORM = r"instagram|facebook|fb|twitter|x|linkedin|tiktok|pinterest|youtube|whatsapp|threads|bluesky|insta|ig"
_FORMAT = (
    r"posts?|story|stories|reels?|covers?|banners?|headers?|ads?|adverts?|thumbnails?|carousels?|"
    r"event\s+covers?|profile\s+pictures?|videos?|graphics?|images?|photos?|cards?|squares?|portraits?|landscapes?"
)
DESIGN_FORMAT_NAME = LazyPattern(
    rf"(?:copy\s+of\s+)*(?:{_TITLE_WORD}\s+){{0,6}}(?:{_PLATFORM})\s+(?:{_FORMAT})"
    rf"(?:\s*[-–—]?\s*(?:\(?\d+\)?|{_SIZE}))?"
    # (the caller strips a closing ")")
    rf"|(?:copy\s+of\s+)*(?:{_TITLE_WORD}\s+){{1,6}}\(\d{{2,5}}\s*[x×]\s*\d{{2,5}}\s*(?:px|pixels)\)?",
    re.IGNORECASE,
)
# A design named for its topic and where it is used, and nothing it shows: "NHS App promo image", "Flu jab social media
# post", "Cervical screening campaign artwork", "Flu graphic for Facebook". The topic is a few words with no article,
# possessive, preposition or verb of a description before the use ("A nurse holding our campaign banner"), and no
# colour, which says how the picture looks ("Pink campaign graphic").
_USE = (
    r"social(?:\s+media)?|campaign|promo(?:tional)?|marketing|comms|web(?:site)?|home\s?page|"
    r"newsletter|e-?mail|intranet|"
    # a job advert, an event or an occasion: "Nurse recruitment graphic", "Careers fair banner", "Carers Week graphic"
    r"recruitment|hiring|vacancy|advert|event|fair|day|week|month|"
    # an occasion named for a day of the week: "Remembrance Sunday graphic", "Giving Tuesday banner"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    # an anniversary, a season or a meeting it is for: "NHS birthday graphic", "Hay fever season banner", "Board
    # meeting banner" (what the picture shows goes unsaid, as in "Carers Week graphic")
    r"birthday|anniversary|season|meeting|conference|agm|holidays?|"
    r"awareness"  # an awareness campaign: "Dementia awareness banner"
)
_USE_KIND = (
    r"graphics?|images?|banners?|assets?|visuals?|tiles?|cards?|posts?|pictures?|photos?|pics?|artwork|creatives?|"
    r"headers?|posters?|flyers?"
)
# Which version of a picture it is: "English version", "Poster - Polish version", "Leaflet (Easy Read version)".
_LANGUAGES = (
    r"english|welsh|cymraeg|polish|romanian|urdu|bengali|punjabi|gujarati|hindi|arabic|portuguese|spanish|italian|"
    r"german|french|chinese|turkish|lithuanian|ukrainian|russian|somali|farsi|pashto|tigrinya|bilingual|dari|kurdish|"
    r"sorani|tamil|nepali|amharic|albanian|vietnamese|latvian|bulgarian|czech|slovak|hungarian|greek|cantonese|mandarin"
)
_VERSIONS = (
    rf"{_LANGUAGES}|BSL|British\s+Sign\s+Language|Makaton|braille|audio|translated|easy\s+read|large\s+print|accessible|"
    r"print(?:able)?|web|online|digital|mobile|desktop|"
    r"short|long|full|updated|new|old|original|latest"
)
# Words that describe a scene, not name a campaign ("Know the signs" does) ...
_SCENE = (
    r"with|at|on|in|by|from|near|beside|behind|under|over|outside|inside|holding|holds|showing|shows|reading|reads|"
    r"wearing|wears|is|are|was|were"
)
# ... and with determiners and a few more prepositions, the words that start a description rather than a topic.
_DESCRIBING = rf"an?|the|our|my|your|their|his|her|its|this|that|these|those|of|to|for|{_SCENE}"
TOPIC_FOR_USE = LazyPattern(
    # (a colour that begins a capitalised name is part of the topic: "Red Nose Day graphic", "Black Friday banner")
    rf"(?:copy\s+of\s+)*(?:(?!(?:{_DESCRIBING})\b)(?!(?:{_COLOURS})\b(?!\s+(?-i:[A-Z])))[\w'’&+.-]+\s+){{1,4}}"
    # (with a year after the occasion: "Carers Week 2027 graphic")
    rf"(?:(?:{_USE})(?:\s+(?:19|20)\d\d)?\s+(?:{_USE_KIND})|promos?|(?:{_USE_KIND})\s+for\s+(?:{_PLATFORM}|(?:the\s+)?(?:{_USE}))"
    # a topic, a kind and the platform after a dash or in brackets: "Heat alert graphic - Instagram"
    rf"|(?:{_USE_KIND})\s*(?:[-–—|]\s*|\(\s*)(?:{_PLATFORM})\)?)"
    rf"(?:\s*[-–—]?\s*(?:\(?#?\d+\)?|\((?:{_PLATFORM})\)?|{_SIZE})|\s+for\s+(?:{_PLATFORM}))?"
    # a topic and a kind with a design file's marks after it, a version, a paper size or a place in a series: "UTI
    # poster v3 FINAL", "Spacer poster (A4)", "Stop smoking poster - Polish version", "Inhaler technique carousel -
    # slide 2" (a topic and a kind alone, "Wound care poster", is a thin description, as earlier sets judged it); a
    # campaign's name may hold "the" ("Know the signs carousel - slide 3"), and a deck is a kind too ("Return to work
    # toolkit - slide 3")
    rf"|(?!(?:{_DESCRIBING})\b)(?!(?:{_COLOURS})\b(?!\s+(?-i:[A-Z])))[\w'’&+.-]+\s+"
    rf"(?:(?!(?:{_SCENE})\b)[\w'’&+.-]+\s+){{0,3}}(?:{_USE_KIND}|carousel|infographics?|toolkits?|decks?|presentations?|"
    r"slideshows?|leaflets?|booklets?|factsheets?)"
    rf"(?:\s*[-–—_(]?\s*(?:v\d+(?:\.\d+)?|final|draft|edited|amended|a[3-6]|{_SIZE}|(?:slide|page|part)\s*\d+|#?\d+|"
    rf"(?:{_VERSIONS})\s+version)\)?)+"
    # a topic with a year before the kind, as a campaign's files are named: "ISAD 2026 banner", "Flu 2026 poster"
    rf"|(?:(?!(?:{_DESCRIBING})\b)[\w'’&+.-]+\s+){{1,4}}(?:19|20)\d\d\s+(?:{_USE_KIND})"
    # a topic in lower case and a platform's format: "Maternity choices Instagram Post" (not "Nurses filming TikTok
    # videos", "Young people who made TikTok videos")
    rf"|(?:(?!(?:{_DESCRIBING}|who|which|that|and|or|made|makes?)\b)(?![\w'’-]+(?:ing|ed)\b)[\w'’&+.-]+\s+){{1,4}}"
    rf"(?:{_PLATFORM})\s+(?:{_FORMAT})"
    rf"(?:\s*[-–—]?\s*(?:\(?\d+\)?|{_SIZE}))?"
    # a topic, a dash and where it is used: "Hiring now - Instagram post"
    rf"|(?:(?!(?:{_DESCRIBING})\b)[\w'’&+.-]+\s+){{0,3}}(?!(?:{_DESCRIBING})\b)[\w'’&+.-]+\s*[-–—|]\s*"
    rf"(?:{_PLATFORM})\s+(?:{_FORMAT})(?:\s*\(?\d+\)?)?",
    re.IGNORECASE,
)
# Where a picture comes from when that is all it says: "Photos from the day", "Pics from last night".
_OCCASION = (
    r"day|today|yesterday|tonight|night|weekend|week|event|launch|visit|session|evening|morning|afternoon|meeting|"
    r"conference|fair|ceremony|celebrations?|party|trip|festival"
)
_NOT_YET = r"to\s+(?:follow|come)|to\s+be\s+(?:added|confirmed|written|supplied|done|updated)|coming(?:\s+soon)?|soon"
PLACEHOLDER = LazyPattern(
    r"(?:copy\s+of\s+)*"  # what a design tool calls a copy: "Copy of Copy of Instagram Post"
    rf"(?:(?:an?|the|this|my|our|your|insert|add|enter|type|write|describe|no|stock|animated|moving|still|purely|{_USED_AS}|"
    r"placeholder|generic|filler|photo|picture|image|tbc|tbd|todo|"
    r"(?:19|20)\d\d|"  # a year after the occasion: "Christmas 2026 poster", "Blue Monday 2027 graphic"
    # where it came from, as a newspaper labels it: "File photo", "Submitted photo", "Library image"
    r"file|library|archive|submitted|contributed|courtesy|royalty[\s-]free|free|"
    # a kind of picture before another ("Poster image", "Title slide", "Draft graphic"), a place in a series ("First
    # image", "Final slide"), what it goes with ("Accompanying image")
    r"poster|flyer|leaflet|infographic|chart|diagram|map|table|graph|logo|draft|final|title|slide|gif|"
    r"badge|sticker|collage|montage|design|"
    r"first|second|third|fourth|fifth|last|next|previous|another|other|accompanying|supporting|related|"
    r"additional|extra|primary|secondary|alternative|"
    # "Some photos", "A few snaps", "Scanned copy", "Welsh version"
    rf"some|few|couple\s+of|more|lots\s+of|scanned|(?:{_VERSIONS})(?=\s+versions?\b)|"
    # the language it is in, before the kind: "Bilingual poster", "Welsh language graphic", "Polish leaflet"
    rf"(?:{_LANGUAGES})(?:\s+language)?|"
    # "Group photo", "Staff photo": who is in it goes unsaid
    r"(?:group|team|staff|speakers?|panel)(?=\s+(?:photo|picture|pic|image|photograph|shot)s?\b)|"
    # a chart's type, and nothing of what it plots: "Line chart", "Bar graph"
    r"(?:line|bar|pie|column|area|flow|org(?:ani[sz]ation(?:al)?)?)(?=\s+(?:chart|graph)s?\b)|"
    r"a[3-6](?=\s+(?:poster|flyer|leaflet|sign|notice)s?\b))\s+)*"  # "A4 poster"
    rf"(?:{_PLACEHOLDER_WORDS}|(?<=group\s)shots?|(?<=team\s)shots?)"
    rf"(?:\s*(?:[-–—]\s*)?(?:\(?#?\d+(?:\s*(?:/|of)\s*\d+)?\)?|\(?(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"[a-f])\)?(?![\w'’])|\(?(?:front|back|inside|outside|cover|"
    r"(?:page|side|part)\s*\d+)\)?)"  # "Instagram Post - 1", "Facebook Post (1)", "Photo #2", "Flyer (front)"
    # its size: "Web banner 1200x628", "Header image (1200 x 675)", "Poster (A4)"
    rf"|\s*[-–—]?\s*(?:{_SIZE}|\(?a[3-6]\)?)"
    r"|\s*[-–—_(]?\s*(?:v\d+(?:\.\d+)?|final|draft|edited|amended)\)?"  # "Poster v2 FINAL", "Banner (final)"
    rf"|\s*(?:[-–—]|\()\s*(?:{_PLATFORM})\)?"  # "Campaign graphic - Facebook", "Flu promo graphic (Instagram)"
    # what it goes with: "Image to accompany post", "Photo to go with the article"
    rf"|\s+to\s+(?:accompany|go\s+with|support)\s+(?:the\s+|this\s+|our\s+|a\s+)?(?:{_USED_AS}|text|tweet|article|message)"
    r"|\s+(?:here|goes\s+here|pending|later|of|showing|shows|depicting|tbc|tbd|tba|todo|needed|required|missing|placeholder)"
    rf"|(?:\s*[-–—:]\s*|\s+)(?:{_NOT_YET})"  # "Desc to follow", "Image: to follow"
    # and who will write it: "Description to follow - Jo", "TBC - comms to add", "Alt text: design team to add"
    rf"|\s+(?:{_NOT_YET}|pending|later)\s*[-–—:,(]\s*[\w'’]+(?:\s+[\w'’]+)?\)?"
    r"|\s*[-–—:]\s*(?:[\w'’]+\s+){0,3}to\s+(?:add|write|confirm|update|supply|provide|send|do)"
    # a note to self after a separator: who to ask ("TBC - check with comms", "TODO - ask Jo for alt text"), or a
    # marker or the field's name ("Poster - TBD", "Alt text: TBC", "TBC: alt text")
    # (not a poster's own call to ask for something or someone: "Poster 3 of 5: Ask for a private room", "Card 3 of 5:
    # ask a pharmacist")
    r"|\s*[-–—:,(]\s*(?:ask(?!\s+for\s+(?:a|an|the|your|help|advice|support)\b|\s+(?:a|an|your|the|any|our)\s+(?:local\s+)?"
    r"(?:pharmacist|GP|doctor|nurse|midwife|dentist|optician|health\s+visitor|pharmacy)\b)|check\s+with|chase|confirm\s+with|"
    r"waiting\s+(?:on|for)|awaiting)\s+[\w'’]+(?:\s+[\w'’]+){0,4}\)?"
    r"|\s*[-–—:(]\s*(?:tbc|tbd|tba|todo|to\s?do|wip|pending|later|alt(?:[\s-]?text)?|(?:image\s+)?description)\)?"
    r"|\s+only"  # "Decorative only", "Logo only"
    r"|(?<=tbc|tbd|tba)(?:\s*(?:[-–—,]\s*|\(\s*)[\w'’]+\)?|\s+by\s+[\w'’]+)"
    rf"|\s*(?:[-–—]\s*|\(\s*|\s+)(?:(?:{_VERSIONS})\s+)?version\)?"  # "Poster - Polish version"
    rf"|\s*(?:[-–—]\s*|\(\s*)(?:{_LANGUAGES})(?!\s+version)\)?"  # "Poster - Welsh"
    # "Image - alt text to follow"
    rf"|\s*[-–—:]\s*(?:alt(?:\s+text)?|(?:image\s+)?description)\s+(?:{_NOT_YET})"
    rf"|\s+from\s+(?:(?:the|our|this|that|last|today['’]s|yesterday['’]s)\s+)?(?:{_OCCASION})"  # "Photos from the day"
    r"|\s+(?:supplied|provided|submitted|received)"  # "Photo supplied"
    rf"|\s+for\s+(?:the\s+|our\s+|a\s+)?(?:{_USED_AS})(?:\s+(?:media|post|page|site))?)*"
    # "To be added", "Alt text coming soon", "Alt text to be added by comms"
    # "To add" alone (not among the promises after a kind, where "comms to add" is read already)
    r"|to\s+(?:add|write|fill\s+in)(?:\s+later)?"
    rf"|(?:alt(?:\s+text)?\s+)?(?:{_NOT_YET})(?:\s+by\s+[\w'’]+(?:\s+[\w'’]+)?)?"
    # a note that one is still needed, or that none applies: "Needs alt text", "Awaiting description", "Not applicable"
    r"|(?:needs?|needed|awaiting|requires?|missing|pending)\s+(?:an?\s+)?(?:alt(?:[\s-]?text)?|(?:image\s+)?description)"
    r"|not\s+(?:applicable|needed|required|necessary)"
    # "Will add later", "Sorry, no alt text", "Forgot alt text"
    r"|(?:i\s+)?will\s+(?:add|write|do|update)(?:\s+(?:it|this|one|alt(?:\s+text)?|(?:a\s+)?description))?\s+(?:later|soon|tomorrow)"
    r"|(?:sorry,?\s+)?(?:no|forgot(?:\s+the)?|missing)\s+(?:alt(?:[\s-]?text)?|(?:image\s+)?description)",
    re.IGNORECASE,
)
# What cameras, phones and screenshot tools name files: IMG_1234, DSC0001, PXL_20261102_101433123.MP,
# IMG-20261102-WA0001, Screenshot 2026-11-02 at 10.14.33, Screen Shot 2026-11-02 at 10.14.33 AM (2), Image from iOS (3).
_NUMBERED_REST = r"(?:[\s._~()-]*(?:\d+|[a-z]{1,2}\d+|at|am|pm|mp|copy|edited|final|portrait|night))*"
CAMERA_NAME = LazyPattern(
    r"(?:img|dsc[nf]?|dcim|pxl|mvimg|vid|gopr|g[hx]\d\d|dji|sam|cimg|wp|p|_mg|_dsc|image|photo|pic|scan|"
    r"screenshot|screen\s?shot|screen\s?recording|bildschirmfoto|whatsapp\s+image|signal|snapshot|capture)"
    rf"[\s_-]*\d{_NUMBERED_REST}(?:\.[a-z0-9]{{2,4}})*"
    rf"|image\s+from\s+(?:ios|iphone|ipad){_NUMBERED_REST}(?:\.[a-z0-9]{{2,4}})*"  # a photo mailed from an iPhone
    r"|outlook-(?=[a-z]*\d)[a-z0-9]{6,12}(?:\.[a-z0-9]{2,4})?",  # a picture pasted into an Outlook e-mail
    re.IGNORECASE,
)
# What screenshot and screen-recording tools call their files, alone or with a date, a number or an id:
# CleanShot 2026-11-02 at 10.14.33@2x, 2026-11-02 10_14_33-Greenshot, Snag_1a2b3c4d, Screenshot (12),
# Screenshot_20261102-101433_Chrome, Screenshot from 2026-11-02 10-14-33, Screen Recording 2026-11-02 at 10.14.33.
_SCREEN_TOOL = (
    r"clean\s?shot(?:\s?x)?|greenshot|snag(?:it)?|light\s?shot|monosnap|skitch|gyazo|share\s?x|flameshot|kazam|"
    r"snipping\s+tool|snip(?:\s*(?:&|and)\s*sketch)?|screenpresso|picpick|shottr|"
    r"screen\s?(?:shot|recording|capture|grab|cast|clip)s?|capture|recording|screencast"
)
# (each part atomic: a long run of hex letters, "bbbb...", must not be split every possible way)
_STAMP = r"(?>[\s._~()@,-]*(?:\d+x?|[a-f0-9]{6,}+|at|from|am|pm|copy|edited))*"
SCREEN_TOOL_NAME = LazyPattern(
    rf"(?:{_STAMP}[\s_-]+)?(?:{_SCREEN_TOOL})(?:[\s_-]+(?:{_SCREEN_TOOL}))?{_STAMP}"
    r"(?:_[A-Za-z][\w.]*(?:\s[\w.]+){0,3})?(?:\.[a-z0-9]{2,4})*",  # Android adds the app: ..._Chrome, ..._NHS App
    re.IGNORECASE,
)
# What apps call what they save, in any language: a word or three and the moment it was made, a date and a time
# to the minute ("Photo on 04-05-2027 at 10.22" from Photo Booth, "Pasted image 20270504102231", "Bildschirmfoto
# 2027-05-04 um 10.22.31", "Capture d’écran 2027-05-04 à 10.22.31"). A description dates a picture in words.
_NAME_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)?"
_DATE = r"(?:\d{4}[-._]\d{2}[-._]\d{2}|\d{2}[-._]\d{2}[-._]\d{4})"
_TIME = r"\d{1,2}[.:_-]\d{2}(?:[.:_-]\d{2})?(?:\s?[ap]m)?"
STAMPED_NAME = LazyPattern(
    rf"{_NAME_WORD}(?:[\s_-]+{_NAME_WORD}){{0,2}}[\s_-]+"
    rf"(?:{_DATE}[\s_-]+(?:[^\W\d_]{{1,4}}[\s_-]+){{0,2}}{_TIME}|{_DATE}[\s_-]?\d{{4,6}}|\d{{12,17}})"
    r"(?:\s*\(\d+\))?(?:@\dx)?(?:\.[a-z0-9]{2,4})?",
    re.IGNORECASE,
)
# What design tools call a new file or frame until someone names it: Canva's "Untitled design (3)", Google's
# "Untitled document", "Copy of Untitled design"; and a copy's name with nothing else ("Copy of Untitled design
# (1)"); Illustrator's and Sketch's "Artboard 1", Figma's "Frame 12" and "Group 5", Photoshop's "Layer 1".
DESIGN_TOOL_NAME = LazyPattern(
    r"(?:copy\s+of\s+)*untitled(?:[\s_-]+(?:design|document|drawing|presentation|project|artwork|image|graphic|"
    r"picture|photo|post|story|video|jam|form|spreadsheet|page|canvas|file))?(?:[\s_-]*\(?\d+\)?)*(?:\.[a-z0-9]{2,4})?"
    # (in other languages too: Canva's "Diseño sin título", "Projekt bez nazwy", Photoshop's "Unbenannt-1")
    r"|(?:(?:dise[nñ]o|projekt|projet|progetto|proiect|projeto|design|documento|dokument|tasar[iı]m)\s+)?"
    r"(?:sin\s+t[ií]tulo|bez\s+(?:tytu[lł]u|nazwy)|sans\s+titre|senza\s+titolo|ohne\s+titel|f[aă]r[aă]\s+titlu|"
    r"sem\s+t[ií]tulo|unbenannt|naamloos|adl[iı]s[iı]z)(?:[\s_-]*\(?\d+\)?)*(?:\.[a-z0-9]{2,4})?"
    r"|(?:artboard|asset|frame|group|layer)(?:[\s_-]*copy)?[\s_-]*\d+(?:[\s_-]*copy(?:[\s_-]*\d+)?)?(?:@\dx)?"
    r"(?:\.[a-z0-9]{2,4})?",
    re.IGNORECASE,
)
# Alt text that sends the reader elsewhere instead of describing ("See caption", "Described in the post", "As
# above"), or dummy text left in a template ("Lorem ipsum...").
ELSEWHERE = LazyPattern(
    # (after a kind of picture and a dash or colon too: "Map - see link", "Poster: details in post")
    # ("Line chart, described in the post": a kind of chart, and a comma)
    r"(?:(?:(?:line|bar|pie|column|area|flow|org(?:ani[sz]ation(?:al)?)?)\s+)?"
    r"(?:map|poster|flyer|leaflet|image|photo|picture|graphic|infographic|chart|graph|diagram|table|alt(?:[\s-]?text)?|"
    r"(?:image\s+)?description)(?:\s*\d+)?\s*(?:[-–—:(,]\s*|\s))?(?:"
    r"(?:(?:please\s+)?(?:see|read|refer\s+to|check)|as\s+(?:in|per)|(?:as\s+)?(?:described|explained)\s+in|details\s+in)"
    r"\s+(?:the\s+|our\s+)?"
    # (or the picture itself: "See image", "See picture above")
    r"(?:caption|post|text|tweet|thread|message|description|above|below|copy|image|photo|picture|pic|graphic|"
    r"repl(?:y|ies)|(?:first\s+)?comments?)"
    r"(?:\s+(?:text|copy|caption|body))?"
    r"(?:\s+(?:above|below))?(?:\s+for\s+(?:more\s+|full\s+|the\s+)?(?:details|info(?:rmation)?|more|context|"
    r"description|text|alt(?:\s+text)?|figures|numbers|data|stats|statistics|dates|times))?"
    # "Text in post", "Details in the caption", "Description is in the post"
    r"|(?:see\s+)?(?:the\s+)?(?:full\s+)?(?:text|words|wording|details|(?:image\s+)?description|info(?:rmation)?|"
    r"alt(?:[\s-]?text)?)\s+(?:is\s+|are\s+)?(?:below|above|(?:in|within)\s+(?:the\s+)?"
    r"(?:post|caption|tweet|text|message|thread|repl(?:y|ies)|(?:first\s+)?comments?)(?:\s+(?:above|below))?)"
    r"|(?:as|described|see|pictured)\s+(?:above|below)|lorem\s+ipsum\b.*"
    # another image or its alt text: "See alt", "Same as above", "Ditto", "See previous image", "As image 1"
    r"|(?:see|read)\s+(?:the\s+)?alt(?:\s+text)?|ditto|same(?:\s+alt(?:\s+text)?)?\s+as\s+(?:above|below|before)"
    r"|(?:(?:see|same\s+as|as(?:\s+for)?|repeat\s+of)\s+)(?:the\s+)?(?:(?:previous|last|first|other|next)"
    r"(?:\s+(?:image|photo|picture|pic|graphic|slide|one)s?)?|(?:image|photo|picture|pic|graphic|slide|one)s?)"
    r"(?:\s*(?:\d+|one|two|three|four))?"
    # an attachment or a neighbour pointed at ("See attached image", "Picture attached", "Photo below")
    r"|(?:see\s+)?(?:the\s+)?attached(?:\s+(?:image|photo|picture|pic|graphic|file|poster|flyer)s?)?"
    r"|(?:image|photo|picture|pic|graphic|poster|flyer)s?\s+(?:attached|below|above)"
    # what a reader is told to do, not what the picture shows ("Click to enlarge", "Swipe for more")
    r"|(?:click|tap|press)\s+(?:here\s+)?to\s+(?:enlarge|expand|zoom|view|see\s+more|open)"
    r"|swipe(?:\s+(?:left|right|up|through))?(?:\s+(?:for|to\s+see)\s+more)?"
    r"|\d+\s*(?:of|/)\s*\d+"  # "2 of 5"
    # a design template's sample text, never replaced: Canva's "Add a heading", "Your paragraph text"
    r"|add\s+(?:an?\s+)?(?:heading|subheading|little\s+bit\s+of\s+body\s+text|body\s+text|text|title)(?:\s+here)?"
    r"|(?:your|enter|insert)\s+(?:paragraph\s+|body\s+|heading\s+|title\s+)?(?:text|heading|title)(?:\s+here)?"
    r"|(?:double[\s-]?)?(?:click|tap)\s+to\s+(?:add|edit|enter)\b.*"
    # "Info below", "More details in the link", "Click for more info", "See link"
    r"|(?:more\s+|full\s+)?(?:info(?:rmation)?|details)\s+(?:below|above|in\s+(?:the\s+)?(?:link|comments?|bio))"
    r"|(?:click|tap|press)\s+(?:here\s+|the\s+link\s+)?for\s+(?:more\s+|full\s+)?(?:info(?:rmation)?|details)"
    r"|see\s+(?:the\s+)?link(?:\s+(?:below|above|in\s+(?:the\s+)?(?:post|bio)))?)",
    re.IGNORECASE,
)
# A frame taken from a video, and nothing of what it shows: "Still from our organ donation video", "Video still from
# the campaign film", "Screen grab from the livestream" ("Still from our video: Lisa holds her card" goes on).
VIDEO_STILL = LazyPattern(
    r"(?:an?\s+|the\s+)?(?:video\s+)?(?:still|frame|screen\s?grab|freeze[\s-]frame)\s+(?:taken\s+)?from\s+"
    r"(?:the\s+|our\s+|this\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}"
    r"(?:video|film|clip|reel|footage|live\s?stream|broadcast|interview)s?",
    re.IGNORECASE,
)
# Only a credit, saying who made or owns the picture and nothing of what it shows: "Photo credit: Jane Smith",
# "Image courtesy of Essex Police" or "Photo courtesy NHS England", "© NHS England", "Photo by Sam Lee on Unsplash",
# "Source: Getty Images".
CREDIT_ONLY = LazyPattern(
    # ("Photo by the sea" says where: a lower-case "the" or "a" before a lower-case word is no name)
    # (who took or made it, said with a verb, even of "our comms team": "Photo taken by our comms team")
    r"(?:(?:(?:(?:photo(?:graph)?|image|picture|pic|illustration|graphic|artwork|design)s?\s+)?"
    r"(?:taken|shot|supplied|provided|sent|submitted)"
    r"|(?:photo(?:graph)?|image|picture|pic|illustration|graphic|artwork|design)s?\s+(?:designed|created|produced|made|drawn))"
    r"\s+by"
    r"|(?:(?:photo(?:graph|graphy)?|image|picture|pic|illustration|graphic|icon|vector|design)s?|designed|created|made|"
    r"drawn|illustrated)\s*(?:credit\s*:?|by(?!\s+(?-i:the|a|an|our|my|your|this|these)\s+(?-i:[a-z]))|"
    r"courtesy(?:\s+of)?\s*:?|©|source\s*:)"
    r"|(?:credit|source)\s*:|courtesy\s+of|©|\(c\)|copyright\s*(?:©|\(c\)|:)?\s*\d{4}|copyright\s*(?:©|\(c\)|:))"
    r"\s*@?[\w.&'’-]+(?:(?:\s*/\s*|\s+)[\w.&'’-]+){0,5}",  # "Designed by pch.vector / Freepik", "Photo by @nhsengland"
    re.IGNORECASE,
)
# A credit set out the way a newspaper captions one: a kind-of-picture label, then only a name ("Photo: NHS England",
# "Picture: Southend Echo", "Image | Getty Images", "Photo: Joe Giddens/PA"). The name is one to four capitalised
# words with nothing in lower case, as a description would have ("Photograph: a midwife weighs a baby", "Photo:
# Southend Pier at dusk");
# a name that ends on what a picture shows (a place, a building, a team, an event: "Photograph: Basildon Hospital")
# or starts with a title ("Photo: Dr Ade Obi", who is in it) says what is in the picture, not who took it.
_SUBJECT_NOUNS = (
    r"hospitals?|pier|park|centre|center|library|clinic|ward|beach|station|road|street|lane|avenue|surgery|practice|"
    r"hub|unit|school|college|university|church|mosque|temple|hall|house|building|bridge|gardens?|castle|museum|"
    r"theatre|seafront|square|market|estuary|river|island|common|woods?|forest|village|town|city|sign|logo|app|"
    r"website|team|staff|nurses?|doctors?|volunteers?|day|week|month|fair|festival|event|awards?|ceremony|launch|"
    r"opening|visit|walk|run|race|service|appeal|campaign|poster|leaflet|map|chart|graph|table|screen|entrance"
)
_TITLES = r"dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame|lord|lady|cllr|councillor|nurse|sister|matron|rev|father"
CAPTION_CREDIT = LazyPattern(
    r"(?:(?:photo(?:graph|graphy|grapher)?|picture|pic|image|illustration|illustrator|artwork|artist|designer)"
    r"\s*(?::|\||\s[-–—])|via\s)\s*"  # (or the maker's role: "Photographer: Sam Lee")
    # ("and" may join the words of an organisation's name: "NHS Mid and South Essex")
    rf"(?P<name>(?!(?:{_TITLES})\b)(?:(?-i:[A-Z])[\w.'’/-]*|&)(?:\s+(?:and\s+)?(?:(?-i:[A-Z])[\w.'’/-]*|&)){{0,5}})",
    re.IGNORECASE,
)
# A picture library or design tool named alone, the way a credit names it: "Shutterstock", "Getty Images",
# "iStock / Getty Images", "Alamy Stock Photo", "Canva", "Unsplash".
PICTURE_SOURCE = LazyPattern(
    r"(?:(?:photo(?:graph)?|image|picture|pic)s?\s*[:|]\s*)?"  # "Photo: iStock"
    r"(?:(?:(?:(?:an?\s+)?(?:image|photo|picture|pic|graphic|illustration)s?\s+)?(?:via|from)|(?:made|designed|created)\s+(?:with|in|on|using))\s+)?(?:shutterstock|getty(?:\s*images)?|istock(?:photo)?|alamy|adobe\s*stock|unsplash|pexels|"
    r"pixabay|canva|freepik|flaticon|vecteezy|rawpixel|storyset|dreamstime|depositphotos|123rf|"
    r"photoshop|adobe\s+express|lightroom|procreate|picsart|snapseed|"
    r"pa\s+(?:images|media|wire)|reuters)"
    r"(?:\s*(?:[/|,&+-]|and)\s*(?:shutterstock|getty(?:\s*images)?|istock(?:photo)?|alamy|canva|unsplash|pexels))?"
    r"(?:\s*(?:images?|photos?|stock|designs?)){0,2}"
    # what a picture library names a download: "iStock-123456789", "GettyImages-123456789", "pexels-photo-123456"
    r"(?:[\s_-]+(?:photo|image|picture)s?)?(?:[\s_-]*\d{3,}|[\s_-]+[a-z0-9]{3,})?",
    re.IGNORECASE,
)
# Only how the picture was made, by an AI tool: "AI-generated image", "Generated with AI", "Image created by Copilot".
_AI_TOOL = (
    r"ai|a\.i\.|an?\s+ai(?:\s+(?:tool|image\s+generator))?|copilot|chat\s?gpt|dall[\s·-]?e(?:\s*\d)?|midjourney|firefly|"
    r"gemini|stable\s+diffusion|canva\s+ai"
)
_AI_KIND = r"images?|pictures?|illustrations?|graphics?|art(?:work)?|photos?|visuals?"
AI_MADE = LazyPattern(
    rf"(?:(?:an?\s+)?(?:{_AI_TOOL})(?:\s+(?:{_AI_KIND}))?)"  # "Midjourney", "DALL-E image"
    rf"|(?:an?\s+)?(?:ai|a\.i\.)(?:[\s-]*(?:generated|created|made))?(?:\s+(?:{_AI_KIND}))?"
    rf"|(?:(?:an?\s+)?(?:{_AI_KIND})\s+)?(?:generated|created|made|produced|drawn)\s+(?:with|by|using|in|on)\s+(?:{_AI_TOOL})",
    re.IGNORECASE,
)
SUBJECT_AT_END = LazyPattern(rf"\b(?:{_SUBJECT_NOUNS})$", re.IGNORECASE)


def is_caption_credit(text: str) -> bool:
    """Whether `text` is a kind-of-picture label and a name alone, the name not of what a picture shows."""
    match = CAPTION_CREDIT.fullmatch(text)
    return bool(match) and not SUBJECT_AT_END.search(match.group("name"))


# A copyright line alone, the name in capitals and the year after it: "Copyright NHS England 2026".
COPYRIGHT_LINE = LazyPattern(
    r"copyright\s+(?:(?-i:[A-Z])[\w.&'’-]*|\d{4})(?:\s+(?:(?-i:[A-Z])[\w.&'’-]*|\d{4}|and|&)){0,5}"
    # or the owner first, as UK government pictures are credited: "Crown copyright", "NHS England copyright 2027"
    r"|(?:(?-i:[A-Z])[\w.&'’-]*\s+(?:(?:and|&)\s+)?){1,5}copyright(?:\s*(?:©|\(c\)))?(?:\s+\d{4})?",
    re.IGNORECASE,
)
# Only the licence a picture is used under, as Wikimedia and GOV.UK pictures carry it: "Licensed under CC BY-SA 4.0",
# "Contains public sector information licensed under the Open Government Licence v3.0", "CC BY 4.0".
_LICENCE = (
    r"(?:cc|creative\s+commons)(?:[\s-]+(?:by|sa|nd|nc|zero|0)){1,4}(?:\s+v?\d(?:\.\d)?)?"
    r"|open\s+government\s+licen[cs]e(?:\s+v?\d(?:\.\d)?)?|ogl(?:\s+v?\d(?:\.\d)?)?"
)
LICENCE_ONLY = LazyPattern(
    r"(?:(?:photo(?:graph)?|image|picture|pic)s?\s*(?:[:|]\s*|(?:is\s+|are\s+)?))?"
    r"(?:contains\s+public\s+sector\s+information\s+)?(?:(?:licen[cs]ed|used|available|reproduced)\s+under\s+(?:the\s+|an?\s+)?)?"
    rf"(?:{_LICENCE})(?:\s+licen[cs]e)?",
    re.IGNORECASE,
)
# Only hashtags and mentions: "#FluJab #StayWell".
TAGS_ONLY = LazyPattern(r"(?:[#@][\w]+[\s,]*)+")
SYMBOLS = LazyPattern(r"[^\w\s#@]+")  # emoji and symbols between the tags: "#ThankYouNHS 💙"
FILE_NAME = LazyPattern(r"[\w\s().,'&+-]{1,120}\.(?:jpe?g|png|gif|webp|heic|heif|tiff?|bmp|avif|svg)", re.IGNORECASE)
# (or a long number, a timestamp or an id, as apps name what they save: "Snapchat-1843920571", "inshot-20261102";
# a hyphenated word of a sentence carries a short one: "COVID-19", "A-12")
_VERSION_MARK = r"final|v\d+|ver\d+|draft\d*|copy|edited|hi-?res|low-?res|web|\d{2,}x\d{2,}|\d{7,}"
VERSION_PART = LazyPattern(rf"(?:^|[-_])(?:{_VERSION_MARK})(?=[-_]|$)", re.IGNORECASE)


def is_file_stem(text: str) -> bool:
    """Whether `text` is a file's name without its extension: one run with no spaces, of words joined by
    underscores ("clinic_times", "clinic_final_v3") or by hyphens with a version mark that no sentence has
    ("flu-poster-final", "banner-v2", "header-copy-2", "Snapchat-1843920571")."""
    if any(ch.isspace() for ch in text):
        return False
    words = [w for w in re.split(r"[_-]", text) if w]
    if len(words) < 2:
        return False
    return "_" in text or bool(VERSION_PART.search(text))


_WRAPPING = ".,:;!?'\"()[]{}<>%$“”‘’«»„"
# A copy's number after a name: "(3)", "[2]".
COPY_NUMBER = LazyPattern(r"[(\[]\d{1,3}[)\]]$")
# Markdown emphasis or code marks around the whole alt text: "*Image*", "**TBC**", "_Photo_", "`alt`".
EMPHASIS = LazyPattern(r"(?P<mark>[*_~`]{1,3})(?P<inner>[^*_~`]+)(?P=mark)")
NO_WORDS = LazyPattern(r"[\d\s._\-#*?!,;:/\\|~()\[\]'\"]+")
# Keys typed to get past a required field: "asdf", "qwerty", "aaa".
KEYS_MASHED = LazyPattern(r"(?:asdf\w{0,5}|qwert\w{0,3}|(\w)\1{2,})", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # posts repeat their alt texts and pictures; A102 and A105 both ask
def placeholder_reason(alt: str, file_ref: str) -> str | None:
    """Why `alt` is a placeholder rather than a description, or None when it may be a description."""
    reason = _placeholder_reason(alt, file_ref)
    trimmed = alt.rstrip()
    copy_number = COPY_NUMBER.search(trimmed)  # what a download or a copy adds: "Adobe Express - file (3)"
    if reason is None and copy_number and trimmed[: copy_number.start()].strip():
        reason = _placeholder_reason(trimmed[: copy_number.start()], file_ref)
    return reason


def _placeholder_reason(alt: str, file_ref: str) -> str | None:
    # (a template's variable: "{alt}", "%ALT%", "<image>", "${alt}"; quotes, straight or curly: "“Image”")
    text = alt.strip().strip(_WRAPPING).strip()
    emphasis = EMPHASIS.fullmatch(text)  # Markdown is not rendered: "*Image*" is posted with its stars
    if emphasis:
        text = emphasis.group("inner").strip(_WRAPPING).strip()
    if not text or NO_WORDS.fullmatch(text) or re.fullmatch(r"[A-Za-z]{1,2}", text) or KEYS_MASHED.fullmatch(text):
        return "is not a description" if alt.strip() else None
    if not any(ch.isalpha() for ch in text):  # emoji or symbols only: "🙂", "★★★★★"
        return "is not a description"
    if TAGS_ONLY.fullmatch(text) or TAGS_ONLY.fullmatch(SYMBOLS.sub(" ", text).strip()):
        return "holds only hashtags or mentions, not a description"
    if ELSEWHERE.fullmatch(text):
        return "is not a description (alt text must describe the image itself)"
    # (a credit's "(c)" keeps its brackets, which `text` has lost)
    credit = alt.strip().rstrip(".")
    if (
        CREDIT_ONLY.fullmatch(text)
        or CREDIT_ONLY.fullmatch(credit)
        or is_caption_credit(text)
        or COPYRIGHT_LINE.fullmatch(text)
        or PICTURE_SOURCE.fullmatch(text)
        or LICENCE_ONLY.fullmatch(text)
    ):
        return "is a credit, not a description (put the credit in the post text)"
    if AI_MADE.fullmatch(text):
        return "says only how the picture was made, not what it shows"
    words = re.sub(r"[_\s]+", " ", text)
    if " " not in text:  # one hyphen-joined run, as a web page names its assets: "og-image", "twitter-card"
        words = words.replace("-", " ")
    if (
        PLACEHOLDER.fullmatch(words)
        or is_template_name(words)
        or SIZE_ONLY.fullmatch(words)
        or VIDEO_STILL.fullmatch(words)
    ):
        return "is a placeholder, not a description"
    if DESIGN_FORMAT_NAME.fullmatch(words) or TOPIC_FOR_USE.fullmatch(words):
        return "is a design tool's name for a file, not a description"
    if CAMERA_NAME.fullmatch(text) or SCREEN_TOOL_NAME.fullmatch(text) or STAMPED_NAME.fullmatch(text):
        return "is a camera or screenshot file name, not a description"
    if DESIGN_TOOL_NAME.fullmatch(alt.strip().strip(".,:;!?'\"[]").strip()):
        return "is a design tool's name for an unnamed file, not a description"
    name = _file_name(file_ref)
    stem = os.path.splitext(name)[0]
    if fold(stem) and fold(text) in (fold(name), fold(stem)) and not _LOGO_NAMED.fullmatch(text):
        return "is the image's file name, not a description"
    if FILE_NAME.fullmatch(text) or is_file_stem(text):
        return "is a file name, not a description"
    return None


@rule("A102", "image-alt-placeholder", Severity.ERROR, "alt text is a placeholder or the file name")
def image_alt_placeholder(post: Post, ctx: Context) -> Iterator[Problem]:
    for image in post.images:
        if image.alt is None or not _alt(image):
            continue
        reason = placeholder_reason(image.alt.value, image.file.value)
        if reason:
            yield Problem(
                f"alt text '{_alt(image)}' {reason}: say what the image shows and why it is there",
                image.alt.span(),
            )


# --- A103 -------------------------------------------------------------------------------------------------

REDUNDANT_PREFIX = LazyPattern(
    r"\s*(?P<prefix>(?:(?:an?|the|this)\s+|this\s+is\s+(?:an?|the)\s+|here\s+is\s+(?:an?|the)\s+|here['’]s\s+(?:an?|the)\s+)?"
    r"(?:(?:image|picture|photo|photograph|graphic|pic|img|(?:animated\s+)?gif)s?\s+"
    # (a feature's name ends where its words do: "Photo of the week: ...", not "Picture of the day surgery reception")
    r"(?:of(?!\s+the\s+(?:day|week|month|year)\s*(?:[:–—(!.,-]|$))|showing|shows|that\s+shows|which\s+shows|"
    r"depicting|depicts)\b"
    # the same in Welsh ("Llun o", "Delwedd o'r"; "Llun o'r dydd", picture of the day, is a feature's name) and
    # Polish ("Zdjęcie przedstawiające", "Obraz pokazuje"), as a translated post writes them
    r"|(?:llun(?:iau)?|delwedd(?:au)?|ffotograff(?:au)?|ffoto)\s+o(?!['’]r\s+(?:dydd|wythnos|mis)\b)(?:['’]r)?(?=\s)"
    r"|(?:zdj[eę]cie|fotografia|obra(?:z|zek)|grafika)\s+"
    r"(?:przedstawia(?:j[aą]c[aey])?|pokazuj[eaą](?:c[aey])?|ukazuj[eaą](?:c[aey])?)\b)"
    r"[\s,:;-]*"  # ("Photo of the week: ..." is a feature's name)
    # a label that says what the field is, copied into it: "Image description: ...", "Alt text: ..."
    r"|(?:(?:image|picture|photo|pic)\s+)?(?:description|alt(?:[\s-]?text)?)\s*(?::|\s[-–—])[\s,:;-]*)",
    re.IGNORECASE,
)


def without_prefix(alt: str) -> tuple[int, int, str] | None:
    """(start, end, replacement) that removes a redundant "image of" prefix, or None when there is none."""
    match = REDUNDANT_PREFIX.match(alt)
    if not match:
        return None
    start, end = match.span("prefix")
    rest = alt[end:]
    if not rest.strip():
        return None
    brand = re.match(r"[a-z]+[A-Z]", rest)  # iPhone, eBay: written so, capital or not
    if alt[start].isupper() and rest[0].islower() and not brand:
        return start, end + 1, rest[0].upper()  # keep the sentence capital
    return start, end, ""


@rule(
    "A103",
    "image-alt-redundant-prefix",
    Severity.WARNING,
    'alt text starts with "image of", "picture of", "photo of" or "graphic of"',
    fixable="unsafe",
)
def image_alt_redundant_prefix(post: Post, ctx: Context) -> Iterator[Problem]:
    for image in post.images:
        if image.alt is None:
            continue
        value = image.alt.value
        found = without_prefix(value)
        if found is None or placeholder_reason(value, image.file.value):
            continue  # a placeholder after the label ("Alt text - to be added") is A102's
        start, end, replacement = found
        prefix = value[start : REDUNDANT_PREFIX.match(value).end("prefix")].strip()
        better = value[:start] + replacement + value[end:]
        edit = image.alt.edit(start, end, replacement)
        yield Problem(
            f"alt text starts with '{prefix}': screen readers already say it is an image",
            image.alt.span(start, start + len(prefix)),
            fix=Fix.unsafe(edit) if edit else None,
            suggestion=better.strip(),
        )


# --- A104 -------------------------------------------------------------------------------------------------


@rule("A104", "image-alt-too-long", Severity.ERROR, "alt text longer than the smallest limit of the post's platforms")
def image_alt_too_long(post: Post, ctx: Context) -> Iterator[Problem]:
    from postcheck.rules.media_limits import join_names, post_limits

    limits = [lim for lim in post_limits(post, ctx) if lim.alt_max is not None and lim.images_max != 0]
    if not limits or not post.images:
        return
    smallest = min(lim.alt_max for lim in limits)
    names = [lim.name for lim in limits if lim.alt_max == smallest]
    for image in post.images:
        if image.alt is None:
            continue
        length = len(image.alt.value.strip())
        if length > smallest:
            start = len(image.alt.value) - len(image.alt.value.lstrip())
            verb = "takes" if len(names) == 1 else "take"
            yield Problem(
                f"alt text is {length:,} characters; {join_names(names)} {verb} at most {smallest:,}: "
                "shorten it, or put the detail in the post text",
                image.alt.span(start + smallest, start + length),
            )


# --- A105 -------------------------------------------------------------------------------------------------


def _image_key(post: Post, ctx: Context, image: Image) -> str:
    """What makes two image references the same image: the resolved file, else the normalised reference."""
    path = ctx.media_path(post, image.file) if image.origin != "csv" or "://" not in image.file.value else None
    if path is not None:
        return str(ctx.real(path))
    ref = image.file.value.strip()
    return ref if "://" in ref else os.path.normpath(ref)


_TRAILING_TAGS = LazyPattern(r"(?:[\s.,;:!?]*[#@]\w+)+[\s.,;:!?]*$")


def _heard(text: str) -> str:
    """Text as a screen reader says it, for sameness: folded, and its words run together, since "shop-front",
    "shop front" and "shopfront" are heard alike."""
    return fold(text).replace(" ", "")


def _text_forms(text: str) -> set[str]:
    """The post text heard, as written and without its links and its closing hashtags and mentions: alt text
    that copies the sentence ("Book your flu jab today") repeats "Book your flu jab today! nhs.uk/flu #FluJab"."""
    forms = {_heard(text)}
    if "." in text:
        from postcheck.text.urls import find_links

        spans: list[list[int]] = []
        for link in find_links(text):  # a Markdown target can lie inside its address label's link: merge them
            if spans and link.start < spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], link.end)
            else:
                spans.append([link.start, link.end])
        for start, end in reversed(spans):
            text = text[:start] + " " + text[end:]
    forms.add(_heard(_TRAILING_TAGS.sub("", text)))
    forms.discard("")
    return forms


@rule("A105", "image-alt-duplicate", Severity.WARNING, "alt text repeats the post text or another image's alt")
def image_alt_duplicate(post: Post, ctx: Context) -> Iterator[Problem]:
    if not post.images:
        return
    texts = _text_forms(post.text.value)
    seen: dict[str, tuple[Image, set[str]]] = {}
    for image in post.images:
        alt = _alt(image)
        if not alt or placeholder_reason(alt, image.file.value):
            continue  # A101 / A102 say it better
        heard = _heard(alt)
        if not heard:
            continue
        if heard in texts:
            yield Problem(
                "alt text repeats the post text, so screen reader users hear it twice: describe what the image shows",
                image.alt.span(),
            )
            continue
        if heard not in seen:
            seen[heard] = (image, set())  # its key is only needed if another image has the same alt text
            continue
        first, keys = seen[heard]
        if not keys:
            keys.add(_image_key(post, ctx, first))
        key = _image_key(post, ctx, image)
        if key in keys:
            continue  # the same image again, with the same description: fine
        keys.add(key)
        line = first.alt.span().line if first.alt is not None else first.file.span().line
        yield Problem(
            f"image '{image.file.value}' has the same alt text as '{first.file.value}' (line {line}): "
            "describe what each image shows",
            image.alt.span(),
        )


# --- A106 -------------------------------------------------------------------------------------------------

FLASH_LIMIT = 3  # WCAG 2.3.1: no more than three flashes in any one-second period
ANIMATED_FORMATS = ("GIF", "PNG", "WEBP")


@rule("A106", "image-flashing", Severity.ERROR, "animated image flashes more than 3 times in any second")
def image_flashing(post: Post, ctx: Context) -> Iterator[Problem]:
    from postcheck.media import MediaError
    from postcheck.media.images import flash_report, image_info

    for image in post.images:
        path = ctx.media_path(post, image.file)
        if path is None:
            continue  # remote, missing, outside or no regular file: F004/F005/F006 say so
        info = image_info(ctx, path)
        if isinstance(info, MediaError) or not info.animated or info.format not in ANIMATED_FORMATS:
            continue
        report = ctx.read_media(flash_report, path)
        if isinstance(report, MediaError) or report.flashes <= FLASH_LIMIT:
            continue
        yield Problem(
            f"'{image.file.value}' flashes {report.flashes:g} times within one second (from {report.start:.2f} s): "
            f"more than {FLASH_LIMIT} flashes a second can cause seizures (WCAG 2.3.1); slow it down, "
            "lower the contrast of the flashing, or make the flashing area smaller",
            image.file.span(),
        )


# --- A107 -------------------------------------------------------------------------------------------------

TEXT_LABEL = "Text on the image:"  # what the unsafe fix writes before the recognised text


def appended_alt(alt: str, text: str) -> str:
    """`alt` with "Text on the image: TEXT" after it, as a sentence of its own."""
    alt = alt.rstrip()
    if not alt:
        return f"{TEXT_LABEL} {text}"
    joint = " " if re.search(r"[.!?:\u2026][\"'\u201d\u2019)]*$", alt) else ". "
    return f"{alt}{joint}{TEXT_LABEL} {text}"


def _appending_fix(post: Post, image: Image, new_alt: str, date_order: str) -> Fix | None:
    """An edit that makes the image's alt `new_alt`, written as the file's syntax needs it (YAML plain, quoted or
    block scalar, JSON string, CSV cell, Markdown brackets); None when no candidate reads back as `new_alt`."""
    import json

    from postcheck.model import Edit

    field = image.alt
    value = field.value
    end = len(value.rstrip())
    addition = new_alt[end:]
    candidates = [field.edit(end, end, addition), field.edit(end, end, json.dumps(addition, ensure_ascii=False)[1:-1])]
    whole = field.edit(0, len(value), "")
    if whole is not None:  # a plain YAML scalar cannot hold ": ": write the whole value as a quoted one
        candidates.append(Edit(whole.offset, whole.length, json.dumps(new_alt, ensure_ascii=False), whole.path))
    text = field.source.text
    for edit in candidates:
        if edit is None or edit.offset + edit.length > len(text):
            continue
        changed = text[: edit.offset] + edit.content + text[edit.offset + edit.length :]
        if _reads_back(post, changed, new_alt, date_order):
            return Fix.unsafe(edit)
    return None


def _reads_back(post: Post, changed: str, new_alt: str, date_order: str) -> bool:
    """Whether the post file, changed, loads without error with an image whose alt is `new_alt`."""
    from postcheck.loaders import Unreadable, posts_from_source
    from postcheck.model import Source

    source = Source(post.source.path, changed, bom=post.source.bom)
    try:
        posts = posts_from_source(source, post.display_path, date_order)
    except Unreadable:  # a candidate the file's syntax refuses is not offered
        return False
    return any(
        p is not None
        and not any(q.code == "F001" for q in p.problems)
        and any(i.alt is not None and i.alt.value.strip() == new_alt.strip() for i in p.images)
        for p in posts
    )


def _images_to_read(post: Post, ctx: Context) -> Iterator[tuple[Image, str, Path]]:
    """The images of `post` whose text A107 reads: (image, its alt, its file)."""
    from postcheck.media import MediaError
    from postcheck.media.images import image_info

    for image in post.images:
        alt = _alt(image)
        if image.decorative or not alt or placeholder_reason(alt, image.file.value):
            continue  # decorative images carry nothing to convey; A101 / A102 judge a missing or placeholder alt
        path = ctx.media_path(post, image.file)
        if path is None:
            continue  # remote, missing, outside or no regular file: F004/F005/F006 say so
        if isinstance(image_info(ctx, path), MediaError):
            continue  # F006 reports it; the OCR never sees a corrupt file or a decompression bomb
        yield image, alt, path


def prefetch_image_text(posts: list[Post], ctx: Context, threads: int = 1) -> None:
    """Read the text on each image that A107 will look at in `posts`, once, into the run's memo, then let the OCR
    engine go. For a run about to fork a process pool: its workers inherit what was read, where each would
    otherwise load an engine of its own (about 150 MB) and read again the images that its posts share with
    another worker's. `threads` images are read at a time: Pillow decodes with the interpreter's lock released, and
    decoding is most of the text-presence step, which most images stop at."""
    from postcheck.media.ocr import OcrUnavailable, engine_missing, read_image_text, release_engine

    if engine_missing() is not None:
        return  # the rule says so, once
    paths: dict[Path, None] = {}
    refs: set[tuple[Path, str]] = set()  # (folder, reference) of the images taken: most posts repeat a few
    for post in posts:
        if all((post.directory, image.file.value) in refs for image in post.images):
            continue
        for image, _, path in _images_to_read(post, ctx):
            refs.add((post.directory, image.file.value))
            paths[path] = None

    def read(path: Path) -> None:
        ctx.read_media(read_image_text, path, ctx.cache_dir)

    try:
        if threads > 1 and len(paths) > 1:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(read, paths))
        else:
            for path in paths:
                read(path)
    except OcrUnavailable:
        return  # the rule says so, once, in the run that meets it again
    finally:
        release_engine()


class ImageTextReader:
    """Reads the text on A107's images in a process of its own while the run is still loading posts, on a core
    the loading leaves idle: `offer` each post as it loads, then `collect` before the posts are checked (or
    `close` if the run stops). Forked only once a run has offered a few images, so a run of a few posts pays
    nothing; images of published or decorative posts, or with no real alt text, are never sent. What it could not
    read (a reader that died, a broken OCR install), the run reads itself as before."""

    START = 4  # distinct images offered before the reader is forked

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.sent: dict[tuple[str, str, str], None] = {}  # (folder, reference, posts root), in offered order
        self.offers: Any = None  # the pipes to and from the reader, once it runs
        self.results: Any = None
        self.process: Any = None

    def offer(self, post: Post) -> None:
        """Send the images of `post` that A107 will read, unless sent already."""
        from postcheck.text.schedule import lifecycle

        wanted = []
        for image in post.images:
            key = (str(post.directory), image.file.value, str(self.ctx.root_of(post)))
            if key in self.sent or image.decorative:
                continue
            alt = _alt(image)
            if alt and not placeholder_reason(alt, image.file.value):
                wanted.append(key)
        if not wanted or lifecycle(post, self.ctx) == "published":
            return
        self.sent.update(dict.fromkeys(wanted))
        try:
            if self.process is not None:
                for key in wanted:
                    self.offers.send(key)
            elif len(self.sent) >= self.START:
                self._start()
        except OSError:  # the reader has gone: the run reads the rest itself
            self.close()

    def _start(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        offers, self.offers = context.Pipe(duplex=False)
        self.results, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=self._read, args=(offers, self.offers, sender), daemon=True)
        self.process.start()
        offers.close()
        sender.close()
        for key in self.sent:
            self.offers.send(key)

    def _read(self, offers: Any, parent_end: Any, sender: Any) -> None:
        """In the reader: each offered image's text, or why it cannot be read, sent back when the offers end (or
        nothing, if the run ended without saying so)."""
        from postcheck.media import MediaError, ocr
        from postcheck.media.images import image_info

        ocr.own_cores = True
        parent_end.close()  # so that a parent that has gone reads as the end of the offers
        read = {}
        try:
            while (key := offers.recv()) is not None:
                located = self.ctx.locate(Path(key[0]), key[1], Path(key[2]))
                if located.status != "ok" or isinstance(image_info(self.ctx, located.path), MediaError):
                    continue  # F004-F006 say so; the OCR never sees a corrupt file
                try:
                    read[located.path] = ocr.read_image_text(located.path, self.ctx.cache_dir)
                except (MediaError, OSError) as error:
                    read[located.path] = MediaError(str(error))
        except EOFError:
            return
        sender.send(read)

    def collect(self) -> None:
        """Wait for the reader and keep what it read in the run's memo, as `ctx.read_media` keeps a reading."""
        from postcheck.media.ocr import read_image_text

        if self.process is None:
            return
        try:
            self.offers.send(None)
            read = self.results.recv()
        except (EOFError, OSError):
            read = {}  # the reader died (a broken OCR install, say): the run reads the images itself
        for path, text in read.items():
            self.ctx.memo[(read_image_text.__module__, read_image_text.__qualname__, path)] = text

    def close(self) -> None:
        """End the reader, whatever it is doing."""
        if self.process is not None:
            self.offers.close()
            self.process.terminate()
            self.process.join()
            self.process = None


@rule(
    "A107",
    "image-text-not-in-alt",
    Severity.ERROR,
    "the image carries text (read with OCR) that its alt text does not convey",
    fixable="unsafe",
    missing=ocr_missing,
    reads=lambda post: bool(post.images),
)
def image_text_not_in_alt(post: Post, ctx: Context) -> Iterator[Problem]:
    from postcheck.media import MediaError
    from postcheck.media.ocr import OcrUnavailable, alt_coverage, as_alt_text, read_image_text

    options = ctx.config.image_text
    for image, alt, path in _images_to_read(post, ctx):
        try:
            text = ctx.read_media(read_image_text, path, ctx.cache_dir)
        except OcrUnavailable as error:  # installed but broken: say so once, like a missing extra
            ctx.notice(f"A107: {error}")
            return
        if isinstance(text, MediaError):
            continue
        coverage = alt_coverage(text, alt)
        if coverage.distinct < options.min_words or coverage.share >= options.min_coverage:
            continue
        missing, total = coverage.distinct_missing, coverage.distinct
        new_alt = appended_alt(image.alt.value, as_alt_text(text))  # as written, so that the edit only appends
        yield Problem(
            f"image '{image.file.value}' has text that its alt text does not convey: {missing} of {total} words "
            f"missing, from \u201c{coverage.missing_text()}\u201d; put the image's words in the alt text",
            image.alt.span(),
            fix=_appending_fix(post, image, new_alt, ctx.config.schedule.date_order),
            suggestion=new_alt.strip(),
        )
