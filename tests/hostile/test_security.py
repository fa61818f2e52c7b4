"""Hostile repositories and links must not steer postcheck: a committed cache cannot hide findings, every changed
file is checked, internal addresses are never connected to, terminal output cannot be hijacked, and the checked
folder's modules are never imported (issue 12, items 3, 5, 6, 7 and 8)."""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck import cache
from postcheck.media.probe_cache import content_hash
from postcheck.text import fetch as fetch_module
from tests.conftest import FIXED_NOW, run_cli, write
from tests.video_factory import make_video, tone

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
VIDEO_POST = "---\nplatforms: [x]\nvideos: [{file: clip.mp4}]\n---\nHello\n"
# What a fake probe entry would claim to hide A301: the video has no sound.
SILENT = {
    "duration": 2.0, "width": 32, "height": 32, "has_audio": False, "subtitle_codecs": [], "size": 1,
    "video_codec": "h264", "audio_codec": None, "audio_channels": 0, "audio_rate": 0, "fps": 4.0, "rotation": 0,
    "format_name": "mp4",
}  # fmt: skip


@pytest.fixture
def key_home(tmp_path, monkeypatch):
    """A user cache folder of its own, and a key read afresh from it."""
    home = tmp_path / "user-cache"
    monkeypatch.setenv("POSTCHECK_MODEL_CACHE", str(home))
    monkeypatch.setattr(cache, "_key", None)
    monkeypatch.setattr(cache, "_tracked", {})
    return home


@pytest.fixture
def talking(tmp_path):
    root = write(tmp_path / "repo", {"postcheck.toml": "", "p.md": VIDEO_POST})
    make_video(root / "clip.mp4", 2.0, audio=tone())
    return root


def _check(root: Path, *args: str):
    return run_cli(".", "--format", "json", "--now", FIXED_NOW, *args, cwd=root)


def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=True)
    return done.stdout.decode()


# ----------------------------------------------------------------------------------- 3: cache poisoning


def _plant_probe(root: Path, entry: object) -> Path:
    path = root / ".postcheck_cache" / "media" / f"{content_hash(root / 'clip.mp4')}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(entry))
    return path


def test_a_planted_probe_entry_cannot_hide_a301(talking, key_home):
    _plant_probe(talking, {"version": 1, "probe": {"info": SILENT}})  # as a cloned repository would bring it
    assert _check(talking).codes == ["A301"]


def test_an_entry_signed_with_another_users_key_is_a_miss(talking, key_home, monkeypatch):
    _check(talking)  # fills the cache under this user's key
    entry = next((talking / ".postcheck_cache" / "media").glob("*.json"))
    envelope = json.loads(entry.read_text())
    assert envelope["format"] == cache.FORMAT and cache.read_json(entry, talking / ".postcheck_cache")
    monkeypatch.setattr(cache, "_key", b"another user's key".ljust(32, b"!"))
    entry.write_bytes(cache._sign({"version": 1, "probe": {"info": SILENT}}, "media/" + entry.name))
    monkeypatch.setattr(cache, "_key", None)  # back to this user's key, read from the user cache folder
    assert cache.read_json(entry, talking / ".postcheck_cache") is None
    assert _check(talking).codes == ["A301"]


def test_a_genuine_entry_copied_to_another_name_is_a_miss(tmp_path, key_home):
    folder = tmp_path / ".postcheck_cache"
    cache.write_json(folder / "a.json", {"x": 1}, folder)
    (folder / "b.json").write_bytes((folder / "a.json").read_bytes())
    assert cache.read_json(folder / "a.json", folder) == {"x": 1}
    assert cache.read_json(folder / "b.json", folder) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_the_key_is_kept_outside_the_repository_readable_by_its_owner_only(talking, key_home):
    _check(talking)
    key = key_home / "postcheck" / cache.KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_text()) == 64
    assert not list(talking.rglob(cache.KEY_FILE))


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_a_key_others_can_read_is_not_trusted(tmp_path, key_home):
    folder = tmp_path / ".postcheck_cache"
    cache.write_json(folder / "a.json", {"x": 1}, folder)
    os.chmod(key_home / "postcheck" / cache.KEY_FILE, 0o644)
    cache._key = None
    assert cache.read_json(folder / "a.json", folder) is None


