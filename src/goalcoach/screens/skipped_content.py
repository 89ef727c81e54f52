"""A content file that could not be loaded, named on a picker list (practice and drill)."""

from __future__ import annotations

from rich.text import Text

from goalcoach.content import ContentError


def error_line(error: ContentError) -> Text:
    """A skipped content file, named, for a picker list (content text is never markup)."""
    where = f"{error.field}: " if error.field else ""
    return Text(f"⚠ Skipped {error.file}: {where}{error.problem}", style="italic")
