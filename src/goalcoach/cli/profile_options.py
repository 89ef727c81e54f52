"""What every command shares: the --data-dir option, opening the profile, one-line errors.

Kept apart from tui.py so `export`, `import` and `check` never import the app.
"""

from __future__ import annotations

import argparse
import sys


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
