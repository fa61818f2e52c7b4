"""The VS Code extension under editors/vscode builds to a .vsix with @vscode/vsce (needs npm and its registry)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[1] / "editors" / "vscode"


def test_extension_starts_postcheck_server_and_has_a_path_setting():
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    assert "postcheck.path" in manifest["contributes"]["configuration"]["properties"]
    assert "vscode-languageclient" in manifest["dependencies"]
    script = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert '"server"' in script and '"-m", "postcheck", "server"' in script
    node = shutil.which("node")
    if node is not None:  # the script at least parses
        checked = subprocess.run([node, "--check", str(EXTENSION / "extension.js")], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def _npm_reachable() -> str | None:
    """Why the build cannot run here, or None."""
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed"
    try:
        ping = subprocess.run([npm, "ping"], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "the npm registry did not answer"
    return None if ping.returncode == 0 else f"the npm registry is unreachable: {ping.stderr.strip()[-200:]}"


def test_extension_builds_to_a_vsix(tmp_path: Path):
    if not (os.environ.get("CI") or os.environ.get("POSTCHECK_BUILD_VSIX")):  # half a minute of npm install
        pytest.skip("VS Code extension build runs in CI (CI=true) or with POSTCHECK_BUILD_VSIX=1")
    reason = _npm_reachable()
    if reason:
        pytest.skip(f"VS Code extension build skipped: {reason}")
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    npm = shutil.which("npm")
    install = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefer-offline"], cwd=work, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr[-2000:]
    package = subprocess.run([npm, "run", "package"], cwd=work, capture_output=True, text=True)
    assert package.returncode == 0, (package.stdout + package.stderr)[-2000:]
    with zipfile.ZipFile(work / "postcheck.vsix") as vsix:
        names = set(vsix.namelist())
        manifest = json.loads(vsix.read("extension/package.json"))
    assert {"extension/extension.js", "extension/package.json", "extension.vsixmanifest"} <= names
    assert "extension/node_modules/vscode-languageclient/package.json" in names  # the client ships inside
    assert not any(name.startswith("extension/node_modules/@vscode/vsce/") for name in names)  # the builder does not
    assert manifest["main"] == "./extension.js"
