"""Load posts written as YAML or JSON mappings, and locate every value in the file."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

import yaml

from postcheck.loaders import MAX_NESTING, Unreadable
from postcheck.model import Field, Image, Post, Problem, Segment, Source, Suppression, Video

try:
    _Safe = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Safe = yaml.SafeLoader


class UnknownTag(Unreadable):
    """The YAML uses a tag that safe loading does not know (`!!python/name:`, `!Ref`)."""


class _Loader(_Safe):
    """Safe loading, except that a timestamp that is no real time ("2027-02-30") stays a string: F003 judges it."""


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def parse_yaml(text: str, line_base: int = 0) -> tuple[Any, yaml.Node | None]:
    """Values and node tree of a YAML document; syntax errors raise Unreadable with line:col."""
    try:
        loader = _Loader(text)  # one parse: the node tree gives the positions, and the values are built from it
        try:
            node = loader.get_single_node()
            values = _construct_document(loader, node) if node is not None else None
        finally:
            loader.dispose()
    except _VALUE_ERRORS as error:  # from PyYAML's constructor, for a document with aliases or merge keys
        raise Unreadable(f"invalid YAML: a value does not read as the type its tag names ({error})") from None
    except (yaml.YAMLError, _BadValue) as error:
        if isinstance(error, _BadValue):
            tag = error.node.tag.split(":")[-1]
            mark, reason = error.node.start_mark, f"{error.node.value!r} is not a valid !!{tag}"
        else:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        unknown_tag = isinstance(error, yaml.constructor.ConstructorError) and "constructor for the tag" in reason
        kind = UnknownTag if unknown_tag else Unreadable
        if mark is None:
            raise kind(f"invalid YAML: {reason}") from None
        # YAML also breaks lines at a lone CR, U+0085 and U+2028: count from the character index, as postcheck does
        index = min(mark.index, len(text))
        line = text.count("\n", 0, index) + 1 + line_base
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise kind(f"invalid YAML at {line}:{column}: {reason}", line=line, column=column) from None
    return values, node


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_SPECIAL_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # `<<` and `=`: the constructor's own
_VALUE_ERRORS = (ValueError, KeyError, AttributeError, TypeError)
# `captions: burned-in` whatever its case and spelling (British "burnt-in", "burned in"), as config reads it, and
# "open captions", the broadcast name for captions that are part of the picture (as against closed captions)
_BURNED_IN = re.compile(r"burn(?:ed|t)[\s_-]?in|open[\s_-]?(?:captions?|subtitles?)", re.IGNORECASE)


class _Unusual(Exception):
    """A node tree that `_plain_values` leaves to PyYAML's constructor."""


class _BadValue(Exception):
    """A value that does not read as the type its tag names (`!!int twelve`): PyYAML raises a bare ValueError,
    KeyError or AttributeError for it."""

    def __init__(self, node: yaml.ScalarNode):
        super().__init__(node.value)
        self.node = node


def _construct_document(loader: _Loader, node: yaml.Node) -> Any:
    """`loader.construct_document(node)`: the same values, built directly for the mappings, lists and strings
    that posts are made of (PyYAML's constructor costs more than parsing for such small documents). Anything else
    (aliases, merge keys, other tags, deep nesting, an error) is built by the constructor, from a fresh start."""
    try:
        return _plain_values(loader, node, set(), 0)
    except _BadValue as bad:
        _fresh(loader)
        try:  # the constructor goes in another order: it may meet another error first, and say it as before
            return loader.construct_document(node)
        except _VALUE_ERRORS:
            raise bad from None
    except Exception:  # PyYAML's constructor builds it again, and raises what it raises
        _fresh(loader)
        return loader.construct_document(node)


def _fresh(loader: _Loader) -> None:
    """The constructor's state as it is before anything is built (an error leaves a node marked as in progress)."""
    loader.constructed_objects, loader.recursive_objects = {}, {}
    loader.state_generators, loader.deep_construct = [], False


def _plain_values(loader: _Loader, node: yaml.Node, seen: set[int], depth: int) -> Any:
    if id(node) in seen or depth > MAX_NESTING:
        raise _Unusual  # an alias shares one object; deep nesting is judged by the constructor and the loader
    seen.add(id(node))
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        try:
            return loader.construct_object(node, deep=True)
        except _VALUE_ERRORS:
            raise _BadValue(node) from None
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_plain_values(loader, item, seen, depth + 1) for item in node.value]
    if tag == _MAP and isinstance(node, yaml.MappingNode):
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag in _SPECIAL_KEYS:
                raise _Unusual
            key = _plain_values(loader, key_node, seen, depth + 1)
            mapping[key] = _plain_values(loader, value_node, seen, depth + 1)
        return mapping
    raise _Unusual


