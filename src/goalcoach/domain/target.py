"""The person's target (role, organisation, stage), as the self-assessment saved it."""

from __future__ import annotations

from typing import Any


def target_stage(profile: Any | None) -> str | None:
    """The career stage the person chose in the self-assessment, if any."""
    target = (profile.section("target") or {}) if profile is not None else {}
    return target.get("stage") or None
