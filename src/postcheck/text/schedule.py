"""Schedule facts: when a post goes out, in which zone, when staff are there to answer, and which CSV cells are posted.

Read by the P rules, F003, the engine (which posts are published) and the reports alike.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING

from postcheck.model import Field, Post

if TYPE_CHECKING:
    from postcheck.context import Context

# How a date and a time are written in the cells of a CSV of each date order (for messages and suggestions).
WRITTEN_AS = {"dmy": "%d/%m/%Y %H:%M", "mdy": "%m/%d/%Y %H:%M", "ymd": "%Y-%m-%d %H:%M"}


def parse_datetime(value: object) -> datetime | None:
    """An ISO 8601 date-time (or one in YAML's timestamp form, "2026-12-01 09:30:00 +1"), or None."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or re.fullmatch(r"\s*\d{4}-?\d{2}-?\d{2}\s*", value):
        return None  # a date alone is no time to post at ("midnight" is rarely what was meant)
    value = value.strip()
    if value[-1:] in ("Z", "z"):  # UTC; RFC 3339 allows the lower-case z (and t) that some tools write
        value = value[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    # YAML's own timestamp form, which the loaders keep as written: an offset with a one-digit hour ("+1"), after a
    # space or not. A date-time YAML itself reads is no invalid field.
    m = _YAML_OFFSET.search(value)
    if m is None:
        return None
    try:
        return datetime.fromisoformat(f"{value[: m.start()]}{m[1]}{m[2]}0{m[3]}:{m[4] or '00'}")
    except ValueError:
        return None


_YAML_OFFSET = re.compile(r"(\d:\d\d(?::\d\d(?:\.\d+)?)?)[ \t]{0,3}([+-])(\d)(?::(\d\d))?$")


def posted_cells(post: Post) -> list[Field]:
    """The CSV link cells a scheduler posts after the message: those filled in and not already in the text."""
    text = post.text.value
    return [cell for cell in post.link_cells if cell.value.strip() and cell.value.strip() not in text]


DAY_NAMES = {
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{f"{name}day": i for i, name in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))},
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}  # fmt: skip
DAY_GROUPS = {"daily": range(7), "everyday": range(7), "weekdays": range(5), "weekends": (5, 6), "weekend": (5, 6)}
_DAYS_TOKEN = re.compile(r"([a-z]+)(?:-([a-z]+))?")
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?(am|pm)?"
_TIMES_TOKEN = re.compile(rf"{_CLOCK}-{_CLOCK}")

# holidays-package subdivision of the United Kingdom for each `schedule.holidays` value.
HOLIDAY_CALENDARS = {
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern-ireland": "NIR",
    "uk": None,  # only the holidays all four nations share
    "none": False,
}

Windows = dict[int, list[tuple[int, int]]]  # weekday (Mon = 0) -> [(start minute, end minute)]; end <= 1440


def parse_staffed(spec: str) -> Windows:
    """Staffed hours from a spec like "Mon-Fri 09:00-17:00; Sat 10:00-13:00" (ValueError when it is not one).

    Parts are separated by ";" or ","; a part is days (Mon, Mon-Fri, a list such as "Mon, Wed", or daily,
    weekdays, weekends) followed by one or more time ranges (09:00-17:00, 9.00am to 5pm). Times without days
    apply every day; a range that ends before it starts runs past midnight. "always" means staffed at all hours.
    """
    text = spec.strip().lower()
    if text in ("always", "24/7"):
        return {d: [(0, 1440)] for d in range(7)}
    text = re.sub(r"\s*(?:-|–|—|\bto\b)\s*", "-", text)
    text = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", text)
    windows: Windows = {d: [] for d in range(7)}
    days: list[int] | None = None  # None until a part names days: times then apply every day
    days_have_times = True  # whether the current day list has had its times (a new day name starts a new list)
    for token in re.findall(r"[^\s,;]+", text):
        if token in ("and", "&"):
            continue
        times = _TIMES_TOKEN.fullmatch(token)
        if times:
            start, end = _time_range(times, token)
            for day in range(7) if days is None else days:
                if end > start:
                    windows[day].append((start, end))
                else:  # runs past midnight
                    windows[day].append((start, 1440))
                    windows[(day + 1) % 7].append((0, end))
            days_have_times = True
            continue
        named = _days(token, spec)
        days = named if days_have_times or days is None else sorted(set(days) | set(named))
        days_have_times = False
    if not days_have_times:
        raise ValueError(f"staffed hours {spec!r}: days without times (write e.g. 'Mon-Fri 09:00-17:00')")
    if not any(windows.values()):
        raise ValueError(f"staffed hours {spec!r}: no time ranges (write e.g. 'Mon-Fri 09:00-17:00')")
    return {d: sorted(w) for d, w in windows.items()}


