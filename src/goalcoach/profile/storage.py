"""Crash-safe file writing and the TinyDB storage built on it.

TinyDB's stock JSONStorage rewrites its file in place, so a crash mid-write corrupts it.
Here every write goes to a temporary file in the same directory, is fsynced, and replaces
the old file with os.replace (atomic on POSIX); the directory is fsynced so the rename
itself survives a power cut. Reads open the path afresh every time, so a file replaced by
another process is seen at once.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from goalcoach.paths import FILE_MODE


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not every platform can open a directory; the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def stage_bytes(path: Path, data: bytes) -> Path:
    """Write data to a fsynced temporary file beside path; the caller renames it into place."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        discard(Path(tmp_name))
        raise
    return Path(tmp_name)


def discard(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write data to path so that readers see either the old file or the new one, never half."""
    atomic_write_many([(Path(path), data)])


def atomic_write_many(files: list[tuple[Path, bytes]]) -> None:
    """Write several files so that a failure while writing (a full disk) changes none of them.

    Every new file is written and fsynced first; only then are they renamed into place.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            staged.append((stage_bytes(path, data), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            discard(tmp)
        raise
    for directory in {path.parent for _, path in staged}:
        fsync_dir(directory)


def dump_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def refuse_symlink(path: Path) -> None:
    if Path(path).is_symlink():
        from goalcoach.profile.errors import ProfileError

        raise ProfileError(f"{path} is a symbolic link; goalcoach will not follow it")


class AtomicJSONStorage(Storage):
    """A TinyDB storage that reads the file on every read and writes it atomically."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        refuse_symlink(self.path)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        return json.loads(raw.decode("utf-8"))

    def write(self, data: dict[str, Any]) -> None:
        refuse_symlink(self.path)
        atomic_write_bytes(self.path, dump_json(data))

    def close(self) -> None:
        pass
