"""JSON Schemas for postcheck.toml and for a post's keys, built from the tables the config loader and F002/F003 read."""

from __future__ import annotations

from typing import Any

from postcheck.config import (
    ALL_PLATFORMS,
    BOOL,
    CUSTOM_KEYS,
    INT,
    NUM,
    SCHEMA,
    SEVERITIES,
    STR,
    STRS,
    TABLE,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SEVERITY = {"enum": list(SEVERITIES)}
PLATFORM = {"enum": list(ALL_PLATFORMS)}


def any_case(values: list[str]) -> dict[str, Any]:
    """One of `values`, in any case, as a post's loader reads them ("Share", "X"): the list for an editor's
    completion, and a pattern that takes every casing of it."""
    letters = ("".join(f"[{c.upper()}{c}]" if c.isalpha() else c for c in value) for value in values)
    return {"anyOf": [{"enum": values}, {"type": "string", "pattern": f"^(?:{'|'.join(letters)})$"}]}


# A rule code or prefix in any case (A201, a2), or a rule's name (hashtag-not-camel-case)
RULE = "^(ALL|[A-Za-z][0-9]{0,4}|[a-z][a-z0-9]*(-[a-z0-9]+)+)$"
CODES = {"type": "array", "items": {"type": "string", "pattern": RULE}}

# What the loader's types mean in JSON Schema.
TYPES: dict[str, dict[str, Any]] = {
    STR: {"type": "string"},
    INT: {"type": "integer", "minimum": 0},
    NUM: {"type": "number", "minimum": 0},
    BOOL: {"type": "boolean"},
    STRS: {"type": "array", "items": {"type": "string"}},
    TABLE: {"type": "object"},
    "list of tables": {"type": "array", "items": {"type": "object"}},
}

# Values the loader's validation narrows further than their type (see config._validate).
NARROWER: dict[str, dict[str, Any]] = {
    "platforms": {"type": "array", "items": PLATFORM, "minItems": 1},
    "select": CODES,
    "ignore": CODES,
    "fail-on": SEVERITY,
    "severity": {"type": "object", "propertyNames": {"pattern": RULE}, "additionalProperties": SEVERITY},
    "per-file-ignores": {"type": "object", "additionalProperties": CODES},
    "schedule.date-order": {"enum": ["dmy", "mdy", "ymd"]},
    "image-text.min-coverage": {"type": "number", "minimum": 0, "maximum": 1},
}


def _platform_limits() -> dict[str, Any]:
    from postcheck.text.platforms import OVERRIDABLE, limit_kind

    kinds = {
        "names": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "flag": {"type": "boolean"},
        "ratios": {"type": "array", "items": {"type": "number", "minimum": 0}, "minItems": 2, "maxItems": 2},
        "seconds": {"type": "number", "minimum": 0},
        "count": {"type": "integer", "minimum": 0},
    }
    limits = {name.replace("_", "-"): kinds[limit_kind(name)] for name in OVERRIDABLE}
    table = {"type": "object", "properties": limits, "additionalProperties": False}
    return {"type": "object", "propertyNames": PLATFORM, "additionalProperties": table}


def _custom_rule() -> dict[str, Any]:
    from postcheck.rules.files import KINDS

    properties = {
        "code": {"type": "string", "pattern": "^C[0-9]{3,4}$"},
        "name": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "pattern": {"type": "string", "minLength": 1},
        "phrases": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        "forbid": {"type": "boolean"},
        "require": {"type": "boolean"},
        "message": {"type": "string", "minLength": 1},
        "severity": SEVERITY,
        "platforms": {"type": "array", "items": PLATFORM},
        "kinds": {"type": "array", "items": {"enum": list(KINDS)}},
    }
    missing = set(CUSTOM_KEYS) - set(properties)
    if missing:  # a key the loader accepts must be described here
        raise RuntimeError(f"the config schema does not describe [[custom]] keys {sorted(missing)}")
    return {
        "type": "object",
        "properties": {key: properties[key] for key in CUSTOM_KEYS},
        "required": ["code", "message"],
        "oneOf": [{"required": ["pattern"]}, {"required": ["phrases"]}],
        "additionalProperties": False,
    }


def _table(schema: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key, spec in schema.items():
        where = prefix + key
        if isinstance(spec, dict):
            properties[key] = _table(spec, where + ".")
            continue
        kind, default = spec
        if where == "platform":
            described = _platform_limits()
        elif where == "custom":
            described = {"type": "array", "items": _custom_rule()}
        else:
            described = dict(NARROWER.get(where, TYPES[kind]))
        properties[key] = {**described, "default": default}
    return {"type": "object", "properties": properties, "additionalProperties": False}


def config_schema() -> dict[str, Any]:
    """The JSON Schema of postcheck.toml (and of [tool.postcheck] in pyproject.toml), from config.SCHEMA."""
    return {
        "$schema": DRAFT,
        "title": "postcheck configuration",
        "description": "postcheck.toml, or [tool.postcheck] in pyproject.toml.",
        **_table(SCHEMA),
    }


def post_schema() -> dict[str, Any]:
    """The JSON Schema of a post's front matter, or of a YAML / JSON post, from the keys F002 and F003 know."""
    from postcheck.rules.files import IMAGE_KEYS, KEYS, KINDS, STATUSES, VIDEO_KEYS

    text = {"type": "string"}
    address = {"type": "string", "description": "the address (URL) of the post"}
    image = {
        "file": {"type": "string", "description": "the image file, relative to the post"},
        "alt": {"type": "string", "description": "alt text: what the image shows, for people who cannot see it"},
        "decorative": {"type": "boolean", "description": "true with an empty alt for a purely decorative image"},
    }
    video = {
        "file": {"type": "string", "description": "the video file, relative to the post"},
        "captions": {
            "description": "caption files (.vtt, .srt) relative to the post, or `burned-in`",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
        },
    }
    fields: dict[str, Any] = {
        "platforms": {
            "description": "where the post goes (default: the config's `platforms`)",
            "anyOf": [{"type": "array", "items": any_case(list(ALL_PLATFORMS))}, {"type": "string"}],
        },
        "publish_at": {"type": "string", "description": "ISO 8601 date-time with an offset: 2026-12-01T09:30:00+00:00"},
        "kind": {**any_case(list(KINDS)), "description": "default: reply with in_reply_to, else post"},
        "status": {
            **any_case(list(STATUSES)),
            "description": "draft, scheduled or published (default: from publish_at)",
        },
        "source": {**address, "description": "what a share, quote or repost shares"},
        "in_reply_to": {**address, "description": "what a reply answers"},
        "paid": {"type": "boolean", "description": "paid advertising or partnership (needs an ad label)"},
        "title": {**text, "description": "YouTube's title, and the post's heading in reports"},
        "text": {**text, "description": "the post text (YAML and JSON posts)"},
        "images": {"type": "array", "items": _media(image, IMAGE_KEYS)},
        "videos": {"type": "array", "items": _media(video, VIDEO_KEYS)},
        "postcheck": {
            "type": "object",
            "properties": {
                "ignore": {
                    "type": "object",
                    "description": "rule code or name -> the reason this post may break it",
                    "propertyNames": {"pattern": RULE},
                    "additionalProperties": {"type": "string", "minLength": 1},
                }
            },
            "additionalProperties": False,
        },
    }
    _require_all(fields, KEYS, "post")
    return {
        "$schema": DRAFT,
        "title": "postcheck post",
        "description": "The front matter of a Markdown post, or a YAML / JSON post (which has `text`).",
        "type": "object",
        "properties": {key: fields[key] for key in sorted(KEYS)},
        "additionalProperties": False,
    }


def _media(properties: dict[str, Any], keys: set[str]) -> dict[str, Any]:
    _require_all(properties, keys, "media")
    entry = {"type": "object", "properties": properties, "required": ["file"], "additionalProperties": False}
    return {"anyOf": [{"type": "string"}, entry]}


def _require_all(described: dict[str, Any], keys: set[str], what: str) -> None:
    """Every key the loader knows is described (a new key without a schema fails here, and so in the tests)."""
    missing = keys - set(described)
    if missing:
        raise RuntimeError(f"the {what} schema does not describe {sorted(missing)}")
