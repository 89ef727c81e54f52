"""Export and import files: the text of an export, writing it privately, reading one back.

Shared by `goalcoach export`/`import` and the app's command-palette entries, so both
behave the same. Never imports textual.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

from goalcoach.domain import transfer


def render(profile: Any, fmt: str, exported: str) -> str:
    """The export's text: the JSON backup or the Markdown prep sheet."""
    snapshot = profile.snapshot()
    if fmt == "json":
        return transfer.dumps(transfer.export_document(snapshot, exported))
    from goalcoach.content import load_recovery_moves
    from goalcoach.domain import coaching  # the coach loads its lexicon: only when needed
    from goalcoach.domain.prep_sheet import prep_sheet

    answer = transfer.current_answer(snapshot)
    feedback = coaching.coach_answer(answer[1], profile, own_target=True) if answer else None
    stage = ((snapshot.get("sections") or {}).get("target") or {}).get("stage")
    return prep_sheet(snapshot, answer, feedback, load_recovery_moves(), exported, expected_follow_ups(stage),
                      follow_up_variants())


def follow_up_variants() -> dict[str, str]:
    """Each follow-up question's wording (a warm, probing or sceptical interviewer asks the same
    question differently) -> the follow-up it belongs to."""
    from goalcoach.content import load_follow_ups

    return {question: follow_up.id for follow_up in load_follow_ups() for question in follow_up.questions}


def expected_follow_ups(stage: Any) -> list[str]:
    """Follow-up questions asked in the practice scenarios for `stage`, most asked first, each
    once however many wordings the scenarios' interviewers give it."""
    from collections import Counter

    from goalcoach.content import load_scenario_sets

    sets, _ = load_scenario_sets()
    asked = Counter(q for s in sets if s.stage == stage for scenario in s.scenarios for q in scenario.follow_ups)
    variants = follow_up_variants()
    seen: set[str] = set()
    questions = []
    for question, _ in asked.most_common():
        key = variants.get(question, question)
        if key not in seen:
            seen.add(key)
            questions.append(question)
    return questions


def write_new_file(path: Path, text: str, *, force: bool = False) -> None:
    """Write privately (0600) and atomically; FileExistsError unless `force`.

    Only a regular file is ever replaced: a FIFO or a device (a pipe to a printer, /dev/null)
    is written into, as a shell's `>` would, and stays what it was.
    """
    from goalcoach.profile.storage import atomic_write_bytes, write_all

    data = text.encode("utf-8")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not force:
        raise FileExistsError(path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
        try:
            write_all(fd, data)
        finally:
            os.close(fd)
        return
    atomic_write_bytes(path, data)


def read_export(path: Path) -> dict[str, Any]:
    """Read and validate an export file; TransferError with a one-line reason.

    Only a regular file up to transfer.MAX_IMPORT_BYTES is read: a FIFO, a device such as
    /dev/zero, or a huge file is refused at once instead of hanging or filling memory.
    """
    limit = transfer.MAX_IMPORT_BYTES
    try:
        # O_NONBLOCK: opening a FIFO nobody writes to must not hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise transfer.TransferError("no such file") from None
    except IsADirectoryError:
        raise transfer.TransferError("is a directory, not an export file") from None
    except OSError as error:
        raise transfer.TransferError(f"cannot read it: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise transfer.TransferError("is a directory, not an export file")
        if not stat.S_ISREG(info.st_mode):
            raise transfer.TransferError("is not a regular file (a pipe or a device); save the export to a file first")
        if info.st_size > limit:
            raise transfer.TransferError(f"is larger than {limit // (1024 * 1024)} MiB, too large for an export")
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise transfer.TransferError(f"cannot read it: {error.strerror or error}") from None
    finally:
        os.close(fd)
    return transfer.parse_export(b"".join(chunks))
