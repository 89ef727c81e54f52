"""The recovery drills (drills/*.toml), the interviewer's pushback line per coach code, and the
moves for recovering from a weak answer.
"""

from __future__ import annotations

import functools
from pathlib import Path

from goalcoach.content.toml_reading import Node, cached_or_fresh, check_unique, read_toml, toml_files
from goalcoach.content.types import (
    DRILL_MISSTEPS,
    ELEMENT_CODES,
    ISSUE_CODES,
    RECOVERY_MOVES,
    REQUIRED_PUSHBACKS,
    ContentError,
    Drill,
    RecoveryMove,
)

_SPECIAL_DRILL_FILES = frozenset({"pushbacks.toml", "recovery_moves.toml"})


def _drill(node: Node) -> Drill:
    return Drill(
        id=node.text("id"),
        misstep=node.choice("misstep", DRILL_MISSTEPS),
        **node.strings("title", "question", "flawed_answer", "pushback", "model_recovery", "why_it_hurts"),
        tips=node.texts("tips"),
    )


@functools.cache
def _drills(root: Path) -> tuple[tuple[Drill, ...], tuple[ContentError, ...]]:
    drills: list[Drill] = []
    errors: list[ContentError] = []
    seen_ids: set[str] = set()
    for relative in toml_files(root, "drills"):
        if relative.rsplit("/", 1)[-1] in _SPECIAL_DRILL_FILES:
            continue
        try:
            nodes = read_toml(root, relative).tables("drills")
            batch = [_drill(node) for node in nodes]
            check_unique(nodes, [d.id for d in batch], seen_ids)
        except ContentError as exc:
            errors.append(exc)
            continue
        drills.extend(batch)
    drills.sort(key=lambda d: DRILL_MISSTEPS.index(d.misstep))
    return tuple(drills), tuple(errors)


def load_drills(root: Path | None = None) -> tuple[list[Drill], list[ContentError]]:
    """All recovery drills, grouped by misstep in the rubric's issue order (file order within a
    misstep), plus an error for each file that was skipped."""
    drills, errors = cached_or_fresh(_drills, root)
    return list(drills), list(errors)


@functools.cache
def _pushbacks(root: Path) -> dict[str, str]:
    doc = read_toml(root, "drills/pushbacks.toml")
    known = ISSUE_CODES + ELEMENT_CODES
    for key in doc.data:
        if key not in known:
            raise doc.fail(key, f"unknown code (expected one of: {', '.join(known)})")
    for code in REQUIRED_PUSHBACKS:
        doc.text(code)
    return doc.strings(*doc.data)


def load_pushbacks(root: Path | None = None) -> dict[str, str]:
    """The interviewer's pushback line per coach code (issues and some missing elements)."""
    return dict(cached_or_fresh(_pushbacks, root))


@functools.cache
def _recovery_moves(root: Path) -> tuple[RecoveryMove, ...]:
    doc = read_toml(root, "drills/recovery_moves.toml")
    nodes = doc.tables("moves")
    moves = tuple(RecoveryMove(**n.strings("id", "title", "how")) for n in nodes)
    if tuple(m.id for m in moves) != RECOVERY_MOVES:
        raise doc.fail("moves", f"expected the moves {', '.join(RECOVERY_MOVES)} in that order")
    return moves


def load_recovery_moves(root: Path | None = None) -> tuple[RecoveryMove, ...]:
    """The five moves for recovering from a weak answer, in the order to use them."""
    return cached_or_fresh(_recovery_moves, root)
