"""Formats for CI systems: SARIF 2.1.0, JUnit XML, GitHub annotations, GitLab Code Quality, rdjson."""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections import Counter
from pathlib import Path, PurePath
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from postcheck import __version__
from postcheck.model import Source
from postcheck.reporters import Report, finding_source

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
# XML 1.0 allows no other control characters, no surrogates and not U+FFFE/U+FFFF, not even escaped
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _fingerprints(findings: list) -> list[str]:
    """A fingerprint per finding: unique in the run, and unchanged when lines are added above the finding.

    The key is path, code, message and the finding's rank among the (sorted) findings with the same three:
    two equal findings in one file must differ, since GitLab merges equal fingerprints.
    """
    seen: Counter = Counter()
    prints = []
    for f in findings:
        key = (f.display_path, f.code, f.message)
        prints.append(hashlib.sha256(json.dumps([*key, seen[key]]).encode()).hexdigest())
        seen[key] += 1
    return prints


def _end(span) -> tuple[int, int]:
    """(end line, end column); the end column is clamped to the start column only on a one-line span."""
    if span.end_line <= span.line:
        return span.line, max(span.end_column, span.column)
    return span.end_line, span.end_column


def _uri(path: str) -> str:
    """A display path as a relative URI reference (spaces, commas, colons, `#` ... percent-encoded); a file URI
    when the path is absolute."""
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix(), safe="/", errors="surrogateescape")


def sarif(report: Report, color: bool = False) -> str:
    """SARIF 2.1.0, as GitHub code scanning reads it."""
    from postcheck.rules import all_rules

    codes = sorted({f.code for f in report.findings})
    registry = all_rules()
    rules = []
    for code in codes:
        rule = registry.get(code)
        name = rule.name if rule else code
        entry = {
            "id": code,
            "name": name,
            "shortDescription": {"text": rule.summary if rule else code},
            "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity.value] if rule else "warning"},
        }
        url = report.url(code, name)
        if url:
            entry["helpUri"] = url
        entry["help"] = _help(code, rule.summary if rule else code, url)
        rules.append(entry)
    results = []
    for f, fingerprint in zip(report.findings, _fingerprints(report.findings), strict=True):
        end_line, end_column = _end(f.span)
        region = {"startLine": f.span.line, "startColumn": f.span.column, "endLine": end_line, "endColumn": end_column}
        result = {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": SARIF_LEVEL[f.severity.value],
            "message": {"text": f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.display_path)}, "region": region}}],
            "partialFingerprints": {"postcheck/v2": fingerprint},
        }
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "postcheck", "version": __version__, "rules": rules}},
                "results": results,
                "properties": {"publishedNotChecked": report.published, "baselined": report.baselined},
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _help(code: str, summary: str, url: str | None) -> dict[str, str]:
    """SARIF `help`: the rule's page from checks/ (its Markdown as written), or its summary and link."""
    from postcheck.catalogue import page_for

    page = page_for(code)
    text = f"{summary}." + (f" See {url}" if url else "")
    if page is None:
        return {"text": text}
    body = page.read_text(encoding="utf-8")
    if body.startswith("---"):  # the page's metadata is for postcheck, not for readers
        body = body.split("---", 2)[2].lstrip("\n")
    return {"text": text, "markdown": body}


