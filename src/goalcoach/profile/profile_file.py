"""Checking profile.json when a profile is opened: read it as JSON whatever the bytes, then
decide whether it is usable as it is, must be migrated from an older schema, or must be moved
aside (and why, in one line). A file a newer goalcoach wrote is refused and left untouched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goalcoach.profile import validation
from goalcoach.profile.errors import ProfileError
from goalcoach.profile.schema import SCHEMA_VERSION, file_version, looks_like_profile, migrate


def empty_profile() -> dict[str, Any]:
    """The file of a profile with nothing in it yet."""
    return {"_meta": {"1": {"schema_version": SCHEMA_VERSION}}}


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_profile(raw_bytes: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """The file's JSON object, or None and why not (never an exception, whatever the bytes)."""
    if not raw_bytes.strip():
        return None, "it is empty"
    try:
        raw = json.loads(raw_bytes.decode("utf-8"), parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError):
        return None, "it is not valid JSON (perhaps cut short)"
    except RecursionError:
        return None, "it is nested too deeply"
    if not isinstance(raw, dict):
        return None, "it is not a JSON object"
    return raw, None


def invalid_reason(raw: dict[str, Any]) -> str | None:
    """Why the file does not hold a valid profile of this schema, or None when it does."""
    try:
        validation.profile_file(raw, SCHEMA_VERSION)
    except validation.Invalid as error:
        return str(error)
    return None


@dataclass(frozen=True)
class FileCheck:
    """What opening does with the file: nothing (all fields None), write `migrated` in its place
    (after backing up the file of schema `version`), or move it aside because of `problem`."""

    problem: str | None = None
    migrated: dict[str, Any] | None = None
    version: int | None = None
    migrated_from: int | None = None


def check_profile_file(path: Path, raw_bytes: bytes) -> FileCheck:
    """The verdict on the bytes of the profile file at `path`; ProfileError for a newer schema."""
    raw, problem = parse_profile(raw_bytes)
    version = file_version(raw) if raw is not None else None
    if raw is not None and version is None:
        problem = "its schema marker is missing or not a version number"
    if version is not None and version > SCHEMA_VERSION:
        raise ProfileError(
            f"{path} was written by a newer goalcoach (schema {version}; this one reads "
            f"up to {SCHEMA_VERSION}). Upgrade goalcoach; the file was left untouched."
        )
    if version is not None and version < SCHEMA_VERSION:
        if not looks_like_profile(raw):
            problem = "its tables are damaged"
        elif any(table in raw for table in ("sections", "settings")):
            # A migration would replace these tables: an old marker on newer data is damage.
            problem = f"it says schema {version} but holds tables of a later one"
        else:
            migrated, original = migrate(raw)
            problem = invalid_reason(migrated)
            if problem is None:
                return FileCheck(migrated=migrated, version=version, migrated_from=original)
    elif version == SCHEMA_VERSION:
        problem = invalid_reason(raw)
        if problem is None:
            return FileCheck()
    return FileCheck(problem=problem or "it could not be read")
