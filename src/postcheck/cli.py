"""The command line: check (the default), rules, explain, init, server, schema."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from postcheck import __version__
from postcheck.config import Config, ConfigError, find_config, load_config

if TYPE_CHECKING:
    from postcheck.context import Context
    from postcheck.engine import Result
    from postcheck.reporters import Report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    help="Check social-media posts before they go live: accessibility, policy, platform limits.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

COMMANDS = {"check", "baseline", "rules", "explain", "init", "server", "schema"}


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    rdjson = "rdjson"
    markdown = "markdown"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def say(message: str) -> None:
    """Print one line to stderr, its control characters escaped (a file name may hold a newline or an ESC)."""
    from postcheck.reporters.text import escape_controls

    typer.echo(f"postcheck: {escape_controls(message)}", err=True)


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit (2) to raise."""
    say(f"error: {message}")
    return typer.Exit(2)


def _report_option(*names: str, help: str):
    """--output or --html FILE. A name ending in a slash is a folder, which Path would drop without a word (`-o
    reports/` wrote a file named "reports"): refused."""
    example = "report.html" if names[0] == "--html" else "report.json"

    def parse(given: str) -> Path:
        if given.endswith(("/", os.sep)):
            raise fail(f"{names[0]} {given}: names a folder; name a file in it ({given}{example})")
        return Path(given)

    return typer.Option(*names, metavar="FILE", parser=parse, help=help)


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _config_file(given: Path | None, start: Path | None = None) -> Path | None:
    """--config FILE when given (a one-line error when it is no file), else the config found walking up."""
    if given is not None:
        if not given.is_file():
            raise fail(f"--config {given}: no such file")
        return given
    return find_config(start or Path.cwd())


def _codes(values: list[str] | None, flag: str) -> list[str] | None:
    """Rule codes or prefixes from --select / --ignore, in any case (a201 is A201), or rule names."""
    from postcheck.rules import code_for, rule_names

    codes = _split(values)
    if not codes:
        return None
    names = rule_names()
    try:
        return [code_for(code, names) for code in codes]
    except ConfigError as error:
        raise fail(f"{flag}: {error}") from None


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        now = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise fail(f"--now {value!r} is not an ISO 8601 date-time") from None
    return now  # without an offset: a wall-clock time in schedule.timezone, as publish_at is (set once it is known)


def _local(now: datetime | None, cfg: Config) -> datetime | None:
    """An offset-less --now read in schedule.timezone, as an offset-less publish_at is."""
    if now is None or now.tzinfo is not None:
        return now
    from postcheck.text.schedule import zone

    return now.replace(tzinfo=zone(cfg.schedule.timezone))


def _changed_files(ref: str, first: str) -> tuple[list[str], list[str]]:
    """Files changed on this branch since `ref` (from the merge base, plus uncommitted changes), relative to cwd, as
    (files that exist, files deleted), in the repository of the first path checked (wherever the run is from)."""
    from postcheck import history

    folder = first if os.path.isdir(first) else os.path.dirname(first) or "."
    try:
        return history.changed_since(ref, Path(folder))
    except history.GitError as error:
        raise fail(f"--changed-since {ref}: {error}") from None