@needs_git
def test_a_cache_folder_git_tracks_is_ignored_with_one_warning(talking, key_home):
    _check(talking)  # a genuine cache, then committed by mistake
    _git(talking, "init", "-q")
    _git(talking, "add", "-A")
    _git(talking, "add", "-f", ".postcheck_cache")  # past its own .gitignore
    _git(talking, "commit", "-qm", "posts and, by mistake, the cache")
    assert ".postcheck_cache/" in _git(talking, "ls-files")
    entry = next((talking / ".postcheck_cache" / "media").glob("*.json"))
    run = _check(talking)
    assert run.codes == ["A301"]
    assert run.stderr.count("is tracked by git") == 1 and "git rm -r --cached .postcheck_cache" in run.stderr
    assert cache.read_json(entry, talking / ".postcheck_cache") is None


# ----------------------------------------------------------------------------------- 5: --changed-since names


@needs_git
@pytest.mark.skipif(sys.platform == "win32", reason="a tab in a file name is POSIX only")
def test_changed_since_checks_files_with_tabs_and_accents_in_their_names(tmp_path):
    root = write(tmp_path, {"postcheck.toml": "", "old.md": "Hello\n"})
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "start")
    names = ["café.md", "tab\tin name.md", "日本.md", 'quote".md']
    write(root, {name: "Book your #flujab\n" for name in names})
    _git(root, "add", "café.md", "日本.md")  # staged; the others untracked
    run = run_cli("--changed-since", "HEAD", "--format", "json", "--now", FIXED_NOW, "--no-cache", cwd=root)
    assert sorted(f["path"] for f in run.json["findings"]) == sorted(names)


# ----------------------------------------------------------------------------------- 6: SSRF guard


class _NoNetwork:
    """Stands in for socket.socket in fetch.py: records every connect and connects nowhere."""

    attempts: list = []
    peer: str | None = None  # the address getpeername reports (a DNS rebinding answer), else the one connected

    def __init__(self, family: int = socket.AF_INET, kind: int = socket.SOCK_STREAM, *args: object) -> None:
        self.address: tuple | None = None

    def settimeout(self, value: float | None) -> None:
        pass

    def connect(self, address: tuple) -> None:
        _NoNetwork.attempts.append(address[0])
        self.address = address
        if _NoNetwork.peer is None:
            raise ConnectionRefusedError("the test network connects nowhere")

    def getpeername(self) -> tuple:
        return (_NoNetwork.peer, 80)

    def close(self) -> None:
        pass


