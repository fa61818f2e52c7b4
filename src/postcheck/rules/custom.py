"""C rules: house rules declared in config (`[[custom]]`), so a compliance officer can add one without Python.

Each entry becomes a Rule of its own (its code, name, severity), registered for the run by `register_custom`,
which the engine calls with the run's config. config.py has already validated the entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from postcheck.context import Context
from postcheck.model import Post, Problem, Severity
from postcheck.rules import REGISTRY, Rule, all_rules

if TYPE_CHECKING:
    from postcheck.config import Config

_registered: set[str] = set()  # codes this module added, removed again when another config registers
PATTERN_TIMEOUT = 1.0  # seconds a user's pattern may take on one post: `(a+)+$` would otherwise take for ever


def phrases_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases, case-insensitive, as whole words; spaces match any whitespace, ' matches ’."""
    alternatives = []
    for phrase in sorted({p.strip() for p in phrases}, key=len, reverse=True):
        words = [re.escape(word.replace("’", "'")).replace("'", "['’]") for word in phrase.split()]
        alternatives.append(r"\s+".join(words))
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def _make_check(entry: dict[str, Any]) -> Callable[[Post, Context], Iterator[Problem]]:
    # A user's pattern runs under the regex module, whose matching can be stopped (timeout=); re's cannot.
    pattern = _user_pattern(entry["pattern"]) if "pattern" in entry else phrases_pattern(entry["phrases"])
    timeout = {"timeout": PATTERN_TIMEOUT} if "pattern" in entry else {}
    message: str = entry["message"].strip()
    require = entry.get("require") is True
    platforms = set(entry.get("platforms", []))
    kinds = set(entry.get("kinds", []))

    def check(post: Post, ctx: Context) -> Iterator[Problem]:
        if kinds and post.kind not in kinds:
            return
        if platforms and not platforms & set(ctx.platforms(post)):
            return
        text = post.text.value
        try:
            matches = [m for m in pattern.finditer(text, **timeout) if m.end() > m.start()]
        except TimeoutError:
            from postcheck.config import ConfigError

            raise ConfigError(
                f"custom rule {entry['code']}: its pattern took over {PATTERN_TIMEOUT:g} s on {post.display_path} "
                "(nested repeats such as (a+)+ backtrack for ever): simplify the pattern"
            ) from None
        if require:
            if not matches:
                first_line = len(text.split("\n", 1)[0])
                span = post.text.span(0, first_line) if text else post.where()
                yield Problem(message.replace("{match}", ""), span)
            return
        for m in matches:
            # One line per finding: a match across a line break ("miracle\ncure") is quoted as "miracle cure".
            quoted = " ".join(m.group(0).split())
            yield Problem(message.replace("{match}", quoted), post.text.span(m.start(), m.end()))

    return check


def _user_pattern(text: str) -> Any:
    import regex

    return regex.compile(text)


def register_custom(config: Config) -> None:
    """Register the config's `[[custom]]` rules for this run, replacing those of an earlier config."""
    from postcheck.config import ConfigError

    clear_custom()
    existing = all_rules()
    for entry in config.custom:
        code = entry["code"]
        if code in existing or code in _registered:
            raise ConfigError(f"custom rule {code}: that code is already a rule's (pick another C code)")
        name = entry.get("name", f"custom-{code.lower()}")
        severity = Severity(entry.get("severity", "warning"))
        REGISTRY[code] = Rule(code, name, severity, entry["message"].strip(), _make_check(entry))
        _registered.add(code)


def clear_custom() -> None:
    """Remove the rules `register_custom` added (the registry is process-wide; runs in one process must not mix)."""
    for code in _registered:
        REGISTRY.pop(code, None)
    _registered.clear()