def _settings_changed(changed: list[str], config_path: Path | None, cfg: Config, root: Path) -> str | None:
    """The first changed file that changes how every post is judged (the config, the baseline), if any."""
    judges = {root / cfg.baseline} if cfg.baseline else set()
    if config_path is not None:
        judges.add(config_path)
    judges = {path.resolve() for path in judges}
    return next((name for name in changed if Path(name).resolve() in judges), None)


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Post files, folders, or media files.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Apply safe and unsafe fixes (with --diff: show them).")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the fixes as a unified diff; change nothing.")] = False,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], _report_option("--output", "-o", help="Write the report to FILE.")] = None,
    html: Annotated[Optional[Path], _report_option("--html", help="Also write an HTML report to FILE.")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Rules to run (codes or prefixes).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Rules to skip.")] = None,
    platform: Annotated[
        Optional[list[str]], typer.Option("--platform", help="Check every post for these platforms.")
    ] = None,
    fail_on: Annotated[Optional[Level], typer.Option("--fail-on", help="Exit 1 at or above this severity.")] = None,
    changed_since: Annotated[
        Optional[str], typer.Option("--changed-since", help="Only posts changed since a git ref (its merge base).")
    ] = None,
    include_published: Annotated[
        bool, typer.Option("--include-published", help="Also check published posts (an audit).")
    ] = False,
    online: Annotated[bool, typer.Option("--online", help="Also check links over the network.")] = False,
    now: Annotated[Optional[str], typer.Option("--now", help="Pretend it is this ISO date-time.")] = None,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, help="Check posts in N processes (default: the usable cores; 1: none)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the result, media and link caches.")
    ] = False,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the findings.")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    force_exclude: Annotated[
        bool, typer.Option("--force-exclude", help="Skip named files that `exclude` covers (for pre-commit).")
    ] = False,
    watch: Annotated[
        bool, typer.Option("--watch", help="Check again whenever a post, its media or the config changes.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings (errors in use still exit 2).")
    ] = False,
    show_files: Annotated[
        bool, typer.Option("--show-files", help="List the files that count as posts, and why; check nothing.")
    ] = False,
    show_settings: Annotated[
        bool, typer.Option("--show-settings", help="Print the resolved configuration; check nothing.")
    ] = False,
    stdin_filename: Annotated[
        Optional[str],
        typer.Option("--stdin-filename", help="With `-` as the path: the path of the post read from stdin."),
    ] = None,
) -> None:
    """Check posts and report what breaks the policy or the platforms' limits."""
    global _ENDING
    arguments = dict(locals())  # first: the run --watch repeats
    if watch:
        _ENDING = False  # a session of many runs: each collects its garbage
        _watch(lambda: check(**{**arguments, "watch": False}), paths or ["."], config)
        return
    import gc

    from postcheck import engine
    from postcheck.context import usable_cores
    from postcheck.media import CAPTION_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES
    from postcheck.reporters import Report, reporter

    # A run builds a few large, long-lived structures (posts, findings, the report) and little cyclic garbage: the
    # collector would walk them again and again as they grow (a tenth of a run over 10,000 posts), and once more
    # over all of them when it is turned back on. A process that ends with this command (`entry`) never turns it
    # back on; in any other, the default thresholds had it walk them over a thousand times.
    if _ENDING:
        gc.disable()
    else:
        gc.set_threshold(50_000, 20, 20)
    try:
        if fix and diff:
            raise fail("--fix writes the fixes and --diff only shows them: give one of them")
        if statistics and output_format != Format.text:
            raise fail(f"--statistics counts findings in the text format: it takes no --format {output_format.value}")
        fix = fix or (unsafe_fixes and not diff)  # `--unsafe-fixes` alone applies safe and unsafe fixes, as ruff's
        stdin = _stdin_post(paths or [], stdin_filename, fix or diff or changed_since is not None)
        paths = [stdin[0]] if stdin else paths or ["."]
        if diff and output_format != Format.text:
            raise fail("--diff prints a unified diff: it takes no --format (use --output to save it)")
        for given in [] if stdin else paths:  # the post read from stdin need not exist as a file
            if not os.path.lexists(given):
                raise fail(f"{given}: no such file or directory")
            try:
                os.stat(given)
            except OSError as error:
                if error.errno == errno.ELOOP:
                    raise fail(f"{given}: a symbolic link loop, it leads to no file") from None
        config_path = _config_file(config, Path(paths[0]))
        overrides = {"fail-on": fail_on.value if fail_on else None}
        from postcheck.rules import with_codes

        cfg = with_codes(load_config(config_path, overrides))
        machine = output_format != Format.text or output is not None
        scope: list[str] = []
        if changed_since:
            changed, deleted = _changed_files(changed_since, paths[0])
            root = engine.find_root(Path(paths[0])).resolve()
            why = _settings_changed(changed + deleted, config_path, cfg, root)
            if why is not None:  # new settings can change the findings of any post: check them all
                say(f"note: {why} changed since {changed_since}: checking every post")
                changed_since = None
            else:
                scope, paths = paths, [p for p in changed if any(_within(p, given) for given in paths)]
                # a picture changed or deleted anywhere in the root changes the posts here that use it
                media = IMAGE_SUFFIXES | VIDEO_SUFFIXES | CAPTION_SUFFIXES
                paths += [
                    p
                    for p in changed + deleted
                    if Path(p).suffix.lower() in media and p not in paths and _within(p, str(root))
                ]
                if any(os.path.isabs(given) for given in scope):  # paths are shown as they were given
                    paths = [os.path.abspath(p) for p in paths]
            if changed_since and not paths:  # machine formats still write their (empty) report: CI steps read it
                typer.echo("No files changed since " + changed_since + ": nothing to check.", err=quiet or machine)
                if html is None and not machine:
                    raise typer.Exit(0)
        if config is None and not quiet:  # one config per run: say so when a path has another
            others = dict.fromkeys(c for c in map(find_config, map(Path, paths[1:])) if c and c != config_path)
            used = os.path.relpath(config_path) if config_path else "the defaults"
            for other in others:
                note = f"{os.path.relpath(other)} is not used: one run takes one config, here {used}"
                say(f"note: {note} (check that folder in a run of its own)")
        options = engine.Options(
            select=_codes(select, "--select"),
            ignore=_codes(ignore, "--ignore") or [],
            platforms=[name.lower() for name in _split(platform) or []] or None,
            now=_local(_parse_now(now), cfg),
            online=online,
            cache=not no_cache,
            jobs=jobs or usable_cores(),
            force_exclude=force_exclude,
            listed=changed_since is not None,
            scope=scope if changed_since is not None else [],
            include_published=include_published,
            replay=not (fix or diff or html is not None),  # these need the posts themselves, not their findings
        )
        if options.platforms:
            from postcheck.config import ALL_PLATFORMS, platform_hint

            for name in options.platforms:
                if name not in ALL_PLATFORMS:
                    known = ", ".join(ALL_PLATFORMS)
                    raise fail(f"--platform {name}: unknown platform{platform_hint(name)} (known: {known})")
        if show_settings:
            typer.echo(_settings(cfg, options), nl=False)
            raise typer.Exit(0)
        if show_files:
            _show_files(paths, cfg, force_exclude or changed_since is not None)
            raise typer.Exit(0)
        if stdin:  # the text stands in for the file at that path: media, root and config are found from it
            result = engine.check_source(Path(stdin[0]), stdin[1], cfg, options)
        else:
            result = engine.run(paths, cfg, options, _progress_bar() if sys.stderr.isatty() and not quiet else None)
        _refuse_targets(result, {"--output": output, "--html": html})
        if not paths and output_format == Format.text and output is None:  # --changed-since found nothing
            _write_html(html, Report([], 0, [], docs_url=cfg.docs_url), result.engine.ctx)
            raise typer.Exit(0)
        fixed = 0
        if diff:
            if html is not None:
                _write_html(html, _report(result), result.engine.ctx)
            from postcheck import fixes

            planned = fixes.plan(result.findings, unsafe_fixes)
            patch = fixes.unified_diff(planned, {f.post.path: f.post.display_path for f in result.findings})
            _emit(patch, output)
            raise typer.Exit(1 if planned and not exit_zero else 0)
        new_files: list[Path] = []  # written by --fix (converted caption sidecars): git does not track them yet
        if fix:
            result, fixed, new_files = _fix(result, unsafe_fixes)
        for notice in [] if quiet else dict.fromkeys(result.engine.ctx.memo.get("notices", [])):
            say(f"note: {notice}")
        report = _report(result, fixed=fixed, statistics=statistics)
        if _ENDING:  # its posts and findings go with the process, not one by one as this frame unwinds (40 ms in 10k)
            _KEPT.append(report)
        if html is not None:
            _write_html(html, report, result.engine.ctx)
        plain = bool(os.environ.get("NO_COLOR"))  # no-color.org: set and not empty
        color = output is None and output_format == Format.text and sys.stdout.isatty() and not plain
        text = reporter(output_format.value)(report, color)
        if quiet and output_format == Format.text:
            text = "" if not result.findings else text.rsplit("\n\n", 1)[0] + "\n"
        _emit(text, output)
        threshold = {"error": 2, "warning": 1, "info": 0}[cfg.fail_on]
        failed = any(f.severity.rank >= threshold for f in result.findings)
        # a new file is work left: pre-commit must not pass it
        raise typer.Exit(1 if (failed or new_files) and not exit_zero else 0)
    except (ConfigError, engine.UsageError) as error:
        raise fail(str(error)) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:  # noqa: BLE001 - the promise is one line, not a traceback
        if debug:
            raise
        raise fail(f"internal error: {type(error).__name__}: {error} (run with --debug for details)") from None