@pytest.fixture
def no_network(monkeypatch):
    """socket.socket and getaddrinfo patched in fetch.py: `answers[name]` is what DNS says."""
    answers: dict[str, list[str]] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        ips = answers.get(host, [host])
        return [(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ips]

    _NoNetwork.attempts, _NoNetwork.peer = [], None
    monkeypatch.setattr(fetch_module.socket, "socket", _NoNetwork)
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    return answers


REFUSED = {
    "NAT64 of loopback": "64:ff9b::7f00:1",
    "NAT64 of 10/8": "64:ff9b::a00:1",
    "local-use NAT64": "64:ff9b:1::a00:1",
    "6to4 of loopback": "2002:7f00:1::1",
    "6to4 of 192.168/16": "2002:c0a8:101::1",
    "IPv4-compatible": "::7f00:1",
    "IPv4-compatible 10/8": "::a00:1",
    "IPv4-mapped": "::ffff:127.0.0.1",
    "IPv4-mapped 169.254": "::ffff:169.254.169.254",
    "site-local": "fec0::1",
    "Teredo to 192.168.1.1": "2001:0:4136:e378:8000:63bf:3f57:fefe",
    "ULA": "fd00::1",
}


@pytest.mark.parametrize("address", REFUSED.values(), ids=REFUSED.keys())
def test_a_name_resolving_to_an_ipv6_form_of_a_private_address_is_never_connected_to(no_network, address):
    no_network["sneaky.example"] = [address]
    result = fetch_module.fetch("http://sneaky.example/")
    assert result.refused and _NoNetwork.attempts == []


@pytest.mark.parametrize("address", REFUSED.values(), ids=REFUSED.keys())
def test_a_literal_ipv6_form_of_a_private_address_is_never_connected_to(no_network, address):
    result = fetch_module.fetch(f"http://[{address}]/")
    assert result.refused and _NoNetwork.attempts == []


SPELLINGS = ["http://%31%32%37.0.0.1/", "http://127.1/", "http://0x7f.1/", "http://2130706433/", "http://0177.0.0.1/"]


@pytest.mark.parametrize("url", SPELLINGS)
def test_spellings_of_loopback_are_refused_without_a_connection(no_network, url):
    result = fetch_module.fetch(url)
    assert result.refused and _NoNetwork.attempts == []


def test_the_connection_level_guard_refuses_a_peer_that_turns_out_private(no_network):
    no_network["rebinding.example"] = ["93.184.216.34"]
    _NoNetwork.peer = "10.0.0.7"  # where the socket actually went
    result = fetch_module.fetch("http://rebinding.example/")
    assert result.refused and "10.0.0.7" in (result.error or "")
    assert _NoNetwork.attempts == ["93.184.216.34"]


def test_public_addresses_and_their_nat64_forms_are_allowed(no_network):
    for ip in ("93.184.216.34", "64:ff9b::5db8:d822", "2606:4700::1111"):
        assert not fetch_module.refused_ip(ipaddress.ip_address(ip))
    no_network["public.example"] = ["64:ff9b::5db8:d822"]
    result = fetch_module.fetch("http://public.example/")
    assert not result.refused and _NoNetwork.attempts == ["64:ff9b::5db8:d822"]  # tried, refused by the fake


# ----------------------------------------------------------------------------------- 7: terminal escapes


@pytest.mark.skipif(sys.platform == "win32", reason="a newline in a file name is POSIX only")
def test_control_characters_from_posts_and_file_names_never_reach_the_terminal_raw(tmp_path):
    evil_text = "Book now \x1b]0;pwned\x07 #flujab \x1b[8mhidden\x1b[0m \x9b31m done"
    write(tmp_path, {"postcheck.toml": "", "bad\nname.md": evil_text + "\n", "p.md": evil_text + "\n"})
    run = run_cli(".", "--now", FIXED_NOW, "--no-cache", cwd=tmp_path)
    assert run.exit_code == 0 and "Found 2 problems" in run.output
    assert not any(ch in run.output for ch in "\x1b\x07\x9b")
    assert "bad\\nname.md:1:" in run.output
    located = [line for line in run.output.splitlines() if ": A201 " in line]
    assert len(located) == 2 and all(line.split(":")[1] == "1" for line in located)


def test_escaped_snippets_keep_the_carets_under_the_text(tmp_path):
    write(tmp_path, {"postcheck.toml": "", "p.md": "A\x1b[2Jb #flujab\n"})
    out = run_cli(".", "--now", FIXED_NOW, "--no-cache", "--select", "A201", cwd=tmp_path).output.splitlines()
    line, carets = next(i for i, text in enumerate(out) if "#flujab" in text and "|" in text), None
    carets = out[line + 1]
    assert "\x1b" not in out[line] and out[line][carets.index("^") :].startswith("#flujab")


# ----------------------------------------------------------------------------------- 8: python -m postcheck


def test_python_m_postcheck_imports_nothing_from_the_checked_folder(tmp_path):
    marker = tmp_path / "IMPORTED"
    for name in ("yaml", "typer", "jinja2", "click"):  # imported by postcheck after start-up
        (tmp_path / f"{name}.py").write_text(f"open({str(marker)!r}, 'a').write({name!r})\n")
    (tmp_path / "p.md").write_text("Hello\n")
    done = subprocess.run(
        [sys.executable, "-m", "postcheck", "check", ".", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")},
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    assert not marker.exists()


def test_a_named_post_that_is_a_link_out_of_the_root_is_never_read(tmp_path):
    """pre-commit names a committed `post.md -> /etc/passwd`: F001 on the link, and not a word of the target."""
    secret = tmp_path / "outside" / "secret.txt"
    write(secret.parent, {"secret.txt": "---\nplatforms: [x]\n---\nTOP-SECRET-TOKEN #flujab\n"})
    repo = write(tmp_path / "repo", {"postcheck.toml": 'platforms = ["x"]\n'})
    (repo / "leak.md").symlink_to(secret)
    for args in (["leak.md"], ["leak.md", "--format", "json"], ["."]):
        run = run_cli(*args, cwd=repo)
        assert "TOP-SECRET-TOKEN" not in run.output and "A201" not in run.output, args
    run = run_cli("leak.md", "--format", "json", cwd=repo)
    assert [(f["path"], f["code"]) for f in run.json["findings"]] == [("leak.md", "F001")]
    assert "out of the posts root" in run.json["findings"][0]["message"]
    shown = run_cli("leak.md", "--show-files", cwd=repo)
    assert shown.exit_code == 0 and "leading out of the posts root" in shown.output
