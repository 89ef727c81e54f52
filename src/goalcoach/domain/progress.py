"""Progress over time, from the stored attempts: trend, weak spots, what to practise next.

Pure functions over attempt records (the shared attempt shape) and content objects; never
imports textual, so the progress screen, the home stats and the export all share it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Mapping, Sequence

from goalcoach.coach import rubric
from goalcoach.coach.rubric import ELEMENTS as ELEMENT_CODES, ISSUES as ISSUE_CODES
from goalcoach.domain.attempt import KINDS  # noqa: F401 - the kinds the progress filter offers
from goalcoach.domain.prefill import field_of

Attempt = dict[str, Any]

#: How recently something counts as "practised recently" for the suggestion: within this many
#: days, or among this many latest attempts (whichever catches it).
RECENT_DAYS = 3
RECENT_ATTEMPTS = 5

#: Elements every answer should have; the others are a bonus, so missing them is no weakness.
OPTIONAL_ELEMENTS: tuple[str, ...] = rubric.BONUS_ELEMENTS
REQUIRED_ELEMENTS: tuple[str, ...] = rubric.REQUIRED_ELEMENTS

ELEMENT_LABELS: dict[str, str] = rubric.ELEMENT_NAMES

STAGE_LABELS: dict[str, str] = rubric.STAGE_NAMES



def parse_time(value: Any) -> datetime | None:
    """An attempt's ISO-8601 `created` as an aware datetime (naive ones are taken as UTC)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _ordered(attempts: Iterable[Attempt]) -> list[Attempt]:
    return sorted(attempts, key=lambda a: str(a.get("created", "")))


def score_of(attempt: Attempt) -> int | None:
    score = attempt.get("score")
    if isinstance(score, bool) or not isinstance(score, (int, float)):
        return None
    return int(score)


# -- trend -------------------------------------------------------------------------------------
def trend(attempts: Iterable[Attempt], stage: str | None = None) -> list[int]:
    """Scores oldest first (only attempts at `stage`, if given), ready for a sparkline."""
    scores = []
    for attempt in _ordered(attempts):
        if stage is not None and attempt.get("stage") != stage:
            continue
        score = score_of(attempt)
        if score is not None:
            scores.append(score)
    return scores


def is_main_answer(attempt: Attempt) -> bool:
    """An answer to the main question (a practice scenario's first question or a builder
    answer): only these are compared over time, so a follow-up never reads as a drop."""
    return attempt.get("kind") in ("practice", "builder") and not attempt.get("follow_up")


def score_history(attempts: Iterable[Attempt], now: datetime, stage: str | None = None) -> list[tuple[date, int]]:
    """(day, mean score that day) for main-question answers, oldest first, in local days."""
    days: dict[date, list[int]] = {}
    for attempt in attempts:
        if not is_main_answer(attempt) or (stage is not None and attempt.get("stage") != stage):
            continue
        score, moment = score_of(attempt), parse_time(attempt.get("created"))
        if score is None or moment is None:
            continue
        days.setdefault(_local_day(moment, now), []).append(score)
    return [(day, round(sum(scores) / len(scores))) for day, scores in sorted(days.items())]


def stages_with_attempts(attempts: Iterable[Attempt]) -> list[str]:
    """Stages that have scored attempts, in the app's stage order (unknown ones last)."""
    found = {a.get("stage") for a in attempts if a.get("stage") and score_of(a) is not None}
    order = list(STAGE_LABELS)
    return sorted((str(s) for s in found), key=lambda s: (order.index(s) if s in order else len(order), s))


# -- weak labels -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Label:
    kind: str  # "issue" (something wrong) or "missing" (an expected element absent)
    code: str
    count: int

    @property
    def title(self) -> str:
        if self.kind == "missing":
            return f"no {ELEMENT_LABELS.get(self.code, self.code).lower()}"
        return rubric.issue_name(self.code).lower()


def weak_labels(attempts: Iterable[Attempt], last: int = 10) -> list[Label]:
    """Issue codes and missing required elements across the last `last` attempts, most frequent
    first (an issue counts once per attempt, however many times it was flagged).

    Issues (fillers, hedging, …) count from every answer; missing elements only from answers
    judged by the main question's checklist. A follow-up (a leadership story, a plan) is judged
    by its own question, so what it lacks of the main question's checklist is no fault."""
    recent = _ordered(attempts)[-last:] if last > 0 else []
    issues: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    for attempt in recent:
        feedback = attempt.get("feedback")
        if not isinstance(feedback, dict):
            continue
        codes = {str(i.get("code")) for i in feedback.get("issues") or [] if isinstance(i, dict) and i.get("code")}
        issues.update(codes)
        if attempt.get("follow_up") or "question" in feedback:
            continue  # judged by its own question's checklist, not the main question's
        elements = feedback.get("elements")
        if isinstance(elements, dict) and elements:
            for code in REQUIRED_ELEMENTS:
                result = elements.get(code)
                if not (isinstance(result, dict) and result.get("present")):
                    missing[code] += 1
    labels = [Label("issue", c, n) for c, n in issues.items()] + [Label("missing", c, n) for c, n in missing.items()]

    def rank(label: Label) -> tuple[int, int, int]:
        # Ties: issues before missing elements, then the rubric's order (stable output).
        codes = ISSUE_CODES if label.kind == "issue" else ELEMENT_CODES
        position = codes.index(label.code) if label.code in codes else len(codes)
        return (-label.count, 0 if label.kind == "issue" else 1, position)

    return sorted(labels, key=rank)


