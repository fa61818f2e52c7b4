"""Find, read and validate postcheck.toml or [tool.postcheck]; the result is one frozen Config."""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

ALL_PLATFORMS = ("x", "facebook", "instagram", "linkedin", "youtube", "mastodon", "bluesky", "threads")
# What people call the platforms besides their names here.
PLATFORM_ALIASES = {"twitter": "x", "fb": "facebook", "ig": "instagram", "insta": "instagram", "yt": "youtube"}


def platform_hint(name: str) -> str:
    """ "; did you mean 'x'?" for a platform name that is close to one (or an alias of one), else ""."""
    names = sorted({*ALL_PLATFORMS, *PLATFORM_ALIASES})
    guess = next(iter(difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.6)), None)
    return f"; did you mean '{PLATFORM_ALIASES.get(guess, guess)}'?" if guess else ""


SEVERITIES = ("error", "warning", "info")


class ConfigError(Exception):
    """A configuration problem the user must fix (exit 2)."""


STR, INT, NUM, BOOL, STRS, TABLE = "string", "integer", "number", "boolean", "list of strings", "table"

# Every key postcheck knows: name -> (type, default). Nested tables are dicts of the same shape.
SCHEMA: dict[str, Any] = {
    "platforms": (STRS, ["x", "facebook", "instagram", "linkedin", "youtube"]),
    "select": (STRS, ["ALL"]),
    "ignore": (STRS, []),
    "fail-on": (STR, "error"),
    "baseline": (STR, "postcheck-baseline.json"),  # relative to the posts root; "" turns it off
    "include": (STRS, ["**/*.md", "**/*.y*ml", "**/*.json", "**/*.csv"]),
    "exclude": (
        STRS,
        [
            ".git",
            "node_modules",
            ".venv",
            "venv",
            ".tox",
            "__pycache__",
            ".postcheck_cache",
            "postcheck-baseline.json",
            "README*",
            "CHANGELOG*",
            "postcheck.toml",
            "pyproject.toml",
            ".pre-commit-*.yaml",
            ".gitlab-ci.yml",
            ".github",
            "package.json",
            "package-lock.json",
        ],
    ),
    "extend-exclude": (STRS, []),  # added to `exclude`, whose defaults then stay (as ruff's extend-exclude)
    "docs-url": (STR, ""),  # where findings link a rule's page: a template with {code} and {name}; "" = installed page
    "severity": (TABLE, {}),  # code -> severity
    "per-file-ignores": (TABLE, {}),  # glob -> [codes]
    "links": {
        "approved": (STRS, []),
        "external": (STRS, []),
        "shorteners": (STRS, ["bit.ly", "t.co", "tinyurl.com", "ow.ly", "buff.ly"]),
        "allow-private": (BOOL, False),
        "timeout": (NUM, 5.0),
        "workers": (INT, 8),  # links fetched at a time with --online
    },
    "disclaimer": {
        "phrases": (STRS, []),
        "in-profile": (STRS, []),
    },
    "moderation": {
        "staff": (STRS, []),
        "allowed-contacts": (STRS, []),
        "allow": (STRS, []),
        "deny": (STRS, []),
    },
    "hashtags": {
        "words": (STRS, []),
        "max": (INT, 3),
    },
    "emoji": {
        "max": (INT, 3),
    },
    "schedule": {
        "timezone": (STR, "Europe/London"),
        "staffed": (STR, "Mon-Fri 09:00-17:00"),
        "holidays": (STR, "england"),
        "date-order": (STR, "dmy"),
    },
    "captions": {
        "max-chars-per-line": (INT, 42),
        "max-lines": (INT, 2),
        "max-lines-vertical": (INT, 3),
        "max-cps": (NUM, 20),
        "min-duration": (NUM, 0.833),
        "max-duration": (NUM, 7.0),
        "max-gap": (NUM, 5.0),
        "max-wpm": (NUM, 0),  # words per minute instead of max-cps when set (BBC: 160-180)
        "max-tail": (NUM, 2.0),  # seconds the audio may go on after the last cue
        "audible-db": (NUM, 30.0),  # audible = within this many dB of the track's loud level
        "locale": (STR, "en_GB"),  # language_COUNTRY for converted sidecars (Facebook's name.en_GB.srt)
    },
    "image-text": {  # A107: text read from images with OCR
        "min-words": (INT, 4),  # different significant words that make an image's text meaningful
        "min-coverage": (NUM, 0.8),  # share of those words the alt text must convey
    },
    "platform": (TABLE, {}),  # platform -> {limit-name: value}, overrides text/platforms.py
    "custom": ("list of tables", []),
}


