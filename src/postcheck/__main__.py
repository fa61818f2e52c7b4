"""`python -m postcheck`."""

import os
import sys

# `python -m` puts the current folder first on sys.path, so a checked folder's yaml.py, or a module named like a
# plugin, would be imported in place of the real one: postcheck reads other people's folders, so never from there.
# (`postcheck` itself is already imported by then: the README shows the console script, or `python -P -m`.)
if not sys.flags.safe_path and sys.path and os.path.abspath(sys.path[0] or os.curdir) == os.getcwd():
    del sys.path[0]

from postcheck.cli import entry  # noqa: E402

entry()
