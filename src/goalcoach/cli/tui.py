"""`goalcoach` with no sub-command: open the profile and run the full-screen app."""

from __future__ import annotations

import argparse
import sys

from goalcoach import __version__

DESCRIPTION = """\
goalcoach: a private, keyboard-driven coach for the interview question
"What are your career goals?". Run it with no command to open the app.

commands:
  goalcoach check [PATH|-]      coach one answer (or --batch JSONL) without the app
  goalcoach export              write a prep sheet (markdown) or a backup (json)
  goalcoach import FILE         bring a backup back (--merge or --replace)
  goalcoach target --from-advert FILE|-
                                propose your target from a job advert (--apply saves it)
Run 'goalcoach COMMAND --help' for a command's options. --data-dir may go before or
after the command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goalcoach",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"goalcoach {__version__}")
    add_data_dir_argument(parser)
    return parser


def add_data_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="where your profile lives (default: $GOALCOACH_DATA_DIR or your user data directory)",
    )


def clean_line(text: str) -> str:
    """Text fit for one line of terminal output: no escape sequences, controls or newlines."""
    from goalcoach.textsafety import clean_text

    return " ".join(clean_text(text).encode("utf-8", "replace").decode("utf-8").split("\n"))


def fail(message: str) -> int:
    print(f"goalcoach: error: {clean_line(message)}", file=sys.stderr)
    return 2


def open_profile(data_dir_option: str | None):
    """Open the profile or return an exit code with a one-line message printed."""
    from goalcoach.paths import DataDirError, resolve_data_dir
    from goalcoach.profile import Profile, ProfileError

    try:
        profile = Profile.open(resolve_data_dir(data_dir_option))
    except (DataDirError, ProfileError) as error:
        return fail(str(error))
    if profile.quarantined is not None:
        print(
            clean_line(f"goalcoach: note: your profile could not be read ({profile.quarantine_reason}); it was moved "
                       f"to {profile.quarantined} and a fresh one was started"),
            file=sys.stderr,
        )
    return profile


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
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
    return 0
