"""The run context: what a rule may know besides the post (config, the posts root, the clock, run-wide caches)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck.model import Field, Post

if TYPE_CHECKING:
    from postcheck.config import Config
    from postcheck.media import Located


def platform_names(value: Any) -> list[str]:
    """The platform names a `platforms` value gives, lower-cased: a list, or a string ("x, facebook" as CSVs write)."""
    if isinstance(value, str):
        value = re.split(r"[,;|]", value)
    if not isinstance(value, list):
        return []
    return [p.strip().lower() for p in value if isinstance(p, str) and p.strip()]


def usable_cores() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


NOTICES = "notices"  # memo key: one-line notes for the user, printed once per run by the CLI
_POSTS = "per-post"  # memo key: id(post) -> (post, {name: value}) for `per_post`
_CURRENT = "per-post-current"  # memo key: the entry of the post asked about last


@dataclass
class Context:
    """What a rule may know besides the post: config, the posts root, the clock, run-wide caches."""

    config: Config
    root: Path
    now: datetime
    online: bool = False
    platform_override: tuple[str, ...] | None = None
    cache_dir: Path | None = None
    memo: dict[Any, Any] = field(default_factory=dict)  # run-wide results (media probes), keyed by the caller

    def platforms(self, post: Post) -> list[str]:
        """The platforms a post goes to: --platform, else the post's `platforms`, else config."""
        return list(self.per_post(post, "platforms", lambda: self._platforms(post)))  # many rules ask, every finding

    def _platforms(self, post: Post) -> list[str]:
        from postcheck.config import ALL_PLATFORMS

        if self.platform_override:
            return list(dict.fromkeys(self.platform_override))
        valid = [p for p in platform_names(post.meta.get("platforms")) if p in ALL_PLATFORMS]
        return list(dict.fromkeys(valid or self.config.platforms))

    def notice(self, message: str) -> None:
        """A one-line note for the user (a check that cannot run, a setting missing), said once per run."""
        notices = self.memo.setdefault(NOTICES, [])
        if message not in notices:
            notices.append(message)

    def root_of(self, post: Post) -> Path:
        """The posts root that bounds what may be read for `post` (the run's, unless its path has its own)."""
        return post.root or self.root

    def locate(self, directory: Path, ref: str, root: Path) -> Located:
        """`media.locate`, once per run for each folder and reference: posts share their pictures, and each
        resolution walks the path for symbolic links. Per run, not per process: `forget_files()` after a fix."""
        key = ("locate", directory, ref, root)
        found = self.memo.get(key)
        if found is None:
            from postcheck.media import locate

            found = self.memo[key] = locate(directory, ref, root)
        return found

    def real(self, path: Path) -> Path:
        """`path.resolve()`, once per run for each path: rules ask it of the same pictures for every post."""
        key = ("real", path)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = path.resolve()
        return found

    def forget_files(self) -> None:
        """Drop what the run knows of files on disk (a fix may have created or changed some)."""
        for key in [key for key in self.memo if isinstance(key, tuple) and key[:1] in (("locate",), ("real",))]:
            del self.memo[key]

    def media_path(self, post: Post, ref: Field | str) -> Path | None:
        """The file a media or caption reference names, if it is local, inside the root and exists."""
        located = self.locate(post.directory, ref.value if isinstance(ref, Field) else ref, self.root_of(post))
        return located.path if located.status == "ok" else None

    def per_post(self, post: Post, name: str, compute: Callable[[], Any]) -> Any:
        """compute(), once per post in this run; a post reloaded after a fix is a new post and computed again."""
        # Rules ask about one post after another: its values are kept together, found without building a key
        current = self.memo.get(_CURRENT)
        if current is None or current[0] is not post:
            posts = self.memo.get(_POSTS)
            if posts is None:
                posts = self.memo[_POSTS] = {}
            current = posts.get(id(post))
            if current is None or current[0] is not post:  # an id reused by a newer post after the first was freed
                current = posts[id(post)] = (post, {})
            self.memo[_CURRENT] = current
        values = current[1]
        if name in values:
            return values[name]
        value = values[name] = compute()
        return value

    def read_media(self, reader: Callable[..., Any], path: Path, *args: Any) -> Any:
        """`reader(path, *args)` once per run; a MediaError (or OSError) comes back as a MediaError value."""
        from postcheck.media import MediaError

        key = (reader.__module__, reader.__qualname__, path)
        if key not in self.memo:
            try:
                self.memo[key] = reader(path, *args)
            except (MediaError, OSError) as error:
                self.memo[key] = MediaError(str(error))
        return self.memo[key]

    def media_read(self, reader: Callable[..., Any], path: Path) -> Any:
        """What `read_media(reader, path)` gave earlier in this run, or None when nothing read it: for a reporter,
        which shows what the rules read (A107's OCR) and never starts that work itself."""
        return self.memo.get((reader.__module__, reader.__qualname__, path))
