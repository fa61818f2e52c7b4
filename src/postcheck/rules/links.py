"""L rules: links go to approved, public, secure, unshortened destinations (L105/L106 fetch them, --online only)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postcheck.context import Context
from postcheck.model import Field, Post, Problem, Severity
from postcheck.rules import rule
from postcheck.text.urls import Link, find_links, host_in, internal_reason, url_host


@dataclass(frozen=True)
class PostLink:
    """A link of a post and the field it was found in (the text, or a CSV link column)."""

    link: Link
    field: Field

    def span(self):
        return self.field.span(self.link.start, self.link.end)


def post_links(post: Post, ctx: Context) -> list[PostLink]:
    """The links in a post's text and CSV link columns (not `source` / `in_reply_to`), found once per run."""

    def find() -> list[PostLink]:
        found = [PostLink(link, post.text) for link in _links_not_in_emails(post.text.value)]
        for cell in post.link_cells:
            found += [PostLink(link, cell) for link in find_links(cell.value)]
        return found

    return ctx.per_post(post, "links", find)


def _links_not_in_emails(text: str) -> list[Link]:
    """The links of a text, but not the domain of an e-mail address written to dodge filters ("jo [at] nhs.net"):
    M101 reports the address, and nobody reads its domain as a link."""
    links = find_links(text)
    if not any(link.scheme == "" for link in links):
        return links
    from postcheck.text.pii import find_spelled_emails

    emails = find_spelled_emails(text)
    return [link for link in links if link.scheme or not any(a <= link.start < b for a, b in emails)]


def classify(link: Link, ctx: Context) -> str | None:
    """The one static finding a link deserves, most specific first: L104, L102, L101, L103; or None."""
    # Once per run for each host and scheme: four rules ask for every link, and posts repeat their links.
    key = ("postcheck.links.classify", link.host, link.scheme)
    if key not in ctx.memo:
        ctx.memo[key] = _classify(link, ctx)
    return ctx.memo[key]


def _classify(link: Link, ctx: Context) -> str | None:
    links = ctx.config.links
    if link.scheme == "file":
        return "L104"
    if not link.host:
        return None
    if internal_reason(link.host):
        return "L104"
    if host_in(link.host, links.shorteners):
        return "L102"
    if links.approved and not host_in(link.host, links.approved) and not host_in(link.host, links.external):
        return "L101"
    if link.scheme == "http":
        return "L103"
    return None


def is_external(link: Link, ctx: Context) -> bool:
    """Whether a link goes to a third-party source that may be linked with the phrase (`links.external`), and not
    also to an approved or internal host."""
    host, links = link.host, ctx.config.links
    if not host or internal_reason(host):
        return False
    return host_in(host, links.external) and not host_in(host, links.approved)


def _classified(post: Post, ctx: Context, code: str) -> Iterator[PostLink]:
    for item in post_links(post, ctx):
        if classify(item.link, ctx) == code:
            yield item


@rule("L101", "link-not-approved", Severity.ERROR, "link host is not an approved domain (or subdomain of one)")
def link_not_approved(post: Post, ctx: Context) -> Iterator[Problem]:
    if not ctx.config.links.approved:
        if post_links(post, ctx):
            ctx.notice("L101: links.approved is empty, so links are not checked against approved domains")
        return
    for item in _classified(post, ctx, "L101"):
        yield Problem(
            f"Link to {item.link.host} is not on an approved domain: link the official source's page, or ask for "
            f"{item.link.host} to be added to links.approved",
            item.span(),
        )


@rule("L102", "link-shortener", Severity.ERROR, "shortened link hides its destination")
def link_shortener(post: Post, ctx: Context) -> Iterator[Problem]:
    for item in _classified(post, ctx, "L102"):
        yield Problem(
            f"Shortened link ({item.link.host}) hides where it goes; link to the destination itself",
            item.span(),
        )


@rule("L103", "link-insecure", Severity.WARNING, "http:// link")
def link_insecure(post: Post, ctx: Context) -> Iterator[Problem]:
    for item in _classified(post, ctx, "L103"):
        raw = item.link.raw
        secure = "https://" + raw[len("http://") :]
        edit = item.field.edit(item.link.start, item.link.end, secure)
        yield Problem(f"Insecure link {raw}: use https://", item.span(), suggestion=secure if edit else None)


@rule("L104", "link-internal", Severity.ERROR, "link to localhost, a private/intranet address or a bare IP")
def link_internal(post: Post, ctx: Context) -> Iterator[Problem]:
    for item in _classified(post, ctx, "L104"):
        if item.link.scheme == "file":
            yield Problem(
                f"Link {item.link.raw} opens a file on a computer or file share, which the public cannot reach: "
                "upload the file to the website and link that page",
                item.span(),
            )
            continue
        reason = internal_reason(item.link.host)
        yield Problem(f"Link to {item.link.host} goes to {reason}, which the public cannot reach", item.span())


def _checker(ctx: Context):
    from postcheck.text.fetch import LinkChecker

    key = "postcheck.fetch.checker"
    if key not in ctx.memo:
        links = ctx.config.links
        ctx.memo[key] = LinkChecker(
            float(links.timeout), bool(links.allow_private), ctx.cache_dir, workers=max(1, int(links.workers))
        )
    return ctx.memo[key]


def _web_links(post: Post, ctx: Context) -> list:
    return [i for i in post_links(post, ctx) if i.link.host and i.link.scheme in ("", "http", "https")]


def prefetch_links(posts: list[Post], ctx: Context) -> None:
    """Fetch the web links of every post of the run at once, on the checker's bounded pool (--online): one post's
    slow links then hold up no other post's, and the run's time budget covers them all."""
    urls = [item.link.url for post in posts for item in _web_links(post, ctx)]
    if ctx.online and urls:
        _checker(ctx).check(urls)


def _fetched(post: Post, ctx: Context):
    """(PostLink, FetchResult) for the post's web links, fetched once per run (--online only)."""
    items = _web_links(post, ctx)
    if not ctx.online or not items:
        return []
    results = _checker(ctx).check(i.link.url for i in items)
    return [(item, results[item.link.url]) for item in items]


@rule("L105", "link-broken", Severity.ERROR, "only with --online: HTTP error, DNS failure or timeout")
def link_broken(post: Post, ctx: Context) -> Iterator[Problem]:
    for item, result in _fetched(post, ctx):
        if result.broken:
            where = "" if result.final_url == result.chain[0] else f" (at {result.final_url})"
            yield Problem(f"Link {item.link.raw} is broken: {result.error}{where}", item.span())


@rule(
    "L106",
    "link-redirects-unapproved",
    Severity.ERROR,
    "only with --online: redirect chain ends on an unapproved host",
)
def link_redirects_unapproved(post: Post, ctx: Context) -> Iterator[Problem]:
    links = ctx.config.links
    for item, result in _fetched(post, ctx):
        if len(result.chain) < 2 or classify(item.link, ctx) == "L101":
            continue  # not a redirect, or already reported as a link of its own
        final = url_host(result.final_url)
        if result.refused:  # the guard stopped at a redirect to a private address: readers would land there too
            yield Problem(f"Link {item.link.raw} redirects to {final}, an internal address (not followed)", item.span())
            continue
        if result.broken or not links.approved:
            continue
        if final and not host_in(final, links.approved) and not host_in(final, links.external):
            yield Problem(
                f"Link {item.link.raw} redirects to {final}, which is not an approved domain",
                item.span(),
                suggestion=result.final_url,
            )