def _days(token: str, spec: str) -> list[int]:
    if token in DAY_GROUPS:
        return list(DAY_GROUPS[token])
    match = _DAYS_TOKEN.fullmatch(token)
    if not match or match.group(1) not in DAY_NAMES or (match.group(2) and match.group(2) not in DAY_NAMES):
        raise ValueError(f"staffed hours {spec!r}: {token!r} is not a day or a time range (Mon-Fri 09:00-17:00)")
    first = DAY_NAMES[match.group(1)]
    last = DAY_NAMES[match.group(2)] if match.group(2) else first
    return [(first + i) % 7 for i in range((last - first) % 7 + 1)]


def _time_range(match: re.Match, token: str) -> tuple[int, int]:
    minutes = []
    for hour, minute, half in (match.groups()[:3], match.groups()[3:]):
        if minute is None and half is None:  # "9-5" would read as 09:00 to 05:00
            raise ValueError(f"{token!r}: write times as HH:MM (09:00-17:00) or with am/pm (9am-5pm)")
        h, m = int(hour), int(minute or 0)
        if half and not 1 <= h <= 12 or h > 24 or m > 59 or h == 24 and m:
            raise ValueError(f"{token!r} is not a time range (HH:MM-HH:MM, 00:00 to 24:00)")
        if half:
            h = h % 12 + (12 if half == "pm" else 0)
        minutes.append(h * 60 + m)
    if minutes[0] == minutes[1] or minutes[0] == 1440:
        raise ValueError(f"{token!r} is not a time range: it is empty")
    return minutes[0], minutes[1]


def check_schedule_config(timezone: str, staffed: str, holiday_calendar: str) -> None:
    """ValueError with a one-line reason when a `[schedule]` value is unusable."""
    zone(timezone)
    parse_staffed(staffed)
    if holiday_calendar.lower() not in HOLIDAY_CALENDARS:
        known = ", ".join(HOLIDAY_CALENDARS)
        raise ValueError(f"schedule.holidays must be one of {known}, not {holiday_calendar!r}")


@lru_cache(maxsize=16)
def zone(name: str) -> tzinfo:
    """The IANA time zone called `name` (ValueError when there is none)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"schedule.timezone {name!r} is not an IANA time zone such as Europe/London") from error


class BankHolidays:
    """A bank-holiday calendar: `day in calendar`, `calendar.get(day)` -> its name or None.

    The holidays library takes about 0.09 s to load, a fifth of a one-post pre-commit run, so the holidays of
    CACHED_YEARS are kept in the user cache, per library version; other years ask the library.
    """

    CACHED_YEARS = range(2000, 2061)

    def __init__(self, subdivision: str | None) -> None:
        self.subdivision = subdivision
        self.table = self._cached_table()

    def _library(self, years: range | None = None):
        import holidays

        return holidays.country_holidays("GB", subdiv=self.subdivision, years=years)

    def _cached_table(self) -> dict[str, str]:
        from importlib.util import find_spec

        from postcheck.cache import read_json, user_cache, write_json

        # Named after the installed library's own file, found without importing it (or importlib.metadata,
        # which scans every installed package): a new version of the library is a new name.
        spec = find_spec("holidays")
        stamp = os.stat(spec.origin) if spec is not None and spec.origin else None
        installed = f"{stamp.st_size}-{stamp.st_mtime_ns}" if stamp else "unknown"
        path = user_cache(f"holidays-{installed}-GB-{self.subdivision or 'all'}.json")
        table = read_json(path) if path is not None else None
        if isinstance(table, dict) and all(isinstance(v, str) for v in table.values()):
            return table
        table = {day.isoformat(): name for day, name in sorted(self._library(self.CACHED_YEARS).items())}
        if path is not None:
            write_json(path, table, path.parent)
        return table

    def get(self, day: date) -> str | None:
        if day.year in self.CACHED_YEARS:
            return self.table.get(day.isoformat())
        return self._library().get(day)

    def __contains__(self, day: date) -> bool:
        return self.get(day) is not None


@lru_cache(maxsize=8)
def holiday_calendar(name: str) -> BankHolidays | None:
    """The bank holidays of a `schedule.holidays` name, or None for "none"."""
    subdivision = HOLIDAY_CALENDARS.get(name.lower(), False)
    if subdivision is False:
        return None
    return BankHolidays(subdivision)


def schedule_settings(ctx: Context) -> tuple[tzinfo, Windows, object] | None:
    """The configured time zone, staffed windows and holiday calendar; None when the config is unusable."""
    schedule = ctx.config.schedule
    key = ("P105-settings", schedule.timezone, schedule.staffed, schedule.holidays)
    if key not in ctx.memo:
        try:
            ctx.memo[key] = (
                zone(schedule.timezone),
                parse_staffed(schedule.staffed),
                holiday_calendar(schedule.holidays),
            )
        except ValueError:
            ctx.memo[key] = None  # config validation reports it
    return ctx.memo[key]


def when_named(post: Post) -> str:
    """What a message calls the time a post goes out: its `publish_at`, or a CSV row's date and time cells."""
    return "the row's date and time" if post.row is not None else "publish_at"