def _scalar_field(node: yaml.Node, source: Source, base: int) -> Field:
    start, end = node.start_mark.index + base, node.end_mark.index + base
    value = str(node.value)
    # Most values are written as they read, plain or in quotes: one run, without aligning character by character.
    text = source.text
    if not value:
        return Field.aligned(value, source, start, end)
    if text[start:end] == value:
        return Field(value, source, [Segment(0, start, len(value))], start)
    quoted = end - start == len(value) + 2 and text[start] in "\"'" and text[start] != value[0]
    if quoted and text[start + 1 : end - 1] == value:
        return Field(value, source, [Segment(0, start + 1, len(value))], start)
    return Field.aligned(value, source, start, end)


def _mapping(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _sequence(node: yaml.Node | None) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return [node] if node is not None else []


def _string(node: yaml.Node | None, source: Source, base: int) -> Field | None:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value != "":
        return _scalar_field(node, source, base)
    if isinstance(node, yaml.ScalarNode) and node.value == "" and node.tag.endswith(":str"):
        return Field("", source, [], node.start_mark.index + base)
    return None


def _report_repeated_keys(post: Post, node: yaml.Node | None, base: int) -> None:
    """A key written twice: YAML and JSON keep the last value, so the first is silently lost (F003)."""
    if not isinstance(node, yaml.MappingNode):
        return
    last: dict[str, yaml.Node] = {}
    for key, _ in reversed(node.value):
        if not isinstance(key, yaml.ScalarNode):
            continue
        later = last.setdefault(str(key.value), key)
        if later is not key:
            again = _scalar_field(later, post.source, base).span()
            message = f"`{key.value}` is given again at {again.line}:{again.column}, which replaces this one: keep one"
            post.problems.append(Problem(message, _scalar_field(key, post.source, base).span(), code="F003"))


def _anchor(post: Post, key: str) -> int:
    """Where a key is written, or the file's start when positions are unknown."""
    field = post.keys.get(key)
    return field.anchor if field is not None else 0


def fill_post(post: Post, meta: dict[str, Any], node: yaml.Node | None, base: int) -> None:
    """Set the post's metadata, key and value positions, images, videos and suppressions."""
    source = post.source
    post.meta = meta
    entries = _mapping(node)
    _report_repeated_keys(post, node, base)
    for key, (key_node, value_node) in entries.items():
        post.keys[key] = _scalar_field(key_node, source, base)
        if isinstance(value_node, yaml.SequenceNode):  # "platforms[1]": where each item of a list sits
            for i, item in enumerate(value_node.value):
                if isinstance(item, yaml.ScalarNode):
                    post.values[f"{key}[{i}]"] = _scalar_field(item, source, base)
        if isinstance(value_node, yaml.ScalarNode):
            post.values[key] = _scalar_field(value_node, source, base)
            if key in meta and not isinstance(meta[key], (str, bool, int, float)) and meta[key] is not None:
                meta[key] = str(value_node.value)  # keep dates as written; rules parse them

    images = meta.get("images")
    if isinstance(images, list):
        nodes = _sequence(entries.get("images", (None, None))[1])
        for i, item in enumerate(images):
            item_nodes = _mapping(nodes[i]) if i < len(nodes) else {}
            if isinstance(item, str):
                item, item_nodes = {"file": item}, {"file": (None, nodes[i] if i < len(nodes) else None)}
            if not isinstance(item, dict) or not isinstance(item.get("file"), str):
                continue
            file_field = _string(item_nodes.get("file", (None, None))[1], source, base)
            alt = item.get("alt")
            alt_field = _string(item_nodes.get("alt", (None, None))[1], source, base) if alt is not None else None
            if isinstance(alt, str) and alt_field is None:
                alt_field = Field(alt, source, [], _anchor(post, "images"))
            post.images.append(
                Image(
                    file=file_field or Field(item["file"], source, [], _anchor(post, "images")),
                    alt=alt_field,
                    decorative=item.get("decorative") is True,
                )
            )

    videos = meta.get("videos")
    if isinstance(videos, list):
        nodes = _sequence(entries.get("videos", (None, None))[1])
        for i, item in enumerate(videos):
            item_nodes = _mapping(nodes[i]) if i < len(nodes) else {}
            if isinstance(item, str):
                item, item_nodes = {"file": item}, {"file": (None, nodes[i] if i < len(nodes) else None)}
            if not isinstance(item, dict) or not isinstance(item.get("file"), str):
                continue
            anchor = _anchor(post, "videos")
            file_field = _string(item_nodes.get("file", (None, None))[1], source, base)
            video = Video(file=file_field or Field(item["file"], source, [], anchor))
            captions = item.get("captions")
            caption_nodes = _sequence(item_nodes.get("captions", (None, None))[1])
            for j, name in enumerate(captions if isinstance(captions, list) else [captions]):
                if isinstance(name, str) and _BURNED_IN.fullmatch(name.strip()):
                    video.burned_in = True
                elif isinstance(name, str) and name.strip():  # `captions: ""` names no file (F003)
                    located = _string(caption_nodes[j], source, base) if j < len(caption_nodes) else None
                    video.captions.append(located or Field(name, source, [], anchor))
            video.sidecars, video.unlisted = discover_sidecars(post.directory, item["file"])
            video.loops = [p for p in video.sidecars if _loops(p)]
            video.sidecars = [p for p in video.sidecars if p not in video.loops]
            post.videos.append(video)

    settings = meta.get("postcheck")
    if isinstance(settings, dict) and isinstance(settings.get("ignore"), dict):
        ignore_node = _mapping(entries.get("postcheck", (None, None))[1]).get("ignore", (None, None))[1]
        ignore_nodes = _mapping(ignore_node)
        for code, reason in settings["ignore"].items():
            key_node = ignore_nodes.get(str(code), (None, None))[0]
            span = _scalar_field(key_node, source, base).span() if key_node else post.where()
            post.suppressions[str(code)] = Suppression(str(code), reason if isinstance(reason, str) else "", span)


def _loops(path: Path) -> bool:
    try:
        path.resolve()
        return False
    except (RuntimeError, OSError):
        return True


def discover_sidecars(directory: Path, file: str) -> tuple[list[Path], str]:
    """Caption files named like the video: clip.vtt, clip.srt, clip.en.vtt, clip.en_GB.srt, clip.en-GB.vtt; and, when
    the video's folder exists but cannot be listed, why (so that "no captions" is not claimed of captions postcheck
    cannot see)."""
    if "://" in file:
        return [], ""
    video = directory / file
    folder, stem = video.parent, video.stem
    try:
        names = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".vtt", ".srt"))
    except FileNotFoundError:
        return [], ""
    except OSError as error:
        return [], (error.strerror or str(error)).lower() if folder.is_dir() else ""
    found = []
    for path in names:
        name = path.name[: -len(path.suffix)]
        if name == stem:
            found.append(path)
        elif name.startswith(stem + "."):
            lang = name[len(stem) + 1 :]
            parts = re.split(r"[_-]", lang)  # en_GB as Facebook names it, en-GB as BCP 47 (and yt-dlp) write it
            if (
                1 <= len(parts) <= 2
                and parts[0].isalpha()
                and 2 <= len(parts[0]) <= 3
                and all(p.isalpha() for p in parts)
            ):
                found.append(path)
    return found, ""


