"""P rules: whether a post fits each platform's text limits, and whether it is scheduled when staff can reply.

P102 and P103 (media limits) live in rules/media_limits.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from postcheck.context import Context
from postcheck.model import Field, Post, Problem, Severity, Span
from postcheck.rules import rule
from postcheck.rules.links import PostLink, post_links
from postcheck.rules.media_limits import platform_limits
from postcheck.text import counted
from postcheck.text.platforms import measure
from postcheck.text.schedule import (
    WRITTEN_AS,
    in_zone,
    is_new,
    next_staffed,
    posted_cells,
    publish_time,
    schedule_settings,
    staffed_at,
    when_named,
    zone,
)

# How each counting method reads in a message.
COUNTED_AS = {
    "x-weighted": "characters as X counts them (a link counts 23, an emoji or a CJK character 2)",
    "graphemes": "characters (graphemes)",
    "characters-url23": "characters (URLs 23)",
    "characters": "characters",
}


def _posted_links(post: Post, ctx: Context) -> list[PostLink]:
    """The links that go out with the post: those of its text and of its posted link cells."""
    cells = posted_cells(post)
    posted = {id(post.text), *map(id, cells)}
    return [item for item in post_links(post, ctx) if id(item.field) in posted]


# ---------------------------------------------------------------------------------------------- P101


def posted_text(post: Post) -> str:
    """The text that goes out, as P101 counts it: the post text, then its posted link cells (a bulk CSV's)."""
    return post.text.value + "".join(" " + cell.value.strip() for cell in posted_cells(post))


@rule("P101", "text-too-long", Severity.ERROR, "text over a platform's limit, counted the platform's way")
def text_too_long(post: Post, ctx: Context) -> Iterator[Problem]:
    extra = posted_cells(post)  # posted after the message: they count towards the limit
    posted = posted_text(post)
    for name in ctx.platforms(post):
        limit = platform_limits(ctx, name)
        if limit.text_max is not None and posted.strip():
            result = measure(posted, limit.counting, limit.text_max)
            if result.overflow is not None:
                what = "caption" if name == "instagram" else "description" if name == "youtube" else "text"
                yield Problem(
                    f"{what} is too long for {limit.name}: {result.count} {COUNTED_AS[limit.counting]}, "
                    f"limit {limit.text_max}: shorten it by {result.count - limit.text_max}"
                    + (", or split it into a thread" if name not in ("youtube", "instagram") else ""),
                    _overflow_span(post, extra, result.overflow),
                )
        if limit.title_max is not None and post.title is not None:
            title = post.values.get("title")
            count = len(post.title)
            if count > limit.title_max:
                span = title.span(limit.title_max) if title is not None else post.where()
                yield Problem(
                    f"title is too long for {limit.name}: {count} characters, limit {limit.title_max} "
                    f"({count - limit.title_max} over)",
                    span,
                )
        if limit.links_max is not None:
            links = _posted_links(post, ctx)
            if len(links) > limit.links_max:
                span = links[limit.links_max].span()
                yield Problem(
                    f"{limit.name} takes at most {counted(limit.links_max, 'link')}; this post has {len(links)}", span
                )


def _overflow_span(post: Post, extra: list[Field], overflow: int) -> Span:
    """Where the counted text passes the limit: from there to the end of the text (or the link cell it is in)."""
    text = post.text
    if overflow < len(text.value):
        return text.span(overflow, len(text.value))
    position = len(text.value)
    for cell in extra:
        position += 1 + len(cell.value.strip())
        if overflow < position:
            return cell.span()
    return text.span(len(text.value)) if text.value else post.where()


# ---------------------------------------------------------------------------------------------- P104


@rule("P104", "link-not-clickable", Severity.INFO, "links in an Instagram caption are not clickable")
def link_not_clickable(post: Post, ctx: Context) -> Iterator[Problem]:
    for name in ctx.platforms(post):
        limit = platform_limits(ctx, name)
        if limit.links_clickable:
            continue
        links = _posted_links(post, ctx)
        if not links:
            return
        shown = [item.link.raw for item in links]
        listed = (
            shown[0] if len(shown) == 1 else f"{len(shown)} links ({', '.join(shown[:3])}{', ...' * (len(shown) > 3)})"
        )
        yield Problem(
            f"{listed} will not be clickable in an {limit.name} caption: "
            "put the link in the bio or a story link sticker, and say where to find it",
            links[0].span(),
        )
        return


# ------------------------------------------------------------------------------------- P105 and P106


@rule("P106", "schedule-invalid", Severity.ERROR, "publish_at lies in the past or names a time that does not exist")
def schedule_invalid(post: Post, ctx: Context) -> Iterator[Problem]:
    found = publish_time(post, ctx)
    if found is None:
        return
    when, impossible = found
    what = when_named(post)
    if impossible:
        yield Problem(f"{what} {impossible}", post.field_span("publish_at"))
    elif when < ctx.now and post.status not in ("draft", "published") and is_new(post, when, ctx):
        tz = zone(ctx.config.schedule.timezone)
        yield Problem(
            f"{what} {in_zone(when, tz):%a %d %b %Y %H:%M} {ctx.config.schedule.timezone} is in the past "
            f"(now: {ctx.now.astimezone(tz):%a %d %b %Y %H:%M}); the scheduler will refuse it or post it at once",
            post.field_span("publish_at"),
        )


@rule("P105", "outside-staffed-hours", Severity.WARNING, "publish_at falls outside staffed hours or on a bank holiday")
def outside_staffed_hours(post: Post, ctx: Context) -> Iterator[Problem]:
    found = publish_time(post, ctx)
    if found is None:
        return  # a draft: no need to load the bank-holiday calendar
    settings = schedule_settings(ctx)
    if settings is None:
        return
    when, impossible = found
    if impossible or when < ctx.now:
        return  # P106 reports it
    tz, windows, calendar = settings
    local = in_zone(when, tz)
    holiday = calendar.get(local.date()) if calendar is not None else None
    staffed = ctx.config.schedule.staffed
    if holiday:
        reason = f"falls on a bank holiday ({holiday})"
    elif not staffed_at(local, windows):
        reason = f"is outside staffed hours ({staffed})"
    else:
        return
    following = next_staffed(local, windows, calendar)
    wait = f"; the next staffed time is {following:%a %d %b %H:%M}" if following else ""
    what = when_named(post)
    suggestion = None
    if following is not None:  # written as the post writes it: a CSV row has date and time cells
        order = ctx.config.schedule.date_order
        suggestion = following.strftime(WRITTEN_AS[order]) if post.row is not None else following.isoformat()
    yield Problem(
        f"{what} {local:%a %d %b %Y %H:%M} {ctx.config.schedule.timezone} {reason}: replies would go unanswered{wait}",
        post.field_span("publish_at"),
        suggestion=suggestion,
    )
