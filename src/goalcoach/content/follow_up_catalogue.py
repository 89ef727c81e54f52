"""The follow-up catalogue (follow_ups.toml): every follow-up question practice can ask, when it
is asked (its trigger), its question kind, its lines per interviewer manner and its model answer.
"""

from __future__ import annotations

import functools
from pathlib import Path

from goalcoach.content.toml_reading import Node, cached_or_fresh, check_unique, read_toml
from goalcoach.content.types import ELEMENT_CODES, ISSUE_CODES, MANNERS, SET_STAGES, FollowUp


def _follow_up(node: Node, kinds: tuple[str, ...]) -> FollowUp:
    lines = {m: node.text(m) for m in MANNERS if m in node.data or m == "neutral"}
    return FollowUp(
        id=node.text("id"),
        trigger=_trigger(node),
        kind=node.choice("kind", kinds),
        reason=node.text("reason"),
        lines=lines,
        model=node.text("model"),
    )


def _trigger(node: Node) -> str:
    trigger = node.text("trigger")
    head, _, tail = trigger.partition(":")
    from goalcoach.coach.question_kinds import kind_ids

    valid = (
        trigger in ISSUE_CODES or trigger == "extra"
        or (head == "missing" and tail in ELEMENT_CODES)
        or (head == "strong" and tail in SET_STAGES)
        or (head == "after" and tail in kind_ids())
    )
    if not valid:
        raise node.fail(node.where("trigger"), f"{trigger!r} is not an issue code, missing:<element>, "
                        "strong:<stage>, after:<kind> or extra")
    return trigger


@functools.cache
def follow_up_catalogue(root: Path) -> tuple[FollowUp, ...]:
    """The catalogue in `root`, cached per folder (the scenario loader reads it too)."""
    from goalcoach.coach.question_kinds import kind_ids

    doc = read_toml(root, "follow_ups.toml")
    nodes = doc.tables("follow_ups")
    items = tuple(_follow_up(n, kind_ids()) for n in nodes)
    check_unique(nodes, [f.id for f in items], set())
    return items


def load_follow_ups(root: Path | None = None) -> tuple[FollowUp, ...]:
    """Every follow-up question practice can ask, in file order. A broken file raises ContentError."""
    return cached_or_fresh(follow_up_catalogue, root)
