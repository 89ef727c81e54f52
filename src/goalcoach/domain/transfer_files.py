"""Export and import files: the text of an export, writing it privately, reading one back.

Shared by `goalcoach export`/`import` and the app's command-palette entries, so both
behave the same. Never imports textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from goalcoach.domain import transfer


def render(profile: Any, fmt: str, exported: str) -> str:
    """The export's text: the JSON backup or the Markdown prep sheet."""
    snapshot = profile.snapshot()
    if fmt == "json":
        return transfer.dumps(transfer.export_document(snapshot, exported))
    from goalcoach.content import load_recovery_moves
    from goalcoach.domain.prep_sheet import prep_sheet

    answer = transfer.current_answer(snapshot)
    feedback = coach_answer(profile, answer[1]) if answer else None
    stage = ((snapshot.get("sections") or {}).get("target") or {}).get("stage")
    return prep_sheet(snapshot, answer, feedback, load_recovery_moves(), exported, expected_follow_ups(stage))


def expected_follow_ups(stage: Any) -> list[str]:
    """Follow-up questions asked in the practice scenarios for `stage`, most asked first."""
    from collections import Counter

    from goalcoach.content import load_scenario_sets

    sets, _ = load_scenario_sets()
    asked = Counter(q for s in sets if s.stage == stage for scenario in s.scenarios for q in scenario.follow_ups)
    return [question for question, _ in asked.most_common()]


def coach_answer(profile: Any, text: str) -> dict[str, Any]:
    from goalcoach.domain import coaching

    return coaching.coach(text, coaching.context_for(profile))


def write_new_file(path: Path, text: str, *, force: bool = False) -> None:
    """Write privately (0600) and atomically; FileExistsError unless `force`."""
    from goalcoach.profile.storage import atomic_write_bytes

    if path.exists() and not force:
        raise FileExistsError(path)
    atomic_write_bytes(path, text.encode("utf-8"))


def read_export(path: Path) -> dict[str, Any]:
    """Read and validate an export file; TransferError with a one-line reason."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise transfer.TransferError("no such file") from None
    except IsADirectoryError:
        raise transfer.TransferError("is a directory, not an export file") from None
    except OSError as error:
        raise transfer.TransferError(f"cannot read it: {error.strerror or error}") from None
    return transfer.parse_export(data)