# Characters JSON strings may hold raw that YAML refuses (DEL, the C1 controls: U+0092 is a mis-decoded apostrophe):
# YAML reads stand-ins of the same length from the Private Use Area, put back in the values afterwards.
_YAML_REFUSES = re.compile("[\x7f-\x9f]")
_STAND_IN = 0xF000


def _json_for_yaml(text: str) -> str:
    """JSON text that YAML reads with the same positions: tabs as spaces (JSON has them only between tokens)."""
    return _YAML_REFUSES.sub(lambda m: chr(_STAND_IN + ord(m.group())), text.replace("\t", " "))


def _as_json_reads(node: yaml.Node | None) -> None:
    """Scalar values as JSON reads them: stand-ins put back, and surrogate-pair escapes (`\ud83d\ude00`, which
    PyYAML takes for two lone surrogates) joined."""
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        value = "".join(chr(ord(c) - _STAND_IN) if 0xF07F <= ord(c) <= 0xF09F else c for c in node.value)
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            with contextlib.suppress(UnicodeDecodeError):  # a lone surrogate stays as it is
                value = value.encode("utf-16", "surrogatepass").decode("utf-16")
        node.value = value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _as_json_reads(key)
            _as_json_reads(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _as_json_reads(item)


def load_structured(source: Source, display: str, kind: str) -> Post | None:
    """A post from a YAML or JSON file that is a mapping with a `text` key; None for any other file."""
    if kind == "json":
        try:
            meta = json.loads(source.text)
        except json.JSONDecodeError as error:
            raise Unreadable(
                f"invalid JSON at {error.lineno}:{error.colno}: {error.msg}", line=error.lineno, column=error.colno
            ) from None
        except ValueError:  # Python reads no integer of over 4,300 digits (sys.get_int_max_str_digits)
            raise Unreadable("a number too long to read (over 4,300 digits): not a post") from None
        # libyaml refuses JSON's surrogate-pair escapes (every emoji, as `json.dumps` writes them); PyYAML's own
        # parser reads them as two lone surrogates, joined again below.
        pairs = re.search(r"\\u[dD][89abAB]", source.text) is not None
        try:
            node = yaml.compose(_json_for_yaml(source.text), Loader=yaml.SafeLoader if pairs else _Loader)
        except yaml.YAMLError:
            node = None  # valid JSON that YAML 1.1 cannot read: values without positions
        _as_json_reads(node)
    else:
        try:
            meta, node = parse_yaml(source.text)
        except UnknownTag:  # `!!python/name:` in mkdocs.yml, `!Ref` in CloudFormation: a tool's file, no post
            return None
    if not isinstance(meta, dict) or "text" not in meta:
        return None
    post = Post(source=source, display_path=display, format=kind, text=Field("", source, [], 0))
    fill_post(post, meta, node, 0)
    text = meta.get("text")
    if isinstance(text, str):
        post.text = post.values.get("text") or Field(text, source, [], 0)
    return post
