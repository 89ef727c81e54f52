"""The answer with the coach's evidence highlighted. User text is never markup.

`highlighted_lines` gives one Content per line of the answer, each with its own spans, so a
view can repaint only the lines whose text or highlights changed. Its styles are theme
variables, so every Textual theme (light ones included) shows them in its own colours.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from rich.text import Text
from textual.content import Content, Span

from goalcoach.textsafety import steady_width_offsets

# Long pastes are shown up to here; the coach still reads (a bounded part of) the rest.
MAX_SHOWN_CHARS = 6000

EVIDENCE_STYLE = "underline $text-success"
ISSUE_SPAN_STYLE = "bold $text-error on $error-muted"
MORE_STYLE = "italic dim"

# Rich styles, for screens that still build rich Text (see `highlighted_answer`).
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


def more_note(text: str) -> Content | None:
    """What follows the shown part of a long answer, or None when all of it is shown."""
    hidden = len(text) - MAX_SHOWN_CHARS
    return Content.styled(f"… {hidden:,} more characters not shown", MORE_STYLE) if hidden > 0 else None


def highlighted_lines(text: str, feedback: dict[str, Any] | None) -> list[Content]:
    """The shown part of the answer, line by line: element evidence underlined, issues marked.

    Spans are cut at line ends and made relative to their line, so an edit on one line leaves
    every other line's Content identical (`is_same`) to what it was. Emoji are shown in a form
    every terminal draws as wide as Textual measures it, so the panel's border stays put.
    """
    lines = text[:MAX_SHOWN_CHARS].split("\n")
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    per_line: list[list[Span]] = [[] for _ in lines]
    good, bad = _spans(feedback or {})
    # An issue about the whole answer (its length) marks no words in particular.
    bad = [span for span in bad if span != (0, len(text))]
    # Issues last, so they win where both apply.
    for style, spans in ((EVIDENCE_STYLE, good), (ISSUE_SPAN_STYLE, bad)):
        for start, end in spans:
            if not 0 <= start < end:
                continue
            row = bisect_right(starts, start) - 1
            while row < len(lines) and starts[row] < end:
                line_start, line_end = starts[row], starts[row] + len(lines[row])
                piece_start, piece_end = max(start, line_start), min(end, line_end)
                if piece_start < piece_end:
                    per_line[row].append(Span(piece_start - line_start, piece_end - line_start, style))
                row += 1
    return [_steady_line(line, per_line[row]) for row, line in enumerate(lines)]


def _steady_line(line: str, spans: list[Span]) -> Content:
    """The line as every terminal draws it equally wide (see steady_width), its spans moved along."""
    shown, offsets = steady_width_offsets(line)
    if shown is not line:
        spans = [Span(offsets[s.start], offsets[s.end], s.style) for s in spans if offsets[s.start] < offsets[s.end]]
    return Content(shown, spans)


def highlighted_answer(text: str, feedback: dict[str, Any] | None) -> Text:
    """The whole answer as rich Text: evidence underlined green, issues in red; the rest plain."""
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
