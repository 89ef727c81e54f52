"""Loads the coaching content (content/) into typed, validated objects. Never imports textual.

Every loader takes an optional `root` (the content folder); without it the shipped content is
loaded once and cached, since it does not change while the app runs. Scenario sets and drills
are many files: a broken one is reported in the returned error list and skipped. The single
files (pushbacks, recovery moves, template, worksheets, guides) raise ContentError.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from goalcoach.paths import content_dir
from goalcoach.content.types import (
    DRILL_MISSTEPS,
    ELEMENT_CODES,
    ISSUE_CODES,
    RECOVERY_MOVES,
    REQUIRED_PUSHBACKS,
    SET_STAGES,
    TEMPLATE_SLOTS,
    WORKSHEET_PROMPTS,
    WORKSHEET_STAGES,
    DEFAULT_PAY,
    FACT_FIELDS,
    MANNERS,
    ContentError,
    Drill,
    Employer,
    Facts,
    FieldExamples,
    FollowUp,
    Interviewer,
    Node,
    Prompt,
    RecoveryMove,
    Scenario,
    ScenarioSet,
    Slot,
    Stage,
    Template,
    Worksheets,
    check_unique,
    toml_files,
)

__all__ = [
    "ContentError",
    "Drill",
    "Employer",
    "Facts",
    "FieldExamples",
    "FollowUp",
    "Interviewer",
    "MANNERS",
    "Prompt",
    "RecoveryMove",
    "Scenario",
    "ScenarioSet",
    "Slot",
    "Stage",
    "Template",
    "Worksheets",
    "DRILL_MISSTEPS",
    "SET_STAGES",
    "content_dir",
    "list_guides",
    "load_drills",
    "load_follow_ups",
    "load_guide",
    "load_pushbacks",
    "load_recovery_moves",
    "load_scenario_sets",
    "load_template",
    "load_worksheets",
]

#: Guide lessons in reading order; other guide files (per-screen help) follow alphabetically.
LESSONS: tuple[str, ...] = (
    "why-they-ask",
    "strong-answer",
    "stages",
    "mistakes",
    "recovery",
    "follow-ups",
    "delivery",
)

_SPECIAL_DRILL_FILES = frozenset({"pushbacks.toml", "recovery_moves.toml"})
_GUIDE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


def _read(root: Path, relative: str) -> Node:
    """Parse one TOML file; a missing or malformed file becomes a ContentError."""
    path = root / relative
    try:
        with path.open("rb") as handle:
            return Node(tomllib.load(handle), relative)
    except FileNotFoundError:
        raise ContentError(relative, "", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(relative, "", f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(relative, "", f"cannot read: {exc}") from None


def _cached_or_fresh(loader: Any, root: Path | None) -> Any:
    return loader(content_dir()) if root is None else loader.__wrapped__(Path(root))


# --- scenario sets -----------------------------------------------------------------------------


def _interviewer(node: Node) -> Interviewer:
    return Interviewer(name=node.text("name"), role=node.text("role"), manner=node.choice("manner", MANNERS))


def _facts(node: Node) -> Facts:
    values = {f: node.text(f) for f in FACT_FIELDS}
    pay = node.text("pay") if "pay" in node.data else DEFAULT_PAY
    return Facts(**values, pay=pay)


def _scenario(node: Node, set_id: str) -> Scenario:
    employer = node.table("employer")
    asks = node.texts("asks") if "asks" in node.data else Scenario.__dataclass_fields__["asks"].default
    return Scenario(
        id=node.text("id"),
        set_id=set_id,
        title=node.text("title"),
        industry=node.text("industry"),
        persona=node.text("persona"),
        employer=Employer(
            name=employer.text("name"),
            what_it_does=employer.text("what_it_does"),
            values=employer.texts("values"),
        ),
        question=node.text("question"),
        tips=node.texts("tips"),
        model_answer=node.text("model_answer"),
        interviewer=_interviewer(node.table("interviewer")),
        facts=_facts(node.table("facts")),
        asks=tuple(asks),
    )


def _with_follow_ups(scenario: Scenario, stage: str, catalogue: tuple[FollowUp, ...]) -> Scenario:
    manner = scenario.interviewer.manner
    probe = [f.line(manner) for f in catalogue if f.trigger == f"strong:{stage}"]
    common = [f.line(manner) for ask in scenario.asks for f in catalogue if f.id == ask]
    return dataclasses.replace(scenario, follow_ups=tuple(dict.fromkeys(probe + common)))


def _scenario_set(doc: Node, seen_stages: set[str], seen_ids: set[str], catalogue: tuple[FollowUp, ...] = ()) -> ScenarioSet:
    set_id = doc.text("id")
    stage = doc.choice("stage", SET_STAGES)
    if stage in seen_stages:
        raise doc.fail("stage", f"another file already holds the {stage!r} set")
    nodes = doc.tables("scenarios")
    scenarios = tuple(_with_follow_ups(_scenario(node, set_id), stage, catalogue) for node in nodes)
    check_unique(nodes, [s.id for s in scenarios], seen_ids)
    seen_stages.add(stage)
    return ScenarioSet(
        id=set_id,
        title=doc.text("title"),
        stage=stage,
        summary=doc.text("summary"),
        scenarios=scenarios,
    )


@functools.cache
def _scenario_sets(root: Path) -> tuple[tuple[ScenarioSet, ...], tuple[ContentError, ...]]:
    sets: list[ScenarioSet] = []
    errors: list[ContentError] = []
    seen_stages: set[str] = set()
    seen_ids: set[str] = set()
    try:
        catalogue = _follow_ups(root)
    except ContentError:  # reported where follow-ups are asked; scenarios still load
        catalogue = ()
    for relative in toml_files(root, "scenarios"):
        try:
            sets.append(_scenario_set(_read(root, relative), seen_stages, seen_ids, catalogue))
        except ContentError as exc:
            errors.append(exc)
    sets.sort(key=lambda s: SET_STAGES.index(s.stage))
    return tuple(sets), tuple(errors)


def load_scenario_sets(root: Path | None = None) -> tuple[list[ScenarioSet], list[ContentError]]:
    """All practice sets in stage order, plus an error for each file that was skipped."""
    sets, errors = _cached_or_fresh(_scenario_sets, root)
    return list(sets), list(errors)


# --- follow-ups --------------------------------------------------------------------------------


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
def _follow_ups(root: Path) -> tuple[FollowUp, ...]:
    from goalcoach.coach.question_kinds import kind_ids

    doc = _read(root, "follow_ups.toml")
    nodes = doc.tables("follow_ups")
    items = tuple(_follow_up(n, kind_ids()) for n in nodes)
    check_unique(nodes, [f.id for f in items], set())
    return items


def load_follow_ups(root: Path | None = None) -> tuple[FollowUp, ...]:
    """Every follow-up question practice can ask, in file order. A broken file raises ContentError."""
    return _cached_or_fresh(_follow_ups, root)


# --- drills ------------------------------------------------------------------------------------


def _drill(node: Node) -> Drill:
    return Drill(
        id=node.text("id"),
        misstep=node.choice("misstep", DRILL_MISSTEPS),
        title=node.text("title"),
        question=node.text("question"),
        flawed_answer=node.text("flawed_answer"),
        pushback=node.text("pushback"),
        model_recovery=node.text("model_recovery"),
        why_it_hurts=node.text("why_it_hurts"),
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
            nodes = _read(root, relative).tables("drills")
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
    drills, errors = _cached_or_fresh(_drills, root)
    return list(drills), list(errors)


@functools.cache
def _pushbacks(root: Path) -> dict[str, str]:
    doc = _read(root, "drills/pushbacks.toml")
    known = ISSUE_CODES + ELEMENT_CODES
    for key in doc.data:
        if key not in known:
            raise doc.fail(key, f"unknown code (expected one of: {', '.join(known)})")
    for code in REQUIRED_PUSHBACKS:
        doc.text(code)
    return {key: doc.text(key) for key in doc.data}


def load_pushbacks(root: Path | None = None) -> dict[str, str]:
    """The interviewer's pushback line per coach code (issues and some missing elements)."""
    return dict(_cached_or_fresh(_pushbacks, root))


