"""Files kept beside the profile rather than lost: a damaged profile moved aside, backups, and
another session's text that a save replaced. Each gets a time-stamped name no file has yet.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from goalcoach import paths
from goalcoach.profile.storage import atomic_write_bytes, dump_json, refuse_symlink


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def unused_path(directory: Path, name: str, suffix: str = "") -> Path:
    """directory/name+suffix, or with -2, -3, ... after the name when that file exists."""
    target = directory / f"{name}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = directory / f"{name}-{n}{suffix}"
    return target


def aside_path(path: Path) -> Path:
    """Where a damaged file is moved: <name>.corrupt-<time>, beside it."""
    return unused_path(path.parent, f"{path.name}.corrupt-{utc_stamp()}")


def backup_path(data_dir: Path, stem: str) -> Path:
    """Where a new backup named after `stem` goes (backups/ is created if need be)."""
    directory = paths.backups_dir(data_dir)
    directory.mkdir(mode=paths.DIR_MODE, exist_ok=True)
    return unused_path(directory, f"{stem}-{utc_stamp()}", ".json")


def keep_conflict_copy(data_dir: Path, what: str, theirs: Any, ours: Any, time: str) -> Path:
    """Keep another session's text that a save replaced (the caller holds the lock)."""
    directory = paths.conflicts_dir(data_dir)
    refuse_symlink(directory)
    directory.mkdir(mode=paths.DIR_MODE, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in what)[:80]
    target = unused_path(directory, f"{utc_stamp()}-{safe}", ".json")
    record = {"what": what, "other_session_text": theirs, "saved_instead": ours, "time": time}
    atomic_write_bytes(target, dump_json(record))
    return target
