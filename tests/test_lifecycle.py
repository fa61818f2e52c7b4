"""A posts repository with a year of history: published posts, a baseline, --changed-since from the merge base."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, run_cli, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# FIXED_NOW is 2026-11-24: January's and February's posts have gone out, December's is still to come.
JAN = "---\nplatforms: [x]\npublish_at: 2026-01-10T10:00:00+00:00\n---\nBook your #flujab at the pharmacy.\n"
FEB = "---\nplatforms: [x]\npublish_at: 2026-02-10T10:00:00+00:00\n---\nKeep warm this winter #staywarm\n"
DEC = "---\nplatforms: [x]\npublish_at: 2026-12-10T10:00:00+00:00\n---\nCheck on a neighbour #lookoutforeachother\n"


def git(repo: Path, *args: str, when: str = "2026-01-01T09:00:00+00:00", rewrite: bool = False) -> str:
    """git at the time `when`; with `rewrite` (a rebase, an amend) the commits keep their author's date."""
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "Comms",
        "GIT_AUTHOR_EMAIL": "comms@example.nhs.uk",
        "GIT_COMMITTER_NAME": "Comms",
        "GIT_COMMITTER_EMAIL": "comms@example.nhs.uk",
    }
    if rewrite:
        del env["GIT_AUTHOR_DATE"]
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A", when=when)
    git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: January's and February's posts committed in time, December's committed in November."""
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, {"postcheck.toml": 'platforms = ["x"]\n', "posts/jan.md": JAN, "posts/feb.md": FEB})
    commit(tmp_path, "January and February", "2026-01-02T09:00:00+00:00")
    write(tmp_path, {"posts/dec.md": DEC})
    commit(tmp_path, "December", "2026-11-02T09:00:00+00:00")
    return tmp_path


def findings(repo: Path, *args: str) -> tuple[list[tuple[str, str]], dict]:
    run = run_cli(*args, "--format", "json", cwd=repo)
    assert run.exit_code in (0, 1), run.stderr
    data = run.json
    return sorted((f["path"], f["code"]) for f in data["findings"]), data["summary"]


def test_a_folder_run_reports_only_posts_still_to_go_out(repo):
    found, summary = findings(repo, ".")
    assert found == [("posts/dec.md", "A201")]
    assert summary["published_not_checked"] == 2
    text = run_cli(".", cwd=repo).output
    assert "2 published posts not checked" in text


def test_include_published_checks_them_all_without_p106(repo):
    found, summary = findings(repo, ".", "--include-published")
    assert {path for path, _ in found} == {"posts/jan.md", "posts/feb.md", "posts/dec.md"}
    assert "P106" not in {code for _, code in found}  # all were committed before they went out
    assert summary["published_not_checked"] == 0


def test_editing_a_published_post_raises_no_p106_but_its_other_findings(repo):
    (repo / "posts/jan.md").write_text(JAN.replace("pharmacy", "local pharmacy"), encoding="utf-8")
    found, _ = findings(repo, "posts/jan.md")  # pre-commit names the changed file
    assert found == [("posts/jan.md", "A201")]


def test_a_new_post_with_a_past_date_gets_p106(repo):
    late = JAN.replace("2026-01-10", "2026-11-20").replace("#flujab", "#FluJab")
    write(repo, {"posts/late.md": late})
    assert findings(repo, "posts/late.md")[0] == [("posts/late.md", "P106")]  # not committed yet
    commit(repo, "late post", "2026-11-23T09:00:00+00:00")  # committed after its date: still a mistake
    assert findings(repo, "posts/late.md")[0] == [("posts/late.md", "P106")]


def test_a_moved_post_keeps_the_date_it_was_first_committed(repo):
    git(repo, "mv", "posts/jan.md", "posts/2026-01-jan.md")
    commit(repo, "tidy", "2026-11-20T09:00:00+00:00")
    assert findings(repo, "posts/2026-01-jan.md")[0] == [("posts/2026-01-jan.md", "A201")]


