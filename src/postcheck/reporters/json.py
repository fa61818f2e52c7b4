"""The stable JSON format (version 1)."""

from __future__ import annotations

import json

from postcheck.reporters import Report


def render(report: Report, color: bool = False) -> str:
    """Findings and a summary as DESIGN.md shows."""
    findings = []
    for f in report.findings:
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
                "url": report.url(f.code, f.name),
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
    return json.dumps({"version": 1, "findings": findings, "summary": summary}, indent=2, ensure_ascii=False) + "\n"
