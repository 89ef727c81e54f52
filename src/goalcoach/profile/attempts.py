"""Practice attempts as an append-only JSON Lines file.

Attempts are written often and never edited, so they live outside the profile file:
appending one line costs the same with ten thousand stored as with none. Each append is
fsynced before it returns, and a short write (a disk filling up, a file size limit) is
cut back off so the log never ends in half a line and the save is reported as failed.
Only a writer killed mid-line can leave a partial last line; readers skip it (counting it
in `skipped`) and the next append starts on a fresh line. Ids make reads idempotent: a
record seen twice is kept once. Records that are not valid (NaN, wrong types) are skipped
and counted too, so one damaged line never breaks a screen.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from goalcoach.paths import FILE_MODE
from goalcoach.profile import validation
from goalcoach.profile.storage import refuse_symlink, write_all


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


# One decoder for every line: json.loads with options would build a new one per call.
_DECODER = json.JSONDecoder(parse_constant=_no_constants)


def _finite(value: Any) -> bool:
    return value is None or (
        isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) <= validation.MAX_NUMBER
    )


def _usable(record: Any) -> None:
    """A cheap check of what screens rely on (the full schema is checked on import)."""
    if not isinstance(record, dict):
        raise ValueError("not an object")
    for key in ("id", "created"):
        if not isinstance(record.get(key), str):
            raise ValueError(f"{key} is not text")
    for key in ("score", "seconds"):
        if not _finite(record.get(key)):
            raise ValueError(f"{key} is not a number")
    for key in ("text", "kind", "scenario_id", "scenario_title", "stage", "quality"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} is not text")
    if not isinstance(record.get("feedback", {}), (dict, type(None))):
        raise ValueError("feedback is not an object")
    str(record.get("text", "")).encode("utf-8")  # UnicodeEncodeError (a ValueError) on a lone surrogate


def encode(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, allow_nan=False).encode("utf-8") + b"\n"


class AttemptLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        #: Lines the last read had to skip (cut off by a crash, or damaged).
        self.skipped = 0

    def append(self, record: dict[str, Any]) -> None:
        """Append one record; the caller holds the profile lock."""
        refuse_symlink(self.path)
        line = encode(record)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                line = b"\n" + line  # a killed writer left a partial line: start afresh
            try:
                write_all(fd, line)
                os.fsync(fd)
            except BaseException:
                # Take back whatever part of the line reached the file, so no half record stays.
                try:
                    os.ftruncate(fd, size)
                except OSError:
                    pass
                raise
        finally:
            os.close(fd)

    def read(self) -> list[dict[str, Any]]:
        refuse_symlink(self.path)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        return self._parse(raw)

    def read_tail(self, limit: int, chunk: int = 65536) -> list[dict[str, Any]]:
        """The last `limit` records, reading only the end of the file (cheap with a long history)."""
        refuse_symlink(self.path)
        try:
            handle = open(self.path, "rb")
        except FileNotFoundError:
            return []
        with handle:
            start = handle.seek(0, os.SEEK_END)
            chunks: list[bytes] = []
            lines = 0
            # Each chunk is read once: re-reading the growing tail would cost the square of it.
            while start > 0 and lines <= limit:
                size = min(chunk, start)
                start -= size
                handle.seek(start)
                piece = handle.read(size)
                lines += piece.count(b"\n")
                chunks.append(piece)
        data = b"".join(reversed(chunks))
        if start > 0:
            data = data.split(b"\n", 1)[-1]  # the first line may be cut in half
        return self._parse(data)[-limit:]

    def _parse(self, raw: bytes) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        seen: set[str] = set()
        self.skipped = 0
        for line in raw.splitlines():
            if not line.strip():
                continue
            try:
                record = _DECODER.decode(line.decode("utf-8"))
                _usable(record)
            except (ValueError, UnicodeDecodeError, RecursionError):
                self.skipped += 1  # a partial line from an interrupted append, or damage
                continue
            record_id = str(record.get("id", ""))
            if record_id in seen:
                continue
            seen.add(record_id)
            records.append(record)
        return records
