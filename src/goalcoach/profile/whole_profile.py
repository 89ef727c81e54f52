"""The profile's files as an import writes them: a snapshot's answer versions and attempts merged
in by id (only those not stored yet), or the profile file replaced by a snapshot's tables."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from goalcoach.profile.attempts import encode
from goalcoach.profile.profile_file import empty_profile
from goalcoach.textsafety import clean_data


def unseen(
    records: Iterable[dict[str, Any]], known: set[Any], key: Callable[[dict[str, Any]], Any] = lambda r: r.get("id"),
) -> list[dict[str, Any]]:
    """The records whose id is not in `known`, in order and each id once; `known` takes them in."""
    new = []
    for record in records:
        if key(record) in known:
            continue
        known.add(key(record))
        new.append(record)
    return new


def add_versions(raw: dict[str, Any], versions: Iterable[dict[str, Any]]) -> int:
    """Add to the profile file's versions table those it lacks (by id); returns how many."""
    table = raw.setdefault("versions", {})
    known = {doc.get("id") for doc in table.values() if isinstance(doc, dict)}
    next_id = max((int(k) for k in table), default=0) + 1
    new = unseen(versions, known, key=lambda version: version["id"])
    for offset, version in enumerate(new):
        table[str(next_id + offset)] = clean_data(version)
    return len(new)


def appended(log: bytes, records: Iterable[dict[str, Any]]) -> bytes:
    """The attempts log with the records added as lines (a killed writer's partial last line
    stays a line of its own)."""
    if log and not log.endswith(b"\n"):
        log += b"\n"
    return log + b"".join(encode(clean_data(record)) for record in records)


def replaced_profile_file(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The profile file holding a snapshot's sections, settings and answer versions."""
    return {
        **empty_profile(),
        "sections": {str(i): {"name": k, "data": v} for i, (k, v) in enumerate(sorted(snapshot["sections"].items()), 1)},
        "settings": {str(i): {"key": k, "value": v} for i, (k, v) in enumerate(sorted(snapshot["settings"].items()), 1)},
        "versions": {str(i): v for i, v in enumerate(snapshot["versions"], 1)},
    }
