"""A footer that keeps the keys that matter when the terminal is narrow.

Textual's Footer shows every shown binding in order and cuts off what does not fit, so on a
narrow terminal the last keys (the app's help and quit) are the first to go. A screen names its
secondary actions in `FOOTER_SECONDARY`; below `TIGHT_WIDTH` columns this footer leaves them
out. Their keys still work, and the screen's help (f1) lists them.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

TIGHT_WIDTH = 80


class KeyFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._tight: bool | None = None

    def _is_tight(self, width: int) -> bool:
        return 0 < width < TIGHT_WIDTH

    def compose(self) -> ComposeResult:
        self._tight = self._is_tight(self.size.width or self.app.size.width)
        secondary = set(getattr(self.screen, "FOOTER_SECONDARY", ())) if self._tight else set()
        for widget in super().compose():
            if getattr(widget, "action", None) not in secondary:
                yield widget

    def on_resize(self, event: events.Resize) -> None:
        if self._tight is not None and self._is_tight(event.size.width) != self._tight:
            self.call_after_refresh(self.recompose)
