"""The README stays true: its rules table matches the registry, its test command is what CI runs.

Regenerate the table with `python -m tests.test_readme`.
"""

from __future__ import annotations

import re
from pathlib import Path

from postcheck.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MARKERS = re.compile(r"(<!-- rules:start -->\n).*?(<!-- rules:end -->)", re.DOTALL)


def rules_table() -> str:
    rows = ["| code | name | sev | fix | checks |", "|---|---|---|---|---|"]
    for rule in all_rules().values():
        fix = {"safe": "S", "unsafe": "U", "safe/unsafe": "S/U"}.get(rule.fixable or "", "")
        rows.append(f"| [{rule.code}](checks/) | {rule.name} | {rule.severity.letter} | {fix} | {rule.summary} |")
    return "\n".join(rows) + "\n"


def _pages() -> dict[str, str]:
    return {p.name.split("-")[0]: p.name for p in (ROOT / "checks").glob("[A-Z][0-9]*.md")}


def expected_readme() -> str:
    table = rules_table()
    for code, name in _pages().items():
        table = table.replace(f"[{code}](checks/)", f"[{code}](checks/{name})")
    return MARKERS.sub(lambda m: m.group(1) + table + m.group(2), README.read_text(encoding="utf-8"))


def test_readme_rules_table_matches_the_registry():
    assert README.read_text(encoding="utf-8") == expected_readme(), "run: python -m tests.test_readme"


def test_ci_runs_the_readme_test_command():
    readme = README.read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2, "the quick start is exactly two commands"
    assert ".venv/bin/postcheck check" in commands[0] and commands[0].endswith(" fixtures/posts")
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in commands:  # PEP 668: a system python3 takes no pip install outside a virtual environment
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install ")


def quick_start_demo() -> list[str]:
    """The arguments the README's first quick-start command gives `postcheck`."""
    import shlex

    readme = README.read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    first = block.strip().splitlines()[0]
    return shlex.split(first.split(".venv/bin/postcheck ", 1)[1])


if __name__ == "__main__":
    README.write_text(expected_readme(), encoding="utf-8")
    print("README.md rules table updated")
