"""Kolaborasi's one entry point. `python run.py` runs the baseline; `python run.py -h` lists commands."""

import sys

from cli import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        sys.exit(0)
