"""The CI kit works as CI runs it: every `run:` step of action.yml, and the GitLab template's script, in a temporary
git repository with a pull request's branch, the CI's environment variables set, and postcheck installed offline."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from tests.conftest import offline_hook_env

ROOT = Path(__file__).resolve().parents[1]
OLD = "---\nplatforms: [x]\nimages:\n  - file: media/gone.png\n    alt: Clinic times\n---\nOld post. #flujab\n"
NEW = "---\nplatforms: [x]\nimages:\n  - file: media/lost.png\n    alt: Clinic times\n---\nBook your #flujabs.\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}


def _git(cwd: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env={**os.environ, **GIT_ENV}
    )
    return run.stdout


def pull_request_checkout(tmp_path: Path) -> Path:
    """A shallow checkout of a pull request's branch, as actions/checkout makes: `main` holds an old post with
    problems, the branch adds a new one, then main edits its post; the base branch is not fetched. Only the
    branch's post is the pull request's (from the merge base, not from main's tip)."""
    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q", "-b", "main")
    (origin / "postcheck.toml").write_text('platforms = ["x"]\n')
    (origin / "posts").mkdir()
    (origin / "posts" / "old.md").write_text(OLD)
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "old post")
    _git(origin, "checkout", "-qb", "feature")
    (origin / "posts" / "new.md").write_text(NEW)
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "new post")
    _git(origin, "checkout", "-q", "main")  # main moves on: its post changes after the branch left it
    (origin / "posts" / "old.md").write_text(OLD + "Edited on main.\n")
    _git(origin, "commit", "-qam", "edit on main")
    work = tmp_path / "work"
    _git(tmp_path, "clone", "-q", "--depth", "1", "--single-branch", "--branch", "feature", origin.as_uri(), str(work))
    return work


def ci_env(tmp_path: Path) -> dict[str, str]:
    """The test's environment for CI steps: postcheck installs offline, and `python3` is the running interpreter's."""
    env = offline_hook_env(tmp_path / "pre-commit")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env["PATH"]])
    for name in [n for n in env if n.startswith(("GITHUB_", "CI_", "RUNNER_"))]:
        del env[name]  # the tests may themselves run in CI
    return env


EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _substitute(text: str, values: dict[str, str]) -> str:
    def value(match: re.Match) -> str:
        assert match.group(1) in values, f"the test does not know the expression {match.group(0)}"
        return values[match.group(1)]

    return EXPRESSION.sub(value, text)


@pytest.fixture(scope="module")
def runner_temp(tmp_path_factory) -> Path:
    """RUNNER_TEMP, shared by the tests, with the virtualenv both CI kits install into made ahead: without pip, which
    takes seconds to add (the offline environment lends the running interpreter's pip), and found by both kits."""
    folder = tmp_path_factory.mktemp("runner-temp")
    venv = [sys.executable, "-m", "venv", "--without-pip", str(folder / "postcheck-venv")]
    subprocess.run(venv, check=True, capture_output=True)
    return folder


