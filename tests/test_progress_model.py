"""progress_model: trend, weak labels, what to practise next, week stats, streaks, table helpers.

Also holds the seeded history the progress screen tests use (`seed_history`).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from goalcoach.domain.practise_next import OWN_TARGET_ID, practise_next
from goalcoach.domain import progress as pm
from goalcoach.domain.duration import format_duration
from goalcoach.content import load_drills, load_scenario_sets
from goalcoach.content.types import ELEMENT_CODES

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)  # a Monday, as in conftest's FIXED_DATETIME


def feedback(score: int, issues: tuple[str, ...] = (), missing: tuple[str, ...] = ()) -> dict[str, Any]:
    """A coach-shaped feedback dict (the fields progress reads), made by hand so tests are exact."""
    return {
        "score": score,
        "quality": "strong" if score >= 75 else "adequate" if score >= 50 else "weak",
        "words": 100,
        "speaking_seconds": 40.0,
        "elements": {code: {"present": code not in missing, "evidence": []} for code in ELEMENT_CODES},
        "issues": [
            {"code": code, "start": 0, "end": 4, "message": f"{code} message", "suggestion": f"fix {code}"}
            for code in issues
        ],
        "terms": {"used": [], "missed": []},
    }


def attempt(
    created: datetime,
    score: int,
    *,
    kind: str = "practice",
    stage: str | None = "entry",
    scenario_id: str | None = "entry-nurse",
    title: str = "Newly qualified nurse",
    issues: tuple[str, ...] = (),
    missing: tuple[str, ...] = (),
    text: str = "In two years I want to lead the ward's training.",
    seconds: float | None = 65.0,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": f"a-{created.isoformat()}-{kind}-{score}",
        "created": created.isoformat(),
        "kind": kind,
        "scenario_id": scenario_id,
        "scenario_title": title,
        "stage": stage,
        "question": "What are your career goals?",
        "text": text,
        "seconds": seconds,
        "score": score,
        "quality": feedback(score)["quality"],
        "feedback": feedback(score, issues, missing),
        **extra,
    }


def seed_history(now: datetime = NOW) -> list[dict[str, Any]]:
    """Twelve attempts over three weeks: practice at two stages, drills and builder versions."""
    day = timedelta(days=1)
    return [
        attempt(now - 20 * day, 42, issues=("vague", "hedging"), missing=("timeframe",)),
        attempt(now - 18 * day, 55, issues=("hedging",), stage="mid", scenario_id="mid-analyst", title="Data analyst aiming to lead"),
        attempt(now - 15 * day, 48, kind="builder", stage=None, scenario_id=None, title="", issues=("vague",), seconds=None),
        attempt(now - 12 * day, 61, issues=("hedging",), scenario_id="entry-developer", title="Graduate software developer"),
        attempt(now - 10 * day, 35, kind="drill", stage=None, scenario_id=None, title="Talking yourself down",
                issues=("hedging", "filler"), drill_id="hedging-unsure", misstep="hedging"),
        attempt(now - 8 * day, 66, stage="mid", scenario_id="mid-teacher", title="Teacher ready for a department",
                missing=("company_alignment",)),
        attempt(now - 6 * day, 58, issues=("hedging",), missing=("timeframe",)),
        attempt(now - 4 * day, 70, kind="builder", stage=None, scenario_id=None, title="", seconds=None),
        attempt(now - 3 * day, 52, kind="drill", stage=None, scenario_id=None, title="Um, basically, you know",
                issues=("filler",), drill_id="filler-words", misstep="filler"),
        attempt(now - 2 * day, 74, stage="mid", scenario_id="mid-analyst", title="Data analyst aiming to lead",
                issues=("hedging",)),
        attempt(now - day, 77, issues=("too_long",), text="[@click=app.quit]x[/] *bold* <script>"),
        attempt(now - timedelta(hours=2), 81, stage="mid", scenario_id="mid-engineer", title="Engineer going deeper"),
    ]


def content():
    drills, _ = load_drills()
    sets, _ = load_scenario_sets()
    return drills, sets


# -- trend -------------------------------------------------------------------------------------
def test_trend_is_scores_oldest_first_and_filters_by_stage():
    history = list(reversed(seed_history()))  # order in the input must not matter
    assert pm.trend(history) == [42, 55, 48, 61, 35, 66, 58, 70, 52, 74, 77, 81]
    assert pm.trend(history, "mid") == [55, 66, 74, 81]
    assert pm.trend(history, "senior") == []


def test_trend_skips_attempts_without_a_score():
    records = [attempt(NOW, 50), {**attempt(NOW + timedelta(1), 0), "score": None}]
    assert pm.trend(records) == [50]


def test_stages_with_attempts_in_stage_order():
    assert pm.stages_with_attempts(seed_history()) == ["entry", "mid"]


# -- weak labels -------------------------------------------------------------------------------
def test_weak_labels_count_issues_and_missing_elements_in_the_last_ten():
    labels = pm.weak_labels(seed_history(), last=10)
    counts = {(label.kind, label.code): label.count for label in labels}
    # The first two attempts are outside the window: their "vague" and one "hedging" don't count.
    assert counts[("issue", "hedging")] == 4
    assert counts[("issue", "filler")] == 2
    assert counts[("issue", "vague")] == 1
    assert counts[("missing", "timeframe")] == 1
    assert labels[0] == pm.Label("issue", "hedging", 4)
    assert labels[0].title == "hedging"


def test_weak_labels_ignore_bonus_elements_and_count_an_issue_once_per_attempt():
    record = attempt(NOW, 40, issues=("filler", "filler"), missing=("star_example", "long_term"))
    labels = pm.weak_labels([record])
    assert [(label.kind, label.code, label.count) for label in labels] == [
        ("issue", "filler", 1),
        ("missing", "long_term", 1),
    ]
    assert labels[1].title == "no long-term goal"


def test_weak_labels_of_no_history_is_empty():
    assert pm.weak_labels([]) == []


# -- practise next -------------------------------------------------------------------------
def test_practise_next_picks_a_drill_for_the_most_frequent_issue_not_done_recently():
    drills, sets = content()
    suggestion = practise_next(seed_history(), drills, sets, NOW)
    assert suggestion is not None
    assert suggestion.kind == "drill"
    assert suggestion.target_id == "hedging-unsure"  # hedging: 4 of the last 10
    assert "hedging" in suggestion.reason and "4 times" in suggestion.reason


def test_practise_next_skips_a_drill_done_recently():
    drills, sets = content()
    history = seed_history() + [
        attempt(NOW - timedelta(hours=1), 60, kind="drill", stage=None, scenario_id=None, drill_id="hedging-unsure")
    ]
    suggestion = practise_next(history, drills, sets, NOW)
    # The only hedging drill was just done; filler's drill was done three days ago (still
    # recent); so the next issue in the last ten, too_long, gets its drill.
    assert (suggestion.kind, suggestion.target_id) == ("drill", "rambling")
    assert "too long" in suggestion.reason


def test_practise_next_without_issues_picks_the_weakest_stage_scenario_not_practised_recently():
    drills, sets = content()
    history = [
        attempt(NOW - timedelta(days=9), 40, stage="entry", scenario_id="entry-nurse"),
        attempt(NOW - timedelta(days=8), 90, stage="mid", scenario_id="mid-analyst"),
        attempt(NOW - timedelta(hours=1), 50, stage="entry", scenario_id="entry-developer"),
    ]
    suggestion = practise_next(history, drills, sets, NOW)
    assert suggestion.kind == "scenario"
    entry_ids = [s.id for s in next(x for x in sets if x.stage == "entry").scenarios]
    # Weakest stage is entry (average 45); the developer scenario is recent, the nurse one was
    # practised, so a never-practised entry scenario comes first.
    assert suggestion.target_id in entry_ids
    assert suggestion.target_id not in ("entry-nurse", "entry-developer")
    assert "weakest" in suggestion.reason and "45" in suggestion.reason


def test_practise_next_calls_a_stage_weakest_only_beside_another():
    drills, sets = content()
    history = [attempt(NOW - timedelta(hours=1), 62, stage="entry", scenario_id="entry-nurse")]
    suggestion = practise_next(history, drills, sets, NOW)
    assert suggestion.kind == "scenario" and "62" in suggestion.reason
    assert "weakest" not in suggestion.reason


def test_practise_next_averages_main_answers_like_the_trend_does():
    drills, sets = content()
    history = [
        attempt(NOW - timedelta(hours=2), 84, stage="entry", scenario_id="entry-nurse"),
        {**attempt(NOW - timedelta(hours=1), 12, stage="entry", scenario_id="entry-nurse"), "follow_up": True},
    ]
    suggestion = practise_next(history, drills, sets, NOW)
    assert "84" in suggestion.reason  # a follow-up answers another question: not in the average


def test_practise_next_with_no_history_starts_at_the_persons_own_stage():
    drills, sets = content()
    suggestion = practise_next([], drills, sets, NOW, preferred_stage="senior")
    assert suggestion.kind == "scenario"
    assert suggestion.target_id == next(x for x in sets if x.stage == "senior").scenarios[0].id


def test_practise_next_with_no_content_is_none():
    assert practise_next(seed_history(), [], [], NOW) is None


# -- week stats and streaks ----------------------------------------------------------------
def test_week_stats_counts_since_monday_and_reports_the_latest_score():
    history = seed_history()
    stats = pm.week_stats(history, NOW)  # NOW is Monday 09:00: only today's attempt is this week
    assert stats == pm.WeekStats(this_week=1, latest_score=81, total=12)
    stats = pm.week_stats(history, NOW + timedelta(days=6))  # Sunday: the same week
    assert stats.this_week == 1
    assert pm.week_stats([], NOW) == pm.WeekStats(0, None, 0)


def test_streak_counts_consecutive_days_ending_today_or_yesterday():
    history = seed_history()  # days -4, -3, -2, -1 and today have attempts
    assert pm.streak(history, NOW) == 5
    assert pm.streak(history, NOW + timedelta(days=1)) == 5  # not broken until a whole day passes
    assert pm.streak(history, NOW + timedelta(days=2)) == 0
    assert pm.streak([], NOW) == 0


# -- table helpers -----------------------------------------------------------------------------
def test_filter_by_kind_and_text():
    history = seed_history()
    assert {a["kind"] for a in pm.filter_attempts(history, "drill")} == {"drill"}
    assert len(pm.filter_attempts(history, "builder")) == 2
    found = pm.filter_attempts(history, None, "ANALYST")
    assert [a["score"] for a in found] == [55, 74]
    assert pm.filter_attempts(history, "drill", "analyst") == []


def test_sort_by_each_column_and_direction():
    history = seed_history()
    assert [a["score"] for a in pm.sort_attempts(history, "score", True)][:3] == [81, 77, 74]
    assert [a["score"] for a in pm.sort_attempts(history, "date", False)][:2] == [42, 55]
    by_time = pm.sort_attempts(history, "time", False)
    assert by_time[0]["seconds"] is None  # no time sorts first ascending
    names = [pm.scenario_label(a) for a in pm.sort_attempts(history, "scenario", False)]
    assert names == sorted(names, key=str.casefold)


def test_formatting():
    assert format_duration(65.4) == "1:05" and format_duration(59.6) == "1:00"
    assert format_duration(None) == "—" and format_duration(True) == "—"
    assert pm.format_date("2026-11-02T09:00:00+00:00") == "2026-11-02 09:00"
    assert pm.format_date("2026-11-02T09:00:00Z") == "2026-11-02 09:00"
    assert pm.format_date("garbage") == "—"


def test_the_real_coach_feedback_feeds_weak_labels_and_the_suggestion():
    from goalcoach.domain.coaching import coach

    text = "Um, I guess I kind of want to maybe grow, you know, basically whatever."
    real = coach(text)
    records = [{**attempt(NOW - timedelta(hours=i), real["score"]), "id": f"r{i}", "feedback": real} for i in range(3)]
    labels = {(label.kind, label.code): label.count for label in pm.weak_labels(records)}
    for issue in real["issues"]:
        assert labels[("issue", issue["code"])] == 3
    missing = [c for c in pm.REQUIRED_ELEMENTS if not real["elements"][c]["present"]]
    assert missing and all(labels[("missing", code)] == 3 for code in missing)
    drills, sets = content()
    suggestion = practise_next(records, drills, sets, NOW)
    assert suggestion.kind == "drill"
    assert next(d for d in drills if d.id == suggestion.target_id).misstep == pm.weak_labels(records)[0].code


# -- score over time (the chart) -----------------------------------------------------------
def test_score_history_plots_main_answers_only_one_point_per_day():
    day = timedelta(days=1)
    records = [
        attempt(NOW - 2 * day, 40),
        attempt(NOW - 2 * day + timedelta(hours=1), 60),  # same day: averaged
        attempt(NOW - day, 90, follow_up=True),  # a follow-up is another question: not compared
        attempt(NOW - day, 20, kind="drill", stage=None),  # a drill is a recovery, not the main answer
        attempt(NOW, 75),
        attempt(NOW, 30, stage="mid"),
    ]
    history = pm.score_history(records, NOW, "entry")
    assert [score for _, score in history] == [50, 75]
    assert history[0][0] < history[1][0]
    assert [score for _, score in pm.score_history(records, NOW, "mid")] == [30]
    assert [score for _, score in pm.score_history(records, NOW)] == [50, 52]


NURSE = {"role": "Staff Nurse, Cardiology", "organisation": "St Mary's Hospital NHS Trust", "stage": "mid"}


def own_target_practice(now: datetime = NOW) -> list[dict[str, Any]]:
    """A mid-career nurse who practises their own target, with no recurring issue."""
    return [attempt(now - timedelta(days=d), 84, stage="mid", scenario_id=None, title="My target", own_target=True)
            for d in range(3)]


def practise_next_for(target, history, stage="mid"):
    from goalcoach.content import load_template

    drills, _ = load_drills()
    sets, _ = load_scenario_sets()
    return practise_next(history, drills, sets, NOW, preferred_stage=stage, target=target,
                            fields=load_template().fields)


def test_practise_next_never_offers_another_fields_scenario_for_a_known_target():
    suggestion = practise_next_for(NURSE, own_target_practice())
    # No mid-career scenario is a nurse's: the person's own target is what fits.
    assert (suggestion.kind, suggestion.target_id) == ("own_target", OWN_TARGET_ID)
    assert suggestion.lead + suggestion.title == "your own target: Staff Nurse, Cardiology at St Mary's Hospital NHS Trust"


def test_practise_next_offers_a_scenario_of_the_persons_field_and_stage():
    suggestion = practise_next_for({**NURSE, "stage": "entry"}, own_target_practice(), stage="entry")
    assert (suggestion.kind, suggestion.title) == ("scenario", "Newly qualified nurse")
    assert "your own target" in suggestion.reason.lower()
    # Once that one was practised recently, their own target comes next, not another field's.
    done = [*own_target_practice(), attempt(NOW, 80, stage="entry", scenario_id="entry-nurse")]
    assert practise_next_for({**NURSE, "stage": "entry"}, done, stage="entry").kind == "own_target"


def test_practise_next_for_a_target_in_no_known_field_is_the_own_target():
    target = {"role": "Barista", "organisation": "Bean There", "stage": "mid"}
    assert practise_next_for(target, own_target_practice()).kind == "own_target"
