"""Discover posts, run the selected rules on them, apply suppressions and severities."""

from __future__ import annotations

import fnmatch
import gc
import os
import re
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from postcheck.config import Config
from postcheck.context import NOTICES, Context
from postcheck.loaders import Unreadable, check_text, load_posts, unreadable_post
from postcheck.media import CAPTION_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES, ocr_missing
from postcheck.model import Finding, Post, Problem, Severity, Source
from postcheck.rules import Rule, all_rules

if TYPE_CHECKING:
    from postcheck.results_cache import ResultCache
    from postcheck.rules.alt_text import ImageTextReader

MAX_DEPTH = 100  # folders below a checked folder; os.walk (Python 3.11) recurses once per level
MAX_PER_CODE = 100  # findings of one code listed per post and per file; the rest become one summary finding
T = TypeVar("T")
MIN_POOL = 200  # posts to check before a process pool pays for its start


# A forked process (a run's workers, A107's reader) never collects what it inherited: the parent's uncollected
# garbage may hold a C library's threads that did not come with the fork (PyAV's filter graphs), and freeing it there
# waited for them for ever. Frozen before the fork, thawed in the parent after it.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=gc.freeze, after_in_parent=gc.unfreeze)
# Folders no post lives in, left out of a folder run even when a config's `exclude` replaces the defaults: git's
# own, and postcheck's cache (whose JSON files would be read as candidate posts on every run).
ALWAYS_EXCLUDED = (".git", ".postcheck_cache")


def excluded(config: Config) -> tuple[str, ...]:
    """The globs no post matches: `exclude`, `extend-exclude`, and the folders always left out."""
    return (*config.exclude, *config.extend_exclude, *ALWAYS_EXCLUDED)


def _lower_case_code(key: str) -> bool:
    """Whether a suppression's key is a rule code or prefix, or ALL, written in lower case (`a201`, `a2`, `all`)."""
    return key.lower() == "all" or re.fullmatch(r"[a-z]+[0-9]+", key) is not None


class UsageError(Exception):
    """A problem with how postcheck was called (exit 2)."""


@dataclass
class Options:
    """How one run was asked for, beyond the config file."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    platforms: list[str] | None = None
    now: datetime | None = None
    online: bool = False
    cache: bool = True
    jobs: int = 1
    force_exclude: bool = False  # a named file that `exclude` covers is skipped (pre-commit names every change)
    listed: bool = False  # the paths are files git listed (--changed-since), judged as discovery judges files
    scope: list[str] = field(default_factory=list)  # with `listed`: where a changed media file's posts are sought
    include_published: bool = False  # check published posts too (an audit), not only those named or changed
    baseline: bool = True  # leave out the findings the baseline holds
    replay: bool = True  # replay unchanged files from the result cache (not when the full posts are needed)


@dataclass
class Result:
    """What a run found."""

    findings: list[Finding]
    files: int
    posts: list[Post]
    engine: Engine
    published_skipped: int = 0  # published posts a folder run left out
    held: Counter[Path] = field(default_factory=Counter)  # per post file, findings the baseline holds

    @property
    def baselined(self) -> int:
        """How many findings the baseline held (not reported)."""
        return sum(self.held.values())


def find_root(path: Path) -> Path:
    """The posts root: nearest ancestor with postcheck.toml, [tool.postcheck] or .git; else cwd or the folder."""
    from postcheck.config import find_config

    start = path.resolve()
    if not start.is_dir():  # a file is in the folder it is named in, wherever a link leads: the root is found there
        start = Path(os.path.abspath(path))
    folder = start if start.is_dir() else start.parent
    config = find_config(folder)
    for directory in [folder, *folder.parents]:
        if (directory / ".git").exists() or (config and config.parent == directory):
            return directory
    cwd = Path.cwd().resolve()
    if start.is_relative_to(cwd):
        return cwd
    return folder


def glob_matches(rel: str, pattern: str) -> bool:
    """Whether a path relative to the posts root matches a config glob (`include`, `exclude`, `per-file-ignores`).

    A pattern without "/" matches a file or folder name anywhere (`README*`, `*.md`, `archive`); one with "/" is
    read from the posts root (`posts/2026`, `archive/**`, `**/drafts/*.md`; a leading `./` or `/` and a trailing
    `/` change nothing) and matches the path or any folder above it, so a folder's files go with it.
    """
    compiled = _compiled_glob(pattern)
    if compiled is None:
        return False
    nested, matchers = compiled
    parts = rel.split("/")
    if not nested:
        return any(matchers[0](os.path.normcase(part)) for part in parts)
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(match(os.path.normcase(prefix)) for prefix in prefixes for match in matchers)


@lru_cache(maxsize=512)
def _compiled_glob(pattern: str) -> tuple[bool, list[Callable[[str], object]]] | None:
    """(whether the pattern has folders, the matchers of its forms) as fnmatch would compile them; once per
    pattern, since discovery asks for every file and folder."""
    pattern = pattern.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.strip("/")
    if not pattern:
        return None
    if "/" not in pattern:
        return False, [re.compile(fnmatch.translate(os.path.normcase(pattern))).match]
    forms = {pattern, pattern.replace("/**/", "/")}  # "**/" may also match no folder at all
    forms |= {form[3:] for form in forms if form.startswith("**/")}
    return True, [re.compile(fnmatch.translate(os.path.normcase(form))).match for form in sorted(forms)]


def _matches(rel: str, patterns: list[str]) -> bool:
    """Whether any of `patterns` matches, as `glob_matches` judges each: discovery asks this twice for each file,
    so all the patterns are tried as one regex over the names and one over the folder prefixes."""
    names, nested = _combined_globs(tuple(patterns))
    if names is None and nested is None:
        return False
    parts = rel.split("/")
    if names is not None and any(names(os.path.normcase(part)) for part in parts):
        return True
    return nested is not None and any(nested(os.path.normcase("/".join(parts[: i + 1]))) for i in range(len(parts)))


@lru_cache(maxsize=64)
def _combined_globs(patterns: tuple[str, ...]) -> tuple[Callable[[str], object] | None, Callable[[str], object] | None]:
    """(one matcher of the patterns without folders, one of the forms of those with), None where there are none;
    built from the regexes `_compiled_glob` made, so each pattern matches exactly as it does alone."""
    names: list[str] = []
    nested: list[str] = []
    for pattern in patterns:
        compiled = _compiled_glob(pattern)
        if compiled is not None:
            (nested if compiled[0] else names).extend(match.__self__.pattern for match in compiled[1])
    joined = [
        re.compile("|".join(f"(?:{form})" for form in forms)).match if forms else None for forms in (names, nested)
    ]
    return joined[0], joined[1]


def _relative_to(path: Path, root: Path) -> str:
    """`path` relative to the posts root (its name alone when it lies outside), "/"-separated."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _join(here: str, name: str) -> str:
    return name if here == "." else f"{here}/{name}"


