"""A rule plugin that fails on purpose (on posts that say "crash-me"): the language server must log it and go on."""

from postcheck.model import Severity
from postcheck.rules import rule


@rule("Z901", "crashes-on-purpose", Severity.WARNING, "fails with an internal error on posts that say crash-me")
def crashes_on_purpose(post, ctx):
    if "crash-me" in post.text.value:
        raise RuntimeError("this rule fails on purpose")
    return []
