"""Loads the coaching content (content/) into typed, validated objects. Never imports textual."""

from __future__ import annotations

from pathlib import Path


def content_dir() -> Path:
    """The content folder: inside the installed wheel, or the repository's top-level content/."""
    here = Path(__file__).resolve().parent
    packaged = here / "content_data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "content"