class Section:
    """A read-only config table with attribute access (`config.links.approved`)."""

    def __init__(self, values: dict[str, Any]):
        object.__setattr__(self, "_values", MappingProxyType(values))

    def __getattr__(self, name: str) -> Any:  # only called for a name not yet read: then kept as an attribute
        try:
            value = self._values[name.replace("_", "-")]
        except KeyError:
            raise AttributeError(name) from None
        object.__setattr__(self, name, value)  # rules read settings for every post: the next read is plain
        return value

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Config is read-only")

    def as_dict(self) -> dict[str, Any]:
        return {k: v.as_dict() if isinstance(v, Section) else v for k, v in self._values.items()}


@dataclass(frozen=True)
class Config:
    """The effective configuration: defaults, then the file, then command-line flags."""

    values: Section
    path: Path | None  # the file it came from, if any

    def __getattr__(self, name: str) -> Any:  # only called for a name not yet read: then kept as an attribute
        value = getattr(self.values, name)
        object.__setattr__(self, name, value)
        return value


def _check_type(kind: str, value: Any, where: str) -> Any:
    ok = {
        STR: isinstance(value, str),
        INT: isinstance(value, int) and not isinstance(value, bool),
        NUM: isinstance(value, (int, float)) and not isinstance(value, bool),
        BOOL: isinstance(value, bool),
        STRS: isinstance(value, list) and all(isinstance(v, str) for v in value),
        TABLE: isinstance(value, dict),
        "list of tables": isinstance(value, list) and all(isinstance(v, dict) for v in value),
    }[kind]
    if not ok:
        raise ConfigError(f"{where} must be a {kind}, not {type(value).__name__} {value!r}")
    return value


def unknown_key(key: str, known: list[str], where: str) -> ConfigError:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(known)})"
    return ConfigError(f"unknown key '{where}{key}'{hint}")


def _merge(schema: dict[str, Any], data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in data:
        if key not in schema:
            raise unknown_key(key, list(schema), prefix)
    for key, spec in schema.items():
        if isinstance(spec, dict):
            sub = data.get(key, {})
            if not isinstance(sub, dict):
                raise ConfigError(f"{prefix}{key} must be a table")
            result[key] = Section(_merge(spec, sub, f"{prefix}{key}."))
        else:
            kind, default = spec
            result[key] = _check_type(kind, data[key], prefix + key) if key in data else default
            if kind in (INT, NUM) and key in data:
                _check_range(prefix + key, data[key])
    return result


# Numbers that must be above zero; every other number of the schema may be zero (off, or none allowed).
POSITIVE = {
    "links.timeout", "links.workers", "captions.max-chars-per-line", "captions.max-lines",
    "captions.max-lines-vertical", "captions.max-cps", "captions.max-duration",
}  # fmt: skip


# Upper bounds: beyond them a value is a slip (timeout = 1e400 would wait for ever, workers = 10**6 would start a
# million threads), not a policy.
MAXIMUM = {
    "links.timeout": 300, "links.workers": 64, "hashtags.max": 1000, "emoji.max": 1000,
    "captions.max-chars-per-line": 1000, "captions.max-lines": 100, "captions.max-lines-vertical": 100,
    "captions.max-cps": 1000, "captions.min-duration": 3600, "captions.max-duration": 86400,
    "captions.max-gap": 86400, "captions.max-wpm": 10000, "captions.max-tail": 86400, "captions.audible-db": 200,
}  # fmt: skip
LOCALE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,2}")  # en_GB, pt-BR, zh_Hant_TW: part of a file name


def _check_range(where: str, value: float) -> None:
    if not math.isfinite(value):
        raise ConfigError(f"{where} must be a finite number, not {value!r}")
    if value < 0 or (value == 0 and where in POSITIVE):
        raise ConfigError(f"{where} must be {'above' if where in POSITIVE else 'at least'} 0, not {value!r}")
    if where in MAXIMUM and value > MAXIMUM[where]:
        raise ConfigError(f"{where} must be at most {MAXIMUM[where]}, not {value!r}")


