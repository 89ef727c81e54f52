"""A write-ahead journal of what is being typed, so an abrupt end loses at most a moment of it.

Editors note each change here (a dictionary update: cheap on every key). A writer thread
appends the newest state of every changed draft or assessment section as one JSON line and
fsyncs, at most every WRITE_INTERVAL seconds, so typed text is on disk a fraction of a second
after the key even if the process is then killed. When an editor saves for real (its draft
file, the profile), it settles the target; once every target is settled the journal is emptied,
and a journal that grows large is rewritten with only what is still unsettled (compaction).

One journal file per running goalcoach, in journal/, held under an flock for the life of the
process: a journal whose lock can be taken belongs to a session that ended, and the next start
replays it into the drafts and the profile, then removes it. A torn last line (a kill in the
middle of a write) is skipped. Files are 0600 and never followed through a symbolic link.

A thread rather than anything the interface schedules: it has to keep writing while the
interface is stuck on a terminal that has gone, and the profile never imports textual.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goalcoach import paths
from goalcoach.profile.errors import ProfileError
from goalcoach.profile.storage import fsync_dir, refuse_symlink

WRITE_INTERVAL = 0.1  # seconds between two appends while typing goes on
COMPACT_AT = 4 * 1024 * 1024  # bytes: rewrite the journal with only what is unsettled
SUFFIX = ".jsonl"
_OPEN_FLAGS = os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def draft_target(key: str) -> str:
    return f"draft:{key}"


def section_target(name: str) -> str:
    return f"section:{name}"


class DraftJournal:
    """The running session's journal. Every method is safe to call from any thread."""

    def __init__(self, data_dir: Path, interval: float = WRITE_INTERVAL) -> None:
        self.directory = paths.journal_dir(Path(data_dir))
        self.interval = interval
        self.path: Path | None = None
        self.error: str | None = None  # the last write failure, if the disk refused
        self._fd: int | None = None
        self._size = 0
        self._pending: dict[str, dict[str, Any]] = {}
        self._unsettled: dict[str, dict[str, Any]] = {}  # what the file holds that is not saved yet
        self._lock = threading.Lock()
        self._io_lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="goalcoach-journal", daemon=True)
        self._thread.start()

    # -- noting changes (called on every key) -------------------------------------------------
    def note_draft(self, key: str, text: str, cursor: tuple[int, int] | list[int] = (0, 0)) -> None:
        self._note(draft_target(key), {"text": text, "cursor": list(cursor)})

    def note_section(self, name: str, changes: dict[str, Any]) -> None:
        self._note(section_target(name), {"changes": dict(changes)})

    def settle(self, target: str) -> None:
        """The target's text is saved for real: the journal no longer needs it."""
        self._note(target, {"settled": True})

    def _note(self, target: str, body: dict[str, Any]) -> None:
        with self._lock:
            if self._closed:
                return
            self._pending[target] = {"target": target, **body}
        self._wake.set()

    # -- writing ----------------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            with self._lock:
                closed = self._closed
            self.flush()
            if closed:
                return
            time.sleep(self.interval)  # let keys gather: one append per interval, not per key

    def flush(self) -> bool:
        """Write what is pending now and fsync it; False if the disk refused (kept for later)."""
        with self._io_lock:
            with self._lock:
                batch, self._pending = self._pending, {}
            if not batch:
                return True
            try:
                self._write(list(batch.values()))
            except (OSError, ProfileError) as error:
                self.error = str(error)
                with self._lock:  # keep them, unless newer notes replaced them meanwhile
                    self._pending = {**batch, **self._pending}
                return False
            self.error = None
            return True

    def _write(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            if record.get("settled"):
                self._unsettled.pop(record["target"], None)
            else:
                self._unsettled[record["target"]] = record
        if self._fd is None:
            if not self._unsettled:
                return  # nothing typed that is not saved: no file at all
            self._fd, self.path = self._create(list(self._unsettled.values()))
            self._size = os.fstat(self._fd).st_size
            return
        if not self._unsettled:
            os.ftruncate(self._fd, 0)  # everything is saved for real: empty the journal
            self._size = 0
            return
        data = _encode(records)
        if self._size + len(data) > COMPACT_AT:
            self._compact()
            return
        os.write(self._fd, data)
        os.fsync(self._fd)
        self._size += len(data)

    def _create(self, records: list[dict[str, Any]], name: str | None = None) -> tuple[int, Path]:
        """A new locked journal holding records, renamed into place only once it is locked and
        on disk, so a starting session never mistakes it for one left behind."""
        refuse_symlink(self.directory)
        self.directory.mkdir(mode=paths.DIR_MODE, exist_ok=True)
        final = self.directory / (name or f"{os.getpid()}-{uuid.uuid4().hex[:12]}{SUFFIX}")
        staging = final.with_name(f".{final.name}.tmp")
        fd = os.open(staging, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND | _OPEN_FLAGS, paths.FILE_MODE)
        try:
            os.fchmod(fd, paths.FILE_MODE)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, _encode(records))
            os.fsync(fd)
            os.replace(staging, final)
        except BaseException:
            os.close(fd)
            staging.unlink(missing_ok=True)
            raise
        fsync_dir(self.directory)
        return fd, final

    def _compact(self) -> None:
        assert self._fd is not None and self.path is not None
        fd, _ = self._create(list(self._unsettled.values()), self.path.name)
        os.close(self._fd)  # the old file is replaced; its lock goes with it
        self._fd = fd
        self._size = os.fstat(fd).st_size

    # -- ending -----------------------------------------------------------------------------------
    def close(self) -> None:
        """Write what is pending; remove the journal if everything in it was saved for real."""
        with self._lock:
            self._closed = True
        self._wake.set()
        self._thread.join(timeout=2)
        self.flush()
        with self._io_lock:
            if self._fd is None:
                return
            if not self._unsettled and self.path is not None:
                self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = None