def test_a_rebased_or_amended_post_keeps_the_date_it_was_first_committed(repo):
    """Rebasing or amending rewrites the committer's date, not the author's: the post was written in time."""
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, {"posts/late.md": DEC.replace("2026-12-10", "2026-11-20").replace("#lookoutforeachother", "")})
    commit(repo, "written in time", "2026-11-15T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    write(repo, {"posts/other.md": DEC})
    commit(repo, "main moves on", "2026-11-16T09:00:00+00:00")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main", when="2026-11-22T09:00:00+00:00", rewrite=True)  # after the post's date
    git(repo, "commit", "-q", "--amend", "-m", "reworded", when="2026-11-23T09:00:00+00:00", rewrite=True)
    assert findings(repo, "posts/late.md")[0] == []


def test_in_a_shallow_clone_an_edit_to_a_published_post_raises_no_p106(repo, tmp_path_factory):
    """GitLab clones 20 commits deep by default: a post older than that shows as added by the clone's first commit,
    which only says it was committed then or before. It is no new post."""
    for day in ("03", "04", "05"):
        write(repo, {f"posts/filler-{day}.md": DEC})
        commit(repo, f"filler {day}", f"2026-11-{day}T09:00:00+00:00")
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True)
    (clone / "posts/jan.md").write_text(JAN.replace("pharmacy", "local pharmacy"), encoding="utf-8")
    assert findings(clone, "posts/jan.md")[0] == [("posts/jan.md", "A201")]
    late = JAN.replace("2026-01-10", "2026-11-20").replace("#flujab", "#FluJab")
    write(clone, {"posts/late.md": late})
    commit(clone, "late post", "2026-11-23T09:00:00+00:00")
    assert findings(clone, "posts/late.md")[0] == [("posts/late.md", "P106")]  # committed in the clone: known


def test_a_squash_merged_post_is_first_committed_when_the_squash_is(repo):
    """`git merge --squash` makes a new commit: the post enters main then (the branch's commits are not in main)."""
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, {"posts/late.md": DEC.replace("2026-12-10", "2026-11-20").replace("#lookoutforeachother", "")})
    commit(repo, "written in time", "2026-11-15T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--squash", "feature")
    commit(repo, "squashed late", "2026-11-22T09:00:00+00:00")
    git(repo, "branch", "-q", "-D", "feature")
    assert findings(repo, "posts/late.md")[0] == [("posts/late.md", "P106")]


def test_a_post_whose_date_was_edited_after_it_went_out_is_judged_by_the_date_it_has(repo):
    (repo / "posts/jan.md").write_text(JAN.replace("2026-01-10", "2026-01-11"), encoding="utf-8")
    commit(repo, "the date it really went out", "2026-11-20T09:00:00+00:00")
    assert findings(repo, "posts/jan.md")[0] == [("posts/jan.md", "A201")]  # committed in January: no P106


@pytest.mark.parametrize("status", ["Published", "PUBLISHED", " published "])
def test_status_is_read_in_any_case(repo, status):
    write(repo, {"posts/dec.md": DEC.replace("platforms: [x]", f"platforms: [x]\nstatus: '{status}'")})
    found, summary = findings(repo, ".")
    assert found == [] and summary["published_not_checked"] == 3
    assert findings(repo, "posts/dec.md")[0] == [("posts/dec.md", "A201")]  # named: checked, and no P106


def test_outside_git_a_named_post_with_a_past_date_gets_p106(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "jan.md": JAN.replace("#flujab", "#FluJab")})
    assert findings(tmp_path, "jan.md")[0] == [("jan.md", "P106")]
    assert findings(tmp_path, ".")[0] == []  # published: a folder run leaves it out


def test_status_marks_a_post_published_or_draft_whatever_its_date(repo):
    write(repo, {"posts/dec.md": DEC.replace("platforms: [x]", "platforms: [x]\nstatus: published")})
    found, summary = findings(repo, ".")
    assert found == [] and summary["published_not_checked"] == 3
    draft = JAN.replace("platforms: [x]", "platforms: [x]\nstatus: draft").replace("#flujab", "#FluJab")
    write(repo, {"posts/idea.md": draft})
    assert findings(repo, "posts/idea.md")[0] == []  # a draft: no P106, and a folder run checks it
    assert ("posts/idea.md", "P106") not in findings(repo, ".")[0]