def _xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def junit(report: Report, color: bool = False) -> str:
    """JUnit XML: one test case per post, failing with its findings."""
    by_post: dict[str, list] = {}
    for post in report.posts:
        name = post.display_path + (f":{post.row}" if post.row else "")
        by_post.setdefault(name, [])
    for f in report.findings:
        name = f.post.display_path + (f":{f.post.row}" if f.post.row else "")
        by_post.setdefault(name, []).append(f)
    failures = sum(1 for items in by_post.values() if items)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="postcheck" tests="{len(by_post)}" failures="{failures}">',
        f'  <testsuite name="postcheck" tests="{len(by_post)}" failures="{failures}" errors="0">',
        "    <properties>",
        f'      <property name="published_not_checked" value="{report.published}"/>',
        f'      <property name="baselined" value="{report.baselined}"/>',
        "    </properties>",
    ]
    for name, items in by_post.items():
        lines.append(f"    <testcase classname={quoteattr('postcheck')} name={quoteattr(_xml_text(name))}>")
        if items:
            text = "\n".join(f"{f.display_path}:{f.span.line}:{f.span.column}: {f.code} {f.message}" for f in items)
            message = f"{len(items)} problem{'s' if len(items) != 1 else ''}"
            lines.append(f"      <failure message={quoteattr(message)}>{escape(_xml_text(text))}</failure>")
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(report: Report, color: bool = False) -> str:
    """GitHub Actions workflow commands: an annotation per finding."""
    kind = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in report.findings:
        end_line, end_column = _end(f.span)
        props = [f"file={_github_escape(f.display_path, True)}", f"line={f.span.line}"]
        if end_line == f.span.line:  # GitHub takes columns only for an annotation on one line
            props += [f"col={f.span.column}", f"endLine={end_line}", f"endColumn={end_column}"]
        else:
            props.append(f"endLine={end_line}")
        props.append("title=" + _github_escape(f"{f.code} {f.name}", True))
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        lines.append(f"::{kind[f.severity.value]} {','.join(props)}::{_github_escape(message)}")
    if report.left_out():
        lines.append(f"::notice title=postcheck::{_github_escape('Not reported: ' + '; '.join(report.left_out()))}")
    return "\n".join(lines) + ("\n" if lines else "")


def gitlab(report: Report, color: bool = False) -> str:
    """GitLab Code Quality report (a JSON array of issues)."""
    issues = [
        {
            "description": f"{f.code} {f.message}",
            "check_name": f"{f.code} {f.name}",
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITY[f.severity.value],
            "location": {"path": f.display_path, "lines": {"begin": f.span.line, "end": _end(f.span)[0]}},
        }
        for f, fingerprint in zip(report.findings, _fingerprints(report.findings), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _byte_column(source: Source | None, line: int, column: int) -> int:
    """The 1-based UTF-8 byte column of a character column; the character column when the text is unknown."""
    if source is None:
        return column
    head = source.line_text(line, 0, column - 1)
    bom = len(codecs.BOM_UTF8) if source.bom and line == 1 else 0
    # a column past the end of the line (its line break) counts one byte a character, as the break does
    return len(head.encode("utf-8", "surrogatepass")) + column - len(head) + bom


def rdjson(report: Report, color: bool = False) -> str:
    """reviewdog's rdjson, with suggestions from fixes on the post's own file; columns in UTF-8 bytes."""
    diagnostics = []
    files: dict[str, Source | None] = {}
    for f in report.findings:
        source = finding_source(f, files)
        end_line, end_column = _end(f.span)
        item = {
            "message": f.message,
            "location": {
                "path": f.display_path,
                "range": {
                    "start": {"line": f.span.line, "column": _byte_column(source, f.span.line, f.span.column)},
                    "end": {"line": end_line, "column": _byte_column(source, end_line, end_column)},
                },
            },
            "severity": RDJSON_SEVERITY[f.severity.value],
            "code": {"value": f.code},
        }
        if f.fix is not None and f.source is not None and all(e.path in (None, f.post.path) for e in f.fix.edits):
            suggestions = []
            for edit in f.fix.edits:
                start = f.source.span(edit.offset, edit.offset + edit.length)
                suggestions.append(
                    {
                        "range": {
                            "start": {"line": start.line, "column": _byte_column(f.source, start.line, start.column)},
                            "end": {
                                "line": start.end_line,
                                "column": _byte_column(f.source, start.end_line, start.end_column),
                            },
                        },
                        "text": edit.content,
                    }
                )
            item["suggestions"] = suggestions
        diagnostics.append(item)
    return (
        json.dumps({"source": {"name": "postcheck"}, "diagnostics": diagnostics}, indent=2, ensure_ascii=False) + "\n"
    )
