"""Three-way merge of one session's change with what another session saved meanwhile.

Two sessions of the same person (two SSH logins) each hold a copy of a section on screen.
When one saves, its change is merged, under the profile lock, with the file as it is now,
using the value the session last saw as the common base:
  - a field only one session changed takes that change;
  - lists (values, skills, goals) keep the items both sides added and drop only items the
    saving side removed;
  - objects merge field by field;
  - text both sides changed differently keeps the saving side's text, and the other side's
    is handed back so it can be kept as a conflict copy: nothing typed is ever dropped.
"""

from __future__ import annotations

from typing import Any

MISSING: Any = object()


def merge(base: Any, ours: Any, theirs: Any) -> tuple[Any, Any]:
    """(merged value, the other side's value that lost, or MISSING if nothing was lost)."""
    if ours == theirs or theirs == base:
        return ours, MISSING
    if ours == base:
        return theirs, MISSING
    if isinstance(ours, list) and isinstance(theirs, list):
        earlier = base if isinstance(base, list) else []
        merged = [item for item in theirs if item in ours or item not in earlier]
        merged += [item for item in ours if item not in earlier and item not in merged]
        return merged, MISSING
    if isinstance(ours, dict) and isinstance(theirs, dict):
        earlier = base if isinstance(base, dict) else {}
        merged: dict[str, Any] = {}
        lost: dict[str, Any] = {}
        for key in [*theirs, *(k for k in ours if k not in theirs)]:
            value, other = merge(earlier.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING))
            if value is not MISSING:
                merged[key] = value
            if other is not MISSING:
                lost[key] = other
        return merged, (lost or MISSING)
    if ours is MISSING:  # we removed what they changed: keep their change
        return theirs, MISSING
    return ours, theirs