def _report(result: Result, fixed: int = 0, statistics: bool = False) -> Report:
    from postcheck.reporters import Report

    return Report(
        result.findings,
        result.files,
        result.posts,
        fixed=fixed,
        statistics=statistics,
        published=result.published_skipped,
        baselined=result.baselined,
        docs_url=result.engine.config.docs_url,
    )


# Folders a watch does not look into: not posts, and often large.
UNWATCHED = {".git", ".postcheck_cache", "node_modules", ".venv", "venv", ".tox", "__pycache__"}


def _snapshot(paths: list[str], config: Path | None) -> dict[str, tuple[int, int]]:
    """Each file under `paths` (and the config file) with its modification time and size."""
    found: dict[str, tuple[int, int]] = {}

    def note(path: str) -> None:
        with contextlib.suppress(OSError):
            info = os.stat(path)
            found[os.path.abspath(path)] = (info.st_mtime_ns, info.st_size)

    for given in paths:
        if not os.path.isdir(given):
            note(given)
            continue
        for folder, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if d not in UNWATCHED)
            for name in files:
                note(os.path.join(folder, name))
    with contextlib.suppress(ConfigError):
        config = config or find_config(Path(paths[0]))
    if config is not None:
        note(str(config))
    return found


def _watch(run, paths: list[str], config: Path | None, interval: float = 0.3) -> None:
    """Run the check, then again each time a file under `paths` or the config changes, until Ctrl-C."""
    import time

    try:
        while True:
            with contextlib.suppress(typer.Exit):
                run()
            seen = _snapshot(paths, config)  # after the run: --fix may have written files
            typer.echo("postcheck: watching for changes (Ctrl-C stops)", err=True)
            while True:
                time.sleep(interval)
                now = _snapshot(paths, config)
                if now != seen:
                    break
            changed = sorted(name for name in now.keys() | seen.keys() if now.get(name) != seen.get(name))
            more = f" and {len(changed) - 1} more" if len(changed) > 1 else ""
            typer.echo(f"\npostcheck: {os.path.relpath(changed[0])}{more} changed: checking again", err=True)
    except KeyboardInterrupt:
        return