@functools.cache
def _recovery_moves(root: Path) -> tuple[RecoveryMove, ...]:
    doc = _read(root, "drills/recovery_moves.toml")
    nodes = doc.tables("moves")
    moves = tuple(RecoveryMove(n.text("id"), n.text("title"), n.text("how")) for n in nodes)
    if tuple(m.id for m in moves) != RECOVERY_MOVES:
        raise doc.fail("moves", f"expected the moves {', '.join(RECOVERY_MOVES)} in that order")
    return moves


def load_recovery_moves(root: Path | None = None) -> tuple[RecoveryMove, ...]:
    """The five moves for recovering from a weak answer, in the order to use them."""
    return _cached_or_fresh(_recovery_moves, root)


# --- template and worksheets -------------------------------------------------------------------


@functools.cache
def _template(root: Path) -> Template:
    doc = _read(root, "template.toml")
    nodes = doc.tables("slots")
    slots = tuple(
        Slot(n.text("id"), n.text("label"), n.text("hint"), n.text("example")) for n in nodes
    )
    if tuple(s.id for s in slots) != TEMPLATE_SLOTS:
        raise doc.fail("slots", f"expected the slots {', '.join(TEMPLATE_SLOTS)} in that order")
    pattern = doc.text("pattern")
    used = re.findall(r"\{(\w+)\}", pattern)
    if sorted(used) != sorted(TEMPLATE_SLOTS):
        raise doc.fail("pattern", f"must use each of {{{'}, {'.join(TEMPLATE_SLOTS)}}} once")
    field_slots = [s for s in TEMPLATE_SLOTS if s != "time_frame"]
    fields = tuple(
        FieldExamples(n.text("id"), n.texts("keywords"), {s: n.text(s) for s in field_slots})
        for n in (doc.tables("fields") if "fields" in doc.data else [])
    )
    check_unique(doc.tables("fields") if fields else [], [f.id for f in fields], set())
    return Template(pattern=pattern, slots=slots, fields=fields)


