"""Unsaved editor text, one small file per editor, replaced atomically on every autosave.

Each draft is its own file so autosaving one editor never rewrites anything else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from goalcoach.paths import DIR_MODE
from goalcoach.profile.storage import atomic_write_bytes, dump_json, refuse_symlink

_SAFE_KEY = re.compile(r"[^A-Za-z0-9_.-]")


class DraftStore:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path_for(self, key: str) -> Path:
        safe = _SAFE_KEY.sub("_", key).lstrip(".") or "draft"
        return self.directory / f"{safe}.json"

    def save(self, key: str, record: dict[str, Any]) -> None:
        refuse_symlink(self.directory)
        self.directory.mkdir(mode=DIR_MODE, exist_ok=True)
        path = self.path_for(key)
        refuse_symlink(path)
        atomic_write_bytes(path, dump_json({"key": key, **record}))

    def load(self, key: str) -> dict[str, Any] | None:
        path = self.path_for(key)
        refuse_symlink(path)
        try:
            record = json.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            return None
        except (ValueError, UnicodeDecodeError):
            return None  # an unreadable draft is ignored, not fatal
        return record if isinstance(record, dict) else None

    def delete(self, key: str) -> None:
        self.path_for(key).unlink(missing_ok=True)

    def all(self) -> dict[str, dict[str, Any]]:
        drafts: dict[str, dict[str, Any]] = {}
        if not self.directory.is_dir():
            return drafts
        refuse_symlink(self.directory)
        for path in sorted(self.directory.glob("*.json")):
            refuse_symlink(path)  # never follow a link planted in the data directory
            try:
                record = json.loads(path.read_bytes().decode("utf-8"))
            except (OSError, ValueError, UnicodeDecodeError):
                continue
            if isinstance(record, dict) and isinstance(record.get("key"), str):
                drafts[record["key"]] = record
        return drafts