# -- what to practise next -------------------------------------------------------------------
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
    history = _ordered(attempts)
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


# -- this week, streaks ---------------------------------------------------------------------
@dataclass(frozen=True)
class WeekStats:
    this_week: int
    latest_score: int | None
    total: int


def _local_day(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date() if now.tzinfo else moment.date()


def week_stats(attempts: Iterable[Attempt], now: datetime) -> WeekStats:
    """Attempts since Monday of now's week (in now's time zone), and the latest score."""
    history = _ordered(attempts)
    today = now.date()
    monday = today - timedelta(days=today.weekday())
    count = 0
    for attempt in history:
        moment = parse_time(attempt.get("created"))
        if moment is not None and monday <= _local_day(moment, now) <= today:
            count += 1
    scores = [score_of(a) for a in history if score_of(a) is not None]
    return WeekStats(count, scores[-1] if scores else None, len(history))


def streak(attempts: Iterable[Attempt], now: datetime) -> int:
    """Consecutive days with at least one attempt, ending today (or yesterday: not broken yet)."""
    days = set()
    for attempt in attempts:
        moment = parse_time(attempt.get("created"))
        if moment is not None:
            days.add(_local_day(moment, now))
    day = now.date()
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


# -- the attempts table: filter and sort --------------------------------------------------------
SORT_COLUMNS: tuple[str, ...] = ("date", "kind", "scenario", "score", "time")


def sort_value(attempt: Attempt, column: str) -> Any:
    """A comparable value for the table's sort (missing values sort first)."""
    if column == "kind":
        return str(attempt.get("kind", ""))
    if column == "scenario":
        return scenario_label(attempt).casefold()
    if column == "score":
        score = score_of(attempt)
        return -1 if score is None else score
    if column == "time":
        seconds = attempt.get("seconds")
        return float(seconds) if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) else -1.0
    return str(attempt.get("created", ""))


def scenario_label(attempt: Attempt) -> str:
    """What the table's Scenario column shows for an attempt."""
    title = attempt.get("scenario_title")
    if isinstance(title, str) and title:
        return title
    if attempt.get("kind") == "builder":
        return "Answer builder"
    return str(attempt.get("scenario_id") or attempt.get("drill_id") or "—")


def row_label(attempt: Attempt) -> str:
    """What the table's Scenario column shows for an attempt: a follow-up names the question it
    answered (every answer of a session shares its scenario's title, and an own-target session's
    title is the same every time), under its scenario's row when sorted by scenario."""
    question = attempt.get("question")
    if attempt.get("follow_up") and isinstance(question, str) and question.strip():
        return "↳ " + " ".join(question.split())
    return scenario_label(attempt)


def search_text(attempt: Attempt) -> str:
    """What the text filter looks in, folded for case-insensitive matching."""
    return " ".join(
        str(attempt.get(k) or "") for k in ("scenario_title", "scenario_id", "question", "text", "kind", "created")
    ).casefold()


def filter_attempts(
    attempts: Iterable[Attempt], kind: str | None = None, text: str = "", index: dict[str, str] | None = None
) -> list[Attempt]:
    """Attempts of `kind` (all when None) whose scenario, question or answer contains `text`.

    `index` maps attempt id to its search_text, computed once for large histories."""
    needle = text.strip().casefold()
    kept = []
    for attempt in attempts:
        if kind and attempt.get("kind") != kind:
            continue
        if needle:
            haystack = index.get(str(attempt.get("id"))) if index is not None else None
            if needle not in (haystack if haystack is not None else search_text(attempt)):
                continue
        kept.append(attempt)
    return kept


def sort_attempts(attempts: Iterable[Attempt], column: str = "date", descending: bool = True) -> list[Attempt]:
    return sorted(attempts, key=lambda a: (sort_value(a, column), str(a.get("created", ""))), reverse=descending)


def format_date(created: Any, now: datetime | None = None) -> str:
    """`YYYY-MM-DD HH:MM` in now's time zone (UTC without one)."""
    moment = parse_time(created)
    if moment is None:
        return "—"
    if now is not None and now.tzinfo is not None:
        moment = moment.astimezone(now.tzinfo)
    return moment.strftime("%Y-%m-%d %H:%M")