def discover(
    directory: Path, config: Config, root: Path, unreadable: list[tuple[Path, str]] | None = None
) -> list[Path]:
    """Post files under `directory` per `include` / `exclude` (read from the posts root), in a stable order.

    Only regular files are taken (no pipes or devices), and no symbolic link that leads out of the root. Folders
    that cannot be listed, and post files that are link loops, are added to `unreadable` with the reason.
    """
    return [path for path, _ in _discover(directory, config, root, unreadable)]


def _discover(
    directory: Path, config: Config, root: Path, unreadable: list[tuple[Path, str]] | None
) -> list[tuple[Path, bool]]:
    """`discover`'s files, each with whether it is a symbolic link. A folder is listed once with `os.scandir`,
    whose entries know their type without a system call per file; linked folders are not entered (as `os.walk`)."""
    found: list[tuple[Path, bool]] = []
    root = root.resolve()
    include, exclude = config.include, excluded(config)

    def walk(folder: Path, here: str, depth: int) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            if unreadable is not None:
                unreadable.append((Path(error.filename or folder), "cannot read this folder"))
            return
        folders = []
        for entry in entries:
            rel = _join(here, entry.name)
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not _matches(rel, exclude):
                    folders.append((entry, rel))
                continue
            if not _matches(rel, include) or _matches(rel, exclude):
                continue
            path = folder / entry.name
            link = entry.is_symlink()
            try:
                if link and not path.resolve().is_relative_to(root):
                    continue  # the posts root bounds what postcheck reads
                if entry.is_file():  # follows a link inside the root; a pipe or a device is no post
                    found.append((path, link))
            except (RuntimeError, OSError):  # a link loop: a finding on it, not a crash
                if unreadable is not None:
                    unreadable.append((path, "a symbolic link loop: it leads to no file"))
        if folders and depth >= MAX_DEPTH:  # walking recurses: keep off the stack's end
            if unreadable is not None:
                unreadable.extend(
                    (folder / e.name, f"folder nested more than {MAX_DEPTH} deep: not read") for e, _ in folders
                )
            return
        for entry, rel in folders:
            if not entry.is_symlink():
                walk(folder / entry.name, rel, depth + 1)

    walk(directory, _relative_to(directory.resolve(), root), 0)
    return found


