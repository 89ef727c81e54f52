"""What every command shares: the --data-dir option, opening the profile, one-line errors.

Kept apart from tui.py so `export`, `import` and `check` never import the app.
"""

from __future__ import annotations

import argparse
import os
import sys


def add_data_dir_argument(parser: argparse.ArgumentParser) -> None:
    from goalcoach.paths import ENV_DATA_DIR, default_data_dir

    default = f"${ENV_DATA_DIR} if set, else {default_data_dir()}"
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        # argparse formats help with %: a path may hold one.
        help=f"where your profile lives (default: {default})".replace("%", "%%"),
    )


def data_dir_option(argv: list[str]) -> str | None:
    """The --data-dir in argv, if any, read before the rest (so --help can name the folder)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir", metavar="PATH")
    known, _ = parser.parse_known_args(argv)
    return known.data_dir


def data_dir_help(data_dir_option: str | None) -> str:
    """Where this run keeps the profile, and how to choose another folder or back it up: the
    main --help's last lines."""
    from goalcoach.paths import ENV_DATA_DIR, resolve_data_dir

    if data_dir_option:
        chosen = "chosen with --data-dir"
    elif os.environ.get(ENV_DATA_DIR):
        chosen = f"chosen with ${ENV_DATA_DIR}"
    else:
        chosen = "the default; --data-dir PATH or $GOALCOACH_DATA_DIR chooses another"
    return (
        "your data (private to you, nothing is sent anywhere):\n"
        f"  {clean_line(str(resolve_data_dir(data_dir_option)))}\n"
        f"  ({chosen})\n"
        "  back it up with 'goalcoach export --format json --output FILE'\n"
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
