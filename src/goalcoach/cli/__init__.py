"""Command line entry point: the app by default, plus `check`, `export` and `import`.

Sub-commands are imported lazily so `goalcoach check` never pays for (or imports) textual.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run a command; whatever goes wrong, the person sees one line, never a traceback."""
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        print("\ngoalcoach: interrupted; nothing more was done", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - the last safety net: a bug must not print private text
        from goalcoach.cli.tui import clean_line

        print(clean_line(f"goalcoach: error: unexpected {type(error).__name__}; nothing more was done"), file=sys.stderr)
        return 2


def _dispatch(argv: list[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else ""
    if command == "check":
        from goalcoach.cli.check import main as check_main

        return check_main(args[1:])
    if command in ("export", "import"):
        from goalcoach.cli.transfer import main as transfer_main

        return transfer_main(args)
    from goalcoach.cli.tui import main as tui_main

    return tui_main(args)


if __name__ == "__main__":
    sys.exit(main())
