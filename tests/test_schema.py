"""The JSON Schemas: generated from the loader's tables, committed in schemas/, true to what postcheck accepts."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from postcheck import engine
from postcheck.catalogue import examples, pages_dir
from postcheck.config import STARTER, ConfigError, load_config
from postcheck.loaders import load_posts
from postcheck.schema import config_schema, post_schema

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (pip install '.[test]')")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def validator(schema: dict) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("kind", ["config", "post"])
def test_committed_schemas_match_what_postcheck_generates(kind: str):
    committed = json.loads((ROOT / "schemas" / f"{kind}.json").read_text(encoding="utf-8"))
    printed = subprocess.run(
        [sys.executable, "-m", "postcheck", "schema", kind], capture_output=True, text=True, check=True
    ).stdout
    generated = config_schema() if kind == "config" else post_schema()
    assert committed == generated == json.loads(printed), f"run: postcheck schema {kind} > schemas/{kind}.json"


def test_the_wheel_ships_the_schemas():
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]
    assert build["targets"]["wheel"]["force-include"]["schemas"] == "postcheck/schemas"


def _post_files() -> list[Path]:
    found = [p for p in FIXTURES.rglob("*") if p.suffix in (".md", ".yaml", ".yml", ".json") and p.is_file()]
    assert found
    return sorted(found)


def _meta(path: Path) -> dict:
    posts = load_posts(path, str(path), False)
    return posts[0].meta if posts else {}


@pytest.mark.parametrize("path", _post_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_post_validates(path: Path):
    errors = [e.message for e in validator(post_schema()).iter_errors(_meta(path))]
    assert errors == []


def test_every_good_example_post_of_the_rule_pages_validates(tmp_path: Path):
    check = validator(post_schema())
    checked = 0
    for page in sorted(pages_dir().glob("*.md")):
        if page.name.startswith("F00"):  # the F pages' examples are about files that are not posts
            continue
        good = examples(page).get("good")
        for name, content in (good.files if good else {}).items():
            if Path(name).suffix not in (".md", ".yaml", ".yml", ".json"):
                continue
            path = tmp_path / page.stem / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            errors = [e.message for e in check.iter_errors(_meta(path))]
            assert errors == [], f"{page.name} {name}"
            checked += 1
    assert checked > 20


def test_kind_status_and_platforms_validate_in_any_case_as_postcheck_reads_them(tmp_path: Path):
    path = tmp_path / "post.md"
    front = "platforms: [X, Facebook]\nkind: Share\nstatus: DRAFT\nsource: https://www.nhs.uk/flu"
    path.write_text(f"---\n{front}\n---\nRTs are not endorsements. Flu jabs are open.\n", encoding="utf-8")
    assert list(validator(post_schema()).iter_errors(_meta(path))) == []
    result = engine.run([str(path)], load_config(None), engine.Options(select=["F"], cache=False))
    assert result.findings == []
    path.write_text("---\nkind: Shares\n---\nHello\n", encoding="utf-8")
    assert list(validator(post_schema()).iter_errors(_meta(path))) != []


def test_init_starter_config_validates(tmp_path: Path):
    subprocess.run([sys.executable, "-m", "postcheck", "init"], cwd=tmp_path, check=True, capture_output=True)
    written = tomllib.loads((tmp_path / "postcheck.toml").read_text(encoding="utf-8"))
    assert list(validator(config_schema()).iter_errors(written)) == []
    assert tomllib.loads(STARTER) == written


FULL_CONFIG = """
platforms = ["x", "bluesky"]
[severity]
A205 = "info"
[per-file-ignores]
"archive/**" = ["P105"]
[platform.linkedin]
alt-max = 256
image-formats = ["jpeg"]
links-clickable = false
[captions]
max-cps = 17.5
[[custom]]
code = "C001"
phrases = ["miracle cure"]
forbid = true
message = "no health claims"
"""


def test_a_full_config_validates_and_postcheck_takes_it(tmp_path: Path):
    assert list(validator(config_schema()).iter_errors(tomllib.loads(FULL_CONFIG))) == []
    (tmp_path / "postcheck.toml").write_text(FULL_CONFIG, encoding="utf-8")
    load_config(tmp_path / "postcheck.toml")


BAD_CONFIGS = {
    "unknown platform": 'platforms = ["twitter"]',
    "misspelt key": 'platfroms = ["x"]',
    "unknown severity": 'fail-on = "fatal"',
    "wrong type": 'hashtags.max = "three"',
    "unknown limit": "platform.x.text-maximum = 100",
    "custom rule without a message": '[[custom]]\ncode = "C001"\nphrases = ["a"]\nforbid = true',
    "bad date order": 'schedule.date-order = "dym"',
}


@pytest.mark.parametrize("toml", BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
def test_a_wrong_config_fails_the_schema_as_it_fails_postcheck(toml: str, tmp_path: Path):
    assert list(validator(config_schema()).iter_errors(tomllib.loads(toml))) != []
    (tmp_path / "postcheck.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path / "postcheck.toml")


BAD_POSTS = {
    "unknown kind": ("kind: tweet", "F003"),
    "unknown platform": ("platforms: [x, myspace]", "F003"),
    "misspelt key": ("alt_text: A nurse", "F002"),
    "image without a file": ("images:\n  - alt: A nurse", "F003"),
    "paid as text": ("paid: maybe", "F003"),
    "unknown image key": ("images:\n  - file: a.png\n    caption: A nurse", "F002"),
}


@pytest.mark.parametrize(("front", "code"), BAD_POSTS.values(), ids=BAD_POSTS.keys())
def test_a_wrong_post_fails_the_schema_and_postcheck_flags_it(front: str, code: str, tmp_path: Path):
    path = tmp_path / "post.md"
    path.write_text(f"---\n{front}\n---\nHello\n", encoding="utf-8")
    assert list(validator(post_schema()).iter_errors(_meta(path))) != []
    result = engine.run([str(path)], load_config(None), engine.Options(select=["F"], cache=False))
    assert code in {f.code for f in result.findings}