def _stdin_post(paths: list[str], filename: str | None, writes: bool) -> tuple[str, str] | None:
    """(the path it stands for, the text) of a post read from stdin (`-` as the path), as ruff and Vale read one."""
    if "-" not in paths:
        if filename is not None:
            raise fail("--stdin-filename names the post read from stdin: give `-` as the path")
        return None
    if filename is None:
        raise fail("`-` reads a post from stdin: give --stdin-filename PATH, where the post belongs (for its media)")
    if len(paths) != 1:
        raise fail("`-` (a post read from stdin) is checked on its own: give no other paths")
    if writes:
        raise fail("a post read from stdin is checked as it is: it takes no --fix, --diff or --changed-since")
    data = typer.get_binary_stream("stdin").read()
    try:
        return filename, data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise fail(f"stdin is not UTF-8 (byte 0x{data[error.start]:02x}): send the post as UTF-8") from None


def _settings(cfg: Config, options) -> str:
    """The resolved configuration as TOML: the file's values, the defaults where it says nothing, and the flags."""
    import json

    values = cfg.values.as_dict()
    if options.select:
        values["select"] = options.select
    values["ignore"] = [*values["ignore"], *options.ignore]
    if options.platforms:
        values["platforms"] = options.platforms
    where = os.path.relpath(cfg.path) if cfg.path else "no config file"
    lines = [f"# postcheck settings: {where}, then the defaults, then the command line"]

    def value(item) -> str:
        if isinstance(item, dict):
            return "{" + ", ".join(f"{json.dumps(k)} = {value(v)}" for k, v in item.items()) + "}"
        if isinstance(item, list):
            return "[" + ", ".join(value(v) for v in item) + "]"
        return json.dumps(item, ensure_ascii=False)  # strings, numbers and booleans read the same in TOML

    def table(items: dict, name: str) -> None:
        plain = {k: v for k, v in items.items() if not isinstance(v, dict) and k != "custom"}
        nested = {k: v for k, v in items.items() if isinstance(v, dict)}
        if name:
            lines.extend(["", f"[{name}]"])
        lines.extend(
            f"{json.dumps(k) if not k.replace('-', '').isalnum() else k} = {value(v)}" for k, v in plain.items()
        )
        for key, sub in nested.items():
            table(sub, f"{name}.{key}" if name else key)

    table({k: v for k, v in values.items() if k != "custom"}, "")
    for entry in values.get("custom", []):
        lines.extend(["", "[[custom]]", *(f"{k} = {value(v)}" for k, v in entry.items())])
    return "\n".join(lines) + "\n"


