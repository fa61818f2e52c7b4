"""Human-readable output: `path:line:col: CODE message`, the snippet, the fix, a summary."""

from __future__ import annotations

import unicodedata
from collections import Counter

from postcheck.model import Finding, Severity, Source
from postcheck.reporters import Report, finding_source

COLORS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "cyan": "36", "green": "32"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\033[{COLORS[style]}m{text}\033[0m" if color else text


# C0 and C1 controls and DEL: an ESC from a post, a file name or a server's reply could retitle the terminal or hide
# text, and a newline in a file name would break `path:line:col`. Shown escaped, as git and ruff show them.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}
_CONTROLS.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})
# In a snippet each control takes one column, the Unicode picture of it (␛), so the carets stay under the text.
_PICTURES = {c: chr(0x2400 + c) for c in range(0x20)} | {0x7F: "\u2421"} | {c: "\ufffd" for c in range(0x80, 0xA0)}
_PICTURES[ord("\t")] = " "  # a tab as one column


def escape_controls(text: str) -> str:
    """`text` with control characters escaped (`\\x1b`, `\\n`), safe to print to a terminal."""
    return text if text.isprintable() else text.translate(_CONTROLS)  # most text has none: no table lookups


WINDOW = 110  # characters of a long line shown around the problem
_BAR = {color: _paint("|", "dim", color) for color in (False, True)}
_NAMES = {severity: severity.value for severity in Severity}  # an enum's .value is a slow property, asked per finding


def _window(finding: Finding, files: dict[str, Source | None]) -> tuple[str, int, bool]:
    """(part of the finding's line, its first column index, whether the line goes on after it)."""
    source = finding_source(finding, files)
    if source is None:
        return "", 0, False
    whole = source.line_text(finding.span.line, 0, WINDOW + 1)
    if len(whole) <= WINDOW:
        return whole, 0, False  # the line fits: shown whole
    first = max(0, finding.span.column - 1 - 40)
    part = source.line_text(finding.span.line, first, WINDOW + 1)
    return part[:WINDOW], first, len(part) > WINDOW


def _snippet(finding: Finding, color: bool, files: dict[str, Source | None]) -> list[str]:
    part, first, more = _window(finding, files)
    if not part.strip():
        return []
    number = str(finding.span.line)
    pad = " " * len(number)
    line = ("…" if first else "") + part + ("…" if more else "")
    if not line.isprintable():  # controls shown as pictures; most lines have none
        line = line.translate(_PICTURES)
    start = finding.span.column - 1 - first + (1 if first else 0)
    width = finding.span.end_column - finding.span.column if finding.span.end_line == finding.span.line else 1
    width = max(1, min(width, len(line) - start))
    # carets under the characters as a terminal shows them: CJK and emoji take two columns, marks none
    lead, under = _columns(line[:start]), max(1, _columns(line[start : start + width]))
    bar = _BAR[color]
    return [
        f" {pad} {bar}",
        f" {number} {bar} {line}",
        f" {pad} {bar} {' ' * lead}{_paint('^' * under, _NAMES[finding.severity], color)}",
    ]


def _columns(text: str) -> int:
    """How many terminal columns `text` takes: wide (CJK, emoji) characters two, combining marks and joiners none."""
    if text.isascii():  # controls are pictures by now: one column each
        return len(text)
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200d\ufe0f\ufe0e" or unicodedata.category(ch) == "Cf":
            continue
        wide = unicodedata.east_asian_width(ch) in "WF" or "\U0001f000" <= ch <= "\U0001faff"
        total += 2 if wide else 1
    return total


def render(report: Report, color: bool = False) -> str:
    """One block per finding, grouped by file, then a summary."""
    out: list[str] = []
    files: dict[str, Source | None] = {}
    current = None
    for f in [] if report.statistics else report.findings:  # --statistics: the counts alone, as ruff's
        if f.display_path != current:
            if current is not None:
                out.append("")
            current = f.display_path
        location = _paint(f"{escape_controls(f.display_path)}:{f.span.line}:{f.span.column}:", "bold", color)
        severity = _NAMES[f.severity]
        code = _paint(f.code, severity, color)
        out.append(f"{location} {code} {escape_controls(f.message)} [{severity}]")
        out.extend(_snippet(f, color, files))
        if f.post.display_path != f.display_path:
            out.append(f"   = post: {escape_controls(f.post.display_path)}")
        if f.suggestion:
            how = ""
            if f.fix is not None:
                how = " (--fix)" if f.fix.applicability.value == "safe" else " (--unsafe-fixes)"
            out.append(f"   = {_paint('suggestion', 'green', color)}: {escape_controls(f.suggestion)}{how}")
        elif f.fix is not None:
            how = "--fix" if f.fix.applicability.value == "safe" else "--unsafe-fixes"
            out.append(f"   = {_paint('fixable', 'green', color)} with {how}")
    if report.statistics and report.findings:
        counts = Counter((f.code, f.name, f.severity.value) for f in report.findings)
        for (code, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:6d}  {code}  {name} [{severity}]")
    out.append(("\n" if report.findings else "") + _summary(report, color))
    return "\n".join(out) + "\n"


def _also(report: Report) -> str:
    return "".join(f"; {part}" for part in report.left_out())


def _summary(report: Report, color: bool) -> str:
    posts = len(report.posts)
    if posts == 0 and report.published:
        return f"Nothing to check: {'; '.join(report.left_out())} (--include-published checks them)."
    if posts == 0:
        return "No posts found: nothing to check (posts are .md files, YAML/JSON with `text:`, or bulk CSV)."
    counts = Counter(f.severity for f in report.findings)
    parts = [f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in Severity if counts[s]]
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    fixed = f"Fixed {plural(report.fixed, 'problem')}. " if report.fixed else ""
    if not report.findings:
        return _paint(
            f"{fixed}All clear: {plural(posts, 'post')} in {plural(report.files, 'file')}, no problems{_also(report)}.",
            "green",
            color,
        )
    fixes = Counter(f.fix.applicability.value for f in report.findings if f.fix)
    safe, unsafe = fixes["safe"], fixes["unsafe"]
    line = (
        f"{fixed}Found {plural(len(report.findings), 'problem')} ({', '.join(parts)}) in {plural(posts, 'post')}"
        f"{_also(report)}."
    )
    if safe:
        line += f" {safe} fixable with --fix."
    if unsafe:
        line += f" {unsafe} more with --unsafe-fixes."
    return _paint(line, "bold", color)
