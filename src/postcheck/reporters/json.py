"""The stable JSON format (version 1)."""

from __future__ import annotations

import json
from typing import Any

from postcheck.reporters import Report


def render(report: Report, color: bool = False) -> str:
    """Findings and a summary as DESIGN.md shows."""
    findings = []
    urls: dict[tuple[str, str], str | None] = {}  # a rule's page is looked for on disk once, not per finding
    for f in report.findings:
        if (f.code, f.name) not in urls:
            urls[f.code, f.name] = report.url(f.code, f.name)
        fix = None
        if f.fix is not None:
            edits = [{"offset": e.offset, "length": e.length, "content": e.content} for e in f.fix.edits]
            for edit, original in zip(edits, f.fix.edits, strict=True):
                if original.path is not None and original.path != f.post.path:
                    edit["path"] = str(original.path)
            fix = {"applicability": f.fix.applicability.value, "edits": edits}
        findings.append(
            {
                "path": f.display_path,
                "line": f.span.line,
                "column": f.span.column,
                "end_line": f.span.end_line,
                "end_column": f.span.end_column,
                "code": f.code,
                "name": f.name,
                "url": urls[f.code, f.name],
                "severity": f.severity.value,
                "message": f.message,
                "suggestion": f.suggestion,
                "fix": fix,
                "post": {"path": f.post.display_path, "platforms": f.platforms, "kind": f.post.kind},
            }
        )
    count = lambda sev: sum(1 for f in report.findings if f.severity.value == sev)  # noqa: E731
    summary = {
        "files": report.files,
        "posts": len(report.posts),
        "errors": count("error"),
        "warnings": count("warning"),
        "infos": count("info"),
        "fixable": sum(1 for f in report.findings if f.fix is not None),
        "published_not_checked": report.published,
        "baselined": report.baselined,
    }
    return indented({"version": 1, "findings": findings, "summary": summary}) + "\n"


_STRING = json.encoder.encode_basestring  # the C encoder when available, as json.dumps uses it


def indented(value: Any, indent: str = "") -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, faster: json.dumps drops to its
    pure-Python encoder whenever it indents, and a report of 10,000 posts is over a million values."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        joined = ",\n" + inner
        return (
            "{\n"
            + inner
            + joined.join([_STRING(k) + ": " + _leaf(v, inner) for k, v in value.items()])
            + "\n"
            + indent
            + "}"
        )
    if kind is list:
        if not value:
            return "[]"
        inner = indent + "  "
        joined = ",\n" + inner
        return "[\n" + inner + joined.join([_leaf(v, inner) for v in value]) + "\n" + indent + "]"
    return _leaf(value, indent)


def _leaf(value: Any, indent: str) -> str:
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is dict or kind is list:
        return indented(value, indent)
    return json.dumps(value, ensure_ascii=False)  # floats and the rest, as json.dumps writes them
