"""The ``malgraf`` command (and ``python -m malgraf``), started so that Ctrl-C is handled from the first line.

Importing the command line takes a fifth of a second; an interrupt then, before ``malgraf.cli``
handles its own, would print a Python traceback.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130


def run() -> None:
    """Import the command line and run it; Ctrl-C while importing is ``Interrupted``, exit 130."""
    try:
        from malgraf.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted\n")
        raise SystemExit(INTERRUPTED) from None
    main()


if __name__ == "__main__":
    run()
