"""The answer as rich Text with the coach's evidence highlighted. User text is never markup."""

from __future__ import annotations

from typing import Any

from rich.text import Text

# Long pastes are shown up to here; the coach still reads (a bounded part of) the rest.
MAX_SHOWN_CHARS = 6000

ELEMENT_STYLE = "underline bold green"
ISSUE_STYLE = "bold reverse red"


def _spans(feedback: dict[str, Any]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    good: list[tuple[int, int]] = []
    for result in (feedback.get("elements") or {}).values():
        for span in result.get("evidence") or []:
            good.append((int(span[0]), int(span[1])))
    bad: list[tuple[int, int]] = []
    for issue in feedback.get("issues") or []:
        spans = issue.get("spans") or [[issue.get("start", 0), issue.get("end", 0)]]
        for span in spans:
            bad.append((int(span[0]), int(span[1])))
    return good, bad


def highlighted_answer(text: str, feedback: dict[str, Any] | None) -> Text:
    """Evidence for elements underlined green, evidence for issues in red; the rest plain."""
    shown = text[:MAX_SHOWN_CHARS]
    result = Text(shown, no_wrap=False)
    if feedback:
        good, bad = _spans(feedback)
        for start, end in good:
            if 0 <= start < end <= len(shown):
                result.stylize(ELEMENT_STYLE, start, end)
        for start, end in bad:  # issues last, so they win where both apply
            if 0 <= start < end <= len(shown):
                result.stylize(ISSUE_STYLE, start, end)
    if len(text) > len(shown):
        result.append(f"\n… {len(text) - len(shown):,} more characters not shown", style="dim italic")
    return result
