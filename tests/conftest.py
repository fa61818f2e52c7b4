"""Shared test helpers: run postcheck in-process on files written to a temporary folder."""

from __future__ import annotations

import json
import os
import site
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postcheck.cli import app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXED_NOW = "2026-11-24T12:00:00+00:00"


@dataclass
class Run:
    exit_code: int
    output: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.output)

    @property
    def codes(self) -> list[str]:
        return [f["code"] for f in self.json["findings"]]


def run_cli(*args: str, cwd: Path | None = None) -> Run:
    """Run `postcheck ARGS` in-process (the default command is check)."""
    import os

    from postcheck.cli import COMMANDS

    argv = list(args)
    first = next((a for a in argv if not a.startswith("-")), None)
    if first not in COMMANDS:
        argv.insert(0, "check")
    if argv[0] in ("check", "baseline") and "--now" not in argv:
        argv += ["--now", FIXED_NOW]  # which posts are published depends on the clock: tests fix it
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, argv, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result.exit_code, result.stdout, result.stderr)


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (text or bytes) under folder; returns folder."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def check_files(tmp_path: Path, files: dict[str, str | bytes], *args: str) -> Run:
    """Write files into a fresh posts root (with a postcheck.toml unless given) and check it as JSON."""
    files = dict(files)
    files.setdefault("postcheck.toml", "")
    write(tmp_path, files)
    return run_cli(".", "--format", "json", "--now", FIXED_NOW, "--no-cache", *args, cwd=tmp_path)


@pytest.fixture
def check(tmp_path):
    """check(files, *args) -> Run, in a fresh temporary posts root."""
    return lambda files, *args: check_files(tmp_path, files, *args)


def offline_hook_env(cache: Path) -> dict[str, str]:
    """Environment variables under which `pip install .` of this project works offline, from the packages of the
    interpreter running the tests: its site folders on PYTHONPATH (build backend and dependencies), no index, no
    build isolation. pre-commit builds its hook environments under them; `cache` is PRE_COMMIT_HOME."""
    folders = [*site.getsitepackages(), site.getusersitepackages()]
    here = [p for p in dict.fromkeys(folders) if Path(p).is_dir()]
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(cache),
        "PYTHONPATH": os.pathsep.join(filter(None, [*here, os.environ.get("PYTHONPATH", "")])),
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this "no-" switch inverted: "0" turns build isolation off
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
