"""Crash-safe file writing and the TinyDB storage built on it.

TinyDB's stock JSONStorage rewrites its file in place, so a crash mid-write corrupts it.
Here every write goes to a temporary file in the same directory, is fsynced, and replaces
the old file with os.replace (atomic on POSIX); the directory is fsynced so the rename
itself survives a power cut. Reads open the path afresh every time, so a file replaced by
another process is seen at once.

Changes to several files at once (import --merge, --replace) go through `commit`: every new
file is staged and fsynced, then a journal naming them is written; only then are they
renamed into place. A crash before the journal exists leaves the old files (the staged ones
are removed by `recover` at the next open); a crash after it is rolled forward by `recover`.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from tinydb.storages import Storage

from goalcoach.paths import FILE_MODE

JOURNAL_NAME = ".commit-journal.json"
#: A temporary file this old belongs to a save that was killed, not to one in progress.
STALE_TEMPORARY_SECONDS = 600
# Files staged by `commit` carry this prefix so `recover` removes only its own leftovers,
# never a temporary file another session is writing right now.
TXN_PREFIX = ".txn-"

#: Test hook: called with the name of each step of a commit ("staged", "journal",
#: "rename 0", ..., "delete 0", ..., "done"), so a test can kill the process at that step.
FAULT_HOOK: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if FAULT_HOOK is not None:
        FAULT_HOOK(name)


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not every platform can open a directory; the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written: a short write (disk filling up) is never success."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - POSIX raises instead, but never loop forever
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def stage_bytes(path: Path, data: bytes, prefix: str = "") -> Path:
    """Write data to a fsynced temporary file beside path; the caller renames it into place."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f"{prefix or '.'}{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
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
    path = Path(path)
    tmp = stage_bytes(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise
    fsync_dir(path.parent)


def commit(root: Path, writes: list[tuple[Path, bytes]], deletes: list[Path] = ()) -> None:
    """Replace and delete files under root as one transaction (the caller holds the profile lock).

    A failure before the journal is written (a full disk) changes nothing; a crash after it is
    finished by `recover` at the next open. Either way no reader ever keeps half of each.
    """
    root = Path(root)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in writes:
            staged.append((stage_bytes(path, data, TXN_PREFIX), Path(path)))
        _step("staged")
        journal = {
            "renames": [[str(tmp.relative_to(root)), str(path.relative_to(root))] for tmp, path in staged],
            "deletes": [str(Path(path).relative_to(root)) for path in deletes],
        }
        for directory in {tmp.parent for tmp, _ in staged}:
            fsync_dir(directory)
        staged_journal = stage_bytes(root / JOURNAL_NAME, dump_json(journal), TXN_PREFIX)
        staged.append((staged_journal, root / JOURNAL_NAME))
        os.replace(staged_journal, root / JOURNAL_NAME)
        fsync_dir(root)
    except BaseException:
        for tmp, _ in staged:
            discard(tmp)
        raise
    _step("journal")
    _apply(root, journal)


def _apply(root: Path, journal: dict[str, Any]) -> None:
    directories = {root}
    for n, (tmp, target) in enumerate(journal["renames"]):
        _step(f"rename {n}")
        if (root / tmp).exists():  # already renamed by an earlier, interrupted attempt
            os.replace(root / tmp, root / target)
        directories.add((root / target).parent)
    for n, name in enumerate(journal["deletes"]):
        _step(f"delete {n}")
        try:
            os.unlink(root / name)
        except FileNotFoundError:
            pass
        directories.add((root / name).parent)
    for directory in directories:
        fsync_dir(directory)
    _step("done")
    os.unlink(root / JOURNAL_NAME)
    fsync_dir(root)


def _inside(root: Path, name: Any) -> bool:
    return isinstance(name, str) and bool(name) and not Path(name).is_absolute() and ".." not in Path(name).parts


def recover(root: Path, folders: list[Path]) -> bool:
    """Finish a commit a crash interrupted (or drop one that never reached its journal).

    Called with the profile lock held; returns True when a commit was finished.
    """
    root = Path(root)
    journal_path = root / JOURNAL_NAME
    finished = False
    try:
        journal = json.loads(journal_path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        journal = None
    except (ValueError, UnicodeDecodeError):
        journal = {}  # a torn journal was never complete: the commit did not happen
    if journal is not None:
        renames = journal.get("renames") if isinstance(journal, dict) else None
        deletes = journal.get("deletes") if isinstance(journal, dict) else None
        valid = (
            isinstance(renames, list)
            and isinstance(deletes, list)
            and all(isinstance(r, list) and len(r) == 2 and all(_inside(root, n) for n in r) for r in renames)
            and all(_inside(root, n) for n in deletes)
        )
        if valid:
            _apply(root, {"renames": renames, "deletes": deletes})
            finished = True
        else:
            os.unlink(journal_path)
    stale = time.time() - STALE_TEMPORARY_SECONDS
    for folder in [root, *folders]:
        if folder.is_dir() and not folder.is_symlink():
            for leftover in folder.glob(f"{TXN_PREFIX}*.tmp"):
                discard(leftover)
            # A save killed mid-write leaves its temporary copy (private text): remove it once it
            # is old enough that no running session can still be writing it.
            for leftover in folder.glob(".*.tmp"):
                try:
                    if leftover.lstat().st_mtime < stale:
                        discard(leftover)
                except OSError:
                    pass
    return finished


def dump_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False).encode("utf-8")


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