def _show_files(paths: list[str], cfg: Config, force_exclude: bool) -> None:
    """Each file the run would read, whether it counts as a post, and why (`--show-files`)."""
    from postcheck.engine import discover, excluded, find_root, glob_matches
    from postcheck.loaders import why_post
    from postcheck.media import CAPTION_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES

    media = IMAGE_SUFFIXES | VIDEO_SUFFIXES | CAPTION_SUFFIXES
    for given in paths:
        path = Path(given)
        root = find_root(path).resolve()
        if path.is_dir():
            for found in discover(path, cfg, root):
                is_post, why = why_post(found, cfg.schedule.date_order)
                typer.echo(f"{os.path.relpath(found)}: {'post' if is_post else 'not a post'}: {why}")
            continue
        try:
            rel = path.resolve().relative_to(root).as_posix()
        except ValueError:
            rel = ""
        if not rel and path.exists():
            typer.echo(f"{given}: not read: a symbolic link leading out of the posts root")
        elif force_exclude and any(glob_matches(rel, pattern) for pattern in excluded(cfg)):
            typer.echo(f"{given}: not a post: `exclude` covers it")
        elif path.suffix.lower() in media:
            typer.echo(f"{given}: media: brings in the posts that use it")
        else:
            is_post, why = why_post(path, cfg.schedule.date_order)
            typer.echo(f"{given}: {'post' if is_post else 'not a post'}: {why}")


def _progress_bar():
    """A progress line on stderr, shown only once a run has taken more than half a second."""
    import time

    started = time.monotonic()

    def show(done: int, total: int) -> None:
        if time.monotonic() - started < 0.5:
            return
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rchecking posts: {done}/{total}{end}")
        sys.stderr.flush()

    return show


def _fix(result: Result, unsafe: bool) -> tuple[Result, int, list[Path]]:
    """Apply the fixes, round after round while a fix uncovers another; (result after, fixes applied, new files)."""
    from postcheck import engine, fixes

    fixed, new_files, unwritten = 0, [], []
    for _ in range(5):
        planned = fixes.plan(result.findings, unsafe)
        applied = fixes.apply(planned, unwritten)
        new_files += [p.path for p in planned if p.old is None and p.path not in dict(unwritten)]
        if not applied:
            break
        fixed += applied
        # posts whose file was edited, and posts that gained a file (an A308 sidecar): found at load time
        created = {f.post.path for f in result.findings if f.fix and any(e.create for e in f.fix.edits)}
        result = engine.recheck(result, {p.path for p in planned if p.old is not None} | created)
    for path, reason in dict(unwritten).items():  # the first reason per file
        say(f"could not fix {os.path.relpath(path)}: {reason}")
    for path in new_files:
        say(f"wrote {os.path.relpath(path)}, a new file: add it to your commit")
    return result, fixed, new_files