def _display(path: Path, given: str) -> str:
    """A path as the user would write it: relative when they gave a relative path (`given`, or the folder it is in).

    A file name that is not UTF-8 is shown with its odd bytes escaped (`caf\\xe9.md`), so every report stays UTF-8.
    """
    if os.path.isabs(given):
        shown = str(path)
    else:
        # relpath is lexical: a relative path that climbs no folder is its normal form, without asking for the cwd
        shown = os.path.normpath(path)
        if os.path.isabs(shown) or shown == os.pardir or shown.startswith(os.pardir + os.sep):
            shown = os.path.relpath(path, Path.cwd())
    if shown.isascii():
        return shown
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _references(post: Post, target: Path, ctx: Context) -> bool:
    """Whether the post uses the media or caption file `target` (resolved), or used it before it was deleted."""
    paths = [ctx.media_path(post, ref) for _, ref in post.media_refs()]
    paths += [sidecar.resolve() for video in post.videos for sidecar in video.sidecars]
    if any(p is not None and p.resolve() == target for p in paths):
        return True
    if os.path.lexists(target):
        return False
    # a deleted file: named by the post, or a sidecar of its video (`clip.en_GB.srt` beside `clip.mp4`)
    named = [post.directory / ref.value for _, ref in post.media_refs() if isinstance(ref.value, str) and ref.value]
    if any(_real(path) == target for path in named):
        return True
    videos = [_real(post.directory / v.file.value) for v in post.videos if isinstance(v.file.value, str)]
    return any(v.parent == target.parent and target.name.startswith(v.stem + ".") for v in videos)


def _leads_inside(path: Path, root: Path) -> bool:
    """Whether a named file, its links followed, is inside the (resolved) posts root; a link loop is (F001 later)."""
    try:
        return path.resolve().is_relative_to(root)
    except (RuntimeError, OSError):
        return True


def _skipped(path: Path, config: Config, root: Path, options: Options) -> bool:
    """Whether a file given as a path is left out: under `exclude` with --force-exclude or --changed-since, or, for
    a file git listed, not under `include` (media files aside: they bring in their posts)."""
    if not (options.force_exclude or options.listed):
        return False
    rel = _relative_to(path.resolve(), root)
    if _matches(rel, excluded(config)):
        return True
    media = path.suffix.lower() in IMAGE_SUFFIXES | VIDEO_SUFFIXES | CAPTION_SUFFIXES
    return options.listed and not media and not _matches(rel, config.include)


