"""`python -m postcheck`."""

from postcheck.cli import main

main()
