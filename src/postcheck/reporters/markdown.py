"""A Markdown summary (counts per rule, then every finding in a table), for CI job summaries and comments."""

from __future__ import annotations

from collections import Counter

from postcheck.reporters import Report

MAX_ROWS = 1000  # GitHub takes 1 MiB of job summary: a run with more findings shows the first ones and says so
ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def _cell(text: str) -> str:
    """Text for a table cell: pipes escaped, lines joined, Markdown that would run on neutralised."""
    text = " ".join(text.split())
    for ch in "\\|*_`[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(report: Report, color: bool = False) -> str:
    """`## postcheck`, a summary line, a table of counts per rule and a table of the findings."""
    out = ["## postcheck", ""]
    posts = len(report.posts)
    left_out = report.left_out()  # published posts, baselined findings
    also = f" Not reported: {'; '.join(left_out)}." if left_out else ""
    if not posts:
        out.append("No posts to check." + also)
        return "\n".join(out) + "\n"
    if not report.findings:
        out.append(f"All clear: {_plural(posts, 'post')} in {_plural(report.files, 'file')}, no problems.{also}")
        return "\n".join(out) + "\n"
    counts = Counter(f.severity.value for f in report.findings)
    parts = ", ".join(_plural(counts[s], s) for s in ("error", "warning", "info") if counts[s])
    out.append(f"Found {_plural(len(report.findings), 'problem')} ({parts}) in {_plural(posts, 'post')}.{also}")
    out += ["", "| rule | name | severity | count |", "|---|---|---|---:|"]
    per_rule = Counter((f.code, f.name, f.severity.value) for f in report.findings)
    for (code, name, severity), n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        url = report.url(code, name)
        shown = f"[{code}]({url})" if url and not url.startswith("file:") else code  # a file URI is no link here
        out.append(f"| {shown} | {name} | {ICON[severity]} {severity} | {n} |")
    out += ["", "| file | line | rule | severity | message |", "|---|---:|---|---|---|"]
    for f in report.findings[:MAX_ROWS]:
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        row = [_cell(f.display_path), str(f.span.line), f.code, f"{ICON[f.severity.value]} {f.severity.value}"]
        out.append("| " + " | ".join([*row, _cell(message)]) + " |")
    if len(report.findings) > MAX_ROWS:
        out += ["", f"… and {len(report.findings) - MAX_ROWS} more: see the full report."]
    return "\n".join(out) + "\n"
