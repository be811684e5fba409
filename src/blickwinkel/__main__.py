"""``python -m blickwinkel``: the same command line as the ``blickwinkel`` script."""

from __future__ import annotations

from blickwinkel.cli.main import main

if __name__ == "__main__":
    main()