def run_action(
    workspace: Path, tmp_path: Path, runner_temp: Path, **given: str
) -> tuple[list[subprocess.CompletedProcess], Path]:
    """Run every `run:` step of action.yml with bash as the runner does; (the steps' runs, the runner's files)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs["ocr"] = "false"  # the OCR engine's wheels are not in the offline environment the test installs from
    inputs.update(given)
    values = {f"inputs.{name}": value for name, value in inputs.items()}
    values |= {"github.action_path": str(ROOT), "github.base_ref": "main"}
    files = tmp_path / "runner"
    files.mkdir()
    env = ci_env(tmp_path)
    env |= {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_BASE_REF": "main",
        "GITHUB_HEAD_REF": "feature",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_ACTION_PATH": str(ROOT),
        "RUNNER_TEMP": str(runner_temp),
    }
    for name in ("STEP_SUMMARY", "PATH", "OUTPUT", "ENV"):
        (files / name.lower()).write_text("")
        env[f"GITHUB_{name}"] = str(files / name.lower())
    runs = []
    for number, step in enumerate(action["runs"]["steps"]):
        if "run" not in step:
            continue
        assert step.get("shell") == "bash", "a composite action's run step names its shell"
        assert "if" not in step, "run steps run always: their conditions are in the script, where this test sees them"
        script = files / f"step{number}.sh"
        script.write_text(_substitute(step["run"], values))
        added = (files / "path").read_text().split()
        step_env = {**env, "PATH": os.pathsep.join([*reversed(added), env["PATH"]])}
        step_env |= {name: _substitute(str(value), values) for name, value in step.get("env", {}).items()}
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)]
        runs.append(subprocess.run(command, cwd=workspace, env=step_env, capture_output=True, text=True, timeout=300))
        if runs[-1].returncode != 0:
            break
    return runs, files


def test_action_checks_the_pull_requests_posts_with_annotations_a_summary_sarif_and_html(tmp_path, runner_temp):
    workspace = pull_request_checkout(tmp_path)
    runs, files = run_action(workspace, tmp_path, runner_temp, sarif="true")
    install, check = runs
    assert install.returncode == 0, install.stderr
    assert check.returncode == 1, check.stdout + check.stderr  # the new post has an error: the step fails
    annotations = check.stdout.splitlines()
    assert any(line.startswith("::error file=posts/new.md,line=4,") and "F004" in line for line in annotations)
    assert any(line.startswith("::warning file=posts/new.md,line=7,") and "A201" in line for line in annotations)
    assert "old.md" not in check.stdout  # main's post is not the pull request's
    summary = (files / "step_summary").read_text()
    assert summary.startswith("## postcheck\n")
    assert "| F004 | missing-media | 🔴 error | 1 |" in summary and "| A201 | hashtag-not-camel-case |" in summary
    assert "| posts/new.md | 4 | F004 | 🔴 error |" in summary and "old.md" not in summary
    assert "sarif-file=postcheck.sarif" in (files / "output").read_text()
    sarif = json.loads((workspace / "postcheck.sarif").read_text())
    assert {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]} == {"A201", "F004"}
    assert "<html" in (workspace / "postcheck-report.html").read_text()[:500].lower()
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(action["inputs"]) >= {"paths", "fail-on", "format", "changed-since", "html", "sarif"}
    uses = [step["uses"].split("@")[0] for step in action["runs"]["steps"] if "uses" in step]
    assert uses == ["actions/setup-python", "github/codeql-action/upload-sarif", "actions/upload-artifact"]


def test_gitlab_template_is_a_merge_request_job_with_code_quality_and_junit_reports():
    template = yaml.safe_load((ROOT / "ci" / "postcheck.gitlab-ci.yml").read_text(encoding="utf-8"))
    job = template["postcheck"]
    assert job["image"].startswith("python:")
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in job["rules"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {"codequality": "gl-code-quality.json", "junit": "postcheck-junit.xml"}
    assert job["variables"]["GIT_DEPTH"] == "0"


def test_gitlab_template_script_checks_the_merge_requests_posts(tmp_path, runner_temp):
    job = yaml.safe_load((ROOT / "ci" / "postcheck.gitlab-ci.yml").read_text(encoding="utf-8"))["postcheck"]
    workspace = pull_request_checkout(tmp_path)
    env = ci_env(tmp_path) | {name: str(value) for name, value in job["variables"].items()}
    env |= {
        "GITLAB_CI": "true",
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
        "CI_PROJECT_DIR": str(workspace),
        "POSTCHECK_PACKAGE": str(ROOT),  # this checkout, not the release the template names
        "POSTCHECK_VENV": str(runner_temp / "postcheck-venv"),
    }
    # The runner runs before_script and script in one bash session, stopping at the first line that fails.
    script = "\n".join(["set -eo pipefail", *job["before_script"], *job["script"]])
    run = subprocess.run(["bash", "-c", script], cwd=workspace, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr  # the last line fails on the new post's error
    quality = json.loads((workspace / "gl-code-quality.json").read_text())
    assert sorted((issue["location"]["path"], issue["check_name"]) for issue in quality) == [
        ("posts/new.md", "A201 hashtag-not-camel-case"),
        ("posts/new.md", "F004 missing-media"),
    ]
    suite = ElementTree.parse(workspace / "postcheck-junit.xml").getroot()
    assert suite.get("tests") == "1" and suite.get("failures") == "1"
    assert (workspace / "postcheck-report.html").is_file()
