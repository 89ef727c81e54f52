"""User text is data: strip the control characters a terminal would act on. Never imports textual.

Escape sequences in a pasted answer or an imported profile (ESC[2J, OSC 8 hyperlinks, ...)
would otherwise reach the terminal as commands. Newlines and tabs are kept; Windows line
endings become plain newlines.
"""

from __future__ import annotations

import re
from typing import Any

# Whole escape sequences go, so "ESC[31mred" leaves "red" rather than "[31mred".
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks, clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # anything else after ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 controls except tab and newline, DEL, and the C1 range.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    if not _CONTROL.search(text):
        return text  # the common case costs one scan and no copy
    text = _SEQUENCE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text)


def clean_data(value: Any) -> Any:
    """clean_text applied to every string in nested dicts and lists (keys included)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(k) if isinstance(k, str) else k: clean_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_data(v) for v in value)
    return value


# Emoji code points whose width terminals disagree on. A variation selector turns "❤" (1 cell)
# into "❤️", which Textual counts as 2 cells and tmux, xterm and most Linux terminals draw in 1;
# a skin-tone modifier makes "👍🏽" 2 cells for Textual and 4 for those terminals; a zero-width
# joiner makes "👩‍💻" one 2-cell picture in some terminals and two pictures (4 cells) in others.
# Any such disagreement moves everything after it on the row, a panel's border included.
_UNSTEADY_WIDTH = re.compile("[\u200d\ufe0f\U0001f3fb-\U0001f3ff]")


def steady_width(text: str) -> str:
    """`text` without the code points that make its width differ between terminals.

    What remains is drawn equally wide everywhere: "❤️" becomes "❤", "👍🏽" becomes "👍" and
    "👩‍💻" becomes "👩💻" (two pictures side by side). Only for showing text; the stored text keeps them.
    """
    return _UNSTEADY_WIDTH.sub("", text) if _UNSTEADY_WIDTH.search(text) else text


def steady_width_offsets(text: str) -> tuple[str, list[int]]:
    """steady_width(text) and, for each offset 0..len(text) in `text`, the offset it moves to."""
    if not _UNSTEADY_WIDTH.search(text):
        return text, list(range(len(text) + 1))
    kept: list[str] = []
    offsets: list[int] = []
    for character in text:
        offsets.append(len(kept))
        if not _UNSTEADY_WIDTH.match(character):
            kept.append(character)
    offsets.append(len(kept))
    return "".join(kept), offsets
