"""M rules: no personal contact details, swearing, named staff, unsignposted medical advice or public data requests.

The language is read in text/ (pii.py, profanity.py, names.py, advice.py, data_requests.py), imported when a rule first
needs it; these rules decide which fields are read and what is reported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from postcheck.context import Context
from postcheck.model import Field, Post, Problem, Severity
from postcheck.rules import rule

if TYPE_CHECKING:
    from postcheck.text.profanity import ProfanityMatcher


def _where(label: str) -> str:
    """How a message names the part of a post it is about: nothing for the text, " in the alt text"..."""
    return "" if label == "text" else f" in the {label}"


def _read_fields(post: Post, ctx: Context) -> Iterator[tuple[str, Field, Path | None]]:
    """What the audience reads, with what to call it and the file it is in when not the post's: the text, the title,
    each image's alt text, and the cues of each video's captions."""
    for label, field in post.public_fields():
        yield label, field, None
    if post.videos:
        from postcheck.rules.captions import caption_fields

        for path, field in caption_fields(post, ctx):
            yield "captions", field, path


@rule("M101", "personal-contact-details", Severity.ERROR, "phone number, e-mail, street address or postcode in a post")
def personal_contact_details(post: Post, ctx: Context) -> Iterator[Problem]:
    from postcheck.text.pii import MAYBE_CONTACT, AllowedContacts, find_contacts

    fields = [(label, f, path) for label, f, path in _read_fields(post, ctx) if MAYBE_CONTACT.search(f.value)]
    if not fields:
        return

    key = "postcheck.moderation.allowed"
    if key not in ctx.memo:
        ctx.memo[key] = AllowedContacts(ctx.config.moderation.allowed_contacts)
    allowed = ctx.memo[key]
    for label, field, path in fields:
        for contact in find_contacts(field.value):
            if allowed.allows(contact):
                continue
            yield Problem(
                f"Personal contact details{_where(label)}: {contact.kind} {contact.raw!r}"
                " (if it is the organisation's own or a public venue's, add it to moderation.allowed-contacts,"
                " or suppress this finding with the reason)",
                field.span(contact.start, contact.end),
                path=path,
            )


def profanity_matcher(ctx: Context) -> ProfanityMatcher:
    """The run's matcher: the built-in list with moderation.allow and moderation.deny applied."""
    key = "postcheck.moderation.profanity"
    if key not in ctx.memo:  # (asked for each field of each post: only the first call imports and builds)
        from postcheck.text.profanity import ProfanityMatcher, builtin_words

        moderation = ctx.config.moderation
        ctx.memo[key] = ProfanityMatcher(builtin_words(), list(moderation.allow), list(moderation.deny))
    return ctx.memo[key]


@rule("M102", "profanity", Severity.ERROR, "swearing, obscenity or a slur, obfuscated spellings included")
def profanity(post: Post, ctx: Context) -> Iterator[Problem]:
    for label, field, path in _read_fields(post, ctx):
        text = field.value
        for start, end, _entry in profanity_matcher(ctx).find(text):
            yield Problem(
                f"Swearing or obscenity{_where(label)}: {text[start:end]!r}", field.span(start, end), path=path
            )


