"""The rule registry: every rule module is listed here, and plugins come from entry points only."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from postcheck.model import Post, Problem, Severity

if TYPE_CHECKING:
    from postcheck.config import Config
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
    reads: Callable[[Post], bool] | None = None  # whether a post gives it anything to check (None: every post)

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
    reads: Callable[[Post], bool] | None = None,
):
    """Register the decorated function as the check of rule `code`; `missing()` says why it cannot run, if it
    needs an optional extra, and `reads(post)` whether a post gives it anything to check, so that a run says the
    rule was not checked only where it would have found something to check."""

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise RuntimeError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, name, severity, summary, check, fixable, missing, reads)
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
        plugins = installed_plugins()
        if plugins:
            from importlib.metadata import EntryPoint

            for name, value in plugins:
                EntryPoint(name, value, PLUGIN_GROUP).load()
    return dict(sorted(REGISTRY.items()))


def rule_names() -> dict[str, str]:
    """Rule name -> code, for every registered rule (a config's [[custom]] rules once registered)."""
    return {rule.name: code for code, rule in all_rules().items()}


def code_for(value: str, names: dict[str, str]) -> str:
    """A rule code or prefix from a code in any case (`a201`), or from a rule's name (`hashtag-not-camel-case`);
    ConfigError, with a did-you-mean, for a name no rule has."""
    import difflib

    from postcheck.config import ConfigError

    value = value.strip()
    if value.lower() in names:
        return names[value.lower()]
    if "-" in value:  # codes and prefixes have none: a rule name, mistyped
        close = difflib.get_close_matches(value.lower(), list(names), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else " (see `postcheck rules`)"
        raise ConfigError(f"no rule is named '{value}'{hint}")
    return value.upper()


def with_codes(config: Config) -> Config:
    """The config with its [[custom]] rules registered, and rule names in `select`, `ignore`, `[severity]` and
    `[per-file-ignores]` read as their codes: the CLI, the engine and the server all see codes."""
    from postcheck.config import ConfigError, load_config
    from postcheck.rules.custom import register_custom

    register_custom(config)  # custom rules have names too
    names = rule_names()

    def codes(values: list[str], where: str) -> list[str]:
        try:
            return [code_for(value, names) for value in values]
        except ConfigError as error:
            raise ConfigError(f"{config.path}: {where}: {error}" if config.path else f"{where}: {error}") from None

    resolved = {
        "select": codes(config.select, "select"),
        "ignore": codes(config.ignore, "ignore"),
        "severity": dict(zip(codes(list(config.severity), "severity"), config.severity.values(), strict=True)),
        "per-file-ignores": {
            glob: codes(values, f"per-file-ignores.{glob!r}") for glob, values in config.per_file_ignores.items()
        },
        "fail-on": config.fail_on,  # a --fail-on given on the command line stays
    }
    if all(resolved[key] == config.values[key] for key in resolved):
        return config  # nothing named: the config as it is, not read again
    return load_config(config.path, resolved)


PLUGIN_GROUP = "postcheck.rules"
PLUGIN_ENVIRONMENTS = 8  # environments whose plugin lists the user cache keeps


def installed_plugins() -> list[tuple[str, str]]:
    """(name, value) of each installed `postcheck.rules` entry point.

    Finding them reads the metadata of every installed distribution, which costs a one-post run more than its
    checks do; so the list is kept in the user cache, valid while no folder on sys.path changes (installing,
    upgrading or removing a package changes its site-packages folder). The cache keeps the lists of the last few
    environments (the pre-commit hook's, an editor's, a terminal's), so that they do not replace each other's."""
    import os
    import sys

    from postcheck.cache import read_json, user_cache, write_json

    environment = "\0".join(sys.path)
    stamp = []
    for folder in sys.path:
        try:
            stamp.append(os.stat(folder or ".").st_mtime_ns)
        except OSError:
            stamp.append(None)
    path = user_cache("plugins.json")
    cached = read_json(path, path.parent) if path is not None else None
    known = cached if isinstance(cached, dict) else {}
    entry = known.get(environment)
    if isinstance(entry, dict) and entry.get("stamp") == stamp and isinstance(entry.get("plugins"), list):
        plugins = entry["plugins"]
        if all(isinstance(p, list) and len(p) == 2 and all(isinstance(v, str) for v in p) for p in plugins):
            return [(name, value) for name, value in plugins]
    from importlib.metadata import entry_points

    found = [(entry.name, entry.value) for entry in entry_points(group=PLUGIN_GROUP)]
    if path is not None:
        kept = {key: value for key, value in known.items() if key != environment}
        kept = dict(list(kept.items())[-(PLUGIN_ENVIRONMENTS - 1) :])  # the most recently written last
        kept[environment] = {"stamp": stamp, "plugins": found}
        write_json(path, kept, path.parent)
    return found
