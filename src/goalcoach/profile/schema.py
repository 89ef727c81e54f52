"""The profile file's schema version and the migrations that bring old files up to date.

Version history:
  1  one "profile" table whose single document held every section and the theme.
  2  one document per section in "sections", and a "settings" table.
"""

from __future__ import annotations

from typing import Any, Callable

SCHEMA_VERSION = 2
META_TABLE = "_meta"

Raw = dict[str, Any]


def file_version(raw: Raw) -> int | None:
    """The schema version a raw TinyDB document set says it has, or None if that is unclear.

    Only a file shaped like version 1 (a "profile" table and nothing newer) may lack the
    marker; a missing, repeated, non-integer or zero marker anywhere else means damage, and
    such a file must be moved aside, never "migrated" into an empty profile.
    """
    meta = raw.get(META_TABLE)
    if meta is None:
        newer = any(table in raw for table in ("sections", "settings", "versions"))
        return 1 if isinstance(raw.get("profile"), dict) and not newer else None
    if not isinstance(meta, dict) or len(meta) != 1:
        return None
    (doc,) = meta.values()
    version = doc.get("schema_version") if isinstance(doc, dict) else None
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return None
    return version


def _v1_to_v2(raw: Raw) -> Raw:
    old = {}
    for doc in (raw.get("profile") or {}).values():
        if isinstance(doc, dict):
            old.update(doc)
    sections: Raw = {}
    settings: Raw = {}
    for key, value in old.items():
        if key == "theme":
            settings[str(len(settings) + 1)] = {"key": "theme", "value": value}
        elif isinstance(value, dict):
            sections[str(len(sections) + 1)] = {"name": key, "data": value}
    migrated = {k: v for k, v in raw.items() if k not in ("profile", META_TABLE)}
    migrated["sections"] = sections
    migrated["settings"] = settings
    return migrated


# from-version -> function producing the next version's raw data
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2}


def migrate(raw: Raw) -> tuple[Raw, int]:
    """Apply every migration from the file's version up; returns (data, original version)."""
    original = version = file_version(raw) or 1
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    raw[META_TABLE] = {"1": {"schema_version": SCHEMA_VERSION}}
    return raw, original


def looks_like_profile(raw: Any) -> bool:
    """TinyDB's layout: an object of tables, each an object of documents (objects)."""
    if not isinstance(raw, dict):
        return False
    for table in raw.values():
        if not isinstance(table, dict):
            return False
        if not all(isinstance(doc, dict) for doc in table.values()):
            return False
    return True
