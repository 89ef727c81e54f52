"""Every path goalcoach reads its content from or writes to, in one place. Never imports textual.

The data directory holds one person's private preparation, so it is created 0700 and every
file in it 0600, whatever the umask. On a shared host a directory that someone else owns or
can write to is refused rather than trusted.
"""

from __future__ import annotations

import functools
import os
import stat
import tempfile
from pathlib import Path

ENV_DATA_DIR = "GOALCOACH_DATA_DIR"
ENV_CONFIG_DIR = "GOALCOACH_CONFIG_DIR"
KEYMAP_NAME = "keymap.toml"
DIR_MODE = 0o700
FILE_MODE = 0o600


@functools.cache
def content_dir() -> Path:
    """The content folder: inside the installed wheel, or the repository's top-level content/.

    Found once per run: the answer cannot change while goalcoach runs."""
    here = Path(__file__).resolve().parent  # the goalcoach package
    packaged = here / "content_data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "content"


class DataDirError(Exception):
    """The data directory cannot be used; the message names the path and says why."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("goalcoach", appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then GOALCOACH_DATA_DIR, then the platform's user data directory."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def config_dir() -> Path:
    """Where the person's own settings files live: GOALCOACH_CONFIG_DIR, else the platform's
    user config directory (~/.config/goalcoach on Linux)."""
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("goalcoach", appauthor=False))


def keymap_file() -> Path:
    return config_dir() / KEYMAP_NAME


#: Names only goalcoach puts in a data directory: a folder holding one of them is a profile.
PROFILE_MARKERS = ("profile.json", "attempts.jsonl", "drafts", ".profile.lock", "backups", "conflicts", "journal",
                   "crash-reports")


def holds_profile(path: Path) -> bool:
    return any((path / name).exists() or (path / name).is_symlink() for name in PROFILE_MARKERS) or any(
        path.glob("profile.json.corrupt-*")
    )


def ensure_data_dir(path: Path) -> Path:
    """Create the directory 0700 (or tighten it) and check it is safe to keep private data in.

    An existing folder is used (and tightened) only if it is empty or already holds a
    goalcoach profile: goalcoach never takes over, or changes the mode of, a folder of other files.
    """
    path = Path(path)
    try:
        if path.is_symlink():
            raise DataDirError(f"{path} is a symbolic link; goalcoach will not follow it")
        if path.is_dir() and not holds_profile(path) and any(path.iterdir()):
            raise DataDirError(
                f"{path} already holds other files and no goalcoach profile; choose a new or empty folder with --data-dir"
            )
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        info = path.stat()
        if not stat.S_ISDIR(info.st_mode):
            raise DataDirError(f"{path} is not a directory")
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise DataDirError(f"{path} belongs to another user; choose your own with --data-dir")
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise DataDirError(
                f"{path} is writable by other users; run 'chmod 700 {path}' or choose another --data-dir"
            )
        if stat.S_IMODE(info.st_mode) & 0o077:
            # Only take access away from others: a directory made read-only on purpose stays so.
            os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077)
        # A unique probe name: two sessions starting at once must not delete each other's.
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except DataDirError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataDirError(f"cannot use data directory {path}: {reason}") from None
    return path


def secure_file(path: Path) -> None:
    """Force 0600 on a file goalcoach created (umask may have loosened it)."""
    os.chmod(path, FILE_MODE)


def profile_file(data_dir: Path) -> Path:
    return data_dir / "profile.json"


def attempts_file(data_dir: Path) -> Path:
    return data_dir / "attempts.jsonl"


def drafts_dir(data_dir: Path) -> Path:
    return data_dir / "drafts"


def lock_file(data_dir: Path) -> Path:
    return data_dir / ".profile.lock"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def conflicts_dir(data_dir: Path) -> Path:
    """Text another session's save replaced, kept rather than dropped."""
    return data_dir / "conflicts"


def journal_dir(data_dir: Path) -> Path:
    """Write-ahead journals of what is being typed, one per running goalcoach."""
    return data_dir / "journal"


def crash_reports_dir(data_dir: Path) -> Path:
    """Reports of unexpected errors: where they happened in the code, never the values."""
    return data_dir / "crash-reports"