def _validate(values: dict[str, Any]) -> None:
    values["platforms"] = list(dict.fromkeys(name.strip().lower() for name in values["platforms"]))
    if not values["platforms"]:
        raise ConfigError(f"platforms must name at least one platform ({', '.join(ALL_PLATFORMS)})")
    for name in values["platforms"]:
        if name not in ALL_PLATFORMS:
            raise ConfigError(f"unknown platform '{name}' in platforms{platform_hint(name)}")
    if values["fail-on"] not in SEVERITIES:
        raise ConfigError(f"fail-on must be one of {', '.join(SEVERITIES)}, not {values['fail-on']!r}")
    baseline = Path(values["baseline"])
    if values["baseline"] and (baseline.is_absolute() or ".." in baseline.parts or baseline.name in ("", ".")):
        raise ConfigError(f"baseline must be a file path inside the posts root, not {values['baseline']!r}")
    try:
        values["docs-url"].format(code="A101", name="image-alt-missing")
    except (KeyError, IndexError, ValueError) as error:
        raise ConfigError(f"docs-url {values['docs-url']!r}: takes {{code}} and {{name}} only ({error})") from None
    for code, sev in values["severity"].items():
        if sev not in SEVERITIES:
            raise ConfigError(f"severity.{code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")
    for glob, codes in values["per-file-ignores"].items():
        _check_type(STRS, codes, f"per-file-ignores.{glob!r}")
    if not LOCALE.fullmatch(values["captions"].locale):  # it names converted caption files: no "/" or ".."
        raise ConfigError(f"captions.locale must be a language tag such as en_GB, not {values['captions'].locale!r}")
    if values["schedule"].date_order not in ("dmy", "mdy", "ymd"):
        raise ConfigError("schedule.date-order must be dmy, mdy or ymd")
    _validate_schedule(values["schedule"])
    if values["image-text"].min_coverage > 1:
        raise ConfigError(f"image-text.min-coverage must be at most 1, not {values['image-text'].min_coverage!r}")
    _validate_custom(values["custom"])
    for name, limits in values["platform"].items():
        if name not in ALL_PLATFORMS:
            raise ConfigError(f"unknown platform [platform.{name}]{platform_hint(name)}")
        _check_type(TABLE, limits, f"platform.{name}")
        from postcheck.text.platforms import limits as platform_limits

        platform_limits(name, limits)  # ConfigError for a limit the platform table does not have


def _validate_schedule(schedule: Section) -> None:
    from postcheck.text.schedule import check_schedule_config

    try:
        check_schedule_config(schedule.timezone, schedule.staffed, schedule.holidays)
    except ValueError as error:
        raise ConfigError(str(error) if str(error).startswith("schedule") else f"schedule: {error}") from None


CUSTOM_KEYS = ("code", "name", "pattern", "phrases", "forbid", "require", "message", "severity", "platforms", "kinds")


def _validate_custom(entries: list[dict[str, Any]]) -> None:
    """Each [[custom]] rule: a C code used once, pattern or phrases, forbid or require, a message."""
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        code = entry.get("code")
        where = f"custom #{number}" + (f" ({code})" if isinstance(code, str) else "")
        for key in entry:
            if key not in CUSTOM_KEYS:
                raise unknown_key(key, list(CUSTOM_KEYS), f"{where}: ")
        if not isinstance(code, str) or not re.fullmatch(r"C\d{3,4}", code):
            raise ConfigError(f"{where}: code must be C followed by 3 or 4 digits (C001), not {code!r}")
        if code in seen:
            raise ConfigError(f"{where}: code {code} is used by two [[custom]] rules")
        seen.add(code)
        name = entry.get("name", f"custom-{code.lower()}")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name):
            raise ConfigError(f"{where}: name must be kebab-case (banned-claim), not {name!r}")
        if ("pattern" in entry) == ("phrases" in entry):
            raise ConfigError(f"{where}: give exactly one of `pattern` (a regular expression) or `phrases` (a list)")
        if "pattern" in entry:
            _check_type(STR, entry["pattern"], f"{where}: pattern")
            try:
                re.compile(entry["pattern"])
            except re.error as error:
                raise ConfigError(
                    f"{where}: pattern {entry['pattern']!r} is not a regular expression: {error}"
                ) from None
            if re.search(entry["pattern"], ""):
                raise ConfigError(f"{where}: pattern {entry['pattern']!r} matches empty text")
        else:
            _check_type(STRS, entry["phrases"], f"{where}: phrases")
            if not entry["phrases"] or not all(p.strip() for p in entry["phrases"]):
                raise ConfigError(f"{where}: phrases must be a non-empty list of non-blank phrases")
        modes = [m for m in ("forbid", "require") if entry.get(m) is True]
        for mode in ("forbid", "require"):
            if mode in entry:
                _check_type(BOOL, entry[mode], f"{where}: {mode}")
        if len(modes) != 1:
            raise ConfigError(f"{where}: set exactly one of `forbid = true` or `require = true`")
        message = entry.get("message")
        if not isinstance(message, str) or not message.strip():
            raise ConfigError(f"{where}: `message` is required: what the finding tells the author")
        if entry.get("severity", "warning") not in SEVERITIES:
            raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {entry['severity']!r}")
        for platform in _check_type(STRS, entry.get("platforms", []), f"{where}: platforms"):
            if platform not in ALL_PLATFORMS:
                raise ConfigError(f"{where}: unknown platform {platform!r} (known: {', '.join(ALL_PLATFORMS)})")
        kinds = ("post", "share", "quote", "repost", "reply")
        for kind in _check_type(STRS, entry.get("kinds", []), f"{where}: kinds"):
            if kind not in kinds:
                raise ConfigError(f"{where}: unknown kind {kind!r} (known: {', '.join(kinds)})")


