"""The rule pages in checks/: where they are and what their examples say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


def pages_dir() -> Path:
    """checks/ inside the installed package, or beside src/ in a checkout."""
    packaged = Path(__file__).parent / "checks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "checks"


def page_for(code: str) -> Path | None:
    """The page of a rule, by code."""
    return next(iter(sorted(pages_dir().glob(f"{code}-*.md"))), None)


def rule_url(code: str, name: str, template: str = "") -> str | None:
    """Where a rule is documented: the config's `docs-url` template filled in, else its page installed with
    postcheck as a file URI (offline, and always the installed version's); None for a rule without a page."""
    if template:
        return template.format(code=code, name=name)
    page = page_for(code)
    return page.resolve().as_uri() if page is not None else None


@dataclass
class Example:
    """The files of a Bad or Good example: name -> content."""

    files: dict[str, str]


BLOCK = re.compile(r"^```\w*[ \t]+file=(?P<name>\S+)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def examples(page: Path) -> dict[str, Example]:
    """The `## Bad` and `## Good` examples of a page, each a set of files."""
    text = page.read_text(encoding="utf-8")
    found = {}
    sections = re.split(r"^## ", text, flags=re.MULTILINE)
    for section in sections:
        title = section.split("\n", 1)[0].strip().lower()
        if title in ("bad", "good"):
            files = {m.group("name"): m.group("body") for m in BLOCK.finditer(section)}
            found[title] = Example(files)
    return found


def front_matter(page: Path) -> dict:
    """The page's metadata (code, name, severity, fixable, policy)."""
    import yaml

    text = page.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}
