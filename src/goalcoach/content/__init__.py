"""Loads the coaching content (content/) into typed, validated objects. Never imports textual.

Every loader takes an optional `root` (the content folder); without it the shipped content is
loaded once and cached, since it does not change while the app runs. Scenario sets and drills
are many files: a broken one is reported in the returned error list and skipped. The single
files (pushbacks, recovery moves, template, worksheets, guides) raise ContentError.
"""

from __future__ import annotations

from goalcoach.content.answer_template import load_template
from goalcoach.content.drills import load_drills, load_pushbacks, load_recovery_moves
from goalcoach.content.follow_up_catalogue import load_follow_ups
from goalcoach.content.guides import LESSONS, list_guides, load_guide
from goalcoach.content.scenarios import load_scenario_sets
from goalcoach.content.types import (
    DRILL_MISSTEPS,
    MANNERS,
    SET_STAGES,
    ContentError,
    Drill,
    Employer,
    Facts,
    FieldExamples,
    FollowUp,
    Interviewer,
    Prompt,
    RecoveryMove,
    Scenario,
    ScenarioSet,
    Slot,
    Stage,
    Template,
    Worksheets,
)
from goalcoach.content.worksheets import load_worksheets
from goalcoach.paths import content_dir

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