def find_config(start: Path) -> Path | None:
    """The nearest postcheck.toml, or pyproject.toml with [tool.postcheck], at or above `start`."""
    start = start.resolve()
    for directory in [start, *start.parents] if start.is_dir() else start.parents:
        candidate = directory / "postcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "postcheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None


def load_config(path: Path | None, overrides: dict[str, Any] | None = None) -> Config:
    """Read `path` (or only defaults when None), apply command-line overrides, validate."""
    data: dict[str, Any] = {}
    if path is not None:
        raw = _read_toml(path)
        if path.name == "pyproject.toml":
            raw = raw.get("tool", {}).get("postcheck", {})
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}: [tool.postcheck] must be a table")
        data = dict(raw)
    try:
        values = _merge(SCHEMA, data)
    except ConfigError as error:
        raise ConfigError(f"{path}: {error}" if path else str(error)) from None
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
    try:
        _validate(values)
    except ConfigError as error:
        raise ConfigError(f"{path}: {error}" if path else str(error)) from None
    return Config(Section(values), path)


STARTER = """\
# postcheck configuration: checks scheduled social-media posts against our social media policy.
# Every key is optional; the values below are this organisation's policy. `postcheck rules` lists
# the rules and `postcheck explain CODE` explains one.

# Platforms a post goes to when it does not say (`platforms:` in the post).
platforms = ["x", "facebook", "instagram", "linkedin", "youtube"]
select = ["ALL"]            # rule codes or prefixes to run: "A", "A2", "A201"
ignore = []
fail-on = "error"           # exit 1 when a finding is at or above this severity
baseline = "postcheck-baseline.json"   # findings accepted at adoption (`postcheck baseline`); "" turns it off
# docs-url = "https://docs.example.org/rules/{code}-{name}"   # rule links in reports (default: installed page)

[severity]                  # per-rule severity overrides (codes or names)
# A205 = "info"

[per-file-ignores]          # glob -> codes
# "archive/**" = ["P105"]

[links]
# Policy: "links to ... approved, publicly available NHS material". A domain approves its subdomains.
approved = ["nhs.uk", "gov.uk", "midandsouthessex.ics.nhs.uk"]
external = []               # third-party sources that may be linked with the non-endorsement phrase
shorteners = ["bit.ly", "t.co", "tinyurl.com", "ow.ly", "buff.ly"]
# With --online: seconds per request, links fetched at a time, and whether private addresses may be fetched.
timeout = 5.0
workers = 8
allow-private = false

[disclaimer]
# Policy: "Content we retweet (RT) or share on social media does not imply endorsement."
# The first is the example the findings give; the policy's own sentence matches the second.
phrases = ["Sharing does not imply endorsement", "does not imply endorsement", "RTs are not endorsements"]
in-profile = []             # platforms whose profile bio carries the phrase (satisfies D101 for reposts)

[moderation]
staff = []                  # individual members of staff who must not be named
allowed-contacts = ["111", "999"]
allow = []                  # words the swearing list should let through
deny = []                   # words to add to it ("word", "stem*", "*ending", "a phrase")

[hashtags]
words = ["NHS", "GP", "ICB", "ICS", "COVID19", "NHS111", "MSE"]   # casing lexicon for CamelCase
max = 3

[schedule]
# Policy: "Our teams are available from 9.00am to 5:00pm (Monday to Friday, excluding Bank Holidays)"
timezone = "Europe/London"
staffed = "Mon-Fri 09:00-17:00"  # e.g. "Mon-Fri 09:00-17:00; Sat 10:00-13:00"
holidays = "england"        # england, wales, scotland, northern-ireland, uk, none
date-order = "dmy"          # how bulk CSV dates read

[captions]
max-chars-per-line = 42
max-lines = 2
max-cps = 20
min-duration = 0.833
max-duration = 7.0

[image-text]
# A107 reads the words on images (OCR, with the `ocr` extra). WCAG 1.4.5: the alt text must carry them.
min-words = 4               # an image with fewer different words (a logo, a watermark) is not checked
min-coverage = 0.8          # share of the image's words the alt text must convey

# House rules without Python: each [[custom]] block is a rule with its own code (C + digits).
# [[custom]]
# code = "C001"
# name = "banned-claim"
# phrases = ["miracle cure", "100% safe"]   # or: pattern = "regular expression"
# forbid = true                             # or: require = true
# message = "Do not claim '{match}': health claims must be evidence-based"
# severity = "error"                        # default: warning
# platforms = ["x", "facebook"]             # optional
# kinds = ["post"]                          # optional
"""
