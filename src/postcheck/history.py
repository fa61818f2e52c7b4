"""What git knows about the posts: which files changed on a branch, and when a post file was first committed."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path


class GitError(Exception):
    """git could not answer (not a repository, an unknown ref, no git installed); the message is one line."""

    def __init__(self, message: str, silent: bool = False) -> None:
        super().__init__(message)
        self.silent = silent  # git failed without a word on stderr


class GitMissing(GitError):
    """No git to ask: whether a folder is in a repository cannot be told from git's answer."""


def _git(args: list[str], cwd: Path | str | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=True, cwd=cwd)
    except FileNotFoundError:
        raise GitMissing("git is not installed (no `git` on PATH)") from None
    except (OSError, subprocess.CalledProcessError) as error:
        stderr = getattr(error, "stderr", b"") or b""
        lines = stderr.decode("utf-8", "replace").strip().splitlines()
        if not lines:  # `git merge-base` without a common ancestor fails silently: the caller words it
            raise GitError(f"git {args[0]} failed", silent=True) from None
        raise GitError(next((line for line in lines if line.startswith("fatal:")), lines[0])) from None
    return done.stdout.decode("utf-8", "surrogateescape")


def toplevel(cwd: Path | str | None = None) -> Path:
    """The top folder of the git work tree holding `cwd` (GitError outside one)."""
    return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())


def _names(output: str) -> list[str]:
    """File names from `git ... -z` output: NUL-separated and never quoted, whatever characters they hold."""
    return [name for name in output.split("\0") if name]


def changed_since(ref: str, where: Path | None = None) -> tuple[list[str], list[str]]:
    """Files changed on this branch since it left `ref` (the merge base of ref and HEAD), plus staged, unstaged and
    untracked changes, as (files that exist, files deleted); paths relative to the current directory. The
    repository is the one holding the folder `where` (the first path checked; by default the current folder).

    The merge base, not `ref` itself: once `main` moves on, its new commits are not this branch's changes. A deleted
    file counts, since the posts that used a deleted picture now break. A submodule is another repository, checked
    in its own CI: its changes are not listed.
    """
    if ref.startswith("-"):  # git would read it as one of its options
        raise GitError(f"{ref!r} is not a git revision (a branch, tag or commit)")
    top = toplevel(where)
    try:
        base = _git(["merge-base", ref, "HEAD"], top).strip()
    except GitError as error:
        detail = str(error)
        if "unknown revision" in detail or "bad revision" in detail or "Not a valid object name" in detail:
            detail = f"unknown revision {ref!r} (in CI, fetch the history it needs: "
            detail += "fetch-depth: 0 on GitHub, GIT_DEPTH: 0 on GitLab)"
        elif error.silent:
            detail = f"{ref} and HEAD share no history (no merge base; in a shallow clone, fetch the history it needs: "
            detail += "fetch-depth: 0 on GitHub, GIT_DEPTH: 0 on GitLab)"
        raise GitError(detail) from None
    if not base:
        raise GitError(f"{ref} and HEAD share no history (no merge base)")
    diff = ["diff", "-z", "--name-only", "--no-renames", "--ignore-submodules=all"]
    present = _names(_git([*diff, "--diff-filter=ACMRT", base], top))
    deleted = _names(_git([*diff, "--diff-filter=D", base], top))
    untracked = _names(_git(["ls-files", "-z", "--others", "--exclude-standard"], top))
    found = {os.path.relpath(top / name) for name in present + untracked if (top / name).is_file()}
    gone = {os.path.relpath(top / name) for name in deleted if not os.path.lexists(top / name)}
    return sorted(found), sorted(gone)


def first_committed(top: Path) -> dict[str, datetime]:
    """When each file now in the work tree was first committed (the commit that added it, renames followed),
    by path relative to `top`. A file absent from the map has never been committed.

    The author's date, not the committer's: a rebase, an amend or a cherry-pick rewrites the commit that added the
    post, and its committer date with it, but the post was written when its author committed it. A squash merge
    makes a new commit, whose date is the squash's. In a shallow clone (CI's), a file the clone's first commit
    holds was committed then or earlier, no one knows when: it counts as committed long ago, since it was on the
    branch before anything the clone can see (a late post is caught where it was added)."""
    out = _git(["log", "--reverse", "--topo-order", "-z", "--format=%x01%at %H %P", "--name-status", "-M",
                "--diff-filter=ADR"], top)  # fmt: skip
    shallow: set[str] | None = None  # the commits whose parents the clone lacks, read when a commit shows none
    long_ago = datetime.min.replace(tzinfo=UTC)
    added: dict[str, datetime] = {}
    when = datetime.fromtimestamp(0, UTC)
    fields = out.split("\0")  # "\x01<time> <hash> <parents>", then per file "A", path / "D", path / "R100", old, new
    i = 0
    while i < len(fields):
        item = fields[i].strip("\n")
        i += 1
        if item.startswith("\x01"):
            stamp, commit, *parents = item[1:].split(" ")
            when = datetime.fromtimestamp(int(stamp), UTC)
            if not parents or parents == [""]:
                if shallow is None:
                    shallow = _shallow_commits(top)
                if commit in shallow:
                    when = long_ago
        elif item == "A":
            added[fields[i]] = when
            i += 1
        elif item == "D":
            added.pop(fields[i], None)
            i += 1
        elif item.startswith("R"):
            old, new = fields[i], fields[i + 1]
            added[new] = added.pop(old, when)
            i += 2
    return added


def _shallow_commits(top: Path) -> set[str]:
    """The commits a shallow clone has without their parents (none in a full clone)."""
    path = Path(top, _git(["rev-parse", "--git-path", "shallow"], top).strip())
    try:
        return set(path.read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return set()
