"""Progress over time, from the stored attempts: trend, weak spots, week and streak, the table.
What to practise next is in practise_next.

Pure functions over attempt records (the shared attempt shape) and content objects; never
imports textual, so the progress screen, the home stats and the export all share it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable

from goalcoach.coach import rubric
from goalcoach.coach.rubric import ELEMENTS as ELEMENT_CODES, ISSUES as ISSUE_CODES
from goalcoach.domain.attempt import KINDS  # noqa: F401 - the kinds the progress filter offers

Attempt = dict[str, Any]

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


def ordered(attempts: Iterable[Attempt]) -> list[Attempt]:
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
    for attempt in ordered(attempts):
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
    recent = ordered(attempts)[-last:] if last > 0 else []
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
    history = ordered(attempts)
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
