"""Reports of unexpected errors, written for a bug report and never shown with private text.

A traceback's local variables hold answers and drafts, so a report keeps only where the
error happened (files, lines, functions) and the exception's type. Its message is left out
too: a message can quote the data that caused it. Never imports textual.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime, timezone
from pathlib import Path

from goalcoach import __version__, paths


def describe(error: BaseException) -> str:
    """The error as a report: frames and exception types only (no values, no messages)."""
    lines = [f"goalcoach {__version__}: unexpected error\n"]
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for n, exc in enumerate(reversed(chain)):
        if n:
            lines.append("\nwhile handling the error above, another happened:\n")
        summary = traceback.extract_tb(exc.__traceback__)
        # capture_locals is off by default; the source line is kept (it is goalcoach's code).
        lines.extend(summary.format())
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}\n")
    return "".join(lines)


def save(data_dir: Path, error: BaseException) -> Path | None:
    """Write a 0600 report into the data directory; its path, or None if it could not be written."""
    from goalcoach.profile.storage import atomic_write_bytes, refuse_symlink

    directory = paths.crash_reports_dir(Path(data_dir))
    try:
        refuse_symlink(directory)
        directory.mkdir(mode=paths.DIR_MODE, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = directory / f"crash-{stamp}-{os.getpid()}.txt"
        atomic_write_bytes(target, describe(error).encode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 - a report that cannot be written must not hide the notice
        return None
    return target