def publish_time(post: Post, ctx: Context) -> tuple[datetime, str | None] | None:
    """When the post goes out, as an aware date-time, and why that time cannot happen (if so).

    None for a draft (no `publish_at`) or a value F003 reports. An offset-less value (CSV rows give those)
    is a wall-clock time in `schedule.timezone`.
    """
    raw = post.meta.get("publish_at")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    when = parse_datetime(raw)
    if when is None:
        return None
    if when.tzinfo is not None:
        return when, None
    settings = schedule_settings(ctx)
    if settings is None:
        return None
    tz = settings[0]
    aware = when.replace(tzinfo=tz)
    back = in_zone(in_zone(aware, UTC), tz)
    if back.replace(tzinfo=None) != when:
        return aware, f"{when:%Y-%m-%d %H:%M} does not exist in {ctx.config.schedule.timezone} (the clocks go forward)"
    return aware, None


def in_zone(moment: datetime, tz) -> datetime:
    """`moment` in time zone `tz`; as written at the very ends of the calendar (years 1 and 9999), where the
    conversion would fall off it."""
    try:
        return moment.astimezone(tz)
    except OverflowError:
        return moment


def _minute(moment: datetime) -> float:
    return moment.hour * 60 + moment.minute + moment.second / 60


def staffed_at(local: datetime, windows: Windows) -> bool:
    minute = _minute(local)
    return any(start <= minute < end for start, end in windows[local.weekday()])


def next_staffed(local: datetime, windows: Windows, calendar) -> datetime | None:
    """The first staffed moment after `local` (same zone), skipping bank holidays; None within 60 days."""
    tz = local.tzinfo
    for offset in range(61):
        try:
            day: date = local.date() + timedelta(days=offset)
        except OverflowError:
            return None  # the end of the calendar (year 9999)
        if calendar is not None and day in calendar:
            continue
        for start, _end in windows[day.weekday()]:
            if offset == 0 and start <= _minute(local):
                continue
            return datetime.combine(day, time(start // 60, start % 60), tzinfo=tz)
    return None


def lifecycle(post: Post, ctx: Context) -> str:
    """Where a post stands: "draft" (no publish_at, or `status: draft`), "scheduled", or "published"
    (`status: published`, or a publish_at before now)."""
    status = post.status
    if status in ("draft", "published"):
        return status
    found = publish_time(post, ctx)
    if found is None:
        return "draft"
    return "published" if found[0] < ctx.now else "scheduled"


def is_new(post: Post, when: datetime, ctx: Context) -> bool:
    """Whether a post was not yet in the repository when it was due to go out at `when`: uncommitted, or first
    committed after `when`. That is a mistake P106 reports; a post committed in time and published since is not.
    Outside a git repository every post counts as new; in one without git to ask, none does (a note says so)."""
    from postcheck import history

    folder = post.directory.resolve()
    key = ("git-toplevel", folder)
    if key not in ctx.memo:
        try:
            ctx.memo[key] = history.toplevel(folder).resolve()
        except history.GitMissing as error:
            in_repository = any((above / ".git").exists() for above in (folder, *folder.parents))
            if in_repository:
                ctx.notice(f"P106: {error}: posts in the repository are not checked for going out late")
            ctx.memo[key] = False if in_repository else None
        except history.GitError:
            ctx.memo[key] = None
    top = ctx.memo[key]
    if top is None:  # outside git: every post is new
        return True
    if top is False:  # in a repository, with no git to ask: none is
        return False
    if ("git-first-committed", top) not in ctx.memo:
        try:
            ctx.memo["git-first-committed", top] = history.first_committed(top)
        except history.GitError:
            ctx.memo["git-first-committed", top] = {}
    first = ctx.memo["git-first-committed", top].get(post.path.resolve().relative_to(top).as_posix())
    return first is None or first > when
