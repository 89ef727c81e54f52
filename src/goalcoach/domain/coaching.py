"""Glue between the profile and the coach: build the coach's context from the person's target.

Never imports textual. Sections used (written by the self-assessment):
  target: {"role", "organisation", "mission", "terms": [..], "stage"}
"""

from __future__ import annotations

import dataclasses

from typing import Any, Iterable

from goalcoach.coach import Context, analyse
from goalcoach.coach.feedback import STAGES
from goalcoach.domain.target import target_stage


def context_for(
    profile: Any | None = None,
    *,
    stage: str | None = None,
    role: str | None = None,
    company: str | None = None,
    terms: Iterable[str] | None = None,
) -> Context:
    """Explicit values win; anything not given comes from the profile's target, if any."""
    target = (profile.section("target") or {}) if profile is not None else {}
    chosen = stage or target_stage(profile)
    return Context(
        # Any stage the coach knows (gap included); anything else is simply not used.
        stage=chosen if chosen in STAGES else None,
        role=role or target.get("role") or None,
        company=company or target.get("organisation") or None,
        terms=tuple(terms if terms is not None else (target.get("terms") or ())),
    )


def target_context(profile: Any | None, *, slots_key: str = "") -> Context:
    """The coach's context for the person's own target: the profile's stage, role, organisation
    (also by its short forms, "St Mary's" for St Mary's Hospital NHS Trust) and terms.
    `slots_key`: the key to the builder's template slots, for an answer written there."""
    from goalcoach.domain.organisation_names import with_short_company

    return dataclasses.replace(with_short_company(context_for(profile)), slots_key=slots_key)


def coach(text: str, context: Context | None = None) -> dict[str, Any]:
    """The coach's result as plain data (what the panel shows and attempts store)."""
    return analyse(text, context).to_dict()


def coach_answer(text: str, profile: Any, *, own_target: bool = False, correction: bool = False,
                 follow_up: bool = False, **context: Any) -> dict[str, Any]:
    """Coach an answer for a screen (run in a worker thread). `own_target` coaches against the
    profile's target; otherwise the given stage/company/terms are the whole context.
    `correction`: the answer re-frames an earlier one (a recovery, or a reply to a pushback).
    `follow_up`: it replies to a follow-up, after the main answer named the goal."""
    from goalcoach.domain.correction import as_correction
    from goalcoach.domain.organisation_names import with_short_company

    ctx = target_context(profile) if own_target else with_short_company(context_for(None, **context))
    if follow_up:
        ctx = dataclasses.replace(ctx, follow_up=True)
    return coach(text, as_correction(ctx) if correction else ctx)


def word_count(text: str) -> int:
    """Words as the coach counts them, so every screen gives the same number for one text."""
    from goalcoach.coach.text import count_words

    return count_words(text)
