"""Pure helpers for the self-assessment and the answer builder. Never imports textual.

- lists typed as comma-separated text, and back;
- the ranked values list (add, move, toggle), capped at five;
- skills per goal following a goal whose wording changes;
- the progress line ("Target 5/5 · Values 5/5 · Skills 4 · Goals 2 · Reflection 3/7");
- a word-level diff of two answer versions.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable, Literal

MAX_VALUES = 5
TARGET_FIELDS = ("role", "organisation", "mission", "terms", "stage")
GOAL_FIELDS = ("goal", "steps", "target_date", "resources")
HORIZONS = ("short_term", "long_term")

DiffOp = Literal["equal", "insert", "delete"]


# --- lists -----------------------------------------------------------------------------------


def split_list(text: str) -> list[str]:
    """'SQL, Excel ,, sql' -> ['SQL', 'Excel']: trimmed, empties dropped, first spelling kept."""
    seen: set[str] = set()
    items: list[str] = []
    for part in re.split(r"[,\n;]", text or ""):
        item = " ".join(part.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return items


def join_list(items: Iterable[str] | None) -> str:
    return ", ".join(str(i) for i in (items or ()))


# --- skills per goal ---------------------------------------------------------------------------


def follow_goal_wording(
    per_goal: dict[str, list[str]], key: str, wording: str, goals: Iterable[str]
) -> tuple[dict[str, list[str]], str]:
    """Skills typed for a goal (per_goal, keyed by the goal's text) kept with the goal when its
    wording changes from `key` to `wording`; `goals` are the goals' texts after the change.

    Returns the mapping and the key the goal's skills are under now. A blank wording keeps them
    under the old text (the goal is being retyped); wording that already has skills of its own
    (another goal's) moves nothing, so neither goal's skills are lost. When another goal still
    has the old text, its skills stay with it too (copied, not moved)."""
    wording = wording.strip()
    if not wording or wording == key:
        return per_goal, key or wording
    if not key or not per_goal.get(key):
        return per_goal, wording
    if per_goal.get(wording):
        return per_goal, key
    still_used = key in set(goals)
    moved: dict[str, list[str]] = {}
    for name, skills in per_goal.items():
        if name == key:
            moved[wording] = list(skills)
            if still_used:
                moved[key] = list(skills)
        elif name != wording:
            moved[name] = skills
    return moved, wording


def earlier_goals(per_goal: dict[str, list[str]], goals: Iterable[str]) -> list[str]:
    """Goals that have skills typed for them but are no longer among `goals` (their wording was
    deleted): kept, so the skills can still be seen, moved or cleared."""
    current = set(goals)
    return [name for name, skills in per_goal.items() if skills and name not in current]


# --- ranked values -----------------------------------------------------------------------------


def add_value(items: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """Append a value unless it is already there (any case) or the list is full."""
    name = " ".join(name.split())
    if not name or len(items) >= MAX_VALUES:
        return list(items)
    if any(str(i.get("name", "")).casefold() == name.casefold() for i in items):
        return list(items)
    return [*items, {"name": name, "non_negotiable": False, "moment": ""}]


def move_value(items: list[dict[str, Any]], index: int, delta: int) -> tuple[list[dict[str, Any]], int]:
    """Move items[index] up (delta -1) or down (+1); returns the new list and its new index."""
    target = index + delta
    if not (0 <= index < len(items)) or not (0 <= target < len(items)):
        return list(items), index
    moved = list(items)
    moved[index], moved[target] = moved[target], moved[index]
    return moved, target


def toggle_non_negotiable(items: list[dict[str, Any]], index: int) -> list[dict[str, Any]]:
    changed = [dict(i) for i in items]
    if 0 <= index < len(changed):
        changed[index]["non_negotiable"] = not changed[index].get("non_negotiable", False)
    return changed


def remove_value(items: list[dict[str, Any]], index: int) -> list[dict[str, Any]]:
    return [i for n, i in enumerate(items) if n != index]


# --- progress ----------------------------------------------------------------------------------


def _filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def goal_count(goals: dict[str, Any]) -> int:
    return sum(1 for h in HORIZONS for g in goals.get(h) or () if _filled(g.get("goal")))


ASSESSMENT_SECTIONS = ("target", "values", "skills", "goals", "reflection")


def unfinished_parts(sections: dict[str, dict[str, Any]]) -> list[str]:
    """What an answer is built from that the self-assessment still lacks, by tab ([] when it is
    complete): the target's role and organisation, a value, a skill, a short- and a long-term
    goal. The reflection exercises help but are optional."""
    target = sections.get("target") or {}
    skills = sections.get("skills") or {}
    goals = sections.get("goals") or {}
    parts = []
    if not (_filled(target.get("role")) and _filled(target.get("organisation"))):
        parts.append("Target")
    if not (sections.get("values") or {}).get("items"):
        parts.append("Values")
    if not any(_filled(skills.get(k)) for k in ("hard", "soft", "to_develop")):
        parts.append("Skills")
    if not all(any(_filled(g.get("goal")) for g in goals.get(h) or ()) for h in HORIZONS):
        parts.append("Goals")
    return parts


def assessment_started(sections: dict[str, dict[str, Any]]) -> bool:
    """Whether anything at all has been written in the self-assessment."""
    return any(_has_text(sections.get(name)) for name in ASSESSMENT_SECTIONS)


def _has_text(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_text(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    return isinstance(value, str) and bool(value.strip())


def progress_line(sections: dict[str, dict[str, Any]], reflection_total: int) -> str:
    """One line of what is done, section by section (sections keyed by profile section name)."""
    target = sections.get("target") or {}
    values = (sections.get("values") or {}).get("items") or []
    skills = sections.get("skills") or {}
    reflection = sections.get("reflection") or {}
    skill_count = sum(len(skills.get(k) or ()) for k in ("hard", "soft", "to_develop"))
    answered = sum(1 for v in reflection.values() if _filled(v))
    parts = [
        f"Target {sum(1 for f in TARGET_FIELDS if _filled(target.get(f)))}/{len(TARGET_FIELDS)}",
        f"Values {len(values)}/{MAX_VALUES}",
        f"Skills {skill_count}",
        f"Goals {goal_count(sections.get('goals') or {})}",
        f"Reflection {answered}/{reflection_total}",
    ]
    return " · ".join(parts)


# --- diff ----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|[^\s]+")


def diff_words(old: str, new: str) -> list[tuple[DiffOp, str]]:
    """Word-level diff: (op, text) pieces that, read in order, give both texts.

    'equal' pieces are in both, 'delete' only in old, 'insert' only in new. Whitespace is kept
    with the words so the pieces join back exactly; adjacent pieces of one kind are merged."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[tuple[DiffOp, str]] = []

    def add(op: DiffOp, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if pieces and pieces[-1][0] == op:
            pieces[-1] = (op, pieces[-1][1] + text)
        else:
            pieces.append((op, text))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:  # replace = delete then insert
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return pieces


def diff_summary(pieces: list[tuple[DiffOp, str]]) -> str:
    """'+12 words, −3 words' (or 'No changes')."""
    added = sum(len(t.split()) for op, t in pieces if op == "insert")
    removed = sum(len(t.split()) for op, t in pieces if op == "delete")
    if not added and not removed:
        return "No changes"
    return f"+{added} words, −{removed} words"


def next_version_name(existing: Iterable[dict[str, Any]]) -> str:
    """'Version N' where N is one more than the number of saved versions (skipping taken names)."""
    versions = list(existing)
    names = {str(v.get("name", "")) for v in versions}
    n = len(versions) + 1
    while f"Version {n}" in names:
        n += 1
    return f"Version {n}"
