"""The rule registry: every rule module is listed here, and plugins come from entry points only."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from postcheck.model import Post, Problem, Severity

if TYPE_CHECKING:
    from postcheck.context import Context

# One module per rule family; importing a module registers its rules.
MODULES = (
    "files",
    "alt_text",
    "hashtags",
    "captions",
    "links",
    "disclaimers",
    "moderation",
    "publishing",
    "media_limits",
    "custom",
)

Check = Callable[[Post, "Context"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A check with a stable code; `check(post, ctx)` yields Problems."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check | None
    fixable: str | None = None  # "safe", "unsafe", "safe/unsafe" or None
    missing: Callable[[], str | None] | None = None  # why the rule cannot run here (an extra not installed)

    def unavailable(self) -> str | None:
        """Why this rule cannot run in this environment, or None when it can."""
        return self.missing() if self.missing is not None else None


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    fixable: str | None = None,
    missing: Callable[[], str | None] | None = None,
):
    """Register the decorated function as the check of rule `code`; `missing()` says why it cannot run, if it
    needs an optional extra."""

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise RuntimeError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, name, severity, summary, check, fixable, missing)
        return check

    return register


def register_passive(code: str, name: str, severity: Severity, summary: str) -> None:
    """A rule whose findings the engine itself produces (X001)."""
    REGISTRY[code] = Rule(code, name, severity, summary, None)


register_passive("X001", "unused-suppression", Severity.WARNING, "a suppression that suppresses nothing")

_loaded = False


def all_rules() -> dict[str, Rule]:
    """Every registered rule by code, built-in modules first, then installed plugins."""
    global _loaded
    if not _loaded:
        _loaded = True
        for name in MODULES:
            importlib.import_module(f"postcheck.rules.{name}")
        from importlib.metadata import entry_points

        for entry in entry_points(group="postcheck.rules"):
            entry.load()
    return dict(sorted(REGISTRY.items()))