def _refuse_targets(result: Result, targets: dict[str, Path | None]) -> None:
    """Refuse an --output or --html path that is not a regular file or a new name (a link, a device, a folder), or
    that is one of the posts, media, config or baseline files this run read: the report must never replace what it
    reports on. --output may also be a stream (/dev/null, /dev/stdout, a pipe): it is written to, never replaced."""
    if all(path is None for path in targets.values()):
        return  # nothing to refuse: no need to stat every post and media file
    checked: set[tuple[int, int]] = set()
    settings = [result.engine.config.path, result.engine.baseline.path]
    for post in [None, *result.posts]:
        if post is None:
            files = [path for path in settings if path is not None]
        else:
            files = [post.path] + [p for _, ref in post.media_refs() if (p := result.engine.ctx.media_path(post, ref))]
            files += [sidecar for video in post.videos for sidecar in video.sidecars]
        for file in files:
            try:
                info = file.stat()
                checked.add((info.st_dev, info.st_ino))
            except OSError:
                continue
    given = [path for path in targets.values() if path is not None]
    if len(given) == 2 and os.path.abspath(given[0]) == os.path.abspath(given[1]):
        raise fail(f"--output and --html both name {given[0]}: one would replace the other")
    for option, path in targets.items():
        if path is None:
            continue
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue  # a new file
        except OSError as error:
            raise fail(f"{option} {path}: {error.strerror or error}") from None
        stream = option == "--output" and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode))
        if not stat.S_ISREG(info.st_mode) and not stream:
            raise fail(f"{option} {path}: not a regular file (a link, folder or device): name a new file")
        if (info.st_dev, info.st_ino) in checked:
            raise fail(f"{option} {path}: postcheck reads that file (a post, media, config or baseline): name another")


def _emit(text: str, output: Path | None) -> None:
    """Write the run's output to --output FILE (never through a link; its folders made as needed), or to stdout."""
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        _make_folder(output)
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)  # a link swapped in: no
        with os.fdopen(fd, "wb") as out:
            if stat.S_ISREG(os.fstat(out.fileno()).st_mode):
                out.truncate(0)
            out.write(text.encode("utf-8"))
    except OSError as error:
        raise fail(f"--output {output}: {error.strerror or error}") from None


def _make_folder(path: Path) -> None:
    """Make the folders a report file goes into (--output, --html), as ruff's --output-file does: a fresh CI
    checkout lacks them."""
    folder = path.parent
    if str(folder) not in ("", ".") and not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)


def _write_html(path: Path, report: Report, ctx: Context) -> None:
    from postcheck.reporters.html import render_html, write_html

    page = render_html(report, ctx)
    try:
        _make_folder(path)
        write_html(path, page)
    except OSError as error:
        raise fail(f"--html {path}: {error.strerror or error}") from None


def _within(path: str, given: str) -> bool:
    a, b = Path(path).resolve(), Path(given).resolve()
    return a == b or a.is_relative_to(b)


def _effective(cfg: Config, code: str, default: str) -> tuple[str, list[str]]:
    """(the rule's severity under `cfg`, what the config changes about it: severity, off, off for some files)."""
    from postcheck.engine import selected

    severity = cfg.severity.get(code, default)
    notes = []
    if severity != default:
        notes.append(f"severity {severity}")
    if not selected(code, list(cfg.select), list(cfg.ignore)):
        notes.append("off (select/ignore)")
    globs = [g for g, codes in cfg.per_file_ignores.items() if any(c == "ALL" or code.startswith(c) for c in codes)]
    if globs:
        notes.append("off for " + ", ".join(globs))
    return severity, notes


@app.command()
def baseline(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Post files or folders (default: here).")] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Only remove entries that match nothing any more; add none.")
    ] = False,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file.")] = None,
    now: Annotated[Optional[str], typer.Option("--now", help="Pretend it is this ISO date-time.")] = None,
) -> None:
    """Record today's findings in postcheck-baseline.json, so that `check` reports only new ones."""
    from postcheck import engine
    from postcheck.baseline import Baseline, BaselineError, post_path

    paths = paths or ["."]
    try:
        for given in paths:
            if not os.path.lexists(given):
                raise fail(f"{given}: no such file or directory")
        cfg = load_config(_config_file(config, Path(paths[0])))
        if not cfg.baseline:
            raise fail('the baseline is turned off in the config (baseline = ""): nothing to write')
        options = engine.Options(now=_local(_parse_now(now), cfg), include_published=True, baseline=False)
        result = engine.run(paths, cfg, options)
        root = result.engine.ctx.root
        before = Baseline.load(root / cfg.baseline, root)
        checked = {post_path(post, root) for post in result.posts}
        entries = before.updated(result.findings, checked, prune)
        before.write(entries)
    except (ConfigError, engine.UsageError, BaselineError) as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"cannot write the baseline: {error.strerror or error}") from None
    except typer.Exit:
        raise
    except Exception as error:  # noqa: BLE001 - the promise is one line, not a traceback (as `check` keeps it)
        raise fail(f"internal error: {type(error).__name__}: {error}") from None
    shown = os.path.relpath(root / cfg.baseline)
    removed = sum((before.entries - entries).values())
    change = f", {removed} removed" if prune else ""
    typer.echo(f"Wrote {shown}: {sum(entries.values())} findings{change}. `postcheck check` now reports only new ones.")


