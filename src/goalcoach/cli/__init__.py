"""Command line entry point: the app by default, plus `check`, `export` and `import`.

Sub-commands are imported lazily so `goalcoach check` never pays for (or imports) textual.
Global options (`--data-dir`) may stand before or after the sub-command.
"""

from __future__ import annotations

import argparse
import sys

PROFILE_COMMANDS = ("export", "import")


def global_options_parser() -> argparse.ArgumentParser:
    # No help and no abbreviations: everything else belongs to the sub-command's own parser.
    parser = argparse.ArgumentParser(prog="goalcoach", add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir", metavar="PATH")
    return parser


def split_global_options(args: list[str]) -> tuple[list[str], list[str]]:
    """Take the global options out of args, wherever they stand: (global options, the rest)."""
    if "--" in args:  # after '--' everything is an operand, never an option
        cut = args.index("--")
        options, rest = split_global_options(args[:cut])
        return options, rest + args[cut:]
    known, rest = global_options_parser().parse_known_args(args)
    options = ["--data-dir", known.data_dir] if known.data_dir is not None else []
    return options, rest


def main(argv: list[str] | None = None) -> int:
    """Run a command; whatever goes wrong, the person sees one line, never a traceback."""
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        print("\ngoalcoach: interrupted; nothing more was done", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - the last safety net: a bug must not print private text
        from goalcoach.cli.profile_options import clean_line

        print(clean_line(f"goalcoach: error: unexpected {type(error).__name__}; nothing more was done"), file=sys.stderr)
        return 2


def _dispatch(argv: list[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        options, args = split_global_options(args)
    except SystemExit as exit_:  # e.g. --data-dir without a path, already explained on stderr
        return exit_.code if isinstance(exit_.code, int) else 2
    command = args[0] if args else ""
    if command == "check":  # opens a profile only when --data-dir names one
        from goalcoach.cli.check import main as check_main

        return check_main(options + args[1:])
    if command == "target":
        from goalcoach.cli.target import main as target_main

        return target_main(args[1:] + options)
    if command in PROFILE_COMMANDS:
        from goalcoach.cli.transfer import main as transfer_main

        return transfer_main(args + options)
    from goalcoach.cli.tui import main as tui_main

    return tui_main(args + options)


if __name__ == "__main__":
    sys.exit(main())