def test_an_unknown_status_is_f003(repo):
    write(repo, {"posts/dec.md": DEC.replace("platforms: [x]", "platforms: [x]\nstatus: posted")})
    assert ("posts/dec.md", "F003") in findings(repo, "posts/dec.md")[0]


def test_a_csv_status_column_marks_rows_published(tmp_path):
    csv = (
        "date,time_24hr,message_text,status\n"
        "10/12/2026,10:00,Future row #flujab,Sent\n"
        "11/12/2026,10:00,Another row #staywarm,Scheduled\n"
    )
    write(tmp_path, {"postcheck.toml": 'platforms = ["x"]\n', "bulk.csv": csv})
    found, summary = findings(tmp_path, ".")
    assert summary["published_not_checked"] == 1 and summary["posts"] == 1


# ------------------------------------------------------------------------------------------- changed-since


@pytest.fixture
def branch(repo: Path) -> Path:
    """A branch that adds one post, while main moves on and edits December's post."""
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, {"posts/branch.md": DEC.replace("#lookoutforeachother", "#winterwell")})
    commit(repo, "branch post", "2026-11-10T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    write(repo, {"posts/dec.md": DEC.replace("neighbour", "friend")})
    commit(repo, "main moves on", "2026-11-12T09:00:00+00:00")
    git(repo, "checkout", "-q", "feature")
    return repo


def test_changed_since_checks_exactly_the_branch_posts(branch):
    found, _ = findings(branch, ".", "--changed-since", "main")
    assert {path for path, _ in found} == {"posts/branch.md"}


def test_changed_since_takes_uncommitted_and_odd_file_names(branch):
    odd = "posts/café\tnight.md"
    write(branch, {odd: DEC.replace("#lookoutforeachother", "#nightclinic")})
    found, _ = findings(branch, ".", "--changed-since", "main")
    assert {path for path, _ in found} == {"posts/branch.md", odd}


def test_a_config_change_rechecks_every_post(branch):
    (branch / "postcheck.toml").write_text('platforms = ["x"]\n[moderation]\nstaff = ["Jane Example"]\n')
    run = run_cli(".", "--changed-since", "main", "--format", "json", cwd=branch)
    paths = {f["path"] for f in run.json["findings"]}
    assert paths == {"posts/branch.md", "posts/dec.md"}  # every post still to go out
    assert "postcheck.toml changed since main: checking every post" in run.stderr


def test_changed_since_an_unknown_ref_is_one_line(repo):
    run = run_cli(".", "--changed-since", "no-such-branch", cwd=repo)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "--changed-since no-such-branch" in run.stderr
    run = run_cli(".", "--changed-since=--all", cwd=repo)  # never handed to git as one of its options
    assert run.exit_code == 2 and "'--all' is not a git revision" in run.stderr


def test_changed_since_without_a_merge_base_says_so_in_one_line(branch, tmp_path):
    """A shallow clone that fetched the base branch's tip alone has no merge base: git says nothing, we must."""
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{branch}", str(clone)], check=True
    )
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    run = run_cli(".", "--changed-since", "origin/main", cwd=clone)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "no merge base" in run.stderr and "fetch-depth: 0" in run.stderr
    assert "returned non-zero exit status" not in run.stderr


def _png(width: int = 8) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, 8), "white").save(buffer, "PNG")
    return buffer.getvalue()


WITH_SHARED = DEC.replace("---\nCheck", "images:\n  - file: ../shared/clinic.png\n    alt: The clinic door\n---\nCheck")