def collect_posts(
    paths: list[str],
    config: Config,
    ctx: Context,
    options: Options,
    cache: ResultCache | None = None,
    loaded_hook: Callable[[Post], None] | None = None,
) -> tuple[list[Post], int]:
    """Load the posts for the given paths (through `cache`, which may replay them); a named media file brings in
    the posts that use it. `loaded_hook` is given each post to be checked (not replayed) as it loads."""
    posts: list[Post] = []
    seen: dict[str, bool] = {}  # files loaded (resolved), and whether they gave posts
    files = 0
    media_targets: list[tuple[Path, Path]] = []  # (media file, its posts root)
    unreadable: list[tuple[Path, str]] = []  # folders that cannot be listed, link loops
    roots: dict[Path, Path] = {}  # each given path's posts root: files from two repositories keep their own

    folders: dict[str, str] = {}  # each folder resolved once, not once per file in it

    def real(path: Path, link: bool | None = None) -> str:
        """`path.resolve()`, as a string: a file that is no symbolic link (`link`, when known) resolves as its
        folder does (one lstat, not one per folder above it)."""
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or (path.is_symlink() if link is None else link):
            return str(path.resolve())
        if folder not in folders:
            folders[folder] = os.path.join(Path(folder).resolve(), "")
        return folders[folder] + name

    def load(path: Path, given: str, named: bool, root: Path, explicit: bool = False, link: bool | None = None) -> None:
        """Load a post file; `named` files that are no post get F001, `explicit` ones are checked even when
        published (a file given or listed, not found in a folder)."""
        nonlocal files
        resolved = real(path, link)
        if resolved in seen and (seen[resolved] or not named):
            mine = [i for i, post in enumerate(posts) if explicit and str(post.path.resolve()) == resolved]
            if mine and cache is not None and any(cache.unchecked(posts[i]) for i in mine):
                # named after its folder was read from the cache, with a published post left out there unread:
                # now it is to be checked, so the file is read (its posts are contiguous, in the file's order)
                again = load_posts(path, posts[mine[0]].display_path, named, config.schedule.date_order)
                for post in again:
                    post.root, post.named = root, True
                posts[mine[0] : mine[-1] + 1] = again
            for i in mine:  # named after its folder was checked: checked if published
                posts[i].named = True
            return  # loaded already (a file named after its folder was checked still gets its F001)
        shown, order = _display(path, given), config.schedule.date_order
        if cache is not None:
            loaded = cache.load(path, shown, named, order, root, explicit or options.include_published)
        else:
            loaded = load_posts(path, shown, named, order)
        seen[resolved] = bool(loaded)
        for post in loaded:
            post.root = root
            post.named = explicit
            if loaded_hook is not None and (cache is None or id(post) not in cache.replayed):
                loaded_hook(post)
        if loaded:
            files += 1
            posts.extend(loaded)

    media_suffixes = IMAGE_SUFFIXES | VIDEO_SUFFIXES | CAPTION_SUFFIXES
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            if options.listed and path.suffix.lower() in media_suffixes:  # deleted since the ref: its posts break
                media_targets.append((_real(path), find_root(path).resolve()))
                continue
            raise UsageError(f"{given}: no such file or directory")
        folder = path if path.is_dir() else path.parent
        if folder not in roots:
            roots[folder] = find_root(path).resolve()
        root = roots[folder]
        if path.is_dir():
            for found, link in _discover(path, config, root, unreadable):
                load(found, given, False, root, link=link)
        elif _skipped(path, config, root, options):
            continue
        elif path.suffix.lower() in media_suffixes:
            media_targets.append((path.resolve(), root))
        elif not _leads_inside(path, root):  # a committed `post.md -> ~/.ssh/id_rsa`, named by pre-commit
            unreadable.append((path, "a symbolic link leading out of the posts root: not read"))
        else:
            load(path, given, not options.listed, root, explicit=True)

    for folder, why in unreadable:  # CI must not pass over posts it could not read
        posts.append(unreadable_post(folder, _display(folder, str(folder)), Unreadable(why)))
    relative = not any(os.path.isabs(p) for p in paths)
    for root in dict.fromkeys(root for _, root in media_targets):  # the posts that use a named media file
        targets = [target for target, where in media_targets if where == root]
        for found in _posts_under(options.scope, root, config):
            resolved = str(found.resolve())
            if resolved in seen:
                continue
            shown = os.path.relpath(found) if relative else str(found)
            loaded = load_posts(found, shown, False, config.schedule.date_order)
            for post in loaded:
                post.root = root
            users = [post for post in loaded if any(_references(post, t, ctx) for t in targets)]
            if users:
                seen[resolved] = True
                files += 1
                posts.extend(users)
    return posts, files


def _posts_under(scope: list[str], root: Path, config: Config) -> list[Path]:
    """The post files a changed media file may bring in: those under the folders and files of `scope` inside
    `root` (what --changed-since was asked to look at), else under the whole root."""
    if not scope:
        return discover(root, config, root)
    found: list[Path] = []
    for given in scope:
        path, real = Path(given), _real(Path(given))
        if root.is_relative_to(real):  # the root lies inside the folder asked for (a posts root below the repo's top)
            return discover(root, config, root)
        if real.is_relative_to(root):
            found += discover(path, config, root) if path.is_dir() else [path] if path.is_file() else []
    return found


def selected(code: str, select: list[str], ignore: list[str]) -> bool:
    """Whether a code is on: matched by a select prefix (or ALL) and by no ignore prefix."""
    chosen = any(s == "ALL" or code.startswith(s) for s in select)
    return chosen and not any(i == "ALL" or code.startswith(i) for i in ignore)


