"""The practice scenario sets (scenarios/*.toml), one per career stage; each scenario gets the
follow-ups its interviewer asks after a strong answer from the follow-up catalogue.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from goalcoach.content.follow_up_catalogue import follow_up_catalogue
from goalcoach.content.toml_reading import Node, cached_or_fresh, check_unique, read_toml, toml_files
from goalcoach.content.types import (
    DEFAULT_PAY,
    FACT_FIELDS,
    MANNERS,
    SET_STAGES,
    ContentError,
    Employer,
    Facts,
    FollowUp,
    Interviewer,
    Scenario,
    ScenarioSet,
)


def _interviewer(node: Node) -> Interviewer:
    return Interviewer(**node.strings("name", "role"), manner=node.choice("manner", MANNERS))


def _facts(node: Node) -> Facts:
    return Facts(**node.strings(*FACT_FIELDS), pay=node.text("pay") if "pay" in node.data else DEFAULT_PAY)


def _scenario(node: Node, set_id: str) -> Scenario:
    employer = node.table("employer")
    asks = node.texts("asks") if "asks" in node.data else Scenario.__dataclass_fields__["asks"].default
    return Scenario(
        id=node.text("id"),
        set_id=set_id,
        **node.strings("title", "industry", "persona"),
        employer=Employer(**employer.strings("name", "what_it_does"), values=employer.texts("values")),
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
        catalogue = follow_up_catalogue(root)
    except ContentError:  # reported where follow-ups are asked; scenarios still load
        catalogue = ()
    for relative in toml_files(root, "scenarios"):
        try:
            sets.append(_scenario_set(read_toml(root, relative), seen_stages, seen_ids, catalogue))
        except ContentError as exc:
            errors.append(exc)
    sets.sort(key=lambda s: SET_STAGES.index(s.stage))
    return tuple(sets), tuple(errors)


def load_scenario_sets(root: Path | None = None) -> tuple[list[ScenarioSet], list[ContentError]]:
    """All practice sets in stage order, plus an error for each file that was skipped."""
    sets, errors = cached_or_fresh(_scenario_sets, root)
    return list(sets), list(errors)