@pytest.fixture
def media_repo(repo: Path) -> Path:
    """main with a post in posts/ and one in other/ that both use a picture in shared/; the branch `feature`."""
    write(repo, {"shared/clinic.png": _png(), "posts/pic.md": WITH_SHARED, "other/pic.md": WITH_SHARED})
    commit(repo, "pictures", "2026-11-03T09:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "feature")
    return repo


def test_changed_since_checks_the_posts_of_a_deleted_picture(media_repo):
    (media_repo / "shared/clinic.png").unlink()  # the posts are unchanged, but now break (F004)
    commit(media_repo, "drop the picture", "2026-11-04T09:00:00+00:00")
    run = run_cli(".", "--changed-since", "main", "--format", "json", cwd=media_repo)
    assert run.exit_code == 1, run.stderr
    assert {(f["path"], f["code"]) for f in run.json["findings"] if f["code"] == "F004"} == {
        ("posts/pic.md", "F004"),
        ("other/pic.md", "F004"),
    }


def test_changed_since_on_one_folder_checks_its_posts_whose_picture_changed_in_another(media_repo):
    write(media_repo, {"shared/clinic.png": _png(width=9)})
    commit(media_repo, "new picture", "2026-11-04T09:00:00+00:00")
    run = run_cli("posts", "--changed-since", "main", "--format", "json", cwd=media_repo)
    assert {f["path"] for f in run.json["findings"]} == {"posts/pic.md"}  # not other/pic.md: not asked for
    inside = run_cli(".", "--changed-since", "main", "--format", "json", cwd=media_repo / "posts")
    assert {f["path"] for f in inside.json["findings"]} == {"pic.md"}  # run from the folder itself


def test_changed_since_in_a_repository_whose_posts_root_is_a_subfolder(repo):
    """site/ holds postcheck.toml: the posts root is below the repository's top, whichever folder the run is from."""
    git(repo, "mv", "postcheck.toml", "posts/postcheck.toml")
    write(repo, {"posts/media/clinic.png": _png(), "posts/pic.md": WITH_SHARED.replace("../shared/", "media/")})
    commit(repo, "the posts root is posts/", "2026-11-03T09:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, {"posts/media/clinic.png": _png(width=9), "docs/notes.md": "# Notes\n"})
    commit(repo, "new picture", "2026-11-04T09:00:00+00:00")
    runs = [(repo, ".", "posts/pic.md"), (repo, "posts", "posts/pic.md"), (repo / "posts", ".", "pic.md")]
    for where, given, shown in runs:
        run = run_cli(given, "--changed-since", "main", "--format", "json", cwd=where)
        assert [f["path"] for f in run.json["findings"]] == [shown], (where, run.stderr)


def test_changed_since_asks_the_repository_of_the_checked_folder_not_of_the_current_one(branch, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # a CI job's working folder, outside the checkout
    run = run_cli(str(branch / "posts"), "--changed-since", "main", "--format", "json", cwd=elsewhere)
    assert run.exit_code == 0, run.stderr
    assert [f["path"] for f in run.json["findings"]] == [str(branch / "posts/branch.md")]


def test_changed_since_renamed_posts_with_and_without_edits_are_checked_deleted_ones_are_not(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    git(repo, "mv", "posts/dec.md", "posts/december.md")
    (repo / "posts/feb.md").unlink()
    write(repo, {"posts/january.md": JAN.replace("2026-01-10", "2026-12-11")})
    (repo / "posts/jan.md").unlink()
    commit(repo, "renames", "2026-11-05T09:00:00+00:00")
    found, _ = findings(repo, ".", "--changed-since", "main")
    assert found == [("posts/december.md", "A201"), ("posts/january.md", "A201")]


def test_changed_since_works_from_a_merge_commit_and_a_detached_head(branch):
    git(branch, "merge", "-q", "--no-ff", "-m", "merge main", "main", when="2026-11-13T09:00:00+00:00")
    found, _ = findings(branch, ".", "--changed-since", "main")
    assert {path for path, _ in found} == {"posts/branch.md"}  # main's own edit, merged in, is not the branch's
    git(branch, "checkout", "-q", "--detach", "HEAD")
    assert findings(branch, ".", "--changed-since", "main")[0] == found


def test_changed_since_without_git_or_outside_a_repository_is_one_line(repo, tmp_path_factory, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-git-here"))
    run = run_cli(".", "--changed-since", "main", cwd=repo)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "git is not installed" in run.stderr
    monkeypatch.undo()
    outside = write(tmp_path_factory.mktemp("plain"), {"postcheck.toml": "", "p.md": DEC})
    run = run_cli(".", "--changed-since", "main", cwd=outside)
    assert run.exit_code == 2 and "not a git repository" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_without_git_a_post_in_the_repository_gets_no_p106_but_a_note(repo, monkeypatch):
    """Whether a published post was committed in time cannot be told without git: no P106 (it is not "outside git"),
    and one note says why."""
    monkeypatch.setenv("PATH", str(repo / "no-git-here"))
    run = run_cli("posts/jan.md", "--format", "json", cwd=repo)
    assert "P106" not in {f["code"] for f in run.json["findings"]}
    assert "P106: git is not installed" in run.stderr


def test_changed_since_takes_names_git_would_quote(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    git(repo, "config", "core.quotePath", "true")
    names = ['posts/say "hi".md', "posts/two\nlines.md", "posts/ünïcode €.md", "posts/a b/c d.md"]
    write(repo, {name: DEC for name in names})
    commit(repo, "odd names", "2026-11-05T09:00:00+00:00")
    found, _ = findings(repo, ".", "--changed-since", "main")
    assert {path for path, _ in found} == set(names)


def test_changed_since_leaves_a_submodule_to_its_own_repository(repo, tmp_path):
    module = tmp_path / "module"
    module.mkdir()
    git(module, "init", "-q", "-b", "main")
    write(module, {"theirs.md": DEC})
    commit(module, "their post", "2026-11-02T09:00:00+00:00")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(module), "vendored")
    commit(repo, "submodule", "2026-11-03T09:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, {"vendored/theirs.md": DEC + "Edited here #editedhere\n", "posts/mine.md": DEC})
    found, _ = findings(repo, ".", "--changed-since", "main")
    assert {path for path, _ in found} == {"posts/mine.md"}


def test_changed_since_works_in_a_git_worktree_and_a_crlf_checkout(repo, tmp_path):
    git(repo, "config", "core.autocrlf", "true")
    other = tmp_path / "other-worktree"
    git(repo, "worktree", "add", "-q", "-b", "feature", str(other))
    write(other, {"posts/new.md": DEC.replace("\n", "\r\n")})
    commit(other, "new post", "2026-11-05T09:00:00+00:00")
    found, _ = findings(other, ".", "--changed-since", "main")
    assert found == [("posts/new.md", "A201")]


# ------------------------------------------------------------------------------------------------ baseline


def test_baseline_hides_known_findings_and_survives_inserted_lines(repo):
    run = run_cli("baseline", cwd=repo)
    assert run.exit_code == 0, run.stderr
    entries = json.loads((repo / "postcheck-baseline.json").read_text())["entries"]
    assert {e["path"] for e in entries} == {"posts/jan.md", "posts/feb.md", "posts/dec.md"}  # published too
    assert findings(repo, ".") == ([], findings(repo, ".")[1])
    moved = DEC.replace("---\nCheck", "---\nA new first line.\n\nAnd another.\nCheck")
    (repo / "posts/dec.md").write_text(moved, encoding="utf-8")
    found, summary = findings(repo, ".")
    assert found == [] and summary["baselined"] == 1
    (repo / "posts/dec.md").write_text(moved + "\nBook now #bookyourjab\n", encoding="utf-8")
    assert findings(repo, ".")[0] == [("posts/dec.md", "A201")]  # a new finding is reported


def test_baseline_prune_removes_entries_that_match_nothing(repo):
    run_cli("baseline", cwd=repo)
    before = json.loads((repo / "postcheck-baseline.json").read_text())["entries"]
    (repo / "posts/dec.md").write_text(DEC.replace("#lookoutforeachother", "#LookOutForEachOther"))
    write(repo, {"posts/new.md": DEC.replace("#lookoutforeachother", "#newtagsoon")})
    run = run_cli("baseline", "--prune", cwd=repo)
    assert run.exit_code == 0 and "1 removed" in run.output
    after = json.loads((repo / "postcheck-baseline.json").read_text())["entries"]
    assert len(after) == len(before) - 1  # prune adds nothing: new.md's finding is not baselined
    assert findings(repo, ".")[0] == [("posts/new.md", "A201")]


def test_baseline_prune_removes_the_entries_of_a_post_renamed_or_deleted(repo):
    run_cli("baseline", cwd=repo)
    (repo / "posts/dec.md").rename(repo / "posts/december.md")
    assert findings(repo, ".")[0] == [("posts/december.md", "A201")]  # its entry named the old path
    run = run_cli("baseline", "--prune", cwd=repo)
    assert run.exit_code == 0 and "1 removed" in run.output
    paths = {e["path"] for e in json.loads((repo / "postcheck-baseline.json").read_text())["entries"]}
    assert paths == {"posts/jan.md", "posts/feb.md"}
    (repo / "posts/feb.md").unlink()
    run_cli("baseline", "posts/jan.md", cwd=repo)  # a file gone matches nothing, whichever posts are named
    paths = {e["path"] for e in json.loads((repo / "postcheck-baseline.json").read_text())["entries"]}
    assert paths == {"posts/jan.md"}  # and prune added nothing for december.md


def test_baseline_of_one_folder_keeps_the_entries_of_others(repo):
    write(repo, {"other/x.md": DEC.replace("#lookoutforeachother", "#othertagnow")})
    run_cli("baseline", cwd=repo)
    (repo / "posts/dec.md").write_text(DEC.replace("#lookoutforeachother", "#LookOutForEachOther"))
    run_cli("baseline", "posts", cwd=repo)
    paths = {e["path"] for e in json.loads((repo / "postcheck-baseline.json").read_text())["entries"]}
    assert "other/x.md" in paths and "posts/dec.md" not in paths


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"version": 1}',
        '{"version": 2, "entries": []}',
        '{"version": 1, "entries": [{"path": 1}]}',
        '{"version": true, "entries": []}',
    ],
)
def test_a_malformed_baseline_is_a_one_line_error(repo, content):
    (repo / "postcheck-baseline.json").write_text(content)
    run = run_cli(".", cwd=repo)
    assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "postcheck-baseline.json" in run.stderr


def _entries(repo: Path) -> list[dict]:
    return json.loads((repo / "postcheck-baseline.json").read_text(encoding="utf-8"))["entries"]


def test_a_baseline_from_a_newer_postcheck_says_so_and_is_never_overwritten(repo):
    newer = '{"version": 2, "entries": []}\n'
    (repo / "postcheck-baseline.json").write_text(newer)
    for args in [(".",), ("baseline",), ("baseline", "--prune")]:
        run = run_cli(*args, cwd=repo)
        assert run.exit_code == 2 and len(run.stderr.strip().splitlines()) == 1, args
        assert "newer postcheck" in run.stderr and "version 2" in run.stderr and "Traceback" not in run.stderr
    (repo / "postcheck-baseline.json").write_text("{broken")
    assert run_cli("baseline", cwd=repo).exit_code == 2
    assert (repo / "postcheck-baseline.json").read_text() == "{broken"  # a bad file is never replaced silently


def test_a_baseline_that_leads_out_of_the_posts_root_is_not_read_nor_written(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "postcheck-baseline.json").write_text('{"version": 1, "entries": []}\n')
    (repo / "postcheck-baseline.json").symlink_to(outside / "postcheck-baseline.json")
    for args in [(".",), ("baseline",)]:
        run = run_cli(*args, cwd=repo)
        assert run.exit_code == 2 and "leads out of the posts root" in run.stderr, args
        assert len(run.stderr.strip().splitlines()) == 1
    (repo / "postcheck-baseline.json").unlink()
    (repo / "linked").symlink_to(outside, target_is_directory=True)
    (repo / "postcheck.toml").write_text('platforms = ["x"]\nbaseline = "linked/new-baseline.json"\n')
    run = run_cli("baseline", cwd=repo)
    assert run.exit_code == 2 and "leads out of the posts root" in run.stderr
    assert not (outside / "new-baseline.json").exists()


def test_baseline_is_written_readable_into_a_new_folder_and_rewrites_without_churn(repo):
    (repo / "postcheck.toml").write_text('platforms = ["x"]\nbaseline = "ci/baseline.json"\n')
    assert run_cli("baseline", cwd=repo).exit_code == 0
    written = repo / "ci/baseline.json"
    assert written.stat().st_mode & 0o777 == 0o644  # a shared checkout's other users and CI read it
    first = written.read_bytes()
    assert run_cli("baseline", cwd=repo).exit_code == 0 and written.read_bytes() == first
    assert run_cli("baseline", "--prune", cwd=repo).exit_code == 0 and written.read_bytes() == first
    os.chmod(written, 0o664)
    run_cli("baseline", cwd=repo)
    assert written.stat().st_mode & 0o777 == 0o664  # a mode the team chose is kept


def test_a_post_whose_file_name_is_not_utf8_is_baselined_without_a_traceback(repo):
    name = os.fsdecode(b"posts/caf\xe9.md")
    try:
        (repo / name).write_text(DEC, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes UTF-8 names only")
    run = run_cli("baseline", cwd=repo)
    assert run.exit_code == 0, run.stderr
    assert name in {e["path"] for e in _entries(repo)}
    assert findings(repo, ".")[0] == []


def test_two_equal_findings_in_a_post_are_two_entries(repo):
    twice = DEC.replace("#lookoutforeachother", "#lookoutforeachother and #lookoutforeachother")
    (repo / "posts/dec.md").write_text(twice, encoding="utf-8")
    run_cli("baseline", cwd=repo)
    assert sum(e["path"] == "posts/dec.md" for e in _entries(repo)) == 2
    assert findings(repo, ".")[0] == []
    (repo / "posts/dec.md").write_text(twice + "And #lookoutforeachother\n", encoding="utf-8")
    found, summary = findings(repo, ".")
    assert found == [("posts/dec.md", "A201")] and summary["baselined"] == 2  # the third one is new


def test_baselined_findings_in_media_files_stay_baselined_from_any_folder(repo):
    """A finding in a caption file is fingerprinted by the file's place in the root, not by how the run shows it."""
    vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n" + "A caption line far too long for any screen to show well\n"
    video = DEC.replace("---\nCheck", "videos:\n  - file: media/clip.mp4\n    captions: media/clip.vtt\n---\nCheck")
    fixture = next(Path(__file__).resolve().parents[1].glob("fixtures/*/media/*.mp4"))
    write(repo, {"posts/dec.md": video, "posts/media/clip.vtt": vtt, "posts/media/clip.mp4": fixture.read_bytes()})
    run_cli("baseline", cwd=repo)
    assert any(e["code"] == "A305" for e in _entries(repo))
    assert findings(repo, ".")[0] == []
    assert findings(repo / "posts", ".")[0] == []
    assert findings(repo, str(repo / "posts"))[0] == []  # an absolute path shows absolute paths


def test_baseline_and_changed_since_together_report_only_new_findings_of_changed_posts(repo):
    write(repo, {"posts/jan2.md": DEC.replace("#lookoutforeachother", "#oldtag")})
    run_cli("baseline", cwd=repo)
    commit(repo, "baseline", "2026-11-03T09:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "feature")
    moved = DEC.replace("---\nCheck", "---\nA new first line.\nCheck")  # its baselined finding moves down
    write(repo, {"posts/dec.md": moved, "posts/new.md": DEC.replace("#lookoutforeachother", "#bookyourjab")})
    commit(repo, "edit and add", "2026-11-04T09:00:00+00:00")
    found, summary = findings(repo, ".", "--changed-since", "main")
    assert found == [("posts/new.md", "A201")] and summary["baselined"] == 1 and summary["posts"] == 2


def test_baseline_can_be_turned_off_or_moved(repo):
    run_cli("baseline", cwd=repo)
    (repo / "postcheck.toml").write_text('platforms = ["x"]\nbaseline = ""\n')
    assert findings(repo, ".")[0] == [("posts/dec.md", "A201")]
    off = run_cli("baseline", cwd=repo)
    assert off.exit_code == 2 and 'baseline = ""' in off.stderr and len(off.stderr.strip().splitlines()) == 1
    (repo / "postcheck.toml").write_text('platforms = ["x"]\nbaseline = "../elsewhere.json"\n')
    run = run_cli(".", cwd=repo)
    assert run.exit_code == 2 and "baseline must be a file path inside the posts root" in run.stderr


def test_now_decides_what_is_published(repo):
    found, summary = findings(repo, ".", "--now", "2026-01-05T00:00:00+00:00")
    assert summary["published_not_checked"] == 0
    assert {path for path, _ in found} == {"posts/jan.md", "posts/feb.md", "posts/dec.md"}
    assert FIXED_NOW.startswith("2026-11-24")
