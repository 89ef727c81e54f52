"""The profile's repository API: the only way the rest of goalcoach reads or writes data.

Layout of the data directory:
  profile.json     TinyDB (atomic storage): sections, settings, answer versions, schema version
  attempts.jsonl   practice and drill attempts, append-only
  drafts/          one file per editor's unsaved text
Every read-modify-write holds an inter-process lock, so two sessions of the same person
(two SSH logins) never lose each other's work.
"""

from __future__ import annotations

import errno
import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from contextlib import contextmanager
from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.table import Table

from goalcoach import paths
from goalcoach.profile.attempts import AttemptLog
from goalcoach.profile.drafts import DraftStore
from goalcoach.profile.errors import ProfileError, ProfileWriteError
from goalcoach.profile.schema import SCHEMA_VERSION, file_version, looks_like_profile, migrate
from goalcoach.profile.storage import (
    AtomicJSONStorage,
    atomic_write_bytes,
    atomic_write_many,
    dump_json,
    refuse_symlink,
)
from goalcoach.textsafety import clean_data, clean_text

LOCK_TIMEOUT_SECONDS = 15


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _describe(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the data directory is read-only"
    return error.strerror or str(error)


class Profile:
    """One person's profile in one data directory."""

    def __init__(self, data_dir: Path, clock: Callable[[], str] = now_iso) -> None:
        self.data_dir = Path(data_dir)
        self.path = paths.profile_file(self.data_dir)
        self.clock = clock
        self.quarantined: Path | None = None
        self.migrated_from: int | None = None
        self._lock = FileLock(str(paths.lock_file(self.data_dir)), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self._attempts = AttemptLog(paths.attempts_file(self.data_dir))
        self._drafts = DraftStore(paths.drafts_dir(self.data_dir))

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, clock: Callable[[], str] = now_iso) -> "Profile":
        """Open (creating, migrating or quarantining as needed). Raises DataDirError/ProfileError."""
        data_dir = paths.ensure_data_dir(Path(data_dir))
        profile = cls(data_dir, clock)
        with profile._locked():
            profile._prepare_file()
        return profile

    def _prepare_file(self) -> None:
        for path in (self.path, self._attempts.path, self._drafts.directory, paths.backups_dir(self.data_dir)):
            refuse_symlink(path)
        for path in self._drafts.directory.glob("*.json"):
            refuse_symlink(path)  # refuse at start rather than fail on first use
        try:
            raw_bytes = self.path.read_bytes()
        except FileNotFoundError:
            self._write_raw({"_meta": {"1": {"schema_version": SCHEMA_VERSION}}})
            return
        try:
            raw = json.loads(raw_bytes.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raw = None
        if not looks_like_profile(raw) or not raw_bytes.strip():
            self._quarantine()
            self._write_raw({"_meta": {"1": {"schema_version": SCHEMA_VERSION}}})
            return
        version = file_version(raw)
        if version > SCHEMA_VERSION:
            raise ProfileError(
                f"{self.path} was written by a newer goalcoach (schema {version}; this one reads "
                f"up to {SCHEMA_VERSION}). Upgrade goalcoach; the file was left untouched."
            )
        if version < SCHEMA_VERSION:
            backup = self._backup_path(f"profile-v{version}")
            atomic_write_bytes(backup, raw_bytes)
            migrated, self.migrated_from = migrate(raw)
            self._write_raw(migrated)

    def _quarantine(self) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        os.rename(self.path, target)
        self.quarantined = target

    def _backup_path(self, stem: str) -> Path:
        directory = paths.backups_dir(self.data_dir)
        directory.mkdir(mode=paths.DIR_MODE, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = directory / f"{stem}-{stamp}.json"
        n = 1
        while target.exists():
            n += 1
            target = directory / f"{stem}-{stamp}-{n}.json"
        return target

    def _write_raw(self, raw: dict[str, Any]) -> None:
        with self._saving():
            atomic_write_bytes(self.path, dump_json(raw))

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            with self._lock:
                yield
        except Timeout:
            raise ProfileWriteError(
                f"another goalcoach has held {self.data_dir} for {LOCK_TIMEOUT_SECONDS}s; try again"
            ) from None
        except OSError as error:  # the lock file itself could not be created (read-only, full)
            raise ProfileWriteError(f"cannot save to {self.data_dir}: {_describe(error)}") from None

    @contextmanager
    def _saving(self) -> Iterator[None]:
        """Turn an OS failure during a save into one clear ProfileWriteError."""
        try:
            yield
        except OSError as error:
            raise ProfileWriteError(f"could not save to {self.data_dir}: {_describe(error)}") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock across several reads and writes that belong together."""
        with self._locked(), self._saving():
            yield

    def _table(self, name: str) -> Table:
        # A fresh Table each time, without a query cache: TinyDB's cached tables remember
        # results and the next document id, which another process may have changed.
        return Table(self._db.storage, name, cache_size=0)

    # -- sections (self-assessment, builder slots, ...) ------------------------------------
    def section(self, name: str) -> dict[str, Any]:
        doc = self._table("sections").get(Query().name == name)
        return clean_data(dict(doc["data"])) if doc else {}

    def save_section(self, name: str, data: dict[str, Any]) -> None:
        with self.transaction():
            self._table("sections").upsert({"name": name, "data": clean_data(data)}, Query().name == name)

    def update_section(self, name: str, **changes: Any) -> dict[str, Any]:
        """Change some fields of a section, keeping the others (even ones another session wrote)."""
        with self.transaction():
            data = self.section(name)
            data.update(clean_data(changes))
            self._table("sections").upsert({"name": name, "data": data}, Query().name == name)
        return data

    # -- settings ----------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        doc = self._table("settings").get(Query().key == key)
        return doc["value"] if doc else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self._table("settings").upsert({"key": key, "value": clean_data(value)}, Query().key == key)

    # -- answer versions ---------------------------------------------------------------------
    def add_version(self, name: str, text: str, **extra: Any) -> dict[str, Any]:
        record = clean_data({"id": uuid.uuid4().hex, "name": name, "text": text, "created": self.clock(), **extra})
        with self.transaction():
            self._table("versions").insert(record)
        return record

    def versions(self) -> list[dict[str, Any]]:
        return sorted((clean_data(dict(d)) for d in self._table("versions").all()), key=lambda v: v["created"])

    def version(self, version_id: str) -> dict[str, Any] | None:
        doc = self._table("versions").get(Query().id == version_id)
        return clean_data(dict(doc)) if doc else None

    def set_current_version(self, version_id: str) -> None:
        if self.version(version_id) is None:
            raise ProfileError(f"no answer version with id {version_id}")
        self.set_setting("current_version", version_id)

    def current_version(self) -> dict[str, Any] | None:
        version_id = self.setting("current_version")
        return self.version(version_id) if version_id else None

    # -- drafts ------------------------------------------------------------------------------
    def draft(self, key: str) -> dict[str, Any] | None:
        draft = self._drafts.load(key)
        return clean_data(draft) if draft else None

    def save_draft(self, key: str, text: str, cursor: tuple[int, int] = (0, 0)) -> None:
        with self._saving():
            self._drafts.save(key, {"text": clean_text(text), "cursor": list(cursor), "updated": self.clock()})

    def clear_draft(self, key: str) -> None:
        with self._saving():
            self._drafts.delete(key)

    # -- attempts ----------------------------------------------------------------------------
    def add_attempt(self, attempt: dict[str, Any]) -> dict[str, Any]:
        """Store one attempt (kind, text, score, feedback, ...); returns it with id and created."""
        record = clean_data({"id": uuid.uuid4().hex, "created": self.clock(), **attempt})
        with self.transaction():
            self._attempts.append(record)
        return record

    def attempts(self) -> list[dict[str, Any]]:
        """Every attempt, oldest first."""
        return sorted(self._attempts.read(), key=lambda a: str(a.get("created", "")))

    def recent_attempts(self, limit: int = 500) -> list[dict[str, Any]]:
        """The newest `limit` attempts, oldest first, without reading the whole history."""
        return sorted(self._attempts.read_tail(limit), key=lambda a: str(a.get("created", "")))

    def merge_attempts(self, records: list[dict[str, Any]]) -> int:
        """Add the records whose ids are not stored yet; returns how many were added."""
        with self.transaction():
            known = {a.get("id") for a in self._attempts.read()}
            added = 0
            for record in records:
                if record.get("id") in known:
                    continue
                self._attempts.append(clean_data(record))
                known.add(record.get("id"))
                added += 1
        return added

    # -- whole profile (export / import) ---------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """Everything in the profile as plain data, for export and backups."""
        return {
            "schema_version": SCHEMA_VERSION,
            "sections": {d["name"]: d["data"] for d in self._table("sections").all()},
            "settings": {d["key"]: d["value"] for d in self._table("settings").all()},
            "versions": self.versions(),
            "attempts": self.attempts(),
            "drafts": self._drafts.all(),
        }

    def replace_all(self, snapshot: dict[str, Any]) -> None:
        """Replace the whole profile with a validated snapshot (import --replace)."""
        raw: dict[str, Any] = {
            "_meta": {"1": {"schema_version": SCHEMA_VERSION}},
            "sections": {str(i): {"name": k, "data": v} for i, (k, v) in enumerate(sorted(snapshot["sections"].items()), 1)},
            "settings": {str(i): {"key": k, "value": v} for i, (k, v) in enumerate(sorted(snapshot["settings"].items()), 1)},
            "versions": {str(i): v for i, v in enumerate(snapshot["versions"], 1)},
        }
        attempts = b"".join(
            json.dumps(clean_data(r), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
            for r in snapshot["attempts"]
        )
        with self.transaction():
            refuse_symlink(self._drafts.directory)
            self._drafts.directory.mkdir(mode=paths.DIR_MODE, exist_ok=True)
            old_drafts = set(self._drafts.all())
            new_drafts = snapshot.get("drafts", {})
            files = [(self.path, dump_json(clean_data(raw))), (self._attempts.path, attempts)]
            for key, record in new_drafts.items():
                body = {k: v for k, v in record.items() if k != "key"}
                files.append((self._drafts.path_for(key), dump_json(clean_data({"key": key, **body}))))
            # All or nothing: a disk that fills up half-way leaves the old profile as it was.
            atomic_write_many(files)
            for key in old_drafts - set(new_drafts):
                self._drafts.delete(key)

    def backup(self) -> Path:
        """Write the whole profile to backups/ and return the file's path."""
        target = self._backup_path("profile-backup")
        with self._saving():
            atomic_write_bytes(target, dump_json({"format": "goalcoach-profile", **self.snapshot()}))
        return target