class Engine:
    """Runs rules over posts for one configuration."""

    def __init__(self, config: Config, ctx: Context, options: Options):
        from postcheck.rules import with_codes

        # the config's [[custom]] rules join the registry for this run, and rule names read as codes
        config = self.config = with_codes(config)
        self.ctx = ctx
        select = options.select or list(config.select)
        ignore = list(config.ignore) + list(options.ignore)
        self.rules: dict[str, Rule] = all_rules()
        self.names = {rule.name: code for code, rule in self.rules.items()}  # a suppression may name its rule
        for code in select + ignore:
            if self._unknown(code):
                raise UsageError(f"unknown rule code or prefix '{code}'{self._hint(code)} (see `postcheck rules`)")
        for glob, codes in config.per_file_ignores.items():
            for code in codes:
                if self._unknown(code):
                    where = f"{config.path}: per-file-ignores.{glob!r}"
                    raise UsageError(f"{where}: unknown rule code or prefix '{code}'{self._hint(code)}")
        for code in config.severity:
            if code not in self.rules:
                raise UsageError(f"{config.path}: severity.{code}: no such rule")
        self.active = {c: r for c, r in self.rules.items() if selected(c, select, ignore)}
        self.skipped: dict[str, str] = {}  # selected rules that cannot run here: what a run says of each
        for code, rule in list(self.active.items()):
            reason = rule.unavailable()
            if reason:
                self.skipped[code] = f"{code} {rule.name} is not checked: {reason}"
                del self.active[code]
        from postcheck.baseline import Baseline, BaselineError

        path = ctx.root / config.baseline if config.baseline and options.baseline else None
        try:
            self.baseline = Baseline.load(path, ctx.root)
        except BaselineError as error:
            raise UsageError(str(error)) from None
        self._rank = {code: i for i, code in enumerate(self.active)}  # the order rules run in, kept by the cache
        self._real: dict[Path, Path] = {}

    def _unknown(self, code: str) -> bool:
        return code != "ALL" and not any(c.startswith(code) for c in self.rules)

    def _hint(self, code: str) -> str:
        import difflib

        close = difflib.get_close_matches(code.upper(), list(self.rules), n=1, cutoff=0.6)
        return f"; did you mean '{close[0]}'?" if close else ""

    def check_post(self, post: Post) -> list[Finding]:
        """All findings for one post, suppressions applied."""
        problems, notices = self.rule_problems(post)
        self._notify(notices)
        return self.finish(post, problems)

    def rule_problems(self, post: Post) -> tuple[list[tuple[str, Problem]], list[str]]:
        """What the active rules find in a post, as (rule code, problem) in rule order, and the notices they gave."""
        if _unreadable(post):
            return [], []
        earlier = self.ctx.memo.pop(NOTICES, None)  # this post's notices alone, so a cached post can replay them
        problems: list[tuple[str, Problem]] = []
        try:
            for code, rule in self.active.items():
                if rule.check is None:
                    continue
                for problem in rule.check(post, self.ctx):
                    problem.code = problem.code or code
                    problems.append((code, problem))
        finally:
            notices = self.ctx.memo.pop(NOTICES, [])
            if earlier is not None:
                self.ctx.memo[NOTICES] = earlier
        # never skipped silently: said with each post the rule would have checked, so a run says it once (a post
        # replayed from the cache says it again), and a run with nothing for the rule to check says nothing
        for code, say in self.skipped.items():
            reads = self.rules[code].reads
            if reads is None or reads(post):
                notices.append(say)
        return problems, notices

    def _notify(self, notices: list[str]) -> None:
        known = self.ctx.memo.setdefault(NOTICES, [])
        known.extend(n for n in notices if n not in known)

    def finish(self, post: Post, found: list[tuple[str, Problem]]) -> list[Finding]:
        """A post's findings from its rules' problems (in any rule order): loader problems joined, suppressions,
        per-file-ignores and severities applied."""
        rank = self._rank
        problems = list(post.problems) + [p for _, p in sorted(found, key=lambda pair: rank.get(pair[0], len(rank)))]
        ignores = self.config.per_file_ignores
        rel = self._relative(post) if ignores else ""  # resolving the path costs a system call: only when needed
        file_ignores = [c for glob, codes in ignores.items() if glob_matches(rel, glob) for c in codes]
        # `ignore: {rule-name: why}`, or a code in lower case (`a201`), which config and the CLI take too
        for key in [key for key in post.suppressions if key.lower() in self.names or _lower_case_code(key)]:
            suppression = post.suppressions.pop(key)
            suppression.code = self.names.get(key.lower(), key.upper())
            post.suppressions.setdefault(suppression.code, suppression)
        kept = [p for p in problems if p.code in self.active and not self._suppressed(post, p.code)]
        for suppression in post.suppressions.values():  # what is wrong with the suppressions themselves
            code = suppression.code
            if not suppression.reason.strip():
                kept.append(
                    Problem(
                        f"suppression of {code} needs a reason: without one it suppresses nothing",
                        suppression.span,
                        code="F003",
                    )
                )
            elif self._unknown(code):
                kept.append(Problem(f"suppression of unknown rule {code}", suppression.span, code="X001"))
            elif not suppression.used and (code == "ALL" or any(c.startswith(code) for c in self.active)):
                message = f"suppression of {code} is unused: nothing to suppress here"
                kept.append(Problem(message, suppression.span, code="X001"))
        # per-file-ignores cover those too (a suppression cannot: it would be judging itself)
        kept = [
            p
            for p in kept
            if p.code in self.active and not any(c == "ALL" or p.code.startswith(c) for c in file_ignores)
        ]
        return [self._finding(post, p) for p in _post_bounded(kept)]

    def _suppressed(self, post: Post, code: str) -> bool:
        """Whether the post suppresses `code` (by the code, a prefix such as "A2", or ALL, as config and the CLI
        take it); marks that suppression used. One without a reason suppresses nothing (it is reported as F003,
        like any other invalid value, which is set aside)."""
        suppression = post.suppressions.get(code) or next(
            (s for key, s in post.suppressions.items() if code.startswith(key) or key == "ALL"), None
        )
        if suppression is None or not suppression.reason.strip():
            return False
        suppression.used = True
        return True

    def resolved(self, path: Path) -> Path:
        """`path.resolve()`, once per run for each path (`recheck` starts afresh: fixes may create files)."""
        real = self._real.get(path)
        if real is None:
            # A file that is no symbolic link resolves as its folder does (one lstat, not one per folder above)
            if path.name in ("", ".", "..") or path.parent == path or path.is_symlink():
                real = _real(path)
            else:
                real = self.resolved(path.parent) / path.name
            self._real[path] = real
        return real

    def _relative(self, post: Post) -> str:
        try:
            return self.resolved(post.path).relative_to(self.ctx.root_of(post)).as_posix()
        except (ValueError, RuntimeError):  # outside the root, or a link loop
            return post.path.as_posix()

    def _finding(self, post: Post, problem: Problem) -> Finding:
        rule = self.rules[problem.code]
        severity = Severity(self.config.severity.get(problem.code, rule.severity.value))
        if problem.path is not None and self.resolved(problem.path) != self.resolved(post.path):
            shown = str(problem.path) if os.path.isabs(post.display_path) else os.path.relpath(problem.path)
            source = None
        else:
            shown, source = post.display_path, post.source
        return Finding(
            code=problem.code,
            name=rule.name,
            severity=severity,
            message=problem.message,
            display_path=shown,
            span=problem.span,
            post=post,
            fix=problem.fix,
            suggestion=problem.suggestion,
            source=source,
            platforms=self.ctx.platforms(post),
        )


