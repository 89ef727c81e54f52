"""`goalcoach` with no sub-command: open the profile and run the full-screen app."""

from __future__ import annotations

import argparse
import sys

from goalcoach import __version__
from goalcoach.cli.profile_options import add_data_dir_argument, data_dir_help, data_dir_option, open_profile

DESCRIPTION = """\
goalcoach: a private, keyboard-driven coach for the interview question
"What are your career goals?". Run it with no command to open the app.

commands:
  goalcoach check [PATH|-]    coach an answer (or --batch JSONL), no app needed
  goalcoach export            write a prep sheet (markdown) or a backup (json)
  goalcoach import FILE       bring a backup back (--merge or --replace)
  goalcoach target --from-advert FILE|-
                              read a job advert into your target (--apply saves)
Run 'goalcoach COMMAND --help' for a command's options. --data-dir may go
before or after the command.
"""


def build_parser(data_dir: str | None = None) -> argparse.ArgumentParser:
    """The main command's parser; its help ends with the folder the profile is kept in (the
    one `data_dir`, a --data-dir given, names; else $GOALCOACH_DATA_DIR's or the default)."""
    parser = argparse.ArgumentParser(
        prog="goalcoach",
        description=DESCRIPTION,
        epilog=data_dir_help(data_dir),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"goalcoach {__version__}")
    add_data_dir_argument(parser)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser(data_dir_option(argv)).parse_args(argv)
    profile = open_profile(args.data_dir)
    if isinstance(profile, int):
        return profile
    return run_app(profile)


def run_app(profile) -> int:
    """Run the app so that every way it can end saves first, and the process never outlives
    its terminal by more than a moment."""
    import os

    from goalcoach.app import GoalCoachApp
    from goalcoach.profile.journal import DraftJournal
    from goalcoach.terminal_guard import TerminalGuard

    journal = DraftJournal(profile.data_dir)
    app = GoalCoachApp(profile, journal=journal)
    guard = TerminalGuard(app.request_end, journal.flush)
    # The driver draws on stderr, and errors are printed there on exit: a failed write there
    # is a lost terminal, not a crash.
    screen, errors = sys.__stderr__, sys.stderr
    sys.__stderr__ = guard.guard_output(screen)  # type: ignore[assignment]
    sys.stderr = sys.__stderr__ if errors is screen else guard.guard_output(errors)
    guard.start()
    try:
        app.run()
    finally:
        journal.close()
        guard.stop()
        sys.__stderr__, sys.stderr = screen, errors
    if guard.terminal_lost:
        os._exit(0)  # nothing left to show it on; skip waiting for threads tied to the terminal
    # An unexpected error was shown as one short notice; the exit code says it too.
    return 0 if not app.return_code else 2
