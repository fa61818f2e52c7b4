"""`check --watch`: checks again when a post or the config changes on disk."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path


def _lines(process: subprocess.Popen) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _until_watching(lines: queue.Queue) -> str:
    """What the watcher printed up to its next "watching" line."""
    seen = []
    while True:
        line = lines.get(timeout=60)  # a guard against a hang, not a speed check
        assert line is not None, "".join(seen)
        seen.append(line)
        if "watching for changes" in line:
            return "".join(seen)


def test_watch_checks_again_after_a_post_and_the_config_change(tmp_path: Path):
    post = tmp_path / "flu.md"
    post.write_text("Book your #flujab at http://www.nhs.uk/flu\n", encoding="utf-8")
    (tmp_path / "postcheck.toml").write_text('[links]\napproved = ["nhs.uk"]\n', encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "postcheck", "check", "--watch", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Ctrl-C's default action, even when the suite runs as a background job (which starts with SIGINT ignored)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        lines = _lines(process)
        first = _until_watching(lines)
        assert "A201" in first and "L103" in first
        post.write_text("Book your #FluJab at http://www.nhs.uk/flu\n", encoding="utf-8")
        second = _until_watching(lines)
        assert "flu.md changed: checking again" in second
        assert "A201" not in second and "L103" in second
        (tmp_path / "postcheck.toml").write_text('ignore = ["L103"]\n[links]\napproved = ["nhs.uk"]\n', "utf-8")
        third = _until_watching(lines)
        assert "postcheck.toml changed" in third and "L103" not in third
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    assert process.returncode == 0
