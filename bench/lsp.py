"""Latency of `postcheck server` while a post is edited: from a change sent to its diagnostics received.

    python bench/lsp.py [--repeat 30]

Two cases, after start-up (the server has loaded its rules and word models): a text-only post of 2,000
characters, and a post that gains a new image on every change (a PNG written to disk just before, so its
probe is not cached). Targets: 50 ms and 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

SENTENCE = "Book your #flujab at a pharmacy or your GP surgery, and stay well this winter: https://www.nhs.uk/flu. "


def text_post(n: int) -> str:
    body = (SENTENCE * 30)[: 2000 - 40] + f" Edit {n}."
    return f"---\nplatforms: [x, facebook, bluesky]\n---\n{body}\n"


def image_post(n: int) -> str:
    return (
        f"---\nimages:\n  - file: new-{n}.png\n    alt: A poster of the clinic's opening times, {n}\n---\nOpen today.\n"
    )


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("postcheck-bench", "1")
        self.arrived: dict[str, asyncio.Event] = {}

        @self.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(client: Client, params: lsp.PublishDiagnosticsParams) -> None:
            event = client.arrived.get(params.uri)
            if event is not None:
                event.set()


async def edit(client: Client, uri: str, text: str, version: int) -> float:
    """Seconds from sending the change to receiving the diagnostics."""
    event = client.arrived[uri] = asyncio.Event()
    start = time.perf_counter()
    if version == 1:
        item = lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(item))
    else:
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    await asyncio.wait_for(event.wait(), 60)
    return time.perf_counter() - start


async def bench(repeat: int) -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "postcheck.toml").write_text('[links]\napproved = ["nhs.uk"]\n', encoding="utf-8")
        client = Client()
        await client.start_io(sys.executable, "-m", "postcheck", "server")
        await client.initialize_async(
            lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri())
        )
        client.initialized(lsp.InitializedParams())

        text_uri = (root / "long.md").as_uri()
        await edit(client, text_uri, text_post(0), 1)  # start-up: the first check loads everything
        await edit(client, text_uri, text_post(1), 2)
        text_times = [await edit(client, text_uri, text_post(n), n + 1) for n in range(2, repeat + 2)]

        image_uri = (root / "image.md").as_uri()
        await edit(client, image_uri, "Open today.\n", 1)
        image_times = []
        for n in range(2, repeat + 2):
            Image.new("RGB", (1200, 675), (n * 7 % 256, 90, 160)).save(root / f"new-{n}.png")
            image_times.append(await edit(client, image_uri, image_post(n), n))

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()

    for name, times, target in (
        ("text-only post, 2,000 chars", text_times, 50),
        ("post with a new image", image_times, 300),
    ):
        ms = sorted(t * 1000 for t in times)
        p90 = ms[int(len(ms) * 0.9) - 1]
        verdict = "within" if p90 <= target else "OVER"
        print(
            f"{name:30} median {statistics.median(ms):6.1f} ms  p90 {p90:6.1f} ms  ({verdict} the {target} ms target)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    asyncio.run(bench(parser.parse_args().repeat))


if __name__ == "__main__":
    main()
