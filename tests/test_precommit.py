"""The pre-commit hook works with the real pre-commit, in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = "---\nplatforms: [x]\nimages:\n  - file: media/gone.png\n    alt: Clinic times\n---\nOur clinics open today.\n"
GOOD = "---\nplatforms: [x]\n---\nOur clinics open today.\n"


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")
def test_pre_commit_try_repo_fails_on_a_bad_post_and_passes_a_good_one(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("needs the project as a git checkout")
    repo = tmp_path / "posts"
    repo.mkdir()
    (repo / "postcheck.toml").write_text("")
    (repo / "bad.md").write_text(BAD)
    (repo / "good.md").write_text(GOOD)
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "ci.yml").write_text("on: push\n")  # the config's `exclude` covers it
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    # Build the hook's environment offline from this machine's packages: no index, no build isolation.
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
    }

    def hook(*files: str) -> subprocess.CompletedProcess:
        command = ["pre-commit", "try-repo", str(ROOT), "postcheck", "--files", *files]
        return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, timeout=600)

    bad = hook("bad.md", "good.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:4:11: F004" in bad.stdout
    good = hook("good.md", ".github/workflows/ci.yml")
    assert good.returncode == 0, good.stdout + good.stderr
