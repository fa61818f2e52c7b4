"""The pre-commit hook works with the real pre-commit, in a temporary git repository, offline.

pre-commit builds the hook's environment as its users get it: a new virtualenv, then `pip install .` of this
repository. Offline, pip finds the build backend (hatchling) and the dependencies in the interpreter running the
tests: its site folders go on PYTHONPATH, build isolation is off and the index is off. That works the same from a
virtualenv and from a system interpreter (where a venv's `system site packages` would not reach a user site).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import offline_hook_env, run_cli, write

ROOT = Path(__file__).resolve().parents[1]
BAD = "---\nplatforms: [x]\nimages:\n  - file: media/gone.png\n    alt: Clinic times\n---\nOur clinics open today.\n"
GOOD = "---\nplatforms: [x]\n---\nOur clinics open today.\n"
WARNS = "---\nplatforms: [x]\n---\nBook your #flujabs today.\n"  # A201, a warning: the commit passes
RENOVATE = '{\n  "extends": ["config:recommended"],\n  "labels": ["dependencies"]\n}\n'
MKDOCS = "site_name: Posts\ntheme:\n  icon: !!python/name:material.extensions.emoji.twemoji\n"  # no safe_load


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def _posts_repo(repo: Path) -> None:
    files = {
        "postcheck.toml": "",
        "bad.md": BAD,
        "good.md": GOOD,
        "warns.md": WARNS,
        "renovate.json": RENOVATE,
        "mkdocs.yml": MKDOCS,
        ".github/workflows/ci.yml": "on: push\n",
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")


def test_pre_commit_try_repo_shows_warnings_passes_non_posts_and_fails_a_bad_post(tmp_path):
    # Each try-repo builds the hook environment afresh (about 6 s), so one test makes the two runs it needs.
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the test extra)")
    if not (ROOT / ".git").exists():
        pytest.skip("needs the project as a git checkout")
    repo = tmp_path / "posts"
    _posts_repo(repo)
    env = offline_hook_env(tmp_path / "cache")

    def hook(*names: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "postcheck", "--files", *names]
        return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, timeout=600)

    passing = hook("warns.md", "good.md", "renovate.json", "mkdocs.yml", ".github/workflows/ci.yml")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
    assert "warns.md:4:11: A201 " in passing.stdout and "#FluJabs" in passing.stdout  # the warning, shown
    for quiet in ("renovate.json", "mkdocs.yml", "ci.yml", "F001"):  # no posts: passed over without a word
        assert quiet not in passing.stdout
    failing = hook("bad.md", "good.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.md:4:11: F004" in failing.stdout


def test_the_hook_shows_its_output_when_it_passes():
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["verbose"] is True and hook["entry"].startswith("postcheck check")


# --- what the hook's entry does with the names pre-commit passes (fast: the CLI in-process, no hook environment)

PICTURED = (
    "---\nplatforms: [x]\nimages:\n  - file: media/clinic.png\n    alt: The clinic door\n---\nBook your #flujab.\n"
)


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _hook(repo: Path, *names: str, extra: tuple[str, ...] = ()):
    """The hook's entry as pre-commit runs it: `postcheck check --force-exclude NAMES`, from the repository's top."""
    return run_cli("check", "--force-exclude", *extra, "--format", "json", *names, cwd=repo)


def test_the_hook_entry_takes_media_config_baseline_excluded_and_non_post_names(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "posts/p.md": PICTURED, "posts/media/clinic.png": _png()})
    write(tmp_path, {"archive/old.md": BAD, "README.md": "# Posts\n", "renovate.json": RENOVATE})
    write(tmp_path, {"postcheck-baseline.json": '{"version": 1, "entries": []}\n', "posts/media/notes.txt": "x"})
    names = ["posts/media/clinic.png", "README.md", "renovate.json", "postcheck-baseline.json", "postcheck.toml"]
    run = _hook(tmp_path, *names)
    assert run.exit_code == 0, run.stderr
    assert {(f["path"], f["code"]) for f in run.json["findings"]} == {("posts/p.md", "A201")}  # the picture's post
    write(tmp_path, {"postcheck.toml": 'exclude = ["archive"]\n'})
    assert _hook(tmp_path, "archive/old.md").json["findings"] == []  # excluded: skipped, even when named


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 0),  # a warning does not fail the commit
        (("--fail-on", "warning"), 1),
        (("--fail-on", "info"), 1),
        (("--fail-on", "warning", "--exit-zero"), 0),
        (("--exit-zero", "--select", "no-such-rule"), 2),  # a usage error is never hidden
    ],
)
def test_the_hook_entry_exit_codes_follow_fail_on_and_exit_zero(tmp_path, args, code):
    write(tmp_path, {"postcheck.toml": "", "warns.md": WARNS})
    run = _hook(tmp_path, "warns.md", extra=args)
    assert run.exit_code == code, run.stderr
    if code == 2:
        assert len(run.stderr.strip().splitlines()) == 1


def test_the_hook_entry_with_a_name_that_is_gone_is_a_one_line_error(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "good.md": GOOD})
    run = _hook(tmp_path, "good.md", "deleted.md")
    assert run.exit_code == 2 and "deleted.md: no such file or directory" in run.stderr
