"""The profile's repository API: the only way the rest of goalcoach reads or writes data.

Layout of the data directory:
  profile.json     TinyDB (atomic storage): sections, settings, answer versions, schema version
  attempts.jsonl   practice and drill attempts, append-only
  drafts/          one file per editor's unsaved text
  .commit-journal.json  only while an import is being written (see storage.commit)
Every read-modify-write holds an inter-process lock, so two sessions of the same person
(two SSH logins) never lose each other's work. On open, an import a crash interrupted is
finished (or dropped if it never got that far), and the file is checked in full: anything
damaged or unclear is moved aside, never silently "repaired" into an empty profile.
"""

from __future__ import annotations

import copy
import errno
import os
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.table import Table

from goalcoach import paths
from goalcoach.profile.attempts import AttemptLog
from goalcoach.profile.drafts import DraftStore
from goalcoach.profile.errors import ProfileError, ProfileWriteError
from goalcoach.profile.kept_copies import aside_path, backup_path, keep_conflict_copy
from goalcoach.profile.merge import MISSING, merge
from goalcoach.profile.os_errors import describe
from goalcoach.profile.profile_file import check_profile_file, empty_profile
from goalcoach.profile.schema import SCHEMA_VERSION
from goalcoach.profile.storage import (
    JOURNAL_NAME,
    AtomicJSONStorage,
    atomic_write_bytes,
    commit,
    dump_json,
    recover,
    refuse_symlink,
)
from goalcoach.profile.whole_profile import add_versions, appended, replaced_profile_file, unseen
from goalcoach.textsafety import clean_data, clean_text

