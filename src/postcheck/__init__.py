"""postcheck: a linter for social-media posts before they go live."""

__version__ = "0.1.0"
