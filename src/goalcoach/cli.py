"""Command line entry point: the TUI by default, plus `check`, `export` and `import`.

Sub-commands are imported lazily so `goalcoach check` never pays for (or imports) textual.
"""

from __future__ import annotations

import sys

USAGE_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else ""
    if command == "check":
        from goalcoach.check_cli import main as check_main

        return _exit(check_main(args[1:]))
    if command in ("export", "import"):
        from goalcoach.transfer_cli import main as transfer_main

        return _exit(transfer_main(args))
    from goalcoach.tui_cli import main as tui_main

    return _exit(tui_main(args))


def _exit(code: int) -> int:
    return code