def _encode(records: list[dict[str, Any]]) -> bytes:
    stamp = time.time()
    return b"".join(
        json.dumps({**r, "at": stamp}, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n" for r in records
    )


# -- replay at start ------------------------------------------------------------------------------
@dataclass
class Recovery:
    restored: list[str] = field(default_factory=list)  # targets whose text was brought back
    error: str | None = None


def recover(profile: Any) -> Recovery:
    """Replay the journals of sessions that ended into the drafts and the profile, then remove
    them. Journals of sessions still running (their lock is held) are left alone."""
    directory = paths.journal_dir(profile.data_dir)
    result = Recovery()
    held: list[tuple[Path, int]] = []
    latest: dict[str, dict[str, Any]] = {}
    try:
        refuse_symlink(directory)
        if not directory.is_dir():
            return result
        for path in sorted(directory.iterdir()):
            if not (path.name.endswith(SUFFIX) or path.name.endswith(".tmp")):
                continue
            refuse_symlink(path)
            try:
                fd = os.open(path, os.O_RDWR | _OPEN_FLAGS)
            except FileNotFoundError:
                continue  # another session starting at the same moment took it
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue  # a running session's journal
            held.append((path, fd))
            if os.fstat(fd).st_nlink == 0 or not path.name.endswith(SUFFIX):
                continue  # already replayed by another session, or never finished being created
            for record in _read_records(fd):
                target = record.get("target")
                if isinstance(target, str):
                    if target not in latest or record.get("at", 0) >= latest[target].get("at", 0):
                        latest[target] = record
        for target, record in sorted(latest.items()):
            if not record.get("settled") and _apply(profile, target, record):
                result.restored.append(target)
        for path, _ in held:
            path.unlink(missing_ok=True)
    except ProfileError as error:  # refused or not saved: keep the journals for the next start
        result.error = str(error)
    except OSError as error:
        result.error = f"could not read {directory}: {error.strerror or error}"
    finally:
        for _, fd in held:
            os.close(fd)
    return result


def _read_records(fd: int) -> list[dict[str, Any]]:
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    records = []
    for line in b"".join(chunks).splitlines():
        try:
            record = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            continue  # a torn line from a write the process did not live to finish
        if isinstance(record, dict):
            records.append(record)
    return records


def _apply(profile: Any, target: str, record: dict[str, Any]) -> bool:
    """Bring one journalled target back; True if that changed what is stored."""
    kind, _, name = target.partition(":")
    if kind == "draft" and isinstance(record.get("text"), str):
        stored = profile.draft(name)
        if stored and stored.get("text") == record["text"]:
            return False
        cursor = record.get("cursor") or [0, 0]
        try:
            row, col = int(cursor[0]), int(cursor[1])
        except (TypeError, ValueError, IndexError):
            row, col = 0, 0
        profile.save_draft(name, record["text"], (row, col))
        return True
    if kind == "section" and isinstance(record.get("changes"), dict) and record["changes"]:
        stored = profile.section(name)
        if all(stored.get(k) == v for k, v in record["changes"].items()):
            return False
        profile.update_section(name, **record["changes"])
        return True
    return False


def describe(targets: list[str]) -> str:
    """Where restored text can be found, in words."""
    places = []
    for target in targets:
        kind, _, name = target.partition(":")
        if target == "draft:builder":
            place = "your answer in the builder"
        elif name.startswith("practice:"):
            place = "a practice answer"
        elif name.startswith("drill:"):
            place = "a drill recovery"
        elif target == "draft:advert":
            place = "the pasted job advert"
        elif kind == "section" and name == "builder":
            place = "the builder's slots"
        elif kind == "section":
            place = "the self-assessment"
        else:
            place = "a draft"
        if place not in places:
            places.append(place)
    return ", ".join(places)
