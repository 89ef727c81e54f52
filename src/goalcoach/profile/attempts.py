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