def load_template(root: Path | None = None) -> Template:
    """The answer template: a pattern with {slot} placeholders and the slots' hints."""
    return _cached_or_fresh(_template, root)


def _prompts(doc: Node, key: str, expected: tuple[str, ...] | None = None) -> tuple[Prompt, ...]:
    nodes = doc.tables(key)
    prompts = tuple(Prompt(n.text("id"), n.text("label"), n.text("hint")) for n in nodes)
    if expected is not None and tuple(p.id for p in prompts) != expected:
        raise doc.fail(key, f"expected the ids {', '.join(expected)} in that order")
    check_unique(nodes, [p.id for p in prompts], set())
    return prompts


@functools.cache
def _worksheets(root: Path) -> Worksheets:
    doc = _read(root, "worksheets.toml")
    stage_nodes = doc.tables("stages")
    stages = tuple(Stage(n.text("id"), n.text("label"), n.text("description")) for n in stage_nodes)
    if tuple(s.id for s in stages) != WORKSHEET_STAGES:
        raise doc.fail("stages", f"expected the stages {', '.join(WORKSHEET_STAGES)} in that order")
    prompts = {key: _prompts(doc, key, ids) for key, ids in WORKSHEET_PROMPTS.items()}
    return Worksheets(
        stages=stages,
        value_suggestions=doc.texts("value_suggestions", min_items=16),
        reflection_prompts=_prompts(doc, "reflection_prompts"),
        **prompts,
    )


def load_worksheets(root: Path | None = None) -> Worksheets:
    """Self-assessment prompts: stages, value suggestions and each worksheet's fields."""
    return _cached_or_fresh(_worksheets, root)


# --- guides ------------------------------------------------------------------------------------


def list_guides(root: Path | None = None) -> list[str]:
    """Guide names (file stems): the lessons in reading order, then any others A–Z."""
    folder = (content_dir() if root is None else Path(root)) / "guide"
    names = {p.stem for p in folder.glob("*.md")} if folder.is_dir() else set()
    lessons = [n for n in LESSONS if n in names]
    return lessons + sorted(names - set(lessons))


def load_guide(name: str, root: Path | None = None) -> str:
    """The Markdown text of guide/{name}.md. A missing guide raises ContentError."""
    relative = f"guide/{name}.md"
    if not _GUIDE_NAME.fullmatch(name):
        raise ContentError(relative, "", "not a valid guide name")
    if root is None:
        return _guide(content_dir(), relative)
    return _guide.__wrapped__(Path(root), relative)


@functools.cache
def _guide(root: Path, relative: str) -> str:
    try:
        return (root / relative).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(relative, "", "guide not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(relative, "", f"cannot read: {exc}") from None