@rule("M103", "names-staff-member", Severity.WARNING, "names a person from moderation.staff")
def names_staff_member(post: Post, ctx: Context) -> Iterator[Problem]:
    staff = [name for name in ctx.config.moderation.staff if name.strip()]
    if not staff:
        return
    from postcheck.text.names import (
        BUSINESS_AFTER,
        HASHTAG_NAME_ENDS,
        another_name_follows,
        first_name_job_pattern,
        fold_name_text,
        name_pattern,
        name_runs,
        title_surname_pattern,
        written_as_a_name,
    )

    key = "postcheck.moderation.staff"
    if key not in ctx.memo:
        ctx.memo[key] = [
            (name, name_pattern(name), title_surname_pattern(name), first_name_job_pattern(name)) for name in staff
        ]
    for label, field, path in _read_fields(post, ctx):
        text = fold_name_text(field.value)
        for name, pattern, titled, job in ctx.memo[key]:
            if pattern is None:
                continue
            found = [m for m in pattern.finditer(text) if written_as_a_name(field.value, m)]
            if titled is not None and not found:
                # Title and surname alone ("dr khan") name the person too, unless a capitalised word follows
                # (another person: "Dr Khan Ahmedov", "Dr Martin Chloé Lee"; not where the post shouts in capitals)
                # - the fold keeps offsets, so the post's own capitals are read - or the name is a business's or
                # place's ("Dr Khan's Pharmacy").
                found = [
                    m
                    for m in titled.finditer(text)
                    if not another_name_follows(field.value, m) and written_as_a_name(field.value, m)
                ]
            if job is not None and not found:
                # The first name beside a job at the service ("Jane, our ENT specialist nurse"), unless a capitalised
                # word follows it (another person: "our nurse, Jane Smith").
                found = [m for m in job.finditer(text) if not another_name_follows(field.value, m)]
            for m in found:
                yield Problem(
                    f"Names a member of staff ({name}){_where(label)}: the policy does not name individual staff",
                    field.span(m.start(), m.end()),
                    path=path,
                )
        # A name run together in a CamelCase hashtag ("#ThankYouDawnWood"), an @handle ("@DawnWood", "@dawn_wood",
        # "@dawnwood_nurse") or a link's path ("/stories/dawn-wood-pals") is read by its words.
        for start, end, words, kind in name_runs(field.value, tuple(staff)):
            if len(words) < 2:
                continue
            spelled = fold_name_text(" ".join(words))
            for name, pattern, titled, _job in ctx.memo[key]:
                if (
                    pattern is not None
                    # (a business's word after the name in a handle: "@AoifeNiBhriainArt" is her studio's account)
                    and any(
                        kind != "handle" or not BUSINESS_AFTER.match(spelled, m.end())
                        for m in pattern.finditer(spelled)
                    )
                ) or (
                    # A title and surname ("#ThanksDrKhan") where they end the hashtag or a joining word follows:
                    # every word of a hashtag is capitalised, so "#DrMartinLutherKing" is another person.
                    titled is not None
                    and any(HASHTAG_NAME_ENDS.match(spelled, m.end()) for m in titled.finditer(spelled))
                ):
                    yield Problem(
                        f"Names a member of staff ({name}){_where(label)} in a {kind}: the policy does not name"
                        " individual staff",
                        field.span(start, end),
                        path=path,
                    )


@rule("M104", "medical-advice-without-signposting", Severity.WARNING, "medical reply without GP/pharmacy/111/999")
def medical_advice_without_signposting(post: Post, ctx: Context) -> Iterator[Problem]:
    if post.kind != "reply":
        return
    from postcheck.text.advice import medical_advice

    found = medical_advice(post.text.value)
    if found is None:
        return
    start, end, topic = found
    about = f" ({topic.lower()!r})" if topic else ""
    yield Problem(
        f"Reply gives advice on a medical matter{about} without pointing to a GP, pharmacy, NHS 111 or 999",
        post.text.span(start, end),
        suggestion="If you have a medical question or concern, please contact your GP or NHS 111.",
    )


@rule("M105", "public-request-for-personal-data", Severity.ERROR, "asks for NHS number, date of birth... in public")
def public_request_for_personal_data(post: Post, ctx: Context) -> Iterator[Problem]:
    if post.kind == "repost":
        return
    from postcheck.text.data_requests import public_request

    # The text and the title: a YouTube title is as public as the post ("comment your NHS number for a review slot").
    for label, field in post.public_fields():
        if label == "alt text":
            continue
        found = public_request(field.value, reply=post.kind == "reply" and label == "text")
        if found is None:
            continue
        start, end, named = found
        yield Problem(
            f"Asks for personal data ({named}) in public{_where(label)}: ask for it by direct message instead",
            field.span(start, end),
            suggestion="Please send us a direct message with your details.",
        )
