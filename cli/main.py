"""`main`: parse the command line, run the command, turn user errors into one line and exit 2."""

from __future__ import annotations

import sys

from experiments.spec import SpecError
from model import ParameterError

from .arguments import UsageError
from .commands import HANDLERS
from .parser import build_parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "run")
    args = build_parser().parse_args(argv)
    try:
        return HANDLERS[args.command](args)
    except (UsageError, ParameterError, SpecError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; finished runs are stored: re-run the same command to resume",
              file=sys.stderr)
        return 130