LOCK_TIMEOUT_SECONDS = 15


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Profile:
    """One person's profile in one data directory."""

    def __init__(self, data_dir: Path, clock: Callable[[], str] = now_iso) -> None:
        self.data_dir = Path(data_dir)
        self.path = paths.profile_file(self.data_dir)
        self.clock = clock
        self.quarantined: Path | None = None
        #: Why the profile was moved aside (one line), when it was.
        self.quarantine_reason: str | None = None
        #: True when opening finished an import that a crash had interrupted.
        self.recovered = False
        self.migrated_from: int | None = None
        self._lock = FileLock(str(paths.lock_file(self.data_dir)), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self._attempts = AttemptLog(paths.attempts_file(self.data_dir))
        # What this session last read or wrote, to merge its saves with another session's.
        self._seen_sections: dict[str, dict[str, Any]] = {}
        self._seen_drafts: dict[str, str | None] = {}
        self.notices: list[str] = []
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
        with self._saving():
            self.recovered = recover(self.data_dir, [self._drafts.directory])
        try:
            raw_bytes = self.path.read_bytes()
        except FileNotFoundError:
            self._write_raw(empty_profile())
            return
        except OSError as error:
            raise ProfileError(f"cannot read {self.path}: {describe(error)}") from None
        check = check_profile_file(self.path, raw_bytes)
        if check.migrated is not None:
            backup = backup_path(self.data_dir, f"profile-v{check.version}")
            with self._saving():
                atomic_write_bytes(backup, raw_bytes)
            self.migrated_from = check.migrated_from
            self._write_raw(check.migrated)
        elif check.problem is not None:
            self._quarantine(check.problem)
            self._write_raw(empty_profile())

    def _quarantine(self, reason: str) -> None:
        target = aside_path(self.path)
        with self._saving():
            os.rename(self.path, target)
        self.quarantined = target
        self.quarantine_reason = reason

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
            raise ProfileWriteError(f"cannot save to {self.data_dir}: {describe(error)}") from None

    @contextmanager
    def _saving(self) -> Iterator[None]:
        """Turn an OS failure during a save into one clear ProfileWriteError."""
        try:
            yield
        except OSError as error:
            raise ProfileWriteError(f"could not save to {self.data_dir}: {describe(error)}") from None
        except ValueError as error:  # a value JSON cannot hold (NaN) reached a save: refuse it whole
            raise ProfileWriteError(f"could not save to {self.data_dir}: {error}") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock across several reads and writes that belong together."""
        with self._locked(), self._saving():
            self._finish_interrupted_commit()
            yield

    def _finish_interrupted_commit(self) -> None:
        # Another session's import may have been killed after its journal was written: finish
        # it before this save, or finishing it later would undo this save.
        if (self.data_dir / JOURNAL_NAME).exists():
            self.recovered = recover(self.data_dir, [self._drafts.directory]) or self.recovered

    def _table(self, name: str) -> Table:
        # A fresh Table each time, without a query cache: TinyDB's cached tables remember
        # results and the next document id, which another process may have changed.
        return Table(self._db.storage, name, cache_size=0)

    # -- sections (self-assessment, builder slots, ...) ------------------------------------
    def section(self, name: str) -> dict[str, Any]:
        """The section as stored now; also what this session's next update_section merges against."""
        data = self._stored_section(name)
        self._seen_sections[name] = copy.deepcopy(data)
        return data

    def _stored_section(self, name: str) -> dict[str, Any]:
        doc = self._table("sections").get(Query().name == name)
        return clean_data(dict(doc["data"])) if doc else {}

    def save_section(self, name: str, data: dict[str, Any]) -> None:
        with self.transaction():
            self._table("sections").upsert({"name": name, "data": clean_data(data)}, Query().name == name)
        self._seen_sections[name] = copy.deepcopy(clean_data(data))

    def update_section(self, name: str, **changes: Any) -> dict[str, Any]:
        """Change some fields of a section, keeping the others (even ones another session wrote).

        Read-modify-write under the lock against the file as it is now. A field another
        session changed since this one read the section is merged (see profile.merge): list
        items both added are kept, and where both changed the same text this session's text
        is saved and the other's is kept as a conflict copy, with a notice (take_notices).
        """
        changes = clean_data(changes)
        base = self._seen_sections.get(name)
        with self.transaction():
            data = self._stored_section(name)
            for key, ours in changes.items():
                if base is None:  # this session never read the section: nothing to merge against
                    data[key] = ours
                    continue
                merged, lost = merge(base.get(key, MISSING), ours, data.get(key, MISSING))
                data[key] = merged
                if lost is not MISSING:
                    kept = keep_conflict_copy(self.data_dir, f"{name}.{key}", lost, ours, self.clock())
                    self.notices.append(
                        f"Another goalcoach session changed “{key}” in {name} at the same time: "
                        f"your version was saved, and theirs is kept in {kept}."
                    )
            self._table("sections").upsert({"name": name, "data": data}, Query().name == name)
        # What this session's screen shows now: what it read, plus its own changes.
        self._seen_sections[name] = {**copy.deepcopy(base if base is not None else data), **copy.deepcopy(changes)}
        return data

    def take_notices(self) -> list[str]:
        """One-line messages for the person (e.g. a change merged with another session's); cleared."""
        notices, self.notices = self.notices, []
        return notices

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
        draft = clean_data(draft) if draft else None
        self._seen_drafts[key] = draft.get("text") if draft else None
        return draft

    def save_draft(self, key: str, text: str, cursor: tuple[int, int] = (0, 0)) -> None:
        """Save an editor's text. If another session saved different text under the same key
        since this one loaded or saved it, that text is kept as a conflict copy first."""
        text = clean_text(text)
        with self._draft_transaction() as locked:
            if locked:
                self._keep_other_draft(key, text)
            self._drafts.save(key, {"text": text, "cursor": list(cursor), "updated": self.clock()})
        self._seen_drafts[key] = text

    def clear_draft(self, key: str) -> None:
        with self._draft_transaction() as locked:
            if locked:
                self._keep_other_draft(key, None)
            self._drafts.delete(key)
        self._seen_drafts[key] = None

    @contextmanager
    def _draft_transaction(self) -> Iterator[bool]:
        """The lock if it is free at once, else none: an autosave never waits for another
        session (a draft file is replaced atomically either way; only the check for the other
        session's text needs the lock, and it is skipped rather than keeping keys waiting)."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            with self._saving():
                yield False
            return
        except OSError:
            with self._saving():
                yield False
            return
        try:
            with self._saving():
                self._finish_interrupted_commit()
                yield True
        finally:
            self._lock.release()

    def _keep_other_draft(self, key: str, ours: str | None) -> None:
        if key not in self._seen_drafts:
            return  # this session never showed that draft: it has nothing to compare with
        stored = self._drafts.load(key)
        theirs = stored.get("text") if stored else None
        if isinstance(theirs, str) and theirs.strip() and theirs not in (self._seen_drafts[key], ours):
            kept = keep_conflict_copy(self.data_dir, f"draft.{key}", theirs, ours, self.clock())
            self.notices.append(
                f"Another goalcoach session was editing the same text ({key}): "
                f"yours was saved, and theirs is kept in {kept}."
            )

    # -- attempts ----------------------------------------------------------------------------
    def add_attempt(self, attempt: dict[str, Any]) -> dict[str, Any]:
        """Store one attempt (kind, text, score, feedback, ...); returns it with id and created."""
        record = clean_data({"id": uuid.uuid4().hex, "created": self.clock(), **attempt})
        with self.transaction():
            self._attempts.append(record)
        return record

    def attempts(self) -> list[dict[str, Any]]:
        """Every attempt, oldest first."""
        with self._reading(self._attempts.path):
            return sorted(self._attempts.read(), key=lambda a: str(a.get("created", "")))

    def recent_attempts(self, limit: int = 500) -> list[dict[str, Any]]:
        """The newest `limit` attempts, oldest first, without reading the whole history."""
        with self._reading(self._attempts.path):
            return sorted(self._attempts.read_tail(limit), key=lambda a: str(a.get("created", "")))

    @property
    def skipped_attempts(self) -> int:
        """Lines of the attempts log the last read skipped (cut off by a crash, or damaged)."""
        return self._attempts.skipped

    @contextmanager
    def _reading(self, path: Path) -> Iterator[None]:
        try:
            yield
        except OSError as error:
            reason = "permission denied" if error.errno in (errno.EACCES, errno.EPERM) else describe(error)
            raise ProfileError(f"cannot read {path}: {reason}") from None

    def merge_attempts(self, records: list[dict[str, Any]]) -> int:
        """Add the records whose ids are not stored yet; returns how many were added."""
        return self.merge({"versions": [], "attempts": records})[0]

    def merge(self, snapshot: dict[str, Any]) -> tuple[int, int]:
        """Add the snapshot's attempts and answer versions this profile lacks, as one transaction.

        Returns (attempts added, versions added). Everything is written at once: a full disk
        or a crash leaves the profile as it was or with all of them, never some.
        """
        with self.transaction():
            raw = self._db.storage.read() or empty_profile()
            added_versions = add_versions(raw, snapshot.get("versions", []))
            try:
                old_log = self._attempts.path.read_bytes()
            except FileNotFoundError:
                old_log = b""
            new_attempts = unseen(snapshot.get("attempts", []), {a.get("id") for a in self._attempts._parse(old_log)})
            writes: list[tuple[Path, bytes]] = []
            if added_versions:
                writes.append((self.path, dump_json(raw)))
            if new_attempts:
                writes.append((self._attempts.path, appended(old_log, new_attempts)))
            if writes:
                commit(self.data_dir, writes)
        return len(new_attempts), added_versions

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
        """Replace the whole profile with a validated snapshot (import --replace), as one transaction."""
        raw = replaced_profile_file(snapshot)
        attempts = appended(b"", snapshot["attempts"])
        with self.transaction():
            refuse_symlink(self._drafts.directory)
            self._drafts.directory.mkdir(mode=paths.DIR_MODE, exist_ok=True)
            old_drafts = set(self._drafts.all())
            new_drafts = snapshot.get("drafts", {})
            files = [(self.path, dump_json(clean_data(raw))), (self._attempts.path, attempts)]
            for key, record in new_drafts.items():
                body = {k: v for k, v in record.items() if k != "key"}
                files.append((self._drafts.path_for(key), dump_json(clean_data({"key": key, **body}))))
            gone = [self._drafts.path_for(key) for key in old_drafts - set(new_drafts)]
            # All or nothing, even across a crash: see storage.commit.
            commit(self.data_dir, files, gone)

    def backup(self) -> Path:
        """Write the whole profile to backups/ and return the file's path."""
        target = backup_path(self.data_dir, "profile-backup")
        with self._saving():
            atomic_write_bytes(target, dump_json({"format": "goalcoach-profile", **self.snapshot()}))
        return target
