"""Tell the coach an answer is a correction (a recovery, or a reply to a pushback), so that
re-framing the earlier answer is part of what is asked.

The coach's Context gains an `expects_acknowledgement` flag in rubric v2; a coach without it
simply judges the answer as it is.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def as_correction(context: Any) -> Any:
    fields = {f.name for f in dataclasses.fields(context)} if dataclasses.is_dataclass(context) else set()
    if "expects_acknowledgement" not in fields:
        return context
    return dataclasses.replace(context, expects_acknowledgement=True)
