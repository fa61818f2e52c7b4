"""Reporters turn findings into bytes; they know nothing of rules."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from postcheck.model import Finding, Post, Source

MAX_READ_BYTES = 10 * 2**20  # larger files are no post or caption file: shown without their text


@dataclass
class Report:
    """Everything a reporter may show."""

    findings: list[Finding]
    files: int
    posts: list[Post]
    fixed: int = 0
    statistics: bool = False
    published: int = 0  # published posts left out of the run
    baselined: int = 0  # findings the baseline held

    def left_out(self) -> list[str]:
        """What the run did not report, in words: ["212 published posts not checked", "3 findings in the baseline"]."""
        from postcheck.text import counted

        parts = []
        if self.published:
            parts.append(f"{counted(self.published, 'published post')} not checked")
        if self.baselined:
            parts.append(f"{counted(self.baselined, 'finding')} in the baseline")
        return parts

    docs_url: str = ""  # the config's `docs-url` template; "" = the rule's page installed with postcheck

    def url(self, code: str, name: str) -> str | None:
        """Where a rule is documented (`catalogue.rule_url`)."""
        from postcheck.catalogue import rule_url

        return rule_url(code, name, self.docs_url)


def reporter(name: str) -> Callable[[Report, bool], str]:
    """The render function of a format: render(report, color) -> str."""
    if name == "json":
        from postcheck.reporters.json import render

        return render
    if name == "text":
        from postcheck.reporters.text import render

        return render
    if name == "markdown":
        from postcheck.reporters.markdown import render

        return render
    from postcheck.reporters import machine

    return getattr(machine, name)


def finding_source(finding: Finding, files: dict[str, Source | None]) -> Source | None:
    """The text a finding points into: its post's source, or the file it names (a caption file), read once per
    report into `files` and decoded as postcheck decodes it; None when that file cannot be read."""
    if finding.source is not None:
        return finding.source
    path = finding.display_path
    if path not in files:
        files[path] = None
        try:
            file = Path(path)
            if file.stat().st_size <= MAX_READ_BYTES:
                data = file.read_bytes()
                bom = data.startswith(codecs.BOM_UTF8)
                text = data[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8", "replace")
                files[path] = Source(file, text, bom=bom)
        except OSError:
            pass
    return files[path]
