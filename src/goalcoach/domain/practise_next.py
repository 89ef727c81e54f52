"""What to practise next, from the stored attempts: the weakest area not practised recently
(a drill for a frequent issue, a scenario close to the person's own target, or the weakest
stage). Pure functions over attempt records and content objects; never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Iterable, Mapping, Sequence

from goalcoach.domain.prefill import field_of
from goalcoach.domain.progress import (
    STAGE_LABELS, Attempt, is_main_answer, ordered, parse_time, trend, weak_labels,
)

#: How recently something counts as "practised recently" for the suggestion: within this many
#: days, or among this many latest attempts (whichever catches it).
RECENT_DAYS = 3
RECENT_ATTEMPTS = 5

#: The suggestion's target_id when it is practice for the person's own target.
OWN_TARGET_ID = "own-target"


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "drill", "scenario" or "own_target"
    target_id: str
    reason: str
    title: str = ""

    @property
    def lead(self) -> str:
        """What comes before the title: 'drill ', 'scenario ' or 'your own target: '."""
        return {"drill": "drill ", "own_target": "your own target: "}.get(self.kind, "scenario ")


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def target_known(target: Mapping[str, Any] | None) -> bool:
    """Whether the person has a target of their own to practise: a role and an organisation."""
    return bool(target) and bool(_text(target.get("role"))) and bool(_text(target.get("organisation")))


def _fitting(scenario: Any, field: Any, fields: Sequence[Any]) -> bool:
    """Whether a scenario is in the person's field of work (by its title, industry and employer)."""
    employer = getattr(scenario, "employer", None)
    described = {"role": getattr(scenario, "title", ""),
                 "organisation": f"{getattr(scenario, 'industry', '')} {getattr(employer, 'name', '')}"}
    found = field_of(described, fields)
    return found is not None and found.id == field.id


def _own_target(target: Mapping[str, Any]) -> Suggestion:
    role, organisation = _text(target.get("role")), _text(target.get("organisation"))
    reason = "No practice scenario is as close to your target as your own: practise the question for it."
    return Suggestion("own_target", OWN_TARGET_ID, reason, f"{role} at {organisation}")


def _recent(attempts: list[Attempt], now: datetime) -> list[Attempt]:
    """Attempts that count as recent: the latest few, plus any within RECENT_DAYS of now."""
    cutoff = now - timedelta(days=RECENT_DAYS)
    recent = attempts[-RECENT_ATTEMPTS:]
    for attempt in attempts[:-RECENT_ATTEMPTS] if len(attempts) > RECENT_ATTEMPTS else []:
        moment = parse_time(attempt.get("created"))
        if moment is not None and moment >= cutoff:
            recent.append(attempt)
    return recent


def _scenarios_by_stage(scenario_sets: Sequence[Any]) -> dict[str, list[Any]]:
    by_stage: dict[str, list[Any]] = {}
    for scenario_set in scenario_sets:
        by_stage.setdefault(scenario_set.stage, []).extend(scenario_set.scenarios)
    return by_stage


def _last_done(attempts: list[Attempt], key: str) -> dict[str, str]:
    done: dict[str, str] = {}
    for attempt in attempts:
        if attempt.get(key):
            done[str(attempt[key])] = str(attempt.get("created", ""))
    return done


def practise_next(
    attempts: Iterable[Attempt],
    drills: Sequence[Any],
    scenario_sets: Sequence[Any],
    now: datetime,
    *,
    preferred_stage: str | None = None,
    target: Mapping[str, Any] | None = None,
    fields: Sequence[Any] = (),
) -> Suggestion | None:
    """The weakest area not practised recently.

    1. The most frequent issue in the last 10 attempts that has a drill not done recently.
    2. With a target of the person's own (`target`: role and organisation): a scenario in their
       field of work (`fields`, the answer template's) at their stage (`preferred_stage`), the
       one practised longest ago; when none fits, or all were practised recently, their own target.
    3. Else the stage with the lowest average score (or `preferred_stage`, or the first stage,
       with no history): its scenario practised longest ago (never practised first).
    """
    history = ordered(attempts)
    recent = _recent(history, now)
    recent_drills = {str(a.get("drill_id")) for a in recent if a.get("drill_id")}
    recent_scenarios = {str(a.get("scenario_id")) for a in recent if a.get("scenario_id")}

    for label in weak_labels(history):
        if label.kind != "issue":
            continue
        for drill in drills:
            if drill.misstep == label.code and drill.id not in recent_drills:
                times = "time" if label.count == 1 else "times"
                reason = f"“{label.title}” came up {label.count} {times} in your last 10 attempts."
                return Suggestion("drill", drill.id, reason, drill.title)

    by_stage = _scenarios_by_stage(scenario_sets)
    if target is not None and target_known(target):
        return _for_target(history, recent_scenarios, by_stage, preferred_stage, target, fields)
    if not by_stage:
        return None
    averages: dict[str, float] = {}
    main_answers = [a for a in history if is_main_answer(a)]  # as the trend and chart count them
    for stage in by_stage:
        scores = trend(main_answers, stage)
        if scores:
            averages[stage] = sum(scores) / len(scores)
    last_done = _last_done(history, "scenario_id")
    # Weakest stage first; stages without history follow, the person's own stage leading.
    ordered_stages = sorted(averages, key=lambda s: averages[s]) + sorted(
        (s for s in by_stage if s not in averages), key=lambda s: s != preferred_stage
    )
    for stage in ordered_stages:
        candidates = [s for s in by_stage[stage] if s.id not in recent_scenarios]
        if not candidates:
            continue
        scenario = min(candidates, key=lambda s: (s.id in last_done, last_done.get(s.id, "")))
        label = STAGE_LABELS.get(stage, stage)
        if stage in averages and len(averages) > 1:
            reason = f"{label} is your weakest stage (average {averages[stage]:.0f}/100)."
        elif stage in averages:  # the only stage practised: "weakest" would compare it with nothing
            reason = f"Another {label.lower()} scenario: your answers there average {averages[stage]:.0f}/100."
        else:
            reason = f"You have not practised a {label.lower()} scenario yet."
        return Suggestion("scenario", scenario.id, reason, scenario.title)
    return None


def _for_target(history: list[Attempt], recent_scenarios: set[str], by_stage: dict[str, list[Any]],
                stage: str | None, target: Mapping[str, Any], fields: Sequence[Any]) -> Suggestion:
    """A scenario close to the person's own target, else practice for the target itself."""
    field = field_of(target, fields)
    if field is None:  # no field of work recognised: no scenario can be shown to be close
        return _own_target(target)
    stages = [stage] if stage in by_stage else ([] if stage else list(by_stage))
    candidates = [(s, scenario) for s in stages for scenario in by_stage[s]
                  if scenario.id not in recent_scenarios and _fitting(scenario, field, fields)]
    if not candidates:
        return _own_target(target)
    last_done = _last_done(history, "scenario_id")
    chosen_stage, scenario = min(candidates, key=lambda c: (c[1].id in last_done, last_done.get(c[1].id, "")))
    label = STAGE_LABELS.get(chosen_stage, chosen_stage).lower()
    if scenario.id in last_done:
        reason = f"Close to your own target: the {label} scenario in your field you practised longest ago."
    else:
        reason = f"Close to your own target: a {label} scenario in your field you have not practised yet."
    return Suggestion("scenario", scenario.id, reason, scenario.title)