@app.command()
def rules(
    output_format: Annotated[RulesFormat, typer.Option("--format", help="Output format.")] = RulesFormat.text,
    config: Annotated[Optional[Path], typer.Option("--config", help="Also list this config's custom rules.")] = None,
) -> None:
    """List every rule with its code, name, severity and fixability, and what the config changes about it."""
    import json

    from postcheck.rules import all_rules, with_codes

    try:
        cfg = with_codes(load_config(_config_file(config)))
    except ConfigError as error:
        raise fail(str(error)) from None
    registry = all_rules()
    if output_format == RulesFormat.json:
        items = []
        for r in registry.values():
            severity, notes = _effective(cfg, r.code, r.severity.value)
            items.append(
                {
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.value,
                    "fixable": r.fixable,
                    "summary": r.summary,
                    "available": r.unavailable() is None,
                    "configured": {"severity": severity, "enabled": "off (select/ignore)" not in notes, "notes": notes},
                }
            )
        typer.echo(json.dumps(items, indent=2))
        return
    if cfg.path is not None:
        typer.echo(f"# as configured by {os.path.relpath(cfg.path)}: [its changes] after the summary")
    for r in registry.values():
        fixable = {"safe": "S", "unsafe": "U", "safe/unsafe": "S/U"}.get(r.fixable or "", " ")
        severity, notes = _effective(cfg, r.code, r.severity.value)
        letter = {"error": "E", "warning": "W", "info": "I"}[severity]
        reason = r.unavailable()
        notes = [*notes, f"unavailable: {reason}"] if reason else notes
        changes = f"  [{'; '.join(notes)}]" if notes else ""
        typer.echo(f"{r.code}  {letter}  {fixable:3}  {r.name:36} {r.summary}{changes}")


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code (A201) or name (hashtag-not-camel-case).")],
    config: Annotated[Optional[Path], typer.Option("--config", help="Look in this config's custom rules.")] = None,
) -> None:
    """Show a rule's page: what it checks, why, its options, and examples, and how the config sets it."""
    import re

    from postcheck.catalogue import page_for
    from postcheck.rules import all_rules, code_for, rule_names, with_codes

    try:
        path = _config_file(config)
        cfg = with_codes(load_config(path))
        code = code_for(code, rule_names())
    except ConfigError as error:
        raise fail(str(error)) from None
    rule = all_rules().get(code)
    configured = ""
    if rule is not None:
        _, notes = _effective(cfg, code, rule.severity.value)
        if notes:
            configured = f"Here ({os.path.relpath(cfg.path) if cfg.path else 'defaults'}): {'; '.join(notes)}.\n"
    page = page_for(code) if re.fullmatch(r"[A-Z]\d{3,4}", code) else None
    if page is not None:
        typer.echo(_readable_page(page, configured), nl=False)
        return
    entry = next((e for e in cfg.custom if e["code"] == code), None)
    if entry is None:
        raise fail(f"no rule {code} (see `postcheck rules`)")
    what = (
        f"the pattern {entry['pattern']!r}"
        if "pattern" in entry
        else "one of " + ", ".join(map(repr, entry["phrases"]))
    )
    typer.echo(
        f"# {code} {entry.get('name', f'custom-{code.lower()}')}\n\n"
        f"A house rule from {path}: a post {'must not contain' if entry.get('forbid') else 'must contain'} {what}.\n"
        f"Severity: {entry.get('severity', 'warning')}. Message: {entry['message'].strip()}\n" + configured
    )


