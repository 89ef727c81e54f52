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


def fail(message: str) -> int:
    print(f"goalcoach: error: {message}", file=sys.stderr)
    return 2


def open_profile(data_dir_option: str | None):
    """Open the profile or return an exit code with a one-line message printed."""
    from goalcoach.paths import DataDirError, resolve_data_dir
    from goalcoach.profile import Profile, ProfileError

    try:
        return Profile.open(resolve_data_dir(data_dir_option))
    except (DataDirError, ProfileError) as error:
        return fail(str(error))
