"""The guide (guide/*.md): lessons in reading order, then the per-screen help pages."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from goalcoach.content.types import ContentError
from goalcoach.paths import content_dir

#: Guide lessons in reading order; other guide files (per-screen help) follow alphabetically.
LESSONS: tuple[str, ...] = (
    "why-they-ask",
    "strong-answer",
    "stages",
    "mistakes",
    "recovery",
    "follow-ups",
    "delivery",
)

_GUIDE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


def list_guides(root: Path | None = None) -> list[str]:
    """Guide names (file stems): the lessons in reading order, then any others A–Z."""
    folder = (content_dir() if root is None else Path(root)) / "guide"
    names = {p.stem for p in folder.glob("*.md")} if folder.is_dir() else set()
    lessons = [n for n in LESSONS if n in names]
    return lessons + sorted(names - set(lessons))


def load_guide(name: str, root: Path | None = None) -> str:
    """The Markdown text of guide/{name}.md. A missing guide raises ContentError."""
    relative = f"guide/{name}.md"
    if not _GUIDE_NAME.fullmatch(name):
        raise ContentError(relative, "", "not a valid guide name")
    if root is None:
        return _guide(content_dir(), relative)
    return _guide.__wrapped__(Path(root), relative)


@functools.cache
def _guide(root: Path, relative: str) -> str:
    try:
        return (root / relative).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(relative, "", "guide not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(relative, "", f"cannot read: {exc}") from None