def _readable_page(page: Path, configured: str = "") -> str:
    """A rule's page for a terminal: its heading, then its severity, fix and policy clause, then the rest."""
    from postcheck.catalogue import front_matter

    meta = front_matter(page)
    text = page.read_text(encoding="utf-8")
    body = text.split("---", 2)[2].lstrip("\n") if text.startswith("---") else text
    heading, _, rest = body.partition("\n")
    about = [f"Severity: {meta.get('severity', '?')}. Fix: {meta.get('fixable') or 'none'}."]
    if meta.get("policy"):
        about.append(f"Policy: {meta['policy']}")
    return f"{heading}\n\n" + "\n".join(about) + "\n" + configured + rest


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the file.")] = Path("postcheck.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter postcheck.toml with this organisation's policy values."""
    from postcheck.config import STARTER, find_config

    if path.is_dir():
        path = path / "postcheck.toml"  # `postcheck init posts` writes posts/postcheck.toml
    if path.exists() and not force:
        raise fail(f"{path} already exists (use --force to overwrite)")
    pyproject = path.parent.resolve() / "pyproject.toml"
    with contextlib.suppress(ConfigError):
        if not force and find_config(path.parent) == pyproject:
            raise fail(f"{pyproject} already configures postcheck; {path} would take its place (--force writes it)")
    try:
        path.write_text(STARTER, encoding="utf-8")
    except OSError as error:
        raise fail(f"cannot write {path}: {error.strerror or error}") from None
    typer.echo(f"Wrote {path}. Edit it, then run: postcheck check")


@app.command()
def server() -> None:
    """Run the language server (LSP over stdin and stdout) for editors: diagnostics, quick fixes, hover."""
    try:
        from postcheck.server import serve
    except ImportError as error:
        raise fail(f"the language server needs its extra: pip install 'postcheck[server]' ({error})") from None
    serve()


class SchemaKind(str, Enum):
    config = "config"
    post = "post"


@app.command()
def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(help="config: postcheck.toml / \\[tool.postcheck]; post: a post's keys.")
    ],
) -> None:
    """Print the JSON Schema of the config file or of a post's front matter / YAML / JSON."""
    import json

    from postcheck.schema import config_schema, post_schema

    document = config_schema() if kind == SchemaKind.config else post_schema()
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"postcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """postcheck: lint scheduled social-media posts."""


_ENDING = False  # the process ends with this command (`entry`): no garbage collection, no clean-up at exit
_KEPT: list[object] = []  # what a command that ends the process leaves for the process's end to free


def entry() -> None:
    """The console script and `python -m postcheck`: `main`, then the process ends at once, once its output is
    flushed. Freeing a large run's posts and findings one by one, and the collector's last walk over them, took a
    tenth of a warm run over 10,000 posts; the operating system takes the memory back whole."""
    global _ENDING
    _ENDING = True
    try:
        main()
        code = 0
    except SystemExit as exit:
        code = exit.code
    if not (code is None or isinstance(code, int)):
        sys.exit(code)  # a message: printed as sys.exit prints it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the usual way out, which reports it as it always has
        sys.exit(code)
    os._exit(code or 0)


def main(argv: list[str] | None = None) -> None:
    """Entry point: `postcheck PATHS` means `postcheck check PATHS`."""
    args = list(sys.argv[1:] if argv is None else argv)
    named = next((a for a in args if a in COMMANDS), None)
    if named is not None and args[0] != named:
        args.remove(named)  # `postcheck --format json check posts`: the command first, as typer wants it
        args.insert(0, named)
    first = next((a for a in args if not a.startswith("-")), None)
    if first is not None and first not in COMMANDS and not os.path.lexists(first) and first == args[0]:
        import difflib

        close = difflib.get_close_matches(first, sorted(COMMANDS), n=1, cutoff=0.6)
        if close:  # `postcheck chek posts`: a mistyped command, not a missing folder
            typer.echo(f"postcheck: error: no command or path '{first}'; did you mean '{close[0]}'?", err=True)
            sys.exit(2)
    wants_top = any(a in ("--help", "-h", "--version") for a in args) and first is None
    if not wants_top and (first is None or first not in COMMANDS):
        args.insert(0, "check")
    try:
        code = app(args=args, prog_name="postcheck", standalone_mode=False)
    except typer.Abort:
        sys.exit(130)
    except Exception as error:  # click's usage errors (its own or the one typer bundles): one line, as every exit 2
        if getattr(error, "exit_code", None) != 2 or not hasattr(error, "format_message"):
            raise
        context = getattr(error, "ctx", None)
        command = context.command_path if context is not None else "postcheck"
        typer.echo(f"postcheck: error: {error.format_message()} (see `{command} --help`)", err=True)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
