"""Headless Chromium driven over the DevTools protocol (a websocket): the report's browser tests and bench/report.py.

Needs Debian's `chromium` and the `websocket-client` package; `axe()` also needs npm's `axe-core`. Nothing is
downloaded: the browser is the system's, and it loads only the files it is given.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_path() -> str | None:
    """The system's Chromium, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def axe_path() -> Path | None:
    """axe.min.js from $AXE_CORE_JS, or an `npm install axe-core` in the checkout (or .ci/npm), or None."""
    given = os.environ.get("AXE_CORE_JS")
    if given:
        return Path(given) if Path(given).is_file() else None
    root = Path(__file__).resolve().parents[1]
    for folder in (root, root / ".ci" / "npm"):
        candidate = folder / "node_modules" / "axe-core" / "axe.min.js"
        if candidate.is_file():
            return candidate
    return None


class Browser:
    """One headless Chromium with one page, spoken to over the DevTools protocol."""

    def __init__(self) -> None:
        import websocket  # websocket-client

        executable = chromium_path()
        if executable is None:
            raise RuntimeError("Chromium not found")
        self.profile = tempfile.mkdtemp(prefix="postcheck-chromium-")
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",  # containers give /dev/shm 64 MB: Chromium would crash on big pages
                "--no-first-run",
                "--no-default-browser-check",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not start its DevTools server")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:  # noqa: S310
            pages = [t for t in json.load(answer) if t.get("type") == "page"]
        self.socket = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.send("Page.enable")
        self.send("Runtime.enable")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call a DevTools method and return its result (events that arrive meanwhile are kept)."""
        self.next_id += 1
        ident = self.next_id
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_event(self, method: str, timeout: float = 30) -> dict[str, Any]:
        """The next event called `method`."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            self.events.append(json.loads(self.socket.recv()))

    def open(self, path: Path, width: int = 1280, height: int = 900, fragment: str = "") -> None:
        """Load a file at a viewport size, and wait until its script has run."""
        self.send(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 500
        )
        self.events.clear()
        self.send("Page.navigate", url="about:blank")  # a new document even when only the fragment differs
        self.wait_event("Page.loadEventFired")
        self.send("Page.navigate", url=path.resolve().as_uri() + fragment)
        self.wait_event("Page.loadEventFired")

    def js(self, expression: str) -> Any:
        """Evaluate JavaScript in the page (promises awaited) and return its value."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key: str, text: str = "", shift: bool = False) -> None:
        """Press one key as a keyboard does (Tab, Enter, Space, ArrowDown, a letter)."""
        codes = {"Tab": 9, "Enter": 13, " ": 32, "ArrowDown": 40, "ArrowUp": 38, "Escape": 27}
        code = codes.get(key, ord(key.upper()) if len(key) == 1 else 0)
        common = {"key": key, "windowsVirtualKeyCode": code, "modifiers": 8 if shift else 0}
        if key == "Enter":
            text = "\r"
        self.send("Input.dispatchKeyEvent", type="keyDown" if text else "rawKeyDown", text=text, **common)
        self.send("Input.dispatchKeyEvent", type="keyUp", **common)

    def type(self, text: str) -> None:
        """Type text into the focused control."""
        for char in text:
            self.key(char, char)

    def axe(self, script: Path) -> list[dict[str, Any]]:
        """axe-core's violations on the page: its default rules plus the WCAG 2.2 AA tags (one run)."""
        self.js(script.read_text(encoding="utf-8"))  # DevTools evaluation is not bound by the page's CSP
        shape = (
            "r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(n => n.html)}))"
        )
        # axe's default rules carry these tags or "best-practice"; naming the tags adds WCAG 2.2 AA's (target size).
        options = json.dumps({"runOnly": {"type": "tag", "values": [*AXE_TAGS, "best-practice"]}})
        found = self.js(f"axe.run(document, {options}).then({shape})")
        return found

    def close(self) -> None:
        """Stop the browser and remove its profile."""
        try:
            if getattr(self, "socket", None) is not None:
                self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)
