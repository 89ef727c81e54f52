"""Practice attempts as an append-only JSON Lines file.

Attempts are written often and never edited, so they live outside the profile file:
appending one line costs the same with ten thousand stored as with none. Each append is
fsynced before it returns. A writer killed mid-line leaves a partial last line; readers
skip it and the next append starts on a fresh line. Ids make reads idempotent: a record
seen twice is kept once.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from goalcoach.paths import FILE_MODE
from goalcoach.profile.storage import refuse_symlink


class AttemptLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def append(self, record: dict[str, Any]) -> None:
        """Append one record; the caller holds the profile lock."""
        refuse_symlink(self.path)
        line = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                line = b"\n" + line  # a killed writer left a partial line: start afresh
            os.write(fd, line)
            os.fsync(fd)
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
            end = handle.seek(0, os.SEEK_END)
            start = end
            data = b""
            while start > 0 and data.count(b"\n") <= limit:
                start = max(0, start - chunk)
                handle.seek(start)
                data = handle.read(end - start)
        if start > 0:
            data = data.split(b"\n", 1)[-1]  # the first line may be cut in half
        return self._parse(data)[-limit:]

    @staticmethod
    def _parse(raw: bytes) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        seen: set[str] = set()
        for line in raw.splitlines():
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, UnicodeDecodeError):
                continue  # a partial line from an interrupted append
            if not isinstance(record, dict):
                continue
            record_id = str(record.get("id", ""))
            if record_id in seen:
                continue
            seen.add(record_id)
            records.append(record)
        return records