def _bounded(items: list[T], key: Callable[[T], Hashable], summary: Callable[[T, int], T]) -> list[T]:
    """At most MAX_PER_CODE items of each `key`, then `summary(first left out, how many)` in their place: a
    55,000-cue caption file or a 5,000-row CSV must not make a report of gigabytes."""
    if len(items) <= MAX_PER_CODE:
        return items  # the common case: no code can be over the bound
    counts = Counter(key(item) for item in items)
    if all(n <= MAX_PER_CODE for n in counts.values()):
        return items
    shown: Counter = Counter()
    bounded = []
    for item in items:
        group = key(item)
        shown[group] += 1
        if shown[group] <= MAX_PER_CODE:
            bounded.append(item)
        elif shown[group] == MAX_PER_CODE + 1:
            bounded.append(summary(item, counts[group] - MAX_PER_CODE))
    return bounded


def _more(code: str, more: int) -> str:
    return f"and {more:,} more {code} problems here, not listed: fix the first {MAX_PER_CODE} first"


def _post_bounded(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PER_CODE problems of a code in one post, then one that counts the rest."""
    return _bounded(
        problems, lambda p: p.code, lambda p, more: Problem(_more(p.code, more), p.span, code=p.code, path=p.path)
    )


def _file_bounded(findings: list[Finding]) -> list[Finding]:
    """At most MAX_PER_CODE findings of a code in one file (a bulk CSV's rows together), then one for the rest."""
    if len(findings) <= MAX_PER_CODE:
        return findings
    if max(Counter(map(attrgetter("display_path"), findings)).values()) <= MAX_PER_CODE:
        return findings  # no file has enough findings to be over the bound (counted without a tuple per finding)
    summary = lambda f, more: replace(f, message=_more(f.code, more), fix=None, suggestion=None)  # noqa: E731
    return _bounded(findings, lambda f: (f.display_path, f.code), summary)


def make_context(paths: list[str], config: Config, options: Options) -> Context:
    """The run's context: posts root from the first path, the clock, the cache folder."""
    root = find_root(Path(paths[0] if paths else "."))
    now = options.now or datetime.now(UTC)
    cache_dir = root / ".postcheck_cache" if options.cache else None
    platforms = tuple(options.platforms) if options.platforms else None
    return Context(
        config=config,
        root=root.resolve(),
        now=now,
        online=options.online,
        platform_override=platforms,
        cache_dir=cache_dir,
    )


def run(
    paths: list[str], config: Config, options: Options, progress: Callable[[int, int], None] | None = None
) -> Result:
    """Check everything under `paths`; `progress(done, total)` is called as posts are checked."""
    # Almost everything a run builds (posts, findings) lives to its end: the cyclic collector would walk it again
    # and again as it grows (and, in a forked worker, touch its pages, which would copy them). It is off for the run.
    collecting = gc.isenabled()
    gc.disable()
    try:
        ctx = make_context(paths, config, options)
        engine = Engine(config, ctx, options)
        cache = None
        if ctx.cache_dir is not None and options.replay and not options.online:  # online verdicts age
            from postcheck.results_cache import ResultCache

            cache = ResultCache(engine)
        reader = _image_text_reader(engine, options)
        try:
            posts, files = collect_posts(paths, config, ctx, options, cache, reader and reader.offer)
            if reader is not None:
                reader.collect()
        finally:
            if reader is not None:
                reader.close()  # a run that stopped while loading (a path that does not exist) leaves no reader
        posts, files, skipped = _unpublished(posts, files, ctx, options)
        if ctx.online and {"L105", "L106"} & engine.active.keys():
            from postcheck.rules.links import prefetch_links

            prefetch_links([post for post in posts if not _unreadable(post)], ctx)
        per_post, notices = check_posts(engine, posts, options, progress, cache)
        if cache is not None:
            cache.save(posts, per_post, notices)
        findings = sorted((f for found in per_post for f in found), key=lambda f: f.sort_key)
        findings, held = engine.baseline.filter(findings)
    finally:
        if collecting:
            gc.enable()  # a library caller's later runs must be able to collect this one
    return Result(_file_bounded(findings), files, posts, engine, published_skipped=skipped, held=held)


def _image_text_reader(engine: Engine, options: Options) -> ImageTextReader | None:
    """A reader of A107's images beside the loading, where a run may fork and the OCR engine is installed."""
    if "A107" not in engine.active or options.jobs <= 1 or not hasattr(os, "fork") or ocr_missing() is not None:
        return None  # (os.fork: as multiprocessing would tell, without importing it in a run that may not fork)
    from postcheck.rules.alt_text import ImageTextReader

    return ImageTextReader(engine.ctx)


def _unreadable(post: Post) -> bool:
    """Whether a post could not be read (F001): no rule looks at it, nor does any prefetch."""
    return any(p.code == "F001" for p in post.problems)


def _unpublished(posts: list[Post], files: int, ctx: Context, options: Options) -> tuple[list[Post], int, int]:
    """The posts to check: published ones only when named, changed, or asked for (--include-published);
    (those posts, the files they are in, how many published posts were left out)."""
    from postcheck.text.schedule import lifecycle

    kept: list[Post] = []
    left: dict[int, bool] = {}  # post file (its source's id: the posts of a file share it) -> all left out
    for post in posts:
        post.published = lifecycle(post, ctx) == "published"
        leave = post.published and not (post.named or options.include_published)
        file = id(post.source)
        left[file] = left.get(file, True) and leave
        if not leave:
            kept.append(post)
    return kept, files - sum(left.values()), len(posts) - len(kept)


def _real(path: Path) -> Path:
    """`path` with its links resolved; a link loop (F001 already) is itself."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def check_posts(
    engine: Engine,
    posts: list[Post],
    options: Options,
    progress: Callable[[int, int], None] | None = None,
    cache: ResultCache | None = None,
) -> tuple[list[list[Finding]], list[list[str]]]:
    """Each post's findings and notices, in the posts' order: replayed where `cache` replayed the post, the rest
    checked here or, for a large run with `options.jobs` > 1, in a pool of processes."""
    findings: list[list[Finding]] = [[] for _ in posts]
    notices: list[list[str]] = [[] for _ in posts]
    todo = []
    for i, post in enumerate(posts):
        replayed = cache.replayed.get(id(post)) if cache is not None else None
        if replayed is not None and replayed[0] is post:
            findings[i], notices[i] = replayed[1:]
        elif cache is not None and cache.unchecked(post):
            raise RuntimeError(f"{post.display_path}: a post rebuilt from the result cache reached the rules")
        else:
            todo.append(i)
    done = len(posts) - len(todo)
    for i, (found, said) in zip(todo, _check_many(engine, [posts[i] for i in todo], options.jobs), strict=True):
        post = posts[i]
        if found and found[0].post is None:  # from a worker
            for f in found:  # the worker's own copies: made whole in place
                f.post, f.source = post, post.source if f.source else None
        findings[i], notices[i] = found, said
        done += 1
        if progress is not None:
            progress(done, len(posts))
    for said in notices:
        engine._notify(said)
    return findings, notices


_SHARED: tuple[Engine, list[Post]] | None = None  # what forked workers inherit: the engine and the posts to check


def _check_many(engine: Engine, posts: list[Post], jobs: int):
    """(findings, notices) for each post in order. A worker sends its findings back without their post and with
    `source` true where it is the post's (the parent has the post); checked here, they are as `finish` made them."""
    global _SHARED
    jobs = min(jobs, len(posts) // max(1, MIN_POOL // 2))  # no worker with fewer than half a small run
    if jobs > 1 and len(posts) >= MIN_POOL:
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():  # a forked worker starts with the run loaded
            jobs = 1
    if jobs <= 1 or len(posts) < MIN_POOL:
        for post in posts:
            problems, notices = engine.rule_problems(post)
            yield engine.finish(post, problems), notices
        return
    if "A107" in engine.active:  # read each image's text once, here, for the workers to inherit
        from postcheck.rules.alt_text import prefetch_image_text

        prefetch_image_text([post for post in posts if not _unreadable(post)], engine.ctx, jobs)
    size = max(1, min(250, len(posts) // (jobs * 4)))  # small enough to balance, large enough to amortise
    shares = [range(start, min(start + size, len(posts))) for start in range(0, len(posts), size)]
    _SHARED = (engine, posts)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for share in pool.imap(_check_share, shares):
                yield from share
    finally:
        _SHARED = None


def _check_share(indices: range) -> list[tuple[list[Finding], list[str]]]:
    """In a worker: each post's findings, made whole, without the post, and its notices."""
    engine, posts = _SHARED
    shares = []
    for i in indices:
        post = posts[i]
        problems, notices = engine.rule_problems(post)
        findings = engine.finish(post, problems)
        for f in findings:  # sent back without the post (the parent has it): `source` says whether it is the post's
            f.post, f.source = None, f.source is not None
        shares.append((findings, notices))
    return shares


def recheck(result: Result, paths: set[Path]) -> Result:
    """Reload the given post files (after fixes) and redo their findings, keeping the rest."""
    engine, config = result.engine, result.engine.config
    changed = {_real(p) for p in paths}
    keep_posts = [p for p in result.posts if _real(p.path) not in changed]
    reloaded: list[Post] = []
    done: set[Path] = set()
    for post in result.posts:
        resolved = _real(post.path)
        if resolved in changed and resolved not in done:
            done.add(resolved)
            for again in load_posts(post.path, post.display_path, True, config.schedule.date_order):
                again.root = post.root
                reloaded.append(again)
    posts = keep_posts + reloaded
    engine._real.clear()  # fixes may have created files or links
    engine.ctx.forget_files()
    findings = [f for f in result.findings if _real(f.post.path) not in changed]
    again, held = engine.baseline.filter([f for post in reloaded for f in engine.check_post(post)])
    findings += again
    findings.sort(key=lambda f: f.sort_key)
    held.update({path: n for path, n in result.held.items() if path not in changed})
    return Result(_file_bounded(findings), result.files, posts, engine, result.published_skipped, held)


def check_source(
    path: Path, text: str, config: Config, options: Options, reuse: dict[Any, Any] | None = None
) -> Result:
    """Check `text` as if it were the post file at `path` (an editor's unsaved buffer, or standard input).

    The file on disk is not read: its text is `text`. Everything else is as `run([path])` would have it: the
    posts root found from `path`, media and caption files read from disk beside it, the same rules, suppressions,
    per-file-ignores, severities and baseline. The path is treated as named: a YAML, JSON or CSV text that is no
    post gives nothing, text of another format F001, and a published post is checked. `reuse` seeds the run's memo
    (media read by an earlier check that the caller knows are unchanged).
    """
    from postcheck.loaders import posts_from_source

    ctx = make_context([str(path)], config, options)
    ctx.memo.update(reuse or {})
    engine = Engine(config, ctx, options)
    display = _display(path.absolute(), str(path))
    if text.startswith("\ufeff"):  # as read_source keeps a file's BOM out of its text
        source = Source(path.absolute(), text[1:], bom=True)
    else:
        source = Source(path.absolute(), text)
    try:
        check_text(source)
        posts = posts_from_source(source, display, config.schedule.date_order)
    except Unreadable as error:
        posts = [unreadable_post(source.path, display, error, source)]
    for post in posts:
        post.root = ctx.root
        post.named = True  # checked even when published, as a file named on the command line is
    findings = sorted((f for post in posts for f in engine.check_post(post)), key=lambda f: f.sort_key)
    findings, held = engine.baseline.filter(findings)
    return Result(findings, 1, posts, engine, held=held)
