"""Reporters turn findings into bytes; they know nothing of rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from postcheck.model import Finding, Post


@dataclass
class Report:
    """Everything a reporter may show."""

    findings: list[Finding]
    files: int
    posts: list[Post]
    fixed: int = 0
    statistics: bool = False


FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "rdjson")


def reporter(name: str) -> Callable[[Report, bool], str]:
    """The render function of a format: render(report, color) -> str."""
    if name == "json":
        from postcheck.reporters.json import render

        return render
    if name == "text":
        from postcheck.reporters.text import render

        return render
    from postcheck.reporters import machine

    return getattr(machine, name)
